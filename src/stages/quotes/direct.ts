import type { QuoteKind } from '../../doc/annotations.js';
import { sentenceAt, sentenceRange, type BlockContext, type QuotedWords } from './context.js';
import { findCues, type Cue } from './cues.js';
import { hidesItsSpeaker, passiveAgent, speakerOfCue } from './cue-speaker.js';
import { positionalCue } from './positional.js';
import { isName, mainSubject, subjectAfter, subjectBefore, type Subject } from './speaker.js';

/** A cue with the subject found beside it, or (no cue) the subject of the sentence around. */
export interface Attributed {
  /** The block whose words `cue` and `subject` index (a colon may end the block before). */
  readonly ctx: BlockContext;
  readonly cue?: Cue;
  readonly subject: Subject;
  /** The speaker signs the quotation ("“…” ― Pamela Padilla"): as sure as a cue, though there is none. */
  readonly signed?: boolean;
}

/** How a quotation sits in its sentence. */
export interface DirectFinding {
  readonly quote: QuotedWords;
  readonly kind: QuoteKind;
  readonly attributed?: Attributed;
}

/** Words after the closing mark and before the cue ("”, US Secretary of State Antony Blinken said"). */
const MAX_WORDS_TO_CUE_AFTER = 25;
/** Words from a cue to the opening mark it introduces ("told the gathered leaders … and “"). */
const MAX_WORDS_FROM_CUE_BEFORE = 45;

/**
 * The speech cue of one quotation: first a cue right after it (“…,” Putin said / “…,”
 * said Putin), then the nearest cue before it in the same sentence (Putin said: “…” /
 * slamming what he called “…”). Words inside other quotations never count.
 */
