import type { Mention, SpanText } from '../../doc/annotations.js';
import { firstIndex } from '../../doc/span.js';
import { hasPossessive } from '../entities/index.js';
import { sentenceAt, type BlockContext } from './context.js';
import { CAPITALISED_FUNCTION_WORDS, DETERMINERS, PERSON_HEADS, TITLE_WORDS } from './lexicon.js';
import { overlappingMentions } from './lookup.js';
import { openingAdverbialEnd } from './speaker.js';

/** A speaker named earlier, kept so pronouns and continuations can point back to it. */
interface Remembered {
  readonly mention: SpanText;
  readonly block: number;
}

/** The pronouns that stand for a speaker: he, she, they, it. */
export type PronounKind = 'male' | 'female' | 'plural' | 'neuter';

/** How a pronoun was resolved, from the surest to the least sure. */
export type ResolvedVia = 'sentence' | 'previous' | 'speaker' | 'earlier';

export interface Resolution {
  readonly mention: SpanText;
  readonly via: ResolvedVia;
}

/** What the article tells of the gender of the person named at [start, end), if anything. */
export type GenderOf = (start: number, end: number) => 'male' | 'female' | undefined;

const PREPOSITIONS = new Set('in at on from to with of for by about against over under into near'.split(' '));
/** Prepositions whose object a pronoun does not take up as readily as a subject ("met with Putin. He said …" is about the subject). */
const GOVERNING_PREPOSITIONS = new Set([...PREPOSITIONS, 'like', 'unlike', 'than', 'between', 'among', 'after', 'before', 'during', 'behind', 'toward', 'towards', 'via', 'alongside', 'beside', 'without', 'including']);
/** Adverbs that open a sentence before its subject, set off by a comma (besides any "-ly" word). */
const SENTENCE_ADVERBS = new Set(['however', 'meanwhile', 'instead', 'still', 'also', 'later', 'now', 'then', 'separately', 'moreover', 'furthermore', 'meantime', 'nevertheless', 'nonetheless', 'otherwise', 'indeed', 'thus', 'hence', 'yet', 'again', 'besides', 'likewise']);
/** How many blocks back a pronoun or a continuation may reach. */
const REACH_BLOCKS = 3;
/** Words of a description before an appositive name ("The trust’s chief operating officer, Graham Pell,"). */
const MAX_DESCRIPTION_WORDS = 8;
/** How many earlier speakers a pronoun may try: a paragraph of a thousand quotations must not make every pronoun try them all. */
const MAX_SPEAKERS_BACK = 12;
/** How many sentences back a pronoun may look for a subject. */
const MAX_SENTENCES_BACK = 12;

/** Index of the last sentence of `ctx` that starts before word `at` (-1 when none). */
function lastSentenceStartingBefore(ctx: BlockContext, at: number): number {
  return firstIndex(ctx.sentences, (sentence) => sentence.first >= at) - 1;
}

/**
 * Who was speaking: the speakers found so far, and the mentions layer when a tagger ran,
 * so pronouns resolve to people ("he") or to people and organisations ("they").
 */
export class SpeakerMemory {
  private readonly speakers: Remembered[] = [];

  /** Genders learnt from pronouns already resolved, by the name's last word ("Clinton" → female after "she"). */
  private readonly learnt = new Map<string, 'male' | 'female'>();

  constructor(
    private readonly text: string,
    private readonly mentions: readonly Mention[] | undefined,
    private readonly genderOf: GenderOf = () => undefined,
  ) {}

  remember(mention: SpanText, block: number, pronoun?: PronounKind): void {
    this.speakers.push({ mention, block });
    if (pronoun === 'male' || pronoun === 'female') this.learnt.set(lastWordOf(mention.text), pronoun);
  }

