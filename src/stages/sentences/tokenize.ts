import type { Token, TokenKind } from '../../doc/annotations.js';
import { AbbreviationKind, abbreviationKind } from './abbreviations.js';
import {
  DIGIT,
  HIGH_SURROGATE,
  LETTER,
  PUNCT,
  QUOTE,
  SYMBOL,
  WHITESPACE,
  classOf,
  classOfCodePoint,
  isApostrophe,
  isDigit,
  isJoiningHyphen,
  isLetterOrDigit,
  isLower,
  isUpper,
} from './chars.js';
import { urlEndAt } from './urls.js';

/*
 * Tokens close to the CoNLL-2003 / Penn Treebank conventions the entity tagger was
 * trained on: punctuation split off; "'s", "'re", "n't" split ("do" "n't"); hyphenated
 * words, decimals ("3.5"), grouped numbers ("1,000"), dates ("2022-09-16"), scores
 * ("6-4") and fractions ("1/2") whole; abbreviations and initials keep their period
 * ("U.S.", "Gen.", "J."); "$" and "%" apart from the number ("$" "5", "50" "%") but
 * "US$" whole; URLs and e-mail addresses one token; an ellipsis one token. A period
 * that may end a sentence is only attached to a known abbreviation: the sentence
 * splitter decides whether "U.S." closes its sentence.
 */

/** Tokens of `text` between `start` and `end` (UTF-16 offsets), in order. */
export function tokenize(text: string, start = 0, end: number = text.length): Token[] {
  const out: Token[] = [];
  tokenizeInto(text, Math.max(0, start), Math.min(end, text.length), out);
  return out;
}

/** Appends the tokens of `text` between `start` and `end` to `out`. */
export function tokenizeInto(text: string, start: number, end: number, out: Token[]): void {
  let i = start;
  while (i < end) {
    const code = text.charCodeAt(i);
    const cls = classOf(code);
    if (cls === WHITESPACE) {
      i++;
    } else if (cls === LETTER || cls === DIGIT) {
      const urlEnd = (code | 0x20) === 0x68 || (code | 0x20) === 0x77 ? urlEndAt(text, i, end) : 0;
      if (urlEnd > 0) {
        out.push({ start: i, end: urlEnd, kind: 'url' });
        i = urlEnd;
      } else {
        i = scanWord(text, i, end, out);
      }
    } else if (cls === HIGH_SURROGATE) {
      // A pair cut by the end of the range is read as a lone unit, so no token crosses `end`.
      const codePoint = i + 1 < end ? text.codePointAt(i)! : code;
      if (codePoint > 0xffff && classOfCodePoint(codePoint) !== SYMBOL) {
        i = scanWord(text, i, end, out);
      } else {
        const width = codePoint > 0xffff ? 2 : 1;
        out.push({ start: i, end: i + width, kind: 'symbol' });
        i += width;
      }
    } else if (cls === QUOTE) {
      i = scanQuote(text, i, start, end, out);
    } else {
      i = scanPunct(text, i, end, code, cls, out);
    }
  }
}

const CLITICS = new Set(['s', 're', 've', 'll', 'd', 'm']);
const COMMON_TLDS = new Set(['com', 'org', 'net', 'gov', 'edu', 'int', 'mil', 'info', 'biz', 'io', 'uk', 'co']);

