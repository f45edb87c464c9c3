import type { Readable } from 'node:stream';
import { listFiles } from '../io/inputs.js';
import type { ItemRow, Outcome, StateCounts, Store } from '../store/store.js';
import { ReaderPool } from '../workers/pool.js';
import { FetchError } from './fetch/errors.js';
import { sleep } from './hosts.js';
import { Network, type NetworkOptions } from './network.js';
import { DEFAULT_RETRY, outcomeOf, type RetryPolicy } from './outcomes.js';
import { repollSource } from './polls.js';
import { isLocal, Scheduler } from './scheduler.js';
import { resolveSource } from './sources.js';
import { acceptStdin } from './stdin.js';
import type { WarcRecord } from './warc/index.js';
import { workOn, type WorkContext } from './work.js';

/** Files a folder is searched for: pages and text (as `dateline read` takes them), feeds, sitemaps and web archives, optionally gzipped. */
/**
 * Heap limit of each reader thread during an ingest, in MiB. Pages are capped at 10 MiB
 * here (16 for `dateline read`), and a lower limit makes V8 collect sooner, so two readers
 * and the store stay within a flat few hundred MB; a page that needs more fails with
 * EXTRACT_OOM rather than swelling the process.
 */
const INGEST_READER_HEAP_MB = 384;
/** Young generation of each reader: measured on 1,971 real pages, 16 MiB takes the peak from ~620 to ~560 MB at the same speed. */
const INGEST_READER_YOUNG_MB = 16;

export const INGEST_EXTENSIONS = /\.(html?|xhtml|txt|text|xml|rss|atom|rdf|json|warc)(\.gz)?$/i;

export interface IngestOptions {
  readonly store: Store;
  /** Feed and sitemap entries published before this are not accepted. */
  readonly since?: Date;
  /** Keep polling the sources' feeds and sitemaps every this many minutes, until stopped. */
  readonly watchMinutes?: number;
  /** Reader threads (default: one per core). */
  readonly readers?: number;
  /** Time limit per page read, in ms (default 7,500). */
  readonly readTimeoutMs?: number;
  /** Fetcher, robots and politeness settings (`fetcher.allowPrivate` for intranet pages). */
  readonly network?: NetworkOptions;
  readonly retry?: Partial<RetryPolicy>;
  /** When only items put off remain (retries, a suspended host), wait this long for them at most before ending the run (default 2 min). */
  readonly maxWaitMs?: number;
  /** Also take up every item pending in the store, from any earlier run. */
  readonly resume?: boolean;
  /** Where `-` reads JSON Lines from (default process.stdin). */
  readonly stdin?: Readable;
  /** Stops the run cleanly: no new items start, the current ones are saved. */
  readonly signal?: AbortSignal;
  readonly onEvent?: (event: IngestEvent) => void;
}

export type IngestEvent =
  | { readonly type: 'accepted'; readonly count: number }
  | {
      readonly type: 'finished';
      readonly id: number;
      readonly kind: string;
      readonly state: ItemRow['state'];
      readonly code: string | null;
      readonly message: string | null;
      readonly url: string | null;
      readonly path: string | null;
    }
  | { readonly type: 'notice'; readonly message: string };

export interface IngestSummary {
  /** How the items this run worked on ended (pending: put off for a later try). */
  readonly states: StateCounts;
  /** How every item of these sources stands now, this run's and earlier runs' alike. */
  readonly sources: StateCounts;
  readonly interrupted: boolean;
  readonly elapsedMs: number;
}

/**
 * Ingests sources into the store: addresses, feeds, sitemaps, sites, files, folders,
 * web archives and JSON Lines on standard input. Every input gets a durable row before
 * any work on it and ends stored, duplicate, skipped or failed; a run interrupted at any
 * moment resumes when the same sources are ingested again, and nothing is stored twice.
 */
export async function ingest(sources: readonly string[], options: IngestOptions): Promise<IngestSummary> {
  const run = new IngestRun(options);
  try {
    return await run.start(sources);
  } finally {
    await run.close();
  }
}

