import type { Author, DateField, DateSource, NewsDoc } from '../../doc/news-doc.js';
import type { HtmlElement } from '../../doc/html-tree.js';
import type { Stage } from '../../pipeline/stage.js';
import { collect, findDescendant, itempropValue, textOf, type Collected, type Seen } from './collect.js';
import { asString, asUrl, buildGraph, deref, isCoreArticle, typesOf, type JsonLdGraph, type JsonObject } from './json-ld.js';
import { dateFromUrl, datesInText, labelBefore, labelledDates, parseDate, type ParsedDate, type ParseOptions } from './dates.js';
import { mergeAuthors, parseByline } from './authors.js';
import { chooseHeadline, normalizeSpace } from './headline.js';
import { guessLanguage, normalizeLanguage } from './language.js';

/**
 * Reads the page's own description of itself: headline, authors, dates, site,
 * language, canonical URL, description and lead image, plus the structured-data body
 * as a hint for extraction. Walks the tree once; never throws on bad markup or data.
 */
export const metadataStage: Stage = {
  id: 'metadata',
  version: 1,
  requires: ['html'],
  produces: ['metadata'],
  run(doc: NewsDoc): NewsDoc {
    if (doc.html === undefined) return doc;
    const found = readMetadata(doc.html.root, doc.source.url);
    const m = doc.metadata;
    const fields = found.metadata;
    if (m.headline === undefined && fields.headline !== undefined) m.headline = fields.headline;
    if (m.authors.length === 0) m.authors = fields.authors;
    for (const key of ['published', 'modified'] as const) {
      const v = fields[key];
      if (m[key] === undefined && v !== undefined) m[key] = v;
    }
    for (const key of ['siteName', 'language', 'canonicalUrl', 'description', 'image'] as const) {
      const v = fields[key];
      if (m[key] === undefined && v !== undefined) m[key] = v;
    }
    if (found.structuredBody !== undefined && doc.structuredBody === undefined) doc.structuredBody = found.structuredBody;
    if (m.published === undefined) {
      doc.diagnostics.push({
        code: 'METADATA_NO_DATE',
        severity: 'info',
        stage: 'metadata',
        message: 'No publication date was found in structured data, meta tags, the URL or the text near the headline.',
      });
    }
    return doc;
  },
};

export interface MetadataFields {
  headline?: string;
  authors: Author[];
  published?: DateField;
  modified?: DateField;
  siteName?: string;
  language?: string;
  canonicalUrl?: string;
  description?: string;
  image?: string;
}

export interface MetadataResult {
  metadata: MetadataFields;
  structuredBody?: string;
}

