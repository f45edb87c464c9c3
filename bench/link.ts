/**
 * `npm run bench:link`: story clustering on the Hamborg news-cluster set
 * (../shared/data/news-clustering), articles in publication order, one pass, against the
 * peer baseline in the same run: TF-IDF single-pass clustering (title counted twice, mean
 * link to a cluster's articles), its threshold tuned on the set itself.
 * Then wire copies (made from PolNeAR's texts, and the Hamborg set's own), and the cost of
 * linking at ingest (`dateline ingest` with linking off and on).
 * Options: --skip-ingest (no ingest runs, about 3 minutes less); --scale (also the cost of
 * linking one article at 1,000 and at 100,000 stored articles: a store of 100,000 built
 * with linking on, 15–20 minutes).
 */
import { read } from '../src/read.js';
import { linkArticleOf } from '../src/link/from-doc.js';
import { StoryLinker, type LinkArticle } from '../src/link/stories.js';
import { addTermCounts } from '../src/link/terms.js';
import { CollectionLinker, MemoryLinkState } from '../src/link/linker.js';
import { bcubed, type BCubed } from './lib/bcubed.js';
import { makeCopyCases } from './lib/copy-groups.js';
import { exactShingles, overlappingPairs } from './lib/shingles.js';
import { LINK_CACHE, median, pagesFile, timedIngest } from './lib/link-costs.js';
import { entityReport } from './lib/entity-report.js';
import { linkingScale } from './lib/link-scale.js';
import { loadPolnear } from './lib/polnear.js';
import { SHARED } from './lib/datasets.js';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { HAMBORG_FILE, loadHamborg, type HamborgArticle } from './lib/hamborg.js';

const articles = loadHamborg();
if (articles === undefined) {
  console.log(`bench:link needs ${HAMBORG_FILE}; not found, nothing measured.`);
  process.exit(0);
}

const started = performance.now();
const linkable = articles.map((article) => {
  const doc = read({ content: article.text, format: 'text', url: article.url }, { understand: { quotes: false, times: false } });
  return { ...linkArticleOf(doc), headline: article.title, date: article.published };
});
const understandMs = performance.now() - started;

const show = (label: string, s: BCubed) =>
  console.log(`${label.padEnd(52)} B³ P ${s.precision.toFixed(1)}  R ${s.recall.toFixed(1)}  F1 ${s.f1.toFixed(1)}  (${s.clusters} stories)`);

function ours(items: readonly number[]): BCubed {
  const linker = new StoryLinker();
  const stories = items.map((i) => linker.add(linkable[i]!).story);
  return bcubed(stories, items.map((i) => articles![i]!.event));
}

const all = articles.map((_, i) => i);
const even = all.filter((i) => articles[i]!.event % 2 === 0);
const odd = all.filter((i) => articles[i]!.event % 2 === 1);
console.log(`Hamborg news-cluster set: ${articles.length} articles, ${new Set(articles.map((a) => a.event)).size} events; understood in ${(understandMs / 1000).toFixed(1)} s`);
const linkStart = performance.now();
show('Dateline, fixed weights: all', ours(all));
const linkMs = performance.now() - linkStart;
show('  development half (even events)', ours(even));
show('  check half (odd events)', ours(odd));
console.log(`  linking: ${(linkMs / articles.length).toFixed(2)} ms per article`);

const peer = baseline(articles);
show(`TF-IDF single pass, tuned threshold ${peer.threshold.toFixed(2)}: all`, peer.score);

copies();
if (!process.argv.includes('--skip-ingest')) await ingestCosts();
if (process.argv.includes('--scale')) scale();

