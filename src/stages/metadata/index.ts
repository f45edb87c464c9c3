import type { NewsDoc } from '../../doc/news-doc.js';
import type { Stage } from '../../pipeline/stage.js';

// PLACEHOLDER: replaced by the real metadata reader.
export const metadataStage: Stage = {
  id: 'metadata',
  version: 1,
  requires: ['html'],
  produces: ['metadata'],
  run(doc: NewsDoc): NewsDoc {
    return doc;
  },
};
