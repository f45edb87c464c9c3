import { Parser } from 'htmlparser2';

const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/feed+json', 'application/json']);

/**
 * htmlparser2 keeps open elements with `unshift`, so a page nested thousands deep
 * costs quadratic time. Past this depth (the Blink/WebKit cap) we stop reading: a
 * real page has announced its feeds long before.
 */
const MAX_DEPTH = 512;

class TooDeep extends Error {}

/**
 * Feed URLs an HTML page announces: `<link rel="alternate">` with an RSS, Atom or
 * JSON Feed type (rel may hold several words; case does not matter), resolved
 * against `<base href>` and the page URL, in document order, without repeats.
 * Only http(s) URLs are returned.
 */
export function discoverFeedLinks(html: string, pageUrl: string): string[] {
  const hrefs: string[] = [];
  let baseHref: string | undefined;
  let depth = 0;
  const parser = new Parser({
    onopentag(name, attrs) {
      if (++depth > MAX_DEPTH) throw new TooDeep();
      if (name === 'base' && baseHref === undefined && attrs['href'] !== undefined) baseHref = attrs['href'];
      if (name !== 'link' || attrs['href'] === undefined) return;
      const rels = (attrs['rel'] ?? '').toLowerCase().split(/\s+/);
      const type = (attrs['type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      if (rels.includes('alternate') && FEED_TYPES.has(type)) hrefs.push(attrs['href']);
    },
    onclosetag() {
      depth--;
    },
  });
  try {
    parser.end(html);
  } catch (error) {
    if (!(error instanceof TooDeep)) throw error;
  }

  // As in browsers, the first <base href> sets the base for the whole document.
  const pageBase = parseUrl(pageUrl);
  const base = (baseHref === undefined ? undefined : parseUrl(baseHref.trim(), pageBase)) ?? pageBase;
  const found = new Set<string>();
  for (const href of hrefs) {
    if (href.trim() === '') continue;
    const url = parseUrl(href.trim(), base);
    if (url !== undefined && (url.protocol === 'http:' || url.protocol === 'https:')) found.add(url.href);
  }
  return [...found];
}

function parseUrl(text: string, base?: URL): URL | undefined {
  try {
    return base === undefined ? new URL(text) : new URL(text, base);
  } catch {
    return undefined;
  }
}
