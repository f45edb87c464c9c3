import { crc32, createInflateRaw, inflateRawSync } from 'node:zlib';
import type { ChunkSource, DecodedChunk } from './decoded-chunk.js';
import { WarcError } from './errors.js';
import type { FileWindow } from './file-window.js';
import { gzipHeaderLength } from './gzip-header.js';

/** Members whose deflate data fits in this much input are inflated in one synchronous call. */
const FAST_INPUT = 1024 * 1024;
/** …as long as they inflate to at most this much; bigger ones (and bombs) are streamed. */
const FAST_OUTPUT = 4 * 1024 * 1024;
/** Headers with a longer file name or comment than this are not a WARC writer's. */
const MAX_HEADER = 64 * 1024;
const FEED_SIZE = 256 * 1024;
const OUT_CHUNK = 64 * 1024;

interface ZlibInfo {
  readonly buffer: Buffer;
  readonly engine: { readonly bytesWritten: number };
}

/**
 * The members of a gzip file from `start` (a member boundary), decoded. Each member's
 * chunks are marked with its start and end in the file; the end is only given once the
 * trailer's CRC-32 and length have been checked, so a member cut short or corrupted
 * never looks complete. Throws WarcError (offset: the failing member's start).
 */
export async function* gzipChunks(file: FileWindow, start: number): ChunkSource {
  let position = start;
  while (position < file.size) {
    const dataStart = position + (await memberHeaderLength(file, position));
    const whole = await inflateWhole(file, dataStart);
    if (whole) {
      const end = await checkTrailer(file, position, dataStart + whole.consumed, crc32(whole.output), whole.output.length);
      yield { bytes: whole.output, memberStart: position, memberEnd: end };
      position = end;
    } else {
      position = yield* inflateStreaming(file, position, dataStart);
    }
  }
}

async function memberHeaderLength(file: FileWindow, position: number): Promise<number> {
  for (let want = 1024; ; want *= 8) {
    const bytes = await file.view(position, want);
    const length = gzipHeaderLength(bytes.subarray(0, MAX_HEADER));
    if (typeof length === 'number') return length;
    if (length === 'invalid' || bytes.length >= MAX_HEADER) {
      throw new WarcError('WARC_INVALID', position, `Expected a gzip member at byte ${position}, found other data: the file is corrupt or not a .warc.gz.`);
    }
    if (bytes.length < want) throw truncatedMember(position);
  }
}

/** The fast path: null when the member is too big for it (or broken: the streaming path then reports where). */
async function inflateWhole(file: FileWindow, dataStart: number): Promise<{ output: Buffer; consumed: number } | null> {
  const input = await file.view(dataStart, FAST_INPUT);
  const atEnd = dataStart + input.length >= file.size;
  try {
    const chunkSize = outputSizeGuess(input, atEnd) ?? OUT_CHUNK;
    const options = { info: true, maxOutputLength: FAST_OUTPUT, chunkSize };
    const { buffer, engine } = inflateRawSync(input, options) as unknown as ZlibInfo;
    return { output: buffer, consumed: engine.bytesWritten };
  } catch {
    return null;
  }
}

const NEXT_MEMBER = Buffer.from([0x1f, 0x8b, 0x08]);

/**
 * The member's decoded size, read from its trailer's ISIZE where the trailer probably is
 * (just before the next member's magic bytes, or at the end of the file), plus one byte
 * so zlib's single output buffer is not filled exactly (which would make it allocate
 * another). Only a sizing hint: a wrong guess costs a copy, never correctness, since
 * the inflater finds the real end. Sizing the buffer right avoids allocating 64 KiB for
 * a 300-byte request record and concatenating pieces for a 100 KiB page.
 */
function outputSizeGuess(input: Buffer, atEnd: boolean): number | undefined {
  const next = input.indexOf(NEXT_MEMBER, 8);
  const trailerEnd = next >= 0 ? next : atEnd ? input.length : -1;
  if (trailerEnd < 8) return undefined;
  const size = input.readUInt32LE(trailerEnd - 4) + 1;
  return size <= FAST_OUTPUT ? Math.max(64, size) : undefined;
}

/**
 * The slow path, for large members: a raw inflater fed slice by slice, whose output is
 * handed on chunk by chunk (the consumer's pace throttles it, so a bomb is never held in
 * memory). The inflater stops at the end of the deflate data; its bytesWritten is the
 * input it actually used, which places the trailer.
 */
async function* inflateStreaming(file: FileWindow, position: number, dataStart: number): AsyncGenerator<DecodedChunk, number, undefined> {
  const inflater = createInflateRaw({ chunkSize: OUT_CHUNK });
  let stopped = false;
  const feed = async (): Promise<void> => {
    for (let at = dataStart; !stopped; ) {
      const slice = (await file.view(at, FEED_SIZE)).subarray(0, FEED_SIZE);
      if (stopped) return;
      if (slice.length === 0) {
        inflater.end();
        return;
      }
      at += slice.length;
      await new Promise<void>((resolve) =>
        inflater.write(slice, (error) => {
          if (error) stopped = true; // the consumer hears of it from the stream
          resolve();
        }),
      );
    }
  };
  void feed().catch((error: unknown) => inflater.destroy(error instanceof Error ? error : new Error(String(error))));
  let crc = 0;
  let size = 0;
  let first = true;
  try {
    for await (const out of inflater as AsyncIterable<Buffer>) {
      crc = crc32(out, crc);
      size += out.length;
      yield first ? { bytes: out, memberStart: position } : { bytes: out };
      first = false;
    }
  } catch (error) {
    throw inflateFailure(error, position);
  } finally {
    stopped = true;
    inflater.destroy();
  }
  const end = await checkTrailer(file, position, dataStart + inflater.bytesWritten, crc, size);
  yield first ? { bytes: Buffer.alloc(0), memberStart: position, memberEnd: end } : { bytes: Buffer.alloc(0), memberEnd: end };
  return end;
}

async function checkTrailer(file: FileWindow, position: number, trailerAt: number, crc: number, size: number): Promise<number> {
  const trailer = await file.view(trailerAt, 8);
  if (trailer.length < 8) throw truncatedMember(position);
  if (trailer.readUInt32LE(0) !== crc >>> 0 || trailer.readUInt32LE(4) !== size % 2 ** 32) {
    throw new WarcError('WARC_INVALID', position, `The gzip member at byte ${position} is corrupt: its checksum does not match its content.`);
  }
  return trailerAt + 8;
}

/** zlib's complaints as WarcErrors; anything else (a failed disk read) is passed on as it is. */
function inflateFailure(error: unknown, position: number): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('Z_')) return error;
  if (code === 'Z_BUF_ERROR') return truncatedMember(position);
  const detail = error instanceof Error ? `: ${error.message}` : '';
  return new WarcError('WARC_INVALID', position, `The gzip member at byte ${position} is corrupt${detail}.`, { cause: error });
}

function truncatedMember(position: number): WarcError {
  return new WarcError('WARC_TRUNCATED', position, `The file ends inside the gzip member at byte ${position}: it was cut short (an interrupted download or crawl).`);
}
