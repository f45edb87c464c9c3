import type { Sentence, TimeExpression, Token } from '../../doc/annotations.js';
import { firstIndex } from '../../doc/span.js';
import type { NewsDoc } from '../../doc/news-doc.js';
import type { Stage } from '../../pipeline/stage.js';
import { tokenize, tokenRange } from '../sentences/index.js';
import { parseAnchor } from './calendar.js';
import { findTimes } from './match.js';
import { needsTense } from './references.js';
import { resolve } from './resolve.js';
import { type Tense, tenseAround } from './tense.js';

/**
 * Time expressions in the article text: absolute dates ("Sept. 16, 2022", "16 September
 * 2022", "2022-09-16", "September 2022", "in 2001", "the 1990s") and relative ones ("on
 * Friday", "in February", "last month", "yesterday", "two days ago", "earlier this
 * month"), each with its span and text as written. Relative ones are resolved against
 * the calendar date of `metadata.published`; without it they are marked
 * `unresolved: 'no-anchor'`. See `match.ts` for what counts as a time and `resolve.ts`
 * for how each is resolved.
 */
export const timesStage: Stage = {
  id: 'times',
  version: 1,
  requires: ['text', 'sentences'],
  produces: ['times'],
  run(doc: NewsDoc): NewsDoc {
    const text = doc.text ?? '';
    const tokens = doc.layers.tokens ?? tokenize(text);
    const times = findTimeExpressions(text, tokens, doc.layers.sentences ?? [], doc.metadata.published?.value);
    doc.layers.times = times;
    const unanchored = times.filter((time) => time.unresolved === 'no-anchor').length;
    if (unanchored > 0) {
      doc.diagnostics.push({
        code: 'TIMES_NO_ANCHOR',
        severity: 'info',
        stage: 'times',
        message: `${unanchored} relative time${unanchored === 1 ? '' : 's'} (such as "${times.find((t) => t.unresolved === 'no-anchor')?.text}") could not be resolved: the article has no publication date.`,
      });
    }
    return doc;
  },
};

/**
 * The time expressions over `tokens` of `text`, resolved against `published` (an ISO
 * date or date-time) when given. `sentences` bound the tense context; without them a
 * window of tokens around each expression is read.
 */
export function findTimeExpressions(
  text: string,
  tokens: readonly Token[],
  sentences: readonly Sentence[],
  published?: string,
): TimeExpression[] {
  const anchor = parseAnchor(published);
  const found: TimeExpression[] = [];
  for (const match of findTimes(text, tokens)) {
    const start = tokens[match.from]!.start;
    const end = tokens[match.to - 1]!.end;
    let tense: Tense = 'past';
    if (anchor !== undefined && needsTense(match.reference)) {
      const [sentenceFrom, sentenceTo] = sentenceTokens(tokens, sentences, start);
      tense = tenseAround(text, tokens, match.from, match.to, sentenceFrom, sentenceTo);
    }
    found.push({ start, end, text: text.slice(start, end), ...resolve(match.reference, anchor, tense) });
  }
  return found;
}

/** The token range of the sentence holding `offset`, or the whole token list without sentences. */
function sentenceTokens(tokens: readonly Token[], sentences: readonly Sentence[], offset: number): [number, number] {
  const sentence = sentences[firstIndex(sentences, (s) => s.end > offset)];
  if (sentence === undefined || sentence.start > offset) return [0, tokens.length];
  return tokenRange(tokens, sentence);
}
