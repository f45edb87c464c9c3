/** The benchmark report: a markdown document on stdout (and the same figures as JSON). */
import type { Aggregate } from './metrics.js';
import type { ExtractorId } from './extractor.js';
import { PUBLISHED_METADATA, PUBLISHED_WCXB, PUBLISHED_ZYTE } from './published.js';
import type { Speed, WcxbResult, ZyteResult } from './summary.js';

export interface Report {
  generatedAt: string;
  node: string;
  cpu: string;
  options: { set: string; limit: number | null; peers: boolean; budgetMs: number; jobs: number };
  wallSeconds: number;
  zyte?: {
    pages: number;
    results: ZyteResult[];
    publishedOutputs: { extractor: string; version: string | null; publishedF1: number; quality: Aggregate | null; error?: string }[];
  };
  wcxb?: { pages: number; articlePages: number; results: WcxbResult[] };
}

const NAMES: Record<ExtractorId, string> = {
  dateline: 'Dateline',
  readability: 'Readability.js 0.6.0 on linkedom 0.18',
};

const f3 = (x: number) => x.toFixed(3);
const PUB = '_published, not measured here_';

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n') + '\n';
}

function problems(r: { health: { errors: number; timeouts: number } }): string {
  const parts: string[] = [];
  if (r.health.errors) parts.push(`${r.health.errors} errors`);
  if (r.health.timeouts) parts.push(`${r.health.timeouts} timeouts`);
  return parts.join(', ') || '0';
}

/** Zyte ids are 64-hex hashes: 12 characters find the file. */
const shortId = (id: string) => (id.length > 16 ? id.slice(0, 12) : id);

function slowest(s: Speed): string {
  if (s.slowest === null) return '–';
  return s.slowest.timeout ? `timeout, ${s.slowest.ms.toFixed(0)} ms (${shortId(s.slowest.id)})` : `${s.slowest.ms.toFixed(0)} ms (${shortId(s.slowest.id)})`;
}

function ratio(rows: { extractor: ExtractorId; speed: Speed }[]): string {
  const d = rows.find((r) => r.extractor === 'dateline')?.speed.pagesPerCpuSecond;
  const p = rows.find((r) => r.extractor === 'readability')?.speed.pagesPerCpuSecond;
  if (d === undefined || p === undefined || p === 0) return '–';
  return `**${(d / p).toFixed(2)}×**`;
}

function speedRows(label: string, rows: { extractor: ExtractorId; speed: Speed }[]): string[][] {
  const r = ratio(rows);
  return rows.map((row, i) => [
    i === 0 ? label : '',
    NAMES[row.extractor],
    String(row.speed.pages),
    row.speed.cpuSeconds.toFixed(2),
    row.speed.pagesPerCpuSecond.toFixed(1),
    row.speed.medianMs.toFixed(1),
    slowest(row.speed),
    i === 0 ? r : '',
  ]);
}

