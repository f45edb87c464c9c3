import type { Sentence, Token } from '../../doc/annotations.js';
import { firstIndex, type Span } from '../../doc/span.js';
import type { NewsDoc } from '../../doc/news-doc.js';
import type { Stage } from '../../pipeline/stage.js';
import { MAX_SENTENCE_TOKENS, splitFinalPeriods, splitSentences } from './split.js';
import { tokenizeInto } from './tokenize.js';

export { tokenize, tokenizeInto } from './tokenize.js';
export { MAX_SENTENCE_TOKENS } from './split.js';
export { blocksWithinBudget, UNDERSTAND_MAX_CHARS, type BlockBudget } from './budget.js';

/**
 * Tokens and sentences over the article text, block by block, so that no sentence
 * crosses a block (a headline never runs into the first paragraph). As in CoNLL-2003,
 * a period that ends a sentence is a token of its own even after an abbreviation
 * ("in the U.S." at the end of a sentence gives "U.S" and "."). Without blocks the
 * whole text is read as one block, numbered -1. See `tokenize.ts` for the token
 * conventions and `split.ts` for where sentences end.
 */
export const sentencesStage: Stage = {
  id: 'sentences',
  version: 1,
  requires: ['text', 'blocks'],
  produces: ['sentences', 'tokens'],
  run(doc: NewsDoc): NewsDoc {
    const { tokens, sentences, cuts } = segment(doc.text ?? '', doc.layers.blocks ?? []);
    doc.layers.tokens = tokens;
    doc.layers.sentences = sentences;
    if (cuts > 0) {
      doc.diagnostics.push({
        code: 'SENTENCES_CUT',
        severity: 'warning',
        stage: 'sentences',
        message: `${cuts} stretch${cuts === 1 ? '' : 'es'} of text ran past ${MAX_SENTENCE_TOKENS} tokens without a sentence end and ${cuts === 1 ? 'was' : 'were'} cut.`,
      });
    }
    return doc;
  },
};

export interface Segmentation {
  readonly tokens: Token[];
  readonly sentences: Sentence[];
  /** How many sentences ran past `MAX_SENTENCE_TOKENS` without an end and were cut. */
  readonly cuts: number;
}

/** Tokens and sentences of `text`, block by block (blocks in text order). */
export function segment(text: string, blocks: readonly Span[]): Segmentation {
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let cuts = 0;
  const finalAbbreviations: number[] = [];
  if (blocks.length === 0) {
    tokenizeInto(text, 0, text.length, tokens);
    cuts += splitSentences(text, tokens, 0, tokens.length, -1, sentences, finalAbbreviations);
    splitFinalPeriods(tokens, 0, finalAbbreviations);
    return { tokens, sentences, cuts };
  }
  let covered = 0;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    // Overlapping or out-of-order blocks would give overlapping tokens: read each stretch once.
    const start = Math.max(block.start, covered);
    const end = Math.min(block.end, text.length);
    if (end <= start) continue;
    const from = tokens.length;
    tokenizeInto(text, start, end, tokens);
    cuts += splitSentences(text, tokens, from, tokens.length, b, sentences, finalAbbreviations);
    splitFinalPeriods(tokens, from, finalAbbreviations);
    finalAbbreviations.length = 0;
    covered = end;
  }
  return { tokens, sentences, cuts };
}

/**
 * The tokens inside `span`, as a half-open index range [from, to) into `tokens`
 * (which must be in text order), found by binary search.
 */
export function tokenRange(tokens: readonly Token[], span: Span): [number, number] {
  const from = firstIndex(tokens, (token) => token.end > span.start);
  return [from, Math.max(from, firstIndex(tokens, (token) => token.start >= span.end))];
}
