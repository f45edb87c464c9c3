import type { Entity, Mention, SpanText } from '../../doc/annotations.js';
import { sentenceAt, type BlockContext } from './context.js';
import { CAPITALISED_FUNCTION_WORDS, DETERMINERS, TITLE_WORDS } from './lexicon.js';

/** A speaker named earlier, kept so pronouns and continuations can point back to it. */
interface Remembered {
  readonly mention: SpanText;
  readonly block: number;
}

const PREPOSITIONS = new Set('in at on from to with of for by about against over under into near'.split(' '));
/** How many blocks back a pronoun or a continuation may reach. */
const REACH_BLOCKS = 3;

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
    for (let b = ctx.index; b >= 0 && ctx.index - b <= REACH_BLOCKS; b--) {
      const c = contexts[b]!;
      for (let s = c.sentences.length - 1; s >= 0; s--) {
        const range = c.sentences[s]!;
        if (b === ctx.index && range.first >= at) continue;
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
      const mention = this.mentions.find((m) => m.start < stopAt && start < m.end);
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
  for (const m of mentions) {
    if (m.start >= mention.end || m.end <= mention.start || m.entity === undefined) continue;
    if (best === undefined || (m.type === 'PER' && best.type !== 'PER') || (m.type === best.type && m.end > best.end)) best = m;
  }
  if (best?.entity !== undefined) return best.entity;
  for (let e = 0; e < entities.length; e++) {
    for (const ref of entities[e]!.references) {
      if (ref.start <= mention.start && mention.end <= ref.end) return e;
    }
  }
  const lastWord = mention.text.split(/\s+/u).pop()?.replace(/[’']s$/u, '') ?? '';
  if (lastWord === '' || !/^\p{Lu}/u.test(lastWord)) return undefined;
  for (let e = 0; e < entities.length; e++) {
    const entity = entities[e]!;
    if (entity.type !== 'PER' && entity.type !== 'ORG') continue;
    if (entity.name.split(/\s+/u).pop() === lastWord) return e;
  }
  return undefined;
}