export function renderReport(report: Report): string {
  const out: string[] = [];
  const push = (s: string) => out.push(s);
  push(`# Extraction benchmark\n`);
  push(
    `${report.generatedAt} · Node ${report.node} · ${report.cpu} · per-page budget ${report.options.budgetMs} ms CPU` +
      `${report.options.limit !== null ? ` · **--limit ${report.options.limit}** (partial sets: not comparable with published figures)` : ''}` +
      ` · ${report.options.jobs} child process${report.options.jobs > 1 ? 'es' : ''} at a time on WCXB, 1 on Zyte\n`,
  );

  const z = report.zyte;
  if (z) {
    push(`## Zyte article-extraction benchmark (${z.pages} pages)\n`);
    push('4-token shingles, case kept; precision over pages with output, recall over all pages; F1 = harmonic mean of the two means; accuracy = exact token match.\n');
    const rows = z.results.map((r) => [
      `**${NAMES[r.extractor]}**`,
      `**${f3(r.quality.f1)}**`,
      f3(r.quality.precision),
      f3(r.quality.recall),
      f3(r.quality.accuracy),
      String(r.quality.empty),
      problems(r),
    ]);
    for (const p of PUBLISHED_ZYTE) {
      const f1 = p.f1 !== undefined ? f3(p.f1) : p.f1Range ? `${f3(p.f1Range[0])}–${f3(p.f1Range[1])}` : '–';
      rows.push([`${p.extractor} — ${PUB}`, f1, p.precision !== undefined ? f3(p.precision) : '–', '–', p.accuracy !== undefined ? f3(p.accuracy) : '–', '–', '–']);
    }
    push(table(['extractor', 'F1', 'precision', 'recall', 'accuracy', 'empty', 'errors / timeouts'], rows));
    const checks = z.publishedOutputs.filter((p) => p.quality !== null);
    if (checks.length > 0) {
      push(`\nMetric check: the outputs the benchmark publishes, re-scored here by \`metrics.ts\` on the same ${z.pages} pages (their published F1 in the last column; they match on the full set).\n`);
      push(
        table(
          ['published output', 'F1 (ours)', 'precision', 'recall', 'accuracy', 'published F1'],
          checks.map((p) => [
            `${p.extractor}${p.version && !p.extractor.includes(p.version) ? ` ${p.version}` : ''}`,
            f3(p.quality!.f1),
            f3(p.quality!.precision),
            f3(p.quality!.recall),
            f3(p.quality!.accuracy),
            f3(p.publishedF1),
          ]),
        ),
      );
    }
  }

  const w = report.wcxb;
  if (w) {
    push(`\n## WCXB dev (${w.articlePages} article pages / ${w.pages} pages of all types)\n`);
    push("Bag of lower-cased word tokens; P, R and F1 are each the mean over pages (the benchmark's evaluate.py); an empty output scores 0.\n");
    const rows = w.results.map((r) => [
      `**${NAMES[r.extractor]}**`,
      `**${f3(r.articles.f1)}**`,
      f3(r.articles.precision),
      f3(r.articles.recall),
      String(r.articles.empty),
      `**${f3(r.all.f1)}**`,
      f3(r.all.precision),
      f3(r.all.recall),
      String(r.all.empty),
      problems(r),
    ]);
    for (const p of PUBLISHED_WCXB) {
      rows.push([`${p.extractor} — ${PUB}`, p.articles !== undefined ? f3(p.articles) : '–', '–', '–', '–', p.all !== undefined ? f3(p.all) : '–', '–', '–', '–', '–']);
    }
    push(table(['extractor', 'articles F1', 'P', 'R', 'empty', 'all F1', 'P', 'R', 'empty', 'errors / timeouts'], rows));
  }

  push(`\n## Speed (pages per CPU-second: user + system CPU of the extractor's own process, summed over its timed calls)\n`);
  push('Ratio = Dateline pages/CPU-s ÷ Readability pages/CPU-s (above 1: Dateline is faster). Measured in the same run; absolute figures move with the machine, the ratio much less. Dateline is timed on `read()` from bytes (decode + parse + metadata + extract); Readability from bytes too (UTF-8 decode + `parseHTML` + `parse()`).\n');
  const speed: string[][] = [];
  if (z) speed.push(...speedRows('Zyte', z.results));
  if (w) {
    speed.push(...speedRows('WCXB articles', w.results.map((r) => ({ extractor: r.extractor, speed: r.speed.articles }))));
    speed.push(...speedRows('WCXB all', w.results.map((r) => ({ extractor: r.extractor, speed: r.speed.all }))));
  }
  push(table(['set', 'extractor', 'pages', 'CPU s', 'pages/CPU-s', 'median ms', 'slowest page (wall)', 'speed ratio'], speed));

  push(`\n## Peak memory (each extractor in its own child process)\n`);
  push('Peak RSS = `process.resourceUsage().maxRSS` of the child (max over children when a timeout forced a restart). "Before loop" = RSS once modules and the page bytes are loaded. The Zyte row is the memory figure: one child per extractor over the whole set, one at a time. Peak RSS depends on when V8 collects garbage, so it moves with machine load (tens of percent); compare the two rows of one run. WCXB runs in chunks of pages, one child each: its row is the max over chunks, a check on pathological pages.\n');
  const mem: string[][] = [];
  const memRow = (set: string, r: ZyteResult | WcxbResult) => [
    set,
    NAMES[r.extractor],
    r.memory.peakRssMb.toFixed(0),
    r.memory.baselineRssMb.toFixed(0),
    (r.memory.peakRssMb - r.memory.baselineRssMb).toFixed(0),
    String(r.memory.children),
  ];
  if (z) for (const r of z.results) mem.push(memRow('**Zyte**', r));
  if (w) for (const r of w.results) mem.push(memRow(`WCXB (${r.memory.chunks} chunks)`, r));
  push(table(['set', 'extractor', 'peak RSS MB', 'before loop MB', 'growth MB', 'child processes'], mem));

  if (w) {
    push(`\n## Metadata on WCXB dev (pages whose truth has the field)\n`);
    push('Title: token F1 ≥ 0.8 (lower-cased word tokens). Author: any predicted author (or all of them joined) has token F1 ≥ 0.8 with the truth author, leading "by" dropped. Date: same calendar day as `publish_date`. Readability fields: `title`, `byline`, `publishedTime`; Dateline: `metadata.headline`, `.authors`, `.published`.\n');
    const cell = (a: { accuracy: number; n: number }) => `${f3(a.accuracy)} (n=${a.n})`;
    const rows = w.results.map((r) => [`**${NAMES[r.extractor]}**`, cell(r.metadata.title), cell(r.metadata.author), cell(r.metadata.date)]);
    for (const p of PUBLISHED_METADATA) rows.push([`${p.extractor} — ${PUB}`, p.title.toFixed(2), p.author.toFixed(2), p.date.toFixed(2)]);
    push(table(['extractor', 'title', 'author', 'date'], rows));
  }

  const notes: string[] = [];
  for (const [set, results] of [
    ['Zyte', z?.results ?? []],
    ['WCXB', w?.results ?? []],
  ] as const) {
    for (const r of results) {
      if (r.health.timeouts) notes.push(`${set}, ${NAMES[r.extractor]}: ${r.health.timeouts} page(s) overran the ${report.options.budgetMs} ms CPU budget; scored as empty output.`);
      for (const e of r.health.sampleErrors) notes.push(`${set}, ${NAMES[r.extractor]} error (scored as empty output): ${e}`);
    }
  }
  if (notes.length) push(`\n## Notes\n\n${notes.map((n) => `- ${n}`).join('\n')}\n`);
  push(`\nWhole run: ${report.wallSeconds.toFixed(1)} s wall.\n\n`);
  return out.join('\n');
}
