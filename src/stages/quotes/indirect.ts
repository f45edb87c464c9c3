import type { BlockContext } from './context.js';
import { findCues, type Cue } from './cues.js';
import { BETWEEN_SUBJECT_AND_VERB, cueVerbOf, type CueVerb, DETERMINERS, INFINITIVE_LEMMAS, ONLY_INFINITIVE_LEMMAS, PERSON_HEADS, PLURAL_NOUN_CUES, PRONOUNS, SUBJECT_STOPS } from './lexicon.js';
import { coordinated, isBareVerbAfterName, isParticiple, isPassive, passiveAgent, phraseClosedBy, speakerOfCue } from './cue-speaker.js';
import { subjectAfter, subjectBefore, type Subject } from './speaker.js';
import type { Word } from './words.js';

/** Reported speech: a cue, its subject, and the reported words as a word range [first, end). */
export interface IndirectFinding {
  readonly cue: Cue;
  /** Absent for a passive cue ("is widely expected to"): its grammatical subject is not the source. */
  readonly subject?: Subject;
  readonly first: number;
  readonly end: number;
}

const MIN_CONTENT_WORDS = 3;
/** Words of reported speech kept after its cue, so a sentence with no end stays bounded. */
const MAX_CONTENT_WORDS = 80;
/** Verbs that report a clause only with "that": beliefs and findings ("polls show that"), and verbs as often said of things ("recalled 40,000 cars", "ruled the country"). */
const NEEDS_THAT = new Set(['recall', 'recognize', 'rule', 'fear', 'know', 'show', 'find', 'learn', 'agree', 'feel', 'state', 'comment', 'post', 'continue', 'report', 'call', 'reveal', 'indicate', 'signal', 'add', 'note', 'mention']);
/** Forms that report a clause only with "that" where their lemma's other forms need not: one writes things as often as clauses ("companies are writing custom apps"). */
const NEEDS_THAT_FORMS = new Set(['writing']);
const OBJECT_PRONOUNS = new Set('him her them me us you reporters journalists supporters'.split(' '));
/** Words after a cue that start no reported clause ("said goodbye", "said so"). */
const NOT_A_CLAUSE = new Set('so goodbye hello yes no nothing something anything thanks sorry otherwise'.split(' '));
/** Words that open a reported clause though they stop a subject: "explained how …", "asked whether …". */
const CLAUSE_STARTERS = new Set(['there', 'this', 'it', 'no', 'nobody', 'nothing', 'everyone', 'none', 'how', 'why', 'whether']);
/** What may stand between a cue and "that" ("said in a statement that", "said Tuesday that"). */
const MAX_WORDS_TO_THAT = 8;
/** Words of a time or place between a cue and a late "that" ("said Thursday during a taping of …, that"). */
const MAX_WORDS_TO_LATE_THAT = 24;
const TIME_WORDS = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight|Jan\.?|January|Feb\.?|February|March|April|May|June|July|Aug\.?|August|Sept?\.?|September|Oct\.?|October|Nov\.?|November|Dec\.?|December|last|this|earlier|late|early)$/u;
/** Words after a trailing cue ("…, he said in an interview on Tuesday."). */
const MAX_TRAILING_WORDS = 9;

/**
 * Reported speech in one sentence: "X said (that) CLAUSE", "CLAUSE, X said",
 * "according to X, CLAUSE" and "CLAUSE, according to X". Cues already given to a direct
 * quotation are skipped (`taken`).
 */
