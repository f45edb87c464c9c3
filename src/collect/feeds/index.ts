/**
 * Feeds and sitemaps: RSS 0.9x/2.0, RSS 1.0 (RDF), Atom, JSON Feed, sitemaps and
 * sitemap indexes, and the feed links an HTML page announces. Pure functions over
 * text: the caller fetches the bytes (through the guarded fetcher) and decodes them.
 */
export { parseFeed, DEFAULT_MAX_ENTRIES } from './parse.js';
export { sniffFeedKind } from './sniff.js';
export { discoverFeedLinks } from './discover.js';
export { FeedError } from './types.js';
export type { FeedKind, FeedEntry, ParsedFeed, DroppedCounts, ParseFeedOptions } from './types.js';
