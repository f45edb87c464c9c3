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

const TOKEN = /[\p{L}\p{N}]+(?:[.'’&-][\p{L}\p{N}]+)*\.?|[^\s\p{L}\p{N}]/gu;
const ABBREVIATIONS = new Set(
  'mr mrs ms dr sen rep gov gen lt col capt sgt adm rev st jr sr prof gov. pres. sen. rep. ft mt no vs inc corp co ltd'.split(' '),
);

/**
 * The words and marks of text[start, end). A final period stays on an abbreviation or
 * initial ("Sen.", "U.S.", "J.") and is split off everything else.
 */
export function wordsIn(text: string, start: number, end: number): Word[] {
  const out: Word[] = [];
  const slice = text.slice(start, end);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(slice); m !== null; m = TOKEN.exec(slice)) {
    let raw = m[0];
    const at = start + m.index;
    if (raw.length > 1 && raw.endsWith('.')) {
      const stem = raw.slice(0, -1);
      const keep = stem.includes('.') || (stem.length === 1 && /\p{Lu}/u.test(stem)) || ABBREVIATIONS.has(stem.toLowerCase());
      if (!keep) {
        out.push(makeWord(stem, at));
        raw = '.';
        out.push(makeWord(raw, at + stem.length));
        continue;
      }
    }
    out.push(makeWord(raw, at));
  }
  return out;
}

function makeWord(raw: string, at: number): Word {
  const first = raw.charCodeAt(0);
  const isWord = /[\p{L}\p{N}]/u.test(raw[0]!);
  return {
    start: at,
    end: at + raw.length,
    text: raw,
    lower: raw.toLowerCase(),
    isWord,
    capitalised: isWord && (/\p{Lu}/u.test(raw[0]!) || (first >= 0x30 && first <= 0x39)),
  };
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