  /**
   * What a pronoun at words[at] stands for: the subject of its own sentence when that is a
   * name before it ("Putin hailed …, slamming what he called"), else the latest speaker
   * within reach, else the subject of an earlier sentence nearby; always one that agrees
   * with the pronoun ("he" and "she" a person of that gender or of none known, "it" an
   * organisation, "they" no single named person). Undefined when nothing agrees: the
   * pronoun then stays unresolved rather than guessed.
   */
  resolvePronoun(contexts: readonly BlockContext[], ctx: BlockContext, at: number, pronoun: PronounKind): Resolution | undefined {
    const person = pronoun === 'male' || pronoun === 'female';
    const own = sentenceAt(ctx, at);
    if (own !== undefined) {
      const subject = this.sentenceSubject(ctx, own.first, at, person);
      if (subject !== undefined && this.agrees(subject, pronoun)) return { mention: subject, via: 'sentence' };
    }
    // A person just named as the subject of the sentence before is who "he" means next, more than an earlier speaker.
    const previous = this.previousSentenceSubject(contexts, ctx, at, person);
    if (previous !== undefined && /^\p{Lu}/u.test(previous.text) && this.agrees(previous, pronoun)) return { mention: previous, via: 'previous' };
    for (let k = this.speakers.length - 1; k >= 0 && this.speakers.length - k <= MAX_SPEAKERS_BACK; k--) {
      const speaker = this.speakers[k]!;
      if (ctx.index - speaker.block > REACH_BLOCKS) break;
      if (!this.agrees(speaker.mention, pronoun)) continue;
      // "Trump tweeted: “…” … Flynn was on stage … He said “…”": with another person acting since, "he" may mean either, so it stays unresolved (settle.ts may still offer a guess below the person-page threshold).
      if (person && this.anotherPersonSince(speaker.mention, ctx.words[at]!.start, pronoun)) return undefined;
      return { mention: speaker.mention, via: 'speaker' };
    }
    let looked = 0;
    for (let b = ctx.index; b >= 0 && ctx.index - b <= REACH_BLOCKS; b--) {
      const c = contexts[b]!;
      // In the pronoun's own block, start from its sentence rather than the block's end.
      const from = b === ctx.index ? lastSentenceStartingBefore(c, at) : c.sentences.length - 1;
      for (let s = from; s >= 0; s--) {
        // A subject further back than this is not what a reader would take "he" to mean.
        if (++looked > MAX_SENTENCES_BACK) return undefined;
        const range = c.sentences[s]!;
        const subject = this.sentenceSubject(c, range.first, Math.min(range.end, b === ctx.index ? at : range.end), person);
        if (subject !== undefined && this.agrees(subject, pronoun)) return { mention: subject, via: 'earlier' };
      }
    }
    return undefined;
  }

  /**
   * Whether the person named last before `before`, since the speaker, is someone else the
   * pronoun could stand for. A name after a preposition ("pardoned by Trump", "chats with
   * Epstein") or possessive ("McDonald’s cameo") is passed over: a reader takes "he" for
   * someone who acted, not for them.
   */
  private anotherPersonSince(speaker: SpanText, before: number, pronoun: PronounKind): boolean {
    if (this.mentions === undefined) return false;
    const own = overlappingMentions(this.mentions, speaker.start, speaker.end)[0];
    const surname = lastWordOf(speaker.text);
    let other = false;
    for (const mention of overlappingMentions(this.mentions, speaker.end, before)) {
      if (mention.type !== 'PER' || mention.end > before || !this.actsIn(mention)) continue;
      const same = own?.entity !== undefined && mention.entity !== undefined ? mention.entity === own.entity : lastWordOf(mention.text) === surname;
      if (same) other = false;
      else if (this.agrees(mention, pronoun)) other = true;
    }
    return other;
  }

  /** A name not governed by a preposition ("with Russian President Vladimir Putin": past the capitalised words before it) nor possessive. */
  private actsIn(mention: SpanText): boolean {
    const before = this.text.slice(Math.max(0, mention.start - 60), mention.start);
    const governing = /(?<![\p{L}'’-])(\p{Ll}+)(?:\s+\p{Lu}[\p{L}.'’-]*)*\s*$/u.exec(before)?.[1];
    if (governing !== undefined && GOVERNING_PREPOSITIONS.has(governing)) return false;
    return !hasPossessive(this.text.slice(mention.start, mention.end + 2));
  }

