/**
 * Averaged structured perceptron over BILOU tags (Collins 2002), with the usual lazy
 * averaging: alongside each weight w we keep u = Σ (update time × update), so the
 * average over all steps is w − u / steps without touching every weight each step.
 */
import { viterbi } from '../../src/stages/ner/decode.js';
import { TAG_COUNT } from '../../src/stages/ner/tags.js';

/** A document's features as dense rows (−1: feature unknown to the model). */
export interface IndexedDocument {
  readonly rows: Int32Array;
  readonly offsets: Int32Array;
  readonly sentenceBounds: readonly number[];
  readonly gold: Uint8Array;
}

const T = TAG_COUNT;
const TRANSITIONS = (T + 1) * T;

export class Perceptron {
  readonly weights: Float32Array;
  private readonly totals: Float64Array;
  readonly transitions = new Float32Array(TRANSITIONS);
  private readonly transitionTotals = new Float64Array(TRANSITIONS);
  private steps = 1;

  constructor(readonly features: number) {
    this.weights = new Float32Array(features * T);
    this.totals = new Float64Array(features * T);
  }

  /** Tags the sentence [from, to) of the document into out[from, to), with the given weights. */
  decode(doc: IndexedDocument, from: number, to: number, out: Uint8Array, weights: Float32Array, transitions: Float32Array): void {
    const local = new Uint8Array(to - from);
    decodeSentence(doc, from, to, local, weights, transitions);
    out.set(local, from);
  }

  /** One pass over the sentences in the given order; returns the number of mistaken sentences. */
  epoch(docs: readonly IndexedDocument[], order: readonly [number, number][]): number {
    let mistakes = 0;
    const predicted = new Uint8Array(4096);
    for (const [d, s] of order) {
      const doc = docs[d]!;
      const from = doc.sentenceBounds[s]!;
      const to = doc.sentenceBounds[s + 1]!;
      const buffer = to - from <= predicted.length ? predicted : new Uint8Array(to - from);
      const view = new Uint8Array(buffer.buffer, 0, to - from);
      decodeSentence(doc, from, to, view, this.weights, this.transitions);
      let wrong = false;
      for (let i = from; i < to; i++) {
        const gold = doc.gold[i]!;
        const guess = view[i - from]!;
        const previousGold = i === from ? T : doc.gold[i - 1]!;
        const previousGuess = i === from ? T : view[i - from - 1]!;
        if (gold !== guess) {
          wrong = true;
          for (let k = doc.offsets[i]!; k < doc.offsets[i + 1]!; k++) {
            const row = doc.rows[k]!;
            if (row < 0) continue;
            this.bump(row * T + gold, 1);
            this.bump(row * T + guess, -1);
          }
        }
        if (gold !== guess || previousGold !== previousGuess) {
          this.bumpTransition(previousGold * T + gold, 1);
          this.bumpTransition(previousGuess * T + guess, -1);
        }
      }
      if (wrong) mistakes++;
      this.steps++;
    }
    return mistakes;
  }

  private bump(at: number, delta: number): void {
    this.weights[at]! += delta;
    this.totals[at]! += this.steps * delta;
  }

  private bumpTransition(at: number, delta: number): void {
    this.transitions[at]! += delta;
    this.transitionTotals[at]! += this.steps * delta;
  }

  /** The averaged weights (a copy). */
  averaged(): { weights: Float32Array; transitions: Float32Array } {
    const weights = new Float32Array(this.weights.length);
    for (let k = 0; k < weights.length; k++) weights[k] = this.weights[k]! - this.totals[k]! / this.steps;
    const transitions = new Float32Array(TRANSITIONS);
    for (let k = 0; k < TRANSITIONS; k++) transitions[k] = this.transitions[k]! - this.transitionTotals[k]! / this.steps;
    return { weights, transitions };
  }
}

/** Viterbi over one sentence with dense weights; tags land in out[0, to - from). */
function decodeSentence(doc: IndexedDocument, from: number, to: number, out: Uint8Array, weights: Float32Array, transitions: Float32Array): void {
  const emissions = new Float32Array((to - from) * T);
  for (let i = from; i < to; i++) {
    const base = (i - from) * T;
    for (let k = doc.offsets[i]!; k < doc.offsets[i + 1]!; k++) {
      const row = doc.rows[k]!;
      if (row < 0) continue;
      const at = row * T;
      for (let t = 0; t < T; t++) emissions[base + t]! += weights[at + t]!;
    }
  }
  viterbi(emissions, 0, to - from, transitions, out);
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