export function findIndirect(ctx: BlockContext, sentence: { first: number; end: number }, taken: ReadonlySet<number>): IndirectFinding[] {
  const out: IndirectFinding[] = [];
  const cues = findCues(ctx, sentence.first, sentence.end);
  if (cues.length === 0) return out;
  const { words } = ctx;
  let end = sentence.end;
  while (end > sentence.first && !words[end - 1]!.isWord && /[.!?]/u.test(words[end - 1]!.text)) end--;
  // A run-on "sentence" (no full stop for pages): reported clauses stop at the cap, and any
  // clause stops where the sentence turns to something else (", according to …", "; …").
  const wordCap = (from: number): number => clauseEnd(ctx, from, Math.min(end, from + MAX_CONTENT_WORDS));
  for (const cue of cues) {
    if (taken.has(cue.first) || asksForAnonymity(words, cue)) continue;
    if (cue.quoteOnly) {
      const described = describedAs(ctx, cue, sentence.first, end);
      if (described !== undefined) out.push({ ...described, end: wordCap(described.first) });
      continue;
    }
    if (isPassive(ctx, cue, sentence.first)) {
      // "was told by aides that …": the agent after "by" is the source.
      const agent = passiveAgent(ctx, cue, end);
      const after = agent !== undefined ? { ...cue, last: agent.last } : cue;
      const start = complementStart(ctx, after, end);
      if (start !== undefined && contentWords(ctx, start, end) >= MIN_CONTENT_WORDS) {
        out.push({ cue, first: start, end: wordCap(start), ...(agent !== undefined ? { subject: agent } : {}) });
      }
      continue;
    }
    if (cue.according) {
      const found = according(ctx, cue, sentence.first, end);
      if (found !== undefined) out.push(found);
      continue;
    }
    if (isParticiple(ctx, cue) || coordinated(ctx, cue, sentence.first)) {
      const speaker = speakerOfCue(ctx, cue, sentence.first, sentence.first, end);
      const start = speaker !== undefined ? complementStart(ctx, cue, end) : undefined;
      if (speaker !== undefined && start !== undefined && contentWords(ctx, start, end) >= MIN_CONTENT_WORDS) out.push({ cue, subject: speaker, first: start, end: wordCap(start) });
      continue;
    }
    const subject = subjectBefore(words, cue.first, sentence.first);
    if (subject !== undefined && isBareVerbAfterName(words, cue, subject)) {
      // "executives who have worked with Lachlan Murdoch say …": the name ends a phrase of the plural subject the cue agrees with, which speaks.
      const phrase = phraseClosedBy(words, subject, sentence.first);
      const start = phrase !== undefined ? complementStart(ctx, cue, end) : undefined;
      if (phrase !== undefined && start !== undefined && contentWords(ctx, start, end) >= MIN_CONTENT_WORDS) out.push({ cue, subject: phrase, first: start, end: wordCap(start) });
      continue;
    }
    const boundary = subject !== undefined ? subject.first - 1 : cue.first - 1;
    // "…, said Putin": only speech verbs invert ("…, praised the team" reports nothing).
    const inverted = subject === undefined && cue.act === 'speech' && boundary >= sentence.first && words[boundary]!.text === ',' ? subjectAfter(words, cue.last + 1, end) : undefined;
    const speaker = subject ?? inverted;
    if (speaker === undefined) continue;
    // X said (that) CLAUSE — unless nothing clause-like follows the cue.
    const start = subject !== undefined ? complementStart(ctx, cue, end) : undefined;
    if (start !== undefined && contentWords(ctx, start, end) >= MIN_CONTENT_WORDS) {
      out.push({ cue, subject: speaker, first: start, end: wordCap(start) });
      continue;
    }
    // A cue that opens a quotation ("Biden said “Will you shut up, man?”") reports nothing else.
    if (opensQuotation(ctx, (inverted ?? cue).last + 1, end)) continue;
    // CLAUSE, X said.
    if (boundary > sentence.first && /^[,—–]$/u.test(words[boundary]!.text) && trailingIsShort(ctx, (inverted ?? cue).last + 1, end)) {
      // "The larger landers, he said, could deliver tools": the said goes on past the cue; "…, Tipton said, and quality is key".
      const rest = restAfterParenthetical(ctx, (inverted ?? cue).last + 1, end);
      if (rest !== undefined) out.push({ cue, subject: speaker, first: rest.first, end: wordCap(rest.first) });
      if (contentWords(ctx, sentence.first, boundary) >= MIN_CONTENT_WORDS && !introductory(ctx, sentence.first, boundary)) {
        out.push({ cue, subject: speaker, first: Math.max(sentence.first, boundary - MAX_CONTENT_WORDS), end: boundary });
      }
    }
  }
  return endBeforeNextSpeaker(ctx, out);
}

/** Whether the sentence ends with a quotation starting at words[at], past a colon or comma. */
function opensQuotation(ctx: BlockContext, at: number, end: number): boolean {
  let i = at;
  while (i < end && (ctx.words[i]!.text === ':' || ctx.words[i]!.text === ',')) i++;
  if (i >= end || ctx.quoted[i] !== 1) return false;
  for (let k = i; k < end; k++) if (ctx.quoted[k] !== 1 && ctx.words[k]!.isWord) return false;
  return true;
}

