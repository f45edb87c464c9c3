import type { EntityType } from '../../doc/annotations.js';
import { COUNTRY_ALIASES } from '../../rules/lexicons/countries.js';
import { classifyPhrase, firstNameGender, honorificGender, withoutPossessive, type Gender } from './vocab.js';

/** A mention's text read as a name: what is compared when grouping mentions. */
export interface NameInfo {
  /** Lower-case words of the bare name, without honorific, title, possessive or "Jr." ("vladimir putin"). */
  readonly tokens: readonly string[];
  /** `tokens` joined by one space; countries' short forms map to the country ("u.s." → "united states"). */
  readonly key: string;
  /** The bare name as written: a substring of the mention text ("Biden" in "Mr. Biden's"). */
  readonly display: string;
  /** Where `display` starts in the mention text. */
  readonly displayStart: number;
  /** Gender told by an honorific inside the mention ("Mrs. May"). */
  readonly gender?: Gender;
  /** Length of a title the tagger kept inside the mention ("President" in "President Putin"). */
  readonly inlineTitleEnd?: number;
}

const GENERATION_SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv']);

interface Piece {
  readonly text: string;
  readonly start: number;
}

function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  for (const match of text.matchAll(/\S+/g)) out.push({ text: match[0], start: match.index });
  return out;
}

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/**
 * Reads a mention as a name. People lose honorifics and any title the tagger left
 * inside the mention ("Mr.", "President"); every name loses a leading "the" and a
 * final possessive, so "the Kremlin's" and "Kremlin" compare equal.
 */
export function parseName(text: string, type: EntityType): NameInfo {
  let words = pieces(text);
  let gender: Gender | undefined;
  let inlineTitleEnd: number | undefined;
  if (words.length > 1 && /^the$/i.test(words[0]!.text)) words = words.slice(1);
  if (type === 'PER') {
    let lastTitle = -1;
    for (let i = 0; i < words.length - 1; i++) {
      const word = words[i]!.text;
      const honorific = honorificGender(word);
      if (honorific !== undefined) {
        if (honorific !== 'none') gender = honorific;
        continue;
      }
      const found = isCapitalised(word) ? classifyPhrase(word) : undefined;
      if (found === undefined) break;
      if (found.kind === 'head') lastTitle = i;
    }
    // The bare name starts after the last title and any honorific that follows it.
    let first = lastTitle + 1;
    // "Mayor of London Sadiq Khan": the title's complement runs to a known given name, else to the last two words.
    if (lastTitle >= 0 && words[first]?.text === 'of' && words.length - first >= 3) {
      const given = words.findIndex((word, k) => k > first + 1 && k < words.length - 1 && firstNameGender(word.text) !== undefined);
      first = given > 0 ? given : Math.max(first + 2, words.length - 2);
      lastTitle = first - 1;
    }
    if (lastTitle >= 0) inlineTitleEnd = words[lastTitle]!.start + words[lastTitle]!.text.length;
    while (first < words.length - 1 && honorificGender(words[first]!.text) !== undefined) first++;
    words = words.slice(first);
  }
  if (words.length === 0) return { tokens: [], key: '', display: '', displayStart: 0 };
  const lastPiece = words[words.length - 1]!;
  const lastBare = withoutPossessive(lastPiece.text);
  const displayStart = words[0]!.start;
  const displayEnd = lastPiece.start + lastBare.length;
  const display = text.slice(displayStart, displayEnd);
  let tokens = display
    .split(/\s+/)
    .filter((word) => word !== '')
    .map((word) => word.toLowerCase().replace(/’/g, "'"));
  if (tokens.length > 1 && GENERATION_SUFFIXES.has(tokens[tokens.length - 1]!)) tokens = tokens.slice(0, -1);
  if (tokens.length > 1 && tokens[tokens.length - 2]!.endsWith(',')) {
    tokens[tokens.length - 2] = tokens[tokens.length - 2]!.slice(0, -1); // "Martin Luther King, Jr."
  }
  const alias = type === 'PER' ? undefined : COUNTRY_ALIASES[display];
  const key = alias !== undefined ? alias.toLowerCase() : type === 'PER' ? tokens.join(' ') : tokens.join(' ').replace(/\./g, '');
  return {
    tokens,
    key,
    display,
    displayStart,
    ...(gender !== undefined ? { gender } : {}),
    ...(inlineTitleEnd !== undefined ? { inlineTitleEnd } : {}),
  };
}
