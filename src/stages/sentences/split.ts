import type { Sentence, Token } from '../../doc/annotations.js';
import {
  AbbreviationKind,
  abbreviationKind,
  isSentenceStarter,
  isShoutedSentenceStarter,
  isSpeechVerb,
  isStrictSentenceStarter,
} from './abbreviations.js';
import { isLower, isUpper } from './chars.js';

/*
 * Sentence ends over the tokens of one block. A block is always at least one sentence
 * (a headline or list item without final punctuation is one). A candidate end is a
 * period, "?" or "!", an ellipsis, or an abbreviation's period; closing quotation marks
 * and brackets right after it belong to the sentence it ends (“… direction.” | She said).
 * Whether a sentence really ends depends on what follows:
 * - after "." "?" "!": any word not in lower case ("“Stop!” he said" goes on), except
 *   "“Why?” Smith asked";
 * - after an ellipsis: only a word that usually opens a sentence ("The", "He"), an
 *   opening quote, or when a quotation closed with it ("each other... is becoming" goes on);
 * - after an abbreviation ("U.S.", "Inc.", "Sept."): only a word that usually opens a
 *   sentence ("the U.S. The talks" ends, "the U.S. Senate" does not, nor does
 *   "J. K. Rowling"); after a title ("Gen.", "St.") only before a word no name starts
 *   with ("The", "He"). In text all in capitals, where case says nothing, only before
 *   a word that nearly always opens a sentence ("IN THE U.S. ON MONDAY" goes on).
 */

/** A sentence with no end is cut at this many tokens, so no later stage meets an unbounded one. */
export const MAX_SENTENCE_TOKENS = 400;

const NOT_TERMINAL = 0;
const FULL_STOP = 1;
const ELLIPSIS = 2;
const ABBREVIATION = 3;
const NEVER_ENDS = 4;
/** A title ("St.", "Gen."): ends a sentence only before a word no name starts with ("on Baker St. The house"). */
const TITLE = 5;

/**
 * Appends the sentences of `tokens[from, to)`, the tokens of block `block`, to `out`.
 * Returns how many sentences had to be cut at `MAX_SENTENCE_TOKENS`. The indexes of
 * abbreviations whose period ends a sentence ("in the U.S." then "The") are appended
 * to `finalAbbreviations`: CoNLL-2003 writes that period as a token of its own.
 */
export function splitSentences(
  text: string,
  tokens: readonly Token[],
  from: number,
  to: number,
  block: number,
  out: Sentence[],
  finalAbbreviations: number[] = [],
): number {
  let first = from;
  let cuts = 0;
  for (let k = from; k < to; k++) {
    let boundary = -1;
    if (k > first && startsListLine(text, tokens[k]!, tokens[k - 1]!)) {
      out.push({ start: tokens[first]!.start, end: tokens[k - 1]!.end, block });
      first = k;
    }
    const terminal = terminalKind(text, tokens[k]!);
    if (terminal !== NOT_TERMINAL && terminal !== NEVER_ENDS) {
      let last = k;
      while (last + 1 < to && isCloser(text, tokens[last + 1]!, tokens[last]!)) last++;
      // A quotation mark that ends the block can open nothing: it closes this sentence.
      if (last + 2 === to && tokens[last + 1]!.kind === 'quote') last++;
      if (last + 1 < to && endsHere(text, tokens, k, last, to, terminal)) {
        boundary = last;
        if (terminal === ABBREVIATION || terminal === TITLE) finalAbbreviations.push(k);
      }
    }
    if (boundary < 0 && k - first + 1 >= MAX_SENTENCE_TOKENS) {
      boundary = cutPoint(text, tokens, first, k);
      cuts++;
    }
    if (boundary >= 0) {
      out.push({ start: tokens[first]!.start, end: tokens[boundary]!.end, block });
      first = boundary + 1;
      k = boundary;
    }
  }
  if (first < to) {
    out.push({ start: tokens[first]!.start, end: tokens[to - 1]!.end, block });
    let last = to - 1;
    while (last > first && isCloser(text, tokens[last]!, tokens[last - 1]!)) last--;
    const kind = terminalKind(text, tokens[last]!);
    if (kind === ABBREVIATION || kind === TITLE || (kind === NEVER_ENDS && tokens[last]!.kind === 'word')) {
      finalAbbreviations.push(last);
    }
  }
  return cuts;
}

