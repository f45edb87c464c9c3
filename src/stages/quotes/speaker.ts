import {
  BETWEEN_SUBJECT_AND_VERB,
  cueVerbOf,
  CAPITALISED_FUNCTION_WORDS,
  DETERMINERS,
  DOCUMENT_HEADS,
  PERSON_HEADS,
  PLURAL_NOUN_CUES,
  POSSESSIVE_PRONOUNS,
  PRONOUNS,
  SUBJECT_STOPS,
  TITLE_WORDS,
} from './lexicon.js';
import type { Word } from './words.js';
import { firstNameGender, hasPossessive } from '../entities/index.js';

/** The words naming who speaks, as found beside a cue. */
export interface Subject {
  /** Index of the first and last word (inclusive) in the word list. */
  readonly first: number;
  readonly last: number;
  readonly pronoun?: 'male' | 'female' | 'plural' | 'self' | 'neuter';
}

const MAX_SUBJECT_WORDS = 10;
/** The words that carry an unnamed source's phrase over a determiner ("familiar with the", "close to the"). */
const SOURCE_TAILS = new Set(['familiar with', 'close to', 'briefed on', 'knowledgeable about', 'involved in', 'knowledge of', 'spokesman for', 'spokeswoman for', 'spokesperson for']);
/** Clause openers: a noun phrase right after one is a clause's subject. */
const CLAUSE_OPENERS = new Set('and but so while because as although though that after when since if where whereas'.split(' '));
/** Prepositions that join two parts of one subject ("a spokesman for the Kremlin"). */
const INNER_PREPOSITIONS = new Set(['of', 'for', 'at', 'from']);

/** A capitalised word that is not a sentence-opening function word, in ordinary case. */
export function isName(w: Word): boolean {
  return isNameWord(w) && !(w.text.length > 1 && w.text === w.text.toUpperCase() && /\p{L}/u.test(w.text) && !/\./u.test(w.text) && w.text.length > 4);
}

function isNameWord(w: Word): boolean {
  return w.isWord && w.capitalised && !CAPITALISED_FUNCTION_WORDS.has(w.text);
}

/** "WHO", "US", "IT": capitals that name something, never the function word they spell. */
function isAcronym(w: Word): boolean {
  return w.isWord && w.text.length >= 2 && w.text !== w.lower && w.text === w.text.toUpperCase();
}

/**
 * The subject just before a cue verb at `cue`: skips adverbs and auxiliaries ("Putin
 * later said", "has said"), then walks back over the noun phrase to a determiner, a
 * punctuation mark or a clause opener. Only the capitalised part is kept when the walk
 * stops at a preposition or verb ("after Obama said" → "Obama").
 */
