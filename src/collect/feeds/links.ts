import type { DroppedCounts, FeedEntry } from './types.js';

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

/** An entry as a format handler found it, before its link is checked. */
export interface EntryDraft {
  link?: string | undefined;
  base?: string | undefined;
  published?: string | undefined;
  title?: string | undefined;
}

/**
 * Turns drafts into entries in document order: checks links, skips exact repeats of
 * a URL already kept, applies the cap, and counts what it leaves out. Memory stays
 * bounded by the cap: past it, repeats are no longer looked for, only counted.
 */
export class EntryCollector {
  readonly entries: FeedEntry[] = [];
  private readonly seen = new Set<string>();
  private readonly counts = { scheme: 0, invalid: 0, overLimit: 0, missingLink: 0 };

  constructor(private readonly maxEntries: number) {}

  add(draft: EntryDraft): void {
    const verdict = absoluteLink(draft.link, draft.base);
    if (!verdict.ok) {
      this.counts[verdict.reason]++;
      return;
    }
    if (this.seen.has(verdict.url)) return;
    if (this.entries.length >= this.maxEntries) {
      this.counts.overLimit++;
      return;
    }
    this.seen.add(verdict.url);
    this.entries.push({
      url: verdict.url,
      ...(draft.published === undefined ? {} : { published: draft.published }),
      ...(draft.title === undefined ? {} : { title: draft.title }),
    });
  }

  get dropped(): DroppedCounts {
    return { ...this.counts };
  }
}
