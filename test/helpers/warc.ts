/**
 * A small WARC writer for tests and benchmarks: builds warcinfo, request, response,
 * resource, revisit and metadata records (or any raw bytes), and appends them to a file
 * plain, gzipped one member per record (the standard .warc.gz), or gzipped as one
 * stream. It streams, so a benchmark can write hundreds of MB without holding them.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, crc32, createGzip, deflateRawSync, gzipSync } from 'node:zlib';
import type { Gzip } from 'node:zlib';
import { readWarc, WarcError } from '../../src/collect/warc/index.js';
import type { ReadWarcOptions, WarcRecord } from '../../src/collect/warc/index.js';

export type Bytes = string | Uint8Array;

const CRLF = '\r\n';

function toBuffer(bytes: Bytes): Buffer {
  return typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** An HTTP response as a server might send it, including the sloppy ways. */
export interface HttpResponseSpec {
  readonly status?: number;
  /** The reason phrase; null leaves it out ("HTTP/1.1 200"). Default "OK". */
  readonly reason?: string | null;
  readonly version?: string;
  readonly headers?: readonly (readonly [string, string])[];
  readonly body?: Bytes;
  /** Send the body chunked, in pieces of this many bytes (adds Transfer-Encoding). */
  readonly chunkSize?: number;
  /** Line ends of the head: '\r\n' (default) or a bare '\n'. */
  readonly lineEnd?: string;
  /** Head lines written verbatim after the headers (e.g. an obs-fold continuation " more"). */
  readonly rawHeadLines?: readonly string[];
}

/** The bytes of an HTTP response: status line, headers, blank line, body (chunked if asked). */
export function httpResponse(spec: HttpResponseSpec = {}): Buffer {
  const eol = spec.lineEnd ?? CRLF;
  const status = spec.status ?? 200;
  const reason = spec.reason === undefined ? 'OK' : spec.reason;
  const lines = [`${spec.version ?? 'HTTP/1.1'} ${status}${reason === null ? '' : ` ${reason}`}`];
  const headers = [...(spec.headers ?? [])];
  if (spec.chunkSize !== undefined) headers.push(['Transfer-Encoding', 'chunked']);
  for (const [name, value] of headers) lines.push(`${name}: ${value}`);
  lines.push(...(spec.rawHeadLines ?? []));
  const head = Buffer.from(lines.join(eol) + eol + eol, 'latin1');
  const body = toBuffer(spec.body ?? '');
  return Buffer.concat([head, spec.chunkSize === undefined ? body : chunked(body, spec.chunkSize)]);
}

/** A body in chunked transfer coding, with a chunk extension on the first chunk for realism. */
export function chunked(body: Buffer, size: number): Buffer {
  const parts: Buffer[] = [];
  for (let at = 0; at < body.length; at += size) {
    const piece = body.subarray(at, at + size);
    parts.push(Buffer.from(`${piece.length.toString(16)}${at === 0 ? ';ext=1' : ''}${CRLF}`), piece, Buffer.from(CRLF));
  }
  parts.push(Buffer.from(`0${CRLF}${CRLF}`));
  return Buffer.concat(parts);
}

/** One WARC record to write. */
export interface WarcRecordSpec {
  readonly type: string;
  readonly targetUri?: string;
  readonly date?: string;
  readonly recordId?: string;
  readonly contentType?: string;
  /** Further WARC headers, after the standard ones. */
  readonly headers?: readonly (readonly [string, string])[];
  readonly block?: Bytes;
  /** Declare this Content-Length instead of the block's real length (for lying records). */
  readonly declaredLength?: number;
}

/** A record's bytes, uncompressed: version line, headers, blank line, block, CRLF CRLF. */
export function warcRecordBytes(spec: WarcRecordSpec): Buffer {
  const block = toBuffer(spec.block ?? '');
  const lines = ['WARC/1.1', `WARC-Type: ${spec.type}`, `WARC-Record-ID: ${spec.recordId ?? `<urn:uuid:${randomUUID()}>`}`, `WARC-Date: ${spec.date ?? '2024-05-01T12:00:00Z'}`];
  if (spec.targetUri !== undefined) lines.push(`WARC-Target-URI: ${spec.targetUri}`);
  if (spec.contentType !== undefined) lines.push(`Content-Type: ${spec.contentType}`);
  for (const [name, value] of spec.headers ?? []) lines.push(`${name}: ${value}`);
  lines.push(`Content-Length: ${spec.declaredLength ?? block.length}`);
  return Buffer.concat([Buffer.from(lines.join(CRLF) + CRLF + CRLF, 'utf8'), block, Buffer.from(CRLF + CRLF)]);
}

export function warcinfo(fields: Record<string, string> = { software: 'dateline-test-writer', format: 'WARC File Format 1.1' }): WarcRecordSpec {
  const block = Object.entries(fields).map(([name, value]) => `${name}: ${value}${CRLF}`).join('');
  return { type: 'warcinfo', contentType: 'application/warc-fields', block };
}

export function request(url: string, headers: readonly (readonly [string, string])[] = [['User-Agent', 'test']]): WarcRecordSpec {
  const { host, pathname, search } = new URL(url);
  const lines = [`GET ${pathname}${search} HTTP/1.1`, `Host: ${host}`, ...headers.map(([name, value]) => `${name}: ${value}`)];
  return { type: 'request', targetUri: url, contentType: 'application/http; msgtype=request', block: lines.join(CRLF) + CRLF + CRLF };
}