/** The cost of linking one article at 1,000 and at 100,000 stored articles. */
function scale(): void {
  const folder = join(SHARED, 'data', 'quotes', 'polnear');
  const texts = [...articles!.map((a) => ({ headline: a.title, body: a.text })), ...(existsSync(folder) ? [...loadPolnear(join(folder, 'train')), ...loadPolnear(join(folder, 'dev'))].map((a) => ({ headline: a.text.split('\n')[0]!.slice(0, 120), body: a.text })) : [])];
  const started = performance.now();
  const [small, large] = linkingScale(texts, 100_000, [
    [1000, 2000],
    [99_000, 100_000],
  ]);
  console.log(`\nLinking cost per article, ${texts.length} real texts each stored many times with a paragraph of another (${((performance.now() - started) / 60_000).toFixed(1)} min):`);
  console.log(`  articles 1,000–2,000: ${small!.ms.toFixed(2)} ms; 99,000–100,000: ${large!.ms.toFixed(2)} ms; ratio ${(large!.ms / small!.ms).toFixed(2)}`);
}

/** Ingest of the same pages (Hamborg's and PolNeAR's, as {"url","html"} lines on standard input) with linking off and on, alternating. */
async function ingestCosts(): Promise<void> {
  const folder = join(SHARED, 'data', 'quotes', 'polnear');
  const texts = existsSync(folder) ? [...loadPolnear(join(folder, 'train')), ...loadPolnear(join(folder, 'dev'))].map((a) => a.text) : [];
  const pages = pagesFile(articles!, texts);
  const seconds: Record<'off' | 'on', number[]> = { off: [], on: [] };
  for (let round = 0; round < 3; round++) {
    for (const link of [false, true]) {
      const run = await timedIngest(pages, link);
      if (run.status !== 0) throw new Error(`dateline ingest exited with ${run.status}`);
      seconds[link ? 'on' : 'off'].push(run.seconds);
    }
  }
  const pagesCount = articles!.length + texts.length;
  const off = median(seconds.off);
  const on = median(seconds.on);
  console.log(`\nIngest of ${pagesCount} pages (dateline ingest -, a reader per core), median of 3 runs each, alternating:`);
  console.log(`  linking off ${off.toFixed(1)} s (${(pagesCount / off).toFixed(1)} pages/s), on ${on.toFixed(1)} s (${(pagesCount / on).toFixed(1)} pages/s): throughput with linking ${(100 * (1 - off / on)).toFixed(1)} % below linking off`);
  entityReport(join(LINK_CACHE, 'ingest-on.db'));
}

/**
 * Wire copies made from PolNeAR's article texts (political news of 2016 from many outlets,
 * so unrelated articles on one event abound), among the rest of its texts; then the
 * Hamborg set's own syndicated copies, judged by their exact shingle overlap.
 */
