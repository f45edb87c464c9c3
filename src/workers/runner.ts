import { Worker } from 'node:worker_threads';
import type { ErrorCode } from '../doc/errors.js';
import type { OutputFormat } from '../cli/render.js';
import type { UnderstandOptions } from '../read.js';
import type { ArticleFacts } from '../collect/article-facts.js';

interface JobInput {
  readonly id: number;
  readonly bytes: Uint8Array;
  readonly path?: string;
  readonly url?: string;
  readonly contentType?: string;
  readonly as: 'html' | 'text' | 'auto';
  readonly understand: UnderstandOptions;
}

/** One input for the worker to read and render as `dateline read` prints it. */
export interface RenderJob extends JobInput {
  readonly mode: 'render';
  readonly format: OutputFormat;
  readonly pretty: boolean;
}

/** One input for the worker to read into what the store keeps of an article. */
export interface IngestJob extends JobInput {
  readonly mode: 'ingest';
  /** Work out what linking reads of the article too: the store it goes to links. */
  readonly link?: boolean;
}

export type ReadJob = RenderJob | IngestJob;

type Failure = { readonly id: number; readonly ok: false; readonly error: { readonly code: ErrorCode; readonly message: string } };
export type RenderResult = { readonly id: number; readonly ok: true; readonly output: string } | Failure;
export type IngestResult = { readonly id: number; readonly ok: true; readonly article: ArticleFacts } | Failure;
export type ReadResult = RenderResult | IngestResult;
type ResultOf<J extends ReadJob> = J extends RenderJob ? RenderResult : IngestResult;

export interface RunnerOptions {
  /**
   * Wall-clock budget per input, in milliseconds, loading included. The default, 7,500,
   * leaves room within 10 s for stopping the worker: tearing down a heap of a few
   * hundred MB takes about a second, and the process cannot exit before that is done.
   */
  readonly timeoutMs?: number;
  /** Old-generation heap limit of the worker, in MiB (default 1,024). */
  readonly maxHeapMb?: number;
  /** Young-generation limit, in MiB (default: V8's). Smaller keeps several readers' memory down. */
  readonly maxYoungMb?: number;
}

export const DEFAULT_TIMEOUT_MS = 7_500;
/** A reader whose heap has grown past this after an input is replaced by a fresh one. */
const RECYCLE_HEAP_BYTES = 192 * 1024 * 1024;
export const DEFAULT_MAX_HEAP_MB = 1024;

interface Pending {
  readonly id: number;
  readonly resolve: (result: ReadResult) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * Runs reads in one worker thread, reused across inputs. An input that overruns its
 * budget gets `EXTRACT_TIMEOUT` and the worker is terminated and replaced; one that
 * exhausts the worker's heap gets `EXTRACT_OOM`. The main thread never runs a stage, so
 * no input can hang or crash the command.
 */
export class ReadRunner {
  private worker: Worker | null = null;
  private pending: Pending | null = null;
  private nextId = 1;
  private readonly timeoutMs: number;
  private readonly maxHeapMb: number;
  private readonly maxYoungMb: number | undefined;

  constructor(options: RunnerOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxHeapMb = options.maxHeapMb ?? DEFAULT_MAX_HEAP_MB;
    this.maxYoungMb = options.maxYoungMb;
  }

  /** Starts the worker ahead of the first input, so its start-up overlaps reading files. */
  warmUp(): void {
    this.ensureWorker();
  }

  /**
   * Reads one input. `startedAt` (a `performance.now()` value, default now) is when work
   * on the input began, so time spent loading it counts against the same budget.
   */
  run<J extends ReadJob>(job: DistributiveOmit<J, 'id'>, startedAt: number = performance.now()): Promise<ResultOf<J>> {
    if (this.pending !== null) throw new Error('ReadRunner runs one input at a time');
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<ResultOf<J>>((resolve) => {
      // setTimeout fires at once for delays past 2^31 - 1 ms; clamp (about 24 days).
      const remaining = Math.min(2 ** 31 - 1, Math.max(0, startedAt + this.timeoutMs - performance.now()));
      const timer = setTimeout(() => {
        const seconds = Math.round(this.timeoutMs / 100) / 10;
        this.fail('EXTRACT_TIMEOUT', `Reading the input took longer than ${seconds} s; it was stopped.`);
      }, remaining);
      this.pending = { id, resolve: resolve as (result: ReadResult) => void, timer };
      const full = { ...job, id } as ReadJob;
      const { bytes } = job;
      // Hand the bytes over without a copy when they own their whole buffer (not a pooled slice).
      const ownsBuffer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
      worker.postMessage(full, ownsBuffer ? [bytes.buffer as ArrayBuffer] : []);
    });
  }

  /** Stops the worker; call once all inputs are done. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker !== null) await worker.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker !== null) return this.worker;
    const worker = new Worker(new URL('./worker.js', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb, ...(this.maxYoungMb !== undefined ? { maxYoungGenerationSizeMb: this.maxYoungMb } : {}) },
      stdout: false,
      stderr: true, // a worker's stray output never reaches the user's terminal
    });
    worker.on('message', (message: ReadResult & { heapBytes?: number }) => {
      const pending = this.pending;
      if (pending === null || pending.id !== message.id) return;
      clearTimeout(pending.timer);
      this.pending = null;
      const { heapBytes, ...result } = message;
      // A heap grown on a very large page is given back by starting afresh, rather than
      // kept for the rest of the run (V8 is slow to shrink it): memory stays flat.
      if (heapBytes !== undefined && heapBytes > RECYCLE_HEAP_BYTES && this.worker === worker) {
        this.worker = null;
        void worker.terminate();
      }
      pending.resolve(result as ReadResult);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (this.worker !== worker) return;
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        this.fail('EXTRACT_OOM', `Reading the input needed more than the ${this.maxHeapMb} MiB memory limit; it was stopped.`);
      } else {
        this.fail('INTERNAL', `Unexpected error while reading: ${error.message.split('\n')[0] ?? ''}`);
      }
    });
    worker.on('exit', () => {
      if (this.worker !== worker) return;
      this.worker = null;
      if (this.pending !== null) this.fail('INTERNAL', 'The reader stopped unexpectedly.');
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  /** Ends the pending input with an error and replaces the worker. */
  private fail(code: ErrorCode, message: string): void {
    const pending = this.pending;
    const worker = this.worker;
    this.worker = null;
    if (worker !== null) void worker.terminate();
    if (pending === null) return;
    clearTimeout(pending.timer);
    this.pending = null;
    pending.resolve({ id: pending.id, ok: false, error: { code, message } });
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
