/**
 * Search benchmark: `npm run bench:search` (builds, then `node dist/bench/search.js`).
 *
 * 1. A store of 100,000 articles is built once from every real article we have (see
 *    search-store.ts; cached in .bench-cache/search/, reused while complete).
 * 2. One user: a mixed set of ~200 searches (search-queries.ts: words, phrases, OR,
 *    -exclusions, prefixes, filters, both sorts, second pages; every one with facets) runs
 *    once to warm up, then 3 rounds through `StoreReader.search`. Latency per kind and
 *    overall, and searches per second. Beside it, the same set through a naive baseline:
 *    plain FTS5 `ORDER BY rank LIMIT 20` and a `count(*)`, no filters, no facets.
 * 3. Twenty users: the HTTP server in a process of its own on 127.0.0.1, warmed with one pass
 *    over the set's API addresses, then autocannon with 20 connections cycling over them.
 * Bars (issue 9): one-user p95 ≤ 50 ms; ≥ 200 searches/s at 20 users with p99 ≤ 250 ms.
 *
 * Options: --articles N (default 100000; another N builds a store of its own), --duration S
 * (of the HTTP run, default 20), --json (the figures as one JSON object on stdout).
 */
import Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SearchQuery, StoreReader } from '../src/store/queries.js';
import { openStore } from '../src/store/sqlite/index.js';
import { describedQueries, toSearchUrl, type DescribedQuery } from './search-queries.js';
import { buildSearchStore, searchStorePath } from './search-store.js';

const ROUNDS = 3;
const CONNECTIONS = 20;
const BAR = { oneUserP95: 50, throughput: 200, httpP99: 250 };

interface Latencies {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/** What autocannon's programmatic API answers (the package ships no types). */
interface CannonResult {
  readonly requests: { readonly average: number; readonly total: number };
  readonly latency: { readonly p50: number; readonly p97_5: number; readonly p99: number; readonly max: number };
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<CannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

function latencies(ms: readonly number[]): Latencies {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1] ?? 0 };
}

/** Runs the set once to warm up, then ROUNDS times timed: each search's time by kind, and searches per second. */
function timeSet(queries: readonly DescribedQuery[], run: (query: SearchQuery) => unknown): { byKind: Map<string, number[]>; all: number[]; perSecond: number } {
  for (const { query } of queries) run(query);
  const byKind = new Map<string, number[]>();
  const all: number[] = [];
  const started = performance.now();
  for (let round = 0; round < ROUNDS; round++) {
    for (const { kind, query } of queries) {
      const t = performance.now();
      run(query);
      const ms = performance.now() - t;
      all.push(ms);
      const times = byKind.get(kind) ?? [];
      times.push(ms);
      byKind.set(kind, times);
    }
  }
  return { byKind, all, perSecond: all.length / ((performance.now() - started) / 1000) };
}

/**
 * The baseline's reading of the search box: each word and phrase quoted, `-word` as
 * NOT, `word*` as a prefix, OR kept. Filters, facets and cursors are left out.
 */
function naiveMatch(q: string): string {
  const terms = q.match(/"[^"]*"|\S+/gu) ?? [];
  const quote = (text: string): string => `"${text.replace(/"/gu, '')}"`;
  return terms
    .map((term) => {
      if (term === 'OR') return 'OR';
      if (term.startsWith('-') && term.length > 1) return `NOT ${quote(term.slice(1))}`;
      if (term.endsWith('*') && term.length > 1) return `${quote(term.slice(0, -1))}*`;
      return quote(term);
    })
    .join(' ');
}

/** The naive baseline on its own read-only connection: a page of 20 by rank (or newest, with no words) and a count. */
function baselineSearch(path: string): { run: (query: SearchQuery) => unknown; close: () => void } {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  const ranked = db.prepare(
    `SELECT a.id, a.headline, a.url, a.published, a.site, snippet(article_search, 1, '[', ']', '…', 32) AS snippet
     FROM article_search JOIN articles a ON a.id = article_search.rowid WHERE article_search MATCH ? ORDER BY rank LIMIT 20`,
  );
  const matching = db.prepare('SELECT count(*) FROM article_search WHERE article_search MATCH ?').pluck();
  const newest = db.prepare('SELECT a.id, a.headline, a.url, a.published, a.site, substr(s.body, 1, 240) AS snippet FROM articles a JOIN article_search s ON s.rowid = a.id ORDER BY a.published DESC LIMIT 20');
  const all = db.prepare('SELECT count(*) FROM articles').pluck();
  return {
    run: (query) => {
      const q = query.q?.trim() ?? '';
      if (q === '') return [newest.all(), all.get()];
      const match = naiveMatch(q);
      return [ranked.all(match), matching.get(match)];
    },
    close: () => db.close(),
  };
}

async function httpRun(path: string, urls: readonly string[], duration: number): Promise<CannonResult> {
  const server = spawn(process.execPath, [fileURLToPath(new URL('./search-server.js', import.meta.url)), path], { stdio: ['pipe', 'pipe', 'inherit'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      server.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
      server.once('exit', (code) => reject(new Error(`the server exited (${code})`)));
    });
    // Each address once before the clock starts: the figure is the server's steady state, not its first compile of each statement.
    for (const path of urls) await (await fetch(`${url}${path}`)).arrayBuffer();
    let next = 0;
    return await autocannon({
      url,
      connections: CONNECTIONS,
      duration,
      requests: [{ method: 'GET', setupRequest: (request: Record<string, unknown>) => ({ ...request, path: urls[next++ % urls.length] }) }],
    });
  } finally {
    server.stdin.end();
    await new Promise((resolve) => server.once('exit', resolve));
  }
}