function copies(): void {
  const folder = join(SHARED, 'data', 'quotes', 'polnear');
  if (!existsSync(folder)) {
    console.log(`\nWire copies: needs ${folder}; not found, not measured.`);
    return;
  }
  const raw = [...loadPolnear(join(folder, 'train')), ...loadPolnear(join(folder, 'dev'))].map((a) => a.text);
  // The corpus has wire stories of its own carried by several outlets: one of each such pair is left out, so that every copy in the set is one made here.
  const natural = new Set(overlappingPairs(raw.map(exactShingles), 0.2).map(([, j]) => j));
  const texts = raw.filter((_, i) => !natural.has(i));
  const cases = makeCopyCases(texts, 150);
  const linker = new CollectionLinker(new MemoryLinkState());
  const start = performance.now();
  for (const c of cases) linker.add({ id: c.id, headline: '', body: c.body, date: c.date, firstSeen: c.date, entities: [] });
  const ms = performance.now() - start;
  const pairs = (groupOf: (id: number) => number) => {
    const groups = new Map<number, number[]>();
    for (const c of cases) {
      const g = groupOf(c.id);
      groups.set(g, [...(groups.get(g) ?? []), c.id]);
    }
    const out = new Set<string>();
    for (const ids of groups.values()) for (const a of ids) for (const b of ids) if (a < b) out.add(`${a}-${b}`);
    return out;
  };
  const groupOf = new Map(cases.map((c) => [c.id, c.group]));
  const gold = pairs((id) => groupOf.get(id)!);
  const found = pairs((id) => linker.state.firstCopy(id)!);
  const right = [...found].filter((p) => gold.has(p)).length;
  const groups = new Set(cases.filter((c) => c.change !== 'unrelated').map((c) => c.group));
  const firstRight = [...groups].filter((g) => linker.state.firstCopy(g) === g).length;
  console.log(`\nWire copies: ${cases.length} articles, shuffled: ${texts.length} PolNeAR texts (${natural.size} of its own copies left out), ${groups.size} of them republished 1–4 times`);
  console.log(`  pairs: precision ${(right / found.size).toFixed(3)}, recall ${(right / gold.size).toFixed(3)} (${right} of ${gold.size} true pairs; ${found.size} found)`);
  const missed = new Map<string, number>();
  for (const c of cases) if (c.change !== 'original' && c.change !== 'unrelated' && linker.state.firstCopy(c.id) !== linker.state.firstCopy(c.group)) missed.set(c.change, (missed.get(c.change) ?? 0) + 1);
  console.log(`  copies not joined to their group, by change: ${[...missed].map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`);
  console.log(`  the original is its group's first: ${firstRight} of ${groups.size} (${((100 * firstRight) / groups.size).toFixed(1)} %)`);
  console.log(`  linking: ${(ms / cases.length).toFixed(2)} ms per article`);

  const hamborg = new CollectionLinker(new MemoryLinkState());
  articles!.forEach((a, i) => hamborg.add({ id: i + 1, headline: a.title, body: a.text, date: a.published, firstSeen: a.published ?? '', entities: [] }));
  const sets = articles!.map((a) => exactShingles(a.text));
  const truth = overlappingPairs(sets, 0.5).map(([i, j]) => ({ pair: `${i + 1}-${j + 1}`, short: Math.min(sets[i]!.size, sets[j]!.size) < 30 }));
  const ours = new Set<string>();
  for (let i = 1; i <= articles!.length; i++) for (let j = i + 1; j <= articles!.length; j++) if (hamborg.state.firstCopy(i) === hamborg.state.firstCopy(j)) ours.add(`${i}-${j}`);
  const agree = (list: typeof truth) => list.filter((t) => ours.has(t.pair)).length;
  const long = truth.filter((t) => !t.short);
  console.log(`Hamborg syndicated copies, pairs whose shorter text has half its 5-shingles in the other: ${truth.length}; found ${agree(truth)}`);
  console.log(`  of those whose shorter text has 30 shingles or more (the rest are boilerplate lines): ${long.length}; found ${agree(long)} (recall ${(agree(long) / long.length).toFixed(3)}); pairs found beyond all ${truth.length}: ${ours.size - agree(truth)}`);
}

/** The peer: TF-IDF over the whole set (title twice), each article to the cluster of highest mean cosine, tuned on the set. */
function baseline(items: readonly HamborgArticle[]): { threshold: number; score: BCubed } {
  const counts = items.map((a) => addTermCounts(`${a.title} ${a.title} ${a.text}`, new Map()));
  const df = new Map<string, number>();
  for (const c of counts) for (const term of c.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const vectors = counts.map((c) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [term, n] of c) {
      const w = n * (Math.log((1 + items.length) / (1 + df.get(term)!)) + 1);
      v.set(term, w);
      norm += w * w;
    }
    for (const [term, w] of v) v.set(term, w / Math.sqrt(norm));
    return v;
  });
  const cos = (a: Map<string, number>, b: Map<string, number>) => {
    let dot = 0;
    for (const [term, w] of a) dot += w * (b.get(term) ?? 0);
    return dot;
  };
  let best = { threshold: 0, score: bcubed([], []) };
  for (let threshold = 0.02; threshold <= 0.5; threshold += 0.01) {
    const clusters: number[][] = [];
    const label: number[] = [];
    vectors.forEach((v, i) => {
      let at = -1;
      let top = threshold;
      clusters.forEach((members, c) => {
        const mean = members.reduce((sum, m) => sum + cos(v, vectors[m]!), 0) / members.length;
        if (mean >= top) [at, top] = [c, mean];
      });
      if (at < 0) clusters.push([i]);
      else clusters[at]!.push(i);
      label.push(at < 0 ? clusters.length - 1 : at);
    });
    const score = bcubed(label, items.map((a) => a.event));
    if (score.f1 > best.score.f1) best = { threshold, score };
  }
  return best;
}
export type { LinkArticle };
