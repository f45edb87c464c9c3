import type { Span } from '../../doc/span.js';
import { countryOfWord, hasPossessive, withoutPossessive } from './vocab.js';
import { phraseAfter, phraseBefore, skipSpacesLeft, skipSpacesRight, wordAt, wordsBefore, type ScanContext } from './scan.js';

/*
 * Title phrases: a head ("president", "secretary of state", "Gen.") with the modifiers,
 * country words and organisation names before it ("former US", "Kremlin", "Deputy
 * Prime"). Read leftwards from a name ("Russian President | Vladimir Putin") or
 * rightwards from an article or comma ("Putin, the | Russian president,").
 */

export interface TitlePhrase extends Span {
  /** The last head, lower case ("president", "secretary of state"). */
  readonly head?: string;
  /** The country the phrase names ("Russian" → Russia; "president of France" → France). */
  readonly country?: string;
  /** "former", "ex-", "then-": the person no longer holds the title. */
  readonly former: boolean;
  /**
   * Words that narrow the title, lower case: modifiers ("health" in "the health
   * minister"), organisations ("unity party" in "the Unity Party's nominee") and
   * earlier heads ("mayor" in "the Lord Mayor candidate"). Generic ones ("new", "top") are left out.
   */
  readonly qualifiers: readonly string[];
  /** "the 69-year-old". */
  readonly age?: number;
  /** Where reading stopped: after the phrase and any possessive "’s". */
  readonly next: number;
  /** A person's name follows the phrase directly, so it premodifies that name. */
  readonly beforePerson: boolean;
  /** "the leader of the opposition": an "of" complement that names no place. */
  readonly openComplement: boolean;
}

/** "’s" or "'s" at `at`, ending a word. */
function isPossessiveAt(text: string, at: number): boolean {
  const quote = text.charCodeAt(at);
  const s = text.charCodeAt(at + 1);
  return (quote === 39 || quote === 0x2019) && (s === 115 || s === 83) && !/[\p{L}\p{N}]/u.test(text[at + 2] ?? ' ');
}

const FORMER = /^(?:former|ex-?|then-?)$/i;
/** Modifiers that say nothing about which title it is. */
const GENERIC = new Set(['current', 'new', 'top', 'longtime', 'long-time', 'veteran', 'late', 'local', 'senior', 'government', 'elected', 'party', 'newly elected']);

function qualifierOf(written: string): string | undefined {
  const lower = withoutPossessive(written).toLowerCase();
  return FORMER.test(lower) || GENERIC.has(lower) ? undefined : lower;
}
const MAX_UNITS = 8;

/**
 * The title phrase ending just before a person's name ("US Secretary of State"), if any;
 * with `headInside`, the modifiers before a mention that starts with its title.
 */
export function titleBefore(ctx: ScanContext, nameStart: number, headInside?: string): TitlePhrase | undefined {
  const { text } = ctx;
  let left = nameStart;
  // With the head inside the mention ("President Putin"), only modifiers are read before it.
  let head: string | undefined = headInside;
  let end = nameStart;
  let country: string | undefined;
  let former = false;
  const complement = headInside === undefined ? headOfComplement(ctx, nameStart) : undefined;
  if (complement !== undefined) {
    end = skipSpacesLeft(text, nameStart);
    left = complement.start;
    // The whole phrase is the head, so "the secretary" and "the secretary of state" both agree with it.
    head = text.slice(left, end).toLowerCase().replace(/\s+/g, ' ');
  }
  for (let units = 0; units < MAX_UNITS; units++) {
    const boundary = skipSpacesLeft(text, left);
    if (boundary === left) break;
    const mention = ctx.mentionsByEnd.get(boundary) ?? (isPossessiveAt(text, boundary - 2) ? ctx.mentionsByEnd.get(boundary - 2) : undefined);
    if (head !== undefined && mention !== undefined && mention.type !== 'PER' && mention.start < boundary) {
      country ??= countryOfWord(mention.text);
      left = mention.start;
      continue;
    }
    const phrase = phraseBefore(text, left);
    if (phrase === undefined || phrase.end !== boundary) break;
    if (head === undefined) {
      if (phrase.kind !== 'head' || hasPossessive(text.slice(phrase.start, phrase.end))) return undefined;
      head = phrase.head;
      end = phrase.end;
    } else if (phrase.kind === 'country') country ??= phrase.country;
    else if (phrase.kind === 'modifier' && FORMER.test(text.slice(phrase.start, phrase.end))) former = true;
    left = phrase.start;
  }
  if (head === undefined) return undefined;
  return {
    start: left,
    end,
    head,
    ...(country !== undefined ? { country } : {}),
    former,
    qualifiers: [],
    next: nameStart,
    beforePerson: true,
    openComplement: false,
  };
}