export function subjectBefore(words: readonly Word[], cue: number, floor = 0): Subject | undefined {
  let i = cue - 1;
  const skipAuxiliaries = (): void => {
    while (i >= floor && words[i]!.isWord && words[i]!.text === words[i]!.lower && (BETWEEN_SUBJECT_AND_VERB.has(words[i]!.lower) || isAdverb(words[i]!.lower))) i--;
  };
  skipAuxiliaries();
  // "Sanders in the past has criticized": a time between the subject and its verb.
  if (i - 2 > floor && TIMES_AFTER_IN.has(words[i]!.lower) && words[i - 1]!.lower === 'the' && words[i - 2]!.lower === 'in') {
    i -= 3;
    skipAuxiliaries();
  }
  // "Recent governments have, however, recognized": a sentence adverb set off by commas.
  if (i - 2 >= floor && words[i]!.text === ',' && PARENTHETICAL_ADVERBS.has(words[i - 1]!.lower) && words[i - 2]!.text === ',') {
    i -= 3;
    skipAuxiliaries();
  }
  // "A neighbor who knew the family for years said": the relative clause is the subject's, not a subject.
  const relative = relativeClauseSubject(words, cue, i, floor);
  if (relative !== undefined) return relative;
  // "Gov. John Kasich (R-OH), said": skip the party-and-state parenthesis.
  if (i > floor && words[i]!.text === ',' && words[i - 1]!.text === ')') i--;
  if (i > floor && words[i]!.text === ')') {
    let open = i - 1;
    while (open > floor && open > i - 8 && words[open]!.text !== '(') open--;
    if (words[open]!.text === '(') i = open - 1;
  }
  if (i >= floor && words[i]!.text === ',') return appositiveSubject(words, i, floor);
  if (i < floor || !words[i]!.isWord) return undefined;
  const head = words[i]!;
  const pronoun = PRONOUNS.get(head.lower);
  if (pronoun !== undefined) {
    // "It said" is a pronoun subject too, but only "it" naming an organisation; keep it.
    return { first: i, last: i, pronoun };
  }
  if (head.lower === 'and' || head.lower === 'but') return undefined;
  const last = i;
  let first = i + 1;
  let complete = false;
  let count = 0;
  for (let j = i; j >= floor && count < MAX_SUBJECT_WORDS; j--, count++) {
    const w = words[j]!;
    if (!w.isWord) {
      if ((w.text === '-' || w.text === '.') && j < last) continue;
      // "Chapter & Verse": an ampersand between names is part of one.
      if (w.text === '&' && j < last && j > floor && isNameWord(words[j - 1]!) && isNameWord(words[j + 1]!)) continue;
      complete = true;
      break;
    }
    if (DETERMINERS.has(w.lower) && !isAcronym(w)) {
      // "his often-repeated vow that …": a possessive before a cue used as a noun; its owner speaks.
      const owner = POSSESSIVE_PRONOUNS.get(w.lower);
      if (owner !== undefined && nounCueAfter(words, j, cue)) return { first: j, last: j, pronoun: owner };
      if (j === last) return undefined;
      // "so subdued that Mr. Trump said": "that" before a name opens a clause; it determines nothing.
      if (w.lower === 'that' && isNameWord(words[j + 1]!)) {
        complete = true;
        break;
      }
      first = j;
      // "a person familiar with the talks", "officials close to the president": the source's own phrase goes on.
      const tail = `${words[j - 2]?.lower ?? ''} ${words[j - 1]?.lower ?? ''}`;
      if (j - 3 >= floor && SOURCE_TAILS.has(tail)) {
        j -= 2;
        count += 2;
        continue;
      }
      const before = words[j - 1];
      const beforeThat = words[j - 2];
      if (before !== undefined && beforeThat !== undefined && j - 2 >= floor && joinsTwoParts(before, beforeThat, w, words[j + 1]) && !SUBJECT_STOPS.has(beforeThat.lower) && beforeThat.isWord) {
        j--;
        count++;
        continue;
      }
      complete = true;
      break;
    }
    if (PRONOUNS.has(w.lower) && j < last) {
      complete = true;
      break;
    }
    if (isNameWord(w) || TITLE_WORDS.has(w.lower) || hasPossessive(w.text)) {
      first = j;
      continue;
    }
    // "The company in October revealed lofty plans": a verb inside is no subject.
    if (j < last && w.text === w.lower && cueVerbOf(w.lower) !== undefined) return undefined;
    if (w.capitalised && CAPITALISED_FUNCTION_WORDS.has(w.text)) {
      complete = true;
      break;
    }
    if (SUBJECT_STOPS.has(w.lower) && !isAcronym(w)) {
      if (j > floor && j < last && joinsTwoParts(w, words[j - 1]!, words[j + 1], words[j + 2]) && !SUBJECT_STOPS.has(words[j - 1]!.lower)) {
        first = j;
        continue;
      }
      complete = CLAUSE_OPENERS.has(w.lower);
      break;
    }
    // A lower-case word: part of the phrase if a determiner or a boundary closes it.
    first = j;
    if (j === floor) complete = true;
  }
  if (first > last) return undefined;
  if (count >= MAX_SUBJECT_WORDS) complete = false;
  if (first === floor) complete = true;
  if (!complete) {
    // Keep the capitalised words nearest the verb.
    while (first <= last && !(isNameWord(words[first]!) || DETERMINERS.has(words[first]!.lower))) first++;
    if (first > last) return undefined;
  }
  while (first < last && INNER_PREPOSITIONS.has(words[first]!.lower)) first++;
  // "This Wednesday Greek Foreign Minister George Katrougalos emphasized": the time before the name is not part of it.
  const time = first + (TIME_DETERMINERS.has(words[first]!.lower) ? 1 : 0);
  if (time < last && DAY_OR_MONTH.test(words[time]!.text) && firstNameGender(words[time]!.text) === undefined) {
    let after = time + 1;
    while (after < last && /^\d{1,4}(?:st|nd|rd|th)?$/u.test(words[after]!.text)) after++;
    if (isNameWord(words[after]!) && !/^\d/u.test(words[after]!.text)) first = after;
  }
  if (!hasHead(words, first, last)) return undefined;
  // "declared Thursday": a day or a month is no speaker.
  if (first === last && DAY_OR_MONTH.test(words[first]!.text)) return undefined;
  return { first, last };
}

