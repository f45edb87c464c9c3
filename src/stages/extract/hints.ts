import type { PageIndex } from './page-index.js';

const ARTICLE_TYPES =
  /"@type"\s*:\s*(?:\[[^\]]*)?"(?:NewsArticle|Article|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|ReviewNewsArticle|BackgroundNewsArticle|LiveBlogPosting|TechArticle|Report)"/;

/**
 * Whether the page declares itself an article: `og:type` article, or JSON-LD / microdata
 * of an Article type. A prior for telling a short article from a listing, not proof:
 * many sites declare every page an article.
 */
export function declaresArticle(index: PageIndex): boolean {
  const n = index.elements.length;
  for (let i = 0; i < n; i++) {
    const el = index.elements[i]!;
    const tag = el.tag;
    if (tag === 'meta') {
      const key = el.attrs.property ?? el.attrs.name;
      if (key !== undefined && key.toLowerCase() === 'og:type' && /article/i.test(el.attrs.content ?? '')) return true;
    } else if (tag === 'script') {
      if ((el.attrs.type ?? '').toLowerCase() !== 'application/ld+json') continue;
      for (const c of el.children) if (c.type === 'text' && ARTICLE_TYPES.test(c.text)) return true;
    } else {
      const itemtype = el.attrs.itemtype;
      if (itemtype !== undefined && /schema\.org\/(?:\w*Article|BlogPosting)\b/i.test(itemtype)) return true;
    }
  }
  return false;
}
