import type { DraftQueue, DraftSlot } from './drafts.js';
import { absoluteSiteUrl } from './links.js';
import { cleanLinkText, cleanTitle, isHtmlType, looksLikeHttpUrl } from './text.js';
import type { ElementHandler, ElementName, Role, XmlElement } from './xml-reader.js';

interface AtomLink {
  readonly href: string;
  readonly rel: string;
  readonly type: string | undefined;
  readonly base: string | undefined;
}

interface EntryState {
  readonly slot: DraftSlot;
  readonly links: AtomLink[];
  id?: { readonly value: string; readonly base: string | undefined };
  title?: { readonly text: string; readonly type: string | undefined };
  readonly dates: Map<string, string>;
}

/** Published first, then the last-modified kinds (Atom 0.3 names included). */
const DATE_ELEMENTS = ['published', 'issued', 'created', 'dc:date', 'updated', 'modified'];

/** Entry children whose own children are not the entry's: nested links, titles, inline XML. */
const CONTAINERS = new Set(['source', 'author', 'contributor', 'content', 'summary']);

const FIELDS = new Set(['link', 'title', 'id', 'published', 'issued', 'created', 'updated', 'modified']);

/** Atom 1.0 and 0.3, with or without the namespace declared. */
export class AtomHandler implements ElementHandler {
  private feedTitle: string | undefined;
  private readonly feedLinks: AtomLink[] = [];
  private readonly entries = new Map<XmlElement, EntryState>();

  constructor(private readonly queue: DraftQueue) {}

  get title(): string | undefined {
    return this.feedTitle;
  }

  /** The feed's alternate link (an HTML one when there is a choice). */
  get siteUrl(): string | undefined {
    const link = chooseAlternate(this.feedLinks);
    return link === undefined ? undefined : absoluteSiteUrl(link.href, link.base);
  }

  roleOf(element: ElementName, owner: XmlElement | undefined): Role | undefined {
    if (owner?.role === 'field' || owner?.role === 'container') return undefined;
    const atom = element.ns === 'atom' || element.ns === '';
    if (atom && element.local === 'feed' && owner === undefined) return 'channel';
    if (atom && element.local === 'entry') return 'entry';
    if (atom && CONTAINERS.has(element.local)) return 'container';
    if (owner === undefined) return undefined;
    const field = (atom && FIELDS.has(element.local)) || (element.ns === 'dc' && element.local === 'date');
    if (!field) return undefined;
    return owner.role === 'entry' || element.local === 'link' || element.local === 'title' ? 'field' : undefined;
  }

  opened(element: XmlElement): void {
    if (element.role === 'entry') this.entries.set(element, { slot: this.queue.open(), links: [], dates: new Map() });
  }

  closed(element: XmlElement, text: string): void {
    if (element.role === 'entry') {
      this.finishEntry(element);
      return;
    }
    if (element.role !== 'field' || element.owner === undefined) return;
    const entry = element.owner.role === 'entry' ? this.entries.get(element.owner) : undefined;
    if (element.local === 'link') {
      (entry?.links ?? this.feedLinks).push(readLink(element, text));
    } else if (element.local === 'title') {
      if (entry === undefined) this.feedTitle ??= cleanTitle(text, element.attrs['type']);
      else if (text.trim() !== '') entry.title ??= { text, type: element.attrs['type'] };
    } else if (entry !== undefined && element.local === 'id') {
      entry.id ??= { value: text.trim(), base: element.base };
    } else if (entry !== undefined) {
      const key = element.ns === 'dc' ? 'dc:date' : element.local;
      if (!entry.dates.has(key)) entry.dates.set(key, text);
    }
  }

  private finishEntry(element: XmlElement): void {
    const entry = this.entries.get(element);
    if (entry === undefined) return;
    this.entries.delete(element);
    const draft = entry.slot.draft;
    const link = chooseAlternate(entry.links) ?? entry.links.find((candidate) => candidate.href !== '');
    if (link !== undefined) {
      draft.link = link.href;
      draft.base = link.base;
    } else if (entry.id !== undefined && looksLikeHttpUrl(entry.id.value)) {
      // feedparser treats an id as a guid, and an http(s) guid as the link when there is none.
      draft.link = entry.id.value;
      draft.base = entry.id.base;
    }
    draft.dates = DATE_ELEMENTS.map((name) => entry.dates.get(name));
    draft.title = entry.title?.text;
    draft.titleType = entry.title?.type;
    this.queue.close(entry.slot);
  }
}

function readLink(element: XmlElement, text: string): AtomLink {
  const { attrs } = element;
  return {
    // Atom puts the URL in href; a few broken feeds write it as text, RSS-style.
    href: attrs['href']?.trim() ?? cleanLinkText(text),
    rel: (attrs['rel'] ?? '').trim().toLowerCase() || 'alternate',
    type: attrs['type'],
    base: element.base,
  };
}

/**
 * The alternate link: the last HTML one (feedparser lets each replace the one
 * before), else the first alternate of any type.
 */
function chooseAlternate(links: readonly AtomLink[]): AtomLink | undefined {
  const alternates = links.filter((link) => link.href !== '' && link.rel === 'alternate');
  return alternates.filter((link) => isHtmlType(link.type)).pop() ?? alternates[0];
}
