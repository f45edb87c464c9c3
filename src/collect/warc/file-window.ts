import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';

/** How much is read from disk at a time: large enough that syscalls do not dominate. */
const READ_SIZE = 1024 * 1024;

/**
 * Positional reads over a file through one cached window, so that the gzip and plain
 * sources can ask for "the bytes from here" without re-reading what they just read.
 * Buffers are never reused: a view handed out stays valid after the window moves.
 */
export class FileWindow {
  private cache: Buffer = Buffer.alloc(0);
  private cacheStart = 0;

  private constructor(
    private readonly handle: FileHandle,
    /** File size when opened; a file that grows while being read is read to this size. */
    readonly size: number,
  ) {}

  static async open(path: string): Promise<FileWindow> {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      return new FileWindow(handle, size);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /**
   * The bytes from `position` to the end of the cached window, at least `minLength` of
   * them unless the file ends first (then fewer; empty at the end of the file).
   */
  async view(position: number, minLength: number): Promise<Buffer> {
    const end = Math.min(this.size, position + minLength);
    if (position >= this.cacheStart && end <= this.cacheStart + this.cache.length) {
      return this.cache.subarray(position - this.cacheStart);
    }
    if (position >= this.size) return Buffer.alloc(0);
    const length = Math.min(this.size - position, Math.max(minLength, READ_SIZE));
    const buffer = Buffer.allocUnsafe(length);
    let filled = 0;
    while (filled < length) {
      const { bytesRead } = await this.handle.read(buffer, filled, length - filled, position + filled);
      if (bytesRead === 0) break; // shrunk since opened: what is there is all there is
      filled += bytesRead;
    }
    this.cache = buffer.subarray(0, filled);
    this.cacheStart = position;
    return this.cache;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
