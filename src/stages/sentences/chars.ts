/*
 * Character classes for the tokenizer, looked up from a table filled on first use:
 * a Unicode property regex per code unit would dominate the tokenizer's cost, while a
 * table lookup is one array read. Astral characters (surrogate pairs) are classified
 * by code point through `classOfCodePoint`.
 */

export const WHITESPACE = 1;
export const LETTER = 2;
export const DIGIT = 3;
export const QUOTE = 4;
export const PUNCT = 5;
export const SYMBOL = 6;
export const HIGH_SURROGATE = 7;

const CLASS_MASK = 0x0f;
const UPPER_FLAG = 0x10;
const LOWER_FLAG = 0x20;
const UNKNOWN = 0xff;

/**
 * Quotation marks of every common style. The ASCII apostrophe and the right single
 * quotation mark are also apostrophes; the tokenizer keeps them inside words.
 */
const QUOTE_CHARS = '"\'`“”‘’«»„‚‹›‟‛〝〞＂＇「」『』';

const table = new Uint8Array(0x10000).fill(UNKNOWN);

const LETTER_RE = /[\p{L}\p{M}]/u;
const NUMBER_RE = /\p{N}/u;
const SPACE_RE = /[\s\p{Cc}\u200B\uFEFF]/u;
const FORMAT_RE = /\p{Cf}/u;
const PUNCT_RE = /\p{P}/u;
const UPPER_RE = /[\p{Lu}\p{Lt}]/u;
const LOWER_RE = /\p{Ll}/u;

/** ASCII marks that are symbols to the tagger rather than punctuation ("50" "%", "$" "5"). */
const ASCII_SYMBOLS = '%&@#*+=<>^|~$\\';

function classify(char: string): number {
  if (QUOTE_CHARS.includes(char)) return QUOTE;
  if (ASCII_SYMBOLS.includes(char)) return SYMBOL;
  if (SPACE_RE.test(char)) return WHITESPACE;
  if (LETTER_RE.test(char)) {
    if (UPPER_RE.test(char)) return LETTER | UPPER_FLAG;
    if (LOWER_RE.test(char)) return LETTER | LOWER_FLAG;
    return LETTER;
  }
  if (NUMBER_RE.test(char)) return DIGIT;
  // Soft hyphens, joiners and direction marks sit inside words; they must not split them.
  if (FORMAT_RE.test(char)) return LETTER;
  if (PUNCT_RE.test(char)) return PUNCT;
  return SYMBOL;
}

function entry(code: number): number {
  let value = table[code]!;
  if (value === UNKNOWN) {
    value = code >= 0xd800 && code <= 0xdbff ? HIGH_SURROGATE : classify(String.fromCharCode(code));
    table[code] = value;
  }
  return value;
}

/** The class of one UTF-16 code unit (a lone low surrogate is a symbol). */
export function classOf(code: number): number {
  return entry(code) & CLASS_MASK;
}

/** True for an upper-case or title-case letter. */
export function isUpper(code: number): boolean {
  return (entry(code) & UPPER_FLAG) !== 0;
}

/** True for a lower-case letter. */
export function isLower(code: number): boolean {
  return (entry(code) & LOWER_FLAG) !== 0;
}

/** The class of an astral character, by code point (letters and numbers continue words). */
export function classOfCodePoint(codePoint: number): number {
  const char = String.fromCodePoint(codePoint);
  if (LETTER_RE.test(char)) return LETTER;
  if (NUMBER_RE.test(char)) return DIGIT;
  return SYMBOL;
}

export function isLetterOrDigit(code: number): boolean {
  const cls = entry(code) & CLASS_MASK;
  return cls === LETTER || cls === DIGIT;
}

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Apostrophes that may sit inside a word ("O'Brien", "don’t"). */
export function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019;
}

/** Hyphens that join the parts of a word ("ex-Soviet", "COVID-19"). */
export function isJoiningHyphen(code: number): boolean {
  return code === 0x2d || code === 0x2010 || code === 0x2011;
}