/**
 * A preposition inside one subject, between the word before it and the word after: "a
 * spokesman for the Kremlin"; "officials in Beijing", "someone in the audience" (a name
 * or "the" after "in", and no verb before it: "a study that appeared in the journal
 * found" is no subject); "China’s ambassador to Britain" (a role and its post, where "to"
 * after any other word ends the subject).
 */
function joinsTwoParts(preposition: Word, before: Word, after: Word | undefined, afterThat: Word | undefined): boolean {
  if (INNER_PREPOSITIONS.has(preposition.lower)) return true;
  if (preposition.lower === 'in') {
    // "Sanders in the past": a time, not a place.
    const placeAfter = after !== undefined && ((isNameWord(after) && /^\p{Lu}/u.test(after.text) && !DAY_OR_MONTH.test(after.text)) || (after.lower === 'the' && !TIMES_AFTER_IN.has(afterThat?.lower ?? '')));
    return placeAfter && !/ed$/u.test(before.lower) && cueVerbOf(before.lower) === undefined;
  }
  return preposition.lower === 'to' && ROLES_TO_A_PLACE.has(before.lower);
}

/** "in the past", "in the meantime": times and turns of phrase, not places. */
const TIMES_AFTER_IN = new Set('past end meantime interim future wake face morning afternoon evening night week month year day days weeks months years'.split(' '));

/** Roles held to a country or a person ("ambassador to Britain", "an adviser to the president"). */
const ROLES_TO_A_PLACE = new Set(['ambassador', 'envoy', 'adviser', 'advisor', 'emissary', 'delegate', 'assistant', 'counselor', 'counsellor', 'aide', 'heir', 'successor']);

/**
 * Whether the cue after a possessive at `owner` is a noun of speech, with at most two
 * modifiers between that read as adjectives ("his often-repeated vow", "her latest
 * claim"), never a noun that could be the subject ("his spokesman said", "their parents
 * vow").
 */
function nounCueAfter(words: readonly Word[], owner: number, cue: number): boolean {
  if (!NOUN_SPEECH_CUES.has(words[cue]!.lower) || cue - owner > 3) return false;
  for (let k = owner + 1; k < cue; k++) {
    const w = words[k]!;
    if (!w.isWord || w.text !== w.lower) return false;
    if (!(w.lower.includes('-') || ADJECTIVE_ENDINGS.test(w.lower) || NOUN_CUE_MODIFIERS.has(w.lower))) return false;
  }
  return true;
}

/** Cue forms that are also nouns of speech ("his claim that", "her vow to"); plans and fears are not speech, and "say" after "their" is a verb. */
const NOUN_SPEECH_CUES = new Set(['claim', 'claims', 'promise', 'promises', 'vow', 'vows', 'pledges', 'warning', 'warnings']);
const ADJECTIVE_ENDINGS = /(?:ed|al|ive|ous|ful|ic|ent|ant|est)$/u;
const NOUN_CUE_MODIFIERS = new Set(['latest', 'new', 'last', 'first', 'own', 'public', 'earlier', 'recent', 'repeated', 'frequent']);

/** How far back from its cue a relative clause's "who" may stand. */
const MAX_RELATIVE_WORDS = 14;

