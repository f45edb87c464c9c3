import type { ArticleMetadata, NewsDoc } from '../../doc/news-doc.js';
import type { HtmlElement } from '../../doc/html-tree.js';
import type { Stage } from '../../pipeline/stage.js';
import { collect, textOf, type Collected } from './collect.js';
import { asString, asUrl, buildGraph, type JsonLdGraph } from './json-ld.js';
import { chooseHeadline, normalizeSpace } from './headline.js';
import { guessLanguage, normalizeLanguage } from './language.js';
import { opt, resolveBase, resolveUrl, chooseSiteName, siteNameVariants, firstArticleString, firstCoreName, decodeEntities } from './site.js';
import { itemprop, chooseAuthors } from './choose-authors.js';
import { chooseDates } from './choose-dates.js';

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

/** Everything this stage reads off the page; the dateline comes later, from the text. */
export type MetadataFields = Omit<ArticleMetadata, 'dateline'>;

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
  const dates = chooseDates(c, graph, pageUrl, anchor, { dayFirst });
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