  /** The subject of the sentence right before the one holding words[at] (the previous block's last, at a block's start). */
  private previousSentenceSubject(contexts: readonly BlockContext[], ctx: BlockContext, at: number, person: boolean): SpanText | undefined {
    const own = lastSentenceStartingBefore(ctx, at + 1);
    if (own > 0) {
      const range = ctx.sentences[own - 1]!;
      return this.sentenceSubject(ctx, range.first, range.end, person);
    }
    const before = contexts[ctx.index - 1];
    const range = before?.sentences[before.sentences.length - 1];
    return before === undefined || range === undefined ? undefined : this.sentenceSubject(before, range.first, range.end, person);
  }

  private readonly agreement = new Map<string, boolean>();

  /** Whether a name can be what the pronoun stands for (asked of the same speakers again and again: remembered). */
  private agrees(name: SpanText, pronoun: PronounKind): boolean {
    const key = `${name.start}:${name.end}:${pronoun}`;
    let agrees = this.agreement.get(key);
    if (agrees === undefined) this.agreement.set(key, (agrees = this.judgeAgreement(name, pronoun)));
    return agrees;
  }

  private judgeAgreement(name: SpanText, pronoun: PronounKind): boolean {
    const types = this.mentions === undefined ? undefined : overlappingMentions(this.mentions, name.start, name.end).map((m) => m.type);
    if (pronoun === 'male' || pronoun === 'female') {
      // A tagged name must be a person's; an untagged one (no tagger ran) may be.
      if (types !== undefined && types.length > 0 && !types.includes('PER')) return false;
      // An untagged capitalised name is no person's, unless a description says so ("Yin Myint May, 60, a doctor").
      if (types !== undefined && types.length === 0 && /^\p{Lu}/u.test(name.text) && !describedAsPerson(name.text)) return false;
      // "he" is one person: never "scientists", "his often-repeated" or "a statement".
      const head = lastWordOf(name.text);
      if (!/^\p{Lu}/u.test(name.text) && !PERSON_HEADS.has(head.toLowerCase())) return false;
      const gender = this.genderOf(name.start, name.end) ?? this.learnt.get(head);
      return gender === undefined || gender === pronoun;
    }
    if (pronoun === 'neuter') return types === undefined || types.includes('ORG');
    // "they": an organisation or a group, not one named person.
    return types === undefined || !(types.length === 1 && types[0] === 'PER' && !/s$/u.test(name.text));
  }

  /** A name standing at the head of a sentence, before `limit`, as its subject. */
  private sentenceSubject(ctx: BlockContext, first: number, limit: number, person: boolean): SpanText | undefined {
    const { words, quoted } = ctx;
    // "With the issue of race at the forefront, Senator Amy Klobuchar withdrew": past an opening adverbial.
    let i = openingAdverbialEnd(words, first, limit) ?? first;
    const stop = Math.min(limit, i + 8);
    while (i < stop) {
      const w = words[i]!;
      if (!w.isWord || quoted[i] === 1 || CAPITALISED_FUNCTION_WORDS.has(w.text) || DETERMINERS.has(w.lower) || TITLE_WORDS.has(w.lower)) {
        if (w.isWord && PREPOSITIONS.has(w.lower)) return undefined;
        i++;
        continue;
      }
      // "Similarly, Shaheda Begum …", "However, the minister …": a sentence adverb and its comma.
      if (words[i + 1]?.text === ',' && (SENTENCE_ADVERBS.has(w.lower) || /^\p{Lu}\p{Ll}+ly$/u.test(w.text))) {
        i += 2;
        continue;
      }
      break;
    }
    if (i >= stop || !words[i]!.capitalised) return this.appositiveName(ctx, first, limit, person);
    const capitalisedRunEnd = (from: number): number => {
      let end = from;
      while (end + 1 < limit && quoted[end + 1] !== 1 && words[end + 1]!.isWord && words[end + 1]!.capitalised && !CAPITALISED_FUNCTION_WORDS.has(words[end + 1]!.text)) end++;
      return end;
    };
    let end = capitalisedRunEnd(i);
    // "Wild defenseman Ryan Suter", "Apple chief executive Tim Cook": a team or a company, a role, then the name that is the subject.
    let role = end + 1;
    let holdsRole = false;
    for (; role < limit && role <= end + MAX_ROLE_WORDS && words[role]!.isWord && words[role]!.text === words[role]!.lower && isTitleWord(words[role]!.lower); role++) {
      holdsRole ||= !NOT_ROLES.has(words[role]!.lower);
    }
    if (holdsRole && role < limit && quoted[role] !== 1 && words[role]!.isWord && words[role]!.capitalised && !CAPITALISED_FUNCTION_WORDS.has(words[role]!.text)) {
      i = role;
      end = capitalisedRunEnd(role);
      // "Atlanta's mayor Keisha Lance Bottoms's handling of the incident": the subject is what the name owns.
      if (hasPossessive(words[end]!.text)) return undefined;
    }
    const start = words[i]!.start;
    const stopAt = words[end]!.end;
    if (this.mentions !== undefined) {
      const mention = overlappingMentions(this.mentions, start, stopAt)[0];
      if (mention === undefined) return undefined;
      if (person && mention.type !== 'PER') return undefined;
      if (!person && mention.type === 'LOC') return undefined;
    }
    return { start, end: stopAt, text: this.text.slice(start, stopAt) };
  }

