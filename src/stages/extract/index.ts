import type { Block, NewsDoc } from '../../doc/news-doc.js';
import type { Stage } from '../../pipeline/stage.js';
import { extract } from './select.js';
import { normalize } from './cleanup.js';

/**
 * HTML → article text and blocks. How (files in this folder):
 *
 * - `page-index`: one flat pre-order index of the page with per-element figures (visible
 *   text, link text, punctuation, hidden flags, class signals), linear passes, no
 *   recursion; a `<header>` holding pages of link-poor prose is a section, not a
 *   landmark. `tags`/`classes`: what is hidden or machine-only, what names mean.
 * - `scoring`: every block of inline text scores its prose value (long, punctuated,
 *   link-poor text scores its length; fragments, link lists and furniture score below
 *   zero); the element with the best subtree sum is the body container. A second,
 *   "page" reading scores listings and product pages, where links and short items are
 *   the content and only structural furniture (nav, footer, consent, ads) is not.
 * - `structured`: the JSON-LD/microdata `articleBody` (`doc.structuredBody`), when the
 *   page holds it, picks the container and says where the body starts.
 * - `teasers`: repeated sibling structures opening with a headline link (related
 *   stories, "more from") are left out, and so are small forms inside the article.
 *   `select`: one story per page, article or not (prose amount and share, declared type,
 *   where the page headline stands); an article that neither declares itself one nor
 *   runs long must be most of the page's main content.
 * - `assemble` cuts the container into blocks; `cleanup` drops headline repeats,
 *   bylines and date lines, furniture labels, link-only blocks, machine text and word for
 *   word repeats of long blocks (copies for other screen sizes).
 *
 * `doc.text` is the headline block (when the metadata has one), then the blocks,
 * joined by blank lines; captions stay as caption blocks, outside `bodyText`. A page that
 * is not an article keeps its title heading among the blocks.
 * `doc.extractedBy`: `density` (article), `page` (no article: main content kept),
 * `structured-data` or `description` when the visible page yields nothing and those are
 * all there is (with EXTRACT_SHORT_BODY); prefixed `structured-` when the structured body chose the container and `as-served-`
 * when the page was read as served before scripts (app shells).
 */
export const extractStage: Stage = {
  id: 'extract',
  version: 1,
  requires: ['html', 'metadata'],
  produces: ['text', 'blocks'],
  run(doc: NewsDoc): NewsDoc {
    const result = extract(doc);
    const pieces: string[] = [];
    const blocks: Block[] = [];
    let offset = 0;
    const add = (text: string, block: Omit<Block, 'start' | 'end'>): void => {
      if (pieces.length > 0) offset += 2;
      blocks.push({ ...block, start: offset, end: offset + text.length });
      pieces.push(text);
      offset += text.length;
    };
    // The metadata stage has already collapsed whitespace (keeping a lone U+3000, which is content).
    const headline = doc.metadata.headline?.trim();
    if (headline !== undefined && headline.length > 0) add(headline, { kind: 'headline' });
    const headlineKey = headline !== undefined ? normalize(headline) : '';
    for (const b of result.blocks) {
      // A page that is not an article keeps its title heading: it heads the main content.
      if (
        result.isArticle && headlineKey.length > 0 && b.kind !== 'caption' &&
        b.text.length <= 2 * headline!.length + 20 && normalize(b.text) === headlineKey
      ) continue;
      add(b.text, b.kind === 'heading' && b.level !== undefined ? { kind: b.kind, level: b.level } : { kind: b.kind });
    }
    doc.text = pieces.join('\n\n');
    doc.layers.blocks = blocks;
    doc.extractedBy = result.strategy;
    doc.isArticle = result.isArticle;
    doc.diagnostics.push({
      code: 'EXTRACT_STRATEGY',
      severity: 'info',
      stage: 'extract',
      message: `Body found by the ${result.strategy} strategy.`,
    });
    if (result.strategy === 'description' || result.strategy === 'structured-data') {
      doc.diagnostics.push({
        code: 'EXTRACT_SHORT_BODY',
        severity: 'warning',
        stage: 'extract',
        message: `The page's visible text holds no body; the ${result.strategy === 'description' ? 'page description' : 'structured data'} was used instead.`,
      });
    }
    if (!result.isArticle) {
      doc.diagnostics.push({
        code: 'EXTRACT_NO_ARTICLE',
        severity: 'info',
        stage: 'extract',
        message: 'The page does not look like an article; its main content was kept as blocks.',
      });
    }
    return doc;
  },
};
