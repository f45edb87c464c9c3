import type { Block } from '../../doc/news-doc.js';
import type { Sentence } from '../../doc/annotations.js';
import type { QuotedSpan } from './marks.js';
import { wordsIn, type Word } from './words.js';
import { CUE_VERBS, mayBeCueVerb } from './lexicon.js';
import { cuesOfBlock, type Cue } from './cues.js';
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
  /** The block's pairs of quotation marks, before its words are split. */
  readonly spans: readonly QuotedSpan[];
  readonly words: Word[];
  /** 1 for a word inside quotation marks (or a mark itself). */
  readonly quoted: readonly number[];
  /** Sentences as word ranges [first, end). */
  readonly sentences: { first: number; end: number }[];
  readonly quotes: QuotedWords[];
  /** Every cue of the block outside quotation marks, in order (ask `findCues` for a stretch). */
  readonly cues: readonly Cue[];
}

/**
 * Words, quotation masks and sentence ranges of every block, each made the first time it
 * is asked for: a paragraph with no quotation mark and no cue is split into words only
 * when a pronoun looks back into it.
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
    while (q < quoted.length && quoted[q]!.block < b) q++;
    const quotedFirst = q;
    while (q < quoted.length && quoted[q]!.block === b) q++;
    while (s < sentences.length && sentences[s]!.end <= block.start) s++;
    const sentenceFirst = s;
    while (s < sentences.length && sentences[s]!.start < block.end) s++;
    out.push(new LazyBlockContext(b, block, text, quoted.slice(quotedFirst, q), sentences.slice(sentenceFirst, s)));
  }
  return out;
}

/** True when a block holds a quotation mark pair or a word that may be a cue: the only blocks that can hold speech. */
export function mayHoldSpeech(text: string, ctx: BlockContext): boolean {
  return ctx.spans.length > 0 || hasCueWord(text, ctx.block.start, ctx.block.end);
}

/**
 * Whether text[start, end) holds a lower-case form of a cue verb, or "according"
 * ("According to …" opens sentences), as a whole word (a run of [A-Za-z0-9_], as a regular
 * expression's \b reads words). One pass by character code: most runs are ruled out by
 * their first two letters and length before any string is made.
 */
function hasCueWord(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end) {
    if (!isRegexWordChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < end && isRegexWordChar(text.charCodeAt(j))) j++;
    const length = j - i;
    if (length === ACCORDING.length && (text.startsWith(ACCORDING, i) || text.startsWith('According', i))) return true;
    if (mayBeCueVerb(text.charCodeAt(i), text.charCodeAt(i + 1), length) && CUE_VERBS.has(text.slice(i, j))) return true;
    i = j;
  }
  return false;
}

const ACCORDING = 'according';

function isRegexWordChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}

class LazyBlockContext implements BlockContext {
  private built: Pick<BlockContext, 'words' | 'quoted' | 'sentences' | 'quotes'> | undefined;
  private blockCues: Cue[] | undefined;

  constructor(
    readonly index: number,
    readonly block: Block,
    private readonly text: string,
    readonly spans: readonly QuotedSpan[],
    private readonly blockSentences: readonly Sentence[],
  ) {}

  get words(): Word[] {
    return this.build().words;
  }

  get quoted(): readonly number[] {
    return this.build().quoted;
  }

  get sentences(): { first: number; end: number }[] {
    return this.build().sentences;
  }

  get quotes(): QuotedWords[] {
    return this.build().quotes;
  }

  get cues(): readonly Cue[] {
    this.blockCues ??= cuesOfBlock(this.words, this.quoted);
    return this.blockCues;
  }

  private build(): Pick<BlockContext, 'words' | 'quoted' | 'sentences' | 'quotes'> {
    if (this.built !== undefined) return this.built;
    const { block, text } = this;
    const words = wordsIn(text, block.start, block.end);
    // A plain array: a typed array per block cost more to make than all its reads saved.
    const mask: number[] = new Array<number>(words.length).fill(0);
    const quotes: QuotedWords[] = [];
    let w = 0;
    for (const span of this.spans) {
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
    const ranges: { first: number; end: number }[] = [];
    let k = 0;
    for (const sentence of this.blockSentences) {
      while (k < words.length && words[k]!.end <= sentence.start) k++;
      const first = k;
      while (k < words.length && words[k]!.start < sentence.end) k++;
      if (k > first) ranges.push({ first, end: k });
    }
    if (ranges.length === 0 && words.length > 0) ranges.push({ first: 0, end: words.length });
    this.built = { words, quoted: mask, sentences: ranges, quotes };
    return this.built;
  }
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
