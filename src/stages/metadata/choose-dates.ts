/**
 * Chooses the published and modified dates among everything the page claims: a
 * `<time pubdate>`, JSON-LD, microdata, meta tags, the URL, and dates shown near the
 * headline. The page's own visible words win over data re-saved since publication.
 */
import type { DateField, DateSource } from '../../doc/news-doc.js';
import type { HtmlElement } from '../../doc/html-tree.js';
import { itempropValue, textOf, type Collected } from './collect.js';
import { asString, type JsonLdGraph } from './json-ld.js';
import { dateFromUrl, datesInText, labelBefore, labelledDates, parseDate, type ParsedDate, type ParseOptions } from './dates.js';

const PUBLISHED_META = [
  'article:published_time', 'og:published_time', 'article:published', 'published_time', 'parsely-pub-date',
  'sailthru.date', 'dc.date.issued', 'dcterms.issued', 'dc.date.created', 'dcterms.created', 'dc.date', 'dcterms.date',
  'date', 'pubdate', 'publishdate', 'publish-date', 'publish_date', 'publication_date', 'publication-date',
  'article.published', 'article_date_original', 'datepublished', 'citation_publication_date', 'citation_date',
  'citation_online_date', 'originalpublicationdate', 'og:pubdate', 'rnews:datepublished', 'displaydate',
  'release_date', 'created', 'creation_date', 'date.available', 'cxenseparse:recs:publishtime', 'sailthru.published',
  'bt:pubdate', 'article.created', 'live_date', 'firstpublishedat', 'published-date', 'w-published-date', 'ms.date',
  'article:published_date', 'publishdatetime', 'pub_date',
];
const MODIFIED_META = [
  'article:modified_time', 'og:updated_time', 'article:modified', 'modified_time', 'dcterms.modified',
  'dc.date.modified', 'last-modified-date', 'lastmod', 'datemodified', 'article.updated', 'revised', 'updated_time',
  'bt:moddate', 'sailthru.modified', 'updated', 'last-updated', 'w-updated-date',
];

function field(d: ParsedDate | undefined, source: DateSource): DateField | undefined {
  return d === undefined ? undefined : { value: d.value, source };
}

function jsonLdDate(graph: JsonLdGraph, keys: readonly string[], opts: ParseOptions): ParsedDate | undefined {
  for (const group of [graph.articles, graph.pages]) {
    for (const obj of group) {
      for (const key of keys) {
        const v = asString(obj[key]);
        if (v === undefined) continue;
        const d = parseDate(v, opts);
        if (d !== undefined) return d;
      }
    }
  }
  return undefined;
}

/** The first date among `props` in page order (a question's dateCreated comes before its answers' dates). */
function microdataDate(c: Collected, props: readonly string[], opts: ParseOptions): ParsedDate | undefined {
  for (const ip of c.itemprops) {
    if (!props.includes(ip.prop)) continue;
    const d = parseDate(itempropValue(ip.el), opts) ?? parseDate(textOf(ip.el, 200), opts);
    if (d !== undefined) return d;
  }
  return undefined;
}

const UPDATED_HINT = /updat|modif|revis|edited/i;
const PUBLISHED_HINT = /publish|posted|pubdate|date-?pub|created|byline|article-?date|entry-?date|post-?date|meta-?date|timestamp/i;

function timeHint(el: HtmlElement): 'published' | 'updated' | 'none' {
  let node: HtmlElement | null = el;
  for (let k = 0; k < 3 && node !== null; k++) {
    const a = node.attrs;
    const hint = `${a.class ?? ''} ${a.id ?? ''} ${a.itemprop ?? ''} ${a['data-testid'] ?? ''}`;
    if (UPDATED_HINT.test(hint)) return 'updated';
    if (PUBLISHED_HINT.test(hint) || a.pubdate !== undefined) return 'published';
    node = node.parent;
  }
  return 'none';
}

