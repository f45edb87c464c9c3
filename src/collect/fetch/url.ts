/**
 * The checks that need no network: scheme, literal IP address, localhost names. They
 * run on the WHATWG-normalised hostname, never the raw string, because the parser
 * already turns `0x7f000001`, `0177.0.0.1`, `127.1` and `①②⑦.0.0.1` into 127.0.0.1.
 */
import { assertAddressAllowed, isIpLiteral, isLocalhostName, makeAllowlist, unbracket } from './address.js';
import type { AddressPolicy } from './address.js';
import { FetchError } from './errors.js';

const ALLOWED_SCHEMES = new Set(['http:', 'https:']);

/** The port a URL connects to, defaults filled in. */
export function portOf(url: URL): number {
  if (url.port !== '') return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

/** The URL as text for messages, chains and results: never with its userinfo (credentials). */
export function safeHref(url: URL): string {
  if (url.username === '' && url.password === '') return url.href;
  const copy = new URL(url.href);
  copy.username = '';
  copy.password = '';
  return copy.href;
}

/** Parses `input`, throwing FETCH_INVALID_URL (not a raw TypeError) when it is not a URL. */
export function parseUrl(input: string, base?: URL): URL {
  try {
    return new URL(input, base);
  } catch {
    const shown = input.length > 200 ? `${input.slice(0, 200)}…` : input;
    throw new FetchError('FETCH_INVALID_URL', `Not a valid URL: ${JSON.stringify(shown)}`);
  }
}

/**
 * The synchronous pre-DNS checks under a full address policy (the fetcher's own use:
 * the allowlist applies to literal addresses too).
 */
export function checkParsedUrl(url: URL, policy: AddressPolicy): URL {
  if (!ALLOWED_SCHEMES.has(url.protocol)) {
    throw new FetchError(
      'FETCH_SCHEME_NOT_ALLOWED',
      `Scheme ${url.protocol} is not allowed (${safeHref(url).slice(0, 100)}); only http: and https: URLs are fetched`,
    );
  }
  if (url.hostname === '') {
    throw new FetchError('FETCH_INVALID_URL', `URL has no host: ${safeHref(url).slice(0, 100)}`);
  }
  if (policy.allowPrivate) return url;
  if (isIpLiteral(url.hostname)) {
    assertAddressAllowed(unbracket(url.hostname), portOf(url), url.hostname, policy);
  } else if (isLocalhostName(url.hostname)) {
    throw new FetchError(
      'FETCH_BLOCKED_ADDRESS',
      `Blocked host ${url.hostname}: localhost names always mean this machine; only public hosts may be fetched`,
      { detail: { address: url.hostname, range: 'loopback' } },
    );
  }
  return url;
}

/**
 * Parses `url` and applies the checks that need no DNS: only http:/https:
 * (FETCH_SCHEME_NOT_ALLOWED), literal addresses must be public and `localhost` names
 * are refused (FETCH_BLOCKED_ADDRESS) unless `allowPrivate`. Returns the parsed URL.
 */
export function checkUrl(url: string, options: { allowPrivate?: boolean; allowAddresses?: readonly string[] } = {}): URL {
  const policy: AddressPolicy = {
    allowPrivate: options.allowPrivate ?? false,
    allowlist: makeAllowlist(options.allowAddresses),
  };
  return checkParsedUrl(parseUrl(url), policy);
}