/** Words between "described" and its "as" ("described the initiative as very helpful"). */
const MAX_WORDS_TO_AS = 8;

/**
 * "X described the initiative as very helpful": a stance on what follows (where it ends is
 * the caller's clause rule), when no quotation holds the description (that one is a quotation of its own, "described it as
 * “a sham”").
 */
function describedAs(ctx: BlockContext, cue: Cue, sentenceFirst: number, end: number): Omit<IndirectFinding, 'end'> | undefined {
  const { words, quoted } = ctx;
  if (cue.lemma !== 'describe' || isPassive(ctx, cue, sentenceFirst)) return undefined;
  let as = cue.last + 1;
  while (as < end && as - cue.last <= MAX_WORDS_TO_AS && words[as]!.isWord && words[as]!.lower !== 'as') as++;
  if (as >= end || words[as]!.lower !== 'as' || as === cue.last + 1) return undefined;
  for (let i = cue.last + 1; i < end; i++) if (quoted[i] === 1) return undefined;
  const subject = subjectBefore(words, cue.first, sentenceFirst);
  if (subject === undefined || contentWords(ctx, cue.last + 1, end) < MIN_CONTENT_WORDS) return undefined;
  return { cue: { ...cue, act: 'stance' }, subject, first: cue.last + 1 };
}

/**
 * "A said X, and B said Y": X ends where the next attribution's speaker begins, with the
 * joining comma and conjunction left out.
 */
function endBeforeNextSpeaker(ctx: BlockContext, found: IndirectFinding[]): IndirectFinding[] {
  if (found.length < 2) return found;
  return found.map((finding) => {
    let end = finding.end;
    for (const other of found) {
      const start = other.subject?.first;
      if (other === finding || start === undefined || start <= finding.first || start >= end || other.cue.first < start) continue;
      end = start;
    }
    if (end === finding.end) return finding;
    while (end > finding.first && (!ctx.words[end - 1]!.isWord || JOINERS.has(ctx.words[end - 1]!.lower))) end--;
    return contentWords(ctx, finding.first, end) >= MIN_CONTENT_WORDS ? { ...finding, end } : finding;
  });
}

/** Words that, after a comma, a dash or a semicolon, turn a sentence away from what was said. */
const TURNS = new Set('according referring compared'.split(' '));

/**
 * Where reported words end: at the sentence's end, before a semicolon, or before a comma
 * or dash followed by a turn (", according to pool reports", ", referring to the
 * convention"). ", but …" and ", which …" are not turns: on PolNeAR train, cutting there
 * cost more recall than it gave precision.
 */
function clauseEnd(ctx: BlockContext, from: number, end: number): number {
  for (let i = from + MIN_CONTENT_WORDS; i < end - 1; i++) {
    const w = ctx.words[i]!;
    if (w.isWord || ctx.quoted[i] === 1) continue;
    if (w.text === ';') return i;
    if ((w.text === ',' || w.text === '—' || w.text === '–' || w.text === '-') && TURNS.has(ctx.words[i + 1]!.lower) && ctx.quoted[i + 1] !== 1) return i;
    // "…, but cautioned against …", "…, and says …": the speaker's next act, reported on its own.
    if (w.text === ',' && SECOND_ACT_JOINERS.has(ctx.words[i + 1]!.lower) && ctx.quoted[i + 1] !== 1 && nextActAt(ctx, i + 2)) return i;
  }
  return end;
}

const SECOND_ACT_JOINERS = new Set(['and', 'but']);
const FOCUSING_ADVERBS = new Set(['even', 'only', 'perhaps', 'maybe']);

/** The cue verb a lower-case word outside quotation marks is, at words[j]. */
function cueVerbAt(ctx: BlockContext, j: number): CueVerb | undefined {
  const w = ctx.words[j];
  return w !== undefined && w.isWord && w.text === w.lower && ctx.quoted[j] !== 1 ? cueVerbOf(w.lower) : undefined;
}

