/** Small pieces the pages share: dates, counts, entity kinds, article links. */
import type { EntityKind, ArticleRef } from '../../store/queries.js';
import { attrUrl, html, joinHtml, type SafeHtml } from './html.js';

/** Made once: a formatter per call costs more than the page around it. */
const NUMBER_FORMAT = new Intl.NumberFormat('en');

/** "1 article", "3 articles". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${NUMBER_FORMAT.format(count)} ${count === 1 ? one : many}`;
}

/** A date or date-time as a `<time>`: the day shown (2024-05-01), the full value kept for machines. */
export function dateTime(value: string | null | undefined): SafeHtml | null {
  if (value === null || value === undefined || value === '') return null;
  const day = /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : value;
  return html`<time datetime="${value}">${day}</time>`;
}

/** A moment as a `<time>`: day, hour and minute shown (2024-05-01 10:15 UTC), the full value kept for machines. */
export function timestamp(value: string | null | undefined): SafeHtml | null {
  if (value === null || value === undefined || value === '') return null;
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/.exec(value);
  if (match === null) return dateTime(value);
  const zone = value.endsWith('Z') || value.endsWith('+00:00') ? ' UTC' : '';
  return html`<time datetime="${value}">${match[1]} ${match[2]}${zone}</time>`;
}

/** The entity kind the tagger's type names (PER, ORG, LOC, MISC). */
export function kindOfType(type: string): EntityKind {
  switch (type) {
    case 'PER':
    case 'person':
      return 'person';
    case 'ORG':
    case 'organisation':
      return 'organisation';
    case 'LOC':
    case 'place':
      return 'place';
    default:
      return 'other';
  }
}

const KIND_LABELS: Readonly<Record<EntityKind, string>> = {
  person: 'Person',
  organisation: 'Organisation',
  place: 'Place',
  other: 'Other name',
};

/** The kind as a page names it ("Person", "Other name"). */
export function kindLabel(kind: EntityKind): string {
  return KIND_LABELS[kind];
}

/** The page of an entity of the collection. */
export function entityHref(id: number): string {
  return `/entities/${encodeURIComponent(String(id))}`;
}

/** The page of a stored article. */
export function articleHref(id: number): string {
  return `/articles/${encodeURIComponent(String(id))}`;
}

/** The search parameter that filters by an entity of this kind, or null for kinds with none. */
export function filterParam(kind: EntityKind): 'person' | 'org' | 'place' | null {
  if (kind === 'person') return 'person';
  if (kind === 'organisation') return 'org';
  if (kind === 'place') return 'place';
  return null;
}

/** The search for articles naming this entity: by its filter, or as a phrase for other names. */
export function searchHrefFor(kind: EntityKind, name: string): string {
  const param = filterParam(kind);
  const params = new URLSearchParams(param === null ? { q: `"${name.replaceAll('"', '')}"` } : { [param]: name });
  return `/?${params.toString()}`;
}

/**
 * A link to another site, only when the address is http(s); otherwise the address as
 * plain text. Such links tell the other site nothing about us.
 */
export function externalLink(url: string | null | undefined, label?: string): SafeHtml | null {
  if (url === null || url === undefined || url === '') return null;
  const safe = attrUrl(url);
  if (safe === null) return html`<span class="url">${url}</span>`;
  return html`<a class="external" href="${safe}" rel="noopener noreferrer nofollow ugc" referrerpolicy="no-referrer">${label ?? url}</a>`;
}

/** An article of the collection as a list item: its headline linking to its page, then site and date. */
export function articleItem(article: ArticleRef): SafeHtml {
  const meta = [article.site !== null ? html`<span class="site">${article.site}</span>` : null, dateTime(article.published)];
  const present = meta.filter((part) => part !== null);
  return html`<li><a href="${articleHref(article.id)}">${headlineText(article.headline)}</a>${present.length > 0 && html` <span class="meta">${joinHtml(present, ' · ')}</span>`}</li>`;
}

/** A headline, or words saying there is none (so a link always has text). */
export function headlineText(headline: string | null | undefined): string {
  return headline !== null && headline !== undefined && headline.trim() !== '' ? headline : 'Untitled article';
}
