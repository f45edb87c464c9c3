import type { ChunkSource } from './decoded-chunk.js';
import type { FileWindow } from './file-window.js';

const CHUNK = 1024 * 1024;

/** An uncompressed file from `start`, as decoded chunks (views into the file window). */
export async function* plainChunks(file: FileWindow, start: number): ChunkSource {
  let position = start;
  for (;;) {
    const bytes = await file.view(position, CHUNK);
    if (bytes.length === 0) return;
    const piece = bytes.subarray(0, CHUNK);
    position += piece.length;
    yield { bytes: piece };
  }
}