/**
 * "Secretary of Defense | Lloyd Austin", "Minister of Foreign Affairs | Sergey Lavrov":
 * a head, "of" and up to three capitalised words (or a place) just before the name.
 */
function headOfComplement(ctx: ScanContext, nameStart: number): { start: number } | undefined {
  const { text } = ctx;
  let at = nameStart;
  for (let words = 0; words < 3; words++) {
    const boundary = skipSpacesLeft(text, at);
    if (boundary === at) return undefined;
    const place = ctx.mentionsByEnd.get(boundary);
    const word = wordsBefore(text, at, 1)[0];
    if (word === undefined) return undefined;
    if (word.text.toLowerCase() === 'of' && words > 0) {
      const phrase = phraseBefore(text, word.start);
      return phrase?.kind === 'head' ? { start: phrase.start } : undefined;
    }
    if (place !== undefined && place.type !== 'PER' && place.start < boundary) {
      at = place.start;
      continue;
    }
    if (!/^\p{Lu}/u.test(word.text) || word.text.endsWith('.')) return undefined;
    at = word.start;
  }
  return undefined;
}

/**
 * The title phrase starting at `from` ("Russian president", "US secretary of state",
 * "69-year-old", "president of France"), reading rightwards; undefined without a head
 * (or an age, when `allowAge`).
 */
export function titleAfter(ctx: ScanContext, from: number, allowAge: boolean): TitlePhrase | undefined {
  const { text } = ctx;
  let at = from;
  let start: number | undefined;
  let head: string | undefined;
  let end = from;
  let country: string | undefined;
  let former = false;
  const qualifiers: string[] = [];
  let age: number | undefined;
  let beforePerson = false;
  let openComplement = false;
  let next = from;
  for (let units = 0; units < MAX_UNITS; units++) {
    const here = skipSpacesRight(text, at);
    if (units > 0 && here === at) break;
    const mention = ctx.mentionsByStart.get(here);
    if (mention !== undefined && mention.end > here) {
      if (mention.type === 'PER') beforePerson = head !== undefined || age !== undefined;
      if (mention.type === 'PER' || head !== undefined) break;
      start ??= here;
      const named = countryOfWord(mention.text);
      if (named === undefined) qualifiers.push(withoutPossessive(mention.text).toLowerCase());
      country ??= named;
      at = mention.end + (isPossessiveAt(text, mention.end) ? 2 : 0);
      continue;
    }
    const first = wordAt(text, here);
    if (first === undefined) break;
    const years = allowAge && start === undefined ? /^(\d{1,3})-year-old$/i.exec(first.text) : null;
    if (years !== null) {
      age = Number(years[1]);
      start = here;
      end = next = at = first.end;
      continue;
    }
    if (head !== undefined && first.text.toLowerCase() === 'of') {
      const complement = placeAt(ctx, skipSpacesRight(text, first.end));
      if (complement === undefined) openComplement = true;
      else {
        country = complement.country ?? country;
        end = next = complement.end;
      }
      break;
    }
    const phrase = phraseAfter(text, here);
    if (phrase === undefined || phrase.start !== here) break;
    if (head !== undefined && phrase.kind !== 'head') break;
    start ??= here;
    const written = text.slice(phrase.start, phrase.end);
    if (phrase.kind === 'head') {
      if (head !== undefined) qualifiers.push(head);
      head = phrase.head;
      end = next = phrase.end;
    } else if (phrase.kind === 'country') country ??= phrase.country;
    else if (FORMER.test(written)) former = true;
    else {
      const qualifier = qualifierOf(written);
      if (qualifier !== undefined) qualifiers.push(qualifier);
    }
    at = phrase.end;
    // "the president’s office": the possessive ends the title ("Russia’s president" does not).
    if (phrase.kind === 'head' && hasPossessive(written)) {
      end -= 2;
      break;
    }
    // A sentence-ending period was left out of the phrase: nothing after it belongs.
    if (text.charCodeAt(phrase.end) === 46) break;
  }
  if (start === undefined || (head === undefined && age === undefined)) return undefined;
  return {
    start,
    end,
    ...(head !== undefined ? { head } : {}),
    ...(country !== undefined ? { country } : {}),
    former,
    qualifiers,
    ...(age !== undefined ? { age } : {}),
    next,
    beforePerson,
    openComplement,
  };
}

/** A place named at `at`: a non-person mention or a country word. */
function placeAt(ctx: ScanContext, at: number): { end: number; country?: string } | undefined {
  const mention = ctx.mentionsByStart.get(at);
  if (mention !== undefined && mention.type !== 'PER') {
    const country = countryOfWord(mention.text);
    return { end: mention.end, ...(country !== undefined ? { country } : {}) };
  }
  const phrase = phraseAfter(ctx.text, at);
  if (phrase?.kind !== 'country' || phrase.start !== at) return undefined;
  return { end: phrase.end, ...(phrase.country !== undefined ? { country: phrase.country } : {}) };
}