class IngestRun {
  private readonly store: Store;
  private readonly pool: ReaderPool;
  private readonly network: Network;
  private readonly scheduler: Scheduler;
  private readonly retry: RetryPolicy;
  private readonly controller = new AbortController();
  private readonly records = new Map<number, WarcRecord>();
  private readonly states: StateCounts = { pending: 0, stored: 0, duplicate: 0, skipped: 0, failed: 0 };
  private readonly sourceIds: number[] = [];
  private readonly started = Date.now();
  private background = 0;
  private localTail: Promise<void> = Promise.resolve();
  private wakeUp: (() => void) | null = null;
  private fatal: unknown = null;

  constructor(private readonly options: IngestOptions) {
    this.store = options.store;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.network = new Network(options.network ?? {});
    const heapEnv = Number(process.env['DATELINE_MAX_HEAP_MB']);
    this.pool = new ReaderPool(options.readers, {
      ...(options.readTimeoutMs !== undefined ? { timeoutMs: options.readTimeoutMs } : {}),
      maxHeapMb: Number.isFinite(heapEnv) && heapEnv > 0 ? heapEnv : INGEST_READER_HEAP_MB,
      maxYoungMb: INGEST_READER_YOUNG_MB,
    });
    this.scheduler = new Scheduler(this.network.gate, { local: this.pool.size * 8, network: 16 });
    options.signal?.addEventListener('abort', () => this.controller.abort(options.signal?.reason), { once: true });
    if (options.signal?.aborted) this.controller.abort();
  }

