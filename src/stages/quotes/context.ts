import type { Block } from '../../doc/news-doc.js';
import type { Sentence } from '../../doc/annotations.js';
import type { QuotedSpan } from './marks.js';
import { wordsIn, type Word } from './words.js';
import { firstIndex } from '../../doc/span.js';

/** A quoted span with the words it holds. */
export interface QuotedWords {
  readonly span: QuotedSpan;
  /** Index of the opening mark's first word ('' is two words). */
  readonly openWord: number;
  /** Index of the first word inside the marks and one past the last. */
  readonly first: number;
  readonly end: number;
}

/** One block ready for attribution: its words, which of them are quoted, its sentences. */
export interface BlockContext {
  readonly index: number;
  readonly block: Block;
  readonly words: Word[];
  /** 1 for a word inside quotation marks (or a mark itself). */
  readonly quoted: Uint8Array;
  /** Sentences as word ranges [first, end). */
  readonly sentences: { first: number; end: number }[];
  readonly quotes: QuotedWords[];
}

/**
 * Words, quotation masks and sentence ranges of every block: one pass over each block's
 * text, so later steps only index arrays.
 */
export function blockContexts(
  text: string,
  blocks: readonly Block[],
  sentences: readonly Sentence[],
  quoted: readonly QuotedSpan[],
): BlockContext[] {
  const out: BlockContext[] = [];
  let q = 0;
  let s = 0;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    const words = wordsIn(text, block.start, block.end);
    const mask = new Uint8Array(words.length);
    const quotes: QuotedWords[] = [];
    while (q < quoted.length && quoted[q]!.block < b) q++;
    let w = 0;
    for (; q < quoted.length && quoted[q]!.block === b; q++) {
      const span = quoted[q]!;
      while (w < words.length && words[w]!.start < span.open) w++;
      const double = w > 0 && words[w]?.start === span.open && words[w]!.text === "'" && words[w - 1]!.text === "'" && words[w - 1]!.end === span.open;
      const markIndex = double ? w - 1 : w;
      const first = words[w]?.start === span.open ? w + 1 : w;
      let end = first;
      while (end < words.length && words[end]!.start < span.close) end++;
      for (let k = markIndex; k < end; k++) mask[k] = 1;
      if (end < words.length && words[end]!.start === span.close) mask[end] = 1;
      quotes.push({ span, openWord: markIndex, first, end });
      w = end;
    }
    while (s < sentences.length && sentences[s]!.end <= block.start) s++;
    const ranges: { first: number; end: number }[] = [];
    let k = 0;
    for (; s < sentences.length && sentences[s]!.start < block.end; s++) {
      const sentence = sentences[s]!;
      while (k < words.length && words[k]!.end <= sentence.start) k++;
      const first = k;
      while (k < words.length && words[k]!.start < sentence.end) k++;
      if (k > first) ranges.push({ first, end: k });
    }
    if (ranges.length === 0 && words.length > 0) ranges.push({ first: 0, end: words.length });
    out.push({ index: b, block, words, quoted: mask, sentences: ranges, quotes });
  }
  return out;
}

/** The sentence (word range) holding word `index`, by binary search; undefined between sentences. */
export function sentenceAt(ctx: BlockContext, index: number): { first: number; end: number } | undefined {
  const range = ctx.sentences[firstIndex(ctx.sentences, (sentence) => sentence.end > index)];
  return range !== undefined && range.first <= index ? range : undefined;
}

/** The sentences (as one word range) holding the words from index `from` to index `last`. */
export function sentenceRange(ctx: BlockContext, from: number, last: number): { first: number; end: number } {
  const first = sentenceAt(ctx, from)?.first ?? 0;
  const end = sentenceAt(ctx, last)?.end ?? ctx.words.length;
  return { first, end: Math.max(end, first) };
}
