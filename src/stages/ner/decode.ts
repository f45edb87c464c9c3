import { ALLOWED_TRANSITIONS, TAG_COUNT, mayEndOn } from './tags.js';

/**
 * Viterbi over tag bigrams for one sentence. `emissions` holds TAG_COUNT scores per
 * token (token i at i * TAG_COUNT); `transitions` (TAG_COUNT + 1) × TAG_COUNT scores,
 * the last row for the sentence start. Only BILOU-valid sequences are considered.
 */
export function viterbi(
  emissions: Float32Array,
  from: number,
  to: number,
  transitions: Float32Array,
  out: Uint8Array,
): void {
  const length = to - from;
  if (length <= 0) return;
  const T = TAG_COUNT;
  const score = new Float64Array(length * T);
  const back = new Uint8Array(length * T);
  for (let t = 0; t < T; t++) {
    score[t] = ALLOWED_TRANSITIONS[T * T + t] ? transitions[T * T + t]! + emissions[from * T + t]! : -Infinity;
  }
  for (let i = 1; i < length; i++) {
    const base = (from + i) * T;
    for (let t = 0; t < T; t++) {
      let best = -Infinity;
      let bestPrevious = 0;
      for (let p = 0; p < T; p++) {
        if (!ALLOWED_TRANSITIONS[p * T + t]) continue;
        const candidate = score[(i - 1) * T + p]! + transitions[p * T + t]!;
        if (candidate > best) { best = candidate; bestPrevious = p; }
      }
      score[i * T + t] = best + emissions[base + t]!;
      back[i * T + t] = bestPrevious;
    }
  }
  let best = -Infinity;
  let last = 0;
  for (let t = 0; t < T; t++) {
    const candidate = score[(length - 1) * T + t]!;
    if (mayEndOn(t) && candidate > best) { best = candidate; last = t; }
  }
  for (let i = length - 1; i >= 0; i--) {
    out[from + i] = last;
    last = back[i * T + last]!;
  }
}