/**
 * The subject of a speech cue ending in a relative clause, whole: "A spokesperson who did
 * not wish to be named because of agency policy", "The man who shot Smith", "Voters who
 * backed Trump in 2016". The noun phrase before "who" is the head; nothing inside the
 * clause speaks. Undefined when no "who" stands between the cue and the last mark, when
 * the clause has a subject of its own ("people who you think"), or a clause inside it
 * ("over who supported which bill that Christie said"), or when the cue is no verb ("an
 * alleged", "made controversial comments").
 */
function relativeClauseSubject(words: readonly Word[], cue: number, last: number, floor: number): Subject | undefined {
  const verb = words[cue]!.lower;
  if (cueVerbOf(verb)?.act !== 'speech' || PLURAL_NOUN_CUES.has(verb)) return undefined;
  const before = words[last];
  if (last <= floor || before === undefined || PRONOUNS.has(before.lower) || DETERMINERS.has(before.lower) || before.lower === 'who' || before.lower === 'to') return undefined;
  for (let j = last; j > floor && last - j <= MAX_RELATIVE_WORDS; j--) {
    const w = words[j]!;
    if (!w.isWord) {
      if (w.text === '-' || w.text === '.' || w.text === '’' || w.text === "'") continue;
      return undefined;
    }
    if (j < last && RELATIVE_CLAUSE_STOPS.has(w.lower)) return undefined;
    if (w.lower !== 'who') continue;
    // "a candidate who voted for more war and who wrote": another clause of the same "who".
    if (words[j - 1]?.lower === 'and' || words[j - 1]?.lower === 'or') return undefined;
    if (PRONOUNS.has(words[j + 1]!.lower)) return undefined;
    // "superdelegates who have not yet announced": the cue is the clause's own verb.
    if (words.slice(j + 1, last + 1).every((x) => BETWEEN_SUBJECT_AND_VERB.has(x.lower) || isAdverb(x.lower) || /^(not|yet|never|already|also|since)$/u.test(x.lower))) return undefined;
    const head = subjectBefore(words, j, floor);
    // "residents in Jupiter, Florida who were voting": a head set off by a comma is part of something longer.
    if (head === undefined || head.pronoun !== undefined || head.last !== j - 1 || words[head.first - 1]?.text === ',') return undefined;
    return { first: head.first, last };
  }
  return undefined;
}

/** Words that open a clause inside a relative clause, or make "who" a question's ("over who supported which bill that …"). */
const RELATIVE_CLAUSE_STOPS = new Set(['that', 'which', 'whether', 'when', 'where', 'what', 'if', 'whom', 'whose']);

/** Words that make a day a time ("this Wednesday", "last May"). */
const TIME_DETERMINERS = new Set(['this', 'last', 'next', 'on', 'early', 'late']);

/** Nouns ending in -ly, which the adverb rule must not skip. */
const LY_NOUNS = new Set('family assembly supply monopoly rally ally anomaly homily butterfly belly jelly bully italy july reply'.split(' '));

/** "The Wikileaks founder blankly denied": an -ly adverb between a subject and its verb. */
function isAdverb(lower: string): boolean {
  return lower.length > 4 && lower.endsWith('ly') && !LY_NOUNS.has(lower);
}

/** Sentence adverbs a writer sets off by commas between a subject and its verb. */
const PARENTHETICAL_ADVERBS = new Set('however though meanwhile too also moreover furthermore nonetheless nevertheless instead indeed therefore similarly likewise again ultimately reportedly apparently'.split(' '));
const MAX_APPOSITIVE_WORDS = 30;
/** Words that open a clause after a comma, where a description would stand. */
const CONJUNCTIONS = new Set('and but so yet or nor while because although though whereas if when since unless'.split(' '));
const APPOSITIVE_INNER_MARKS = new Set(["'", '’', '-', '–', '.', '&', '/']);
const DAY_OR_MONTH = /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December)$/u;
/** Capitalised sentence openers that are not subjects: days, months, numbers, participles. */
const NOT_A_SUBJECT =
  /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Oh|Well|Yes|No|Today|Yesterday|Tonight|Last|Next|Earlier|Later|Too|Unless|Here|Here’s|There’s|Until|Whether|\d.*|\p{Lu}\p{Ll}+ing)$/u;

