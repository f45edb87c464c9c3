import { ByteReader } from './byte-reader.js';
import type { ChunkSource } from './decoded-chunk.js';
import { WarcError } from './errors.js';
import { FileWindow } from './file-window.js';
import { startsWithGzipMagic } from './gzip-header.js';
import { gzipChunks } from './gzip-source.js';
import { plainChunks } from './plain-source.js';
import { toWarcRecord } from './record-fields.js';
import { readBlock } from './record-block.js';
import type { BlockOptions } from './record-block.js';
import type { ReadWarcOptions, WarcRecord } from './types.js';
import { readWarcHead } from './warc-head.js';

const DEFAULT_MAX_PAYLOAD = 10 * 1024 * 1024;

/**
 * How offsets map to the file. `plain`: file positions. `member`: a .warc.gz with each
 * record in its own gzip member(s), offsets of members. `stream`: a .gz whose members
 * hold several records (a whole file gzipped at once): positions in the decompressed
 * stream, so seeking means decompressing from the start. `undecided`: a .gz read from
 * its start, until the first record shows which of the last two it is.
 */
type Layout = 'plain' | 'member' | 'stream' | 'undecided';

/**
 * Streams the records of a .warc or .warc.gz file in order, each once it has been read
 * to its end, holding at most one payload (≤ maxPayloadBytes) in memory. Throws
 * WarcError: WARC_INVALID (not a WARC file, a malformed record, a corrupt gzip member,
 * or a .gz that mixes one-record members with many-record ones, which cannot be
 * addressed by offset) or WARC_TRUNCATED (the file ends inside a record or gzip member);
 * its `offset` is where the unread record starts, and every complete record before it
 * has been yielded.
 *
 * For a .warc.gz written the standard way (one gzip member per record), offsets are
 * those of the members and resuming is a seek. For a file gzipped as a whole, offsets
 * count decompressed bytes: resuming there (and readWarcRecordAt) decompresses the file
 * from its start up to the offset.
 */
export async function* readWarc(path: string, options: ReadWarcOptions = {}): AsyncGenerator<WarcRecord, void, undefined> {
  const startOffset = options.startOffset ?? 0;
  if (!Number.isSafeInteger(startOffset) || startOffset < 0) throw new RangeError(`startOffset must be a non-negative integer, got ${startOffset}`);
  const blockOptions: BlockOptions = { maxPayloadBytes: options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD, wantPayload: options.wantPayload };
  if (!Number.isSafeInteger(blockOptions.maxPayloadBytes) || blockOptions.maxPayloadBytes < 0) {
    throw new RangeError(`maxPayloadBytes must be a non-negative integer, got ${blockOptions.maxPayloadBytes}`);
  }
  const file = await FileWindow.open(path);
  let source: ChunkSource | undefined;
  try {
    const opened = await openSource(file, startOffset);
    if (!opened) return;
    source = opened.source;
    yield* readRecords(new ByteReader(source), opened.layout, startOffset, opened.decodedBase, blockOptions);
  } finally {
    await source?.return();
    await file.close();
  }
}

/**
 * Reads the one record that starts at `offset` (an offset a WarcRecord gave; options'
 * startOffset is ignored). For a file gzipped as a whole this decompresses up to it.
 */
export async function readWarcRecordAt(path: string, offset: number, options: ReadWarcOptions = {}): Promise<WarcRecord> {
  for await (const record of readWarc(path, { ...options, startOffset: offset })) return record;
  throw new WarcError('WARC_INVALID', offset, `No WARC record starts at byte ${offset}: it is the end of the file.`);
}

interface OpenedSource {
  readonly source: ChunkSource;
  readonly layout: Layout;
  /** File offset of decoded position 0 (plain files read from an offset). */
  readonly decodedBase: number;
}

async function openSource(file: FileWindow, startOffset: number): Promise<OpenedSource | null> {
  const head = await file.view(0, 2);
  if (!startsWithGzipMagic(head)) {
    if (startOffset > file.size) throw pastTheEnd(startOffset, file.size);
    return { source: plainChunks(file, startOffset), layout: 'plain', decodedBase: startOffset };
  }
  if (startOffset === 0) return { source: gzipChunks(file, 0), layout: 'undecided', decodedBase: 0 };
  if (startOffset === file.size) return null;
  if (startOffset < file.size && startsWithGzipMagic(await file.view(startOffset, 2))) {
    return { source: gzipChunks(file, startOffset), layout: 'member', decodedBase: startOffset };
  }
  return { source: gzipChunks(file, 0), layout: 'stream', decodedBase: 0 };
}

async function* readRecords(reader: ByteReader, layout: Layout, startOffset: number, decodedBase: number, options: BlockOptions): AsyncGenerator<WarcRecord, void, undefined> {
  if (layout === 'stream') {
    if ((await reader.skip(startOffset)) < startOffset) throw failureOr(reader, startOffset, pastTheEnd(startOffset, reader.position));
  }
  let next = startOffset;
  await reader.skipLineBreaks();
  for (;;) {
    const atFileStart = next === 0;
    if (!(await reader.fill())) {
      if (reader.failure !== undefined) throw failureOr(reader, next, undefined);
      if (atFileStart) throw new WarcError('WARC_INVALID', 0, 'Not a WARC file: it is empty (or holds only blank lines).');
      return;
    }
    let fields;
    try {
      const headers = await readWarcHead(reader, { offset: next, atFileStart });
      fields = toWarcRecord(headers, next);
      const block = await readBlock(reader, fields, fields.blockLength, next, options);
      fields = { ...fields, ...block };
    } catch (error) {
      throw failureOr(reader, next, error);
    }
    const blockEnd = reader.position;
    await reader.skipLineBreaks();
    let length: number;
    if (layout === 'member' || layout === 'undecided') {
      const boundary = reader.lastBoundary;
      const end = boundary && boundary.position >= blockEnd ? boundary.offset : undefined;
      if (end !== undefined) {
        layout = 'member';
        length = end - next;
      } else if (reader.failure !== undefined) {
        throw failureOr(reader, next, undefined);
      } else if (layout === 'undecided') {
        layout = 'stream';
        length = reader.position - next;
      } else {
        throw new WarcError(
          'WARC_INVALID',
          next,
          `The gzip member at byte ${next} holds more than one WARC record while the records before it each had their own, so records cannot be addressed by offset: recompress the file with one gzip member per record.`,
        );
      }
    } else {
      length = decodedBase + reader.position - next;
    }
    yield { ...fields, offset: next, length };
    next += length;
  }
}

/** The source's own failure when there is one (a corrupt or cut gzip member), else `fallback`. */
function failureOr(reader: ByteReader, offset: number, fallback: unknown): unknown {
  const cause = reader.failure ?? fallback;
  return cause instanceof WarcError ? cause.at(offset) : cause;
}

function pastTheEnd(offset: number, size: number): WarcError {
  return new WarcError('WARC_INVALID', offset, `Offset ${offset} is past the end of the WARC data (${size} bytes): it is not from this file.`);
}