/**
 * `tokens` with each word at `indexes` (in ascending order, all at or after `from`)
 * split into the word and its period: "U.S." → "U.S" ".".
 */
export function splitFinalPeriods(tokens: Token[], from: number, indexes: readonly number[]): void {
  if (indexes.length === 0) return;
  const tail = tokens.splice(from);
  let next = 0;
  for (let k = 0; k < tail.length; k++) {
    const token = tail[k]!;
    if (indexes[next] === from + k) {
      next++;
      tokens.push({ start: token.start, end: token.end - 1, kind: 'word' }, { start: token.end - 1, end: token.end, kind: 'punct' });
    } else {
      tokens.push(token);
    }
  }
}

const BULLETS = '•·*-–—▪◦‣';

/** A list marker ("2.", "•", "-") at the start of a line inside a block: a new sentence. */
function startsListLine(text: string, token: Token, previous: Token): boolean {
  const code = text.charCodeAt(token.start);
  const isMarker =
    token.kind === 'number'
      ? text.charCodeAt(token.end - 1) === 0x2e
      : token.end - token.start === 1 && BULLETS.includes(text[token.start]!);
  if (!isMarker || code === 0x2e) return false;
  for (let k = previous.end; k < token.start; k++) if (text.charCodeAt(k) === 0x0a) return true;
  return false;
}

function terminalKind(text: string, token: Token): number {
  const length = token.end - token.start;
  const last = text.charCodeAt(token.end - 1);
  if (token.kind === 'punct') {
    const firstCode = text.charCodeAt(token.start);
    if (firstCode === 0x2026) return ELLIPSIS;
    if (firstCode === 0x2e) return length === 1 ? FULL_STOP : ELLIPSIS;
    if (firstCode === 0x21 || firstCode === 0x3f) return FULL_STOP;
    return NOT_TERMINAL;
  }
  if (token.kind !== 'word' || last !== 0x2e || length < 2) return NOT_TERMINAL;
  // A word that kept its period: an initial, a dotted abbreviation or a listed one. An
  // initial ends a sentence only before a sentence opener ("vitamin D. The"), like "U.S.".
  if (length === 2) return ABBREVIATION;
  const word = text.slice(token.start, token.end - 1);
  if (word.includes('.')) return ABBREVIATION;
  const kind = abbreviationKind(word, isUpper(word.charCodeAt(0)));
  if (kind === AbbreviationKind.Title) return TITLE;
  return kind === AbbreviationKind.BeforeNumber ? NEVER_ENDS : ABBREVIATION;
}

const CLOSING_ALWAYS = new Set([0x201d, 0xbb, 0x203a, 0x300d, 0x300f]);
const CLOSING_WHEN_ATTACHED = new Set([0x22, 0x27, 0x2019, 0x29, 0x5d, 0x7d]);

/** A closing quotation mark or bracket right after the sentence end. */
function isCloser(text: string, token: Token, previous: Token): boolean {
  if (token.kind !== 'quote' && token.kind !== 'punct') return false;
  const code = text.charCodeAt(token.start);
  if (CLOSING_ALWAYS.has(code)) return true;
  return CLOSING_WHEN_ATTACHED.has(code) && isTightGap(text, previous.end, token.start);
}

/** Nothing, or only thin and no-break spaces (typographic spacing between ’ and ”). */
function isTightGap(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const code = text.charCodeAt(k);
    if (code !== 0xa0 && code !== 0x2009 && code !== 0x200a && code !== 0x202f) return false;
  }
  return true;
}

