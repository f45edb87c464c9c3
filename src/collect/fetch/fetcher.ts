/**
 * The safe fetcher: one attempt at a URL, its redirects followed by hand, every hop
 * re-checked (scheme, literal address, every resolved address) and connected to the
 * address that was checked. Retrying and scheduling belong to the caller.
 */
import { packageVersion } from '../../io/package-info.js';
import { makeAllowlist } from './address.js';
import type { AddressPolicy } from './address.js';
import { parseContentEncoding } from './body.js';
import type { BodyLimits } from './body.js';
import { resolveVetted, systemResolver } from './connect.js';
import type { Resolver } from './connect.js';
import { FetchError } from './errors.js';
import { exchange } from './hop.js';
import type { HopResponse, Timeouts } from './hop.js';
import { basicAuthFromUserinfo, headersForNextHop, nextTarget, wireUrl } from './redirects.js';
import { checkParsedUrl, parseUrl, portOf, safeHref } from './url.js';

/** Called before each hop; may throw a FetchError to stop. The returned function runs when the hop is done. */
export type BeforeRequest = (url: URL, signal: AbortSignal) => Promise<void | (() => void)>;

/** How a fetcher behaves; every field has a safe default. */
export interface FetcherOptions {
  /** Overrides the `Dateline/<version> (news reader; robots token Dateline)` user agent. */
  userAgent?: string;
  /** Name → addresses; default `dns.promises.lookup(host, { all: true })`. */
  resolver?: Resolver;
  /** Turns the private-address block off (for intranet pages). */
  allowPrivate?: boolean;
  /** Exact `ip:port` pairs allowed although private, e.g. a test origin `127.0.0.1:45123`. */
  allowAddresses?: readonly string[];
  /** Called before every connection attempt; throwing vetoes it (tests spy and guard with it). */
  onConnect?: (address: string, port: number) => void;
  /** Extra trusted CA certificates (tests). Certificates are always verified. */
  ca?: string | Buffer | Array<string | Buffer>;
  /** Deadlines in ms; defaults connect 10 s, headers 15 s, body idle 15 s, total 30 s. */
  timeouts?: Partial<Timeouts>;
  /** Decoded-body cap for 2xx responses; default 10 MiB. */
  maxBytes?: number;
  /** Redirects followed before FETCH_TOO_MANY_REDIRECTS; default 5. */
  maxRedirects?: number;
}

/** One fetch's options. */
export interface FetchRequest {
  /** Extra request headers (e.g. If-None-Match); credentials among them stay on the first origin. */
  headers?: Record<string, string>;
  /** Decoded-body cap for a 2xx body (default: the fetcher's). */
  maxBytes?: number;
  /** On reaching `maxBytes`, return the prefix (`truncated: true`) instead of FETCH_TOO_LARGE. */
  truncate?: boolean;
  signal?: AbortSignal;
  beforeRequest?: BeforeRequest;
  /** The Accept header; default prefers HTML. */
  accept?: string;
}

/** The final response of one fetch, whatever its status. */
export interface FetchResponse {
  /** The final URL, after redirects (fragment kept per RFC 9110). */
  url: string;
  status: number;
  /** Header fields with lower-case names, repeated fields repeated. */
  headers: Array<[string, string]>;
  /** The decoded body; for non-2xx at most 64 KiB of it. */
  body: Uint8Array;
  /** True when `body` is only a prefix (non-2xx over 64 KiB, or `truncate` requested). */
  truncated: boolean;
  /** The URLs that answered with a redirect, in order; the first is the requested URL. */
  redirects: string[];
  /** Body bytes on the wire (before decoding) for the final response. */
  wireBytes: number;
  contentType?: string;
}

export interface Fetcher {
  fetch(url: string, request?: FetchRequest): Promise<FetchResponse>;
  /** Cancels fetches in flight (FETCH_ABORTED) and refuses new ones. */
  close(): Promise<void>;
}

export const DEFAULT_TIMEOUTS: Timeouts = { connectMs: 10_000, headersMs: 15_000, bodyMs: 15_000, totalMs: 30_000 };
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const MAX_ERROR_BODY_BYTES = 64 * 1024;
const DEFAULT_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/** The default user agent, naming the robots token the crawler obeys. */
export function defaultUserAgent(): string {
  return `Dateline/${packageVersion()} (news reader; robots token Dateline)`;
}

/** Headers the fetcher owns; a caller's copies are ignored. */
const RESERVED = new Set(['host', 'accept-encoding', 'connection', 'content-length', 'transfer-encoding', 'te', 'upgrade', 'keep-alive']);

/** Waits for `promise`, failing at `ms` with `onTimeout()` or at cancellation. */
async function within<T>(promise: Promise<T>, ms: number, onTimeout: () => FetchError, signal: AbortSignal): Promise<T> {
  promise.catch(() => undefined); // a late rejection after the timeout must not go unhandled
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const stop = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(onTimeout()), Math.max(0, ms));
    onAbort = () => reject(new FetchError('FETCH_ABORTED', 'The fetch was cancelled', { retryable: true }));
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([promise, stop]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}