export function attributeQuotation(contexts: readonly BlockContext[], ctx: BlockContext, position: number): DirectFinding {
  const q = ctx.quotes[position]!;
  const { words } = ctx;
  const openMark = q.openWord;
  const closeMark = q.end;
  const region = sentenceRange(ctx, Math.max(openMark, 0), Math.min(closeMark, words.length - 1));
  // "saying the U.S. “does not …”": a split after a dotted abbreviation is no sentence end.
  if (region.first === openMark) {
    const previous = sentenceAt(ctx, openMark - 1);
    const lastWord = words[openMark - 1];
    if (previous !== undefined && lastWord !== undefined && /\p{L}\.\p{L}.*\.$/u.test(lastWord.text)) region.first = previous.first;
  }
  const nextQuote = ctx.quotes[position + 1];
  // “… missing.” Trump said. — the splitter ends a sentence at .” so a short next sentence counts.
  let regionEnd = region.end;
  if (regionEnd === closeMark + 1) {
    const next = sentenceAt(ctx, regionEnd);
    if (next !== undefined && next.end - next.first <= MAX_WORDS_TO_CUE_AFTER / 2) regionEnd = next.end;
  }
  const afterLimit = Math.min(regionEnd, nextQuote !== undefined ? nextQuote.first - 1 : regionEnd, closeMark + 1 + MAX_WORDS_TO_CUE_AFTER);
  const previousQuote = position > 0 ? ctx.quotes[position - 1] : undefined;
  const beforeFloor = Math.max(region.first, previousQuote !== undefined ? previousQuote.end + 1 : 0, openMark - MAX_WORDS_FROM_CUE_BEFORE);
  const cuesBefore = findCues(ctx, beforeFloor, Math.max(openMark, beforeFloor));
  // X said, “…” / X said: “…” — a cue right before the opening mark comes first.
  const lastBefore = cuesBefore[cuesBefore.length - 1];
  if (lastBefore !== undefined && lastBefore.last === openMark - 2 && /^[,:]$/u.test(words[openMark - 1]!.text)) {
    const subject = subjectOfCueBefore(ctx, lastBefore, beforeFloor, openMark, region.first);
    if (subject !== undefined) return finding(q, 'direct', lastBefore, subject, ctx);
  }
  const cuesAfter = findCues(ctx, closeMark + 1, afterLimit);
  for (const cue of cuesAfter) {
    if (cue.according) {
      const subject = subjectAfter(words, cue.last + 1, region.end);
      // "The idea of “clean eating” will continue …, according to Gans": a phrase inside the clause Gans is reported to have said.
      if (subject !== undefined) return finding(q, kindAfterCue(ctx, q, region.first), cue, subject, ctx);
      continue;
    }
    // “…,” she was told by engineer Tom Hardy: the agent speaks; with none, or a passive further on ("“…” covering …, a killing that was claimed by …"), the cue names no speaker.
    if (hidesItsSpeaker(ctx, cue, closeMark + 1)) {
      const hearer = subjectBefore(words, cue.first, closeMark + 1);
      const agent = hearer !== undefined && onlyMarksBetween(ctx, closeMark, hearer.first) ? passiveAgent(ctx, cue, region.end) : undefined;
      if (agent !== undefined) return finding(q, kindAfterCue(ctx, q, region.first), cue, agent, ctx);
      break;
    }
    const subject = subjectBefore(words, cue.first, closeMark + 1) ?? (onlyMarksBetween(ctx, closeMark, cue.first) ? subjectAfter(words, cue.last + 1, region.end) : undefined);
    // “…,” he demanded, as Bush continued — the speaker stands right after the quotation.
    if (subject !== undefined && (subject.first > cue.last || !clauseBetween(ctx, closeMark, subject.first))) {
      return finding(q, kindAfterCue(ctx, q, region.first), cue, subject, ctx);
    }
    break;
  }
  const signer = cuesAfter.length === 0 ? dashSignature(ctx, q) : undefined;
  if (signer !== undefined) return { quote: q, kind: 'direct', attributed: { ctx, subject: signer, signed: true } };
  const positional = cuesAfter.length === 0 ? positionalCue(ctx, q, afterLimit) : undefined;
  if (positional !== undefined) return finding(q, 'direct', positional.cue, positional.subject, ctx);
  let passive = false;
  for (let c = cuesBefore.length - 1; c >= 0; c--) {
    const cue = cuesBefore[c]!;
    const subject = subjectOfCueBefore(ctx, cue, beforeFloor, openMark, region.first);
    if (subject === undefined) {
      const passiveHere = hidesItsSpeaker(ctx, cue, region.first);
      // "are called “mods” by the engine": a name given follows its naming verb, and the agent follows the name.
      const agent = passiveHere && !passive && cue.quoteOnly && words[closeMark + 1]?.lower === 'by' ? subjectAfter(words, closeMark + 2, region.end) : undefined;
      if (agent !== undefined) return finding(q, kindAfterCueBefore(ctx, q, cue, region.first), cue, agent, ctx);
      // With no agent, an earlier cue may still govern ("arguing that the epidemic should be recognized as “intolerable”").
      passive ||= passiveHere;
      continue;
    }
    // "Lapp said she thinks “…”": a belief or a pronoun inside reported speech belongs to the outer speaker.
    if (subject.pronoun !== undefined || cue.act !== 'speech') {
      const outer = outerSpeech(ctx, cuesBefore, c, beforeFloor, openMark, region.first);
      if (outer !== undefined) return finding(q, kindAfterCueBefore(ctx, q, outer.cue!, region.first), outer.cue!, outer.subject, ctx);
    }
    return finding(q, kindAfterCueBefore(ctx, q, cue, region.first), cue, subject, ctx);
  }
  // "he was told “…”", "Priebus was said to be “furious”": the sentence names who heard the words or whom they are about, never who said them.
  if (passive) return { quote: q, kind: atClauseStart(ctx, q, region.first) ? 'direct' : 'partial' };
  // "- Philip Bump: “…”": a name and a colon introduce the quotation.
  if (openMark > region.first && words[openMark - 1]!.text === ':') {
    const named = subjectBefore(words, openMark - 1, region.first);
    if (named !== undefined && named.pronoun === undefined && isName(words[named.last]!)) {
      return { quote: q, kind: 'direct', attributed: { ctx, subject: named } };
    }
  }
  const kind = atClauseStart(ctx, q, region.first) ? 'direct' : 'partial';
  if (kind === 'direct' && q.span.open === firstWordStart(ctx)) {
    const introduced = afterColonBlock(contexts, ctx);
    if (introduced !== undefined) return { quote: q, kind, attributed: introduced };
  }
  if (kind === 'direct') {
    // "Iowa State's Dianne Bystrom agreed. “Mainstream Republicans are …”": a short sentence of a speaker and a cue introduces the next.
    const introduced = shortCueSentenceBefore(ctx, region.first);
    if (introduced !== undefined) return { quote: q, kind, attributed: introduced };
  }
  if (kind === 'partial') {
    const subject = mainSubject(words, region.first, openMark);
    if (subject !== undefined) return { quote: q, kind, attributed: { ctx, subject } };
  }
  return { quote: q, kind };
}

