import type { DraftQueue, DraftSlot } from './drafts.js';
import { absoluteSiteUrl } from './links.js';
import { cleanLinkText, cleanTitle, isHtmlType, looksLikeHttpUrl } from './text.js';
import type { ElementHandler, ElementName, Role, XmlElement } from './xml-reader.js';

interface Link {
  readonly href: string;
  readonly base: string | undefined;
}

interface ItemState {
  readonly slot: DraftSlot;
  readonly about: string | undefined;
  readonly base: string | undefined;
  /** `<link>` values in order; the last one wins, as in feedparser. */
  readonly links: Link[];
  /** `<atom:link rel="alternate">` hrefs, the fallback when there is no `<link>`. */
  readonly atomLinks: Link[];
  guid?: { readonly value: string; readonly base: string | undefined; readonly isPermaLink: boolean };
  title?: string | undefined;
  readonly dates: Map<string, string>;
}

/** Date elements of an item, best first. */
const DATE_ELEMENTS = [
  'pubdate',
  'dc:date',
  'atom:published',
  'dcterms:issued',
  'dcterms:created',
  'dcterms:date',
  'atom:issued',
  'atom:updated',
  'dcterms:modified',
  'atom:modified',
];

/** Children of an item or channel that hold links or titles of their own. */
const CONTAINERS = new Set(['image', 'textinput', 'source', 'author', 'contributor']);

/** RSS 2.0 (and 0.9x) and RSS 1.0 (RDF) share one reading; their differences are small. */
export class RssHandler implements ElementHandler {
  private feedTitle: string | undefined;
  private readonly siteLinks: Link[] = [];
  private readonly siteAtomLinks: Link[] = [];
  private readonly items = new Map<XmlElement, ItemState>();
  private sawChannelOrItem = false;

  constructor(private readonly queue: DraftQueue) {}

  get title(): string | undefined {
    return this.feedTitle;
  }

  /** The channel's `<link>`, else its Atom alternate link; the last one wins, as for items. */
  get siteUrl(): string | undefined {
    const link = this.siteLinks[this.siteLinks.length - 1] ?? this.siteAtomLinks[this.siteAtomLinks.length - 1];
    return link === undefined ? undefined : absoluteSiteUrl(link.href, link.base);
  }

  /** An RDF document is only a feed when it holds a channel or items. */
  get foundChannelOrItem(): boolean {
    return this.sawChannelOrItem;
  }

  roleOf(element: ElementName, owner: XmlElement | undefined): Role | undefined {
    if (owner?.role === 'field' || owner?.role === 'container') return undefined;
    // An RSS feed whose default namespace was (wrongly) set to Atom is still RSS.
    const core = element.ns === '' || element.ns === 'atom';
    if (core && element.local === 'item') return 'entry';
    if (core && element.local === 'channel' && owner === undefined) return 'channel';
    if (core && CONTAINERS.has(element.local)) return 'container';
    if (owner?.role === 'entry') return isItemField(element, core) ? 'field' : undefined;
    if (owner?.role === 'channel') return core && (element.local === 'title' || element.local === 'link') ? 'field' : undefined;
    return undefined;
  }

  opened(element: XmlElement): void {
    if (element.role === 'channel') this.sawChannelOrItem = true;
    if (element.role !== 'entry') return;
    this.sawChannelOrItem = true;
    this.items.set(element, {
      slot: this.queue.open(),
      about: element.attrs['rdf:about'] ?? element.attrs['about'],
      base: element.base,
      links: [],
      atomLinks: [],
      dates: new Map(),
    });
  }

  closed(element: XmlElement, text: string): void {
    if (element.role === 'entry') {
      this.finishItem(element);
      return;
    }
    if (element.role !== 'field' || element.owner === undefined) return;
    if (element.owner.role === 'channel') {
      this.channelField(element, text);
      return;
    }
    const item = this.items.get(element.owner);
    if (item !== undefined) itemField(item, element, text);
  }

  private channelField(element: XmlElement, text: string): void {
    if (element.local === 'title') {
      this.feedTitle ??= cleanTitle(text);
    } else if (element.ns === '' || element.attrs['href'] === undefined) {
      const href = cleanLinkText(text);
      if (href !== '') this.siteLinks.push({ href, base: element.base });
    } else if (isAlternate(element)) {
      this.siteAtomLinks.push({ href: element.attrs['href'] ?? '', base: element.base });
    }
  }

  private finishItem(element: XmlElement): void {
    const item = this.items.get(element);
    if (item === undefined) return;
    this.items.delete(element);
    const draft = item.slot.draft;
    const link = item.links[item.links.length - 1] ?? item.atomLinks[item.atomLinks.length - 1] ?? permalinkGuid(item);
    if (link !== undefined) {
      draft.link = link.href;
      draft.base = link.base;
    } else if (item.about !== undefined) {
      draft.link = item.about;
      draft.base = item.base;
    }
    draft.dates = DATE_ELEMENTS.map((name) => item.dates.get(name));
    draft.title = item.title;
    this.queue.close(item.slot);
  }
}

function isItemField(element: ElementName, core: boolean): boolean {
  if (core) return ['link', 'guid', 'title', 'pubdate', 'published', 'issued', 'updated', 'modified'].includes(element.local);
  if (element.ns === 'dc') return element.local === 'date';
  if (element.ns === 'dcterms') return ['issued', 'created', 'date', 'modified'].includes(element.local);
  return false;
}

function isAlternate(element: XmlElement): boolean {
  const rel = (element.attrs['rel'] ?? '').trim().toLowerCase();
  return (rel === '' || rel === 'alternate') && isHtmlType(element.attrs['type']);
}

function itemField(item: ItemState, element: XmlElement, text: string): void {
  const { local, ns, attrs, base } = element;
  if (local === 'link') {
    const written = cleanLinkText(text);
    const href = attrs['href']?.trim();
    if (written !== '') item.links.push({ href: written, base });
    else if (href !== undefined && href !== '' && isAlternate(element)) {
      (ns === 'atom' ? item.atomLinks : item.links).push({ href, base });
    }
  } else if (local === 'guid') {
    const isPermaLink = (attrs['ispermalink'] ?? 'true').trim().toLowerCase() === 'true';
    item.guid ??= { value: text.trim(), base, isPermaLink };
  } else if (local === 'title') {
    if (text.trim() !== '') item.title ??= text;
  } else {
    const key = ns === 'dc' || ns === 'dcterms' ? `${ns}:${local}` : local === 'pubdate' ? local : `atom:${local}`;
    if (!item.dates.has(key)) item.dates.set(key, text);
  }
}

function permalinkGuid(item: ItemState): Link | undefined {
  const guid = item.guid;
  if (guid === undefined || !guid.isPermaLink || !looksLikeHttpUrl(guid.value)) return undefined;
  return { href: guid.value, base: guid.base };
}
