/**
 * The scraped-text benchmark: WCXB dev pages rendered to the plain text a scraper would
 * save (all visible text, furniture included, one line per block), read by the text
 * reader, and its body scored against the truth `main_content` with the WCXB bag-of-words
 * metric (per-page P/R/F1 averaged). Two baselines are computed in the same run: the whole
 * text, and every line of at least 12 words. Speed is the whole text pipeline (`read()` in
 * text mode: read-text, then the dateline stage), one page after another.
 *
 *   npm run bench:text                      # all pages
 *   npx tsx bench/text-mode.ts --limit 200  # the first 200 pages
 *   npx tsx bench/text-mode.ts --show 0042  # print one page's rendered text and reading
 *   npx tsx bench/text-mode.ts --worst 20   # list the worst article pages
 */
import { performance } from 'node:perf_hooks';
import { read } from '../src/read.js';
import { bodyText } from '../src/output/json.js';
import { loadWcxb, type BenchPage } from './lib/datasets.js';
import { aggregateWcxb, wcxbScore, type Aggregate, type PageScore } from './lib/metrics.js';
import { decodeHtml, renderText } from './lib/render-text.js';

interface Args {
  limit?: number;
  show?: string;
  worst?: number;
  type?: string;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--limit' && value !== undefined) args.limit = Number(value);
    else if (flag === '--show' && value !== undefined) args.show = value;
    else if (flag === '--worst' && value !== undefined) args.worst = Number(value);
    else if (flag === '--type' && value !== undefined) args.type = value;
    else continue;
    i++;
  }
  return args;
}

/** Our reader: the text pipeline over the rendered text. */
function readerBody(text: string): string {
  return bodyText(read({ content: text, format: 'text' }));
}

/** Baseline: the whole text. */
function wholeText(text: string): string {
  return text;
}

/** Baseline: every line of at least 12 words. */
function longLines(text: string): string {
  return text
    .split('\n')
    .filter((line) => line.split(/\s+/).filter((w) => w.length > 0).length >= 12)
    .join('\n');
}

interface Row {
  page: BenchPage;
  text: string;
  scores: Record<string, PageScore>;
}

const METHODS: Record<string, (text: string) => string> = {
  'read-text': readerBody,
  'baseline: whole text': wholeText,
  'baseline: lines of >= 12 words': longLines,
};

function format(a: Aggregate): string {
  return `P ${a.precision.toFixed(3)}  R ${a.recall.toFixed(3)}  F1 ${a.f1.toFixed(3)}  (${a.pages} pages, ${a.empty} empty)`;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  // Pages whose truth has no main_content score as empty truth, as the benchmark's evaluate.py does.
  let pages = loadWcxb().map((p) => ({ ...p, body: p.body ?? '' }));
  if (args.show !== undefined) pages = pages.filter((p) => p.id === args.show);
  if (args.type !== undefined) pages = pages.filter((p) => p.pageType === args.type);
  if (args.limit !== undefined) pages = pages.slice(0, args.limit);

  const texts = pages.map((page) => renderText(decodeHtml(page.html)));
  const rows: Row[] = pages.map((page, i) => ({ page, text: texts[i]!, scores: {} }));

  const timing: Record<string, number> = {};
  for (const [name, method] of Object.entries(METHODS)) {
    const started = performance.now();
    const outputs = rows.map((row) => {
      try {
        return method(row.text);
      } catch {
        return '';
      }
    });
    timing[name] = performance.now() - started;
    rows.forEach((row, i) => (row.scores[name] = wcxbScore(row.page.body, outputs[i]!)));
  }

  if (args.show !== undefined) {
    for (const row of rows) {
      if (row.text.trim() === '') {
        console.log(`=== ${row.page.id}: the page renders to no visible text (a script-built page)`);
        continue;
      }
      const doc = read({ content: row.text, format: 'text' });
      console.log(`=== ${row.page.id} ${row.page.pageType ?? ''} ${row.page.url}`);
      console.log('--- rendered text');
      console.log(row.text);
      console.log('--- headline:', doc.metadata.headline ?? '(none)');
      console.log('--- body');
      console.log(bodyText(doc));
      console.log('--- furniture');
      for (const f of doc.layers.furniture ?? []) console.log(`[${f.kind}] ${f.text.slice(0, 100)}  (${f.reason})`);
      console.log('--- truth');
      console.log(row.page.body);
      const s = row.scores['read-text']!;
      console.log(`--- P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)}`);
    }
    return;
  }

  const subsets: [string, Row[]][] = [
    ['article pages', rows.filter((r) => r.page.pageType === 'article')],
    ['all pages', rows],
  ];
  console.log(`Scraped-text benchmark: WCXB dev rendered as plain text, ${rows.length} pages, WCXB bag-of-words metric`);
  for (const [label, subset] of subsets) {
    console.log(`\n${label}:`);
    for (const name of Object.keys(METHODS)) {
      console.log(`  ${name.padEnd(32)} ${format(aggregateWcxb(subset.map((r) => r.scores[name]!)))}`);
    }
  }
  console.log('\nbar for read-text: F1 >= 0.90 with precision >= 0.90');
  for (const [label, subset] of subsets) {
    const a = aggregateWcxb(subset.map((r) => r.scores['read-text']!));
    console.log(`  ${label.padEnd(14)} ${a.f1 >= 0.9 && a.precision >= 0.9 ? 'met' : 'not met'}`);
  }
  const byType = new Map<string, Row[]>();
  for (const row of rows) {
    const type = row.page.pageType ?? 'unknown';
    byType.set(type, [...(byType.get(type) ?? []), row]);
  }
  console.log('\nread-text by page type:');
  for (const [type, subset] of [...byType].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`  ${type.padEnd(14)} ${format(aggregateWcxb(subset.map((r) => r.scores['read-text']!)))}`);
  }
  const ms = timing['read-text']!;
  console.log(`\nread-text speed: ${((rows.length / ms) * 1000).toFixed(0)} pages/second (${ms.toFixed(0)} ms for ${rows.length} pages)`);

  if (args.worst !== undefined) {
    const f1 = (s: PageScore) => (s.empty || s.precision + s.recall === 0 ? 0 : (2 * s.precision * s.recall) / (s.precision + s.recall));
    const worst = rows
      .filter((r) => args.type !== undefined || r.page.pageType === 'article')
      .sort((a, b) => f1(a.scores['read-text']!) - f1(b.scores['read-text']!))
      .slice(0, args.worst);
    console.log('\nworst pages:');
    for (const r of worst) {
      const s = r.scores['read-text']!;
      console.log(`  ${r.page.id}  P ${s.precision.toFixed(2)} R ${s.recall.toFixed(2)}  ${r.page.url}`);
    }
  }
}

main();