/** The speaker of a cue standing before the quotation ("Putin said:", "telling Reuters,"). */
function subjectOfCueBefore(ctx: BlockContext, cue: Cue, floor: number, openMark: number, sentenceFirst: number): Subject | undefined {
  const subject = speakerOfCue(ctx, cue, floor, sentenceFirst, openMark);
  if (subject !== undefined) return subject;
  // "Said Putin: “…”" at a sentence start, ", explained Rosenberg, “…”" inside one.
  const before = ctx.words[cue.first - 1];
  if (cue.first === sentenceFirst || before?.text === ',') {
    const after = subjectAfter(ctx.words, cue.last + 1, openMark);
    if (after !== undefined && (cue.first === sentenceFirst || /^[,:]$/u.test(ctx.words[after.last + 1]?.text ?? ''))) return after;
  }
  return undefined;
}

/**
 * An earlier speech cue of the sentence: one with a named subject, or any subject when the
 * inner cue is a belief ("He said, however, that he hopes “…”").
 */
function outerSpeech(ctx: BlockContext, cues: readonly Cue[], before: number, floor: number, openMark: number, sentenceFirst: number): Attributed | undefined {
  const innerIsBelief = cues[before]!.act !== 'speech';
  for (let c = before - 1; c >= 0; c--) {
    const cue = cues[c]!;
    if (cue.act !== 'speech' || cue.quoteOnly) continue;
    const subject = subjectOfCueBefore(ctx, cue, floor, openMark, sentenceFirst);
    if (subject !== undefined && (subject.pronoun === undefined || innerIsBelief)) return { ctx, cue, subject };
  }
  return undefined;
}

/** Speech cues that can introduce a quotation paragraph ("Howard continued his remarks."), not findings or refusals. */
const INTRODUCES_QUOTATION = (cue: Cue): boolean => cue.act === 'speech' && !/^(refuse|decline|report|reveal|indicate|signal|confirm|deny|promise|threaten|urge)$/u.test(cue.lemma);

function firstWordStart(ctx: BlockContext): number {
  return ctx.words[0]?.start ?? -1;
}

/**
 * A paragraph that is all quotation after one ending in a colon ("Cruz continued:"): the
 * cue and subject of that colon sentence, or its subject when it has no cue.
 */
function afterColonBlock(contexts: readonly BlockContext[], ctx: BlockContext): Attributed | undefined {
  const previous = contexts[ctx.index - 1];
  if (previous === undefined || previous.words.length === 0) return undefined;
  const lastWord = previous.words[previous.words.length - 1]!;
  if (lastWord.text !== ':') return undefined;
  const sentence = previous.sentences[previous.sentences.length - 1]!;
  const colon = previous.words.length - 1;
  return lastCueOf(previous, sentence.first, colon) ?? withSubject(previous, mainSubject(previous.words, sentence.first, colon));
}

/**
 * A paragraph that is all quotation after a paragraph whose last sentence has a speech
 * cue outside quotation marks ("Howard continued his scathing remarks."): that speaker.
 */
export function previousParagraphCue(contexts: readonly BlockContext[], ctx: BlockContext): Attributed | undefined {
  const previous = contexts[ctx.index - 1];
  const sentence = previous?.sentences[previous.sentences.length - 1];
  if (previous === undefined || sentence === undefined || previous.quoted[sentence.end - 1] === 1) return undefined;
  return lastCueOf(previous, sentence.first, sentence.end);
}

function lastCueOf(ctx: BlockContext, first: number, end: number): Attributed | undefined {
  const cues = findCues(ctx, first, end);
  for (let c = cues.length - 1; c >= 0; c--) {
    const cue = cues[c]!;
    if (cue.quoteOnly || !INTRODUCES_QUOTATION(cue)) continue;
    const subject = subjectOfCueBefore(ctx, cue, first, end, first);
    if (subject !== undefined) return { ctx, cue, subject };
  }
  return undefined;
}

/** Words at most in a paragraph that signs the quotation before it ("- Bernie Sanders."). */
const MAX_SIGNATURE_WORDS = 8;

/**
 * A quotation paragraph signed by the next one, as fact-checks quote ("“…” ⏎ - Bernie
 * Sanders."): the name after the dash.
 */
export function signatureAfter(contexts: readonly BlockContext[], ctx: BlockContext): Attributed | undefined {
  const next = contexts[ctx.index + 1];
  if (next === undefined || next.spans.length > 0) return undefined;
  const { words } = next;
  if (words.length < 2 || words.length > MAX_SIGNATURE_WORDS || !/^[-–—]$/u.test(words[0]!.text) || !isName(words[1]!)) return undefined;
  let last = 1;
  while (last + 1 < words.length && words[last + 1]!.isWord && words[last + 1]!.capitalised) last++;
  return { ctx: next, subject: { first: 1, last }, signed: true };
}

