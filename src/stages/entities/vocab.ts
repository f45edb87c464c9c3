import { isDatelineCity } from '../../rules/lexicons/cities.js';
import { COUNTRIES, COUNTRY_ALIASES } from '../../rules/lexicons/countries.js';
import { DEMONYMS } from '../../rules/lexicons/demonyms.js';
import { GOVERNMENT_SEATS } from '../../rules/lexicons/institutions.js';
import { US_STATES } from '../../rules/lexicons/us-states.js';
import {
  GENDERED_HEADS,
  HONORIFICS,
  LEADER_HEADS,
  TITLE_ABBREVIATIONS,
  TITLE_HEADS,
  TITLE_MODIFIERS,
} from '../../rules/lexicons/titles.js';
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES } from '../../rules/lexicons/first-names.js';

/*
 * The lexicons as lookup tables, built once per process. Titles match in any case
 * ("President", "president"); countries and demonyms only as written, so the pronoun
 * "us" is never the United States.
 */

export type Gender = 'male' | 'female';

const HEADS = new Set(TITLE_HEADS);
const MODIFIERS = new Set(TITLE_MODIFIERS);
const LEADERS = new Set(LEADER_HEADS);
const COUNTRY_NAMES = new Set(COUNTRIES);
const US_STATE_NAMES = new Set(US_STATES.map((state) => state.name));

/** The longest title, modifier or country phrase, in words ("chief executive officer"). */
export const MAX_PHRASE_WORDS = 4;

function edgeWords(edge: 'first' | 'last'): Set<string> {
  const phrases = [
    ...TITLE_HEADS, ...TITLE_MODIFIERS, ...Object.keys(TITLE_ABBREVIATIONS),
    ...Object.keys(DEMONYMS), ...COUNTRIES, ...Object.keys(COUNTRY_ALIASES),
  ];
  const out = new Set<string>();
  for (const phrase of phrases) {
    const words = phrase.toLowerCase().split(' ');
    if (words.length > 1) out.add(edge === 'first' ? words[0]! : words[words.length - 1]!);
  }
  return out;
}

/** Lower-case words that start a phrase of several words ("secretary" of "secretary of state"). */
export const PHRASE_FIRST_WORDS: ReadonlySet<string> = edgeWords('first');
/** Lower-case words that end a phrase of several words ("state" of "secretary of state"). */
export const PHRASE_LAST_WORDS: ReadonlySet<string> = edgeWords('last');

export type PhraseKind = 'head' | 'country' | 'modifier';

export interface PhraseClass {
  readonly kind: PhraseKind;
  /** The title head in lower case, abbreviations expanded ("gen." → "general"). */
  readonly head?: string;
  /** The country a demonym or country name stands for. */
  readonly country?: string;
}

/** "Russia's" → "Russia"; "leader’s" → "leader". */
export function withoutPossessive(word: string): string {
  return hasPossessive(word) ? word.slice(0, -2) : word;
}

/** Whether a word ends in a possessive "'s" (straight or curly apostrophe; "'S" in text set in capitals). */
export function hasPossessive(word: string): boolean {
  const n = word.length;
  const s = word.charCodeAt(n - 1);
  // "Russia's", and "RUSSIA'S" in text set in capitals.
  if (n < 3 || (s !== 115 && s !== 83)) return false;
  const quote = word.charCodeAt(n - 2);
  return quote === 39 || quote === 0x2019;
}

function startsUpper(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code >= 65 && code <= 90) return true;
  return code >= 128 && /^\p{Lu}/u.test(word);
}

/**
 * What a phrase (words as written, joined by one space) is in a title: a head, a
 * country word or a modifier; undefined when it is none of them.
 */
export function classifyPhrase(phrase: string): PhraseClass | undefined {
  const cached = classified.get(phrase);
  if (cached !== undefined) return cached ?? undefined;
  const found = classifyUncached(phrase);
  // Phrases repeat across articles; the bound keeps a long-running process's memory flat.
  if (classified.size >= 50_000) classified.clear();
  classified.set(phrase, found ?? null);
  return found;
}

const classified = new Map<string, PhraseClass | null>();

