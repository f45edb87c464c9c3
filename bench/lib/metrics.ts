/**
 * The two extraction metrics the benchmarks report, written from their published
 * definitions (shared/README.md for Zyte; shared/data/wcxb-dev/README.md for WCXB) and
 * checked line by line against the reference scripts: scrapinghub/article-extraction-benchmark
 * `evaluate.py` and Murrough-Foley/web-content-extraction-benchmark `evaluate.py`.
 *
 * Both scripts tokenize with Python's `re.findall(r'\w+', …)`. Python's `\w` is a letter
 * (Lu, Ll, Lt, Lm, Lo), a number (anything `str.isnumeric()`: Nd, Nl, No) or `_`; it does
 * NOT include combining marks (Mn, Mc, Me), so `cafe\u0301` is one token `cafe` and
 * Devanagari words split at their vowel signs. We match that exactly, so our figures are
 * comparable with the published ones.
 */

const WORD = /[\p{L}\p{N}_]+/gu;

export function wordTokens(text: string): string[] {
  return text.match(WORD) ?? [];
}

export interface PageScore {
  precision: number;
  recall: number;
  /** Page F1, when the metric defines one per page (WCXB does; Zyte does not). */
  f1?: number;
  /** True when the prediction has no word token (counts against recall, not precision). */
  empty: boolean;
  /** True when the truth has no word token (Zyte leaves such a page out of the recall mean). */
  truthEmpty?: boolean;
  /** Exact token-sequence match. */
  exact: boolean;
}

function shingles(tokens: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  if (tokens.length === 0) return counts;
  if (tokens.length < 4) {
    counts.set(tokens.join(' '), 1);
    return counts;
  }
  for (let i = 0; i + 4 <= tokens.length; i++) {
    const key = `${tokens[i]} ${tokens[i + 1]} ${tokens[i + 2]} ${tokens[i + 3]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function overlapScore(truth: Map<string, number>, predicted: Map<string, number>): { precision: number; recall: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, countP] of predicted) {
    const countT = truth.get(key) ?? 0;
    tp += Math.min(countT, countP);
    if (countP > countT) fp += countP - countT;
  }
  for (const [key, countT] of truth) {
    const countP = predicted.get(key) ?? 0;
    if (countT > countP) fn += countT - countP;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  return { precision, recall };
}

/** Zyte article-extraction-benchmark page score: 4-token shingles, case kept. */
export function zyteScore(truth: string, predicted: string): PageScore {
  const t = wordTokens(truth);
  const p = wordTokens(predicted);
  const { precision, recall } = overlapScore(shingles(t), shingles(p));
  const exact = t.length === p.length && t.every((token, i) => token === p[i]);
  return { precision, recall, empty: p.length === 0, truthEmpty: t.length === 0, exact };
}

function bag(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

/**
 * WCXB page score (`word_f1` in the benchmark's evaluate.py): bag of lower-cased word
 * tokens, order ignored. Empty truth: 1/1/1 when the prediction is empty too, else 0/0/0.
 * Empty prediction (no word token, whatever its whitespace or punctuation): 0/0/0.
 */
export function wcxbScore(truth: string, predicted: string): PageScore {
  const t = wordTokens((truth ?? '').toLowerCase());
  const p = wordTokens((predicted ?? '').toLowerCase());
  const empty = p.length === 0;
  if (t.length === 0) {
    const v = empty ? 1 : 0;
    return { precision: v, recall: v, f1: v, empty, truthEmpty: true, exact: empty };
  }
  if (empty) return { precision: 0, recall: 0, f1: 0, empty, truthEmpty: false, exact: false };
  const truthBag = bag(t);
  let overlap = 0;
  for (const [token, count] of bag(p)) overlap += Math.min(count, truthBag.get(token) ?? 0);
  const precision = overlap / p.length;
  const recall = overlap / t.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, empty, truthEmpty: false, exact: false };
}

export interface Aggregate {
  pages: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  empty: number;
}

/**
 * Zyte aggregation (`metrics_from_tp_fp_fns`): precision is the mean over pages with
 * non-empty output, recall the mean over pages with non-empty truth (an empty output
 * scores recall 0 there), F1 the harmonic mean of the two means, accuracy the share of
 * pages whose token sequence equals the truth's.
 */
export function aggregate(scores: readonly PageScore[]): Aggregate {
  const nonEmpty = scores.filter((s) => !s.empty);
  const withTruth = scores.filter((s) => s.truthEmpty !== true);
  const precision = nonEmpty.reduce((sum, s) => sum + s.precision, 0) / Math.max(1, nonEmpty.length);
  const recall = withTruth.reduce((sum, s) => sum + (s.empty ? 0 : s.recall), 0) / Math.max(1, withTruth.length);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const accuracy = scores.filter((s) => s.exact).length / Math.max(1, scores.length);
  return { pages: scores.length, precision, recall, f1, accuracy, empty: scores.length - nonEmpty.length };
}

/**
 * WCXB aggregation: precision, recall and F1 each averaged over all pages (the
 * benchmark's own rule: F1 is the mean of page F1s, not the harmonic mean of the means).
 * Page scores come from `wcxbScore`, where an empty output already scores 0.
 */
export function aggregateWcxb(scores: readonly PageScore[]): Aggregate {
  let f1Sum = 0;
  let pSum = 0;
  let rSum = 0;
  for (const s of scores) {
    pSum += s.precision;
    rSum += s.recall;
    f1Sum += s.f1 ?? (s.precision + s.recall === 0 ? 0 : (2 * s.precision * s.recall) / (s.precision + s.recall));
  }
  const n = Math.max(1, scores.length);
  return {
    pages: scores.length,
    precision: pSum / n,
    recall: rSum / n,
    f1: f1Sum / n,
    accuracy: 0,
    empty: scores.filter((s) => s.empty).length,
  };
}
