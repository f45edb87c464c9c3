/**
 * Chooses the authors among structured data, microdata, meta tags, byline elements,
 * author-page links near the headline and "By …" lines in the visible text.
 */
import type { Author } from '../../doc/news-doc.js';
import type { HtmlElement } from '../../doc/html-tree.js';
import { findDescendant, itempropValue, textOf, type Collected, type Seen } from './collect.js';
import { asString, deref, typesOf, type JsonLdGraph, type JsonObject } from './json-ld.js';
import { mergeAuthors, parseByline } from './authors.js';
import { normalizeSpace } from './headline.js';
import { decodeEntities } from './site.js';

export function itemprop(c: Collected, prop: string): string | undefined {
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

export function chooseAuthors(
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