const fmt = (value: number): string => value.toFixed(1).padStart(7);
const row = (label: string, l: Latencies, extra = ''): string => `${label.padEnd(18)} ${String(l.count).padStart(5)} ${fmt(l.p50)} ${fmt(l.p95)} ${fmt(l.p99)} ${fmt(l.max)}${extra}`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { articles: { type: 'string', default: '100000' }, duration: { type: 'string', default: '20' }, json: { type: 'boolean', default: false } } });
  const target = Number(values.articles);
  const duration = Number(values.duration);
  if (!Number.isInteger(target) || target < 1 || !(duration > 0)) {
    console.error('usage: search.js [--articles N] [--duration SECONDS] [--json]');
    process.exitCode = 2;
    return;
  }
  const say = values.json ? (line: string) => process.stderr.write(`${line}\n`) : (line: string) => console.log(line);
  const path = searchStorePath(target);
  const built = await buildSearchStore(path, target);
  say(`Store: ${built.articles} articles in ${path} (built in ${built.seconds.toFixed(0)} s)`);

  const reader: StoreReader & { close(): void } = openStore(path, { readonly: true });
  let queries: DescribedQuery[];
  let ours: ReturnType<typeof timeSet>;
  try {
    queries = describedQueries(reader);
    say(`Queries: ${queries.length} (${[...new Set(queries.map(({ kind }) => kind))].join(', ')}); warm-up, then ${ROUNDS} rounds`);
    ours = timeSet(queries, (query) => reader.search(query));
  } finally {
    reader.close();
  }
  const baseline = baselineSearch(path);
  const naive = (() => {
    try {
      return timeSet(queries, baseline.run);
    } finally {
      baseline.close();
    }
  })();
  const overall = latencies(ours.all);
  const naiveOverall = latencies(naive.all);
  say(`\nOne user, StoreReader.search (ms)\n${'kind'.padEnd(18)} ${'n'.padStart(5)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'p99'.padStart(7)} ${'max'.padStart(7)}`);
  for (const [kind, times] of [...ours.byKind].sort(([a], [b]) => (a < b ? -1 : 1))) say(row(kind, latencies(times)));
  say(row('all', overall, `   ${ours.perSecond.toFixed(0)} searches/s`));
  say(row('naive FTS5', naiveOverall, `   ${naive.perSecond.toFixed(0)} searches/s (no filters, no facets)`));
  const ratio = { p50: overall.p50 / naiveOverall.p50, p95: overall.p95 / naiveOverall.p95 };
  say(`ours / naive: ${ratio.p50.toFixed(2)}× at p50, ${ratio.p95.toFixed(2)}× at p95`);

  const urls = queries.map(({ query }) => toSearchUrl(query));
  say(`\nTwenty users: autocannon, ${CONNECTIONS} connections, ${duration} s over ${urls.length} addresses on 127.0.0.1`);
  const http = await httpRun(path, urls, duration);
  say(`${http.requests.average.toFixed(0)} requests/s (${http.requests.total} in all), latency p50 ${http.latency.p50} ms, p97.5 ${http.latency.p97_5} ms, p99 ${http.latency.p99} ms, max ${http.latency.max} ms; non-2xx ${http.non2xx}, errors ${http.errors}, timeouts ${http.timeouts}`);

  const bars: { figure: string; value: number; bar: string; met: boolean | null }[] = [
    { figure: 'one user p95 (ms)', value: overall.p95, bar: `≤ ${BAR.oneUserP95}`, met: overall.p95 <= BAR.oneUserP95 },
    { figure: '20 users searches/s', value: http.requests.average, bar: `≥ ${BAR.throughput}`, met: http.requests.average >= BAR.throughput },
    { figure: '20 users p99 (ms)', value: http.latency.p99, bar: `≤ ${BAR.httpP99}`, met: http.latency.p99 <= BAR.httpP99 },
    { figure: '20 users non-2xx', value: http.non2xx + http.errors, bar: '= 0', met: http.non2xx + http.errors === 0 },
    { figure: 'p95 ours / naive FTS5', value: ratio.p95, bar: 'peer', met: null },
  ];
  say(`\n${'figure'.padEnd(22)} ${'value'.padStart(9)}  bar`);
  for (const bar of bars) say(`${bar.figure.padEnd(22)} ${bar.value.toFixed(1).padStart(9)}  ${bar.bar.padEnd(7)} ${bar.met === null ? '' : bar.met ? 'met' : 'NOT MET'}`);
  if (values.json) {
    const kinds = Object.fromEntries([...ours.byKind].map(([kind, times]) => [kind, latencies(times)]));
    const oneUser = { ...overall, searchesPerSecond: ours.perSecond, kinds };
    const naiveFigures = { ...naiveOverall, searchesPerSecond: naive.perSecond, ratio };
    const httpFigures = { connections: CONNECTIONS, duration, requestsPerSecond: http.requests.average, total: http.requests.total, ...http.latency, non2xx: http.non2xx, errors: http.errors, timeouts: http.timeouts };
    console.log(JSON.stringify({ articles: built.articles, queries: queries.length, oneUser, naive: naiveFigures, http: httpFigures, bars }));
  }
}

await main();
