import type { EntryCollector, EntryDraft } from './collector.js';

/** A draft and whether its entry has closed. */
export interface DraftSlot {
  readonly draft: EntryDraft;
  done: boolean;
}

/**
 * Hands drafts to the collector in document order. An entry takes its place when it
 * opens but is complete only when it closes, and in a broken feed an unclosed
 * `<item>` closes after the items nested in it; so finished drafts wait for the
 * earlier ones. In a well-formed feed the queue never holds more than one.
 */
export class DraftQueue {
  private pending: DraftSlot[] = [];
  private head = 0;

  constructor(private readonly collector: EntryCollector) {}

  /** A new draft, placed after every draft opened before it. */
  open(): DraftSlot {
    const slot: DraftSlot = { draft: {}, done: false };
    this.pending.push(slot);
    return slot;
  }

  /** Marks a draft complete and passes on every complete draft at the front. */
  close(slot: DraftSlot): void {
    slot.done = true;
    for (let next = this.pending[this.head]; next?.done === true; next = this.pending[this.head]) {
      this.head++;
      this.collector.add(next.draft);
    }
    if (this.head === this.pending.length) {
      this.pending = [];
      this.head = 0;
    }
  }
}
