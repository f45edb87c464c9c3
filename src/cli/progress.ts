import type { IngestEvent } from '../collect/ingest.js';

/**
 * How an ingest reports as it goes. On a terminal: one line, rewritten in place, with
 * items done of those known, the rate, the failures so far and the time left. Otherwise
 * (a log, a pipe): one JSON object a line on stderr for every item that ends and every
 * notice, and a progress line every 10 s.
 */
export class Progress {
  private known = 0;
  private done = 0;
  private failed = 0;
  private readonly started = Date.now();
  private lastDraw = 0;
  private lastLog = Date.now();
  private drawn = false;

  constructor(
    private readonly err: NodeJS.WritableStream & { isTTY?: boolean; columns?: number },
    private readonly tty: boolean = err.isTTY === true,
  ) {}

  readonly onEvent = (event: IngestEvent): void => {
    if (event.type === 'accepted') this.known += event.count;
    else if (event.type === 'finished') {
      if (event.state !== 'pending') this.done++;
      if (event.state === 'failed') this.failed++;
      if (!this.tty) this.log({ event: 'item', id: event.id, kind: event.kind, state: event.state, code: event.code, message: event.message, url: event.url, path: event.path });
    } else {
      if (this.tty) {
        this.clear();
        this.err.write(`dateline: ${event.message}\n`);
      } else this.log({ event: 'notice', message: event.message });
    }
    this.tick();
  };

  /** Ends the progress line. */
  finish(): void {
    if (this.tty) {
      this.draw();
      this.err.write('\n');
      this.drawn = false;
    } else this.log({ event: 'progress', ...this.figures() });
  }

  private tick(): void {
    const now = Date.now();
    if (this.tty && now - this.lastDraw >= 200) this.draw();
    if (!this.tty && now - this.lastLog >= 10_000) {
      this.lastLog = now;
      this.log({ event: 'progress', ...this.figures() });
    }
  }

  private figures() {
    const seconds = (Date.now() - this.started) / 1000;
    const rate = seconds > 0 ? this.done / seconds : 0;
    const left = Math.max(0, this.known - this.done);
    return { done: this.done, known: this.known, failed: this.failed, perSecond: Math.round(rate * 10) / 10, secondsLeft: rate > 0 ? Math.round(left / rate) : null };
  }

  private draw(): void {
    this.lastDraw = Date.now();
    const f = this.figures();
    const left = f.secondsLeft === null ? '' : ` · about ${duration(f.secondsLeft)} left`;
    const line = `ingest: ${f.done.toLocaleString('en-US')} of ${f.known.toLocaleString('en-US')} done · ${f.perSecond}/s · ${f.failed} failed${left}`;
    const width = this.err.columns ?? 100;
    this.err.write(`\r${line.slice(0, width - 1)}\x1b[K`);
    this.drawn = true;
  }

  private clear(): void {
    if (this.drawn) this.err.write('\r\x1b[K');
    this.drawn = false;
  }

  private log(fields: Record<string, unknown>): void {
    this.err.write(`${JSON.stringify({ time: new Date().toISOString(), ...fields })}\n`);
  }
}

function duration(seconds: number): string {
  if (seconds < 90) return `${seconds} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 360) / 10} h`;
}