function classifyUncached(phrase: string): PhraseClass | undefined {
  const bare = withoutPossessive(phrase);
  const lower = bare.toLowerCase();
  if (HEADS.has(lower)) return { kind: 'head', head: lower };
  const expanded = TITLE_ABBREVIATIONS[lower];
  if (expanded !== undefined) return { kind: 'head', head: expanded };
  const country = countryOfWord(bare);
  if (country !== undefined) return { kind: 'country', country };
  if (MODIFIERS.has(lower)) return { kind: 'modifier' };
  return undefined;
}

/**
 * The country a written word names: a country ("Russia", "US"), a demonym ("Russian",
 * "Britons") or a prefixed form ("ex-Soviet", "pro-Russian"). Case as written.
 */
export function countryOfWord(word: string): string | undefined {
  const bare = withoutPossessive(word.trim());
  if (bare === '' || !startsUpper(bare)) return undefined;
  const direct = directCountry(bare) ?? (isShouted(bare) ? directCountry(titleCase(bare)) : undefined);
  if (direct !== undefined || !bare.includes('-')) return direct;
  const prefixed = /^(?:ex|pro|anti|non)-(.+)$/i.exec(bare);
  if (prefixed === null) return undefined;
  // Only "ex-" keeps the country's identity ("ex-Soviet" is still Soviet); "anti-American" is not American.
  return /^ex-/i.test(bare) ? countryOfWord(prefixed[1]!) : undefined;
}

function directCountry(word: string): string | undefined {
  return DEMONYMS[word] ?? COUNTRY_ALIASES[word] ?? (COUNTRY_NAMES.has(word) ? word : undefined);
}

/** A word in capitals longer than an acronym ("RUSSIAN", not "US" or "UAE"). */
function isShouted(word: string): boolean {
  return word.length > 3 && word === word.toUpperCase() && word !== word.toLowerCase();
}

/** "RUSSIAN" → "Russian", "SOUTH-KOREAN" → "South-Korean". */
function titleCase(word: string): string {
  return word.toLowerCase().replace(/(^|[-\s])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

/** The gender a form of address tells ("Mr." → male), if it is one. */
export function honorificGender(word: string): Gender | 'none' | undefined {
  return HONORIFIC_GENDER.get(word.toLowerCase());
}

/** A map, not the record: `in` on an object also finds "constructor" and "toString". */
const HONORIFIC_GENDER: ReadonlyMap<string, Gender | 'none'> = new Map(Object.entries(HONORIFICS).map(([word, gender]) => [word, gender ?? 'none']));

const FIRST_NAME_GENDER: ReadonlyMap<string, Gender> = new Map([
  ...MALE_FIRST_NAMES.map((name) => [name, 'male'] as const),
  ...FEMALE_FIRST_NAMES.map((name) => [name, 'female'] as const),
]);

/** The gender a given name is usually given to ("Sarah" → female), if it is one of the common ones. */
export function firstNameGender(name: string): Gender | undefined {
  return FIRST_NAME_GENDER.get(name.toLowerCase());
}

export function headGender(head: string): Gender | undefined {
  return GENDERED_HEADS[head];
}

/**
 * Whether a description's head ("leader", "president", "secretary") can name someone
 * whose title has head `personHead`: the same head, "leader" for any head of a state,
 * party or movement, or one word of a longer head ("secretary" for "secretary of state").
 */
export function headsAgree(referenceHead: string, personHead: string): boolean {
  // "the Wikileaks founder" is its co-founder too.
  if (referenceHead === personHead || personHead === `co-${referenceHead}`) return true;
  if (referenceHead === 'leader') return LEADERS.has(personHead);
  return personHead.startsWith(`${referenceHead} `) || personHead.endsWith(` ${referenceHead}`);
}

/** A place name the tagger may label oddly but that is never a person's short name. */
export function isKnownPlace(name: string): boolean {
  return countryOfWord(name) !== undefined || US_STATE_NAMES.has(name) || isDatelineCity(name);
}

/** The country a demonym or country adjective names ("Russian" → Russia); undefined for a country's own name. */
export function demonymCountry(word: string): string | undefined {
  const bare = withoutPossessive(word.trim()).replace(/^ex-/i, '');
  return DEMONYMS[bare] ?? (isShouted(bare) ? DEMONYMS[titleCase(bare)] : undefined);
}

const SEATS = new Set(GOVERNMENT_SEATS);

/** "Kremlin", "White House": a building named for the government inside it. */
export function isGovernmentSeat(name: string): boolean {
  return SEATS.has(name) || (isShouted(name) && SEATS.has(titleCase(name)));
}