/**
 * A quotation signed in its own paragraph, as reader reactions and epigraphs are: the
 * closing mark, a dash and a name that ends the paragraph ("“…” ― Pamela Padilla",
 * "“…” — Julie A. Diaz Martinez.").
 */
function dashSignature(ctx: BlockContext, q: QuotedWords): Subject | undefined {
  const { words } = ctx;
  if (words[q.end]?.start !== q.span.close || !/^[-–—―]$/u.test(words[q.end + 1]?.text ?? '')) return undefined;
  const first = q.end + 2;
  let end = words.length;
  if (words[end - 1]?.text === '.') end--;
  if (end <= first || end - first > MAX_SIGNATURE_WORDS || !isName(words[first]!)) return undefined;
  for (let i = first; i < end; i++) if (!words[i]!.isWord || !words[i]!.capitalised) return undefined;
  return { first, last: end - 1 };
}

/** Words at most in a sentence that only introduces the quotation after it ("Bystrom agreed."). */
const MAX_INTRODUCING_WORDS = 10;

function shortCueSentenceBefore(ctx: BlockContext, sentenceFirst: number): Attributed | undefined {
  const previous = sentenceAt(ctx, sentenceFirst - 1);
  if (previous === undefined || previous.end - previous.first > MAX_INTRODUCING_WORDS || ctx.quoted[previous.end - 1] === 1) return undefined;
  const cues = findCues(ctx, previous.first, previous.end);
  const cue = cues[cues.length - 1];
  // The cue ends its sentence (an adverb or a time at most after it): "X agreed.", "X added on Tuesday."
  if (cue === undefined || cue.quoteOnly || !(cue.act === 'speech' || cue.lemma === 'agree') || previous.end - 1 - cue.last > 3) return undefined;
  const subject = subjectBefore(ctx.words, cue.first, previous.first);
  return subject !== undefined && subject.first === firstWordOf(ctx, previous.first) ? { ctx, cue, subject } : undefined;
}

/** The first word (not mark) at or after `from`. */
function firstWordOf(ctx: BlockContext, from: number): number {
  let i = from;
  while (i < ctx.words.length && !ctx.words[i]!.isWord) i++;
  return i;
}

function withSubject(ctx: BlockContext, subject: Subject | undefined): Attributed | undefined {
  return subject !== undefined ? { ctx, subject } : undefined;
}

function finding(q: QuotedWords, kind: QuoteKind, cue: Cue, subject: Subject, ctx: BlockContext): DirectFinding {
  return { quote: q, kind, attributed: { ctx, cue, subject } };
}

const CLAUSE_OPENERS = new Set(['as', 'while', 'when', 'because', 'after', 'before', 'since', 'and', 'but', 'if', 'although', 'though', 'until']);

/** A clause opens between the two words ("…,” he demanded, as Bush continued). */
function clauseBetween(ctx: BlockContext, from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) if (CLAUSE_OPENERS.has(ctx.words[i]!.lower)) return true;
  return false;
}

function onlyMarksBetween(ctx: BlockContext, from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) if (ctx.words[i]!.isWord) return false;
  return true;
}

/** “…,” he said: direct when the quotation ends a clause (with , . ? ! inside) or opens its sentence. */
function kindAfterCue(ctx: BlockContext, q: QuotedWords, sentenceFirst: number): QuoteKind {
  const lastInside = ctx.words[q.end - 1];
  if (lastInside !== undefined && !lastInside.isWord && /[,.?!…—-]/u.test(lastInside.text)) return 'direct';
  return atClauseStart(ctx, q, sentenceFirst) ? 'direct' : 'partial';
}

/** Putin said: “…” — direct after a colon or a comma following the cue, or a sentence start. */
function kindAfterCueBefore(ctx: BlockContext, q: QuotedWords, cue: Cue, sentenceFirst: number): QuoteKind {
  const before = ctx.words[q.openWord - 1];
  if (before !== undefined && (before.text === ':' || (before.text === ',' && q.openWord - 1 <= cue.last + 6))) return 'direct';
  return atClauseStart(ctx, q, sentenceFirst) ? 'direct' : 'partial';
}

/** The opening mark starts the sentence (only punctuation before it). */
export function atClauseStart(ctx: BlockContext, q: QuotedWords, sentenceFirst: number): boolean {
  for (let i = q.openWord - 1; i >= sentenceFirst; i--) if (ctx.words[i]!.isWord) return false;
  return true;
}
