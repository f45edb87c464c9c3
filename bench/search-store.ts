/**
 * The search bench's collection: every real article we have (the Zyte and WCXB pages,
 * PolNeAR and the news-clustering texts, the Wikinews demo), read and understood once by
 * our own pipeline and cached, then written through the Store interface as `target`
 * distinct articles: each a real article under its own address, site and date, its body
 * lengthened by paragraphs of other real articles so no two texts are the same.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { deflateRawSync, gunzipSync, inflateRawSync } from 'node:zlib';
import { articleFacts } from '../src/collect/article-facts.js';
import { urlKey } from '../src/collect/url-key.js';
import type { ArticleJson } from '../src/output/json.js';
import { read, type ReadInput } from '../src/read.js';
import { articleSite } from '../src/store/site.js';
import { openStore } from '../src/store/sqlite/index.js';
import type { ArticleRecord, Capture, EntityRow, NewItem, QuoteRow } from '../src/store/store.js';
import { REPO_ROOT, SHARED, WIKINEWS } from '../test/helpers/repo.js';
import { seededRandom } from '../scripts/lib/seeded-random.js';

export const SEARCH_CACHE = join(REPO_ROOT, '.bench-cache', 'search');
/** The articles as our pipeline read them, one JSON line each; written whole or not at all. */
const CORPUS = join(SEARCH_CACHE, 'corpus.jsonl');

/** One read article: the ArticleRecord fields that do not depend on where it is stored; `doc` is deflated JSON, base64. */
interface CorpusArticle {
  readonly origin: string;
  readonly headline: string | null;
  readonly language: string | null;
  readonly dateline: string | null;
  readonly body: string;
  readonly doc: string;
  readonly entities: EntityRow[];
  readonly quotes: QuoteRow[];
}

/** Where the bench keeps a store of `articles` articles (100000 → store-100k.db). */
export function searchStorePath(articles: number): string {
  return join(SEARCH_CACHE, `store-${articles % 1000 === 0 ? `${articles / 1000}k` : articles}.db`);
}

/** Every input we have, lazily, as the library's read takes it. */
function* corpusInputs(): Generator<{ origin: string; input: ReadInput }> {
  const data = join(SHARED, 'data');
  const zyte = join(data, 'article-extraction-benchmark');
  const zyteUrls = JSON.parse(readFileSync(join(zyte, 'ground-truth.json'), 'utf8')) as Record<string, { url?: string }>;
  for (const name of readdirSync(join(zyte, 'html')).sort()) {
    const url = zyteUrls[name.replace(/\.html\.gz$/, '')]?.url;
    yield { origin: `zyte:${name}`, input: { bytes: gunzipSync(readFileSync(join(zyte, 'html', name))), path: name, ...(url ? { url } : {}) } };
  }
  const wcxb = join(data, 'wcxb-dev');
  for (const name of readdirSync(join(wcxb, 'html')).sort()) {
    const truth = join(wcxb, 'ground-truth', name.replace(/\.html\.gz$/, '.json'));
    const url = existsSync(truth) ? (JSON.parse(readFileSync(truth, 'utf8')) as { url?: string }).url : undefined;
    yield { origin: `wcxb:${name}`, input: { bytes: gunzipSync(readFileSync(join(wcxb, 'html', name))), path: name, ...(url ? { url } : {}) } };
  }
  // PolNeAR's texts open with the title plus a full stop of the corpus's making; the title as published is in its metadata.
  const polnear = join(data, 'quotes', 'polnear');
  const rows = readFileSync(join(polnear, 'metadata.train_dev.tsv'), 'utf8').split('\n').map((line) => line.split('\t'));
  const titles = new Map(rows.map((cols) => [cols[1] ?? '', cols[7] ?? '']));
  for (const split of ['train', 'dev']) {
    const dir = join(polnear, split, 'text');
    for (const name of readdirSync(dir).sort()) {
      const text = readFileSync(join(dir, name), 'utf8');
      const title = titles.get(name.replace(/\.txt$/, ''));
      const content = title ? `${title}${text.slice(Math.max(0, text.indexOf('\n')))}` : text;
      yield { origin: `polnear:${name}`, input: { content, path: name, format: 'text' } };
    }
  }
  const jsonl = [join(data, 'news-clustering', 'hamborg-news-cluster', 'articles.jsonl'), WIKINEWS];
  for (const file of jsonl) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const row = JSON.parse(line) as { id: string; title: string; text: string; url?: string };
      yield { origin: `${file === WIKINEWS ? 'wikinews' : 'cluster'}:${row.id}`, input: { content: `${row.title}\n\n${row.text}\n`, format: 'text', ...(row.url ? { url: row.url } : {}) } };
    }
  }
}

