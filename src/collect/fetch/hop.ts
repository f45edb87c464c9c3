/**
 * One HTTP exchange on a fresh, pinned connection. A new undici Client per hop keeps
 * each socket to one request: nothing is reused across vetting decisions, and the
 * socket can be watched after the body ends (a body longer than its Content-Length
 * shows up there). Politeness delays of seconds would outlive keep-alive anyway.
 */
import type { Socket } from 'node:net';
import type { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Client } from 'undici';
import { checkDeclaredLength, readBody, wireCapFor } from './body.js';
import type { BodyLimits, BodyResult } from './body.js';
import { pinnedConnector } from './connect.js';
import { FetchError } from './errors.js';
import { portOf } from './url.js';

/** Response header section limit (undici's default, RELIABILITY.md §1.3). */
export const MAX_HEADER_BYTES = 16 * 1024;

/** The per-phase deadlines, in milliseconds. */
export interface Timeouts {
  connectMs: number;
  headersMs: number;
  bodyMs: number;
  totalMs: number;
}

/** Everything one exchange needs. */
export interface HopRequest {
  url: URL;
  addresses: readonly string[];
  headers: Record<string, string>;
  timeouts: Timeouts;
  /** What is left of the total deadline for this hop. */
  remainingMs: number;
  signal?: AbortSignal | undefined;
  ca?: string | Buffer | Array<string | Buffer> | undefined;
  onConnect?: ((address: string, port: number) => void) | undefined;
}

/** The response head, with the body still on the wire. */
export interface HopResponse {
  status: number;
  headers: Array<[string, string]>;
  header(name: string): string | undefined;
  /** Reads (and decodes) the body under `limits`. Call at most once. */
  read(limits: BodyLimits): Promise<BodyResult>;
}

function headerList(raw: Record<string, string | string[] | undefined>): Array<[string, string]> {
  const list: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) list.push([name.toLowerCase(), one]);
  }
  return list;
}

/** Content-Length as a number; two of them, or a malformed one, make the response unusable. */
function declaredLength(headers: ReadonlyArray<readonly [string, string]>): number | undefined {
  const values = headers.filter(([name]) => name === 'content-length').map(([, value]) => value.trim());
  if (values.length === 0) return undefined;
  if (values.length > 1) {
    throw new FetchError('FETCH_BAD_RESPONSE', `The response has ${values.length} Content-Length headers (${values.join(', ').slice(0, 60)})`);
  }
  const value = values[0] ?? '';
  if (!/^\d+$/.test(value)) throw new FetchError('FETCH_BAD_RESPONSE', `The response has a malformed Content-Length "${value.slice(0, 40)}"`);
  return Number(value);
}

interface HopState {
  expired: boolean;
  cancelled: boolean;
  headersSeen: boolean;
  timeouts: Timeouts;
  target: string;
}

/** Maps whatever undici, the socket or the decoder threw to one FetchError. */
function classify(error: unknown, state: HopState): FetchError {
  const { target, timeouts } = state;
  if (state.expired) {
    return new FetchError('FETCH_TIMEOUT', `Fetching ${target} took longer than the ${timeouts.totalMs} ms total limit`, {
      retryable: true,
      detail: { phase: 'total' },
    });
  }
  if (state.cancelled) return new FetchError('FETCH_ABORTED', `Fetching ${target} was cancelled`, { retryable: true });
  if (error instanceof FetchError) return error;
  const code = String((error as { code?: unknown }).code ?? '');
  const name = error instanceof Error ? error.name : '';
  const text = error instanceof Error ? error.message : String(error);
  if (code === 'UND_ERR_HEADERS_TIMEOUT') {
    return new FetchError('FETCH_TIMEOUT', `${target} sent no response headers within ${timeouts.headersMs} ms`, {
      retryable: true,
      detail: { phase: 'headers' },
    });
  }
  if (code === 'UND_ERR_BODY_TIMEOUT') {
    return new FetchError('FETCH_TIMEOUT', `${target} went silent for ${timeouts.bodyMs} ms while sending the body`, {
      retryable: true,
      detail: { phase: 'body' },
    });
  }
  if (code === 'UND_ERR_HEADERS_OVERFLOW') {
    return new FetchError('FETCH_BAD_RESPONSE', `${target} sent response headers over the ${MAX_HEADER_BYTES}-byte limit`);
  }
  if (name === 'HTTPParserError' || code.startsWith('HPE_')) {
    return new FetchError('FETCH_BAD_RESPONSE', `${target} sent a malformed HTTP response (${text})`);
  }
  if (code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH' && !state.headersSeen) {
    // undici refuses repeated Content-Length fields before handing over the head.
    return new FetchError('FETCH_BAD_RESPONSE', `${target} sent conflicting or repeated Content-Length headers`);
  }
  if (state.headersSeen) {
    return new FetchError('FETCH_TRUNCATED', `The body from ${target} ended early (${code || text}); it was not stored as complete`, {
      retryable: true,
    });
  }
  return new FetchError('FETCH_CONNECT_FAILED', `The connection to ${target} failed before a response (${code || text})`, {
    retryable: true,
  });
}

