/**
 * Response bodies: Content-Encoding decoded by us, streaming, with the cap on DECODED
 * bytes (a 421-byte brotli bomb inflates to 256 MiB; counting wire bytes alone is the
 * Scrapy bug GHSA-7j7m-v7m3-jqm7). Also a synchronous decoder with the same rules for
 * payloads that are already in memory (WARC records).
 */
import type { Readable } from 'node:stream';
import { Transform, Writable } from 'node:stream';
import type { TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as zlib from 'node:zlib';
import { FetchError } from './errors.js';

/** Codings we decode, in the order the server applied them. */
export type Coding = 'gzip' | 'deflate' | 'br';

/** More layers than this is an attack, not compression (undici and urllib3 allow 5). */
export const MAX_ENCODING_LAYERS = 2;

const CODING_NAMES: Record<string, Coding> = { gzip: 'gzip', 'x-gzip': 'gzip', deflate: 'deflate', br: 'br' };

/**
 * The codings named by a Content-Encoding header, in the order they were applied.
 * `identity` is dropped. Throws FETCH_UNSUPPORTED_ENCODING for zstd (Node 20 has no
 * decoder), unknown names, or more than {@link MAX_ENCODING_LAYERS} layers.
 */
export function parseContentEncoding(header: string | undefined): Coding[] {
  if (header === undefined) return [];
  const names = header
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '' && name !== 'identity');
  if (names.length > MAX_ENCODING_LAYERS) {
    throw new FetchError(
      'FETCH_UNSUPPORTED_ENCODING',
      `Content-Encoding has ${names.length} layers (${header.slice(0, 80)}); at most ${MAX_ENCODING_LAYERS} are accepted`,
    );
  }
  return names.map((name) => {
    const coding = CODING_NAMES[name];
    if (coding === undefined) {
      throw new FetchError('FETCH_UNSUPPORTED_ENCODING', `Content-Encoding "${name.slice(0, 40)}" is not supported (gzip, deflate and br are)`);
    }
    return coding;
  });
}

/** RFC 1950 header check: 'deflate' is meant to be zlib-wrapped, but many servers send raw. */
function looksZlibWrapped(head: Uint8Array): boolean {
  const cmf = head[0] ?? 0;
  const flg = head[1] ?? 0;
  return (cmf & 0x0f) === 8 && (cmf >> 4) <= 7 && ((cmf << 8) | flg) % 31 === 0;
}

function corrupt(coding: Coding, error: unknown): FetchError {
  const why = error instanceof Error ? error.message : String(error);
  return new FetchError('FETCH_BAD_RESPONSE', `The ${coding} body is corrupt (${why})`, { cause: error });
}

function tooLarge(measure: 'declared' | 'wire' | 'decoded', cap: number): FetchError {
  const what = { declared: 'declared Content-Length', wire: 'bytes received', decoded: 'decoded body' }[measure];
  return new FetchError('FETCH_TOO_LARGE', `The ${what} exceeds the ${cap}-byte limit`, { detail: { measure } });
}

/** Rejects a Content-Length over the cap before a byte of the body is read. */
export function checkDeclaredLength(contentLength: number | undefined, cap: number): void {
  if (contentLength !== undefined && contentLength > cap) throw tooLarge('declared', cap);
}

/**
 * One decoding layer as a Transform over a zlib stream. It exists to sniff raw versus
 * zlib-wrapped deflate from the first two bytes, and to turn zlib's errors into
 * FETCH_BAD_RESPONSE at the source.
 */
class DecodeLayer extends Transform {
  private inner: zlib.Gunzip | zlib.Inflate | zlib.InflateRaw | zlib.BrotliDecompress | undefined;
  private head: Buffer = Buffer.alloc(0);

  constructor(private readonly coding: Coding) {
    super();
  }

  private start(head: Buffer): zlib.Gunzip | zlib.Inflate | zlib.InflateRaw | zlib.BrotliDecompress {
    const inner =
      this.coding === 'gzip'
        ? zlib.createGunzip()
        : this.coding === 'br'
          ? zlib.createBrotliDecompress()
          : looksZlibWrapped(head)
            ? zlib.createInflate()
            : zlib.createInflateRaw();
    inner.on('data', (chunk: Buffer) => {
      if (!this.destroyed) this.push(chunk);
    });
    inner.on('error', (error) => this.destroy(corrupt(this.coding, error)));
    this.inner = inner;
    return inner;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    let inner = this.inner;
    if (inner === undefined) {
      this.head = Buffer.concat([this.head, chunk]);
      if (this.coding === 'deflate' && this.head.length < 2) return callback();
      inner = this.start(this.head);
      chunk = this.head;
    }
    // The write callback fires once zlib has consumed the chunk: natural backpressure.
    inner.write(chunk, (error) => callback(error ?? undefined));
  }