/** A cue verb right there, or after a pronoun: the speaker acting again ("but cautioned", "and he reiterated"). */
function nextActAt(ctx: BlockContext, k: number): boolean {
  return cueVerbAt(ctx, k) !== undefined || (PRONOUNS.has(ctx.words[k]?.lower ?? '') && cueVerbAt(ctx, k + 1) !== undefined);
}

const JOINERS = new Set(['and', 'but', 'while', 'whereas', 'although', 'though', 'as', 'yet', 'so']);
/** Prepositions that, right after a cue's object, open what was asked for or told about. */
const OBJECT_PREPOSITIONS = new Set(['for', 'about']);
const OPENING_PREPOSITIONS = new Set('in at on during after before with for from by as under over since throughout amid despite'.split(' '));
/** An opening phrase this short with no comma of its own is an adverbial, not something said ("In the end, he said …"). */
const MAX_INTRODUCTORY_WORDS = 8;

/** "In a two-minute response", "According to pool reports": words before a comma that open a sentence rather than report one. */
function introductory(ctx: BlockContext, first: number, end: number): boolean {
  const opener = ctx.words[first]?.lower ?? '';
  if (opener === 'according') return true;
  if (!OPENING_PREPOSITIONS.has(opener)) return false;
  let words = 0;
  for (let i = first; i < end; i++) {
    const w = ctx.words[i]!;
    if (w.text === ',' || w.text === ';') return false;
    if (w.isWord) words++;
  }
  return words <= MAX_INTRODUCTORY_WORDS;
}

