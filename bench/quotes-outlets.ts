/**
 * `npm run bench:quotes` (second part): the quotes stage on news from other outlets than
 * PolNeAR's — the Zyte benchmark's and WCXB's article texts, read from ../shared/data,
 * annotated by hand for this project in two sets of sites (OUTLET_SETS; guidelines in
 * bench/data/quotes-outlets-guide.md). Each text runs through sentences, the tagger, entities and quotes
 * as plain text, its lines the paragraphs.
 *
 * Scored as PolNeAR is: a prediction is right when at least half its tokens lie in one
 * gold content (quoted, reported or belief); a gold is found when half its tokens lie in
 * one prediction. Recall counts speech only (quoted and reported). A speaker is right when
 * the name we give (the speaker entity's, else the antecedent of a pronoun, else the words
 * beside the cue) shares a name word with the annotated speaker; for an unnamed source,
 * when we give its own words (overlapping the annotated ones) and no entity borrowed from
 * elsewhere.
 *
 *   node dist/bench/quotes-outlets.js [--sets first,second] [--show wrong|false|missed] [--min-confidence X]
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Quote } from '../src/doc/annotations.js';
import { createDoc, type NewsDoc } from '../src/doc/news-doc.js';
import type { Stage } from '../src/pipeline/stage.js';
import { onSpeakersPage, PERSON_PAGE_CONFIDENCE, quotesStage } from '../src/stages/quotes/index.js';
import { sentencesStage } from '../src/stages/sentences/index.js';
import { createNerStage } from '../src/stages/ner/index.js';
import { entitiesStage } from '../src/stages/entities/index.js';
import { loadNerTagger } from '../src/io/ner-model.js';
import { loadWcxb, loadZyte } from './lib/datasets.js';
import { linesAsBlocks } from './lib/polnear.js';
import { REPO_ROOT } from '../test/helpers/repo.js';
import { MATCH_SHARE, scores, tokenIndex, tokensOf, type Scores } from './lib/polnear-score.js';

interface GoldAttribution {
  readonly kind: 'quoted' | 'reported' | 'belief';
  readonly content: [number, number];
  readonly source: [number, number] | null;
  readonly speaker: string | null;
  readonly speakerKind: 'person' | 'organisation' | 'generic' | 'none';
}

interface AnnotatedArticle {
  readonly set: 'zyte' | 'wcxb';
  readonly id: string;
  readonly host: string;
  readonly sha256: string;
  readonly attributions: readonly GoldAttribution[];
}

/**
 * The annotated sets, each from sites the others do not have: the first was developed on;
 * the second was annotated later and scored before any change made after seeing it.
 */
export const OUTLET_SETS = {
  first: join(REPO_ROOT, 'bench', 'data', 'quotes-outlets.json'),
  second: join(REPO_ROOT, 'bench', 'data', 'quotes-outlets-2.json'),
} as const;

export type OutletSet = keyof typeof OUTLET_SETS;

/** The annotated articles of some sets with their texts, read from ../shared/data and checked against the hashes annotated. */
export function loadOutletArticles(sets: readonly OutletSet[] = ['first']): { article: AnnotatedArticle; text: string }[] {
  const articles = sets.flatMap((set) => (JSON.parse(readFileSync(OUTLET_SETS[set], 'utf8')) as { articles: AnnotatedArticle[] }).articles);
  const zyte = new Map(loadZyte({ html: false }).map((page) => [page.id, page.body]));
  const wcxb = new Map(loadWcxb({ html: false }).map((page) => [page.id, page.body]));
  return articles.map((article) => {
    const text = (article.set === 'zyte' ? zyte : wcxb).get(article.id);
    if (text === undefined || createHash('sha256').update(text).digest('hex') !== article.sha256) {
      throw new Error(`${article.set} ${article.id}: the text is missing or differs from the one annotated.`);
    }
    return { article, text };
  });
}

const FUNCTION_WORDS = new Set('The A An He She It They We I Mr Mrs Ms Dr Sen Rep Gov President Prime Minister'.split(' '));
const nameWords = (text: string): string[] =>
  (text.match(/\p{Lu}[\p{L}'’.-]*/gu) ?? []).map((w) => w.replace(/[’']s$|\.$/u, '')).filter((w) => w.length > 1 && !FUNCTION_WORDS.has(w));
const contentWords = (text: string): string[] => text.toLowerCase().match(/\p{L}+/gu) ?? [];

