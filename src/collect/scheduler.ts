import type { ItemRow } from '../store/store.js';
import type { HostGate } from './hosts.js';

/** Kinds read from this machine (a file, an archive record, a line of input): never fetched. */
const LOCAL_KINDS = new Set(['file', 'record', 'line', 'warc']);

export function isLocal(item: ItemRow): boolean {
  return LOCAL_KINDS.has(item.kind);
}

export interface SchedulerLimits {
  /** Local items being loaded, read or committed at once (default: readers × 3). */
  readonly local: number;
  /** Items being fetched at once, across hosts (one per host at most; default 16). */
  readonly network: number;
}

/**
 * The run's queue of items: local ones in the order they were accepted, network ones
 * per host (round-robin over the hosts whose turn it is), and those put off until a
 * time. `next` hands out what may start now; `wakeAt` says when something may next be
 * ready. It holds no state of its own that the store does not also hold: a crash loses
 * only the order of work, never an item.
 */
export class Scheduler {
  private readonly local: ItemRow[] = [];
  private localHead = 0;
  private readonly byHost = new Map<string, ItemRow[]>();
  private readonly deferred: ItemRow[] = [];
  private readonly activeHosts = new Set<string>();
  private readonly queued = new Set<number>();
  private localActive = 0;
  private networkActive = 0;

  constructor(
    private readonly gate: HostGate,
    private readonly limits: SchedulerLimits,
    private readonly now: () => number = Date.now,
  ) {}

  add(item: ItemRow): void {
    if (this.queued.has(item.id)) return;
    this.queued.add(item.id);
    if (item.dueAt !== null && item.dueAt > this.now()) this.deferred.push(item);
    else this.enqueue(item);
  }

  get active(): number {
    return this.localActive + this.networkActive;
  }

  /** Room for more local items: lets a web archive's reader wait rather than run ahead. */
  get localRoom(): number {
    return this.limits.local - (this.local.length - this.localHead) - this.localActive;
  }

  /** The next item that may start now, or null. */
  next(): ItemRow | null {
    this.release();
    if (this.localActive < this.limits.local && this.localHead < this.local.length) {
      const item = this.local[this.localHead++]!;
      if (this.localHead > 1024 && this.localHead * 2 > this.local.length) {
        this.local.splice(0, this.localHead);
        this.localHead = 0;
      }
      this.localActive++;
      return item;
    }
    if (this.networkActive >= this.limits.network) return null;
    const now = this.now();
    for (const [host, list] of this.byHost) {
      if (this.activeHosts.has(host) || this.gate.readyAt(host) > now) continue;
      const item = list.shift()!;
      if (list.length === 0) this.byHost.delete(host);
      else {
        // Round-robin: this host goes to the back of the line.
        this.byHost.delete(host);
        this.byHost.set(host, list);
      }
      this.activeHosts.add(host);
      this.networkActive++;
      return item;
    }
    return null;
  }

  /** Marks a started item done (it may be added again, e.g. to be retried later). */
  done(item: ItemRow): void {
    this.queued.delete(item.id);
    if (isLocal(item)) this.localActive--;
    else {
      this.networkActive--;
      this.activeHosts.delete(item.host ?? '');
    }
  }

  /** When an item that cannot start now may be able to (ms since epoch), or null when nothing waits. */
  wakeAt(): number | null {
    let at = Infinity;
    for (const item of this.deferred) at = Math.min(at, item.dueAt ?? 0);
    for (const host of this.byHost.keys()) {
      if (!this.activeHosts.has(host)) at = Math.min(at, this.gate.readyAt(host));
    }
    return at === Infinity ? null : at;
  }

  private enqueue(item: ItemRow): void {
    if (isLocal(item)) {
      this.local.push(item);
      return;
    }
    const host = item.host ?? '';
    const list = this.byHost.get(host);
    if (list === undefined) this.byHost.set(host, [item]);
    else list.push(item);
  }

  /** Moves put-off items whose time has come back into the queue. */
  private release(): void {
    if (this.deferred.length === 0) return;
    const now = this.now();
    for (let i = this.deferred.length - 1; i >= 0; i--) {
      const item = this.deferred[i]!;
      if ((item.dueAt ?? 0) <= now) {
        this.deferred.splice(i, 1);
        this.enqueue(item);
      }
    }
  }
}
