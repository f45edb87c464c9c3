import { getDomain } from 'tldts';

/**
 * Query parameters that only track who clicked where: two addresses that differ only
 * in them name the same document.
 */
const TRACKING = /^(utm_[a-z_]+|fbclid|gclid|dclid|gclsrc|msclkid|yclid|mc_cid|mc_eid|_ga|_gl|igshid|ocid|cmpid|ncid|ito|smid|at_medium|at_campaign|rss|ref_src|cid)$/i;

/**
 * The canonical form of an address, used as a duplicate key: WHATWG-normalised (scheme and
 * host lower-cased, default port and dot segments removed), without its fragment, without
 * tracking parameters, and with an empty query dropped. Idempotent. Null for anything that
 * is not an absolute http(s) URL.
 */
export function urlKey(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  parsed.hash = '';
  parsed.username = '';
  parsed.password = '';
  if (parsed.search !== '') {
    const kept = [...parsed.searchParams].filter(([name]) => !TRACKING.test(name));
    const search = new URLSearchParams(kept).toString();
    parsed.search = search;
  }
  if (parsed.hostname.endsWith('.')) parsed.hostname = parsed.hostname.slice(0, -1);
  return parsed.href;
}

/** The registrable domain (example.co.uk for www.news.example.co.uk), or the host itself for an address or a bare name. */
export function siteOf(url: string): string | null {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return null;
  }
  return getDomain(host, { allowPrivateDomains: false }) ?? host;
}

/**
 * The page's own canonical URL as a duplicate key, when it can be trusted: on the same
 * site as the address it was read from, and not the site's home page standing in for an
 * article (a common template mistake that would make every article a copy of one).
 * With no address (a local file), any http(s) canonical URL is taken.
 */
export function trustedCanonicalKey(canonicalUrl: string | null, pageUrl: string | null): string | null {
  if (canonicalUrl === null) return null;
  const key = urlKey(canonicalUrl);
  if (key === null) return null;
  if (pageUrl === null) return isHomePage(key) ? null : key;
  if (siteOf(key) !== siteOf(pageUrl)) return null;
  if (isHomePage(key) && !isHomePage(pageUrl)) return null;
  return key;
}

/** An address whose path is the site root, with no query. */
export function isHomePage(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.pathname === '/' || parsed.pathname === '') && parsed.search === '';
  } catch {
    return false;
  }
}

/** The host an address's politeness rules apply to (lower case, no port), or null. */
export function hostOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname : null;
  } catch {
    return null;
  }
}
