import type { NewsDoc } from '../../doc/news-doc.js';
import type { Stage } from '../../pipeline/stage.js';

// PLACEHOLDER: replaced by the real dateline parser.
export const datelineStage: Stage = {
  id: 'dateline',
  version: 1,
  requires: ['text', 'blocks'],
  produces: ['dateline'],
  run(doc: NewsDoc): NewsDoc {
    return doc;
  },
};
