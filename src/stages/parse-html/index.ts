import type { NewsDoc } from '../../doc/news-doc.js';
import type { Stage } from '../../pipeline/stage.js';
import { parseHtml } from './parse.js';
import { inputPieces } from '../decode/pieces.js';

/** Decoded HTML → `doc.html`, a small tree with depth and size capped. */
export const parseHtmlStage: Stage = {
  id: 'parse-html',
  version: 1,
  requires: ['input'],
  produces: ['html'],
  run(doc: NewsDoc): NewsDoc {
    const tree = parseHtml(inputPieces(doc));
    doc.html = tree;
    if (tree.depthCapped) {
      doc.diagnostics.push({
        code: 'PARSE_DEPTH_CAPPED',
        severity: 'warning',
        stage: 'parse-html',
        message: 'Elements nested deeper than 512 levels were flattened into their 512th ancestor.',
      });
    }
    return doc;
  },
};