/** A word or number starting at `begin`; returns where it ends (after any period it keeps). */
function scanWord(text: string, begin: number, end: number, out: Token[], from = begin): number {
  let j = from;
  let segmentStart = begin;
  let segmentLetters = true;
  let shortDotted = true;
  let hasDot = false;
  let hasAt = false;
  let lastApostrophe = -1;
  for (;;) {
    while (j < end) {
      const k = classOf(text.charCodeAt(j));
      if (k === LETTER) j++;
      else if (k === DIGIT) {
        segmentLetters = false;
        j++;
      } else if (k === HIGH_SURROGATE && j + 1 < end && classOfCodePoint(text.codePointAt(j)!) !== SYMBOL) {
        j += 2;
      } else break;
    }
    if (j + 1 >= end || j === begin) break;
    const c = text.charCodeAt(j);
    const next = text.charCodeAt(j + 1);
    const previous = text.charCodeAt(j - 1);
    if (c === 0x2e) {
      // "U.S", "a.m", "3.5", "example.com" continue; "said.The" (a missing space) does not.
      const shortLetters = segmentLetters && j - segmentStart <= 2;
      if (isJoiningHyphen(next) && j + 2 < end && classOf(text.charCodeAt(j + 2)) === LETTER &&
        keepsPeriod(text, begin, j, end, hasDot && shortDotted && shortLetters, segmentStart)) {
        shortDotted = false; // "U.S.-led", "Mo.-based": one word, as in CoNLL-2003
        segmentStart = j + 2;
        j += 2;
        continue;
      }
      if (!isLetterOrDigit(next)) break;
      if (!(shortLetters || (isDigit(previous) && isDigit(next)) || isLower(next) || isShoutedTld(text, j + 1, end))) break;
      if (!shortLetters) shortDotted = false;
      hasDot = true;
      segmentStart = j + 1;
      segmentLetters = true;
      j++;
    } else if (c === 0x2c && isDigit(previous) && isThousands(text, j + 1, end)) {
      segmentLetters = false;
      j++;
    } else if (isJoiningHyphen(c) && isLetterOrDigit(next)) {
      // Each part of a hyphenated word is read afresh: "aid-U.N." keeps its period.
      hasDot = false;
      shortDotted = true;
      segmentStart = j + 1;
      segmentLetters = true;
      j++;
    } else if (isApostrophe(c) && classOf(next) === LETTER) {
      lastApostrophe = j;
      shortDotted = false;
      j++;
    } else if (c === 0x40 && !hasAt && isLetterOrDigit(next)) {
      hasAt = true;
      j++;
    } else if ((c === 0x3a || c === 0x2f) && isDigit(previous) && isDigit(next)) {
      j++; // "10:30", "1/2", "9/11"
    } else if (c === 0x26 && isUpper(previous) && isUpper(next)) {
      j++; // "AT&T", "S&P"
    } else break;
  }

  if (hasAt) {
    out.push({ start: begin, end: j, kind: 'url' });
    return j;
  }
  const first = text.charCodeAt(from);
  const kind: TokenKind = isDigit(first) || classOf(first) === DIGIT ? 'number' : 'word';
  if (j < end && text.charCodeAt(j) === 0x24 && j - begin <= 3 && isAllUpper(text, begin, j)) {
    out.push({ start: begin, end: j + 1, kind: 'symbol' }); // "US$", "HK$"
    return j + 1;
  }
  if (lastApostrophe > begin) {
    const split = cliticStart(text, begin, lastApostrophe, j);
    if (split > begin) {
      out.push({ start: begin, end: split, kind });
      out.push({ start: split, end: j, kind: 'word' });
      return j;
    }
  }
  if (kind === 'number' && isListNumber(text, begin, j, end)) {
    out.push({ start: begin, end: j + 1, kind: 'number' }); // "1." opening a ranked list line
    return j + 1;
  }
  if (j < end && text.charCodeAt(j) === 0x2e && keepsPeriod(text, begin, j, end, hasDot && shortDotted, segmentStart)) {
    out.push({ start: begin, end: j + 1, kind: 'word' });
    return j + 1;
  }
  const isDomain = hasDot && !shortDotted && segmentLetters && j - segmentStart <= 4 &&
    COMMON_TLDS.has(text.slice(segmentStart, j).toLowerCase());
  out.push({ start: begin, end: j, kind: isDomain ? 'url' : kind });
  return j;
}

/** "COM" in "ZNAK.COM": a common top-level domain in capitals, then no more letters. */
function isShoutedTld(text: string, at: number, end: number): boolean {
  let stop = at;
  while (stop < end && stop - at <= 4 && isUpper(text.charCodeAt(stop))) stop++;
  if (stop - at < 2 || stop - at > 4 || (stop < end && isLetterOrDigit(text.charCodeAt(stop)))) return false;
  return COMMON_TLDS.has(text.slice(at, stop).toLowerCase());
}

/** A number of up to 3 digits with a period, then a space, at the start of a line: "1. Smith (U.S.)". */
function isListNumber(text: string, begin: number, end: number, textEnd: number): boolean {
  if (end - begin > 3 || end + 1 >= textEnd || text.charCodeAt(end) !== 0x2e || text.charCodeAt(end + 1) !== 0x20) {
    return false;
  }
  if (begin > 0 && text.charCodeAt(begin - 1) !== 0x0a) return false;
  for (let k = begin; k < end; k++) if (!isDigit(text.charCodeAt(k))) return false;
  return true;
}

/** Three digits and no fourth: the group after a thousands comma. */
function isThousands(text: string, at: number, end: number): boolean {
  if (at + 3 > end) return false;
  if (!isDigit(text.charCodeAt(at)) || !isDigit(text.charCodeAt(at + 1)) || !isDigit(text.charCodeAt(at + 2))) {
    return false;
  }
  return at + 3 === end || !isDigit(text.charCodeAt(at + 3));
}

function isAllUpper(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isUpper(text.charCodeAt(k))) return false;
  return true;
}

/** Where a clitic ("'s", "'re", "n't") starts in the word, or -1 when it has none. */
function cliticStart(text: string, begin: number, apostrophe: number, end: number): number {
  const tail = end - apostrophe - 1;
  if (tail === 1 && (text.charCodeAt(end - 1) | 0x20) === 0x74 && apostrophe - 1 > begin &&
    (text.charCodeAt(apostrophe - 1) | 0x20) === 0x6e) {
    return apostrophe - 1; // "do" "n't", "ca" "n't"
  }
  if (tail <= 2 && CLITICS.has(text.slice(apostrophe + 1, end).toLowerCase())) return apostrophe;
  return -1;
}

