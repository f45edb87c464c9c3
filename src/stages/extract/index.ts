import type { NewsDoc } from '../../doc/news-doc.js';
import type { Stage } from '../../pipeline/stage.js';

// PLACEHOLDER: replaced by the real extractor.
export const extractStage: Stage = {
  id: 'extract',
  version: 1,
  requires: ['html', 'metadata'],
  produces: ['text', 'blocks'],
  run(doc: NewsDoc): NewsDoc {
    doc.text = '';
    doc.layers.blocks = [];
    return doc;
  },
};
