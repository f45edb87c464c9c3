import type { DraftQueue, DraftSlot } from './drafts.js';
import { cleanLinkText } from './text.js';
import type { ElementHandler, ElementName, Role, XmlElement } from './xml-reader.js';

interface UrlState {
  readonly slot: DraftSlot;
  loc?: { readonly href: string; readonly base: string | undefined };
  lastmod?: string;
  newsDate?: string;
  newsTitle?: string | undefined;
}

/**
 * Namespaces of sitemap extensions and feed vocabularies. Anything else counts as
 * the sitemap namespace, so a sitemap that declares it with a typo still reads.
 */
const NOT_SITEMAP = new Set(['news', 'image', 'video', 'xhtml', 'media', 'atom', 'rdf', 'dc', 'dcterms', 'content']);

/**
 * A `<urlset>` (with Google News `news:publication_date` and `news:title`) or a
 * `<sitemapindex>`. Image and video extensions are ignored.
 */
export class SitemapHandler implements ElementHandler {
  readonly title = undefined;
  readonly siteUrl = undefined;
  private readonly urls = new Map<XmlElement, UrlState>();
  private readonly entryName: string;

  constructor(
    private readonly queue: DraftQueue,
    isIndex: boolean,
  ) {
    this.entryName = isIndex ? 'sitemap' : 'url';
  }

  roleOf(element: ElementName, owner: XmlElement | undefined): Role | undefined {
    if (owner?.role === 'field' || owner?.role === 'container') return undefined;
    const sitemapNs = !NOT_SITEMAP.has(element.ns);
    if (sitemapNs && element.local === this.entryName) return 'entry';
    if (owner?.role !== 'entry') return undefined;
    if (sitemapNs) return element.local === 'loc' || element.local === 'lastmod' ? 'field' : undefined;
    // news:news is left transparent, so its children count as the url's.
    if (element.ns === 'news') return element.local === 'publication_date' || element.local === 'title' ? 'field' : undefined;
    return element.local === 'image' || element.local === 'video' ? 'container' : undefined;
  }

  opened(element: XmlElement): void {
    if (element.role === 'entry') this.urls.set(element, { slot: this.queue.open() });
  }

  closed(element: XmlElement, text: string): void {
    if (element.role === 'entry') {
      this.finishUrl(element);
      return;
    }
    const url = element.owner === undefined ? undefined : this.urls.get(element.owner);
    if (element.role !== 'field' || url === undefined) return;
    if (element.local === 'loc') {
      const href = cleanLinkText(text);
      if (href !== '') url.loc ??= { href, base: element.base };
    } else if (element.local === 'lastmod') {
      url.lastmod ??= text;
    } else if (element.local === 'publication_date') {
      url.newsDate ??= text;
    } else if (text.trim() !== '') {
      url.newsTitle ??= text;
    }
  }

  private finishUrl(element: XmlElement): void {
    const url = this.urls.get(element);
    if (url === undefined) return;
    this.urls.delete(element);
    const draft = url.slot.draft;
    if (url.loc !== undefined) {
      draft.link = url.loc.href;
      draft.base = url.loc.base;
    }
    draft.dates = [url.newsDate, url.lastmod];
    draft.title = url.newsTitle;
    this.queue.close(url.slot);
  }
}