/** The name we give a quote's speaker: the entity's, else a pronoun's antecedent, else the words beside the cue. */
function givenName(doc: NewsDoc, quote: Quote): string | undefined {
  const entity = quote.speaker !== undefined ? doc.layers.entities?.[quote.speaker] : undefined;
  return entity?.name ?? quote.speakerAntecedent?.text ?? quote.speakerMention?.text;
}

function speakerRight(doc: NewsDoc, quote: Quote, gold: GoldAttribution): boolean {
  const mention = quote.speakerMention;
  if (mention === undefined) return false;
  const named = givenName(doc, quote) ?? '';
  if (gold.speakerKind === 'generic') {
    // Right when we keep the source's own words and borrow no name from elsewhere.
    const goldNames = new Set(nameWords(gold.speaker ?? ''));
    if (quote.speaker !== undefined && !nameWords(named).some((w) => goldNames.has(w))) return false;
    const said = quote.speakerAntecedent ?? mention;
    if (gold.source !== null && said.start < gold.source[1] && gold.source[0] < said.end) return true;
    const goldWords = new Set(contentWords(gold.speaker ?? ''));
    return contentWords(said.text).some((w) => goldWords.has(w) && w.length > 3);
  }
  const goldNames = new Set(nameWords(gold.speaker ?? ''));
  return nameWords(named).some((w) => goldNames.has(w));
}

interface Tally {
  predicted: number;
  correct: number;
  gold: number;
  found: number;
}

const tally = (): Tally => ({ predicted: 0, correct: 0, gold: 0, found: 0 });
const scoresOf = (t: Tally): Scores => scores(t.correct, t.predicted, t.found, t.gold);

export interface OutletFigures {
  readonly articles: number;
  readonly gold: number;
  readonly all: Scores;
  readonly quoted: Scores;
  readonly reported: Scores;
  readonly speaker: {
    readonly right: number;
    readonly judged: number;
    readonly byKind: Record<string, { right: number; judged: number }>;
    /** By the confidence given: how often each was right (the calibration of `confidence`). */
    readonly byConfidence: Record<string, { right: number; judged: number }>;
    /** The quotes that would reach their speaker's page (`onSpeakersPage`). */
    readonly onPages: { right: number; judged: number };
  };
}

/** Scores the stages (the tagger's among them) on the annotated articles; `show` prints cases. */
export function scoreOutlets(before: readonly Stage[], options: { show?: string; minConfidence?: number; sets?: readonly OutletSet[] } = {}): OutletFigures {
  const loaded = loadOutletArticles(options.sets);
  const all = tally();
  const quoted = tally();
  const reported = tally();
  const speaker = { right: 0, judged: 0, byKind: {} as Record<string, { right: number; judged: number }>, byConfidence: {} as Record<string, { right: number; judged: number }>, onPages: { right: 0, judged: 0 } };
  const minConfidence = options.minConfidence ?? 0;
  for (const { article, text } of loaded) {
    let doc = createDoc({ format: 'text' }, text);
    doc.text = text;
    doc.layers.blocks = linesAsBlocks(text);
    for (const stage of before) doc = stage.run(doc, undefined);
    doc = quotesStage.run(doc, undefined);
    const quotes = (doc.layers.quotes ?? []).filter((q) => q.confidence >= minConfidence);
    const index = tokenIndex(text);
    const predTokens = quotes.map((q) => tokensOf(index, [q]));
    const golds = article.attributions;
    const goldTokens = golds.map((g) => tokensOf(index, [{ start: g.content[0], end: g.content[1] }]));
    const overlap = (p: number[], g: number[]): number => p.filter((t) => g.includes(t)).length;
    // Precision: over all predictions, against every gold (a belief found is no error).
    quotes.forEach((q, k) => {
      const p = predTokens[k]!;
      const ok = p.length > 0 && goldTokens.some((g) => overlap(p, g) >= MATCH_SHARE * p.length);
      const track = q.kind === 'indirect' ? reported : quoted;
      for (const t of [all, track]) {
        t.predicted++;
        if (ok) t.correct++;
      }
      if (!ok && options.show === 'false') console.log(`FALSE  ${article.host} [${q.kind}/${q.act}] "${q.text.slice(0, 140)}" speaker "${q.speakerMention?.text ?? '-'}"`);
    });
    golds.forEach((gold, k) => {
      if (gold.kind === 'belief') return;
      const g = goldTokens[k]!;
      let best = -1;
      let bestOverlap = 0;
      predTokens.forEach((p, j) => {
        const o = overlap(p, g);
        if (o > bestOverlap) [best, bestOverlap] = [j, o];
      });
      const hit = g.length > 0 && bestOverlap >= MATCH_SHARE * g.length;
      for (const t of [all, gold.kind === 'quoted' ? quoted : reported]) {
        t.gold++;
        if (hit) t.found++;
      }
      const content = text.slice(gold.content[0], gold.content[1]).slice(0, 140);
      if (!hit) {
        if (options.show === 'missed') console.log(`MISSED ${article.host} [${gold.kind}] "${content}" (${gold.speaker ?? '-'})`);
        return;
      }
      if (gold.speakerKind === 'none') return;
      const quote = quotes[best]!;
      const right = speakerRight(doc, quote, gold);
      const path = `${quote.confidence}`;
      const byPath = (speaker.byConfidence[path] ??= { right: 0, judged: 0 });
      byPath.judged++;
      if (right) byPath.right++;
      if (onSpeakersPage(quote)) {
        speaker.onPages.judged++;
        if (right) speaker.onPages.right++;
      }
      speaker.judged++;
      if (right) speaker.right++;
      const byKind = (speaker.byKind[gold.speakerKind] ??= { right: 0, judged: 0 });
      byKind.judged++;
      if (right) byKind.right++;
      if (!right && options.show === 'wrong') {
        console.log(
          `WRONG  ${article.host} [${gold.kind}] "${content}"\n       gold ${gold.speakerKind} "${gold.speaker ?? '-'}"; ours "${quote.speakerMention?.text ?? '-'}" → ${givenName(doc, quote) ?? '-'} (${quote.speakerKind ?? '-'}, ${quote.attribution ?? '-'}, ${quote.confidence})`,
        );
      }
    });
  }
  return { articles: loaded.length, gold: all.gold, all: scoresOf(all), quoted: scoresOf(quoted), reported: scoresOf(reported), speaker };
}

