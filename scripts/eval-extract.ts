/**
 * Development evaluation of the extractor on the Zyte benchmark and WCXB dev.
 *
 *   npx tsx scripts/eval-extract.ts [--set zyte|wcxb|all] [--type article] [--worst 20]
 *                                   [--id XXXX] [--show] [--limit N] [--compare FILE] [--dump FILE] [--no-metadata]
 *
 * Prints precision / recall / F1 / accuracy / empty per set (and per WCXB page type),
 * pages per CPU-second for parse + metadata + extract, the slowest page, and the worst
 * pages with a hint of what was missed and what was added. `--id` (repeatable, prefix
 * match) restricts to given pages; `--show` prints the extracted body of each.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadWcxb, loadZyte, type BenchPage } from '../bench/lib/datasets.js';
import {
  aggregate,
  aggregateWcxb,
  wcxbScore,
  wordTokens,
  zyteScore,
  type PageScore,
} from '../bench/lib/metrics.js';
import { createDoc, type NewsDoc } from '../src/doc/news-doc.js';
import { decodeStage } from '../src/stages/decode/index.js';
import { parseHtmlStage } from '../src/stages/parse-html/index.js';
import { metadataStage } from '../src/stages/metadata/index.js';
import { extractStage } from '../src/stages/extract/index.js';
import { bodyText } from '../src/output/json.js';

interface Args {
  set: 'zyte' | 'wcxb' | 'all';
  type?: string;
  worst: number;
  ids: string[];
  show: boolean;
  limit?: number;
  /** Write per-page scores here (JSON) and compare with the file's previous contents. */
  compare?: string;
  /** Write per-page details (type, P/R/F1, strategy, isArticle, sizes) here as JSON lines. */
  dump?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { set: 'all', worst: 10, ids: [], show: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--set') {
      const v = next();
      if (v !== 'zyte' && v !== 'wcxb' && v !== 'all') throw new Error('--set zyte|wcxb|all');
      args.set = v;
    } else if (a === '--type') args.type = next();
    else if (a === '--worst') args.worst = Number(next());
    else if (a === '--id') args.ids.push(next());
    else if (a === '--show') args.show = true;
    else if (a === '--limit') args.limit = Number(next());
    else if (a === '--compare') args.compare = next();
    else if (a === '--dump') args.dump = next();
    else if (a === '--no-metadata') useMetadata = false;
    else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

interface Result {
  page: BenchPage;
  doc: NewsDoc;
  body: string;
  score: PageScore;
  f1: number;
  ms: number;
}

let metadataFailed = false;
let useMetadata = true;

/** Milliseconds spent per stage, over the current set. */
const stageMs = { parse: 0, metadata: 0, extract: 0 };
/** Process CPU time spent inside the three stages, over the current set. */
let stageCpuMicros = 0;

function runPage(page: BenchPage): { doc: NewsDoc; ms: number } {
  let doc = createDoc({ format: 'html', bytes: page.html, url: page.url });
  doc = decodeStage.run(doc, {});
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  doc = parseHtmlStage.run(doc, {});
  const t1 = performance.now();
  stageMs.parse += t1 - t0;
  if (useMetadata) {
    try {
      doc = metadataStage.run(doc, {});
    } catch (error) {
      // The metadata stage is developed alongside; a broken working copy must not stop us.
      if (!metadataFailed) console.error(`metadata stage failed (${String(error)}); continuing without it`);
      metadataFailed = true;
    }
  }
  const t2 = performance.now();
  stageMs.metadata += t2 - t1;
  doc = extractStage.run(doc, {});
  const t3 = performance.now();
  stageMs.extract += t3 - t2;
  const ms = t3 - t0;
  const c = process.cpuUsage(c0);
  stageCpuMicros += c.user + c.system;
  // Keep the results small: a thousand parsed trees held at once would make the
  // garbage collector, not the extractor, dominate the timings.
  delete doc.html;
  delete doc.input;
  return { doc, ms };
}

function pageF1(s: PageScore): number {
  if (s.empty) return 0;
  return s.precision + s.recall === 0 ? 0 : (2 * s.precision * s.recall) / (s.precision + s.recall);
}

/** Lines of `a` whose words are mostly absent from `b`: a cheap hint of what differs. */
function missingLines(a: string, b: string, max: number): string[] {
  const bag = new Set(wordTokens(b.toLowerCase()));
  const out: string[] = [];
  for (const raw of a.split(/\n+/)) {
    const line = raw.trim();
    const tokens = wordTokens(line.toLowerCase());
    if (tokens.length === 0) continue;
    const absent = tokens.filter((t) => !bag.has(t)).length;
    if (absent / tokens.length > 0.5) {
      out.push(line.length > 110 ? `${line.slice(0, 107)}...` : line);
      if (out.length >= max) break;
    }
  }
  return out;
}

