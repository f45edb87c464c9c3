import { assembleBlocks } from './assemble.js';
import type { PageIndex } from './page-index.js';
import { bestContainer } from './scoring.js';

const WORD = /[\p{L}\p{N}]+/gu;

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/**
 * The container that holds the article body the page's structured data gives
 * (JSON-LD or microdata `articleBody`): blocks whose words are in that body score their
 * length, other blocks lose theirs, and the best subtree wins. Returns -1 when the page's
 * visible text does not hold most of the structured body (it may be a summary, or the
 * visible page a different story).
 */
export function structuredContainer(index: PageIndex, structuredBody: string): number {
  const vocabulary = new Set(wordsOf(structuredBody));
  if (vocabulary.size < 30) return -1;
  const blocks = assembleBlocks(index, [index.bodyIndex], () => false);
  const n = index.elements.length;
  const score = new Float64Array(n);
  for (const b of blocks) {
    if (b.owner < 0) continue;
    const words = wordsOf(b.text);
    if (words.length < 3) continue;
    let known = 0;
    for (const w of words) if (vocabulary.has(w)) known++;
    score[b.owner] = score[b.owner]! + (known >= 0.8 * words.length ? b.chars : -b.chars);
  }
  const subtree = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    if (index.hidden[i] === 1) continue;
    subtree[i] = subtree[i]! + score[i]!;
    const p = index.parent[i]!;
    if (p >= 0) subtree[p] = subtree[p]! + subtree[i]!;
  }
  const best = bestContainer(index, subtree);
  // Its matched text must cover most of the structured body.
  const bodyChars = structuredBody.replace(/\s+/g, '').length;
  return subtree[best]! >= 0.6 * bodyChars ? best : -1;
}
