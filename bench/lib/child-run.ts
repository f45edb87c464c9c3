/**
 * Runs one extractor over one benchmark set in child processes (this script forked with
 * `--child`), so that each extractor's peak memory is its own and a pathological page can
 * be cut off: the parent allows each page a budget of CPU time (the child's utime + stime
 * from /proc, polled every 100 ms, so a loaded machine does not cause false timeouts; a
 * stalled child is also cut off after 6 budgets of wall time) and, when a page overruns
 * it, kills the child, records the page as a timeout (empty output) and forks a fresh
 * child that resumes at the next page.
 *
 * Timing, in the child, per page: `process.cpuUsage()` (user + system, whole process)
 * and `performance.now()` around the extractor's timed call only; the page bytes are in
 * memory before the loop starts and sending the result to the parent is outside the clock.
 */
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadWcxb, loadZyte, type BenchPage } from './datasets.js';
import { EMPTY_EXTRACTION, loadExtractor, type Extraction, type ExtractorId, type PageInput } from './extractor.js';

export type SetId = 'zyte' | 'wcxb';

export interface PageRun {
  index: number;
  id: string;
  out: Extraction;
  /** The extractor threw (or its child died) on this page: output recorded as empty. */
  error?: string;
  /** The page overran the budget and its child was killed: output recorded as empty. */
  timeout?: boolean;
  cpuMs: number;
  wallMs: number;
}

export interface ExtractorRun {
  extractor: ExtractorId;
  set: SetId;
  pages: PageRun[];
  /** Peak resident set size over the run's child processes, KiB (`resourceUsage().maxRSS`). */
  peakRssKb: number;
  /** RSS of a child after loading modules and its pages, before the first page, KiB (max over chunks). */
  baselineRssKb: number;
  /** Child processes used: one per chunk, plus one per restart after a timeout or crash. */
  children: number;
  chunks: number;
}

type ChildMessage =
  | { type: 'ready'; rssKb: number; cumCpuMs: number; pages: number }
  | {
      type: 'page';
      index: number;
      id: string;
      out: Extraction;
      error?: string;
      cpuMs: number;
      wallMs: number;
      cumCpuMs: number;
    }
  | { type: 'end'; maxRssKb: number };

function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

function loadPages(set: SetId, offset: number, limit: number | undefined): BenchPage[] {
  const options = limit === undefined ? { offset } : { offset, limit };
  return set === 'zyte' ? loadZyte(options) : loadWcxb(options);
}

function send(message: ChildMessage): Promise<void> {
  return new Promise((resolve, reject) => {
    process.send!(message, undefined, undefined, (error: Error | null) => (error ? reject(error) : resolve()));
  });
}

/**
 * Pages each extractor reads untimed before the timed loop, so that both are measured
 * with their code compiled by the JIT — the steady state of reading many pages — rather
 * than charging one-off compilation to the first pages. Capped in wall time so that one
 * pathological page cannot stall the child before its budget is watched.
 */
const WARM_UP_PAGES = 10;
const WARM_UP_MAX_MS = 5_000;

function warmUp(extractor: Awaited<ReturnType<typeof loadExtractor>>, pages: readonly PageInput[]): void {
  const started = performance.now();
  for (const page of pages.slice(0, WARM_UP_PAGES)) {
    if (performance.now() - started > WARM_UP_MAX_MS) break;
    try {
      extractor.extract(extractor.prepare(page), page);
    } catch {
      // Scored in the timed loop; a warm-up only compiles code.
    }
  }
}

/** The child side: `extract.js --child ID --set SET --offset N [--limit N]`. */
export async function childMain(id: ExtractorId, set: SetId, offset: number, limit: number | undefined): Promise<void> {
  const extractor = await loadExtractor(id);
  const pages = loadPages(set, offset, limit).map(({ id: pageId, url, html }) => ({ id: pageId, url, html }));
  warmUp(extractor, pages);
  await send({ type: 'ready', rssKb: process.memoryUsage().rss / 1024, cumCpuMs: cpuMs(process.cpuUsage()), pages: pages.length });
  for (let i = 0; i < pages.length; i++) {
    const page = pages[i]!;
    const prepared = extractor.prepare(page);
    let out: Extraction = EMPTY_EXTRACTION;
    let error: string | undefined;
    const cpu0 = process.cpuUsage();
    const wall0 = performance.now();
    try {
      out = extractor.extract(prepared, page);
    } catch (e) {
      error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    }
    const wallMs = performance.now() - wall0;
    const pageCpuMs = cpuMs(process.cpuUsage(cpu0));
    const message: ChildMessage = { type: 'page', index: offset + i, id: page.id, out, cpuMs: pageCpuMs, wallMs, cumCpuMs: cpuMs(process.cpuUsage()) };
    if (error !== undefined) message.error = error.slice(0, 300);
    await send(message);
  }
  await send({ type: 'end', maxRssKb: process.resourceUsage().maxRSS });
  process.disconnect();
}

/** /proc/PID/stat utime + stime in ms (Linux); null elsewhere. */
function procCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state); utime and stime are fields 14 and 15, in clock ticks (100/s).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