/** The metadata of a parsed page (exported for tests and tools). */
export function readMetadata(root: HtmlElement, pageUrl?: string): MetadataResult {
  const c = collect(root);
  const graph = buildGraph(c.jsonLd);
  const article = graph.articles[0];
  const meta = (...keys: string[]): string | undefined => {
    for (const k of keys) {
      for (const v of c.metas.get(k) ?? []) {
        const t = normalizeSpace(v);
        if (t !== '') return t;
      }
    }
    return undefined;
  };
  const out: MetadataFields = { authors: [] };
  const base = resolveBase(c, pageUrl);

  // Site name.
  const siteName = chooseSiteName(c, graph, article, meta, pageUrl);
  if (siteName !== undefined) out.siteName = siteName;
  const siteNames = siteNameVariants(siteName, meta, graph, pageUrl);

  // Language.
  const language =
    normalizeLanguage(c.htmlLang) ??
    normalizeLanguage(meta('content-language', 'language', 'dc.language', 'dcterms.language')) ??
    normalizeLanguage(meta('og:locale')) ??
    normalizeLanguage(article !== undefined ? asString(article.inLanguage) : undefined) ??
    guessLanguage(c.text);
  if (language !== undefined) out.language = language;

  // Headline.
  const h1 = c.headings.filter((h) => h.level === 1).slice(0, 6);
  const h1Texts = h1.map((h) => textOf(h.el, 600));
  const h2Texts = c.headings
    .filter((h) => h.level === 2)
    .slice(0, 4)
    .map((h) => textOf(h.el, 600));
  // A JSON-LD "name" stands for the headline only on real articles (a video's or a
  // page's name is often something else).
  const ldHeadline = firstArticleString(graph, 'headline') ?? firstCoreName(graph);
  const mdHeadline = itemprop(c, 'headline');
  const headline = chooseHeadline({
    ...(c.title !== undefined ? { title: c.title } : {}),
    ...opt('ogTitle', meta('og:title')),
    ...opt('twitterTitle', meta('twitter:title')),
    ...opt('jsonLd', ldHeadline),
    ...opt('microdata', mdHeadline),
    h1: h1Texts,
    h2: h2Texts,
    siteNames,
  });
  if (headline !== undefined) out.headline = headline;
  // Where the headline sits in the visible text: dates and bylines are looked for near it.
  let anchor = -1;
  if (headline !== undefined) {
    const index = h1Texts.findIndex((t) => normalizeSpace(t) === headline);
    if (index >= 0) anchor = h1[index]!.pos;
    else {
      const at = c.text.indexOf(headline.slice(0, 60));
      if (at >= 0) anchor = at;
    }
  }
  if (anchor < 0 && h1[0] !== undefined) anchor = h1[0].pos;

  // Authors.
  out.authors = chooseAuthors(c, graph, meta, siteName, anchor);

  // Dates.
  const dayFirst = language !== undefined && !/^en(?:-US)?$/i.test(language) && !language.startsWith('en-US');
  const dates = chooseDates(c, graph, meta, pageUrl, anchor, { dayFirst });
  if (dates.published !== undefined) out.published = dates.published;
  if (dates.modified !== undefined) out.modified = dates.modified;

  // Canonical URL, description, image.
  const canonical = resolveUrl(c.links.get('canonical')?.[0] ?? meta('og:url'), base);
  if (canonical !== undefined) out.canonicalUrl = canonical;
  const description =
    meta('og:description') ??
    meta('description') ??
    meta('twitter:description') ??
    (article !== undefined ? asString(article.description) : undefined);
  if (description !== undefined && description.trim() !== '') out.description = normalizeSpace(description);
  const image = resolveUrl(
    meta('og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src') ??
      (article !== undefined ? asUrl(article.image) ?? asUrl(article.thumbnailUrl) : undefined) ??
      c.links.get('image_src')?.[0],
    base,
  );
  if (image !== undefined) out.image = image;

  const result: MetadataResult = { metadata: out };
  const body = structuredBody(c, graph);
  if (body !== undefined) result.structuredBody = body;
  return result;
}

function opt<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: string });
}

function resolveBase(c: Collected, pageUrl: string | undefined): string | undefined {
  if (c.baseHref !== undefined) {
    const b = resolveUrl(c.baseHref, pageUrl);
    if (b !== undefined) return b;
  }
  return pageUrl;
}

function resolveUrl(href: string | undefined, base: string | undefined): string | undefined {
  if (href === undefined) return undefined;
  const h = href.trim();
  if (h === '' || /^(?:javascript|data):/i.test(h)) return undefined;
  try {
    const u = base !== undefined ? new URL(h, base) : new URL(h);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    return u.href;
  } catch {
    return undefined;
  }
}

function hostOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\d?\./, '');
  } catch {
    return undefined;
  }
}

function chooseSiteName(
  c: Collected,
  graph: JsonLdGraph,
  article: JsonObject | undefined,
  meta: (...k: string[]) => string | undefined,
  pageUrl: string | undefined,
): string | undefined {
  const og = meta('og:site_name');
  if (og !== undefined) return og;
  if (article !== undefined) {
    const publisher = asString(deref(graph, article.publisher));
    if (publisher !== undefined && publisher.trim() !== '') return normalizeSpace(publisher);
  }
  for (const obj of graph.objects) {
    if (typesOf(obj).includes('website')) {
      const name = asString(obj.name);
      if (name !== undefined && name.trim() !== '') return normalizeSpace(name);
    }
  }
  const app = meta('application-name', 'apple-mobile-web-app-title');
  if (app !== undefined) return app;
  void c;
  return hostOf(pageUrl);
}

function siteNameVariants(
  siteName: string | undefined,
  meta: (...k: string[]) => string | undefined,
  graph: JsonLdGraph,
  pageUrl: string | undefined,
): string[] {
  const names = new Set<string>();
  if (siteName !== undefined) names.add(siteName);
  for (const v of [meta('og:site_name'), meta('application-name'), meta('apple-mobile-web-app-title'), meta('twitter:site')]) {
    if (v !== undefined) names.add(v.replace(/^@/, ''));
  }
  for (const obj of graph.objects) {
    const t = typesOf(obj);
    if (t.includes('website') || t.includes('organization') || t.includes('newsmediaorganization')) {
      const n = asString(obj.name);
      if (n !== undefined && n.length <= 60) names.add(n);
    }
  }
  const host = hostOf(pageUrl);
  if (host !== undefined) {
    names.add(host);
    const labels = host.split('.');
    // The registrable label: "bbc" of bbc.co.uk, "nytimes" of nytimes.com.
    const main = labels.length >= 3 && /^(?:co|com|org|net|gov|ac|edu)$/.test(labels[labels.length - 2]!) ? labels[labels.length - 3] : labels[labels.length - 2];
    if (main !== undefined && main.length >= 3) names.add(main);
  }
  return [...names];
}

