import { open } from 'node:fs/promises';
import { constants, gunzipSync } from 'node:zlib';
import { loadInput } from '../io/inputs.js';
import type { ItemRow, NewItem } from '../store/store.js';
import { decodeContentEncoding } from './fetch/body.js';
import { httpStatusError } from './fetch/errors.js';
import type { Loaded } from './content.js';
import type { Network } from './network.js';
import { ItemError } from './outcomes.js';
import { hostOf, urlKey } from './url-key.js';

/** Largest page read as an article (RELIABILITY §1.3); feeds and sitemaps may be larger. */
export const MAX_PAGE_BYTES = 10 * 1024 * 1024;
/** Largest feed or sitemap (sitemaps.org: 50 MB uncompressed). */
export const MAX_FEED_BYTES = 50 * 1024 * 1024;

/** The size cap for a network item: a feed entry is a page; anything else may turn out to be a feed or sitemap. */
export function maxBytesFor(item: ItemRow): number {
  return item.kind === 'entry' ? MAX_PAGE_BYTES : MAX_FEED_BYTES;
}

/**
 * Fetches an address: one attempt, with its redirects, through robots.txt and the host's
 * turn. A 304 (to a conditional request) comes back empty; any other status outside 2xx
 * is a FetchError.
 */
export async function loadFromNetwork(
  url: string,
  network: Network,
  request: { readonly maxBytes: number; readonly signal?: AbortSignal; readonly headers?: Record<string, string> },
): Promise<Loaded> {
  const response = await network.get(url, {
    maxBytes: request.maxBytes,
    ...(request.signal !== undefined ? { signal: request.signal } : {}),
    ...(request.headers !== undefined ? { headers: request.headers } : {}),
  });
  if (response.status === 304) return { bytes: new Uint8Array(0), url: response.url, path: null, contentType: null, status: 304, headers: response.headers };
  if (response.status < 200 || response.status > 299) throw httpStatusError(response);
  const contentType = response.headers.find(([name]) => name === 'content-type')?.[1] ?? null;
  return { bytes: gunzipFile(response.body, request.maxBytes), url: response.url, path: null, contentType, status: response.status, headers: response.headers };
}

/**
 * A body that is itself a gzip file (a `sitemap.xml.gz` served as application/x-gzip,
 * not as a Content-Encoding), gunzipped under the same cap.
 */
function gunzipFile(bytes: Uint8Array, maxBytes: number): Uint8Array {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  return decodeContentEncoding(bytes, 'gzip', maxBytes);
}

/** What a local file holds, judged by its first bytes: a web archive is streamed, never loaded whole. */
export async function isWarcFile(path: string): Promise<boolean> {
  let head: Uint8Array;
  try {
    const file = await open(path, 'r');
    try {
      const buffer = new Uint8Array(1024);
      const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await file.close();
    }
  } catch {
    return false;
  }
  if (head[0] === 0x1f && head[1] === 0x8b) {
    try {
      // A cut gzip member is fine here: only the first bytes are wanted.
      head = gunzipSync(head, { finishFlush: constants.Z_SYNC_FLUSH }).subarray(0, 16);
    } catch {
      return false;
    }
  }
  return new TextDecoder().decode(head.subarray(0, 5)) === 'WARC/';
}

/** A local file's bytes (gunzipped), capped. */
export async function loadFromFile(path: string): Promise<Loaded> {
  const loaded = await loadInput({ kind: 'file', path }, { maxBytes: MAX_FEED_BYTES });
  return { bytes: loaded.bytes, url: null, path, contentType: null, status: null, headers: null };
}

/**
 * One line of JSON Lines from standard input: `{"url"}` (fetched like a feed entry),
 * `{"url", "html"}` (the page as given, read with its address) or `{"text"}` (scraped text).
 */
export type InputLine = { readonly kind: 'url'; readonly url: string } | { readonly kind: 'page'; readonly url?: string; readonly html?: string; readonly text?: string };

export function parseInputLine(line: string): InputLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new ItemError('INPUT_INVALID', 'The line is not JSON: each line of standard input is {"url"}, {"url","html"} or {"text"}.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ItemError('INPUT_INVALID', 'The line is not a JSON object: each line is {"url"}, {"url","html"} or {"text"}.');
  }
  const record = value as Record<string, unknown>;
  const url = typeof record['url'] === 'string' ? record['url'] : undefined;
  const html = typeof record['html'] === 'string' ? record['html'] : undefined;
  const text = typeof record['text'] === 'string' ? record['text'] : undefined;
  if (html === undefined && text === undefined) {
    if (url === undefined) throw new ItemError('INPUT_INVALID', 'The line has none of "url", "html" or "text" as a string.');
    return { kind: 'url', url };
  }
  return { kind: 'page', ...(url !== undefined ? { url } : {}), ...(html !== undefined ? { html } : {}), ...(text !== undefined ? { text } : {}) };
}

/** The item a line of standard input becomes: an address to fetch, or the content itself (kept with the item, since standard input cannot be read again). */
export function itemForLine(line: string, hash: string): NewItem {
  let parsed: InputLine | null = null;
  try {
    parsed = parseInputLine(line);
  } catch {
    // Accepted all the same, so the bad line is accounted for; it fails when processed.
  }
  if (parsed?.kind === 'url') {
    const key = urlKey(parsed.url);
    const host = hostOf(parsed.url);
    if (key !== null) return { key, kind: 'entry', url: parsed.url, ...(host !== null ? { host } : {}) };
  }
  return { key: `sha256:${hash}`, kind: 'line', payload: new TextEncoder().encode(line), ...(parsed?.kind === 'page' && parsed.url !== undefined ? { url: parsed.url } : {}) };
}

/** A kept line of input as a loaded page. */
export function loadFromLine(item: ItemRow, payload: Uint8Array | null): Loaded {
  if (payload === null) throw new ItemError('INPUT_INVALID', 'The line of input was not kept.');
  const line = parseInputLine(new TextDecoder().decode(payload));
  if (line.kind === 'url') throw new ItemError('INPUT_INVALID', 'The line names only an address.');
  const isHtml = line.html !== undefined;
  const content = line.html ?? line.text ?? '';
  return {
    bytes: new TextEncoder().encode(content),
    url: line.url ?? null,
    path: null,
    contentType: isHtml ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8',
    status: null,
    headers: null,
  };
}