/** Reads every input once (minutes), keeping the articles with a body; later runs load the cache. */
async function loadCorpus(): Promise<CorpusArticle[]> {
  if (!existsSync(CORPUS)) {
    mkdirSync(SEARCH_CACHE, { recursive: true });
    const part = `${CORPUS}.part`;
    writeFileSync(part, '');
    const started = performance.now();
    let pages = 0;
    let kept = 0;
    for (const { origin, input } of corpusInputs()) {
      pages++;
      try {
        const doc = read(input, { understand: {}, onlyArticles: true });
        const facts = articleFacts(doc, input.bytes ?? new Uint8Array(0));
        if (!facts.isArticle || facts.bodyChars === 0) continue;
        const { headline, language, dateline, body, entities, quotes } = facts;
        const article: CorpusArticle = { origin, headline, language, dateline, body, doc: Buffer.from(facts.doc).toString('base64'), entities, quotes };
        appendFileSync(part, `${JSON.stringify(article)}\n`);
        kept++;
      } catch {
        // An input the reader refuses (empty, binary) is simply not an article of the corpus.
      }
      if (pages % 100 === 0) process.stderr.write(`read ${pages} pages, ${kept} articles (${(pages / ((performance.now() - started) / 1000)).toFixed(1)} pages/s)\n`);
    }
    renameSync(part, CORPUS);
    process.stderr.write(`read ${pages} pages: ${kept} articles with a body, cached in ${CORPUS}\n`);
  }
  const articles: CorpusArticle[] = [];
  for await (const line of createInterface({ input: createReadStream(CORPUS, 'utf8'), crlfDelay: Infinity })) {
    if (line !== '') articles.push(JSON.parse(line) as CorpusArticle);
  }
  return articles;
}

const SITE_WORDS = ['daily', 'morning', 'evening', 'city', 'national', 'global', 'metro', 'valley', 'coast', 'northern'];
const SITE_NOUNS = 'herald times post gazette tribune courier observer chronicle ledger journal record sentinel dispatch report news wire bulletin standard examiner star'.split(' ');
const TLDS = ['com', 'co.uk', 'net', 'org', 'com.au', 'ca', 'ie', 'co.nz'];

/** 200 made-up news sites, with the names their pages would give. */
function sites(): { domain: string; name: string }[] {
  const cap = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);
  return SITE_WORDS.flatMap((word, i) => SITE_NOUNS.map((noun, j) => ({ domain: `${word}${noun}.${TLDS[(i + j) % TLDS.length]!}`, name: `${cap(word)} ${cap(noun)}` })));
}

const FIRST_DAY = Date.UTC(2018, 0, 1);
const LAST_DAY = Date.UTC(2026, 5, 30);

/**
 * Builds the store at `path` with `target` articles, or reuses it when a complete one is
 * there (a marker file is written only once the store is closed whole).
 */
