import type { Quote, SpanText } from '../../doc/annotations.js';
import { firstIndex } from '../../doc/span.js';
import type { NewsDoc } from '../../doc/news-doc.js';
import type { Stage } from '../../pipeline/stage.js';
import { blockContexts, mayHoldSpeech, sentenceAt, type BlockContext, type QuotedWords } from './context.js';
import type { Cue } from './cues.js';
import { atClauseStart, attributeQuotation, previousParagraphCue, signatureAfter } from './direct.js';
import { findIndirect } from './indirect.js';
import { findQuotedSpans } from './marks.js';
import { SpeakerMemory, type PronounKind, type Resolution } from './resolve.js';
import { genderReader, settleSpeakers, type Mutable } from './settle.js';
import { readsAsEnglishForQuotes } from './language.js';
import { fallbackSentences } from './sentences.js';
import type { Subject } from './speaker.js';
import { countWords, isLetterOrDigit, isUpperOrDigit } from './words.js';

export { onSpeakersPage, PERSON_PAGE_CONFIDENCE } from './settle.js';

/** A quoted phrase this short, with no cue and no speaker, is a scare quote or a title. */
const MAX_SCARE_QUOTE_WORDS = 4;
/** A title is at most this many words, all capitalised but its function words. */
const MAX_TITLE_WORDS = 10;
const TITLE_FUNCTION_WORDS = new Set(['of', 'the', 'a', 'an', 'and', 'or', 'in', 'on', 'to', 'for', 'at', 'by', 'with', 'from']);
/** How far into a sentence a short quotation still shares the speaker of an earlier one. */
const MAX_WORDS_SHARING_A_SPEAKER = 60;

/**
 * Quotations and reported speech with their speakers.
 *
 * - Marks: “…” "…" ‘…’ «…» „…“ and ''…'' pair within a paragraph (marks.ts); apostrophes
 *   are not marks; a mark left open is dropped unless the next paragraph reopens (the
 *   multi-paragraph convention), so one stray mark never swallows the article. A
 *   quotation over several paragraphs is one quote per paragraph, the later ones
 *   continuing the first one's speaker.
 * - Cue and speaker (direct.ts): the cue right before the opening mark (Putin said: “…”),
 *   then right after the closing one (“…,” Putin said / said Putin), then the nearest
 *   before it in the sentence (what he called “…”); a paragraph ending in a colon or a
 *   speech cue introduces a quotation paragraph; a past-tense verb right after a
 *   quotation is a cue too (“…,” Trump barked). The speaker is the cue's subject with
 *   its titles and appositive (speaker.ts), or for a participle ("…, saying") the subject
 *   of the clause.
 * - Pronouns stay as written in `speakerMention` ("he", attribution `pronoun`); the name
 *   they stand for, the first that agrees in gender and number (resolve.ts), is
 *   `speakerAntecedent` and picks `speaker`; with none, the speaker is `unresolved`.
 * - settle.ts gives each quote its `speakerKind` (a person, an organisation, an unnamed
 *   source never given an entity, an unresolved pronoun) and its `confidence`.
 * - A quotation with no cue continues the last speaker when it follows in the same
 *   paragraph or opens the next one (`continuation`). Short quoted phrases (≤ 4 words)
 *   and titles with no cue are scare quotes, not speech; headlines hold no speech.
 * - `partial` for a fragment inside a sentence, `direct` for a clause or more.
 * - Reported speech (indirect.ts): "X said (that) …", "…, X said", "according to X, …",
 *   intentions ("wants to …") and stances ("criticized …") are kind `indirect`.
 *
 * Uses the sentence, mention and entity layers when present (its own simple sentence
 * split otherwise). English only (language.ts): a page whose metadata names another
 * language, or names none and does not read as English, gets an empty layer rather than
 * guesses.
 */
