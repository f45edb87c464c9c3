/** The kinds of document `parseFeed` reads, judged by content (root element or JSON Feed version). */
export type FeedKind = 'rss' | 'rdf' | 'atom' | 'json-feed' | 'sitemap' | 'sitemap-index';

/** One entry of a feed, or one URL of a sitemap. */
export interface FeedEntry {
  /** The entry's link, absolute: as written when it is already an absolute http(s) URL (only trimmed), otherwise resolved against xml:base / the base URL with WHATWG URL. */
  readonly url: string;
  /** ISO 8601 in UTC (`2024-05-01T10:00:00Z`), or a plain `2024-05-01` when only a date is given. */
  readonly published?: string;
  readonly title?: string;
}

/** How many entries were left out, by cause. */
export interface DroppedCounts {
  /** The link is not http(s): javascript:, data:, mailto:, ftp:… */
  readonly scheme: number;
  /** The link does not parse as a URL (or is relative with nothing to resolve it against). */
  readonly invalid: number;
  /** Past `maxEntries`. */
  readonly overLimit: number;
  /** The entry names no link at all. */
  readonly missingLink: number;
}

/** A feed or sitemap, reduced to what collecting needs. */
export interface ParsedFeed {
  readonly kind: FeedKind;
  readonly title?: string;
  /** The site's own URL when the feed names it (RSS channel link, Atom alternate link, JSON Feed home_page_url). */
  readonly siteUrl?: string;
  /** Entries in document order. For a sitemap index: the child sitemaps (with lastmod as published). */
  readonly entries: readonly FeedEntry[];
  /** Entries left out and why. Nothing is dropped silently; only exact repeats of a URL already listed are skipped without a count. */
  readonly dropped: DroppedCounts;
}

/** Options for `parseFeed`. */
export interface ParseFeedOptions {
  /** Entries kept at most; the rest are counted in `dropped.overLimit`. Default 50,000 (the sitemaps.org limit). */
  readonly maxEntries?: number;
}

/** The text is not a feed or sitemap of any kind. The message says what is wrong. */
export class FeedError extends Error {
  override readonly name = 'FeedError';
  readonly code = 'FEED_INVALID' as const;

  constructor(message: string) {
    super(message);
  }

  toJSON(): { code: 'FEED_INVALID'; message: string } {
    return { code: this.code, message: this.message };
  }
}
