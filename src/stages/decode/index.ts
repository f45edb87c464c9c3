import type { NewsDoc } from '../../doc/news-doc.js';
import type { Stage } from '../../pipeline/stage.js';
import { decodeBytes } from './decode.js';
import { rememberPieces } from './pieces.js';

export { decodeBytes, stripControls, type DecodeResult } from './decode.js';
export { looksLikeHtml, sniffBinary } from './sniff.js';
export { inputPieces, isBlankInput } from './pieces.js';

/**
 * Bytes → `doc.input` and `doc.decoding`: BOM, Content-Type charset, `<meta>` prescan,
 * detection, UTF-8 (see `decodeBytes`). Throws `INPUT_BINARY` for non-text bytes.
 */
export const decodeStage: Stage = {
  id: 'decode',
  version: 2,
  requires: ['bytes'],
  produces: ['input'],
  run(doc: NewsDoc): NewsDoc {
    const bytes = doc.source.bytes ?? new Uint8Array();
    const result = decodeBytes(bytes, doc.source.contentType);
    doc.input = result.text;
    if (result.pieces !== undefined) rememberPieces(bytes, result.text, result.pieces);
    doc.decoding = result.info;
    doc.diagnostics.push(...result.diagnostics);
    return doc;
  },
};
