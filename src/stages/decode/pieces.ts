import { Buffer, isUtf8 } from 'node:buffer';
import type { NewsDoc } from '../../doc/news-doc.js';

/**
 * Why the decoded page is also kept in pieces: V8 puts a string over 128 KB in its
 * large-object space, and making one (or flattening one) costs more CPU than decoding
 * the bytes: about 1.7 ms for a 170 KB page here, against 0.15 ms to decode it as 24 KB
 * pieces. So a large UTF-8 page is decoded piece by piece, `doc.input` is their
 * concatenation (a rope that V8 only flattens when something reads it character by
 * character), and the HTML parser reads the pieces themselves. Nothing else on the HTML
 * path reads `doc.input`, so the one large string is never built.
 *
 * The pieces are kept beside the input's bytes (the one object that follows the
 * document from stage to stage) and only handed out for the very string they make up.
 */
const piecesByBytes = new WeakMap<Uint8Array, { readonly text: string; readonly pieces: readonly string[] }>();

/** Bytes per piece, roughly: each piece ends just before the first `<` past this. */
const PIECE_BYTES = 24 * 1024;
/**
 * Inputs past this are decoded whole, as one string. Pieces save time only, and a rope
 * that something does flatten (`read` with a content string, a tool reading
 * `doc.input`) briefly holds the text twice: under a tight heap limit a huge page must
 * fail the way it always did (a worker's clean out-of-memory), not abort the process.
 */
const MAX_PIECEWISE_BYTES = 8 * 1024 * 1024;

/**
 * Valid UTF-8 cut before `<` bytes (never inside a character, and never inside a
 * `<![CDATA[` marker), decoded piece by piece; null when the bytes are small enough to
 * decode whole, too large (MAX_PIECEWISE_BYTES) or not valid UTF-8 (so that every U+FFFD
 * stays where one decode puts it).
 */
export function decodeUtf8Pieces(bytes: Uint8Array): string[] | null {
  if (bytes.length <= 2 * PIECE_BYTES || bytes.length > MAX_PIECEWISE_BYTES || !isUtf8(bytes)) return null;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const pieces: string[] = [];
  let start = 0;
  while (start < buffer.length) {
    let end = start + PIECE_BYTES < buffer.length ? buffer.indexOf(0x3c, start + PIECE_BYTES) : -1;
    if (end === -1) end = buffer.length;
    pieces.push(buffer.toString('utf8', start, end));
    start = end;
  }
  return pieces;
}

/** The pieces `text` is made of (see above), remembered for the bytes it was decoded from. */
export function rememberPieces(bytes: Uint8Array, text: string, pieces: readonly string[]): void {
  piecesByBytes.set(bytes, { text, pieces });
}

/**
 * `doc.input` as pieces to read in order: those it was decoded as, when it is still that
 * string, or else the input as one piece.
 */
export function inputPieces(doc: NewsDoc): readonly string[] {
  const input = doc.input ?? '';
  const kept = doc.source.bytes !== undefined ? piecesByBytes.get(doc.source.bytes) : undefined;
  // The same string object compares equal at once, without reading the rope.
  return kept !== undefined && kept.text === input ? kept.pieces : [input];
}

/** True when `doc.input` is missing or only whitespace, read piece by piece. */
export function isBlankInput(doc: NewsDoc): boolean {
  return inputPieces(doc).every((piece) => piece.trim().length === 0);
}
