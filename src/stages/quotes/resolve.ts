import type { Entity, Mention, SpanText } from '../../doc/annotations.js';
import { firstIndex } from '../../doc/span.js';
import { sentenceAt, type BlockContext } from './context.js';
import { CAPITALISED_FUNCTION_WORDS, DETERMINERS, TITLE_WORDS } from './lexicon.js';
import { entityDescribing, entityLookup, overlappingMentions } from './lookup.js';

/** A speaker named earlier, kept so pronouns and continuations can point back to it. */
interface Remembered {
  readonly mention: SpanText;
  readonly block: number;
}

const PREPOSITIONS = new Set('in at on from to with of for by about against over under into near'.split(' '));
/** How many blocks back a pronoun or a continuation may reach. */
const REACH_BLOCKS = 3;
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

  constructor(
    private readonly text: string,
    private readonly mentions: readonly Mention[] | undefined,
  ) {}

  remember(mention: SpanText, block: number): void {
    this.speakers.push({ mention, block });
  }

  /** The last speaker named within reach of `block`. */
  lastSpeaker(block: number): SpanText | undefined {
    const last = this.speakers[this.speakers.length - 1];
    return last !== undefined && block - last.block <= REACH_BLOCKS ? last.mention : undefined;
  }

  /**
   * The person a pronoun at words[at] stands for: the subject of its own sentence when
   * that is a name before it ("Putin hailed …, slamming what he called"), else the last
   * speaker, else the subject of an earlier sentence nearby.
   */
  resolvePronoun(contexts: readonly BlockContext[], ctx: BlockContext, at: number, person: boolean): SpanText | undefined {
    const own = sentenceAt(ctx, at);
    if (own !== undefined) {
      const subject = this.sentenceSubject(ctx, own.first, at, person);
      if (subject !== undefined) return subject;
    }
    const speaker = this.lastSpeaker(ctx.index);
    if (speaker !== undefined) return speaker;
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
        if (subject !== undefined) return subject;
      }
    }
    return undefined;
  }

  /** A name standing at the head of a sentence, before `limit`, as its subject. */
  private sentenceSubject(ctx: BlockContext, first: number, limit: number, person: boolean): SpanText | undefined {
    const { words, quoted } = ctx;
    let i = first;
    const stop = Math.min(limit, first + 8);
    while (i < stop) {
      const w = words[i]!;
      if (!w.isWord || quoted[i] === 1 || CAPITALISED_FUNCTION_WORDS.has(w.text) || DETERMINERS.has(w.lower) || TITLE_WORDS.has(w.lower)) {
        if (w.isWord && PREPOSITIONS.has(w.lower)) return undefined;
        i++;
        continue;
      }
      break;
    }
    if (i >= stop || !words[i]!.capitalised) return undefined;
    let end = i;
    while (end + 1 < limit && quoted[end + 1] !== 1 && words[end + 1]!.isWord && words[end + 1]!.capitalised && !CAPITALISED_FUNCTION_WORDS.has(words[end + 1]!.text)) end++;
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
}

/**
 * The entity a speaker mention names: one whose name mention overlaps it (a person
 * first), one whose descriptions ("the Russian leader") contain it, or one whose name
 * ends with the same word ("Putin" → "Vladimir Putin").
 */
export function entityFor(
  mention: SpanText,
  mentions: readonly Mention[],
  entities: readonly Entity[],
): number | undefined {
  let best: Mention | undefined;
  for (const m of overlappingMentions(mentions, mention.start, mention.end)) {
    if (m.entity === undefined) continue;
    if (best === undefined || (m.type === 'PER' && best.type !== 'PER') || (m.type === best.type && m.end > best.end)) best = m;
  }
  if (best?.entity !== undefined) return best.entity;
  const lookup = entityLookup(entities);
  const described = entityDescribing(lookup, mention.start, mention.end);
  if (described !== undefined) return described;
  const lastWord = mention.text.split(/\s+/u).pop()?.replace(/[’']s$/u, '') ?? '';
  if (lastWord === '' || !/^\p{Lu}/u.test(lastWord)) return undefined;
  return lookup.byLastWord.get(lastWord);
}
