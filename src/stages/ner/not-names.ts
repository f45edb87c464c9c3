import type { EntityType } from '../../doc/annotations.js';

/**
 * Single words the tagger at times takes for names, that never are: words that open
 * speech or a sentence ("Well, we tried", "Yeah", "Furthermore, …") and time-zone
 * abbreviations ("12:00 UTC"). Seen as people and organisations in the demo collection's
 * facets and person pages; a name of more than one word is never dropped.
 */
const SPEECH_OPENERS = new Set(
  [
    'well yeah yes yep yup no nope oh okay hey hi hello thanks please sorry wow hmm um uh ah alright sure indeed absolutely exactly anyway',
    'so furthermore however meanwhile moreover therefore thus hence also additionally besides nevertheless nonetheless instead otherwise',
    'then now today yesterday tomorrow tonight overall finally firstly secondly lastly later earlier previously currently recently',
    'eventually ultimately afterwards accordingly consequently similarly likewise unfortunately fortunately apparently obviously clearly',
    'basically actually honestly personally here there',
  ]
    .join(' ')
    .split(' '),
);
/**
 * A title alone, which the tagger takes for a name at the start of a sentence ("Mayor
 * … said"): read as a person, every article's mayor would be one person across the
 * collection. Titles that are also surnames ("King", "Major", "Pope") are not listed.
 */
const TITLES_ALONE = new Set(
  'mayor president senator governor minister premier secretary ambassador spokesman spokeswoman spokesperson commissioner congressman congresswoman lawmaker chairman chairwoman chairperson prosecutor'.split(' '),
);
/** Upper case only: "WEST" is Western European Summer Time, "West" a name ("the West"). */
const TIME_ZONES = new Set(
  'UTC GMT EST EDT CST CDT MST MDT PST PDT AKST AKDT HST BST CET CEST EET EEST WET WEST IST JST KST AEST AEDT ACST AWST NZST NZDT MSK SGT HKT'.split(' '),
);

/** False for a one-word name that is no name (see above); `type` is the tagger's. */
export function mayBeName(words: readonly string[], type: EntityType): boolean {
  if (words.length !== 1) return true;
  const word = visible(words[0]!);
  if (TIME_ZONES.has(word)) return false;
  // Written in capitals, a word's letters are a code: "HI" is Hawaii, "NO" Norway.
  if (word === word.toUpperCase()) return true;
  const lower = word.toLowerCase();
  if (SPEECH_OPENERS.has(lower)) return false;
  // No person is named by a title alone or by an abstract noun ("Authoritarianism", "Reform" aside).
  return type !== 'PER' || (!TITLES_ALONE.has(lower) && !/.(?:ism|tion|sion)$/u.test(lower));
}

/**
 * The type a one-word name has whatever the tagger says: a word ending in "news" names an
 * outlet ("Wikinews", "Citynews"), never a person.
 */
export function typeOfOneWord(word: string, tagged: EntityType): EntityType {
  return tagged === 'PER' && /.news$/iu.test(visible(word)) ? 'ORG' : tagged;
}

/** The word without invisible format characters (a zero-width joiner after "Wikinews" was seen). */
function visible(word: string): string {
  return word.replace(/\p{Cf}/gu, '');
}
