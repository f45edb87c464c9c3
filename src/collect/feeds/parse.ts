import { AtomHandler } from './atom.js';
import { DraftQueue } from './drafts.js';
import { readJsonFeed } from './json-feed.js';
import { EntryCollector } from './collector.js';
import { stripBom, stripDoctypes } from './prolog.js';
import { kindOfRoot, RSS_1_NAMESPACE } from './roots.js';
import { RssHandler } from './rss.js';
import { SitemapHandler } from './sitemap.js';
import { FeedError, type FeedKind, type ParsedFeed, type ParseFeedOptions } from './types.js';
import { readXml, type ElementName } from './xml-reader.js';

/** The sitemaps.org limit on URLs per file, and so the default cap. */
export const DEFAULT_MAX_ENTRIES = 50_000;

type XmlHandler = RssHandler | AtomHandler | SitemapHandler;

/**
 * Parses a feed or sitemap. `baseUrl` is where the document came from (undefined
 * for a local file). Throws FeedError ('FEED_INVALID') when the text is not a feed
 * or sitemap of any kind; a feed that parses but has problems (broken markup, bad
 * links, too many entries) still returns what could be read, with drops counted.
 */
export function parseFeed(text: string, baseUrl?: string, options: ParseFeedOptions = {}): ParsedFeed {
  const maxEntries = Math.max(0, Math.floor(options.maxEntries ?? DEFAULT_MAX_ENTRIES));
  const collector = new EntryCollector(Number.isNaN(maxEntries) ? DEFAULT_MAX_ENTRIES : maxEntries);
  const body = stripBom(text);
  const start = body.search(/\S/);
  if (start < 0) throw new FeedError('The text is empty; there is no feed or sitemap in it.');

  if (body[start] === '{') {
    const head = readJsonFeed(body, baseUrl, collector);
    return result('json-feed', head, collector);
  }

  let kind: FeedKind | undefined;
  let handler: XmlHandler | undefined;
  let declaresRss = false;
  const queue = new DraftQueue(collector);
  const chooseRoot = (root: ElementName): XmlHandler | undefined => {
    const rootKind = kindOfRoot(root.local);
    if (rootKind === 'stray') return undefined;
    if (rootKind === null) {
      throw new FeedError(
        root.local === 'html'
          ? 'This is an HTML page, not a feed or sitemap; look for the feed links it announces.'
          : `The root element is <${printable(root.local)}>, not RSS, Atom, RDF or a sitemap.`,
      );
    }
    kind = rootKind;
    declaresRss = Object.values(root.attrs).some((value) => RSS_1_NAMESPACE.test(value));
    handler =
      rootKind === 'atom'
        ? new AtomHandler(queue)
        : rootKind === 'sitemap' || rootKind === 'sitemap-index'
          ? new SitemapHandler(queue, rootKind === 'sitemap-index')
          : new RssHandler(queue);
    return handler;
  };

  readXml(stripDoctypes(body), baseUrl, chooseRoot);
  if (kind === undefined || handler === undefined) {
    throw new FeedError('No XML root element was found; the text is not a feed or sitemap.');
  }
  if (kind === 'rdf' && handler instanceof RssHandler && !handler.foundChannelOrItem && !declaresRss) {
    throw new FeedError('The RDF document declares no RSS namespace and has no channel or items; it is not a feed.');
  }
  return result(kind, handler, collector);
}

function result(
  kind: FeedKind,
  head: { readonly title: string | undefined; readonly siteUrl: string | undefined },
  collector: EntryCollector,
): ParsedFeed {
  return {
    kind,
    ...(head.title === undefined ? {} : { title: head.title }),
    ...(head.siteUrl === undefined ? {} : { siteUrl: head.siteUrl }),
    entries: collector.entries,
    dropped: collector.dropped,
  };
}

/** An element name fit for a one-line message: printable, and short. */
function printable(name: string): string {
  const cleaned = name.replace(/[^\p{L}\p{N}._:-]/gu, '').slice(0, 40);
  return cleaned === '' ? '?' : cleaned;
}
