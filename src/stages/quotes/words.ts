/** A word or punctuation mark of a stretch of text, with its offsets in the article text. */
export interface Word {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Lower-cased text, for lexicon lookups. */
  readonly lower: string;
  readonly isWord: boolean;
  /** Starts with an upper-case letter or a digit ("Putin", "U.S.", "2016"). */
  readonly capitalised: boolean;
}

const ABBREVIATIONS = new Set(
  'mr mrs ms dr sen rep gov gen lt col capt sgt adm rev st jr sr prof pres ft mt no vs inc corp co ltd'.split(' '),
);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const UPPER = /\p{Lu}/u;

/** Letter or digit: ASCII by code, anything else by Unicode property (rare in English news). */
function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  if (c >= 0x2000 && c <= 0x206f) return false;
  return LETTER_OR_DIGIT.test(text[i]!);
}

/** A letter or digit, by code point: ASCII by range, anything else by Unicode property. */
export function isLetterOrDigit(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
  return LETTER_OR_DIGIT.test(String.fromCodePoint(c));
}

/** An upper-case letter or a digit, by code point. */
export function isUpperOrDigit(c: number): boolean {
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
  return UPPER_OR_DIGIT.test(String.fromCodePoint(c));
}

const UPPER_OR_DIGIT = /[\p{Lu}\p{N}]/u;

function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x3000 || c === 0x2028 || c === 0x2029;
}

/**
 * The words and marks of text[start, end): a word is letters and digits joined by
 * . ' ’ & - ("U.S", "Russia’s", "co-founder"); a final period stays on an abbreviation
 * or initial ("Sen.", "U.S.", "J.") and is split off everything else. One pass, by
 * character code.
 */
export function wordsIn(text: string, start: number, end: number): Word[] {
  const out: Word[] = [];
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (!isWordChar(text, i)) {
      out.push(makeWord(text[i]!, i, false, false));
      i++;
      continue;
    }
    let j = i + 1;
    // Whether any letter may change when lower-cased: most words have none, and need no lower-cased copy.
    let cased = (c >= 0x41 && c <= 0x5a) || c >= 0x80;
    for (;;) {
      for (; j < end; j++) {
        const d = text.charCodeAt(j);
        if ((d >= 0x61 && d <= 0x7a) || (d >= 0x30 && d <= 0x39)) continue;
        if (!isWordChar(text, j)) break;
        if ((d >= 0x41 && d <= 0x5a) || d >= 0x80) cased = true;
      }
      const joiner = text.charCodeAt(j);
      if (j + 1 < end && (joiner === 0x2e || joiner === 0x27 || joiner === 0x2019 || joiner === 0x26 || joiner === 0x2d) && isWordChar(text, j + 1)) {
        j++; // past the joiner; the letter after it is read (and its case noted) by the loop
        continue;
      }
      break;
    }
    if (j < end && text.charCodeAt(j) === 0x2e) {
      const stem = text.slice(i, j);
      if (stem.includes('.') || (stem.length === 1 && UPPER.test(stem)) || ABBREVIATIONS.has(stem.toLowerCase())) j++;
    }
    out.push(makeWord(text.slice(i, j), i, true, cased));
    i = j;
  }
  return out;
}

function makeWord(raw: string, at: number, isWord: boolean, cased: boolean): Word {
  const first = raw.charCodeAt(0);
  const capitalised = isWord && ((first >= 0x41 && first <= 0x5a) || (first >= 0x30 && first <= 0x39) || (first >= 0x80 && UPPER.test(raw[0]!)));
  // Marks and words already in lower case are their own lower-cased copy: no copy to make (and collect).
  return { start: at, end: at + raw.length, text: raw, lower: cased ? raw.toLowerCase() : raw, isWord, capitalised };
}

/** Number of word tokens in text[start, end): cheap, no allocation per word. */
export function countWords(text: string, start: number, end: number): number {
  let count = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const wordChar = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ||
      (c >= 0xc0 && !(c >= 0x2000 && c <= 0x206f) && c !== 0x3000);
    const joiner = c === 0x27 || c === 0x2019 || c === 0x2d;
    if (wordChar) {
      if (!inWord) count++;
      inWord = true;
    } else if (!(inWord && joiner)) {
      inWord = false;
    }
  }
  return count;
}