/** The first string value of `key` on the page's article objects (then page objects). */
function firstArticleString(graph: JsonLdGraph, key: string): string | undefined {
  for (const obj of [...graph.articles, ...graph.pages]) {
    const v = asString(obj[key]);
    if (v !== undefined && v.trim() !== '') return normalizeSpace(decodeEntities(v));
  }
  return undefined;
}

function firstCoreName(graph: JsonLdGraph): string | undefined {
  for (const obj of graph.articles) {
    if (!isCoreArticle(obj)) continue;
    const v = asString(obj.name);
    if (v !== undefined && v.trim() !== '') return normalizeSpace(decodeEntities(v));
  }
  return undefined;
}

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text
    .replace(/&#(\d+);/g, (_m, n: string) => safeChar(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, n: string) => safeChar(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#039;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

function safeChar(code: number): string {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
}

function itemprop(c: Collected, prop: string): string | undefined {
  for (const ip of c.itemprops) {
    if (ip.prop !== prop) continue;
    const v = normalizeSpace(itempropValue(ip.el));
    if (v !== '') return v;
  }
  return undefined;
}

// ---------- authors ----------

function authorsFromJsonLd(graph: JsonLdGraph, siteName: string | undefined): Author[] {
  for (const obj of graph.articles) {
    const raw = obj.author ?? obj.creator;
    if (raw === undefined || raw === null) continue;
    const list = Array.isArray(raw) ? raw : [raw];
    const out: Author[][] = [];
    for (const item of list.slice(0, 20)) {
      const v = deref(graph, item);
      if (typeof v === 'string') {
        out.push(parseByline(decodeEntities(v), siteName, false, true));
        continue;
      }
      if (v === null || typeof v !== 'object' || Array.isArray(v)) continue;
      const o = v as JsonObject;
      let name = asString(o.name);
      if (name === undefined) {
        const given = asString(o.givenName);
        const family = asString(o.familyName);
        if (given !== undefined || family !== undefined) name = `${given ?? ''} ${family ?? ''}`.trim();
      }
      if (name === undefined) continue;
      const types = typesOf(o);
      const org = types.some((t) => t.includes('organization') || t === 'corporation' || t === 'newsmediaorganization');
      out.push(parseByline(decodeEntities(name), siteName, org, true));
    }
    const merged = mergeAuthors(...out);
    if (merged.length > 0) return merged;
  }
  return [];
}

function authorsFromMicrodata(c: Collected, siteName: string | undefined): Author[] {
  const out: Author[][] = [];
  // Only the first item's authors: on forums and Q&A pages every reply has its own.
  let scope: HtmlElement | null | undefined;
  for (const ip of c.itemprops) {
    if (ip.prop !== 'author' && ip.prop !== 'creator') continue;
    const owner = itemScopeOf(ip.el);
    if (scope === undefined) scope = owner;
    else if (owner !== scope) break;
    let value: string;
    if (ip.el.attrs.itemscope !== undefined) {
      const nameEl = findDescendant(ip.el, (e) => (e.attrs.itemprop ?? '').toLowerCase().split(/\s+/).includes('name'));
      value = nameEl !== undefined ? itempropValue(nameEl) : textOf(ip.el, 300);
    } else value = itempropValue(ip.el);
    if (/^https?:/i.test(value)) value = textOf(ip.el, 300);
    out.push(parseByline(value, siteName, false, true));
    if (out.length > 10) break;
  }
  return mergeAuthors(...out);
}

/** The nearest ancestor that starts a microdata item. */
function itemScopeOf(el: HtmlElement): HtmlElement | null {
  let node = el.parent;
  for (let k = 0; node !== null && k < 200; k++) {
    if (node.attrs.itemscope !== undefined) return node;
    node = node.parent;
  }
  return null;
}

function authorsFromMeta(meta: (...k: string[]) => string | undefined, c: Collected, siteName: string | undefined): Author[] {
  for (const key of ['author', 'article:author', 'parsely-author', 'sailthru.author', 'byl', 'dc.creator', 'dcterms.creator', 'citation_author', 'twitter:data1']) {
    const values = c.metas.get(key) ?? [];
    const out: Author[][] = [];
    for (const v of values) {
      if (/^https?:\/\//i.test(v.trim())) continue;
      if (key === 'twitter:data1' && (c.metas.get('twitter:label1')?.[0] ?? '').toLowerCase().indexOf('written') < 0) continue;
      let text = decodeEntities(v);
      // Citation meta tags write "Last, First".
      if (key === 'citation_author' || key === 'dc.creator') {
        const m = /^([^,]+),\s*([^,]+)$/.exec(text.trim());
        if (m !== null) text = `${m[2]!} ${m[1]!}`;
      }
      out.push(parseByline(text, siteName, false, true));
    }
    const merged = mergeAuthors(...out);
    if (merged.length > 0) return merged;
  }
  void meta;
  return [];
}

function authorsFromByline(c: Collected, siteName: string | undefined, anchor: number): Author[] {
  // Byline elements, nearest to the headline first (after it preferred).
  const candidates = c.bylines
    .map((b) => ({ b, d: anchor < 0 ? b.pos : b.pos >= anchor ? b.pos - anchor : (anchor - b.pos) * 3 }))
    .filter((x) => anchor < 0 || x.d < 20000)
    // A bare author-page link counts only by the headline and outside menus (sidebars,
    // footers and menus link other authors' pages).
    .filter((x) => !linkOnlyByline(x.b.el) || (anchor >= 0 && x.d < AUTHOR_LINK_NEAR && !inNavigation(x.b.el)))
    .sort((x, y) => x.d - y.d)
    .slice(0, 12);
  for (const { b } of candidates) {
    const text = bylineText(b);
    if (text === undefined) continue;
    const authors = parseByline(text, siteName);
    if (authors.length > 0 && authors.length <= 6) return authors;
  }
  return [];
}

const AUTHOR_LINK_NEAR = 1500;

/** A byline candidate known only by its /author/ href: no rel=author, no byline class or id. */
function linkOnlyByline(el: HtmlElement): boolean {
  const hint = `${el.attrs.class ?? ''} ${el.attrs.id ?? ''} ${el.attrs.rel ?? ''}`;
  return !/byline|author|writer|contributor|reporter|posted-?by|article-?by|\bby\b/i.test(hint);
}

/** Inside a menu or navigation bar (site menus link to author archives too). */
function inNavigation(el: HtmlElement): boolean {
  let node = el.parent;
  for (let k = 0; node !== null && k < 12; k++) {
    if (node.tag === 'nav' || (node.tag === 'header' && node.attrs.role === 'banner')) return true;
    if (node.attrs.role === 'navigation' || node.attrs.role === 'menu' || node.attrs.role === 'menubar') return true;
    if (/(?:^|[\s_-])(?:menu|nav|navbar|navigation|dropdown|submenu)(?:$|[\s_-])/i.test(`${node.attrs.class ?? ''} ${node.attrs.id ?? ''}`)) return true;
    node = node.parent;
  }
  return false;
}

const TEXT_BYLINE = /(?:^|\n)[ \t]*(?:(?:written|posted|reported|words|story|article|published|text)\s+by|by|author|authors|written by|autor|auteur|par|por|von)\b[ \t]*:?[ \t]*\n?[ \t]*([^\n]{2,120})/gi;

const POST_META_BYLINE = /(?:^|\n)[ \t]*(?:posted|published|written|filed|submitted)[ \t]+(on|in|at|under)\b([^\n]{1,80}?)[ \t]by[ \t]+([^\n]{2,100})/gi;
/** What "Posted on …" names before its "by": a date, not a site ("Posted on Trustpilot.com by …"). */
const POST_META_DATE = /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|yesterday)/i;

/** "By Jane Doe" / "Written by\nJane Doe" lines in the visible text near the headline. */
function authorsFromText(c: Collected, siteName: string | undefined, anchor: number): Author[] {
  const from = anchor < 0 ? 0 : Math.max(0, anchor - 1500);
  const to = anchor < 0 ? 5000 : anchor + 5000;
  const window = c.text.slice(from, to);
  TEXT_BYLINE.lastIndex = 0;
  let m: RegExpExecArray | null;
  const found: { authors: Author[]; dist: number }[] = [];
  while ((m = TEXT_BYLINE.exec(window)) !== null) {
    const line = m[1]!.trim();
    if (!/^[\p{Lu}\p{Ll}]/u.test(line)) continue;
    // "by the way", "by 2030": a name starts with a capital.
    if (!/^\p{Lu}/u.test(line) && !/^(?:dr|mr|ms|mrs)\b/i.test(line)) continue;
    const authors = parseByline(line.replace(/\s+[-–—|•·]\s+.*$/, ''), siteName);
    if (authors.length === 0 || authors.length > 5) continue;
    const pos = from + m.index;
    found.push({ authors, dist: anchor < 0 ? pos : pos >= anchor ? pos - anchor : (anchor - pos) * 2 });
  }
  // "Posted on 17 September 2022 by Jane Doe", "Posted in News by Jane Doe": a post-meta
  // line whose "by" comes after a date or a category.
  POST_META_BYLINE.lastIndex = 0;
  while ((m = POST_META_BYLINE.exec(window)) !== null) {
    const line = m[3]!.trim();
    if (!/^\p{Lu}/u.test(line)) continue;
    const what = m[2]!;
    if (/\.[a-z]{2,}\b/i.test(what) || (m[1]!.toLowerCase() !== 'in' && m[1]!.toLowerCase() !== 'under' && !POST_META_DATE.test(what))) continue;
    const authors = parseByline(line.replace(/\s+[-–—|•·]\s+.*$/, '').replace(/\s+(?:on|in|at)\s+.*$/, ''), siteName);
    if (authors.length === 0 || authors.length > 5) continue;
    const pos = from + m.index;
    found.push({ authors, dist: anchor < 0 ? pos : pos >= anchor ? pos - anchor : (anchor - pos) * 2 });
  }
  found.sort((a, b) => a.dist - b.dist);
  return found[0]?.authors ?? [];
}

function bylineText(b: Seen): string | undefined {
  const el = b.el;
  if (el.tag === 'meta' || el.tag === 'link' || el.tag === 'img') return undefined;
  const text = textOf(el, 400, true);
  if (text === '' || text.length > 250) return undefined;
  // The first line that is not a bare label.
  const lines = text.split('\n').filter((l) => !/^(?:by|author|written by|posted by|authors?:?)$/i.test(l.trim()));
  const joined = text.split('\n').length > 1 && /^(?:by|written by|posted by)$/i.test(text.split('\n')[0]!.trim());
  return joined ? lines[0] : lines.join(' · ');
}

function chooseAuthors(
  c: Collected,
  graph: JsonLdGraph,
  meta: (...k: string[]) => string | undefined,
  siteName: string | undefined,
  anchor: number,
): Author[] {
  const lists = [
    authorsFromJsonLd(graph, siteName),
    authorsFromMicrodata(c, siteName),
    authorsFromMeta(meta, c, siteName),
    authorsFromByline(c, siteName, anchor),
    authorsFromText(c, siteName, anchor),
  ];
  for (const list of lists) if (list.some((a) => a.kind !== 'organization')) return list;
  for (const list of lists) if (list.length > 0) return list;
  return [];
}

// ---------- dates ----------

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

function chooseDates(
  c: Collected,
  graph: JsonLdGraph,
  meta: (...k: string[]) => string | undefined,
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
  void meta;
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

function structuredBody(c: Collected, graph: JsonLdGraph): string | undefined {
  for (const obj of graph.articles) {
    const v = obj.articleBody;
    const s = typeof v === 'string' ? v : Array.isArray(v) ? v.filter((x) => typeof x === 'string').join('\n\n') : undefined;
    if (s === undefined) continue;
    const text = cleanBody(s);
    if (text.length >= 50) return text;
  }
  for (const ip of c.itemprops) {
    if (ip.prop !== 'articlebody') continue;
    const text = textOf(ip.el, 500_000, true);
    if (text.length >= 50) return text;
  }
  return undefined;
}

function cleanBody(raw: string): string {
  let s = raw;
  if (/<\/?(?:p|br|div|span|a|strong|em)\b/i.test(s)) {
    s = s.replace(/<(?:br|\/p|\/div|\/h\d|\/li)\s*\/?>/gi, '\n\n').replace(/<[^>]{0,500}>/g, '');
  }
  s = decodeEntities(s);
  return s
    .split(/\n\s*\n|\r\n\s*\r\n/)
    .map((p) => p.replace(/[ \t\u00a0]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim())
    .filter((p) => p !== '')
    .join('\n\n');
}
