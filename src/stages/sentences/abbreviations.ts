import { CANADIAN_PROVINCES, US_STATES } from '../../rules/lexicons/us-states.js';

/*
 * Abbreviations that keep their period, grouped by what they tell the sentence
 * splitter. Origin: written for Dateline from general knowledge of English news style
 * (AP and Reuters abbreviations); state abbreviations come from the shared lexicon.
 * Keys are lower case without the period; capitalised abbreviations match only when
 * written with a capital ("Gen." but not "gen."), so "no." and "co." in lower case
 * stay ordinary words.
 */

/** How a period-final abbreviation behaves at a possible sentence end. */
export const AbbreviationKind = {
  /** A title before a name ("Mr.", "Gen."): ends a sentence only before "The", "He" and the like. */
  Title: 1,
  /** Needs a number after it ("No. 5", "Art. 3"): kept only then, never ends a sentence. */
  BeforeNumber: 2,
  /** A month ("Sept."): a sentence ends after it only before a sentence-opening word. */
  Month: 3,
  /** Anything else ("U.S.", "Inc.", "etc."): ends a sentence before a sentence-opening word. */
  Other: 4,
} as const;
export type AbbreviationKind = (typeof AbbreviationKind)[keyof typeof AbbreviationKind];

const TITLES = [
  'mr', 'mrs', 'ms', 'messrs', 'mme', 'mlle', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'cpl',
  'pvt', 'adm', 'cmdr', 'cdr', 'brig', 'gov', 'sen', 'rep', 'reps', 'sens', 'rev', 'hon', 'pres', 'supt',
  'insp', 'det', 'amb', 'atty', 'st', 'mt', 'ft', 'sgts', 'gens', 'fr', 'msgr', 'ald', 'cllr',
  'lieut', 'comdr', 'sec', 'secy', 'treas', 'asst', 'assoc', 'dist', 'hosp', 'univ', 'sra', 'sta', 'sto',
];

const BEFORE_NUMBER = ['no', 'nos', 'art', 'fig', 'figs', 'vol', 'vols', 'pp', 'ch', 'para', 'op'];

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'];

const OTHER_CAPITALISED = [
  'inc', 'corp', 'ltd', 'co', 'cos', 'bros', 'plc', 'dept', 'assn', 'ave', 'blvd', 'rd', 'hwy', 'mfg',
  'intl', 'natl', 'jr', 'sr', 'tues', 'thurs', 'wed', 'fri', 'est', 'approx',
];

/** Lower-case abbreviations (matched exactly). */
const OTHER_LOWER = [
  'vs', 'etc', 'approx', 'est', 'cf', 'ca', 'al', 'viz', 'incl', 'excl', 'dept', 'govt', 'min', 'max',
  'pct', 'yr', 'yrs', 'mos', 'hr', 'hrs', 'sq', 'ft', 'km', 'kg', 'lb', 'lbs', 'oz', 'mph', 'tel',
];

const capitalised = new Map<string, AbbreviationKind>();
const lower = new Map<string, AbbreviationKind>();
for (const word of OTHER_CAPITALISED) capitalised.set(word, AbbreviationKind.Other);
for (const word of MONTHS) capitalised.set(word, AbbreviationKind.Month);
for (const word of BEFORE_NUMBER) capitalised.set(word, AbbreviationKind.BeforeNumber);
for (const word of TITLES) capitalised.set(word, AbbreviationKind.Title);
for (const state of [...US_STATES, ...CANADIAN_PROVINCES]) {
  for (const ap of state.ap ?? []) {
    // Dotted forms ("N.Y.") are recognised by their shape; only plain words are listed.
    if (/^[A-Za-z]+\.$/.test(ap)) capitalised.set(ap.slice(0, -1).toLowerCase(), AbbreviationKind.Other);
  }
}
// "Miss." and "Mass." are titles or words more often than states in running text.
capitalised.delete('miss');
capitalised.delete('mass');
for (const word of OTHER_LOWER) lower.set(word, AbbreviationKind.Other);

