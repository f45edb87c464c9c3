const HTTP_SCHEME = /^https?:$/;
const WRITTEN_ABSOLUTE = /^https?:\/\//i;

/**
 * The base URL an `xml:base` value sets, given the base around it. Only an http(s)
 * result is taken (as feedparser does): a `javascript:` base must not turn relative
 * links into script URLs. Otherwise the outer base stays in effect.
 */
export function resolveBase(value: string, outer: string | undefined): string | undefined {
  try {
    const url = outer === undefined ? new URL(value.trim()) : new URL(value.trim(), outer);
    return HTTP_SCHEME.test(url.protocol) ? url.href : outer;
  } catch {
    return outer;
  }
}

/** A link made absolute, or why it cannot be kept (the `dropped` count it goes to). */
export type LinkVerdict =
  | { readonly ok: true; readonly url: string }
  | { readonly ok: false; readonly reason: 'scheme' | 'invalid' | 'missingLink' };

/**
 * An entry's link made absolute: kept as written (trimmed) when it already is an
 * absolute http(s) URL, so it matches what other tools report for the same feed;
 * otherwise resolved against `base` with WHATWG URL. Anything that is not http(s)
 * after that is refused with the reason.
 */
export function absoluteLink(written: string | undefined, base: string | undefined): LinkVerdict {
  const link = written?.trim() ?? '';
  if (link === '') return { ok: false, reason: 'missingLink' };
  let url: URL;
  try {
    url = base === undefined ? new URL(link) : new URL(link, base);
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (!HTTP_SCHEME.test(url.protocol)) return { ok: false, reason: 'scheme' };
  return { ok: true, url: WRITTEN_ABSOLUTE.test(link) ? link : url.href };
}

/** An absolute http(s) URL for a site link, or undefined. */
export function absoluteSiteUrl(written: string | undefined, base: string | undefined): string | undefined {
  const verdict = absoluteLink(written, base);
  return verdict.ok ? verdict.url : undefined;
}