function main(): void {
  const args = process.argv.slice(2);
  const option = (flag: string): string | undefined => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const before: Stage[] = [sentencesStage, createNerStage(loadNerTagger()), entitiesStage];
  const show = option('--show');
  const minConfidence = Number(option('--min-confidence') ?? '0');
  const named = option('--sets')?.split(',') ?? ['first', 'second'];
  const sets = named.filter((set): set is OutletSet => set in OUTLET_SETS);
  if (sets.length !== named.length) throw new Error(`--sets takes ${Object.keys(OUTLET_SETS).join(', ')}, separated by commas.`);
  printOutletFigures(scoreOutlets(before, { ...(show !== undefined ? { show } : {}), minConfidence, sets }), sets);
}

export function printOutletFigures(figures: OutletFigures, sets: readonly OutletSet[]): void {
  const line = (label: string, s: Scores): string => `  ${label.padEnd(36)} P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}`;
  const pct = (right: number, judged: number): string => (judged === 0 ? '-' : `${((100 * right) / judged).toFixed(1)}%`);
  console.log(`Other outlets (${sets.join(' and ')} ${sets.length === 1 ? 'set' : 'sets'}): ${figures.articles} articles, ${figures.gold} annotated quotes and reported speech (beliefs aside)`);
  console.log(line('all quotes (span match, ≥50% overlap)', figures.all));
  console.log(line('quoted speech', figures.quoted));
  console.log(line('reported speech', figures.reported));
  const kinds = Object.entries(figures.speaker.byKind)
    .map(([kind, { right, judged }]) => `${kind} ${pct(right, judged)} of ${judged}`)
    .join(', ');
  console.log(`  speaker right ${pct(figures.speaker.right, figures.speaker.judged)} of ${figures.speaker.judged} found (${kinds})`);
  const calibration = Object.entries(figures.speaker.byConfidence)
    .sort(([a], [b]) => Number(b) - Number(a))
    .map(([confidence, { right, judged }]) => `${confidence}: ${pct(right, judged)} of ${judged}`)
    .join(', ');
  console.log(`  speaker right by the confidence given: ${calibration}`);
  const { right, judged } = figures.speaker.onPages;
  console.log(`  speaker right where the quote reaches a person's page (speech or stance, confidence ≥ ${PERSON_PAGE_CONFIDENCE}): ${pct(right, judged)} of ${judged}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
