import type { ByteReader } from './byte-reader.js';
import { Dechunker } from './chunked.js';
import { WarcError } from './errors.js';
import { headerValue, isChunked, readHttpHead } from './http-head.js';
import type { HeaderField, HttpHead, PayloadQuestion } from './types.js';

/** Records whose payload is what a reader of the archive is usually after. */
const PAYLOAD_BY_DEFAULT = new Set(['response', 'resource', 'revisit', 'conversion']);

export interface BlockOptions {
  readonly maxPayloadBytes: number;
  readonly wantPayload?: ((record: PayloadQuestion) => boolean) | undefined;
}

export interface BlockResult {
  readonly http?: HttpHead;
  readonly payload?: Uint8Array;
  readonly payloadTooLarge?: boolean;
}

/**
 * Reads (or skips) a record's block of `blockLength` bytes. An HTTP response block is
 * split into its head and body; the body, or for other records the whole block, becomes
 * the payload when wanted and no larger than the cap. Skipped bytes are never buffered.
 * Throws WARC_TRUNCATED (at `offset`) when the input ends inside the block.
 */
export async function readBlock(
  reader: ByteReader,
  record: { readonly type: string; readonly headers: readonly HeaderField[] },
  blockLength: number,
  offset: number,
  options: BlockOptions,
): Promise<BlockResult> {
  const start = reader.position;
  const left = (): number => blockLength - (reader.position - start);
  const skipRest = async (): Promise<void> => {
    const want = left();
    if ((await reader.skip(want)) < want) throw truncatedBlock(offset);
  };

  let http: HttpHead | undefined;
  let bodyFound = true;
  if (blockLength > 0 && isHttpResponseBlock(record.type, record.headers)) {
    do {
      // An interim response (100 Continue) recorded before the real one is passed over.
      const head = await readHttpHead(reader, left());
      http = head.head;
      bodyFound = head.bodyFound;
    } while (bodyFound && http && http.status >= 100 && http.status < 200 && http.status !== 101 && left() > 0);
  }
  const withHttp = http ? { http } : {};
  const wanted =
    bodyFound &&
    left() > 0 &&
    (options.wantPayload ? options.wantPayload({ type: record.type, headers: record.headers, ...withHttp }) : PAYLOAD_BY_DEFAULT.has(record.type));
  if (!wanted) {
    await skipRest();
    return withHttp;
  }
  const cap = options.maxPayloadBytes;
  if (http && isChunked(http)) return { ...withHttp, ...(await readChunkedBody(reader, left(), cap, offset)) };
  if (left() > cap) {
    await skipRest();
    return { ...withHttp, payloadTooLarge: true };
  }
  return { ...withHttp, payload: await readExactly(reader, left(), offset) };
}

/** A response (or revisit) block holding an HTTP response, going by its Content-Type. */
function isHttpResponseBlock(type: string, headers: readonly HeaderField[]): boolean {
  if (type !== 'response' && type !== 'revisit') return false;
  const contentType = headerValue(headers, 'content-type');
  // Old writers left the type out of responses; a revisit without one has no HTTP head.
  if (contentType === undefined) return type === 'response';
  const [mediaType = '', ...parameters] = contentType.toLowerCase().split(';').map((part) => part.trim());
  if (mediaType !== 'application/http' && mediaType !== 'message/http') return false;
  const msgtype = parameters.find((parameter) => parameter.startsWith('msgtype='))?.slice('msgtype='.length).replace(/"/g, '');
  return msgtype === undefined || msgtype === 'response';
}

async function readExactly(reader: ByteReader, length: number, offset: number): Promise<Uint8Array> {
  // Views until the end, then one copy: nothing is allocated for bytes a lying
  // Content-Length promised but the file does not have, and the payload does not keep a
  // whole decoded chunk (MiBs) alive as a view would.
  const parts: Buffer[] = [];
  let filled = 0;
  while (filled < length) {
    const piece = await reader.read(length - filled);
    if (piece === null) throw truncatedBlock(offset);
    parts.push(piece);
    filled += piece.length;
  }
  return Buffer.concat(parts, length);
}

/**
 * A chunked body of `rawLength` recorded bytes, de-chunked into at most `cap` bytes. When
 * the framing is broken the body is returned as recorded (if it fits), as browsers do.
 */
async function readChunkedBody(reader: ByteReader, rawLength: number, cap: number, offset: number): Promise<Omit<BlockResult, 'http'>> {
  const parts: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  const dechunker = new Dechunker((data) => {
    if (tooLarge || size + data.length > cap) {
      tooLarge = true;
      return;
    }
    parts.push(data);
    size += data.length;
  });
  // Pieces are views into decoded chunks, which are never reused, until the final copy.
  // The recorded bytes are kept only when they could serve as the fallback.
  const raw: Buffer[] | undefined = rawLength <= cap ? [] : undefined;
  let left = rawLength;
  while (left > 0) {
    const piece = await reader.read(left);
    if (piece === null) throw truncatedBlock(offset);
    left -= piece.length;
    raw?.push(piece);
    if (!tooLarge && !dechunker.malformed && !dechunker.done) dechunker.push(piece);
  }
  if (dechunker.malformed) {
    if (!raw) return { payloadTooLarge: true };
    return rawLength > 0 ? { payload: Buffer.concat(raw, rawLength) } : {};
  }
  if (tooLarge) return { payloadTooLarge: true };
  return size > 0 ? { payload: Buffer.concat(parts, size) } : {};
}

function truncatedBlock(offset: number): WarcError {
  return new WarcError('WARC_TRUNCATED', offset, `The file ends inside the WARC record at byte ${offset}, before the end its Content-Length gives: it was cut short.`);
}
