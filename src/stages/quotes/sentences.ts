import type { Sentence } from '../../doc/annotations.js';
import type { Span } from '../../doc/span.js';

const NO_BREAK_AFTER = new Set(
  'mr mrs ms dr sen rep gov gen lt col capt sgt adm rev st jr sr prof pres sept jan feb aug oct nov dec no vs'.split(' '),
);

/**
 * A plain sentence split, used only when no sentence layer is there: a break after
 * . ! ? (and any closing quotation marks or brackets) before a capital, digit or opening
 * mark, except after a title abbreviation, an initial or a dotted abbreviation ("U.S.").
 */
export function fallbackSentences(text: string, blocks: readonly Span[]): Sentence[] {
  const out: Sentence[] = [];
  for (let b = 0; b < blocks.length; b++) {
    const { start, end } = blocks[b]!;
    let sentenceStart = start;
    for (let i = start; i < end; i++) {
      const c = text[i]!;
      if (c !== '.' && c !== '!' && c !== '?') continue;
      let j = i + 1;
      while (j < end && /[.!?”"’')\]»]/u.test(text[j]!)) j++;
      if (j >= end || !/\s/u.test(text[j]!)) continue;
      let k = j;
      while (k < end && /\s/u.test(text[k]!)) k++;
      if (k >= end || !/[\p{Lu}\p{N}“"‘'«(]/u.test(text[k]!)) continue;
      if (c === '.' && j === i + 1 && isAbbreviation(text, sentenceStart, i)) continue;
      out.push({ start: sentenceStart, end: j, block: b });
      sentenceStart = k;
      i = k - 1;
    }
    if (sentenceStart < end) out.push({ start: sentenceStart, end: trimmedEnd(text, sentenceStart, end), block: b });
  }
  return out;
}

function isAbbreviation(text: string, from: number, period: number): boolean {
  let w = period;
  while (w > from && /[\p{L}.]/u.test(text[w - 1]!)) w--;
  const word = text.slice(w, period);
  if (word.length === 1 && /\p{Lu}/u.test(word)) return true;
  if (word.includes('.')) return true;
  return NO_BREAK_AFTER.has(word.toLowerCase());
}

function trimmedEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/u.test(text[e - 1]!)) e--;
  return e;
}