/**
 * The kind of abbreviation `word` (without its period) is, or 0 when it is not one.
 * `capitalisedWord` tells whether the word starts with a capital letter.
 */
export function abbreviationKind(word: string, capitalisedWord: boolean): AbbreviationKind | 0 {
  if (word.length > 7) return 0;
  if (capitalisedWord) return capitalised.get(word.toLowerCase()) ?? 0;
  return lower.get(word) ?? 0;
}

/**
 * Words that open a sentence far more often than they continue a name, so that
 * "in the U.S. The talks" splits while "the U.S. Senate" does not.
 */
const SENTENCE_STARTERS = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'this', 'that', 'these', 'those', 'there',
  'his', 'her', 'its', 'their', 'our', 'my', 'your', 'but', 'and', 'or', 'so', 'yet', 'however', 'in', 'on',
  'at', 'for', 'after', 'before', 'when', 'while', 'if', 'as', 'although', 'though', 'meanwhile', 'earlier',
  'later', 'last', 'now', 'then', 'still', 'what', 'who', 'why', 'how', 'where', 'which', 'many', 'some',
  'most', 'all', 'one', 'two', 'both', 'each', 'every', 'other', 'others', 'such', 'since', 'during', 'by',
  'with', 'without', 'from', 'to', 'of', 'about', 'also', 'instead', 'despite', 'because', 'until', 'among',
  'over', 'under', 'not', 'no', 'only', 'even', 'here', 'today', 'yesterday', 'tomorrow', 'is',
  'are', 'was', 'were', 'will', 'would', 'can', 'could', 'should', 'did', 'does', 'do', 'has', 'have', 'had',
  'officials', 'police', 'experts', 'analysts', 'critics', 'people', 'according', 'asked', 'several',
  'another', 'more', 'few', 'nor', 'further', 'furthermore', 'moreover', 'indeed', 'thus', 'therefore',
]);

/** True when `word` (any case) is a word that usually opens a sentence. */
export function isSentenceStarter(word: string): boolean {
  return SENTENCE_STARTERS.has(word.toLowerCase());
}

/** Words that open a sentence and never a name: "on Baker St. The house" ends after "St.". */
const STRICT_STARTERS = new Set([
  'the', 'he', 'she', 'it', 'they', 'we', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our',
  'there', 'but', 'and', 'in', 'on', 'at', 'for', 'however', 'after', 'when', 'while', 'if',
]);

export function isStrictSentenceStarter(word: string): boolean {
  return STRICT_STARTERS.has(word.toLowerCase());
}

/**
 * In text set all in capitals, case cannot tell "the U.S. ON MONDAY" from "the U.S. THE
 * TALKS": after an abbreviation only these words, which open a sentence and hardly ever
 * follow an abbreviation inside one, end it. No prepositions or conjunctions.
 */
const SHOUTED_STARTERS = new Set([
  'the', 'he', 'she', 'they', 'we', 'this', 'these', 'those', 'his', 'her', 'their', 'our', 'there', 'however',
]);

export function isShoutedSentenceStarter(word: string): boolean {
  return SHOUTED_STARTERS.has(word.toLowerCase());
}

/** Verbs of speech that follow a quotation ("“Why?” Smith asked"). */
const SPEECH_VERBS = new Set([
  'said', 'says', 'asked', 'asks', 'told', 'tells', 'added', 'adds', 'wrote', 'writes', 'replied',
  'replies', 'explained', 'insisted', 'shouted', 'exclaimed', 'tweeted', 'recalled', 'continued',
]);

/** "said", and "SAID" in text set in capitals (not "Said", more often a name). */
export function isSpeechVerb(word: string): boolean {
  return SPEECH_VERBS.has(word) || (word === word.toUpperCase() && SPEECH_VERBS.has(word.toLowerCase()));
}