/**
 * Bytes after the declared end of the body make undici drop the socket as "bad
 * response" in the same turn; then the server's Content-Length was a lie and the body
 * we have may be cut short.
 */
async function assertNothingAfterBody(socketErrors: readonly unknown[], url: URL): Promise<void> {
  await nextTurn();
  if (socketErrors.some((error) => error instanceof Error && error.message === 'bad response')) {
    throw new FetchError('FETCH_TRUNCATED', `${url.host} sent more bytes than its Content-Length declared; the body is not trusted as complete`, {
      retryable: true,
    });
  }
}

/**
 * Sends one GET for `request.url` over a connection to the vetted addresses and hands
 * the response head to `consume`, which may read the body. The connection is always
 * destroyed afterwards; every failure comes out as a FetchError.
 */
export async function exchange<T>(request: HopRequest, consume: (response: HopResponse) => Promise<T>): Promise<T> {
  const { url, timeouts } = request;
  const state: HopState = { expired: false, cancelled: false, headersSeen: false, timeouts, target: url.host };
  const sockets: Socket[] = [];
  const socketErrors: unknown[] = [];
  const client = new Client(url.origin, {
    connect: pinnedConnector({
      hostname: url.hostname,
      port: portOf(url),
      tls: url.protocol === 'https:',
      addresses: request.addresses,
      connectTimeoutMs: timeouts.connectMs,
      ...(request.ca === undefined ? {} : { ca: request.ca }),
      ...(request.onConnect === undefined ? {} : { onConnect: request.onConnect }),
      onSocket: (socket) => {
        sockets.push(socket);
        socket.on('error', (error) => socketErrors.push(error));
      },
    }),
    maxHeaderSize: MAX_HEADER_BYTES,
    headersTimeout: timeouts.headersMs,
    bodyTimeout: timeouts.bodyMs,
    pipelining: 1,
    allowH2: false,
  });
  const controller = new AbortController();
  const timer = setTimeout(() => {
    state.expired = true;
    controller.abort();
  }, Math.max(0, request.remainingMs));
  const onCancel = (): void => {
    state.cancelled = true;
    controller.abort();
  };
  if (request.signal?.aborted) onCancel();
  request.signal?.addEventListener('abort', onCancel, { once: true });
  let unreadBody: Readable | undefined;
  try {
    const response = await client.request({
      path: `${url.pathname}${url.search}`,
      method: 'GET',
      headers: request.headers,
      signal: controller.signal,
      headersTimeout: timeouts.headersMs,
      bodyTimeout: timeouts.bodyMs,
    });
    state.headersSeen = true;
    const headers = headerList(response.headers);
    unreadBody = response.body as Readable;
    let bodyRead = false;
    return await consume({
      status: response.statusCode,
      headers,
      header: (name) => headers.find(([key]) => key === name)?.[1],
      read: async (limits) => {
        if (bodyRead) throw new Error('The body was already read');
        bodyRead = true;
        unreadBody = undefined;
        try {
          const declared = declaredLength(headers);
          if (!limits.truncate) checkDeclaredLength(declared, wireCapFor(limits));
          const result = await readBody(response.body as Readable, limits);
          if (!result.truncated) await assertNothingAfterBody(socketErrors, url);
          return result;
        } catch (error) {
          throw classify(error, state);
        }
      },
    });
  } catch (error) {
    throw classify(error, state);
  } finally {
    clearTimeout(timer);
    request.signal?.removeEventListener('abort', onCancel);
    // A redirect's body is never read: discard it without an unhandled stream error.
    unreadBody?.on('error', () => undefined).destroy();
    for (const socket of sockets) socket.destroy();
    void client.destroy().catch(() => undefined);
  }
}
