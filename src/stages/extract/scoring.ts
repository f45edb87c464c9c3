import { NEG, POS, STRONG_NEG, STRUCT_NEG, type PageIndex } from './page-index.js';

/**
 * Content scores. Every block of inline text gets a score: long, punctuated,
 * link-poor text scores its length; short fragments, link lists and text inside
 * furniture (landmarks, furniture class names) score below zero. An element's score
 * is the sum over its subtree, so the element with the highest sum is the tightest
 * container that takes in all the prose and as little furniture as it can.
 */
export interface Scores {
  /** Score of the element's own inline block. */
  readonly block: Float64Array;
  /** Sum of block scores over the subtree. */
  readonly subtree: Float64Array;
  /** 1 when the element or an ancestor carries a furniture class (gated by size). */
  readonly inNegative: Uint8Array;
}

/** Score of one block of inline text, from its figures alone. */
export function textBlockScore(chars: number, linkChars: number, punct: number): number {
  if (chars === 0) return 0;
  const plain = chars - linkChars;
  const density = linkChars / chars;
  if (density > 0.5) return -0.6 * chars;
  if (plain < 25) return -3 - linkChars * 0.5;
  let score = plain - 2 * linkChars;
  if (punct === 0 && plain < 120) score *= 0.3;
  return score;
}

/**
 * Scores the page: text figures, then what class names and landmarks say. A class
 * name counts as furniture only on an element holding less than 40% of the page's
 * text, so a wrapper of the whole page ("single-post sidebar-right") is never furniture.
 */
export type ScoreMode = 'article' | 'page';

/**
 * Score of a block when the page holds no article: a listing, product or service page
 * whose main content is short items and links. Links count, only furniture scores below zero.
 */
export function pageBlockScore(chars: number, linkChars: number): number {
  if (chars === 0) return 0;
  return chars - 0.5 * linkChars - 2;
}

export function computeScores(index: PageIndex, mode: ScoreMode = 'article'): Scores {
  const n = index.elements.length;
  const block = new Float64Array(n);
  const subtree = new Float64Array(n);
  const inNegative = new Uint8Array(n);
  const inStrong = new Uint8Array(n);
  const pageText = Math.max(1, index.textLen[index.bodyIndex] ?? index.textLen[0]!);
  for (let i = 0; i < n; i++) {
    const p = index.parent[i]!;
    const tag = index.elements[i]!.tag;
    const own =
      (index.signal[i]! & (mode === 'page' ? STRUCT_NEG : NEG)) !== 0 &&
      tag !== 'body' && tag !== 'html' && tag !== 'main' && tag !== 'article' &&
      index.textLen[i]! < 0.4 * pageText;
    inNegative[i] = (p >= 0 && inNegative[p] === 1) || own ? 1 : 0;
    inStrong[i] = (p >= 0 && inStrong[p] === 1) || (own && (index.signal[i]! & STRONG_NEG) !== 0) ? 1 : 0;
    if (index.hidden[i] === 1) continue;
    const chars = index.inlineLen[i]!;
    if (chars === 0) continue;
    let s: number;
    if (mode === 'page') {
      s = index.inFurniture[i] === 1 || inNegative[i] === 1 ? -chars : pageBlockScore(chars, index.inlineLinkLen[i]!);
    } else {
      s = textBlockScore(chars, index.inlineLinkLen[i]!, index.inlinePunct[i]!);
      if (index.inFurniture[i] === 1 || inNegative[i] === 1) {
        // Long, link-free prose under a weak furniture name ("widget", "meta") is still
        // prose; under comments, related links or a landmark it is not.
        const prose = chars >= 150 && index.inlineLinkLen[i]! < 0.1 * chars && index.inlinePunct[i]! >= 2;
        if (prose && inStrong[i] === 0 && index.inFurniture[i] === 0) s *= 0.5;
        else s = s > 0 ? -0.3 * s : s * 1.5;
      }
    }
    block[i] = s;
  }
  sumSubtrees(index, block, subtree);
  return { block, subtree, inNegative };
}

function sumSubtrees(index: PageIndex, block: Float64Array, subtree: Float64Array): void {
  for (let i = index.elements.length - 1; i >= 0; i--) {
    if (index.hidden[i] === 1) continue;
    subtree[i] = subtree[i]! + block[i]!;
    const p = index.parent[i]!;
    if (p >= 0) subtree[p] = subtree[p]! + subtree[i]!;
  }
}

/** The element with the highest subtree score; on ties the deeper one. */
export function bestContainer(index: PageIndex, subtree: Float64Array): number {
  let best = index.bodyIndex;
  let bestScore = 0;
  const n = index.elements.length;
  for (let i = 0; i < n; i++) {
    if (index.hidden[i] === 1) continue;
    const s = subtree[i]!;
    if (s >= bestScore && s > 0) {
      // Pre-order: a later element with an equal score is a descendant or a later sibling.
      bestScore = s;
      best = i;
    }
  }
  return best;
}

export function hasPositiveSignal(index: PageIndex, i: number): boolean {
  return (index.signal[i]! & POS) !== 0;
}