/** Where the reported clause after a cue begins, or undefined when none follows. */
function complementStart(ctx: BlockContext, cue: Cue, end: number): number | undefined {
  const { words } = ctx;
  let k = cue.last + 1;
  // "said he's proud of his trajectory on that front": a clause opened by its pronoun has begun; no later "that" introduces it.
  const opensClause = words[k] !== undefined && PRONOUNS.has(words[k]!.lower.replace(/['’].*$/u, ''));
  for (let j = k; !opensClause && j < end && j - k <= MAX_WORDS_TO_THAT; j++) {
    const w = words[j]!;
    // After a preposition "that" determines a noun ("on that front"); it introduces nothing.
    if (w.lower === 'that' && ctx.quoted[j] !== 1 && !OPENING_PREPOSITIONS.has(words[j - 1]!.lower)) return j;
    if (!w.isWord && w.text !== '-') break;
  }
  // "wants to …", "vowed to …".
  if (INFINITIVE_LEMMAS.has(cue.lemma) && words[k]?.lower === 'to' && k < end) return k;
  if (NEEDS_THAT.has(cue.lemma) || NEEDS_THAT_FORMS.has(words[cue.first]!.lower) || ONLY_INFINITIVE_LEMMAS.has(cue.lemma)) return undefined;
  if (cue.takesObject) {
    // "told radio host Charlamagne tha God “you ain't black”": the quotation is what was told, and it has its own quote.
    if (quotationAfterObject(ctx, k, end)) return undefined;
    let skipped = 0;
    if (k < end && OBJECT_PRONOUNS.has(words[k]!.lower)) k++;
    else {
      while (k < end && skipped < 5 && words[k]!.isWord && words[k]!.lower !== 'to' && !PRONOUNS.has(words[k]!.lower) && !(skipped > 0 && (DETERMINERS.has(words[k]!.lower) || (words[k]!.capitalised && !DETERMINERS.has(words[k - 1]!.lower))))) {
        // "asked the Queen for a break", "asked Clinton about her emails": what was asked for or about follows the object.
        if (skipped > 0 && OBJECT_PREPOSITIONS.has(words[k]!.lower)) return k;
        k++;
        skipped++;
      }
    }
  }
  const first = words[k];
  if (first === undefined || k >= end || !first.isWord || ctx.quoted[k] === 1) return undefined;
  // "announced Wednesday at the Dubai Air Show", "said Thursday during a taping …, that": a time or
  // place after the cue; the clause said follows a later "that", or stands before the subject.
  // "said Tuesday the plant would close": the time is skipped.
  while (k + 1 < end && TIME_WORDS.test(words[k]!.text) && words[k + 1]!.isWord) k++;
  if (TIME_WORDS.test(words[k]!.text) || (OPENING_PREPOSITIONS.has(words[k]!.lower) && !cue.takesObject)) {
    for (let j = k + 1; j < end && j - k <= MAX_WORDS_TO_LATE_THAT; j++) if (words[j]!.lower === 'that' && ctx.quoted[j] !== 1) return j;
    return undefined;
  }
  return clauseStartAt(ctx, cue, k);
}

/** Whether a quotation opens right after the object of a cue at words[from] (a few words, no clause opener or "to" between). */
function quotationAfterObject(ctx: BlockContext, from: number, end: number): boolean {
  for (let j = from; j < end && j - from <= MAX_OBJECT_WORDS; j++) {
    if (ctx.quoted[j] === 1) return j > from;
    const w = ctx.words[j]!;
    if (!w.isWord || w.lower === 'that' || w.lower === 'to' || PRONOUNS.has(w.lower) || (j > from && DETERMINERS.has(w.lower))) return false;
  }
  return false;
}

/** The most words an addressee before a quotation runs to ("African American radio host Charlamagne tha God"). */
const MAX_OBJECT_WORDS = 8;

/** k when a reported clause can begin at words[k] ("said legalizing it could …"), else undefined. */
function clauseStartAt(ctx: BlockContext, cue: Cue, k: number): number | undefined {
  const first = ctx.words[k]!;
  if (!first.isWord || ctx.quoted[k] === 1) return undefined;
  // "urged Congress to act".
  if (cue.takesObject && first.lower === 'to') return k;
  const next = ctx.words[k + 1];
  const clauseLike =
    first.capitalised ||
    // "says even a single acre could …": a focusing adverb before the clause's subject.
    (FOCUSING_ADVERBS.has(first.lower) && next !== undefined && (DETERMINERS.has(next.lower) || next.capitalised)) ||
    PRONOUNS.has(first.lower) ||
    CLAUSE_STARTERS.has(first.lower) ||
    (DETERMINERS.has(first.lower) && first.lower !== 'that') ||
    // "said legalizing it could …", "said presumptive nominee Trump was …"
    (!SUBJECT_STOPS.has(first.lower) && !BETWEEN_SUBJECT_AND_VERB.has(first.lower) && cueVerbOf(first.lower) === undefined && !NOT_A_CLAUSE.has(first.lower));
  return clauseLike ? k : undefined;
}

function according(ctx: BlockContext, cue: Cue, sentenceFirst: number, end: number): IndirectFinding | undefined {
  const { words } = ctx;
  const subject = subjectAfter(words, cue.last + 1, end);
  if (subject === undefined) return undefined;
  // According to X, CLAUSE.
  if (cue.first === sentenceFirst || (cue.first === sentenceFirst + 1 && !words[sentenceFirst]!.isWord)) {
    let k = subject.last + 1;
    // "According to a study by Peter Schott and Justin Pierce, …", "… Safety Board (NTSB), …": the source runs to its comma.
    // Scanned from the name on, not from the block's start.
    let comma = -1;
    for (let j = k; j < end && j - k <= MAX_SOURCE_TAIL && comma < 0; j++) if (words[j]!.text === ',' && ctx.quoted[j] !== 1) comma = j;
    if (comma >= 0 && !words.slice(k, comma).some((w) => w.lower === 'that')) k = comma + 1;
    while (k < end && !words[k]!.isWord) k++;
    return contentWords(ctx, k, end) >= MIN_CONTENT_WORDS ? { cue, subject, first: k, end } : undefined;
  }
  // CLAUSE, according to X.
  const before = cue.first - 1;
  if (before > sentenceFirst && words[before]!.text === ',' && contentWords(ctx, sentenceFirst, before) >= MIN_CONTENT_WORDS && !endsWithItsOwnCue(ctx, sentenceFirst, before)) {
    return { cue, subject, first: sentenceFirst, end: before };
  }
  return undefined;
}

/**
 * "“…,” he said, according to the Intelligencer": the clause before "according to" is
 * attributed already, by a speech cue among its last words; the newspaper is where the
 * words were reported, and reporting the clause again would give the quotation twice.
 */
function endsWithItsOwnCue(ctx: BlockContext, first: number, comma: number): boolean {
  for (let j = comma - 1; j >= first && j >= comma - OWN_CUE_REACH; j--) {
    if (ctx.quoted[j] === 1) return false;
    if (!PLURAL_NOUN_CUES.has(ctx.words[j]!.lower) && cueVerbAt(ctx, j)?.act === 'speech' && speakerBeside(ctx, j)) return true;
  }
  return false;
}

/**
 * A cue's speaker right beside it: "he said", "Smith told", "the judge said", "…,” said
 * Smith". A cue word without one is something else ("by 4 percentage points", "a spa
 * called Bulgari Tower").
 */
function speakerBeside(ctx: BlockContext, cue: number): boolean {
  const before = ctx.words[cue - 1];
  const after = ctx.words[cue + 1];
  if (before === undefined) return false;
  if (PRONOUNS.has(before.lower) || PERSON_HEADS.has(before.lower) || (before.isWord && before.capitalised && before.text !== before.lower)) return true;
  const inverted = !before.isWord || ctx.quoted[cue - 1] === 1;
  return inverted && after !== undefined && after.isWord && (after.capitalised || PRONOUNS.has(after.lower));
}

/** How many words before ", according to" a clause's own cue may stand ("he said", "Smith told reporters"). */
const OWN_CUE_REACH = 4;

/** "who asked not to be identified", "requested anonymity": a source asking not to be named says nothing reported. */
function asksForAnonymity(words: readonly Word[], cue: Cue): boolean {
  const next = (k: number): string => words[cue.last + k]?.lower ?? '';
  return (next(1) === 'not' && next(2) === 'to' && next(3) === 'be' && /^(named|identified|quoted)$/u.test(next(4))) || next(1) === 'anonymity';
}

/**
 * What a sentence goes on to report after a cue set off by commas in its middle: a
 * predicate ("The larger landers, he said, | could deliver tools") or a clause joined by
 * "and" or "but" ("…, Tipton said, and | quality is key"). Undefined when the cue's
 * comma closes nothing said (", he said, before leaving": an adverbial, not speech).
 */
function restAfterParenthetical(ctx: BlockContext, from: number, end: number): { first: number } | undefined {
  const { words } = ctx;
  let comma = from;
  while (comma < end && words[comma]!.isWord && ctx.quoted[comma] !== 1) comma++;
  if (comma >= end || words[comma]!.text !== ',') return undefined;
  const next = words[comma + 1];
  if (next === undefined || !next.isWord || next.text !== next.lower || ctx.quoted[comma + 1] === 1) return undefined;
  if (PREDICATE_OPENERS.has(next.lower) && contentWords(ctx, comma + 1, end) >= MIN_CONTENT_WORDS) return { first: comma + 1 };
  if ((next.lower === 'and' || next.lower === 'but') && contentWords(ctx, comma + 2, end) >= MIN_CONTENT_WORDS) {
    const after = words[comma + 2]!;
    // "and added that …", "and Mr Tong had said …": a clause with a cue of its own is reported by it.
    let ownCue = false;
    for (let j = comma + 2; j < end && !ownCue; j++) ownCue = cueVerbAt(ctx, j)?.act === 'speech';
    if (after.isWord && !ownCue && cueVerbOf(after.lower) === undefined && !BETWEEN_SUBJECT_AND_VERB.has(after.lower)) return { first: comma + 2 };
  }
  return undefined;
}

/** Auxiliaries and modals that open a predicate after a parenthetical cue. */
const PREDICATE_OPENERS = new Set('is was are were has have had will would could can may might should must does did do remains remain'.split(' '));

/** The most words the source of an opening "According to" runs past the name found, to its comma. */
const MAX_SOURCE_TAIL = 8;

function trailingIsShort(ctx: BlockContext, from: number, end: number): boolean {
  let count = 0;
  for (let i = from; i < end; i++) {
    const w = ctx.words[i]!;
    if (!w.isWord) {
      if (w.text === ',' || w.text === ';') return true;
      continue;
    }
    if (w.lower === 'that') return false;
    if (++count > MAX_TRAILING_WORDS) return false;
  }
  return true;
}

/** Words of [from, to) outside quotation marks, counted up to `MIN_CONTENT_WORDS`. */
function contentWords(ctx: BlockContext, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to && count < MIN_CONTENT_WORDS; i++) if (ctx.words[i]!.isWord && ctx.quoted[i] !== 1) count++;
  return count;
}
