/**
 * Metadata accuracy on WCXB dev, each field over the pages whose truth has it
 * (non-empty `title`, `author`, `publish_date`). A missing prediction counts as wrong.
 *
 * - Title: right when the token F1 between prediction and truth is ≥ 0.8. Tokens are the
 *   lower-cased word tokens of the extraction metrics (`wordTokens`), as a multiset.
 * - Author: the truth `author` string (which may name several people, "A, B & C") is
 *   matched when any candidate has token F1 ≥ 0.8 with it; the candidates are each
 *   predicted author and, when there are several, all of them joined (so a list split
 *   into names still matches a truth that lists them together). A leading "by" is dropped
 *   from a candidate ("By Jane Doe" → "jane doe"). Readability gives one `byline` string.
 * - Date: right when the prediction falls on the same calendar day as `publish_date`.
 *   The day is the first `YYYY-MM-DD` written in the prediction (the page's own local
 *   day, no time-zone conversion); a prediction without one is parsed with `Date.parse`
 *   and its UTC day used. The 2 dev pages whose truth is only `YYYY-MM` match on the month.
 */
import { wordTokens } from './metrics.js';

export const META_F1_THRESHOLD = 0.8;

function tokens(text: string): string[] {
  return wordTokens(text.toLowerCase());
}

export function tokenF1(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const t of b) counts.set(t, (counts.get(t) ?? 0) + 1);
  let overlap = 0;
  for (const t of a) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      overlap++;
      counts.set(t, c - 1);
    }
  }
  if (overlap === 0) return 0;
  const p = overlap / a.length;
  const r = overlap / b.length;
  return (2 * p * r) / (p + r);
}

export function titleCorrect(truth: string, predicted: string | null): boolean {
  if (predicted === null) return false;
  return tokenF1(tokens(predicted), tokens(truth)) >= META_F1_THRESHOLD;
}

function authorTokens(name: string): string[] {
  const t = tokens(name);
  return t[0] === 'by' ? t.slice(1) : t;
}

export function authorCorrect(truth: string, predicted: readonly string[]): boolean {
  const candidates = predicted.length > 1 ? [...predicted, predicted.join(', ')] : [...predicted];
  const want = tokens(truth);
  return candidates.some((c) => tokenF1(authorTokens(c), want) >= META_F1_THRESHOLD);
}

/** `YYYY-MM-DD` (or `YYYY-MM`) of a date string, as described above; null when none. */
export function calendarDay(value: string): string | null {
  const written = /(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(value);
  if (written) return written[3] === undefined ? `${written[1]}-${written[2]}` : `${written[1]}-${written[2]}-${written[3]}`;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString().slice(0, 10);
}

export function dateCorrect(truth: string, predicted: string | null): boolean {
  if (predicted === null) return false;
  const want = calendarDay(truth);
  const got = calendarDay(predicted);
  if (want === null || got === null) return false;
  return want.length === 7 ? got.startsWith(want) : got === want;
}

export interface MetaTruth {
  title?: string | null;
  author?: string | null;
  date?: string | null;
}

export interface MetaPrediction {
  title: string | null;
  authors: string[];
  published: string | null;
}

export interface FieldAccuracy {
  /** Pages whose truth has the field. */
  n: number;
  correct: number;
  accuracy: number;
}

export interface MetaAccuracy {
  title: FieldAccuracy;
  author: FieldAccuracy;
  date: FieldAccuracy;
}

function has(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

export function scoreMetadata(pages: readonly { truth: MetaTruth; predicted: MetaPrediction }[]): MetaAccuracy {
  const acc = { title: [0, 0], author: [0, 0], date: [0, 0] } as Record<keyof MetaAccuracy, [number, number]>;
  for (const { truth, predicted } of pages) {
    if (has(truth.title)) {
      acc.title[0]++;
      if (titleCorrect(truth.title, predicted.title)) acc.title[1]++;
    }
    if (has(truth.author)) {
      acc.author[0]++;
      if (authorCorrect(truth.author, predicted.authors)) acc.author[1]++;
    }
    if (has(truth.date)) {
      acc.date[0]++;
      if (dateCorrect(truth.date, predicted.published)) acc.date[1]++;
    }
  }
  const field = ([n, correct]: [number, number]): FieldAccuracy => ({ n, correct, accuracy: n === 0 ? 0 : correct / n });
  return { title: field(acc.title), author: field(acc.author), date: field(acc.date) };
}
