import type { QuoteAct } from '../../doc/annotations.js';
import { cueVerbOf, type CueVerb } from './lexicon.js';
import type { Word } from './words.js';
import type { BlockContext } from './context.js';
import { firstIndex } from '../../doc/span.js';

/** A speech or belief cue among the words of a block. */
export interface Cue {
  /** Index of the cue's first and last word. */
  readonly first: number;
  readonly last: number;
  readonly lemma: string;
  /** What the cue reports; only `speech` introduces quotations and inverts ("…, said Putin"). */
  readonly act: QuoteAct;
  readonly takesObject: boolean;
  /** "according to X": the source follows the cue. */
  readonly according: boolean;
  /** "what he called", "described as": a cue for a quoted phrase, never for reported speech. */
  readonly quoteOnly: boolean;
}

const QUOTE_ONLY = new Set(['call', 'describe', 'read', 'charge', 'dub', 'label', 'chant']);
/** Nouns that a verb-looking word may be ("news reports", "his claims"). */
const NOUN_AFTER_DETERMINER = new Set(
  'his her their its the a an these those our my your such over of about amid despite with for of new growing'.split(' '),
);

/**
 * The cues among a block's words[from, to): those of `ctx.cues` that start there ("according
 * to" only when "to" is inside too). A block's cues are found once; the callers ask for
 * many overlapping stretches of it.
 */
export function findCues(ctx: BlockContext, from: number, to: number): Cue[] {
  const cues = ctx.cues;
  const out: Cue[] = [];
  for (let c = firstIndex(cues, (cue) => cue.first >= from); c < cues.length && cues[c]!.first < to; c++) {
    const cue = cues[c]!;
    if (!cue.according || cue.last < to) out.push(cue);
  }
  return out;
}

/**
 * Every cue among a block's words, skipping words inside quotation marks. A cue verb is
 * lower-case (a capitalised "Says" opens a title) and not used as a noun after a
 * determiner ("his claims").
 */
export function cuesOfBlock(words: readonly Word[], quoted: readonly number[]): Cue[] {
  const out: Cue[] = [];
  const to = words.length;
  for (let i = 0; i < to; i++) {
    if (quoted[i] === 1) continue;
    const w = words[i]!;
    if (!w.isWord) continue;
    if (w.lower === 'according' && words[i + 1]?.lower === 'to' && i + 1 < to) {
      out.push({ first: i, last: i + 1, lemma: 'according to', act: 'speech', takesObject: false, according: true, quoteOnly: false });
      i++;
      continue;
    }
    if (w.text !== w.lower) continue;
    const verb: CueVerb | undefined = cueVerbOf(w.lower);
    if (verb === undefined) continue;
    const previous = words[i - 1];
    if (previous !== undefined && NOUN_AFTER_DETERMINER.has(previous.lower) && w.lower.endsWith('s')) continue;
    // "called off", "called up": no speech. "called for", "called on": a demand, reported as such.
    const particle = verb.lemma === 'call' ? words[i + 1]?.lower ?? '' : '';
    if (/^(off|up|in|back)$/u.test(particle)) continue;
    if (particle === 'for' || particle === 'on') {
      out.push({ first: i, last: i + 1, lemma: `call ${particle}`, act: 'speech', takesObject: false, according: false, quoteOnly: false });
      i++;
      continue;
    }
    // "pointed out", "shot back": the particle belongs to the cue.
    const own = verb.lemma.includes(' ') ? verb.lemma.slice(verb.lemma.indexOf(' ') + 1) : undefined;
    if (own !== undefined && words[i + 1]?.lower !== own) continue;
    // "went on," / "went on to say", not "the talks went on".
    if (verb.lemma === 'go on' && !(words[i + 2] !== undefined && (words[i + 2]!.text === ',' || words[i + 2]!.text === ':' || words[i + 2]!.lower === 'to'))) continue;
    const last = own !== undefined ? i + 1 : i;
    out.push({
      first: i,
      last,
      lemma: verb.lemma,
      act: verb.act,
      takesObject: verb.takesObject,
      according: false,
      quoteOnly: QUOTE_ONLY.has(verb.lemma),
    });
  }
  return out;
}
