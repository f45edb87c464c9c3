import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { DatelineError, type ErrorCode } from '../doc/errors.js';
import type { StoreReader } from '../store/queries.js';
import type { StatusReport } from '../store/store.js';

/** The questions the pool answers: the store's read side, and ingest status. */
export interface Readers extends StoreReader {
  status(): StatusReport;
}

type Method = keyof Readers;

export type QueryRequest = { [M in Method]: { id: number; method: M; args: Parameters<Readers[M]> } }[Method];

export type QueryResponse = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: { code: ErrorCode; message: string } };

export interface QueryPoolOptions {
  /** The store file. */
  readonly db: string;
  /** Reader threads (default: one per core, at least 2). */
  readonly threads?: number;
  /** A query still running after this long is stopped and answered with QUERY_TIMEOUT (default 2,000 ms). */
  readonly deadlineMs?: number;
  /** Queries waiting beyond this many are refused at once with STORE_BUSY (default 200). */
  readonly maxQueued?: number;
}

const MAX_FAILURES_IN_A_ROW = 5;

interface Job {
  readonly request: QueryRequest;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: DatelineError) => void;
}

interface Reader {
  worker: Worker;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

/**
 * Runs store queries in reader threads, each with a deadline. better-sqlite3 cannot
 * interrupt a query, so a query past its deadline has its thread ended and replaced:
 * one pathological search costs one thread briefly, never the server.
 */
export class QueryPool {
  private readonly readers: Reader[] = [];
  private readonly queue: Job[] = [];
  private readonly deadlineMs: number;
  private readonly maxQueued: number;
  private nextId = 1;
  private closed = false;
  /** Readers that failed in a row without answering anything: a store that cannot be opened must not respawn forever. */
  private failuresInARow = 0;

  constructor(private readonly options: QueryPoolOptions) {
    this.deadlineMs = options.deadlineMs ?? 2000;
    this.maxQueued = options.maxQueued ?? 200;
    const threads = options.threads ?? Math.max(2, availableParallelism());
    for (let i = 0; i < threads; i++) this.readers.push(this.spawn());
  }

  run<M extends Method>(method: M, ...args: Parameters<Readers[M]>): Promise<ReturnType<Readers[M]>> {
    if (this.closed) return Promise.reject(new DatelineError('STORE_FAILED', 'The server is shutting down.'));
    if (this.readers.length === 0) return Promise.reject(new DatelineError('STORE_FAILED', 'The store cannot be read; check the server\'s store file and restart it.'));
    if (this.queue.length >= this.maxQueued) return Promise.reject(new DatelineError('STORE_BUSY', 'The server is answering too many queries at once; try again shortly.'));
    return new Promise((resolve, reject) => {
      const request = { id: this.nextId++, method, args } as QueryRequest;
      this.queue.push({ request, resolve: resolve as (value: unknown) => void, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new DatelineError('STORE_FAILED', 'The server is shutting down.'));
    await Promise.all(this.readers.map((reader) => reader.worker.terminate()));
  }

  private spawn(): Reader {
    const worker = new Worker(new URL('./query-worker.js', import.meta.url), { workerData: { db: this.options.db } });
    const reader: Reader = { worker, job: null, timer: null };
    worker.on('message', (response: QueryResponse) => {
      const job = reader.job;
      if (job === null || job.request.id !== response.id) return;
      this.failuresInARow = 0;
      this.release(reader);
      if (response.ok) job.resolve(response.value);
      else job.reject(new DatelineError(response.error.code, response.error.message));
      this.dispatch();
    });
    worker.on('error', (error) => {
      this.failuresInARow += 1;
      this.replace(reader, new DatelineError('STORE_FAILED', `A store reader failed: ${error.message}`));
    });
    worker.on('exit', () => {
      if (!this.closed && this.readers.includes(reader)) this.replace(reader, new DatelineError('STORE_FAILED', 'A store reader stopped unexpectedly.'));
    });
    return reader;
  }

  private dispatch(): void {
    for (const reader of this.readers) {
      if (reader.job !== null) continue;
      const job = this.queue.shift();
      if (job === undefined) return;
      reader.job = job;
      reader.timer = setTimeout(() => {
        this.replace(reader, new DatelineError('QUERY_TIMEOUT', `The query took longer than ${this.deadlineMs} ms and was stopped; narrow it (fewer common words, a date range or a filter).`));
      }, this.deadlineMs);
      reader.worker.postMessage(job.request);
    }
  }

  private release(reader: Reader): void {
    if (reader.timer !== null) clearTimeout(reader.timer);
    reader.timer = null;
    reader.job = null;
  }

  /** Ends a reader (past its deadline, or broken), fails its job, and starts a fresh one in its place. */
  private replace(reader: Reader, error: DatelineError): void {
    const index = this.readers.indexOf(reader);
    if (index < 0) return;
    const job = reader.job;
    this.release(reader);
    this.readers.splice(index, 1);
    void reader.worker.terminate();
    job?.reject(error);
    if (this.closed) return;
    if (this.failuresInARow >= MAX_FAILURES_IN_A_ROW) {
      // The store itself is the problem (deleted, damaged): answer every query with the error instead of spinning.
      if (this.readers.length === 0) for (const waiting of this.queue.splice(0)) waiting.reject(error);
      return;
    }
    this.readers.push(this.spawn());
    this.dispatch();
  }
}
