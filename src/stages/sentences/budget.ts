import type { Block } from '../../doc/news-doc.js';

/**
 * How much article text the understanding stages read, in UTF-16 code units. The whole
 * pipeline reads about 100,000 characters a second on one loaded core, so 200,000
 * keeps a pathological article (a 1 MB paragraph) within a few seconds, while every
 * real article passes whole (the longest Wikinews feature is 104,000).
 */
export const UNDERSTAND_MAX_CHARS = 200_000;

export interface BlockBudget {
  /** The blocks to understand: those inside the budget, the last one possibly shortened. */
  readonly blocks: Block[];
  /** Where understanding stops in the text: the end of the last block kept. */
  readonly end: number;
}

/**
 * The blocks (in text order) that fit in the first `maxChars` of the text, the block
 * that crosses the limit cut after its last sentence end before it (else its last
 * space, else the limit), so the understanding stages read a prefix of whole sentences
 * and never an unbounded text. Undefined when everything fits.
 */
export function blocksWithinBudget(text: string, blocks: readonly Block[], maxChars: number = UNDERSTAND_MAX_CHARS): BlockBudget | undefined {
  const last = blocks[blocks.length - 1];
  if (last === undefined || Math.min(last.end, text.length) <= maxChars) return undefined;
  const kept: Block[] = [];
  for (const block of blocks) {
    if (block.end <= maxChars) {
      kept.push(block);
      continue;
    }
    if (block.start < maxChars) {
      const end = cutBefore(text, block.start, maxChars);
      if (end > block.start) kept.push({ ...block, end });
    }
    break;
  }
  return { blocks: kept, end: kept[kept.length - 1]?.end ?? 0 };
}

const CLOSERS = new Set([0x22, 0x27, 0x29, 0x5d, 0x2019, 0x201d, 0xbb]);

/** The end of the last sentence in text[start, limit), else the last space, else the limit. */
function cutBefore(text: string, start: number, limit: number): number {
  let space = -1;
  for (let k = limit - 1; k > start; k--) {
    const code = text.charCodeAt(k);
    if (code !== 0x20 && code !== 0x0a && code !== 0x09 && code !== 0xa0) continue;
    if (space < 0) space = k;
    let end = k;
    while (end > start && CLOSERS.has(text.charCodeAt(end - 1))) end--;
    const mark = text.charCodeAt(end - 1);
    if (mark === 0x2e || mark === 0x21 || mark === 0x3f) return k;
  }
  if (space > start) return space;
  // No space at all: cut at the limit, but never between the halves of a surrogate pair.
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}