  /** "The trust’s chief operating officer, Graham Pell, said": the name set off by commas in a description opening the sentence. */
  private appositiveName(ctx: BlockContext, first: number, limit: number, person: boolean): SpanText | undefined {
    const { words, quoted } = ctx;
    for (let i = first; i < Math.min(limit, first + MAX_DESCRIPTION_WORDS); i++) {
      const w = words[i]!;
      if (quoted[i] === 1) return undefined;
      if (w.isWord && PREPOSITIONS.has(w.lower) && i === first) return undefined;
      if (w.text !== ',') continue;
      const start = i + 1;
      let end = start;
      while (end < limit && words[end]!.isWord && words[end]!.capitalised && !CAPITALISED_FUNCTION_WORDS.has(words[end]!.text)) end++;
      if (end === start || words[end]?.text !== ',') return undefined;
      const span = { start: words[start]!.start, end: words[end - 1]!.end };
      const mention = this.mentions === undefined ? undefined : overlappingMentions(this.mentions, span.start, span.end)[0];
      if (this.mentions !== undefined && (mention === undefined || (person && mention.type !== 'PER'))) return undefined;
      return { ...span, text: this.text.slice(span.start, span.end) };
    }
    return undefined;
  }
}

/** Whether a speaker's description set off by a comma ends in a person's head ("…, a doctor", "…, a retired teacher from Ohio"). */
function describedAsPerson(text: string): boolean {
  const comma = text.indexOf(',');
  if (comma < 0) return false;
  const head = /^[^,]*?(?:\ban?|\bthe)\s+(?:[\p{L}-]+\s+){0,3}?([\p{Ll}-]+)(?:\s+(?:of|at|for|from|in|with)\b|,|$)/u.exec(text.slice(comma + 1).replace(/^\s*\d{1,3},/u, ''));
  return head !== null && PERSON_HEADS.has(head[1]!);
}

/** Role words between an organisation and the name it describes ("chief executive"). */
const MAX_ROLE_WORDS = 3;
/** Title words that hold no role of their own ("press" in "press secretary"). */
const NOT_ROLES = new Set(['u.s.', 'us', 'uk', 'state', 'first', 'former', 'acting', 'majority', 'minority', 'foreign', 'defense', 'defence', 'press', 'vice', 'general']);

/** A title's word, not "of" or "the": "Amy Klobuchar of Minnesota" names a place after the person, not a person after a role. */
function isTitleWord(lower: string): boolean {
  return TITLE_WORDS.has(lower) && lower !== 'of' && lower !== 'the';
}

function lastWordOf(name: string): string {
  return (name.split(/\s+/u).pop() ?? '').replace(/[’']s$/u, '');
}