/** /proc/PID/status VmHWM (peak RSS) in KiB (Linux); 0 elsewhere. */
function procPeakRssKb(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** How often the parent checks a child's CPU time on the current page. */
const POLL_MS = 100;
/** A page is also cut off after this many budgets of wall-clock time (a stalled child). */
const WALL_FACTOR = 6;

export interface RunOptions {
  /** The script to fork (this benchmark's entry point). */
  script: string;
  /** CPU-time budget per page, ms (wall-clock where /proc is unavailable). */
  budgetMs: number;
}

/** One task: an extractor over pages [start, end) of a set, in one child (more after a timeout). */
export interface Chunk {
  extractor: ExtractorId;
  set: SetId;
  start: number;
  end: number;
}

interface Segment {
  /** Index to resume from, or undefined when the child finished its chunk. */
  resumeAt?: number;
  peakRssKb: number;
  baselineRssKb: number;
}

function runSegment(chunk: Chunk, offset: number, options: RunOptions, record: (page: PageRun) => void): Promise<Segment> {
  const { extractor, set } = chunk;
  const args = ['--child', extractor, '--set', set, '--offset', String(offset), '--limit', String(chunk.end)];
  // The child's stdout goes to our stderr, so nothing it prints can garble the report.
  const child = fork(options.script, args, { stdio: ['ignore', 2, 2, 'ipc'] });
  return new Promise((resolve, reject) => {
    let ready = false;
    let ended = false;
    let settled = false;
    let next = offset;
    let lastCumCpuMs = 0;
    let baselineRssKb = 0;
    let timer: NodeJS.Timeout | undefined;
    const settle = (segment: Segment | Error) => {
      if (settled) return;
      settled = true;
      if (timer) clearInterval(timer);
      if (segment instanceof Error) reject(segment);
      else resolve(segment);
    };
    const arm = () => {
      if (timer) clearInterval(timer);
      const started = performance.now();
      const pid = child.pid ?? 0;
      timer = setInterval(() => {
        const wallMs = performance.now() - started;
        const cpuNow = procCpuMs(pid);
        // CPU time on this page so far: robust to a loaded machine. Without /proc, wall time.
        const usedMs = cpuNow === null ? wallMs : Math.max(0, cpuNow - lastCumCpuMs);
        if (usedMs <= options.budgetMs && wallMs <= options.budgetMs * WALL_FACTOR) return;
        const peakRssKb = procPeakRssKb(pid);
        child.kill('SIGKILL');
        record({ index: next, id: '', out: EMPTY_EXTRACTION, timeout: true, cpuMs: usedMs, wallMs });
        settle({ resumeAt: next + 1, peakRssKb, baselineRssKb });
      }, POLL_MS);
    };
    child.on('message', (raw) => {
      const message = raw as ChildMessage;
      if (message.type === 'ready') {
        ready = true;
        baselineRssKb = message.rssKb;
        lastCumCpuMs = message.cumCpuMs;
        if (message.pages === 0) return;
        arm();
      } else if (message.type === 'page') {
        const page: PageRun = { index: message.index, id: message.id, out: message.out, cpuMs: message.cpuMs, wallMs: message.wallMs };
        if (message.error !== undefined) page.error = message.error;
        record(page);
        next = message.index + 1;
        lastCumCpuMs = message.cumCpuMs;
        arm();
      } else if (message.type === 'end') {
        ended = true;
        if (timer) clearInterval(timer);
        settle({ peakRssKb: message.maxRssKb, baselineRssKb });
      }
    });
    child.on('error', (error) => settle(error));
    child.on('exit', (code, signal) => {
      if (settled) return;
      if (!ready) {
        settle(new Error(`${extractor} child for ${set} exited (${code ?? signal}) before it was ready`));
        return;
      }
      if (ended) return;
      // The child died on a page (out of memory, a native crash): record it and go on.
      record({ index: next, id: '', out: EMPTY_EXTRACTION, error: `child process exited (${code ?? signal})`, cpuMs: 0, wallMs: 0 });
      settle({ resumeAt: next + 1, peakRssKb: 0, baselineRssKb });
    });
  });
}

export interface ChunkRun extends Chunk {
  pages: PageRun[];
  peakRssKb: number;
  baselineRssKb: number;
  children: number;
}

/** Runs one chunk to its end, forking a fresh child after each timeout or crash. */
export async function runChunk(chunk: Chunk, options: RunOptions, onPage?: (page: PageRun) => void): Promise<ChunkRun> {
  const pages: PageRun[] = [];
  const record = (page: PageRun) => {
    pages.push(page);
    onPage?.(page);
  };
  let offset = chunk.start;
  let peakRssKb = 0;
  let baselineRssKb = 0;
  let children = 0;
  while (offset < chunk.end) {
    const segment = await runSegment(chunk, offset, options, record);
    children++;
    peakRssKb = Math.max(peakRssKb, segment.peakRssKb);
    if (children === 1) baselineRssKb = segment.baselineRssKb;
    if (segment.resumeAt === undefined) break;
    offset = segment.resumeAt;
  }
  return { ...chunk, pages, peakRssKb, baselineRssKb, children };
}

/**
 * Runs chunks on a pool of `jobs` concurrent child processes (longest work first is the
 * caller's order) and merges them into one run per extractor.
 */
export async function runChunks(
  chunks: readonly Chunk[],
  jobs: number,
  options: RunOptions,
  onPage?: (chunk: Chunk, page: PageRun) => void,
): Promise<Map<ExtractorId, ExtractorRun>> {
  const done: ChunkRun[] = [];
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      const chunk = chunks[next++]!;
      done.push(await runChunk(chunk, options, (page) => onPage?.(chunk, page)));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, chunks.length)) }, worker));
  const runs = new Map<ExtractorId, ExtractorRun>();
  for (const c of done.sort((a, b) => a.start - b.start)) {
    let run = runs.get(c.extractor);
    if (run === undefined) {
      run = { extractor: c.extractor, set: c.set, pages: [], peakRssKb: 0, baselineRssKb: 0, children: 0, chunks: 0 };
      runs.set(c.extractor, run);
    }
    for (const page of c.pages) run.pages[page.index] = page;
    run.peakRssKb = Math.max(run.peakRssKb, c.peakRssKb);
    run.baselineRssKb = Math.max(run.baselineRssKb, c.baselineRssKb);
    run.children += c.children;
    run.chunks++;
  }
  return runs;
}
