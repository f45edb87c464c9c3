/**
 * Extraction benchmark: `npm run bench:extract` (builds, then `node dist/bench/extract.js`).
 *
 * Scores Dateline and the peer, Readability.js (Mozilla, on linkedom), in the same run on
 *   - the Zyte article-extraction benchmark (181 pages): precision, recall, F1, accuracy;
 *   - the WCXB dev split, article pages and all page types: bag-of-words P/R/F1;
 * with speed (pages per CPU-second, slowest page, Dateline/Readability ratio), peak
 * memory (each extractor in its own child process) and metadata accuracy on WCXB
 * (title, author, date). Metric definitions: bench/lib/metrics.ts, bench/lib/meta-score.ts,
 * docs/evaluation.md.
 *
 * Options:
 *   --set zyte|wcxb|all     which benchmark(s) (default all)
 *   --limit N               only the first N pages (by id) of each set
 *   --no-peers              Dateline only
 *   --json FILE             also write every figure (and per-page rows) as JSON
 *   --page-budget-ms N      wall-clock budget per page before the page's child is killed
 *                           and the page recorded as a timeout with empty output (default 10000)
 *   --serial                run the extractors one after the other instead of side by side
 *   --child ID --set S --offset N [--limit N]   internal: one child process's loop
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadWcxb, loadZyte, loadZytePublished } from './lib/datasets.js';
import { childMain, runExtractor, type ExtractorRun, type SetId } from './lib/child-run.js';
import { EXTRACTOR_IDS, type ExtractorId } from './lib/extractor.js';
import { aggregate, zyteScore, type Aggregate } from './lib/metrics.js';
import { ZYTE_PUBLISHED_OUTPUTS } from './lib/published.js';
import { summarizeWcxb, summarizeZyte, type WcxbResult, type ZyteResult } from './lib/summary.js';
import { renderReport, type Report } from './lib/report.js';

const SCRIPT = fileURLToPath(import.meta.url);

function parse() {
  const { values } = parseArgs({
    options: {
      set: { type: 'string', default: 'all' },
      limit: { type: 'string' },
      'no-peers': { type: 'boolean', default: false },
      json: { type: 'string' },
      'page-budget-ms': { type: 'string', default: '10000' },
      serial: { type: 'boolean', default: false },
      child: { type: 'string' },
      offset: { type: 'string', default: '0' },
    },
    strict: true,
  });
  const set = values.set;
  if (set !== 'zyte' && set !== 'wcxb' && set !== 'all') throw new Error(`--set must be zyte, wcxb or all (got ${set})`);
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new Error('--limit must be a positive integer');
  const budgetMs = Number(values['page-budget-ms']);
  if (!(budgetMs > 0)) throw new Error('--page-budget-ms must be a positive number');
  const child = values.child;
  if (child !== undefined && !EXTRACTOR_IDS.includes(child as ExtractorId)) throw new Error(`unknown extractor ${child}`);
  return {
    set,
    limit,
    peers: !values['no-peers'],
    json: values.json,
    budgetMs,
    serial: values.serial,
    child: child as ExtractorId | undefined,
    offset: Number(values.offset),
  };
}

type Options = ReturnType<typeof parse>;

async function runSet(set: SetId, total: number, extractors: readonly ExtractorId[], options: Options): Promise<ExtractorRun[]> {
  const progress = new Map<ExtractorId, number>();
  const step = Math.max(50, Math.ceil(total / 4));
  const run = (id: ExtractorId) =>
    runExtractor(id, set, total, {
      script: SCRIPT,
      ...(options.limit !== undefined ? { limit: options.limit } : {}),
      budgetMs: options.budgetMs,
      onProgress: (done) => {
        const last = progress.get(id) ?? 0;
        if (done === total || done - last >= step) {
          progress.set(id, done);
          process.stderr.write(`  [${set}] ${id}: ${done}/${total}\n`);
        }
      },
    });
  if (options.serial) {
    const runs: ExtractorRun[] = [];
    for (const id of extractors) runs.push(await run(id));
    return runs;
  }
  return Promise.all(extractors.map(run));
}

function rescorePublished(truth: { id: string; body: string }[]) {
  return ZYTE_PUBLISHED_OUTPUTS.map(({ file, extractor, publishedF1 }) => {
    try {
      const { bodies, version } = loadZytePublished(file);
      const quality: Aggregate = aggregate(truth.map((t) => zyteScore(t.body, bodies.get(t.id) ?? '')));
      return { extractor, version: version ?? null, publishedF1, quality };
    } catch (e) {
      return { extractor, version: null, publishedF1, quality: null, error: String(e) };
    }
  });
}

async function main(): Promise<void> {
  const options = parse();
  if (options.child !== undefined) {
    await childMain(options.child, options.set === 'wcxb' ? 'wcxb' : 'zyte', options.offset, options.limit);
    return;
  }
  const started = performance.now();
  const extractors: ExtractorId[] = options.peers ? ['dateline', 'readability'] : ['dateline'];
  const limitOpt = options.limit !== undefined ? { limit: options.limit } : {};
  const report: Report = {
    generatedAt: new Date().toISOString(),
    node: process.version,
    cpu: `${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}`,
    options: { set: options.set, limit: options.limit ?? null, peers: options.peers, budgetMs: options.budgetMs, serial: options.serial },
    wallSeconds: 0,
  };

  if (options.set === 'zyte' || options.set === 'all') {
    const truth = loadZyte({ html: false, ...limitOpt });
    process.stderr.write(`Zyte: ${truth.length} pages\n`);
    const runs = await runSet('zyte', truth.length, extractors, options);
    const results: ZyteResult[] = runs.map((run) => summarizeZyte(truth, run));
    report.zyte = { pages: truth.length, results, publishedOutputs: rescorePublished(truth) };
  }
  if (options.set === 'wcxb' || options.set === 'all') {
    const truth = loadWcxb({ html: false, ...limitOpt });
    const articlePages = truth.filter((t) => t.pageType === 'article').length;
    process.stderr.write(`WCXB dev: ${truth.length} pages (${articlePages} articles)\n`);
    const runs = await runSet('wcxb', truth.length, extractors, options);
    const results: WcxbResult[] = runs.map((run) => summarizeWcxb(truth, run));
    report.wcxb = { pages: truth.length, articlePages, results };
  }
  report.wallSeconds = (performance.now() - started) / 1000;
  process.stdout.write(renderReport(report));
  if (options.json !== undefined) {
    writeFileSync(options.json, JSON.stringify(report, null, 1) + '\n');
    process.stderr.write(`JSON written to ${options.json}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:extract failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
