/**
 * Redirect decisions, made by us and never by undici: where a response points next
 * (Location or a zero-delay Refresh header), how the target URL is formed (RFC 9110
 * §10.2.2), and which request headers must not follow it to another origin (F-7).
 */
import { FetchError } from './errors.js';
import { parseUrl } from './url.js';

/** Statuses whose Location we follow; 300/304/305 are returned as they are. */
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** A Refresh header is followed only when it fires this soon (seconds). */
export const MAX_REFRESH_DELAY_S = 5;

/** Request headers that carry credentials; dropped on any change of origin. */
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

/** Conditional headers describe the first URL's cached copy, not a redirect target's. */
const CONDITIONAL_HEADERS = ['if-none-match', 'if-modified-since', 'if-match', 'if-unmodified-since', 'if-range'];

/** `Refresh: 0; url=…` (also `0;URL='…'`, `0, url=…`): the delay and the target text. */
export function parseRefresh(value: string): { delaySeconds: number; target: string | undefined } | undefined {
  const match = /^\s*(\d+(?:\.\d*)?)\s*(?:[;,]\s*(?:url\s*=\s*)?(.*))?$/is.exec(value);
  if (!match) return undefined;
  let target = (match[2] ?? '').trim();
  if ((target.startsWith('"') && target.endsWith('"')) || (target.startsWith("'") && target.endsWith("'"))) {
    target = target.slice(1, -1).trim();
  }
  return { delaySeconds: Number(match[1]), target: target === '' ? undefined : target };
}

/** RFC 9110 §10.2.2: a Location without a fragment inherits the request's fragment. */
function withInheritedFragment(target: URL, current: URL): URL {
  if (target.hash === '' && current.hash !== '') target.hash = current.hash;
  return target;
}

/**
 * Header values arrive as latin1 text; servers send non-ASCII Locations as UTF-8 bytes
 * (as browsers expect), so read them back as UTF-8 when they are valid UTF-8.
 */
function headerBytesAsUtf8(text: string): string {
  if (![...text].some((char) => char.charCodeAt(0) > 0x7f)) return text;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(text, 'latin1'));
  } catch {
    return text;
  }
}

/** Resolves a Location-like value against the current URL, or fails with FETCH_BAD_RESPONSE. */
function resolveTarget(text: string, current: URL, what: string): URL {
  try {
    return withInheritedFragment(parseUrl(headerBytesAsUtf8(text), current), current);
  } catch {
    throw new FetchError('FETCH_BAD_RESPONSE', `${current.host} sent an unusable ${what} "${text.slice(0, 100)}"`);
  }
}

/**
 * Where this response sends the client next, if anywhere: a 301/302/303/307/308
 * Location, or a 2xx `Refresh` with a URL and a delay of at most five seconds. A
 * redirect status without Location is FETCH_BAD_RESPONSE.
 */
export function nextTarget(current: URL, status: number, header: (name: string) => string | undefined): URL | undefined {
  if (REDIRECT_STATUSES.has(status)) {
    const location = header('location');
    if (location === undefined || location.trim() === '') {
      throw new FetchError('FETCH_BAD_RESPONSE', `${current.host} answered ${status} without a Location header`, {
        detail: { status },
      });
    }
    return resolveTarget(location.trim(), current, 'Location');
  }
  const refresh = header('refresh');
  if (status >= 200 && status < 300 && refresh !== undefined) {
    const parsed = parseRefresh(refresh);
    if (parsed?.target !== undefined && parsed.delaySeconds <= MAX_REFRESH_DELAY_S) {
      return resolveTarget(parsed.target, current, 'Refresh URL');
    }
  }
  return undefined;
}

/** Copy of `headers` without the named ones (case-insensitive). */
function without(headers: Record<string, string>, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !names.includes(name.toLowerCase())));
}

/** The headers for the next hop: credentials go only where the origin is unchanged. */
export function headersForNextHop(headers: Record<string, string>, from: URL, to: URL): Record<string, string> {
  const kept = without(headers, CONDITIONAL_HEADERS);
  return from.origin === to.origin ? kept : without(kept, CREDENTIAL_HEADERS);
}

/** The URL as requested on the wire: no userinfo, no fragment. */
export function wireUrl(url: URL): URL {
  const copy = new URL(url.href);
  copy.username = '';
  copy.password = '';
  copy.hash = '';
  return copy;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // a stray '%' is kept literally
  }
}

/** The Authorization header for URL userinfo (`https://user:pass@host/`), if any. */
export function basicAuthFromUserinfo(url: URL): string | undefined {
  if (url.username === '' && url.password === '') return undefined;
  const user = safeDecode(url.username);
  const pass = safeDecode(url.password);
  return `Basic ${Buffer.from(`${user}:${pass}`, 'utf8').toString('base64')}`;
}
