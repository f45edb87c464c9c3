import { createHash } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { decodeBytes } from '../stages/decode/decode.js';
import { looksLikeHtml, sniffBinary } from '../stages/decode/sniff.js';
import type { Capture, ItemKind, ItemRow, NewItem, Outcome } from '../store/store.js';
import { articleSite } from '../store/site.js';
import type { ReaderPool } from '../workers/pool.js';
import { discoverFeedLinks, parseFeed, sniffFeedKind, type ParsedFeed } from './feeds/index.js';
import { MAX_PAGE_BYTES } from './loaders.js';
import { ItemError } from './outcomes.js';
import { hostOf, isHomePage, trustedCanonicalKey, urlKey } from './url-key.js';

/** A response, file or archive record, loaded and ready to be recognised and read. */
export interface Loaded {
  /** The body with any Content-Encoding undone. */
  readonly bytes: Uint8Array;
  /** The address it came from, after redirects (null for a local file). */
  readonly url: string | null;
  readonly path: string | null;
  readonly contentType: string | null;
  readonly status: number | null;
  readonly headers: readonly (readonly [string, string])[] | null;
}

export interface ContentContext {
  readonly pool: ReaderPool;
  /** Feed and sitemap entries published before this are not accepted. */
  readonly since?: Date;
  /** The sitemaps a site's robots.txt lists (for a home page with no feeds). */
  readonly sitemapsOf?: (origin: string) => Promise<string[]>;
  /** How many containers lie above this item (a feed in a sitemap index in a site…). */
  readonly depth: number;
  /** Says which entries of a feed or sitemap were left out, and why (--since, not http(s), unparseable, over the cap). */
  readonly onLeftOut?: (message: string) => void;
  /** The article already stored from the same bytes, if any: such a copy is not read again. */
  readonly storedBytes?: (sha256: string) => number | null;
  /** The store links what it stores: the reader works out what linking reads of each article. */
  readonly linking?: boolean;
}

/** Containers deeper than this are read as pages, never expanded: a site → a sitemap index → its sitemaps. */
const MAX_CONTAINER_DEPTH = 3;
/** Content types that may be an article, a feed or a sitemap; anything else is not read. */
const READABLE_TYPE = /^(text\/|application\/(xhtml\+xml|xml|rss\+xml|atom\+xml|rdf\+xml|feed\+json|json|x-gzip|gzip|octet-stream)|$)/i;

/**
 * What a loaded item is, by its content, and how it ends: a feed, sitemap or site's home
 * page leads to new items; a page is read and understood on a reader thread into an
 * article; anything else is skipped with its reason.
 */