/**
 * Whether the period after the word at [begin, end) belongs to it: dotted
 * abbreviations ("U.S", "a.m"), initials ("J"), and listed abbreviations.
 */
function keepsPeriod(
  text: string,
  begin: number,
  end: number,
  textEnd: number,
  dotted: boolean,
  lastSegment: number,
): boolean {
  if (end + 1 < textEnd && text.charCodeAt(end + 1) === 0x2e) return false; // an ellipsis follows
  const lastCode = text.charCodeAt(end - 1);
  if (classOf(lastCode) !== LETTER) return false;
  if (dotted) return end - lastSegment <= 2;
  if (end - begin === 1) return isUpper(lastCode);
  if (end - begin > 7) return false;
  const kind = abbreviationKind(text.slice(begin, end), isUpper(text.charCodeAt(begin)));
  if (kind === 0) return false;
  if (kind === AbbreviationKind.BeforeNumber) return nextNonSpaceIsDigit(text, end + 1, textEnd);
  return true;
}

function nextNonSpaceIsDigit(text: string, at: number, end: number): boolean {
  let k = at;
  while (k < end && text.charCodeAt(k) === 0x20) k++;
  return k < end && isDigit(text.charCodeAt(k));
}

/** A quotation mark, "''" as one mark, or an apostrophe opening "'s" or "'90s". */
function scanQuote(text: string, i: number, start: number, end: number, out: Token[]): number {
  const code = text.charCodeAt(i);
  if (isApostrophe(code)) {
    // "'s" after a token it belongs to ("U.S.'s"), not after a space.
    if (i > start && classOf(text.charCodeAt(i - 1)) !== WHITESPACE) {
      let k = i + 1;
      while (k < end && classOf(text.charCodeAt(k)) === LETTER && k - i <= 3) k++;
      if (k > i + 1 && (k === end || !isLetterOrDigit(text.charCodeAt(k))) &&
        CLITICS.has(text.slice(i + 1, k).toLowerCase())) {
        out.push({ start: i, end: k, kind: 'word' });
        return k;
      }
    }
    // "'90s"
    if (i + 2 < end && isDigit(text.charCodeAt(i + 1)) && isDigit(text.charCodeAt(i + 2)) &&
      (i + 3 === end || !isDigit(text.charCodeAt(i + 3)))) {
      const stop = i + 3 < end && text.charCodeAt(i + 3) === 0x73 ? i + 4 : i + 3;
      if (stop === end || !isLetterOrDigit(text.charCodeAt(stop))) {
        out.push({ start: i, end: stop, kind: 'number' });
        return stop;
      }
    }
  }
  if ((code === 0x27 || code === 0x60) && i + 1 < end && text.charCodeAt(i + 1) === code) {
    out.push({ start: i, end: i + 2, kind: 'quote' }); // '' and ``
    return i + 2;
  }
  out.push({ start: i, end: i + 1, kind: 'quote' });
  return i + 1;
}

const PERIOD = 0x2e;

/** Punctuation and symbols: runs of dots, dashes, "?!" are one token each. */
function scanPunct(text: string, i: number, end: number, code: number, cls: number, out: Token[]): number {
  let stop = i + 1;
  if (code === PERIOD) {
    // ".596", a decimal without its leading zero, when nothing is attached before it.
    if (startsSignedNumber(text, i, end)) return scanWord(text, i, end, out, stop);
    while (stop < end && text.charCodeAt(stop) === PERIOD) stop++;
    if (stop === i + 1 && isSpacedEllipsis(text, i, end)) stop = i + 5;
  } else if (code === 0x2b && startsSignedNumber(text, i, end)) {
    return scanWord(text, i, end, out, stop); // "+0.435", "+44" as in CoNLL-2003
  } else if (code === 0x21 || code === 0x3f) {
    while (stop < end && (text.charCodeAt(stop) === 0x21 || text.charCodeAt(stop) === 0x3f)) stop++;
  } else if (code === 0x2d || code === 0x2013 || code === 0x2014 || code === 0x2015) {
    while (stop < end && text.charCodeAt(stop) === code) stop++;
  }
  out.push({ start: i, end: stop, kind: cls === PUNCT ? 'punct' : 'symbol' });
  return stop;
}

/** A mark at `i` with a digit after it and nothing attached before it. */
function startsSignedNumber(text: string, i: number, end: number): boolean {
  return i + 1 < end && isDigit(text.charCodeAt(i + 1)) && (i === 0 || classOf(text.charCodeAt(i - 1)) === WHITESPACE);
}

/** ". . ." */
function isSpacedEllipsis(text: string, i: number, end: number): boolean {
  return (
    i + 4 < end &&
    text.charCodeAt(i + 1) === 0x20 &&
    text.charCodeAt(i + 2) === PERIOD &&
    text.charCodeAt(i + 3) === 0x20 &&
    text.charCodeAt(i + 4) === PERIOD
  );
}
