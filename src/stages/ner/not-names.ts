import type { EntityType } from '../../doc/annotations.js';
import { TITLE_HEADS } from '../../rules/lexicons/titles.js';

/**
 * Single words the tagger at times takes for names, that never are: words that open
 * speech or a sentence ("Well, we tried", "Yeah", "Furthermore, …", "What …") and
 * time-zone abbreviations ("12:00 UTC"). Seen as people and organisations in the demo
 * collection's facets and person pages. A name of more than one word is dropped only
 * when it is a title alone ("Member of Parliament").
 */
const SPEECH_OPENERS = new Set(
  [
    'well yeah yes yep yup no nope oh okay hey hi hello thanks please sorry wow hmm um uh ah alright sure indeed absolutely exactly anyway',
    'so furthermore however meanwhile moreover therefore thus hence also additionally besides nevertheless nonetheless instead otherwise',
    'then now today yesterday tomorrow tonight overall finally firstly secondly lastly later earlier previously currently recently',
    'eventually ultimately afterwards accordingly consequently similarly likewise unfortunately fortunately apparently obviously clearly',
    'basically actually honestly personally here there',
    // Question words and pronouns, which open sentences in capitals ("What we saw …").
    'what who whom whose which where when why how this that these those it they we you he she',
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
/**
 * Titles of several words ("Prime Minister", "Member of Parliament"): alone, a role and
 * not a name of anyone or anything.
 */
const TITLE_PHRASES = new Set(TITLE_HEADS.filter((title) => title.includes(' ')));
/** Upper case only: "WEST" is Western European Summer Time, "West" a name ("the West"). */
const TIME_ZONES = new Set(
  'UTC GMT EST EDT CST CDT MST MDT PST PDT AKST AKDT HST BST CET CEST EET EEST WET WEST IST JST KST AEST AEDT ACST AWST NZST NZDT MSK SGT HKT'.split(' '),
);

/** Degrees and licences written after a name ("Scott Keatley, R.D., says"): tagged alone, a person named "R.D.". */
const CREDENTIALS = new Set('R.D. R.D.N. M.D. Ph.D. PhD D.O. R.N. N.P. P.A. J.D. M.P.H. C.P.A. D.D.S. D.V.M. L.C.S.W. M.S.W. Esq.'.split(' '));

/** False for a name that is no name (see above): one word of those, or a title phrase alone; `type` is the tagger's. */
export function mayBeName(words: readonly string[], type: EntityType): boolean {
  if (words.length !== 1) return !TITLE_PHRASES.has(words.map(visible).join(' ').toLowerCase());
  const word = visible(words[0]!);
  if (TIME_ZONES.has(word) || CREDENTIALS.has(word)) return false;
  // Written in capitals, a word's letters are a code: "HI" is Hawaii, "NO" Norway.
  if (word === word.toUpperCase()) return true;
  const lower = word.toLowerCase();
  if (SPEECH_OPENERS.has(lower)) return false;
  // A title alone names nobody and nothing ("Senator" was tagged an organisation).
  if (TITLES_ALONE.has(lower)) return false;
  // No person is named by an abstract noun ("Authoritarianism", "Christianity"; "Reform" aside).
  return type !== 'PER' || !/.(?:ism|anity|tion|sion)$/u.test(lower);
}

/**
 * Platforms that news cites as it cites outlets ("she used Instagram to thank supporters"),
 * which the tagger reads as people or places from the words around them.
 */
const PLATFORMS = new Set('Facebook Instagram Twitter YouTube TikTok WhatsApp Snapchat LinkedIn Reddit Weibo WeChat Telegram Tumblr Pinterest Twitch'.split(' '));

/**
 * The type a one-word name has whatever the tagger says: a platform is an organisation,
 * and so is a word ending in "news" (an outlet: "Wikinews", "Citynews"), never a person.
 */
export function typeOfOneWord(word: string, tagged: EntityType): EntityType {
  const seen = visible(word);
  if (PLATFORMS.has(seen)) return 'ORG';
  return tagged === 'PER' && /.news$/iu.test(seen) ? 'ORG' : tagged;
}

/** The word without invisible format characters (a zero-width joiner after "Wikinews" was seen). */
function visible(word: string): string {
  return word.replace(/\p{Cf}/gu, '');
}

/**
 * A name in the speaker slot of an interview transcript: Wikinews sets it in double
 * parentheses at a line's start ("((WN)) What led you …"), others at a line's start before
 * a colon, on more than one line ("WN: …", so a headline "UK: …" is no such slot). It says
 * who speaks, a person or an organisation, so the tagger's place there is no place.
 */
export function isSpeakerLabel(text: string, start: number, end: number): boolean {
  if (text.startsWith('((', start - 2) && text.startsWith('))', end)) return start === 2 || text.charCodeAt(start - 3) === 0x0a;
  if (text.charCodeAt(end) !== 0x3a || !(start === 0 || text.charCodeAt(start - 1) === 0x0a)) return false;
  const label = `\n${text.slice(start, end)}:`;
  return text.startsWith(label.slice(1)) ? text.includes(label) : text.indexOf(label, end) >= 0 || text.lastIndexOf(label, start - 2) >= 0;
}