/** Creates a fetcher. Nothing is opened until the first fetch. */
export function createFetcher(options: FetcherOptions = {}): Fetcher {
  const timeouts: Timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const policy: AddressPolicy = { allowPrivate: options.allowPrivate ?? false, allowlist: makeAllowlist(options.allowAddresses) };
  const resolver = options.resolver ?? systemResolver;
  const userAgent = options.userAgent ?? defaultUserAgent();
  const maxRedirects = options.maxRedirects ?? 5;
  const inFlight = new Set<Promise<unknown>>();
  const closing = new AbortController();

  async function run(input: string, request: FetchRequest, signal: AbortSignal, chain: string[]): Promise<FetchResponse> {
    let url = parseUrl(input);
    // Never zstd: Node 20's zlib cannot decode it.
    let headers: Record<string, string> = {
      'user-agent': userAgent,
      accept: request.accept ?? DEFAULT_ACCEPT,
      'accept-encoding': 'gzip, deflate, br',
    };
    for (const [name, value] of Object.entries(request.headers ?? {})) {
      if (!RESERVED.has(name.toLowerCase())) headers[name.toLowerCase()] = value;
    }
    const basic = basicAuthFromUserinfo(url);
    if (basic !== undefined && headers.authorization === undefined) headers.authorization = basic;
    const seen = new Set<string>();
    const redirects: string[] = [];
    let deadlineAt = Date.now() + timeouts.totalMs;
    for (;;) {
      if (signal.aborted) throw new FetchError('FETCH_ABORTED', 'The fetch was cancelled', { retryable: true });
      chain.push(safeHref(url));
      checkParsedUrl(url, policy);
      const onWire = wireUrl(url);
      if (seen.has(onWire.href)) {
        throw new FetchError('FETCH_REDIRECT_LOOP', `Redirects loop back to ${onWire.href.slice(0, 200)}`);
      }
      seen.add(onWire.href);
      const dnsMs = Math.min(timeouts.connectMs, deadlineAt - Date.now());
      const phase = dnsMs < timeouts.connectMs ? 'total' : 'connect';
      const addresses = await within(
        resolveVetted(url.hostname, portOf(url), policy, resolver),
        dnsMs,
        () => new FetchError('FETCH_TIMEOUT', `Resolving ${url.hostname} took too long`, { retryable: true, detail: { phase } }),
        signal,
      );
      // Time spent waiting in the caller's hook (politeness) is not network time.
      const hookStart = Date.now();
      const release = await request.beforeRequest?.(new URL(url.href), signal);
      deadlineAt += Date.now() - hookStart;
      let next: URL | undefined;
      let response: FetchResponse | undefined;
      try {
        await exchange(
          {
            url: onWire,
            addresses,
            headers,
            timeouts,
            remainingMs: deadlineAt - Date.now(),
            signal,
            ca: options.ca,
            onConnect: options.onConnect,
          },
          async (hop) => {
            next = nextTarget(url, hop.status, hop.header);
            if (next === undefined) response = await finalResponse(hop, url, request, redirects);
          },
        );
      } finally {
        if (typeof release === 'function') release();
      }
      if (response !== undefined) return response;
      if (next === undefined) throw new Error('unreachable: a hop ended with neither a response nor a target');
      if (redirects.length >= maxRedirects) {
        throw new FetchError('FETCH_TOO_MANY_REDIRECTS', `More than ${maxRedirects} redirects starting at ${chain[0] ?? input}`);
      }
      redirects.push(safeHref(url));
      headers = headersForNextHop(headers, url, next);
      url = next;
    }
  }

  async function finalResponse(hop: HopResponse, url: URL, request: FetchRequest, redirects: string[]): Promise<FetchResponse> {
    const ok = hop.status >= 200 && hop.status < 300;
    const base = { url: safeHref(url), status: hop.status, headers: hop.headers, redirects: [...redirects] };
    const contentType = hop.header('content-type');
    const typed = contentType === undefined ? base : { ...base, contentType };
    try {
      const limits: BodyLimits = ok
        ? { codings: parseContentEncoding(hop.header('content-encoding')), maxBytes: request.maxBytes ?? options.maxBytes ?? DEFAULT_MAX_BYTES, truncate: request.truncate ?? false }
        : { codings: parseContentEncoding(hop.header('content-encoding')), maxBytes: MAX_ERROR_BODY_BYTES, truncate: true };
      const read = await hop.read(limits);
      return { ...typed, body: read.body, truncated: read.truncated, wireBytes: read.wireBytes };
    } catch (error) {
      // For an error status the status is the news; an unreadable error page is not.
      if (ok || (error instanceof FetchError && error.code === 'FETCH_ABORTED')) throw error;
      return { ...typed, body: new Uint8Array(0), truncated: true, wireBytes: 0 };
    }
  }

  return {
    async fetch(url, request = {}) {
      if (closing.signal.aborted) throw new FetchError('FETCH_ABORTED', 'The fetcher is closed');
      const signal = request.signal === undefined ? closing.signal : AbortSignal.any([request.signal, closing.signal]);
      const chain: string[] = [];
      const task = run(url, request, signal, chain).catch((error: unknown) => {
        if (error instanceof FetchError) throw error.withDetail({ chain: [...chain] });
        throw error;
      });
      inFlight.add(task);
      try {
        return await task;
      } finally {
        inFlight.delete(task);
      }
    },
    async close() {
      closing.abort();
      await Promise.allSettled([...inFlight]);
    },
  };
}
