import type { NewsDoc } from '../../doc/news-doc.js';
import type { Stage } from '../../pipeline/stage.js';

// PLACEHOLDER: replaced by the real decoder (BOM, header, meta, detection).
export const decodeStage: Stage = {
  id: 'decode',
  version: 1,
  requires: ['bytes'],
  produces: ['input'],
  run(doc: NewsDoc): NewsDoc {
    doc.input = new TextDecoder('utf-8').decode(doc.source.bytes ?? new Uint8Array());
    doc.decoding = { encoding: 'utf-8', decidedBy: 'default', replacements: 0 };
    return doc;
  },
};
