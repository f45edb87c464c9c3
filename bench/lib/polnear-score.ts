import type { Span } from '../../src/doc/span.js';

/**
 * Scoring of attribution contents by word-token overlap (tokens are runs of letters and
 * digits, so quotation marks and punctuation never count):
 *
 * - span match: a prediction is correct when at least half of its tokens lie in one gold
 *   content (of any attribution); a gold content is found when at least half of its
 *   tokens lie in one prediction. Precision = correct / predicted, recall = found / gold.
 * - token overlap: precision = predicted tokens inside any gold content / predicted
 *   tokens; recall = gold tokens inside a prediction / gold tokens.
 *
 * A quotation interrupted by its attribution (“A,” he said, “B.”) is one predicted
 * attribution, as PolNeAR annotates it (one content in two pieces): consecutive
 * quotations of one paragraph that share their cue, or continue the same speaker, are
 * scored as one prediction (the union of their tokens).
 *
 * "Quoted speech" is a gold content with at least half of its tokens between a pair of
 * double quotation marks (“…”, "…" or ''…'' as the NYT archive writes them, paired in
 * order within a line).
 */

export const MATCH_SHARE = 0.5;

interface PredictedQuote {
  readonly start: number;
  readonly end: number;
  readonly kind: string;
  readonly cue?: Span;
  readonly speakerMention?: Span;
  readonly attribution?: string;
}

/** Groups of prediction indexes (in text order) scored as one attribution each; see above. */
export function groupInterrupted(text: string, quotes: readonly PredictedQuote[]): number[][] {
  const groups: number[][] = [];
  let open: { group: number[]; last: PredictedQuote } | undefined;
  quotes.forEach((q, k) => {
    const quotation = q.kind !== 'indirect';
    const last = open?.last;
    if (quotation && open !== undefined && last !== undefined && !text.slice(last.end, q.start).includes('\n')) {
      const sameCue = last.cue !== undefined && q.cue !== undefined && last.cue.start === q.cue.start;
      const continues = q.attribution === 'continuation' && q.speakerMention !== undefined && last.speakerMention?.start === q.speakerMention.start;
      if (sameCue || continues) {
        open.group.push(k);
        open.last = q;
        return;
      }
    }
    const group = [k];
    groups.push(group);
    open = quotation ? { group, last: q } : undefined;
  });
  return groups;
}

/** Start and end offsets of every word token of a text. */
export interface TokenIndex {
  readonly starts: number[];
  readonly ends: number[];
}

export function tokenIndex(text: string): TokenIndex {
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  return { starts, ends };
}

/** Indexes of the tokens overlapping any of the spans, ascending and unique. */
export function tokensOf(index: TokenIndex, spans: readonly Span[]): number[] {
  const out = new Set<number>();
  for (const span of spans) {
    for (let t = lowerBound(index.ends, span.start + 1); t < index.starts.length && index.starts[t]! < span.end; t++) out.add(t);
  }
  return [...out].sort((a, b) => a - b);
}

function lowerBound(values: readonly number[], target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** 1 for each token between a pair of double quotation marks on the same line. */
export function quotedTokenMask(text: string, index: TokenIndex): Uint8Array {
  const mask = new Uint8Array(index.starts.length);
  let open = -1;
  let t = 0;
  const closeAt = (close: number): void => {
    while (t < index.starts.length && index.starts[t]! < open) t++;
    while (t < index.starts.length && index.ends[t]! <= close) mask[t++] = 1;
    open = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') open = -1;
    else if (c === '“') open = i;
    else if (c === '”' && open >= 0) closeAt(i);
    else if (c === '"' || (c === "'" && text[i + 1] === "'")) {
      if (open < 0) open = i;
      else closeAt(i);
      if (c === "'") i++;
    }
  }
  return mask;
}

export function isQuoted(mask: Uint8Array, tokens: readonly number[]): boolean {
  if (tokens.length === 0) return false;
  let inside = 0;
  for (const t of tokens) inside += mask[t] ?? 0;
  return inside >= MATCH_SHARE * tokens.length;
}

function overlap(a: readonly number[], b: readonly number[]): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! === b[j]!) {
      n++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return n;
}