function evaluate(name: string, pages: BenchPage[], zyte: boolean, args: Args): void {
  const results: Result[] = [];
  // Warm up the JIT on a few pages so the speed figure reflects steady state.
  for (const page of pages.slice(0, 5)) runPage(page);
  stageMs.parse = stageMs.metadata = stageMs.extract = 0;
  stageCpuMicros = 0;
  const cpu0 = process.cpuUsage();
  let timed = 0;
  for (const page of pages) {
    const { doc, ms } = runPage(page);
    timed += ms;
    const body = bodyText(doc);
    const score = zyte ? zyteScore(page.body, body) : wcxbScore(page.body, body);
    results.push({ page, doc, body, score, f1: pageF1(score), ms });
  }
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;

  const show = (label: string, scores: PageScore[]): void => {
    const agg = zyte ? aggregate(scores) : aggregateWcxb(scores);
    console.log(
      `${label.padEnd(22)} n=${String(agg.pages).padStart(4)}  P ${agg.precision.toFixed(3)}  R ${agg.recall.toFixed(3)}  ` +
        `F1 ${agg.f1.toFixed(3)}${zyte ? `  acc ${agg.accuracy.toFixed(3)}` : ''}  empty ${agg.empty}`,
    );
  };
  console.log(`\n== ${name} ==`);
  show('all', results.map((r) => r.score));
  if (!zyte) {
    const types = [...new Set(results.map((r) => r.page.pageType ?? '?'))].sort();
    for (const t of types) show(`  ${t}`, results.filter((r) => r.page.pageType === t).map((r) => r.score));
  }
  const slowest = results.reduce((a, b) => (b.ms > a.ms ? b : a), results[0]!);
  const nonArticle = results.filter((r) => r.doc.isArticle === false).length;
  const strategies = new Map<string, number>();
  for (const r of results) strategies.set(r.doc.extractedBy ?? '-', (strategies.get(r.doc.extractedBy ?? '-') ?? 0) + 1);
  console.log(
    `speed: ${(results.length / (stageCpuMicros / 1e6)).toFixed(1)} pages/CPU-s in parse+metadata+extract ` +
      `(${(results.length / cpuSeconds).toFixed(1)} counting the whole run), ` +
      `${((results.length * 1000) / timed).toFixed(1)} pages/s wall; slowest ${slowest.page.id} ${slowest.ms.toFixed(1)} ms`,
  );
  console.log(
    `stage ms per page: parse ${(stageMs.parse / results.length).toFixed(2)}, metadata ${(stageMs.metadata / results.length).toFixed(2)}, ` +
      `extract ${(stageMs.extract / results.length).toFixed(2)}`,
  );
  console.log(`isArticle=false: ${nonArticle}; strategies: ${[...strategies].map(([k, v]) => `${k}=${v}`).join(' ')}`);

  if (args.dump !== undefined) {
    const lines = results.map((r) =>
      JSON.stringify({
        id: r.page.id, type: r.page.pageType ?? null, p: r.score.precision, r: r.score.recall, f1: r.f1,
        by: r.doc.extractedBy ?? null, isArticle: r.doc.isArticle ?? null, out: r.body.length, truth: r.page.body.length, ms: r.ms,
      }),
    );
    writeFileSync(`${args.dump}.${zyte ? 'zyte' : 'wcxb'}.jsonl`, `${lines.join('\n')}\n`);
    const extras = results.flatMap((r) => missingLines(r.body, r.page.body, 1000).map((l) => `${r.page.id.slice(0, 8)}\t${r.page.pageType ?? ''}\t${l}`));
    writeFileSync(`${args.dump}.${zyte ? 'zyte' : 'wcxb'}.extra.tsv`, `${extras.join('\n')}\n`);
  }
  if (args.compare !== undefined) compareWith(`${args.compare}.${zyte ? 'zyte' : 'wcxb'}.json`, results);
  const worst = [...results].sort((a, b) => a.f1 - b.f1).slice(0, args.worst);
  for (const r of worst) {
    console.log(
      `\n-- ${r.page.id.slice(0, 16)} ${r.page.pageType ?? ''} F1 ${r.f1.toFixed(3)} P ${r.score.precision.toFixed(3)} ` +
        `R ${r.score.recall.toFixed(3)} by=${r.doc.extractedBy ?? '-'} ${r.page.url}`,
    );
    for (const line of missingLines(r.page.body, r.body, 4)) console.log(`   MISSING: ${line}`);
    for (const line of missingLines(r.body, r.page.body, 4)) console.log(`   EXTRA:   ${line}`);
    if (args.show) console.log(`--- body ---\n${r.body}\n--- truth ---\n${r.page.body}\n`);
  }
}

/** Prints pages whose F1 moved by more than 0.02 since the last run, then saves this run. */
function compareWith(file: string, results: Result[]): void {
  const now: Record<string, number> = {};
  for (const r of results) now[r.page.id] = Number(r.f1.toFixed(4));
  if (existsSync(file)) {
    const before = JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>;
    const moved = results
      .map((r) => ({ r, delta: now[r.page.id]! - (before[r.page.id] ?? now[r.page.id]!) }))
      .filter((m) => Math.abs(m.delta) > 0.02)
      .sort((a, b) => a.delta - b.delta);
    for (const { r, delta } of moved) {
      console.log(`  ${delta > 0 ? '+' : ''}${delta.toFixed(3)} -> ${r.f1.toFixed(3)} ${r.page.id.slice(0, 16)} ${r.page.pageType ?? ''} ${r.page.url}`);
    }
  }
  writeFileSync(file, JSON.stringify(now));
}

const args = parseArgs(process.argv.slice(2));
const filter = (pages: BenchPage[]): BenchPage[] => {
  let out = pages;
  if (args.type !== undefined) out = out.filter((p) => p.pageType === args.type);
  if (args.ids.length > 0) out = out.filter((p) => args.ids.some((id) => p.id.startsWith(id)));
  if (args.limit !== undefined) out = out.slice(0, args.limit);
  return out;
};
if (args.set !== 'wcxb') {
  const pages = filter(loadZyte());
  if (pages.length > 0) evaluate('Zyte article-extraction-benchmark', pages, true, args);
}
if (args.set !== 'zyte') {
  const pages = filter(loadWcxb());
  if (pages.length > 0) evaluate('WCXB dev', pages, false, args);
}
