import type { FeedKind } from './types.js';

/**
 * Markup that may come before the root without making the text something else:
 * PHP warnings printed ahead of a feed (`<br /><b>Warning</b>: …`) are common.
 */
const STRAY_BEFORE_ROOT = new Set(['b', 'br', 'font', 'i', 'strong', 'em', 'span', 'hr']);

/** The RSS 1.0 and 0.9 namespaces: an `rdf:RDF` root declaring one is a feed. */
export const RSS_1_NAMESPACE = /purl\.org\/rss\/1\.0|netscape\.com\/rdf\/simple\/0\.9/;

/** What a root element makes the document. 'stray' is markup to pass over; null a document of another kind. */
export function kindOfRoot(localName: string): Exclude<FeedKind, 'json-feed'> | 'stray' | null {
  const local = localName.toLowerCase();
  switch (local) {
    case 'rss':
    case 'channel':
      return 'rss';
    case 'rdf':
      return 'rdf';
    case 'feed':
      return 'atom';
    case 'urlset':
      return 'sitemap';
    case 'sitemapindex':
      return 'sitemap-index';
    default:
      return STRAY_BEFORE_ROOT.has(local) ? 'stray' : null;
  }
}
