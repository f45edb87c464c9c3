import type { NewsDoc } from '../../doc/news-doc.js';
import type { Stage } from '../../pipeline/stage.js';

// PLACEHOLDER: replaced by the real scraped-text reader.
export const readTextStage: Stage = {
  id: 'read-text',
  version: 1,
  requires: ['input'],
  produces: ['text', 'blocks', 'furniture', 'metadata'],
  run(doc: NewsDoc): NewsDoc {
    doc.text = doc.input ?? '';
    doc.layers.blocks = [];
    doc.layers.furniture = [];
    return doc;
  },
};
