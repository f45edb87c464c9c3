import type { NewsDoc } from '../../doc/news-doc.js';
import type { Stage } from '../../pipeline/stage.js';
import { parseDateline } from './parse.js';

/**
 * Finds the dateline at the start of the first body paragraph ("SAMARKAND, Uzbekistan:",
 * "KYIV, Ukraine (AP) —", "WASHINGTON (Reuters) -") and records it, with its span in
 * `doc.text`, as `metadata.dateline`. A US state or Canadian province is kept in the
 * place ("Tallahassee, Florida") and the country set; a country is reported on its own.
 */
export const datelineStage: Stage = {
  id: 'dateline',
  version: 1,
  requires: ['text', 'blocks'],
  produces: ['dateline'],
  run(doc: NewsDoc): NewsDoc {
    if (doc.metadata.dateline !== undefined) return doc;
    const text = doc.text ?? '';
    if (text === '') return doc;
    for (const [start, end] of candidateStarts(doc, text)) {
      const found = parseDateline(text.slice(start, Math.min(end, start + 300)));
      if (found === undefined) continue;
      doc.metadata.dateline = {
        start: start + found.start,
        end: start + found.end,
        text: found.text,
        place: found.place,
        ...(found.country !== undefined ? { country: found.country } : {}),
        ...(found.agency !== undefined ? { agency: found.agency } : {}),
      };
      break;
    }
    return doc;
  },
};

/**
 * Where a dateline may start: the first body block (skipping the headline and any
 * headings or captions before it); without blocks, the first lines of the text.
 */
function candidateStarts(doc: NewsDoc, text: string): [number, number][] {
  const blocks = doc.layers.blocks ?? [];
  if (blocks.length > 0) {
    for (const block of blocks) {
      if (block.kind === 'headline' || block.kind === 'heading' || block.kind === 'caption') continue;
      return [[block.start, block.end]];
    }
    return [];
  }
  // No blocks: the first non-empty lines (the first may be the headline).
  const out: [number, number][] = [];
  let at = 0;
  while (at < text.length && out.length < 2) {
    let nl = text.indexOf('\n', at);
    if (nl < 0) nl = text.length;
    if (text.slice(at, nl).trim() !== '') out.push([at, nl]);
    at = nl + 1;
  }
  return out;
}