export const quotesStage: Stage = {
  id: 'quotes',
  version: 1,
  requires: ['text', 'blocks'],
  produces: ['quotes'],
  run(doc: NewsDoc): NewsDoc {
    // The cue words and the subject rules are English: another language gets no quotes, not guesses.
    const text = doc.text ?? '';
    if (!readsAsEnglishForQuotes(doc.metadata.language, text)) {
      doc.layers.quotes = [];
      return doc;
    }
    const blocks = doc.layers.blocks ?? [];
    const sentences = doc.layers.sentences ?? fallbackSentences(text, blocks);
    const contexts = blockContexts(text, blocks, sentences, findQuotedSpans(text, blocks));
    const memory = new SpeakerMemory(text, doc.layers.mentions, genderReader(doc));
    // What a pronoun speaker stands for, used to find the speaker entity.
    const resolutions = new Map<Quote, Resolution>();
    const quotes: Quote[] = [];
    let lastSpoken: Spoken | undefined;
    // A new quote's cue and speaker, set on it in place (see newQuote).
    const attributed = (quote: Mutable<Quote>, on: BlockContext, cue: Cue | undefined, subject: Subject | undefined, signed = false): Quote => {
      if (cue !== undefined) quote.cue = spanOf(text, on, cue.first, cue.last);
      if (subject === undefined) return quote;
      // "I" is the writer or the quoted speaker, resolved to no one earlier: it stays as written.
      const pronoun = subject.pronoun !== 'self' ? subject.pronoun : undefined;
      const found = speakerFields(text, contexts, on, subject, pronoun, memory);
      quote.speakerMention = found.speakerMention;
      quote.attribution = pronoun !== undefined ? 'pronoun' : cue !== undefined ? 'cue' : signed ? 'signature' : 'nearest';
      if (found.resolved !== undefined) resolutions.set(quote, found.resolved);
      return quote;
    };
    for (const ctx of contexts) {
      if (ctx.block.kind === 'headline' || ctx.block.kind === 'heading' || !mayHoldSpeech(text, ctx)) continue;
      const taken = new Set<number>();
      const direct: Quote[] = [];
      for (let position = 0; position < ctx.quotes.length; position++) {
        const q = ctx.quotes[position]!;
        const found = attributeQuotation(contexts, ctx, position);
        const content = contentSpan(text, q);
        if (content === undefined) continue;
        let quote: Quote | undefined;
        const cueless = found.attributed?.cue === undefined && found.attributed?.signed !== true;
        const short = countWords(text, content.start, content.end) <= MAX_SCARE_QUOTE_WORDS;
        const title = (found.kind === 'partial' || !short) && looksLikeTitle(content.text);
        if (found.kind === 'partial' && title) continue;
        const scare = short || title;
        if (found.attributed !== undefined && !(cueless && scare)) {
          const { cue, subject } = found.attributed;
          if (found.kind === 'direct' && cue !== undefined && found.attributed.ctx === ctx) taken.add(cue.first);
          quote = attributed(newQuote(content.start, content.end, content.text, found.kind, 'speech'), found.attributed.ctx, cue, subject, found.attributed.signed);
        } else if (lastSpoken !== undefined && (!scare || q.span.continues || sameSentence(ctx, lastSpoken, q) || (lastSpoken.block === ctx.index && isWholeSentence(ctx, q, content.text))) && continues(text, ctx, q, lastSpoken.block)) {
          const { speakerMention, speaker } = lastSpoken.quote;
          const continued = newQuote(content.start, content.end, content.text, found.kind, 'speech');
          if (speakerMention !== undefined) continued.speakerMention = speakerMention;
          if (speaker !== undefined) continued.speaker = speaker;
          continued.attribution = 'continuation';
          quote = continued;
          const resolved = resolutions.get(lastSpoken.quote);
          if (resolved !== undefined) resolutions.set(quote, resolved);
        } else if (!scare) {
          const before = found.kind === 'direct' && position === 0 ? (previousParagraphCue(contexts, ctx) ?? signatureAfter(contexts, ctx)) : undefined;
          const base = newQuote(content.start, content.end, content.text, found.kind, 'speech');
          quote = before !== undefined ? attributed(base, before.ctx, before.cue, before.subject, before.signed) : base;
        }
        if (quote === undefined) continue;
        direct.push(quote);
        // A continuation keeps the word of the quotation it continues, so a chain stays near its cue.
        const word = quote.attribution === 'continuation' && lastSpoken?.block === ctx.index ? lastSpoken.word : q.openWord;
        if (quote.speakerMention !== undefined) lastSpoken = { quote, block: ctx.index, word };
      }
      quotes.push(...direct);
      // A block whose only cues are inside its quotation marks reports nothing besides them.
      for (const sentence of ctx.cues.length > 0 ? ctx.sentences : []) {
        for (const found of findIndirect(ctx, sentence, taken)) {
          const start = ctx.words[found.first]!.start;
          const end = ctx.words[found.end - 1]!.end;
          if (insideAny(direct, start, end)) continue;
          const quote = attributed(newQuote(start, end, text.slice(start, end), 'indirect', found.cue.act), ctx, found.cue, found.subject);
          quotes.push(quote);
          // Reported speech introduces its speaker for a quotation paragraph that follows.
          if (found.cue.act === 'speech' && quote.speakerMention !== undefined) lastSpoken = { quote, block: ctx.index, word: found.first };
        }
      }
    }
    quotes.sort((a, b) => a.start - b.start);
    doc.layers.quotes = settleSpeakers(doc, quotes, resolutions);
    return doc;
  },
};

/** The last quotation or reported speech with a speaker, and where it began. */
interface Spoken {
  readonly quote: Quote;
  readonly block: number;
  /** Index of its first word in the block. */
  readonly word: number;
}

