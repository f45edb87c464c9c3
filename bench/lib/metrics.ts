/**
 * The two extraction metrics the benchmarks report, written from their published
 * definitions (shared/README.md for Zyte; shared/data/wcxb-dev/README.md for WCXB).
 */

const WORD = /[\p{L}\p{N}\p{M}_]+/gu;

export function wordTokens(text: string): string[] {
  return text.match(WORD) ?? [];
}

export interface PageScore {
  precision: number;
  recall: number;
  /** True when the prediction is empty (counts against recall, not precision). */
  empty: boolean;
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
  return { precision, recall, empty: p.length === 0, exact };
}

/** WCXB page score: bag of lower-cased word tokens, order ignored. */
export function wcxbScore(truth: string, predicted: string): PageScore {
  const bag = (text: string) => {
    const counts = new Map<string, number>();
    for (const token of wordTokens(text.toLowerCase())) counts.set(token, (counts.get(token) ?? 0) + 1);
    return counts;
  };
  const { precision, recall } = overlapScore(bag(truth), bag(predicted));
  const p = predicted.trim();
  return { precision, recall, empty: p.length === 0, exact: false };
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
 * Zyte aggregation: precision is the mean over pages with non-empty output, recall the
 * mean over all pages, F1 the harmonic mean of the two means.
 */
export function aggregate(scores: readonly PageScore[]): Aggregate {
  const nonEmpty = scores.filter((s) => !s.empty);
  const precision = nonEmpty.reduce((sum, s) => sum + s.precision, 0) / Math.max(1, nonEmpty.length);
  const recall = scores.reduce((sum, s) => sum + (s.empty ? 0 : s.recall), 0) / Math.max(1, scores.length);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const accuracy = scores.filter((s) => s.exact).length / Math.max(1, scores.length);
  return { pages: scores.length, precision, recall, f1, accuracy, empty: scores.length - nonEmpty.length };
}

/**
 * WCXB aggregation: F1 per page, then averaged (the benchmark's own rule); an empty
 * output scores 0 on its page.
 */
export function aggregateWcxb(scores: readonly PageScore[]): Aggregate {
  let f1Sum = 0;
  let pSum = 0;
  let rSum = 0;
  for (const s of scores) {
    const p = s.empty ? 0 : s.precision;
    const r = s.empty ? 0 : s.recall;
    pSum += p;
    rSum += r;
    f1Sum += p + r === 0 ? 0 : (2 * p * r) / (p + r);
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
