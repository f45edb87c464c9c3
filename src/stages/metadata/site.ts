/** The site's name and the URLs the page points to (base, canonical, image). */
import { type Collected } from './collect.js';
import { asString, deref, isCoreArticle, typesOf, type JsonLdGraph, type JsonObject } from './json-ld.js';
import { normalizeSpace } from './headline.js';


export function opt<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: string });
}

export function resolveBase(c: Collected, pageUrl: string | undefined): string | undefined {
  if (c.baseHref !== undefined) {
    const b = resolveUrl(c.baseHref, pageUrl);
    if (b !== undefined) return b;
  }
  return pageUrl;
}

export function resolveUrl(href: string | undefined, base: string | undefined): string | undefined {
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

export function chooseSiteName(
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

export function siteNameVariants(
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
export function firstArticleString(graph: JsonLdGraph, key: string): string | undefined {
  for (const obj of [...graph.articles, ...graph.pages]) {
    const v = asString(obj[key]);
    if (v !== undefined && v.trim() !== '') return normalizeSpace(decodeEntities(v));
  }
  return undefined;
}

export function firstCoreName(graph: JsonLdGraph): string | undefined {
  for (const obj of graph.articles) {
    if (!isCoreArticle(obj)) continue;
    const v = asString(obj.name);
    if (v !== undefined && v.trim() !== '') return normalizeSpace(decodeEntities(v));
  }
  return undefined;
}

export function decodeEntities(text: string): string {
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
