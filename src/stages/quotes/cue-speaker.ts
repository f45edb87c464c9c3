import type { BlockContext } from './context.js';
import { findCues, type Cue } from './cues.js';
import { BETWEEN_SUBJECT_AND_VERB, cueVerbOf } from './lexicon.js';
import { mainSubject, subjectAfter, subjectBefore, type Subject } from './speaker.js';
import type { Word } from './words.js';

/** Auxiliaries before an -ing cue that make it a finite verb ("Trump is saying"). */
const PROGRESSIVE = new Set(['is', 'was', 'are', 'were', 'been', 'be', 'am', 'keeps', 'kept', 'began', 'begins', 'started', 'continues', 'continued']);

/** Forms of "be" before a passive cue ("was told", "has been asked", "he’s expected"). */
const BE = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'being', '’s', "'s"]);

/** "is widely expected to", "was told": the grammatical subject heard the words or is spoken of; it is not the source. */
export function isPassive(ctx: BlockContext, cue: Cue, floor: number): boolean {
  const word = ctx.words[cue.first]!.lower;
  if (!(word.endsWith('ed') || word === 'told' || word === 'shown' || word === 'known' || word === 'thought' || word === 'said')) return false;
  let i = cue.first - 1;
  while (i >= floor && ctx.words[i]!.isWord && BETWEEN_SUBJECT_AND_VERB.has(ctx.words[i]!.lower) && !BE.has(ctx.words[i]!.lower)) i--;
  return i >= floor && BE.has(ctx.words[i]!.lower);
}

/** A passive cue whose subject does not speak: "was told", "was said to be", not "is reported to have called". */
export function hidesItsSpeaker(ctx: BlockContext, cue: Cue, floor: number): boolean {
  return isPassive(ctx, cue, floor) && !raisesItsSubject(ctx, cue);
}

/** Who spoke through a passive cue: the agent after "by" ("was told by Emergencies Minister Yevgeny Zinichev"), when the text names one. */
export function passiveAgent(ctx: BlockContext, cue: Cue, limit: number): Subject | undefined {
  return ctx.words[cue.last + 1]?.lower === 'by' ? subjectAfter(ctx.words, cue.last + 2, limit) : undefined;
}

/**
 * "is reported to have called", "is expected to say", "is shown lecturing": the passive's
 * subject is the speaker of the speech cue or the participle after it (not of "is
 * expected to find").
 */
function raisesItsSubject(ctx: BlockContext, cue: Cue): boolean {
  const { words } = ctx;
  const next = words[cue.last + 1];
  if (next !== undefined && next.isWord && next.text === next.lower && next.lower.endsWith('ing')) return true;
  if (next?.lower !== 'to') return false;
  const verb = words[cue.last + 2]?.lower === 'have' ? words[cue.last + 3] : words[cue.last + 2];
  return verb !== undefined && verb.isWord && cueVerbOf(verb.lower)?.act === 'speech';
}

/**
 * The subject right before a cue in its bare form ("requested U.S. President Donald Trump
 * declare a state of emergency"): a named person takes "declares" or "declared", so the
 * name is the object of another verb and the cue is not theirs. Only a name all of two
 * capitalised words or more counts, since plurals take the bare form ("Democrats say",
 * "Police say", "supporters of Democrat Hillary Clinton say").
 */
export function isBareVerbAfterName(words: readonly Word[], cue: Cue, subject: Subject): boolean {
  if (subject.last !== cue.first - 1 || subject.last - subject.first < 1) return false;
  const verb = words[cue.first]!.lower;
  const { lemma } = cue;
  const bare = lemma === verb || (lemma.length > verb.length && lemma.charCodeAt(verb.length) === 32 && lemma.startsWith(verb));
  if (!bare || PAST_AS_BARE.has(verb)) return false;
  // "Mr. Grassley and Mr. Leahy say": two people.
  if (words[subject.first - 1]?.lower === 'and') return false;
  for (let k = subject.first; k <= subject.last; k++) if (!words[k]!.capitalised) return false;
  return !words[subject.last]!.lower.endsWith('s');
}

/**
 * The whole subject a name right after a preposition ends ("Additional customers that
 * spoke with 7 On Your Side", "executives who have worked with Lachlan Murdoch"), from the
 * clause's start: undefined when the name follows no preposition, or the walk back meets
 * another clause's cue or no clause start within MAX_PHRASE_WORDS.
 */
export function phraseClosedBy(words: readonly Word[], subject: Subject, floor: number): Subject | undefined {
  let k = subject.first - 1;
  if (!PHRASE_PREPOSITIONS.has(words[k]?.lower ?? '')) return undefined;
  for (let n = 0; n < MAX_PHRASE_WORDS; n++) {
    const w = words[k - 1];
    if (k - 1 < floor || w === undefined || !w.isWord || CLAUSE_OPENERS.has(w.lower)) return k < subject.first - 1 ? { first: k, last: subject.last } : undefined;
    // "He said that executives with …": another clause's verb; where this subject starts is not clear.
    if (w.text === w.lower && cueVerbOf(w.lower) !== undefined) return undefined;
    k--;
  }
  return undefined;
}

