import type { ChunkSource } from './decoded-chunk.js';

/** A gzip member boundary reached in the decoded stream, with its offset in the file. */
export interface MemberBoundary {
  /** Position in the decoded stream. */
  readonly position: number;
  /** Offset in the file. */
  readonly offset: number;
}

const EMPTY = Buffer.alloc(0);
const CR = 0x0d;
const LF = 0x0a;

/**
 * Pull-style reading over decoded chunks: lines, counted reads and skips, with no copy
 * unless a line crosses chunks. It remembers the last gzip member boundary it passed,
 * which is how records are tied to seekable file offsets. A failing source is caught
 * and kept in `failure`; reading then behaves as at the end of the input, so the caller
 * decides whether what came before is complete.
 */
export class ByteReader {
  private chunk: Buffer = EMPTY;
  private at = 0;
  /** Decoded position of chunk[0]. */
  private base = 0;
  /** The current chunk's member end, registered as a boundary once the chunk is used up. */
  private pendingMemberEnd: number | undefined;
  private finished = false;
  /** Why the source stopped early, if it did. */
  failure: unknown;
  lastBoundary: MemberBoundary | undefined;

  constructor(private readonly source: ChunkSource) {}

  /** Position in the decoded stream. */
  get position(): number {
    return this.base + this.at;
  }

  /** True when an unread byte is available; false at the end of the input or after a failure. */
  async fill(): Promise<boolean> {
    while (this.at >= this.chunk.length) {
      if (this.pendingMemberEnd !== undefined) {
        this.lastBoundary = { position: this.base + this.chunk.length, offset: this.pendingMemberEnd };
        this.pendingMemberEnd = undefined;
      }
      if (this.finished) return false;
      let next: IteratorResult<{ bytes: Buffer; memberStart?: number; memberEnd?: number }>;
      try {
        next = await this.source.next();
      } catch (error) {
        this.finished = true;
        this.failure = error;
        return false;
      }
      if (next.done) {
        this.finished = true;
        return false;
      }
      this.base += this.chunk.length;
      this.chunk = next.value.bytes;
      this.at = 0;
      this.pendingMemberEnd = next.value.memberEnd;
      if (next.value.memberStart !== undefined) this.lastBoundary = { position: this.base, offset: next.value.memberStart };
    }
    return true;
  }

  /** The next byte without consuming it, or undefined at the end. */
  async peek(): Promise<number | undefined> {
    return (await this.fill()) ? this.chunk[this.at] : undefined;
  }

  /**
   * Up to and including the next LF, reading at most `max` bytes; shorter (no LF) at the
   * end of the input or when `max` is reached; null when nothing is left. The bytes may be
   * a view into the stream's buffers: decode them before reading on.
   */
  async readLine(max: number): Promise<Buffer | null> {
    let parts: Buffer[] | undefined;
    let total = 0;
    while (total < max && (await this.fill())) {
      const window = this.chunk.subarray(this.at, this.at + (max - total));
      const lf = window.indexOf(LF);
      const piece = lf >= 0 ? window.subarray(0, lf + 1) : window;
      this.at += piece.length;
      total += piece.length;
      if (lf >= 0 && !parts) return piece;
      (parts ??= []).push(piece);
      if (lf >= 0) break;
    }
    if (!parts) return null;
    return parts.length === 1 ? (parts[0] ?? EMPTY) : Buffer.concat(parts, total);
  }

  /** Up to `max` bytes (a view, possibly fewer than asked), or null at the end. */
  async read(max: number): Promise<Buffer | null> {
    if (max <= 0 || !(await this.fill())) return null;
    const piece = this.chunk.subarray(this.at, this.at + max);
    this.at += piece.length;
    return piece;
  }

  /** Skips `count` bytes; returns how many were skipped (fewer at the end of the input). */
  async skip(count: number): Promise<number> {
    let skipped = 0;
    while (skipped < count && (await this.fill())) {
      const step = Math.min(count - skipped, this.chunk.length - this.at);
      this.at += step;
      skipped += step;
    }
    return skipped;
  }

  /** Skips CR and LF bytes: the blank lines between records. */
  async skipLineBreaks(): Promise<void> {
    while (await this.fill()) {
      const chunk = this.chunk;
      let at = this.at;
      while (at < chunk.length && (chunk[at] === CR || chunk[at] === LF)) at++;
      this.at = at;
      if (at < chunk.length) return;
    }
  }
}
