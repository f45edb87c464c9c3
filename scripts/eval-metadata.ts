/**
 * Metadata accuracy on the WCXB development split, over the pages whose truth has
 * each field. Runs only the parse-html and metadata stages (fast, and independent of
 * extraction), bytes decoded by the project's decode stage.
 *
 *   npx tsx scripts/eval-metadata.ts [--worst] [--field title|author|date] [--limit N] [--articles]
 *
 * Rules (tokens = lower-case runs of letters and digits):
 * - title: correct when token F1 between our headline and the truth title is ≥ 0.8.
 * - author: the truth author string is split into names at commas, semicolons, "&"
 *   and "and"; segments after the first that are credentials (all-capital abbreviations
 *   such as "MS", "RD", "E-RYT 200", or "Ph.D.", "Jr.") are dropped. The page is correct when
 *   token F1 between all truth names' tokens and all our author names' tokens (every
 *   kind: persons, agencies, organizations) is ≥ 0.8 — so a missing co-author or an
 *   extra wrong name counts against us. Also printed: the looser "first-author" rule,
 *   correct when our first author has token F1 ≥ 0.8 with one of the truth names.
 * - date: correct when our published date's calendar day (its YYYY-MM-DD as written,
 *   in the page's own offset) equals the truth publish_date.
 */
import { loadWcxb, type BenchPage } from '../bench/lib/datasets.js';
import { parseHtml } from '../src/stages/parse-html/parse.js';
import { decodeStage } from '../src/stages/decode/index.js';
import { createDoc } from '../src/doc/news-doc.js';
import { readMetadata } from '../src/stages/metadata/index.js';
import { tokenF1 } from '../bench/lib/meta-score.js';

const args = process.argv.slice(2);
const worst = args.includes('--worst');
const onlyField = args.includes('--field') ? args[args.indexOf('--field') + 1] : undefined;
const limit = args.includes('--limit') ? Number(args[args.indexOf('--limit') + 1]) : Infinity;
const articlesOnly = args.includes('--articles');

function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Token F1, the same measure the extraction benchmark uses for metadata. */
function f1(truth: string[], ours: string[]): number {
  return tokenF1(ours, truth);
}

const CREDENTIAL = /^(?:[A-Z]{2,6}(?:-[A-Z]{1,4})?(?:\s*\d+)?\.?|ph\.?\s?d\.?|m\.?d\.?|jr\.?|sr\.?|esq\.?|[IV]{2,3})$/i;

function truthNames(author: string): string[] {
  return author
    .split(/\s*(?:,|;|\s&\s|\band\b)\s*/i)
    .map((s) => s.trim())
    .filter((s, i) => s !== '' && !(i > 0 && CREDENTIAL.test(s) && (s === s.toUpperCase() || /\./.test(s) || s.length <= 3)));
}

/** Bytes to text with the project's decode stage (BOM, meta charset, detection). */
function decode(bytes: Uint8Array): string {
  const doc = decodeStage.run(createDoc({ format: 'html', bytes }), undefined);
  return doc.input ?? '';
}

interface Row {
  page: BenchPage;
  ok: boolean;
  ours: string;
  truth: string;
}

const pages = loadWcxb().filter((p) => !articlesOnly || p.pageType === 'article').slice(0, limit);
const rows: Record<'title' | 'author' | 'date', Row[]> = { title: [], author: [], date: [] };
let firstAuthorOk = 0;
let ms = 0;
for (const page of pages) {
  const html = decode(page.html);
  const tree = parseHtml(html);
  const c0 = process.cpuUsage();
  const { metadata } = readMetadata(tree.root, page.url);
  const c = process.cpuUsage(c0);
  ms += (c.user + c.system) / 1000;
  if (page.title) {
    const ours = metadata.headline ?? '';
    rows.title.push({ page, ok: f1(tokens(page.title), tokens(ours)) >= 0.8, ours, truth: page.title });
  }
  if (page.author) {
    const names = truthNames(page.author);
    const truthTokens = names.flatMap(tokens);
    const ourTokens = metadata.authors.flatMap((a) => tokens(a.name));
    const ok = f1(truthTokens, ourTokens) >= 0.8;
    const first = metadata.authors[0];
    if (first !== undefined && names.some((n) => f1(tokens(n), tokens(first.name)) >= 0.8)) firstAuthorOk++;
    rows.author.push({
      page,
      ok,
      ours: metadata.authors.map((a) => `${a.name}${a.kind === 'person' ? '' : ` [${a.kind}]`}`).join('; '),
      truth: page.author,
    });
  }
  if (page.date) {
    const ours = metadata.published;
    const day = ours?.value.slice(0, 10);
    rows.date.push({
      page,
      ok: day === page.date.slice(0, 10),
      ours: ours === undefined ? '' : `${ours.value} (${ours.source})${metadata.modified !== undefined ? ` mod ${metadata.modified.value} (${metadata.modified.source})` : ''}`,
      truth: page.date,
    });
  }
}

const pct = (n: number, d: number): string => (d === 0 ? 'n/a' : (n / d).toFixed(3));
for (const key of ['title', 'author', 'date'] as const) {
  const list = rows[key];
  const ok = list.filter((r) => r.ok).length;
  console.log(`${key.padEnd(7)} accuracy ${pct(ok, list.length)}  (${ok}/${list.length})`);
}
console.log(`author  first-author rule ${pct(firstAuthorOk, rows.author.length)}  (${firstAuthorOk}/${rows.author.length})`);
console.log(`metadata stage: ${(ms / pages.length).toFixed(2)} ms CPU/page over ${pages.length} pages (parse excluded; first pages include JIT warm-up)`);

if (worst) {
  for (const key of ['title', 'author', 'date'] as const) {
    if (onlyField !== undefined && onlyField !== key) continue;
    console.log(`\n== ${key} failures ==`);
    for (const r of rows[key].filter((x) => !x.ok)) {
      console.log(`${r.page.id} ${r.page.url.slice(0, 90)}\n   truth: ${r.truth}\n   ours:  ${r.ours}`);
    }
  }
}