/** “…” and “…” in one sentence: a short second quotation keeps the first one's speaker. */
function sameSentence(ctx: BlockContext, last: Spoken, q: QuotedWords): boolean {
  if (last.block !== ctx.index) return false;
  const sentence = sentenceAt(ctx, q.openWord);
  return sentence !== undefined && sentence === sentenceAt(ctx, last.word) && q.openWord - last.word <= MAX_WORDS_SHARING_A_SPEAKER;
}

/**
 * A quotation that is a sentence of its own (“Step out.”), opening its sentence and ending
 * with its full stop inside the marks: speech, however short, never a scare quote.
 */
function isWholeSentence(ctx: BlockContext, q: QuotedWords, content: string): boolean {
  const sentence = sentenceAt(ctx, q.openWord);
  return sentence !== undefined && /[.!?]$/u.test(content) && atClauseStart(ctx, q, sentence.first);
}

/** True when [start, end) lies inside one of the quotations (sorted by start): binary search. */
function insideAny(quotes: readonly Quote[], start: number, end: number): boolean {
  const candidate = firstIndex(quotes, (quote) => quote.start > start) - 1;
  return candidate >= 0 && end <= quotes[candidate]!.end;
}

/** The quoted words without the marks, surrounding spaces or a trailing comma. */
function contentSpan(text: string, q: QuotedWords): { start: number; end: number; text: string } | undefined {
  let start = q.span.open + 1;
  let end = q.span.close;
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /[\s,;:]/u.test(text[end - 1]!)) end--;
  if (end <= start) return undefined;
  return { start, end, text: text.slice(start, end) };
}

/**
 * A quote with no cue or speaker yet. Built as one literal and given its cue and speaker
 * in place, in a fixed order, so that every quote has one of a few shapes: copying
 * partial quotes by spreading them cost the stage a twentieth of its time.
 */
function newQuote(start: number, end: number, text: string, kind: Quote['kind'], act: Quote['act']): Mutable<Quote> {
  // Every quote starts with no confidence: settleSpeakers gives it one, with the speaker's kind.
  return { start, end, text, kind, act, confidence: 0 };
}

/** The words naming the speaker; for a pronoun, what it stands for, when something agrees with it. */
function speakerFields(
  text: string,
  contexts: readonly BlockContext[],
  ctx: BlockContext,
  subject: Subject,
  pronoun: PronounKind | undefined,
  memory: SpeakerMemory,
): { speakerMention: SpanText; resolved?: Resolution } {
  const said = spanOf(text, ctx, subject.first, subject.last);
  if (pronoun !== undefined) {
    const resolved = memory.resolvePronoun(contexts, ctx, subject.first, pronoun);
    if (resolved === undefined) return { speakerMention: said };
    memory.remember(resolved.mention, ctx.index, pronoun);
    return { speakerMention: said, resolved };
  }
  memory.remember(said, ctx.index);
  return { speakerMention: said };
}

function spanOf(text: string, ctx: BlockContext, first: number, last: number): SpanText {
  const start = ctx.words[first]!.start;
  const end = ctx.words[last]!.end;
  return { start, end, text: text.slice(start, end) };
}

/**
 * A quotation with no cue keeps the last speaker when it continues a multi-paragraph
 * quotation, follows a quoted speaker in the same paragraph, or opens the paragraph right
 * after one.
 */
function continues(text: string, ctx: BlockContext, q: QuotedWords, lastBlock: number): boolean {
  if (q.span.continues) return true;
  if (lastBlock === ctx.index) return true;
  if (lastBlock !== ctx.index - 1) return false;
  let i = ctx.block.start;
  while (i < q.span.open && /\s/u.test(text[i]!)) i++;
  return i === q.span.open;
}

/** Every word capitalised ("The Art of the Deal"): a title, not speech. */
function looksLikeTitle(content: string): boolean {
  let count = 0;
  // Stops at the first word that is neither capitalised nor a title's function word, or at the eleventh.
  for (let i = 0; i < content.length; ) {
    const first = content.codePointAt(i)!;
    const width = first > 0xffff ? 2 : 1;
    if (!isLetterOrDigit(first)) {
      i += width;
      continue;
    }
    // A word: letters and digits, with apostrophes and hyphens inside.
    let j = i + width;
    for (let c = content.codePointAt(j); c !== undefined && (isLetterOrDigit(c) || c === 0x27 || c === 0x2019 || c === 0x2d); c = content.codePointAt(j)) j += c > 0xffff ? 2 : 1;
    if (++count > MAX_TITLE_WORDS) return false;
    if (!isUpperOrDigit(first) && !TITLE_FUNCTION_WORDS.has(content.slice(i, j))) return false;
    i = j;
  }
  return count > 0;
}