export async function outcomeForContent(item: ItemRow, loaded: Loaded, context: ContentContext): Promise<Outcome> {
  const type = (loaded.contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (!READABLE_TYPE.test(type)) throw new ItemError('NOT_HTML', `The response is ${type}, not a page, feed or sitemap.`);
  const binary = sniffBinary(loaded.bytes);
  if (binary !== null) throw new ItemError('NOT_HTML', `The content is ${binary}, not a page, feed or sitemap.`);
  // Measured now: the reader thread takes the bytes over.
  const sha256 = sha256Of(loaded.bytes);
  const size = loaded.bytes.length;
  const mayExpand = item.kind !== 'entry' && item.kind !== 'record' && item.kind !== 'line' && context.depth < MAX_CONTAINER_DEPTH;
  const head = new TextDecoder('utf-8').decode(loaded.bytes.subarray(0, 16 * 1024));
  if (mayExpand && sniffFeedKind(head) !== null) return feedOutcome(loaded, sha256, context);
  const start = head.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{') || start.startsWith('[')) throw new ItemError('NOT_HTML', 'The content is JSON but not a JSON Feed: not a page, feed or sitemap.');
  if (start.startsWith('<?xml') && !looksLikeHtml(start)) throw new ItemError('NOT_HTML', 'The content is XML but not a feed, sitemap or XHTML page.');
  if (size > MAX_PAGE_BYTES) throw new ItemError(loaded.url === null ? 'INPUT_TOO_LARGE' : 'FETCH_TOO_LARGE', `The page is ${Math.round(size / 1024 / 1024)} MiB, over the ${MAX_PAGE_BYTES / 1024 / 1024} MiB limit for a page (feeds and sitemaps may be up to 50 MiB).`);
  const copyOf = context.storedBytes?.(sha256) ?? null;
  const userNamed = item.kind === 'url' || item.kind === 'file';
  const kind: ItemKind = userNamed ? 'page' : item.kind;
  if (copyOf !== null) return { state: 'duplicate', kind, articleId: copyOf, code: 'DUPLICATE_BYTES' };
  const siteLinks = userNamed && mayExpand ? await siteChildren(loaded, context) : [];
  if (siteLinks.length > 0 && loaded.url !== null && isHomePage(loaded.url)) {
    return { state: 'stored', kind: 'site', capture: capture(loaded, sha256), children: siteLinks };
  }
  const result = await context.pool.read({
    mode: 'ingest',
    bytes: loaded.bytes,
    ...(loaded.path !== null ? { path: loaded.path } : {}),
    ...(loaded.url !== null ? { url: loaded.url } : {}),
    ...(loaded.contentType !== null ? { contentType: loaded.contentType } : {}),
    as: 'auto',
    understand: {},
    link: context.linking === true,
  });
  if (!result.ok) throw new ItemError(result.error.code, result.error.message);
  const facts = result.article;
  const rawCapture: Capture = { url: loaded.url, status: loaded.status, headers: loaded.headers, body: facts.raw, size, sha256 };
  if (!facts.isArticle || facts.bodyChars === 0) {
    if (siteLinks.length > 0) return { state: 'stored', kind: 'site', capture: rawCapture, children: siteLinks };
    const code = facts.bodyChars === 0 ? 'EXTRACT_EMPTY' : 'NOT_ARTICLE';
    const message = code === 'NOT_ARTICLE' ? 'The page is not an article (a home page, a list or a product page).' : 'No article text was found on the page.';
    return { state: 'skipped', kind, code, message, capture: rawCapture };
  }
  const url = loaded.url ?? facts.canonicalUrl;
  return {
    state: 'stored',
    kind,
    capture: rawCapture,
    article: {
      url,
      urlKey: loaded.url === null ? null : urlKey(loaded.url),
      canonicalKey: trustedCanonicalKey(facts.canonicalUrl, loaded.url),
      textHash: facts.textHash,
      headline: facts.headline,
      published: facts.published,
      siteName: facts.siteName,
      site: articleSite(url, facts.siteName),
      language: facts.language,
      dateline: facts.dateline,
      body: facts.body,
      doc: facts.doc,
      entities: facts.entities,
      quotes: facts.quotes,
      ...(facts.link !== null ? { link: facts.link } : {}),
    },
  };
}

function feedOutcome(loaded: Loaded, sha256: string, context: ContentContext): Outcome {
  const feed = parseContainer(loaded);
  const children = entriesOf(feed, context, loaded.url ?? loaded.path ?? 'a feed');
  const kind: ItemKind = feed.kind === 'sitemap' || feed.kind === 'sitemap-index' ? 'sitemap' : 'feed';
  return { state: 'stored', kind, capture: capture(loaded, sha256), children };
}

/** A loaded feed or sitemap, parsed; FEED_INVALID when it is neither. */
export function parseContainer(loaded: Loaded): ParsedFeed {
  const text = decodeBytes(loaded.bytes, loaded.contentType ?? undefined).text;
  try {
    const feed = parseFeed(text, loaded.url ?? undefined);
    // A local feed file has no address: its relative links are read against the site it names.
    if (loaded.url === null && feed.dropped.invalid > 0 && feed.siteUrl !== undefined) return parseFeed(text, feed.siteUrl);
    return feed;
  } catch (error) {
    throw new ItemError('FEED_INVALID', error instanceof Error ? error.message : String(error));
  }
}

/** A feed's or sitemap's entries as new items, in document order, less those older than --since. */
export function entriesOf(feed: ParsedFeed, context: Pick<ContentContext, 'since' | 'onLeftOut'>, where = 'a feed'): NewItem[] {
  const childKind: ItemKind = feed.kind === 'sitemap-index' ? 'sitemap' : 'entry';
  const items: NewItem[] = [];
  let filtered = 0;
  for (const entry of feed.entries) {
    if (context.since !== undefined && entry.published !== undefined && Date.parse(entry.published) < context.since.getTime()) {
      filtered++;
      continue;
    }
    const key = urlKey(entry.url);
    if (key === null) continue;
    const host = hostOf(entry.url);
    items.push({ key, kind: childKind, url: entry.url, ...(host !== null ? { host } : {}), ...(entry.published !== undefined ? { published: entry.published } : {}) });
  }
  const reasons = leftOut(feed, filtered);
  if (reasons !== null) context.onLeftOut?.(`${where}: ${reasons}`);
  return items;
}

/** The entries of a feed that were not taken, in words, or null when none were left out. */
export function leftOut(feed: ParsedFeed, olderThanSince = 0): string | null {
  const { scheme, invalid, overLimit, missingLink } = feed.dropped;
  const counts: [number, string][] = [
    [olderThanSince, 'older than --since'],
    [scheme, 'not http(s)'],
    [invalid, 'with a link that does not parse'],
    [missingLink, 'with no link'],
    [overLimit, 'past the 50,000-entry limit'],
  ];
  const total = counts.reduce((n, [count]) => n + count, 0);
  if (total === 0) return null;
  const parts = counts.filter(([count]) => count > 0).map(([count, why]) => `${count} ${why}`);
  return `${total} ${total === 1 ? 'entry' : 'entries'} left out (${parts.join(', ')})`;
}

/**
 * The feeds a page announces (<link rel=alternate>); for a site's home page with none,
 * the sitemaps its robots.txt lists. Empty for a page with no address.
 */
export async function siteLinks(loaded: Loaded, sitemapsOf?: (origin: string) => Promise<string[]>): Promise<{ url: string; kind: 'feed' | 'sitemap' }[]> {
  if (loaded.url === null) return [];
  let text: string;
  try {
    text = decodeBytes(loaded.bytes, loaded.contentType ?? undefined).text;
  } catch {
    return [];
  }
  const feeds = discoverFeedLinks(text, loaded.url);
  if (feeds.length > 0 || !isHomePage(loaded.url) || sitemapsOf === undefined) return feeds.map((url) => ({ url, kind: 'feed' }));
  const sitemaps = await sitemapsOf(new URL(loaded.url).origin).catch(() => []);
  return sitemaps.map((url) => ({ url, kind: 'sitemap' }));
}

/** A site's feeds or sitemaps as new items. */
async function siteChildren(loaded: Loaded, context: ContentContext): Promise<NewItem[]> {
  return (await siteLinks(loaded, context.sitemapsOf)).flatMap(({ url, kind }) => {
    const key = urlKey(url);
    const host = hostOf(url);
    return key === null ? [] : [{ key, kind, url, ...(host !== null ? { host } : {}) }];
  });
}

function capture(loaded: Loaded, sha256: string): Capture {
  return {
    url: loaded.url,
    status: loaded.status,
    headers: loaded.headers,
    body: deflateRawSync(loaded.bytes),
    size: loaded.bytes.length,
    sha256,
  };
}

/** SHA-256 of bytes, hex. */
export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