const MAX_PHRASE_WORDS = 10;
const CLAUSE_OPENERS = new Set(['though', 'although', 'while', 'when', 'because', 'if', 'as', 'and', 'but', 'since', 'after', 'before']);

const PHRASE_PREPOSITIONS = new Set(['with', 'of', 'for', 'at', 'from', 'by', 'to', 'about', 'among', 'like', 'near', 'on', 'in']);

/** Verbs whose past tense is their bare form ("As Professor Foner put it"). */
const PAST_AS_BARE = new Set(['put', 'read', 'set', 'let', 'cut', 'hit', 'quit', 'cast', 'bet', 'forecast', 'broadcast']);

/** A participle cue ("…, saying", "telling Reuters") has no subject of its own. */
export function isParticiple(ctx: BlockContext, cue: Cue): boolean {
  const word = ctx.words[cue.first]!;
  if (!word.lower.endsWith('ing')) return false;
  const before = ctx.words[cue.first - 1];
  return before === undefined || !PROGRESSIVE.has(before.lower);
}

/**
 * Who speaks through a cue: the noun phrase after "according to"; for a passive cue, its
 * agent ("was told by aides"), or nobody when none is named; for a participle, the
 * speaker of an earlier cue in the sentence (“…,” said Biden, urging …) or the sentence's
 * subject (Trump returned the compliment, telling Reuters …); otherwise the subject
 * just before the verb.
 */
export function speakerOfCue(ctx: BlockContext, cue: Cue, floor: number, sentenceFirst: number, limit: number): Subject | undefined {
  const { words } = ctx;
  if (cue.according) return subjectAfter(words, cue.last + 1, limit);
  if (hidesItsSpeaker(ctx, cue, floor)) return passiveAgent(ctx, cue, limit);
  if (isParticiple(ctx, cue)) {
    // "with one of her ads asking, “…”": the noun phrase after "with" speaks.
    const own = subjectBefore(words, cue.first, floor);
    if (own !== undefined && words[own.first - 1]?.lower === 'with') return own;
  }
  if (isParticiple(ctx, cue) || coordinated(ctx, cue, floor)) return earlierSpeaker(ctx, sentenceFirst, cue.first) ?? mainSubject(words, sentenceFirst, cue.first);
  if (words[cue.first - 1]?.lower === 'to') return infinitiveSubject(ctx, cue, floor);
  const subject = subjectBefore(words, cue.first, floor);
  return subject !== undefined && isBareVerbAfterName(words, cue, subject) ? undefined : subject;
}

/** Words between a subject and "to say" that leave the subject the speaker ("was prompted", "wanted", "is expected"). */
const RAISING_WORDS = new Set('is was are were be been being has have had will would could should may might wants want wanted going went seems seemed appears appeared tried tries began begins refused declined decided chose hopes hoped plans planned likely unlikely able unable expected set due eager ready quick also then later still just not never'.split(' '));
/** How many such words may stand there. */
const MAX_RAISING_WORDS = 4;

/**
 * The speaker of "to say": the subject before the verbs it hangs on ("Mr. Trump was
 * prompted to say"), never an object ("urged him to say" is none: the walk stops at "him").
 */
function infinitiveSubject(ctx: BlockContext, cue: Cue, floor: number): Subject | undefined {
  const { words } = ctx;
  let k = cue.first - 1;
  for (let n = 0; n < MAX_RAISING_WORDS && k - 1 >= floor; n++) {
    const w = words[k - 1]!;
    if (!w.isWord || w.text !== w.lower || !(RAISING_WORDS.has(w.lower) || /ed$/u.test(w.lower))) break;
    k--;
  }
  return k < cue.first - 1 ? subjectBefore(words, k, floor) : undefined;
}

/** A verb joined to an earlier one by "and" or "but" ("Carson admitted …, but said"): it shares that subject. */
export function coordinated(ctx: BlockContext, cue: Cue, floor: number): boolean {
  let i = cue.first - 1;
  while (i >= floor && ctx.words[i]!.isWord && BETWEEN_SUBJECT_AND_VERB.has(ctx.words[i]!.lower)) i--;
  const joiner = ctx.words[i]?.lower;
  return i >= floor && (joiner === 'and' || joiner === 'but');
}

function earlierSpeaker(ctx: BlockContext, sentenceFirst: number, limit: number): Subject | undefined {
  const cues = findCues(ctx, sentenceFirst, limit);
  for (let c = cues.length - 1; c >= 0; c--) {
    const cue = cues[c]!;
    if (cue.according || cue.quoteOnly || isParticiple(ctx, cue)) continue;
    const subject = subjectBefore(ctx.words, cue.first, sentenceFirst) ?? subjectAfter(ctx.words, cue.last + 1, limit);
    // "in a letter posted on Twitter, saying": a thing the past participle describes, not the clause's speaker.
    if (subject !== undefined && /^an?$/u.test(ctx.words[subject.first]!.lower) && ctx.words[cue.first]!.lower.endsWith('ed')) continue;
    if (subject !== undefined) return subject;
  }
  return undefined;
}