export function response(url: string, http: HttpResponseSpec = {}, extra: Partial<WarcRecordSpec> = {}): WarcRecordSpec {
  return { type: 'response', targetUri: url, contentType: 'application/http; msgtype=response', block: httpResponse(http), ...extra };
}

export function resource(url: string, contentType: string, body: Bytes, extra: Partial<WarcRecordSpec> = {}): WarcRecordSpec {
  return { type: 'resource', targetUri: url, contentType, block: body, ...extra };
}

/** A revisit: the HTTP head of a response whose payload is identical to an earlier record's. */
export function revisit(url: string, refersTo: string, http: HttpResponseSpec = { status: 200 }): WarcRecordSpec {
  return {
    type: 'revisit',
    targetUri: url,
    contentType: 'application/http; msgtype=response',
    headers: [
      ['WARC-Refers-To', refersTo],
      ['WARC-Profile', 'http://netpreserve.org/warc/1.1/revisit/identical-payload-digest'],
    ],
    block: httpResponse({ ...http, body: '' }),
  };
}

export function metadata(url: string, text: string): WarcRecordSpec {
  return { type: 'metadata', targetUri: url, contentType: 'application/warc-fields', block: text };
}

/** none: a .warc; per-record: a standard .warc.gz; whole-file: a .warc gzipped at once. */
export type WarcCompression = 'none' | 'per-record' | 'whole-file';

/** Where a written record landed: file offsets, or for whole-file gzip decompressed ones. */
export interface Written {
  readonly offset: number;
  readonly length: number;
}

/** Appends records to a file as they come, waiting on the disk when it falls behind. */
export class WarcWriter {
  private position = 0;
  private readonly gzip: Gzip | undefined;

  private constructor(
    private readonly out: WriteStream,
    private readonly compression: WarcCompression,
  ) {
    if (compression === 'whole-file') {
      this.gzip = createGzip();
      this.gzip.pipe(out);
    }
  }

  static create(path: string, compression: WarcCompression = 'none'): WarcWriter {
    return new WarcWriter(createWriteStream(path), compression);
  }

  /** Writes one record (compressed as the file is); returns where it landed. */
  async write(spec: WarcRecordSpec): Promise<Written> {
    const bytes = warcRecordBytes(spec);
    return this.writeRaw(this.compression === 'per-record' ? gzipSync(bytes) : bytes);
  }

  /** Appends bytes as they are (already-built gzip members, garbage, a cut record). */
  async writeRaw(bytes: Bytes): Promise<Written> {
    const buffer = toBuffer(bytes);
    const target = this.gzip ?? this.out;
    const written = { offset: this.position, length: buffer.length };
    this.position += buffer.length;
    if (!target.write(buffer)) await once(target, 'drain');
    return written;
  }

  async close(): Promise<void> {
    const finished = once(this.out, 'close');
    if (this.gzip) this.gzip.end();
    else this.out.end();
    await finished;
  }
}

/** Writes a whole file at once; returns where each record landed. */
export async function writeWarc(path: string, records: readonly WarcRecordSpec[], compression: WarcCompression = 'none'): Promise<Written[]> {
  const writer = WarcWriter.create(path, compression);
  const written: Written[] = [];
  for (const record of records) written.push(await writer.write(record));
  await writer.close();
  return written;
}

/**
 * A gzip member holding a WARC resource record whose block is `zeros` zero bytes (or,
 * `bare`, only the zeros): a "bomb" that inflates to, say, 1 GiB from about 1 MiB,
 * built without ever holding the zeros. A 16 MiB run of zeros is deflated once from
 * empty history and flushed to a byte boundary, so the same compressed run can be
 * repeated.
 */
export function gzipZeroBomb(zeros: number, options: { readonly url?: string; readonly bare?: boolean } = {}): Buffer {
  const run = 16 * 1024 * 1024;
  if (zeros % run !== 0) throw new RangeError(`zeros must be a multiple of ${run}`);
  const record = { type: 'resource', targetUri: options.url ?? 'http://bomb.test/zeros', contentType: 'application/octet-stream', declaredLength: zeros };
  // bare: nothing but the zeros, no record around them.
  const whole = options.bare ? Buffer.from(CRLF + CRLF) : warcRecordBytes(record);
  const head = whole.subarray(0, whole.length - 4); // without the record's closing CRLF CRLF
  const tail = options.bare ? Buffer.alloc(0) : Buffer.from(CRLF + CRLF);
  const sync = { finishFlush: constants.Z_SYNC_FLUSH };
  const zeroRun = Buffer.alloc(run);
  const deflatedRun = deflateRawSync(zeroRun, sync);
  const parts = [Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]), deflateRawSync(head, sync)];
  let crc = crc32(head);
  for (let done = 0; done < zeros; done += run) {
    parts.push(deflatedRun);
    crc = crc32(zeroRun, crc);
  }
  parts.push(deflateRawSync(tail));
  crc = crc32(tail, crc);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE((head.length + zeros + tail.length) % 2 ** 32, 4);
  parts.push(trailer);
  return Buffer.concat(parts);
}

/** Runs `body` with a fresh directory under the system temp dir, removed afterwards. */
export async function withTempDir<T>(body: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'dateline-warc-'));
  try {
    return await body(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Every record readWarc yields, and the WarcError it ended with, if any (other errors are thrown). */
export async function readAll(path: string, options?: ReadWarcOptions): Promise<{ records: WarcRecord[]; error?: WarcError }> {
  const records: WarcRecord[] = [];
  try {
    for await (const record of readWarc(path, options)) records.push(record);
  } catch (error) {
    if (error instanceof WarcError) return { records, error };
    throw error;
  }
  return { records };
}
