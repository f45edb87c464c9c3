/**
 * Politeness per host: one request in flight, and at least `delayMs` (or the host's
 * robots.txt Crawl-delay, whichever is longer) between the starts of two requests. A
 * host that fails `breakerFailures` times in a row is suspended for `breakerMs`; its
 * items wait, other hosts go on.
 */
export interface HostPolicy {
  /** Minimum time between two requests to one host (default 5 s). */
  readonly delayMs: number;
  /** Consecutive failures that suspend a host (default 5). */
  readonly breakerFailures: number;
  /** How long a failing host is suspended (default 15 min). */
  readonly breakerMs: number;
}

export const DEFAULT_HOST_POLICY: HostPolicy = { delayMs: 5_000, breakerFailures: 5, breakerMs: 15 * 60_000 };

interface HostState {
  busy: boolean;
  /** Earliest start of the next request (ms since epoch). */
  nextAt: number;
  delayMs: number;
  failures: number;
  suspendedUntil: number;
  readonly waiters: (() => void)[];
}

export class HostGate {
  private readonly hosts = new Map<string, HostState>();

  constructor(
    private readonly policy: HostPolicy = DEFAULT_HOST_POLICY,
    private readonly now: () => number = Date.now,
  ) {}

  /** When a request to the host may start (0: now); Infinity while one is in flight. */
  readyAt(host: string): number {
    const state = this.hosts.get(host);
    if (state === undefined) return 0;
    if (state.busy) return Infinity;
    return Math.max(state.nextAt, state.suspendedUntil);
  }

  isSuspended(host: string): boolean {
    return (this.hosts.get(host)?.suspendedUntil ?? 0) > this.now();
  }

  /** Waits for the host's turn; the returned function ends the request. */
  async acquire(host: string, signal?: AbortSignal): Promise<() => void> {
    const state = this.state(host);
    for (;;) {
      signal?.throwIfAborted();
      if (!state.busy) {
        const wait = Math.max(state.nextAt, state.suspendedUntil) - this.now();
        if (wait <= 0) break;
        await sleep(wait, signal);
        continue;
      }
      await new Promise<void>((resolve) => state.waiters.push(resolve));
    }
    state.busy = true;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      state.busy = false;
      state.nextAt = this.now() + state.delayMs;
      state.waiters.shift()?.();
    };
  }

  /** A robots.txt Crawl-delay: the larger of it and the default delay applies. */
  setCrawlDelay(host: string, crawlDelayMs: number): void {
    const state = this.state(host);
    state.delayMs = Math.max(this.policy.delayMs, crawlDelayMs);
  }

  /** Records how a request to the host ended: failures in a row suspend it. */
  record(host: string, ok: boolean): void {
    const state = this.state(host);
    if (ok) {
      state.failures = 0;
      return;
    }
    state.failures++;
    if (state.failures >= this.policy.breakerFailures) {
      state.suspendedUntil = this.now() + this.policy.breakerMs;
      state.failures = 0;
    }
  }

  private state(host: string): HostState {
    let state = this.hosts.get(host);
    if (state === undefined) {
      state = { busy: false, nextAt: 0, delayMs: this.policy.delayMs, failures: 0, suspendedUntil: 0, waiters: [] };
      this.hosts.set(host, state);
    }
    return state;
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.min(ms, 2 ** 31 - 1));
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