/**
 * "Murphy, the head of Right to Rise USA, said": a name, then up to three commas of
 * description, then the verb. The subject runs from the name to the last comma; so does
 * "The association’s chair, Máire Conneely, said", a description then the name.
 */
function appositiveSubject(words: readonly Word[], comma: number, floor: number): Subject | undefined {
  let commas = 0;
  // A description set off by commas, kept in case no name stands before it.
  let description: Subject | undefined;
  for (let j = comma - 1; j >= floor && comma - j <= MAX_APPOSITIVE_WORDS; j--) {
    const w = words[j]!;
    // "Edmunds' executive director", "AT&T's", "U.S.-based": marks inside a description.
    if (w.isWord || APPOSITIVE_INNER_MARKS.has(w.text) || insideNumber(words, j)) continue;
    if (w.text !== ',') return description;
    // "Titan, but the equatorial regions are drier than the poles, said": a clause, not a description.
    if (CONJUNCTIONS.has(words[j + 1]?.lower ?? '')) return description;
    if (++commas > 3) return description;
    // "the presumptive GOP nominee, Donald Trump, tweeted": the name set off by the commas is the subject.
    if (commas === 1 && comma - j >= 2 && comma - j <= 4 && words.slice(j + 1, comma).every((x) => isNameWord(x) && isName(x))) {
      return { first: subjectBefore(words, j, floor)?.first ?? j + 1, last: comma - 1 };
    }
    const name = subjectBefore(words, j, floor);
    if (name === undefined || name.pronoun !== undefined || !isNameWord(words[name.last]!)) continue;
    // "Judy Smith, 67, a retired …, said": an age set off by commas.
    if (name.first === name.last && /^\d{1,3}$/u.test(words[name.first]!.text)) continue;
    // "Jeff Sanborn, president of Chapter & Verse, a … design agency, said", "Omar Lamrani, a senior
    // military analyst at Stratfor, the …, told": a description set off by commas describes the name before it.
    if (words[name.first - 1]?.text === ',' && opensADescription(words[name.first]!)) {
      description ??= { first: name.first, last: comma - 1 };
      continue;
    }
    return { first: name.first, last: comma - 1 };
  }
  return description;
}

/** A lower-case role word with no determiner ("president of …") or an indefinite article ("a senior analyst at …"): a description's opening. */
function opensADescription(w: Word): boolean {
  if (!w.isWord || w.text !== w.lower) return false;
  return w.lower === 'a' || w.lower === 'an' || ((PERSON_HEADS.has(w.lower) || TITLE_WORDS.has(w.lower)) && !DETERMINERS.has(w.lower));
}

/** "1,000": a comma between digits, with no space either side, is part of a number. */
function insideNumber(words: readonly Word[], at: number): boolean {
  const before = words[at - 1];
  const after = words[at + 1];
  const mark = words[at]!;
  return mark.text === ',' && before !== undefined && after !== undefined && before.end === mark.start && after.start === mark.end && /\d$/u.test(before.text) && /^\d/u.test(after.text);
}

/**
 * The subject of a sentence's main clause, for a participle cue ("Trump returned the
 * compliment, telling Reuters, …") or a quotation with no cue ("Moore thanked him for
 * “…”"): after any opening adverbial and its comma, a name with its titles, or a
 * determiner and up to three lower-case words.
 */
