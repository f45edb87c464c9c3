import { assembleBlocks } from './assemble.js';
import { normalize } from './cleanup.js';
import type { PageIndex } from './page-index.js';
import { bestContainer } from './scoring.js';

const WORD = /[\p{L}\p{N}]+/gu;

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** The structured body's vocabulary, for testing blocks against it. */
export function vocabularyOf(structuredBody: string): Set<string> {
  return new Set(wordsOf(structuredBody));
}

/** True when most words of `text` (three or more) occur in the structured body. */
export function inStructured(vocabulary: ReadonlySet<string>, text: string): boolean {
  const words = wordsOf(text);
  if (words.length < 3) return false;
  let known = 0;
  for (const w of words) if (vocabulary.has(w)) known++;
  return known >= 0.8 * words.length;
}

/**
 * Leading blocks before the first one the structured body holds are the headline area
 * (standfirst, byline, dateline line), not body: the structured body says where the
 * body starts.
 */
export function trimToStructuredStart<T extends { kind: string; text: string }>(blocks: T[], structuredBody: string): T[] {
  // The body's first block appears in the structured body word for word.
  const flat = normalize(structuredBody);
  const first = blocks.findIndex((b) => {
    if (b.kind === 'caption') return false;
    const text = normalize(b.text);
    return text.length >= 20 && flat.includes(text);
  });
  if (first <= 0) return blocks;
  return [...blocks.slice(0, first).filter((b) => b.kind === 'caption'), ...blocks.slice(first)];
}

/**
 * The container that holds the article body the page's structured data gives
 * (JSON-LD or microdata `articleBody`): blocks whose words are in that body score their
 * length, other blocks lose theirs, and the best subtree wins. Returns -1 when the page's
 * visible text does not hold most of the structured body (it may be a summary, or the
 * visible page a different story).
 */
export function structuredContainer(index: PageIndex, structuredBody: string): number {
  const vocabulary = vocabularyOf(structuredBody);
  if (vocabulary.size < 30) return -1;
  const blocks = assembleBlocks(index, [index.bodyIndex], () => false);
  const n = index.elements.length;
  const score = new Float64Array(n);
  for (const b of blocks) {
    if (b.owner < 0) continue;
    if (b.text.length < 12) continue;
    score[b.owner] = score[b.owner]! + (inStructured(vocabulary, b.text) ? b.chars : -b.chars);
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