/** A date the page shows near its headline, in a time element or as text. */
interface Shown {
  readonly date: ParsedDate;
  readonly label: 'published' | 'updated' | 'none';
  /** Distance from the headline in visible-text characters (before it counts extra). */
  readonly dist: number;
  readonly source: DateSource;
}

const BEFORE = 400;
/** How close to the headline a shown date must be to overrule the structured data. */
const NEAR = 800;
const AFTER = 3000;

function shownDates(c: Collected, anchor: number, opts: ParseOptions): Shown[] {
  const out: Shown[] = [];
  const distance = (pos: number): number => (anchor < 0 ? pos : pos >= anchor ? pos - anchor : (anchor - pos) * 3);
  const inWindow = (pos: number): boolean => (anchor < 0 ? pos < AFTER * 2 : pos >= anchor - BEFORE && pos <= anchor + AFTER);
  for (const t of c.times) {
    if (!inWindow(t.pos)) continue;
    const raw = t.el.attrs.datetime ?? t.el.attrs.content ?? textOf(t.el, 200);
    const d = parseDate(raw, opts) ?? parseDate(textOf(t.el, 200), opts);
    if (d === undefined) continue;
    const own = textOf(t.el, 60);
    const written = labelBefore(c.text.slice(Math.max(0, t.pos - 40), t.pos) + ' ' + own.replace(/\d.*$/, ''));
    out.push({ date: d, label: written !== 'none' ? written : timeHint(t.el), dist: distance(t.pos), source: 'time-element' });
  }
  const from = anchor < 0 ? 0 : anchor - BEFORE;
  const to = anchor < 0 ? AFTER * 2 : anchor + AFTER;
  for (const t of datesInText(c.text, from, to, opts)) {
    out.push({ date: t.date, label: t.label, dist: distance(t.pos), source: 'visible-text' });
  }
  // A time element whose markup says "published" but whose visible label says "Updated".
  const fixed = out.map((s) =>
    s.source === 'time-element' &&
    s.label === 'published' &&
    out.some((t) => t.source === 'visible-text' && t.label === 'updated' && t.date.day === s.date.day && Math.abs(t.dist - s.dist) < 40)
      ? { ...s, label: 'updated' as const }
      : s,
  );
  return fixed.sort((a, b) => a.dist - b.dist);
}

export function chooseDates(
  c: Collected,
  graph: JsonLdGraph,
  pageUrl: string | undefined,
  anchor: number,
  opts: ParseOptions,
): { published?: DateField; modified?: DateField } {
  const metaDate = (keys: readonly string[]): ParsedDate | undefined => {
    for (const k of keys) {
      for (const v of c.metas.get(k) ?? []) {
        const d = parseDate(v, opts);
        if (d !== undefined) return d;
      }
    }
    return undefined;
  };
  const claimedPublished =
    field(pubdateTime(c, opts), 'time-element') ??
    field(jsonLdDate(graph, ['datePublished', 'dateCreated', 'uploadDate'], opts), 'json-ld') ??
    field(microdataDate(c, ['datepublished', 'datecreated'], opts), 'microdata') ??
    field(metaDate(PUBLISHED_META), 'meta');
  const claimedModified =
    field(jsonLdDate(graph, ['dateModified'], opts), 'json-ld') ??
    field(microdataDate(c, ['datemodified'], opts), 'microdata') ??
    field(metaDate(MODIFIED_META), 'meta');
  const shown = shownDates(c, anchor, opts);
  const shownDay = (day: string): Shown | undefined => shown.find((s) => s.date.day === day);
  const day = (f: DateField): string => f.value.slice(0, 10);

  let published: DateField | undefined;
  if (claimedPublished !== undefined) {
    published = claimedPublished;
    const pubDay = day(claimedPublished);
    const near = nearestShown(shown, NEAR);
    const pubShown = shown.some((s) => s.label !== 'updated' && s.date.day === pubDay);
    if (near !== undefined && near.date.day !== pubDay && !pubShown) {
      const gap = daysBetween(near.date.day, pubDay);
      if (Math.abs(gap) === 1 && /(?:Z|[+-]00:00)$/.test(claimedPublished.value)) {
        // A UTC time stamp the page shows on its own (local) calendar day.
        published = { value: near.date.day, source: near.source };
      } else if (gap < 0 || near.label === 'published') {
        // The page shows an earlier date than its data claims (data re-saved since),
        // or labels another date as the publication date: the page's words win.
        published = field(near.date, near.source);
      }
    }
  } else {
    const labelled = nearestShown(shown, Infinity);
    const url = dateFromUrl(pageUrl);
    const stamped = url !== undefined ? stampedTime(shown, url) : undefined;
    if (stamped !== undefined) published = field(stamped.date, stamped.source);
    else if (url !== undefined) published = field(url, 'url');
    else if (labelled !== undefined) published = field(labelled.date, labelled.source);
    else if (claimedModified !== undefined && shownDay(day(claimedModified)) !== undefined) published = claimedModified;
    else if (shown[0] !== undefined) published = field(shown[0].date, shown[0].source);
    else {
      const anywhere = labelledDates(c.text, opts);
      const pick = anywhere.find((s) => s.label === 'published') ?? anywhere[0];
      if (pick !== undefined) published = field(pick.date, 'visible-text');
      else if (firstTime(c, opts) !== undefined) published = field(firstTime(c, opts), 'time-element');
      else if (claimedModified !== undefined) published = claimedModified; // the page's only date claim
    }
  }
  let modified = claimedModified;
  if (modified === undefined) {
    const updated = shown.find((s) => s.label === 'updated');
    if (updated !== undefined) modified = field(updated.date, updated.source);
  }
  const out: { published?: DateField; modified?: DateField } = {};
  if (published !== undefined) out.published = published;
  if (modified !== undefined) out.modified = modified;
  return out;
}