/** Running totals of one track (quoted speech, reported speech, all). */
export class Track {
  predicted = 0;
  correct = 0;
  gold = 0;
  found = 0;
  predictedTokens = 0;
  predictedTokensInGold = 0;
  goldTokens = 0;
  goldTokensFound = 0;

  /**
   * Adds one article. `predictions` and `golds` are the token lists of this track;
   * `anyGold` every gold content of the article (a prediction is judged against all).
   * Returns, for each gold, the index of the prediction that found it or -1.
   */
  add(predictions: readonly number[][], golds: readonly number[][], anyGold: readonly number[][]): number[] {
    this.predicted += predictions.length;
    for (const p of predictions) if (p.length > 0 && anyGold.some((g) => overlap(p, g) >= MATCH_SHARE * p.length)) this.correct++;
    this.gold += golds.length;
    const matches: number[] = [];
    for (const g of golds) {
      let best = -1;
      let bestOverlap = 0;
      predictions.forEach((p, k) => {
        const o = overlap(p, g);
        if (o > bestOverlap) {
          best = k;
          bestOverlap = o;
        }
      });
      const hit = g.length > 0 && bestOverlap >= MATCH_SHARE * g.length;
      if (hit) this.found++;
      matches.push(hit ? best : -1);
    }
    const predictedSet = union(predictions);
    const anyGoldSet = union(anyGold);
    const goldSet = union(golds);
    this.predictedTokens += predictedSet.size;
    for (const t of predictedSet) if (anyGoldSet.has(t)) this.predictedTokensInGold++;
    this.goldTokens += goldSet.size;
    for (const t of goldSet) if (predictedSet.has(t)) this.goldTokensFound++;
    return matches;
  }

  spanScores(): Scores {
    return scores(this.correct, this.predicted, this.found, this.gold);
  }

  tokenScores(): Scores {
    return scores(this.predictedTokensInGold, this.predictedTokens, this.goldTokensFound, this.goldTokens);
  }
}

export interface Scores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export function scores(correct: number, predicted: number, found: number, gold: number): Scores {
  const precision = predicted === 0 ? 0 : correct / predicted;
  const recall = gold === 0 ? 0 : found / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

function union(lists: readonly number[][]): Set<number> {
  const set = new Set<number>();
  for (const list of lists) for (const t of list) set.add(t);
  return set;
}

const FUNCTION_WORDS = new Set(['The', 'A', 'An', 'Mr', 'Mrs', 'Ms', 'Dr', 'Sen', 'Rep', 'Gov', 'President', 'But', 'And']);

export type SpeakerVerdict = 'span' | 'name' | 'entity' | 'wrong' | 'none';

/**
 * Whether a predicted speaker is the gold source: their spans overlap ('span'); they
 * share a capitalised name word such as a last name ('name'); or the speaker entity is
 * the entity named in the gold source span ('entity', when entities were found).
 * 'none': no gold source.
 */
export function judgeSpeaker(
  predicted: { speaker?: Span; speakerText?: string; entity?: number },
  gold: { source?: Span; sourceText: string; entity?: number },
): SpeakerVerdict {
  if (gold.source === undefined) return 'none';
  if (predicted.speaker !== undefined && predicted.speaker.start < gold.source.end && gold.source.start < predicted.speaker.end) return 'span';
  const names = new Set(capitalisedWords(gold.sourceText));
  if (capitalisedWords(predicted.speakerText ?? '').some((w) => names.has(w))) return 'name';
  if (predicted.entity !== undefined && predicted.entity === gold.entity) return 'entity';
  return 'wrong';
}

function capitalisedWords(text: string): string[] {
  return (text.match(/\p{Lu}[\p{L}'’-]+/gu) ?? []).map((w) => w.replace(/[’']s$/u, '')).filter((w) => !FUNCTION_WORDS.has(w));
}
