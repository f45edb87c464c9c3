import { availableParallelism } from 'node:os';
import { ReadRunner, type IngestJob, type IngestResult, type RunnerOptions } from './runner.js';

/**
 * Several readers, one worker thread each, so reading and understanding use every core
 * while the main thread fetches and writes the store. Each reader keeps its own time
 * budget and heap limit per input (see ReadRunner). Jobs wait in order for a free reader.
 */
export class ReaderPool {
  private readonly idle: ReadRunner[] = [];
  private readonly all: ReadRunner[] = [];
  private readonly waiting: ((runner: ReadRunner) => void)[] = [];

  constructor(size: number = defaultReaders(), options: RunnerOptions = {}) {
    for (let i = 0; i < Math.max(1, size); i++) {
      const runner = new ReadRunner(options);
      runner.warmUp();
      this.all.push(runner);
      this.idle.push(runner);
    }
  }

  get size(): number {
    return this.all.length;
  }

  async read(job: Omit<IngestJob, 'id'>): Promise<IngestResult> {
    const runner = this.idle.pop() ?? (await new Promise<ReadRunner>((resolve) => this.waiting.push(resolve)));
    try {
      return await runner.run<IngestJob>(job);
    } finally {
      const next = this.waiting.shift();
      if (next !== undefined) next(runner);
      else this.idle.push(runner);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((runner) => runner.close()));
  }
}

/** One reader per core. */
export function defaultReaders(): number {
  return Math.max(1, availableParallelism());
}
