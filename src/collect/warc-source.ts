import type { ItemRow, NewItem, Store } from '../store/store.js';
import { decodeContentEncoding } from './fetch/body.js';
import { FetchError } from './fetch/errors.js';
import type { Loaded } from './content.js';
import { MAX_PAGE_BYTES } from './loaders.js';
import { ItemError } from './outcomes.js';
import { readWarc, readWarcRecordAt, WarcError, type WarcRecord } from './warc/index.js';

/**
 * A web archive as a source of items: every response, resource and revisit record is
 * accepted as an item (requests, metadata and warcinfo records are bookkeeping, not
 * inputs). Records are accepted in batches, each with the archive's read position in
 * the same transaction, so an interrupted ingest resumes after the last record accepted
 * and the records accepted but not yet read are found again by their offset.
 */

const INPUT_TYPES = new Set(['response', 'resource', 'revisit']);
const BATCH = 64;

export interface WarcPumpContext {
  readonly store: Store;
  /** Hands an accepted record to the run, with its payload while it is in memory. */
  readonly enqueue: (item: ItemRow, loaded: WarcRecord) => void;
  /** Resolves when the run has room for more records: the archive is never read far ahead of the readers. */
  readonly room: () => Promise<void>;
  readonly signal: AbortSignal;
}

/** Streams the archive from where the last run stopped; resolves when it has been read to its end. */
export async function pumpWarc(file: ItemRow, path: string, context: WarcPumpContext): Promise<void> {
  let batch: { item: NewItem; record: WarcRecord }[] = [];
  let cursor = file.offset ?? 0;
  const flush = () => {
    const created = context.store.accept(file.sourceId, file.id, batch.map((entry) => entry.item), cursor);
    const byKey = new Map(batch.map((entry) => [entry.item.key, entry.record]));
    batch = [];
    for (const row of created) context.enqueue(row, byKey.get(row.key)!);
  };
  try {
    for await (const record of readWarc(path, { startOffset: cursor, maxPayloadBytes: MAX_PAGE_BYTES, wantPayload: wantsPayload })) {
      cursor = record.offset + record.length;
      if (INPUT_TYPES.has(record.type)) {
        batch.push({ item: recordItem(file, path, record), record });
        if (batch.length >= BATCH) {
          flush();
          await context.room();
        }
      }
      if (context.signal.aborted) break;
    }
  } catch (error) {
    if (batch.length > 0) flush();
    if (error instanceof WarcError) throw new ItemError(error.code, error.message);
    throw error;
  }
  if (batch.length > 0 || cursor !== (file.offset ?? 0)) flush();
}

function recordItem(file: ItemRow, path: string, record: WarcRecord): NewItem {
  return { key: `${file.id}@${record.offset}`, kind: 'record', path, offset: record.offset, ...(record.targetUri !== undefined ? { url: record.targetUri } : {}) };
}

/** Only pages that may be articles are worth holding in memory: successful responses of a textual type. */
function wantsPayload(record: { type: string; headers: readonly (readonly [string, string])[]; http?: { status: number; headers: readonly (readonly [string, string])[] } }): boolean {
  if (record.type === 'resource') return textual(header(record.headers, 'content-type'));
  if (record.type !== 'response' || record.http === undefined) return false;
  return record.http.status === 200 && textual(header(record.http.headers, 'content-type'));
}

/** Gzip's magic bytes, or a zlib header: the start of a compressed body. */
function looksCompressed(bytes: Uint8Array): boolean {
  const [a, b] = bytes;
  if (a === 0x1f && b === 0x8b) return true;
  return a !== undefined && b !== undefined && (a & 0x0f) === 8 && ((a << 8) | b) % 31 === 0;
}

function textual(type: string | undefined): boolean {
  return type === undefined || /^\s*(text\/|application\/(xhtml\+xml|xml|rss\+xml|atom\+xml|json))/i.test(type) || type.trim() === '';
}

function header(headers: readonly (readonly [string, string])[], name: string): string | undefined {
  return headers.find(([key]) => key === name)?.[1];
}

/** A record again from its archive, for one accepted before an interruption. */
export function rereadRecord(item: ItemRow): Promise<WarcRecord> {
  return readWarcRecordAt(item.path ?? '', item.offset ?? 0, { maxPayloadBytes: MAX_PAGE_BYTES, wantPayload: wantsPayload });
}

/**
 * A record as a loaded page, or the reason it is not one: a response other than 200, a
 * payload over the size limit, a record the archiver cut short, a non-textual type.
 * A revisit is a duplicate of the capture it points at; the caller resolves that.
 */
export function loadFromRecord(record: WarcRecord): Loaded {
  if (record.truncated !== undefined) throw new ItemError('WARC_RECORD_TRUNCATED', `The archive holds only part of this response (WARC-Truncated: ${record.truncated}).`);
  if (record.payloadTooLarge === true) throw new ItemError('INPUT_TOO_LARGE', `The response is larger than ${MAX_PAGE_BYTES / 1024 / 1024} MiB.`);
  const http = record.http;
  if (record.type === 'response' && http === undefined) throw new ItemError('NOT_HTML', 'The record is not an HTTP response.');
  if (http !== undefined && http.status !== 200) throw new ItemError(`HTTP_${http.status}`, `The archived response has status ${http.status}.`);
  const headers = http?.headers ?? record.headers;
  const contentType = header(headers, 'content-type') ?? null;
  if (!textual(contentType ?? undefined)) throw new ItemError('NOT_HTML', `The archived response is ${contentType}, not a page.`);
  if (record.payload === undefined) throw new ItemError('EXTRACT_EMPTY', 'The archived response has no body.');
  let bytes: Uint8Array;
  try {
    bytes = http === undefined ? record.payload : decodeContentEncoding(record.payload, header(headers, 'content-encoding'), MAX_PAGE_BYTES);
  } catch (error) {
    if (!(error instanceof FetchError)) throw error;
    // Some archivers store the body already decoded but keep the Content-Encoding header:
    // a body that is plainly not compressed is taken as it is.
    if (error.code === 'FETCH_BAD_RESPONSE' && !looksCompressed(record.payload)) bytes = record.payload;
    else throw new ItemError(error.code, error.message);
  }
  return { bytes, url: record.targetUri ?? null, path: null, contentType, status: http?.status ?? null, headers };
}