export async function buildSearchStore(path: string, target = 100_000): Promise<{ articles: number; seconds: number }> {
  const marker = `${path}.done.json`;
  if (existsSync(marker) && existsSync(path)) {
    const done = JSON.parse(readFileSync(marker, 'utf8')) as { articles: number; seconds: number };
    if (done.articles === target) {
      // A store built by an earlier Dateline is brought up to the current schema (readers cannot migrate).
      openStore(path, { link: false }).close();
      return done;
    }
  }
  const corpus = await loadCorpus();
  if (corpus.length === 0) throw new Error(`No articles could be read from ${SHARED}/data and ${WIKINEWS}.`);
  const started = performance.now();
  for (const file of [marker, path, `${path}-wal`, `${path}-shm`]) rmSync(file, { force: true });
  mkdirSync(SEARCH_CACHE, { recursive: true });
  // Stored unlinked: the bench measures search, and linking a collection made of reused texts would only slow its build.
  const store = openStore(path, { link: false });
  try {
    const source = store.source('bench:search', 'folder', SEARCH_CACHE);
    const paragraphs = corpus.flatMap((article, owner) => article.body.split('\n\n').filter((p) => p.length >= 80 && p.length <= 1500).map((text) => ({ owner, text })));
    const siteList = sites();
    const random = seededRandom(20_240_501);
    const seen = new Set<string>();
    const BATCH = 1000;
    for (let first = 0; first < target; first += BATCH) {
      const planned: { url: string; record: ArticleRecord; capture: Capture }[] = [];
      for (let n = first; n < Math.min(target, first + BATCH); n++) {
        const owner = n % corpus.length;
        const article = corpus[owner]!;
        let extra: string[];
        let body: string;
        let textHash: string;
        do {
          extra = Array.from({ length: random() < 0.5 ? 1 : 2 }, () => {
            const at = Math.floor(random() * paragraphs.length);
            // Another article's paragraph: the next one along when the pick is its own.
            const pick = paragraphs[at]!.owner === owner ? paragraphs[(at + 1) % paragraphs.length]! : paragraphs[at]!;
            return pick.text;
          });
          body = [article.body, ...extra].join('\n\n');
          textHash = createHash('sha256').update(body.replace(/\s+/gu, ' ').trim()).digest('hex');
        } while (seen.has(textHash));
        seen.add(textHash);
        const site = siteList[Math.floor(random() * random() * siteList.length)]!;
        const published = new Date(FIRST_DAY + Math.floor(random() * (LAST_DAY - FIRST_DAY))).toISOString().replace(/\.\d{3}Z$/, 'Z');
        const slug = (article.headline ?? 'story').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'story';
        const url = `https://${site.domain}/${published.slice(0, 4)}/${slug}-${n}`;
        const bodyBytes = Buffer.from(body, 'utf8');
        planned.push({
          url,
          capture: { url, status: 200, headers: [['content-type', 'text/plain; charset=utf-8']], body: deflateRawSync(bodyBytes, { level: 1 }), size: bodyBytes.length, sha256: createHash('sha256').update(bodyBytes).digest('hex') },
          record: {
            url,
            urlKey: urlKey(url),
            canonicalKey: null,
            textHash,
            headline: article.headline,
            published,
            siteName: site.name,
            site: articleSite(url, site.name),
            language: article.language,
            dateline: article.dateline,
            body,
            doc: placedDoc(article, { url, published, siteName: site.name, extra }),
            entities: article.entities,
            quotes: article.quotes,
          },
        });
      }
      const byKey = new Map(planned.map((plan) => [plan.record.urlKey!, plan]));
      const items: NewItem[] = planned.map(({ url, record }) => ({ key: record.urlKey!, kind: 'entry', url, host: new URL(url).hostname }));
      for (const row of store.accept(source.id, null, items)) {
        const { capture, record } = byKey.get(row.key)!;
        store.finish(row.id, { state: 'stored', kind: 'page', capture, article: record });
      }
      const done = Math.min(target, first + BATCH);
      if (done % 5000 === 0 || done === target) {
        const seconds = (performance.now() - started) / 1000;
        process.stderr.write(`stored ${done}/${target} articles (${(done / seconds).toFixed(0)}/s)\n`);
      }
    }
  } finally {
    store.close();
  }
  const result = { articles: target, seconds: (performance.now() - started) / 1000 };
  writeFileSync(marker, JSON.stringify({ ...result, corpus: corpus.length, builtAt: new Date().toISOString() }));
  return result;
}

/**
 * The article JSON as it would have been read at its new address: same text and
 * annotations (the appended paragraphs go after everything, so every offset still holds),
 * its own address, date and site.
 */
function placedDoc(article: CorpusArticle, place: { url: string; published: string; siteName: string; extra: readonly string[] }): Uint8Array {
  const json = JSON.parse(inflateRawSync(Buffer.from(article.doc, 'base64')).toString('utf8')) as ArticleJson;
  let text = json.text;
  const blocks = [...json.blocks];
  for (const paragraph of place.extra) {
    text += '\n\n';
    blocks.push({ kind: 'paragraph', start: text.length, end: text.length + paragraph.length });
    text += paragraph;
  }
  // Read from its address now, not from a file of the corpus.
  const { path: _path, ...source } = json.source;
  const placed: ArticleJson = {
    ...json,
    source: { ...source, url: place.url },
    published: { value: place.published, source: json.published?.source ?? 'meta' },
    siteName: place.siteName,
    canonicalUrl: place.url,
    body: [json.body, ...place.extra].join('\n\n'),
    text,
    blocks,
  };
  return deflateRawSync(Buffer.from(JSON.stringify(placed), 'utf8'), { level: 4 });
}