  override _flush(callback: TransformCallback): void {
    let inner = this.inner;
    if (inner === undefined) {
      if (this.head.length === 0) return callback(); // empty body: nothing to decode
      inner = this.start(this.head);
      inner.write(this.head);
    }
    inner.once('end', () => callback());
    inner.end();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.inner?.destroy();
    callback(error);
  }
}

/** Thrown inside the pipeline when a prefix is wanted and the cap is reached. */
class EnoughRead extends Error {}

/** How to read one body. */
export interface BodyLimits {
  codings: readonly Coding[];
  /** Cap on decoded bytes. */
  maxBytes: number;
  /** Keep the first `maxBytes` and stop, instead of failing with FETCH_TOO_LARGE. */
  truncate: boolean;
}

/** A body read to its end, or to the cap in truncate mode. */
export interface BodyResult {
  body: Uint8Array;
  wireBytes: number;
  truncated: boolean;
}

/** Wire bytes may exceed decoded bytes only by compression overhead. */
export function wireCapFor(limits: Pick<BodyLimits, 'codings' | 'maxBytes'>): number {
  return limits.codings.length === 0 ? limits.maxBytes : limits.maxBytes + 64 * 1024;
}

/**
 * Reads `source` through the decoders, counting wire and decoded bytes against their
 * caps. Errors of the source itself (socket, timeouts) are rethrown as they are, for
 * the caller to classify.
 */
export async function readBody(source: Readable, limits: BodyLimits): Promise<BodyResult> {
  const wireCap = wireCapFor(limits);
  const chunks: Buffer[] = [];
  let wireBytes = 0;
  let decoded = 0;
  let truncated = false;
  const wireCounter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      const before = wireBytes;
      wireBytes += chunk.length;
      if (wireBytes <= wireCap) return callback(null, chunk);
      if (!limits.truncate) return callback(tooLarge('wire', wireCap));
      // For a prefix, let the chunk that crosses the cap through; the sink trims it.
      if (before < wireCap) return callback(null, chunk);
      truncated = true;
      callback(new EnoughRead());
    },
  });
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      const room = limits.maxBytes - decoded;
      if (chunk.length <= room) {
        decoded += chunk.length;
        chunks.push(chunk);
        return callback();
      }
      if (!limits.truncate) return callback(tooLarge('decoded', limits.maxBytes));
      chunks.push(chunk.subarray(0, room));
      decoded += room;
      truncated = true;
      callback(new EnoughRead());
    },
  });
  const layers = [...limits.codings].reverse().map((coding) => new DecodeLayer(coding));
  try {
    await pipeline([source, wireCounter, ...layers, sink]);
  } catch (error) {
    if (!(error instanceof EnoughRead)) throw error;
  }
  const body = Buffer.concat(chunks, decoded);
  return { body: new Uint8Array(body.buffer, body.byteOffset, body.length), wireBytes, truncated };
}

function decodeSync(coding: Coding, bytes: Uint8Array, maxOutputLength: number): Buffer {
  try {
    if (coding === 'gzip') return zlib.gunzipSync(bytes, { maxOutputLength });
    if (coding === 'br') return zlib.brotliDecompressSync(bytes, { maxOutputLength });
    return looksZlibWrapped(bytes) ? zlib.inflateSync(bytes, { maxOutputLength }) : zlib.inflateRawSync(bytes, { maxOutputLength });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge('decoded', maxOutputLength);
    throw corrupt(coding, error);
  }
}

/**
 * Decodes bytes already in memory by their Content-Encoding, with the same rules and
 * codes as the fetcher: at most two layers, gzip/deflate (zlib or raw)/br only, the
 * decoded size capped at `maxDecodedBytes` (FETCH_TOO_LARGE, measure `decoded`).
 */
export function decodeContentEncoding(bytes: Uint8Array, contentEncoding: string | undefined, maxDecodedBytes: number): Uint8Array {
  const codings = parseContentEncoding(contentEncoding);
  let current: Uint8Array = bytes;
  for (const coding of [...codings].reverse()) {
    if (current.length === 0) break;
    current = decodeSync(coding, current, maxDecodedBytes);
  }
  if (current.length > maxDecodedBytes) throw tooLarge('decoded', maxDecodedBytes);
  return current;
}
