import type { Mention } from '../../doc/annotations.js';
import type { Span } from '../../doc/span.js';
import {
  MAX_PHRASE_WORDS,
  PHRASE_FIRST_WORDS,
  PHRASE_LAST_WORDS,
  classifyPhrase,
  withoutPossessive,
  type PhraseClass,
} from './vocab.js';

/*
 * Reading words next to a position without tokenizing the whole text: the entity
 * stage only looks a few words either side of a name, so it walks characters there.
 * A word is a run of letters and digits with inner apostrophes, hyphens and periods
 * ("U.S.", "Gen.", "ex-Soviet", "leader’s"); words are separated by spaces only, so
 * punctuation or a line break ends a phrase.
 */

/** The text and the mentions indexed by where they start and end. */
export interface ScanContext {
  readonly text: string;
  readonly mentionsByStart: ReadonlyMap<number, Mention>;
  readonly mentionsByEnd: ReadonlyMap<number, Mention>;
}

export interface Word extends Span {
  readonly text: string;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function isCore(code: number, text: string, at: number): boolean {
  if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true;
  if (code < 128) return false;
  return LETTER_OR_DIGIT.test(text[at]!);
}

function isJoiner(code: number): boolean {
  // . - ' ’
  return code === 46 || code === 45 || code === 39 || code === 0x2019;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0;
}

/** The position after the spaces at `at` (never across a line break). */
export function skipSpacesRight(text: string, at: number): number {
  while (at < text.length && isSpace(text.charCodeAt(at))) at++;
  return at;
}

/** The position before the spaces ending at `at`. */
export function skipSpacesLeft(text: string, at: number): number {
  while (at > 0 && isSpace(text.charCodeAt(at - 1))) at--;
  return at;
}

/** The word starting exactly at `at`, or undefined when no letter or digit is there. */
export function wordAt(text: string, at: number): Word | undefined {
  if (at >= text.length || !isCore(text.charCodeAt(at), text, at)) return undefined;
  let end = at + 1;
  while (end < text.length) {
    const code = text.charCodeAt(end);
    if (isCore(code, text, end)) end++;
    else if (isJoiner(code) && end + 1 < text.length && isCore(text.charCodeAt(end + 1), text, end + 1)) end += 2;
    else if (code === 46) {
      end++; // a final period belongs to the word ("Gen.", "U.S."); callers decide if it ends a sentence
      break;
    } else break;
  }
  return { start: at, end, text: text.slice(at, end) };
}

/** The word ending exactly at `end` (a final period included), or undefined. */
export function wordEndingAt(text: string, end: number): Word | undefined {
  let at = end;
  if (at > 0 && text.charCodeAt(at - 1) === 46) at--;
  if (at === 0 || !isCore(text.charCodeAt(at - 1), text, at - 1)) return undefined;
  let start = at - 1;
  while (start > 0) {
    const code = text.charCodeAt(start - 1);
    if (isCore(code, text, start - 1)) start--;
    else if (isJoiner(code) && start >= 2 && isCore(text.charCodeAt(start - 2), text, start - 2)) start -= 2;
    else break;
  }
  return { start, end, text: text.slice(start, end) };
}

/** Up to `count` words leftwards from `end`, nearest first, separated by spaces only. */
export function wordsBefore(text: string, end: number, count: number): Word[] {
  const out: Word[] = [];
  let at = end;
  while (out.length < count) {
    const word = wordEndingAt(text, skipSpacesLeft(text, at));
    if (word === undefined || (out.length > 0 && word.end === at)) break;
    out.push(word);
    at = word.start;
  }
  return out;
}

/** Up to `count` words rightwards from `start`, separated by spaces only. */
export function wordsAfter(text: string, start: number, count: number): Word[] {
  const out: Word[] = [];
  let at = start;
  while (out.length < count) {
    const word = wordAt(text, skipSpacesRight(text, at));
    if (word === undefined || (out.length > 0 && word.start === at)) break;
    out.push(word);
    at = word.end;
    // A word that ends a sentence ends the phrase too.
    if (word.text.endsWith('.') && classifyPhrase(word.text) === undefined && !isInitialism(word.text)) break;
  }
  return out;
}

/** "U.S.", "U.N." */
function isInitialism(word: string): boolean {
  return /^(?:[A-Z]\.)+$/.test(word);
}

export interface Phrase extends Span {
  readonly kind: PhraseClass['kind'];
  readonly head: string | undefined;
  readonly country: string | undefined;
  readonly words: number;
}

/**
 * The longest title, country or modifier phrase made of the words given (nearest
 * first, as from `wordsBefore`/`wordsAfter`); `leftward` says in which direction they
 * run. Rightwards, a period that ends a sentence is left out of the phrase; leftwards,
 * a word with a final period is only an abbreviation ("Gen.", "U.S."), since "minister."
 * before a name ends the previous sentence.
 */
export function longestPhrase(words: readonly Word[], leftward: boolean): Phrase | undefined {
  const count = Math.min(MAX_PHRASE_WORDS, words.length);
  // phrases[n - 1] is the phrase of the n nearest words, in text order.
  const phrases: string[] = [];
  for (let n = 1; n <= count; n++) {
    const word = words[n - 1]!.text;
    phrases.push(n === 1 ? word : leftward ? `${word} ${phrases[n - 2]!}` : `${phrases[n - 2]!} ${word}`);
  }
  for (let n = count; n >= 1; n--) {
    const phrase = phrases[n - 1]!;
    const first = leftward ? words[n - 1]! : words[0]!;
    const last = leftward ? words[0]! : words[n - 1]!;
    let found = classifyPhrase(phrase);
    let end = last.end;
    if (found === undefined && !leftward && phrase.endsWith('.') && !isInitialism(last.text)) {
      found = classifyPhrase(phrase.slice(0, -1));
      end -= 1;
    }
    if (found !== undefined) return { kind: found.kind, head: found.head, country: found.country, start: first.start, end, words: n };
  }
  return undefined;
}

/** The longest phrase starting at `at` (reads more than one word only when a longer phrase may start there). */
export function phraseAfter(text: string, at: number): Phrase | undefined {
  const first = wordAt(text, at);
  if (first === undefined) return undefined;
  const lower = first.text.toLowerCase();
  const several = PHRASE_FIRST_WORDS.has(lower) || PHRASE_FIRST_WORDS.has(lower.replace(/\.$/, ''));
  return longestPhrase(several ? wordsAfter(text, at, MAX_PHRASE_WORDS) : [first], false);
}

/** The longest phrase ending at `end`, after skipping spaces leftwards. */
export function phraseBefore(text: string, end: number): Phrase | undefined {
  const last = wordEndingAt(text, skipSpacesLeft(text, end));
  if (last === undefined) return undefined;
  const lower = withoutPossessive(last.text).toLowerCase();
  return longestPhrase(PHRASE_LAST_WORDS.has(lower) ? wordsBefore(text, end, MAX_PHRASE_WORDS) : [last], true);
}