/**
 * A `<time datetime>` with a full timestamp by the headline (where the byline sits),
 * not marked as an update: more exact than the day in the URL. It must fall on the
 * URL's day, unless the page labels it as the publication date.
 */
function stampedTime(shown: readonly Shown[], url: ParsedDate): Shown | undefined {
  for (const s of shown) {
    if (s.dist > NEAR) break;
    if (s.source !== 'time-element' || !s.date.hasTime || s.label === 'updated') continue;
    if (s.date.day === url.day || s.label === 'published') return s;
  }
  return undefined;
}

/** A `<time pubdate>`: HTML's own way to mark the publication date. */
function pubdateTime(c: Collected, opts: ParseOptions): ParsedDate | undefined {
  for (const t of c.times) {
    if (t.el.attrs.pubdate === undefined) continue;
    const d = parseDate(t.el.attrs.datetime ?? textOf(t.el, 200), opts);
    if (d !== undefined) return d;
  }
  return undefined;
}

/** The first `<time datetime>` on the page not marked as an update, as a last resort. */
function firstTime(c: Collected, opts: ParseOptions): ParsedDate | undefined {
  for (const t of c.times.slice(0, 20)) {
    const raw = t.el.attrs.datetime;
    if (raw === undefined || timeHint(t.el) === 'updated') continue;
    if (labelBefore(c.text.slice(Math.max(0, t.pos - 40), t.pos)) === 'updated') continue;
    const d = parseDate(raw, opts);
    if (d !== undefined) return d;
  }
  return undefined;
}

/**
 * The shown date nearest the headline, a "Published" label or <time> markup counting as
 * closeness (a forum's "Joined: 2012-07-04" is plain text; related posts sit further down).
 */
function nearestShown(shown: readonly Shown[], within: number): Shown | undefined {
  let best: Shown | undefined;
  let bestScore = Infinity;
  for (const s of shown) {
    if (s.label === 'updated' || s.dist > within) continue;
    const score = s.dist - (s.label === 'published' ? 300 : 0) - (s.source === 'time-element' ? 150 : 0);
    if (score < bestScore) {
      bestScore = score;
      best = s;
    }
  }
  return best;
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(a) - Date.parse(b)) / 86_400_000);
}

// ---------- structured body ----------