export function mainSubject(words: readonly Word[], first: number, limit: number): Subject | undefined {
  let i = first;
  while (i < limit && (!words[i]!.isWord || /^(And|But|So|Yet|Then|Still|Also)$/u.test(words[i]!.text))) i++;
  i = openingAdverbialEnd(words, i, limit) ?? shortOpenerEnd(words, i, limit);
  if (i >= limit) return undefined;
  const start = words[i]!;
  if (!start.isWord) return undefined;
  if (PRONOUNS.has(start.lower)) return { first: i, last: i, pronoun: PRONOUNS.get(start.lower)! };
  if (DETERMINERS.has(start.lower) && !isNameWord(start)) {
    let last = i;
    for (let j = i + 1; j < limit && j <= i + 4; j++) {
      const w = words[j]!;
      const next = words[j + 1];
      const verbLike = /(ed|es)$/u.test(w.lower) && (next === undefined || !next.isWord || DETERMINERS.has(next.lower) || SUBJECT_STOPS.has(next.lower));
      if (!w.isWord || SUBJECT_STOPS.has(w.lower) || BETWEEN_SUBJECT_AND_VERB.has(w.lower) || cueVerbOf(w.lower) !== undefined || verbLike) break;
      last = j;
    }
    return last > i ? { first: i, last } : undefined;
  }
  if (!isNameWord(start) && !TITLE_WORDS.has(start.lower)) return undefined;
  if (NOT_A_SUBJECT.test(start.text)) return undefined;
  let last = i;
  for (let j = i + 1; j < limit && j <= i + 8; j++) {
    const w = words[j]!;
    if ((w.isWord && (isNameWord(w) || TITLE_WORDS.has(w.lower))) || (w.text === '.' && j > i)) last = j;
    else break;
  }
  while (last > i && !words[last]!.isWord) last--;
  // A run of capitals ("RED STATES OUTNUMBER") is a heading, not a subject.
  if (!isNameWord(words[last]!) || !isName(words[i]!)) return undefined;
  // "Hillary Clinton’s right-hand woman rallied": a person of the name's, not the name, speaks ("Bornstein's letter" is his).
  const possessed = /[’']s$/u.test(words[last]!.text) ? possessedPerson(words, i, last, limit) : undefined;
  return possessed ?? { first: i, last };
}

/** Words of a noun after a possessive name ("Clinton’s | right-hand woman"). */
const MAX_POSSESSED_WORDS = 3;

function possessedPerson(words: readonly Word[], first: number, possessor: number, limit: number): Subject | undefined {
  let last = possessor;
  for (let j = possessor + 1; j < limit && j <= possessor + MAX_POSSESSED_WORDS; j++) {
    const w = words[j]!;
    if (!w.isWord || w.capitalised || /ed$/u.test(w.lower) || SUBJECT_STOPS.has(w.lower) || BETWEEN_SUBJECT_AND_VERB.has(w.lower) || cueVerbOf(w.lower) !== undefined) break;
    last = j;
  }
  const head = words[last]!.lower;
  return last > possessor && (PERSON_HEADS.has(head) || PERSON_HEADS.has(head.replace(/s$/u, ''))) ? { first, last } : undefined;
}

/**
 * Where the subject starts after a short opener of up to six words and its comma ("Last
 * week, …", "On Tuesday, …"), or `from` when the words before the comma are a name
 * ("Putin, 69, said").
 */
function shortOpenerEnd(words: readonly Word[], from: number, limit: number): number {
  for (let j = from; j < Math.min(limit, from + 6); j++) {
    if (words[j]!.text !== ',') continue;
    const opener = words[from]!;
    const adverbial = words.slice(from, j).some((w) => /^\d/u.test(w.text) || /^(in|on|at|after|before|during|since|for|from|with|by|as)$/u.test(w.lower));
    return CAPITALISED_FUNCTION_WORDS.has(opener.text) || NOT_A_SUBJECT.test(opener.text) || adverbial || !isNameWord(words[j - 1]!) ? j + 1 : from;
  }
  return from;
}

/** Words that open an adverbial before a sentence's subject ("In response to …, Clinton"). */
const ADVERBIAL_OPENERS = new Set(
  'in at on after before during since for from with without by as when while although though despite following amid under over throughout upon because once until unlike like among across against'.split(' '),
);
const TIME_SPANS = /^(Seconds|Minutes|Moments|Hours|Days|Weeks|Months|Years|Decades)$/u;
/** How far an opening adverbial may run before its comma. */
const MAX_ADVERBIAL_WORDS = 30;

/**
 * Where the subject starts after an opening adverbial ("At a campaign event in Ames, Iowa,
 * on Sunday, Mrs. Clinton"): past the first comma that neither joins two parts of a name
 * ("Ames, Iowa") nor goes on with another adverbial (", on Sunday"). Undefined when the
 * sentence does not open with one.
 */
export function openingAdverbialEnd(words: readonly Word[], from: number, limit: number): number | undefined {
  if (from >= limit) return undefined;
  // "Hours before the game, …", "Days later, …": a time before or after, not a subject.
  const timeBefore = TIME_SPANS.test(words[from]!.text) && /^(before|after|later|earlier|ago|into)$/u.test(words[from + 1]?.lower ?? '');
  if (!timeBefore && !ADVERBIAL_OPENERS.has(words[from]!.lower)) return undefined;
  for (let k = from + 1; k < limit - 1 && k - from <= MAX_ADVERBIAL_WORDS; k++) {
    if (words[k]!.text !== ',') continue;
    const before = words[k - 1]!;
    const after = words[k + 1]!;
    // "Ames, Iowa,": a place and its state, set off by a comma after it too.
    if (isNameWord(before) && isNameWord(after) && words[k + 2]?.text === ',') continue;
    if (ADVERBIAL_OPENERS.has(after.lower) || /^\d/u.test(after.text)) continue;
    return k + 1;
  }
  return undefined;
}

/**
 * The subject after an inverted cue (“…,” said Putin) or after "according to": a
 * determiner, titles and a name, up to punctuation or a clause word.
 */
export function subjectAfter(words: readonly Word[], from: number, ceiling = words.length): Subject | undefined {
  const start = words[from];
  if (start === undefined || !start.isWord || from >= ceiling) return undefined;
  const pronoun = PRONOUNS.get(start.lower);
  if (pronoun !== undefined) return { first: from, last: from, pronoun };
  let last = -1;
  let sawName = false;
  for (let j = from; j < ceiling && j - from < MAX_SUBJECT_WORDS; j++) {
    const w = words[j]!;
    if (!w.isWord) {
      if ((w.text === '-' || w.text === '.') && j > from) continue;
      break;
    }
    if (j > from && DETERMINERS.has(w.lower) && !isAcronym(w) && !INNER_PREPOSITIONS.has(words[j - 1]!.lower)) break;
    if (SUBJECT_STOPS.has(w.lower) && !isAcronym(w) && !(INNER_PREPOSITIONS.has(w.lower) && j > from)) break;
    // "the Top 500 Restaurant Chain report by Technomic": a document and its author are one source.
    if (sawName && DOCUMENT_HEADS.has(w.lower) && /^(by|from)$/u.test(words[j + 1]?.lower ?? '')) {
      const author = words[j + 2]?.lower === 'the' ? j + 3 : j + 2;
      if (author < ceiling && isNameWord(words[author]!) && /^\p{Lu}/u.test(words[author]!.text)) {
        sawName = false;
        j = author - 1;
        last = j;
        continue;
      }
    }
    // A name's possessive is a determiner: "Johnson's critics" are who speak, not Johnson.
    if (isNameWord(w) && !hasPossessive(w.text)) sawName = true;
    else if (sawName && !TITLE_WORDS.has(w.lower) && !INNER_PREPOSITIONS.has(w.lower)) break;
    last = j;
  }
  while (last > from && INNER_PREPOSITIONS.has(words[last]!.lower)) last--;
  // "according to Johnson's, …" is no speaker.
  if (last >= from && hasPossessive(words[last]!.text) && words[last + 1]?.isWord !== true) return undefined;
  if (last < from || !hasHead(words, from, last)) return undefined;
  return { first: from, last };
}

/** A subject needs a word that is not a determiner or preposition. */
function hasHead(words: readonly Word[], first: number, last: number): boolean {
  for (let k = first; k <= last; k++) {
    const w = words[k]!;
    if (w.isWord && !DETERMINERS.has(w.lower) && !INNER_PREPOSITIONS.has(w.lower)) return true;
  }
  return false;
}

/** The name inside a subject: its last run of capitalised words ("Antony Blinken"). */
export function nameIn(words: readonly Word[], subject: Subject): Subject | undefined {
  let last = subject.last;
  while (last >= subject.first && !isNameWord(words[last]!)) last--;
  if (last < subject.first) return undefined;
  let first = last;
  while (first - 1 >= subject.first && (isNameWord(words[first - 1]!) || words[first - 1]!.text === '.') && !TITLE_WORDS.has(words[first - 1]!.lower)) first--;
  return { first, last };
}
