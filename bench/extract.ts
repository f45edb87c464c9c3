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
 *   --page-budget-ms N      CPU-time budget per page before the page's child is killed and
 *                           the page recorded as a timeout with empty output (default 10000)
 *   --jobs N                child processes at a time (default: available cores, at most 4)
 *   --serial                same as --jobs 1
 *   --child ID --set S --offset N [--limit N]   internal: one child process's loop
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadWcxb, loadZyte, loadZytePublished } from './lib/datasets.js';
import { childMain, runChunks, type Chunk, type ExtractorRun, type SetId } from './lib/child-run.js';
import { EXTRACTOR_IDS, type ExtractorId } from './lib/extractor.js';
import { aggregate, zyteScore, type Aggregate } from './lib/metrics.js';
import { ZYTE_PUBLISHED_OUTPUTS } from './lib/published.js';
import { summarizeWcxb, summarizeZyte, type WcxbResult, type ZyteResult } from './lib/summary.js';
import { renderReport, type Report } from './lib/report.js';

const SCRIPT = fileURLToPath(import.meta.url);
/** WCXB pages per child process. */
const WCXB_CHUNK = 250;

function parse() {
  const { values } = parseArgs({
    options: {
      set: { type: 'string', default: 'all' },
      limit: { type: 'string' },
      'no-peers': { type: 'boolean', default: false },
      json: { type: 'string' },
      'page-budget-ms': { type: 'string', default: '10000' },
      serial: { type: 'boolean', default: false },
      jobs: { type: 'string' },
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
  const jobs = values.serial ? 1 : values.jobs !== undefined ? Number(values.jobs) : Math.min(availableParallelism(), 4);
  if (!(Number.isInteger(jobs) && jobs > 0)) throw new Error('--jobs must be a positive integer');
  const child = values.child;
  if (child !== undefined && !EXTRACTOR_IDS.includes(child as ExtractorId)) throw new Error(`unknown extractor ${child}`);
  return {
    set,
    limit,
    peers: !values['no-peers'],
    json: values.json,
    budgetMs,
    jobs,
    child: child as ExtractorId | undefined,
    offset: Number(values.offset),
  };
}

type Options = ReturnType<typeof parse>;

/**
 * Zyte: one child per extractor over the whole set, one at a time (its peak RSS is the
 * memory figure, and no sibling of ours competes with it for CPU or memory bandwidth).
 * WCXB: chunks of WCXB_CHUNK pages, so the pool keeps every core busy; Readability's
 * chunks (the long ones) are queued first.
 */
async function runSet(set: SetId, total: number, extractors: readonly ExtractorId[], options: Options): Promise<ExtractorRun[]> {
  const size = set === 'zyte' ? total : WCXB_CHUNK;
  const chunks: Chunk[] = [];
  for (const extractor of [...extractors].reverse()) {
    for (let start = 0; start < total; start += size) chunks.push({ extractor, set, start, end: Math.min(total, start + size) });
  }
  const done = new Map<ExtractorId, number>();
  const step = Math.max(50, Math.ceil(total / 4));
  const runs = await runChunks(chunks, set === 'zyte' ? 1 : options.jobs, { script: SCRIPT, budgetMs: options.budgetMs }, (chunk) => {
    const n = (done.get(chunk.extractor) ?? 0) + 1;
    done.set(chunk.extractor, n);
    if (n === total || n % step === 0) process.stderr.write(`  [${set}] ${chunk.extractor}: ${n}/${total}\n`);
  });
  return extractors.map((id) => runs.get(id)!);
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
    options: { set: options.set, limit: options.limit ?? null, peers: options.peers, budgetMs: options.budgetMs, jobs: options.jobs },
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