  async start(args: readonly string[]): Promise<IngestSummary> {
    for (const arg of args) {
      const spec = await resolveSource(arg);
      const source = this.store.source(spec.key, spec.kind, spec.location);
      this.sourceIds.push(source.id);
      if (spec.root !== null) this.store.accept(source.id, null, [spec.root]);
      if (spec.kind === 'folder') await this.acceptFolder(source.id, arg);
      if (spec.kind === 'stdin') this.inBackground(() => acceptStdin(source.id, this.options.stdin ?? process.stdin, this.backgroundContext()));
      for (const root of this.store.roots(source.id)) this.inBackground(() => repollSource(root, this.backgroundContext()));
    }
    const pending = this.options.resume === true ? this.store.allPending() : this.store.pending(this.sourceIds);
    for (const item of pending) this.scheduler.add(item);
    this.accepted(pending.length);
    await this.loop();
    if (this.fatal !== null) throw this.fatal;
    return {
      states: { ...this.states },
      sources: this.store.counts(this.sourceIds),
      interrupted: this.controller.signal.aborted,
      elapsedMs: Date.now() - this.started,
    };
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.pool.close(), this.network.close()]);
  }

  private async loop(): Promise<void> {
    const maxWait = this.options.maxWaitMs ?? 120_000;
    let nextPoll = this.options.watchMinutes !== undefined ? Date.now() + this.options.watchMinutes * 60_000 : null;
    for (;;) {
      const stopping = this.controller.signal.aborted || this.fatal !== null;
      if (!stopping) {
        for (let item = this.scheduler.next(); item !== null; item = this.scheduler.next()) this.launch(item);
      }
      const busy = this.scheduler.active > 0 || this.background > 0;
      let wait = 1_000;
      if (!busy) {
        if (stopping) return;
        const wake = this.scheduler.wakeAt();
        if (nextPoll !== null && Date.now() >= nextPoll) {
          nextPoll = Date.now() + (this.options.watchMinutes ?? 0) * 60_000;
          for (const sourceId of this.sourceIds) {
            for (const root of this.store.roots(sourceId)) this.inBackground(() => repollSource(root, this.backgroundContext()));
          }
          continue;
        }
        if (wake === null && nextPoll === null) return;
        if (wake !== null && wake - Date.now() > maxWait && nextPoll === null) {
          this.notice(`Items put off until ${new Date(wake).toISOString()} are left pending; run the same command again to finish them.`);
          return;
        }
        wait = Math.min(wake ?? Infinity, nextPoll ?? Infinity) - Date.now();
      } else {
        const wake = this.scheduler.wakeAt();
        if (wake !== null) wait = Math.max(0, Math.min(wait, wake - Date.now()));
      }
      await this.pause(Math.max(0, wait));
    }
  }

  /** Waits until `ms` pass, an item ends, or the run is stopped. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const signal = this.controller.signal;
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, Math.min(ms, 2 ** 31 - 1));
      signal.addEventListener('abort', done, { once: true });
      this.wakeUp = done;
    });
  }

  private wake(): void {
    const wake = this.wakeUp;
    this.wakeUp = null;
    wake?.();
  }

  private launch(item: ItemRow): void {
    void this.process(item).then((again) => {
      this.scheduler.done(item);
      // Put off (a retry, robots.txt unreachable): queued again, for its time.
      if (again !== null) this.scheduler.add(again);
      this.wake();
    });
  }

  /** Works on one item and commits how it ended; local items commit in the order they started, so a run's results never depend on timing. */
  private async process(item: ItemRow): Promise<ItemRow | null> {
    let previous: Promise<void> | null = null;
    let release = () => {};
    if (isLocal(item)) {
      previous = this.localTail;
      this.localTail = new Promise((resolve) => (release = resolve));
    }
    try {
      let outcome: Outcome | null;
      // A web archive is read for as long as its records take: it must not hold up their commits.
      const unordered = () => {
        release();
        previous = null;
      };
      // What depends on earlier items being stored (a revisit) waits for them.
      const inOrder = async () => {
        if (previous !== null) await previous;
      };
      try {
        outcome = await workOn(item, this.workContext(), { unordered, inOrder });
      } catch (error) {
        outcome = this.controller.signal.aborted && isAbort(error) ? null : outcomeOf(error, item, this.retry);
      }
      if (previous !== null) await previous;
      return outcome === null ? null : this.commit(item, outcome);
    } catch (error) {
      // The store refused a write (disk full, damaged file): stop, the item stays pending.
      this.fatal ??= error;
      this.controller.abort();
      return null;
    } finally {
      release();
    }
  }

  /** Applies an outcome; returns the item again when it was put off. */
  private commit(item: ItemRow, outcome: Outcome): ItemRow | null {
    const finished = this.store.finish(item.id, outcome);
    this.states[finished.state]++;
    for (const child of finished.children) this.scheduler.add(child);
    this.accepted(finished.children.length);
    const code = 'code' in outcome ? outcome.code : null;
    const message = 'message' in outcome ? outcome.message : null;
    this.options.onEvent?.({ type: 'finished', id: item.id, kind: item.kind, state: finished.state, code, message, url: item.url, path: item.path });
    return finished.state === 'pending' ? this.store.item(item.id) : null;
  }

  private workContext(): WorkContext {
    return {
      store: this.store,
      network: this.network,
      pool: this.pool,
      signal: this.controller.signal,
      records: this.records,
      ...(this.options.since !== undefined ? { since: this.options.since } : {}),
      enqueue: (row) => {
        this.scheduler.add(row);
        this.accepted(1);
        this.wake();
      },
      room: () => this.room(),
      notice: (message) => this.notice(message),
    };
  }

  private async room(): Promise<void> {
    while (this.scheduler.localRoom <= 0 && !this.controller.signal.aborted) await sleep(20);
  }

  private async acceptFolder(sourceId: number, folder: string): Promise<void> {
    const files = await listFiles(folder, INGEST_EXTENSIONS);
    for (let i = 0; i < files.length; i += 500) {
      const batch = files.slice(i, i + 500).map((path) => ({ key: path, kind: 'file' as const, path }));
      this.store.accept(sourceId, null, batch);
    }
    if (files.length === 0) this.notice(`${folder} holds no pages, feeds, sitemaps or web archives.`);
  }

  private backgroundContext() {
    return {
      store: this.store,
      network: this.network,
      signal: this.controller.signal,
      ...(this.options.since !== undefined ? { since: this.options.since } : {}),
      add: (rows: readonly ItemRow[]) => {
        for (const row of rows) this.scheduler.add(row);
        this.accepted(rows.length);
        this.wake();
      },
      notice: (message: string) => this.notice(message),
    };
  }

  private inBackground(task: () => Promise<void>): void {
    this.background++;
    void task()
      .catch((error: unknown) => this.notice(error instanceof Error ? error.message : String(error)))
      .finally(() => {
        this.background--;
        this.wake();
      });
  }

  private accepted(count: number): void {
    if (count > 0) this.options.onEvent?.({ type: 'accepted', count });
  }

  private notice(message: string): void {
    this.options.onEvent?.({ type: 'notice', message });
  }
}

function isAbort(error: unknown): boolean {
  if (error instanceof FetchError) return error.code === 'FETCH_ABORTED';
  return error instanceof Error && (error.name === 'AbortError' || (error as { code?: string }).code === 'ABORT_ERR' || /abort/i.test(error.message));
}
