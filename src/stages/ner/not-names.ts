import type { EntityType } from '../../doc/annotations.js';

/**
 * Single words the tagger at times takes for names, that never are: words that open
 * speech ("Well, we tried", "Yeah") and time-zone abbreviations ("12:00 UTC"). Seen as
 * people and organisations in the demo collection's facets and person pages; a name of
 * more than one word is never dropped.
 */
const SPEECH_OPENERS = new Set(
  'well yeah yes yep yup no nope oh okay hey hi hello thanks please sorry wow hmm um uh ah alright sure indeed absolutely exactly anyway'.split(' '),
);
/** Upper case only: "WEST" is Western European Summer Time, "West" a name ("the West"). */
const TIME_ZONES = new Set(
  'UTC GMT EST EDT CST CDT MST MDT PST PDT AKST AKDT HST BST CET CEST EET EEST WET WEST IST JST KST AEST AEDT ACST AWST NZST NZDT MSK SGT HKT'.split(' '),
);

/** False for a one-word name that is no name (see above). */
export function mayBeName(words: readonly string[]): boolean {
  if (words.length !== 1) return true;
  const word = words[0]!;
  // Written in capitals, a speech opener's letters are a code: "HI" is Hawaii, "NO" Norway.
  return !TIME_ZONES.has(word) && (word === word.toUpperCase() || !SPEECH_OPENERS.has(word.toLowerCase()));
}

/**
 * The type a one-word name has whatever the tagger says: a word ending in "news" names an
 * outlet ("Wikinews", "Citynews"), never a person.
 */
export function typeOfOneWord(word: string, tagged: EntityType): EntityType {
  return tagged === 'PER' && /.news$/iu.test(word) ? 'ORG' : tagged;
}