function endsHere(
  text: string,
  tokens: readonly Token[],
  terminalAt: number,
  last: number,
  to: number,
  terminal: number,
): boolean {
  const next = tokens[last + 1]!;
  const code = text.charCodeAt(next.start);
  const closedQuote = last > terminalAt;
  if (next.kind === 'punct') return code === 0x28 || code === 0x5b || code === 0x2014 || code === 0x2013;
  if (next.kind === 'quote') return true;
  if (next.kind !== 'word') return terminal === FULL_STOP || closedQuote;
  if (isLower(code)) return false;
  const word = text.slice(next.start, next.end);
  // In text all in capitals the case of the next word says nothing; its meaning decides.
  const shouted = isShouted(text, tokens, terminalAt, last + 1, to);
  if (terminal === FULL_STOP) {
    const mark = text.charCodeAt(tokens[terminalAt]!.start);
    // "the ID. SPACE VIZZION": a short name in capitals, its period, and more of the name in capitals.
    const before = tokens[terminalAt - 1];
    if (mark === 0x2e && !closedQuote && !shouted && isCapitalsName(text, before, 3) && !ENDING_ACRONYMS.has(text.slice(before!.start, before!.end)) && isCapitalsName(text, next, 24)) return false;
    if (mark === 0x2e || !closedQuote) return true;
    // “Stop!” he said; in capitals also “STOP?” WROTE CATTELAN.
    return !(speechFollows(text, tokens, last + 1, to) || (shouted && isSpeechVerb(word)));
  }
  if (closedQuote) return isUpper(code);
  if (shouted) return isShoutedSentenceStarter(word);
  return terminal === TITLE ? isStrictSentenceStarter(word) : isSentenceStarter(word);
}

/** Short acronyms that often end a sentence ("in the US. NATO said"): never read as part of a name. */
const ENDING_ACRONYMS = new Set(['US', 'UK', 'EU', 'UN', 'UAE', 'USA', 'NYC', 'DC', 'LA', 'AI', 'TV', 'PC', 'GOP', 'FBI', 'CIA', 'NFL', 'NBA']);

/** A word of 2–`max` capital letters and no lower case ("ID", "SPACE"): part of a product's or a model's name. */
function isCapitalsName(text: string, token: Token | undefined, max: number): boolean {
  if (token === undefined || token.kind !== 'word') return false;
  const length = token.end - token.start;
  if (length < 2 || length > max) return false;
  for (let i = token.start; i < token.end; i++) if (!isUpper(text.charCodeAt(i))) return false;
  return true;
}

/**
 * True when the words around an abbreviation (two before it, the next two after it)
 * are all in capitals: text set in capitals, where a capital opens no sentence.
 */
function isShouted(text: string, tokens: readonly Token[], terminalAt: number, next: number, to: number): boolean {
  let capitalWords = 0;
  const from = Math.max(0, terminalAt - 2);
  const until = Math.min(to, next + 2);
  for (let k = from; k < until; k++) {
    const token = tokens[k]!;
    if (token.kind !== 'word') continue;
    let letters = 0;
    for (let i = token.start; i < token.end; i++) {
      const code = text.charCodeAt(i);
      if (isLower(code)) return false;
      if (isUpper(code)) letters++;
    }
    if (letters > 1 && k !== terminalAt) capitalWords++;
  }
  return capitalWords >= 2;
}

/** "Smith asked", "Vice President Mike Pence said": a speaker then a speech verb. */
function speechFollows(text: string, tokens: readonly Token[], at: number, to: number): boolean {
  for (let k = at; k < to && k < at + 5; k++) {
    const token = tokens[k]!;
    const word = text.slice(token.start, token.end);
    if (isSpeechVerb(word)) return k > at;
    if (token.kind !== 'word' || !isUpper(word.charCodeAt(0))) return false;
  }
  return false;
}

/** Where to cut an over-long sentence: after the last ";", ":" or "," in its second half. */
function cutPoint(text: string, tokens: readonly Token[], first: number, at: number): number {
  for (const marks of [';:', ',']) {
    for (let k = at; k > first + (at - first) / 2; k--) {
      const token = tokens[k]!;
      if (token.kind === 'punct' && token.end - token.start === 1 && marks.includes(text[token.start]!)) return k;
    }
  }
  return at;
}
