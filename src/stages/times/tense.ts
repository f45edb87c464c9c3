import type { Token } from '../../doc/annotations.js';
import { FUTURE_MARKERS, NOT_PAST_ED, PAST_MARKERS } from './words.js';
import { isShoutedAt } from './shouted.js';

/**
 * The tense of the clause around a time expression: `past`, `future`, or
 * `past-plan` for a plan told in the past ("was due to stand down in August", "was set
 * to meet on Wednesday"), whose time may lie on either side of the publication date.
 */
export type Tense = 'past' | 'future' | 'past-plan';

/*
 * Whether a time expression sits in a clause about the future. News reports mostly
 * tell what happened, so the past is the default; the future needs a marker close by:
 * "will", "’ll", "would", "is due to", "is scheduled", "plans to", "next". The nearest
 * tense word to the left wins ("said he will travel on Friday" is future, "said on
 * Friday it will" is past); with none to the left, the nearest to the right decides
 * ("On Friday, the leaders will meet").
 */

const LOOK_LEFT = 10;
const LOOK_RIGHT = 8;

/** Words that are future markers only before "to" or "for" ("set to", "due for"). */
const NEEDS_TO = new Set(['set', 'due', 'expected', 'going', 'plan', 'plans', 'planned', 'planning', 'intends', 'hopes', 'aims']);

const PARTICIPLE_AUXILIARIES = new Set(['be', 'been', 'being', 'have', 'get']);
const BE = new Set(['is', 'are', 'was', 'were', 'be', "'s", '’s', 'been']);

function wordAt(text: string, tokens: readonly Token[], k: number): string {
  const token = tokens[k];
  return token === undefined ? '' : text.slice(token.start, token.end).toLowerCase();
}

export function tenseAround(
  text: string,
  tokens: readonly Token[],
  from: number,
  to: number,
  sentenceFrom: number,
  sentenceTo: number,
): Tense {
  for (let k = from - 1; k >= Math.max(sentenceFrom, from - LOOK_LEFT); k--) {
    const tense = tenseOf(text, tokens, k);
    if (tense !== 0) return TENSES[tense + 1]!;
  }
  // What follows decides for a sentence opener ("On Friday, the leaders will meet"); in
  // mid-sentence only up to the next comma ("according to officials on Saturday, the
  // virus may have killed" says nothing of Saturday).
  const opensSentence = from - sentenceFrom <= 2;
  for (let k = to; k < Math.min(sentenceTo, to + LOOK_RIGHT); k++) {
    if (!opensSentence && tokens[k]!.kind === 'punct' && CLAUSE_ENDS.includes(text[tokens[k]!.start]!)) break;
    const tense = tenseOf(text, tokens, k);
    if (tense !== 0) return TENSES[tense + 1]!;
  }
  return 'past';
}

/** By `tenseOf` value + 1; 0 never indexes. */
const TENSES: readonly Tense[] = ['past', 'past', 'future', 'past-plan'];

const CLAUSE_ENDS = ',;:—–(';
const MODALS = new Set(['will', 'would', 'may', 'might', 'shall', "'ll", '’ll', 'wo']);

const PAST_PLAN = 2;

/** 1 for a future marker, -1 for a past one, 2 for a plan in the past, 0 for none. */
function tenseOf(text: string, tokens: readonly Token[], k: number): number {
  const token = tokens[k]!;
  if (token.kind !== 'word') return 0;
  // Tense words are lower case; "May" and "Will" with a capital are more often names,
  // except in text set all in capitals.
  const first = text.charCodeAt(token.start);
  const capital = first >= 0x41 && first <= 0x5a;
  if (capital && !isShoutedAt(text, tokens, k)) return 0;
  const word = capital ? text.slice(token.start, token.end).toLowerCase() : text.slice(token.start, token.end);
  if (FUTURE_MARKERS.has(word) || (word === 'to' && BE.has(wordAt(text, tokens, k - 1)))) {
    const before = wordAt(text, tokens, k - 1);
    // "was set to meet", "were to vote", "was expected to pass": a plan told in the past.
    if (before === 'was' || before === 'were') return PAST_PLAN;
    // "may have killed", "would have been": a perfect, so the past.
    if (MODALS.has(word) && wordAt(text, tokens, k + 1) === 'have') return -1;
    // "is to be sentenced in June"
    if (word === 'to') return 1;
    if (!NEEDS_TO.has(word)) return 1;
    const after = wordAt(text, tokens, k + 1);
    // "due to" alone is a cause ("died due to heart failure"); "is due to" is a plan.
    if (word === 'due' && !BE.has(wordAt(text, tokens, k - 1))) return 0;
    if (after === 'to' || after === 'for' || (word === 'expected' && (after === 'in' || after === 'on' || after === 'by'))) {
      return 1;
    }
    return word === 'set' || word === 'planned' ? -1 : 0;
  }
  if (PAST_MARKERS.has(word) || (word.length > 3 && word.endsWith('ed') && !NOT_PAST_ED.has(word))) {
    // A passive or perfect participle ("will be held", "has been set") leaves the tense to its auxiliary.
    return PARTICIPLE_AUXILIARIES.has(wordAt(text, tokens, k - 1)) ? 0 : -1;
  }
  return 0;
}
