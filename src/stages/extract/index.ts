import type { Block, NewsDoc } from '../../doc/news-doc.js';
import type { Stage } from '../../pipeline/stage.js';
import { extract } from './select.js';
import { normalize } from './cleanup.js';

/**
 * HTML → article text and blocks. Finds the page's main content from its structure,
 * text density and link density (helped by structured data and semantic containers when
 * the page has them), sets furniture aside, and lays the result out as `doc.text`:
 * the headline block (when the metadata has one), then the body blocks.
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
    const headline = doc.metadata.headline?.replace(/\s+/g, ' ').trim();
    if (headline !== undefined && headline.length > 0) add(headline, { kind: 'headline' });
    const headlineKey = headline !== undefined ? normalize(headline) : '';
    for (const b of result.blocks) {
      if (headlineKey.length > 0 && b.kind !== 'caption' && normalize(b.text) === headlineKey) continue;
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
