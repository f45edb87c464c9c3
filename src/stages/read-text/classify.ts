/**
 * Tells the article's units from the page furniture around them, with general signals
 * only: length, function-word density, sentence punctuation, boilerplate lexicons, the
 * classes of the neighbours (a short line between two paragraphs of prose is part of the
 * article; a short line among menus is not) and position (the article is the densest
 * contiguous stretch of prose; furniture clusters before and after it).
 *
 * The first passes follow jusText (Pomikálek 2011): each unit is good, near-good, short
 * or bad on its own, then short and near-good units take the class of their context.
 */
import type { Features } from './features.js';

export type UnitClass = 'good' | 'near-good' | 'short' | 'bad';

/** Tunable thresholds, named so tests and the benchmark can refer to them. */
export const THRESHOLDS = {
  /** Below this many characters a unit is "short": its context decides. */
  lengthLow: 70,
  /** Above this many characters a dense unit is good on its own. */
  lengthHigh: 200,
  /** Function-word density of running prose. */
  stopHigh: 0.3,
  /** Function-word density that may still be prose (near-good). */
  stopLow: 0.22,
  /** Characters within which a heading must be followed by good text to be kept. */
  headingDistance: 200,
  /** Prose score a part of the stretch needs to be taken for the article over comments. */
  cutAfter: 80,
} as const;

/**
 * What each kind of unit adds to the stretch that holds it (per word for prose, per line
 * for furniture). Chosen on the WCXB dev split rendered as text (bench/text-mode.ts); the
 * figures are flat around these values, so nothing hinges on their exact size.
 */
export const WEIGHTS = {
  /** Per word of a near-good unit (a good unit counts 1 per word). */
  nearGood: 0.7,
  /** Per word of a short line that reads as a sentence. */
  shortSentence: 0.5,
  /** Per short line that reads as neither sentence nor context-backed text. */
  shortPenalty: 4,
  /** Per word of a long line with few function words that is still written as a sentence. */
  denseSentence: 0.3,
  /** Per boilerplate line (lexicon match, separator, date line), plus one per word. */
  furniturePenalty: 8,
} as const;

export interface Verdict {
  /** Final class of each unit: good units form the body. */
  readonly classes: UnitClass[];
  /** The first class each unit got on its own, before context (for reasons). */
  readonly initial: UnitClass[];
  /** The main stretch of prose, as unit indices [start, end). */
  readonly region: { start: number; end: number };
  /** Where the comment section after the article starts (unit index), when there is one. */
  readonly commentsFrom?: number;
}

function initialClass(f: Features): UnitClass {
  if (f.separator || f.endMarker || f.dateLine) return 'bad';
  if (f.lexicon !== undefined) return 'bad';
  if (f.chars < THRESHOLDS.lengthLow) return 'short';
  if (f.stopDensity >= THRESHOLDS.stopHigh) return f.chars > THRESHOLDS.lengthHigh ? 'good' : 'near-good';
  if (f.stopDensity >= THRESHOLDS.stopLow) return 'near-good';
  return 'bad';
}

/**
 * For each unit, the class of the nearest unit before and after it that is not short
 * (and, with `ignoreNearGood`, not near-good either); the document edges count as bad.
 * Linear, so long runs of short lines cost no more than their length.
 */
function neighbours(classes: readonly UnitClass[], ignoreNearGood: boolean): { prev: UnitClass[]; next: UnitClass[] } {
  const n = classes.length;
  const skip = (c: UnitClass) => c === 'short' || (ignoreNearGood && c === 'near-good');
  const prev = new Array<UnitClass>(n);
  const next = new Array<UnitClass>(n);
  let last: UnitClass = 'bad';
  for (let i = 0; i < n; i++) {
    prev[i] = last;
    if (!skip(classes[i]!)) last = classes[i]!;
  }
  last = 'bad';
  for (let i = n - 1; i >= 0; i--) {
    next[i] = last;
    if (!skip(classes[i]!)) last = classes[i]!;
  }
  return { prev, next };
}

/** A short line that reads like a heading: few words, no full stop. */
export function isHeadingLike(f: Features): boolean {
  if (f.marker === 'heading') return true;
  return f.words >= 1 && f.words <= 15 && !f.finalPeriod && f.lexicon === undefined && !f.separator && !f.dateLine;
}

function isFurnitureLine(f: Features): boolean {
  return f.lexicon !== undefined || f.separator || f.dateLine || f.endMarker || f.danglingDelimiter;
}

/** A short line that still reads as a sentence ("Before booking vendors, you need clarity."). */
function isShortSentence(f: Features): boolean {
  return f.sentenceEnd && f.words >= 4 && f.stopDensity >= 0.15;
}

/** A long line with few function words that is still written as a sentence (technical prose). */
function isDenseSentence(f: Features): boolean {
  return f.words >= 8 && (f.sentenceEnd || (f.stopDensity >= 0.12 && f.titleCase < 0.5));
}

/** How much a unit adds to (prose) or takes from (furniture) the stretch that holds it. */
function unitValue(f: Features, initial: UnitClass, revised: UnitClass): number {
  if (isFurnitureLine(f)) return -(WEIGHTS.furniturePenalty + f.words);
  if ((f.tabular || f.codeLike) && initial !== 'good') return 0;
  switch (initial) {
    case 'good':
      return f.words;
    case 'near-good':
      return f.words * WEIGHTS.nearGood;
    case 'short':
      if (isShortSentence(f)) return f.words * WEIGHTS.shortSentence;
      return revised === 'good' ? 0 : -WEIGHTS.shortPenalty;
    default:
      return isDenseSentence(f) ? f.words * WEIGHTS.denseSentence : -(2 + f.words * 0.5);
  }
}

/**
 * The article inside the stretch. Lines that close an article ("Comments", "Related
 * posts", "About the author", "References") split the stretch into parts; the article is
 * the part with the most prose, and a part that a comment-section line opens is never
 * chosen while another part holds enough prose to be an article.
 */
function articlePart(features: readonly Features[], values: readonly number[], start: number, end: number): { start: number; end: number } {
  const parts: { start: number; end: number; score: number; comments: boolean }[] = [];
  let current = { start, end, score: 0, comments: false };
  for (let i = start; i < end; i++) {
    const f = features[i]!;
    if (f.endOfArticle && i > current.start) {
      current.end = i;
      parts.push(current);
      current = { start: i, end, score: 0, comments: f.opensComments || current.comments };
    }
    current.score += values[i]!;
  }
  parts.push(current);
  // A part full of comment-thread lines is a comment section, whatever opened it.
  for (const p of parts.slice(1)) {
    let markers = 0;
    for (let i = p.start; i < p.end; i++) if (features[i]!.commentMarker) markers++;
    if (markers >= 3) p.comments = true;
  }
  const articles = parts.filter((p) => !p.comments && p.score >= THRESHOLDS.cutAfter);
  const pool = articles.length > 0 ? articles : parts.filter((p) => !p.comments).length > 0 ? parts.filter((p) => !p.comments) : parts;
  // The first part with at least half the best part's prose: articles come before what
  // follows them (related posts, author boxes), which can be long too.
  const top = Math.max(...pool.map((p) => p.score));
  const best = pool.find((p) => p.score >= top * 0.5) ?? pool[0]!;
  // A part that starts with a closing line does not keep that line.
  const first = best.start < end && features[best.start]!.endOfArticle ? best.start + 1 : best.start;
  return { start: first, end: best.end };
}

export function classify(features: readonly Features[]): Verdict {
  const initial = features.map(initialClass);
  const n = initial.length;

  // Short units between good text are part of it; between furniture they are furniture.
  const afterShort = [...initial];
  const strict = neighbours(initial, true);
  const loose = neighbours(initial, false);
  for (let i = 0; i < n; i++) {
    if (initial[i] !== 'short') continue;
    const prev = strict.prev[i];
    const next = strict.next[i];
    if (prev === 'good' && next === 'good') afterShort[i] = 'good';
    else if (prev === 'bad' && next === 'bad') afterShort[i] = 'bad';
    else if ((prev === 'bad' && loose.prev[i] === 'near-good') || (next === 'bad' && loose.next[i] === 'near-good'))
      afterShort[i] = 'good';
    else afterShort[i] = 'bad';
  }

  // Near-good units are prose unless furniture surrounds them on both sides.
  const classes = [...afterShort];
  const around = neighbours(afterShort, true);
  for (let i = 0; i < n; i++) {
    if (afterShort[i] !== 'near-good') continue;
    classes[i] = around.prev[i] === 'bad' && around.next[i] === 'bad' ? 'bad' : 'good';
  }

  // Headings: kept when good text follows them closely.
  for (let i = 0; i < n; i++) {
    if (classes[i] !== 'bad' || initial[i] !== 'short' || !isHeadingLike(features[i]!)) continue;
    let distance = 0;
    for (let j = i + 1; j < n && distance <= THRESHOLDS.headingDistance; j++) {
      if (classes[j] === 'good') {
        classes[i] = 'good';
        break;
      }
      distance += features[j]!.chars;
    }
  }

  // The main stretch: the contiguous run with the most prose net of furniture.
  let best = { start: 0, end: 0, score: 0 };
  let runStart = 0;
  let run = 0;
  const values = features.map((f, i) => unitValue(f, initial[i]!, classes[i]!));
  // The comment section, once the article has had its prose, is out of the running.
  let prose = 0;
  let commentsFrom: number | undefined;
  for (let i = 0; i < n; i++) {
    if (features[i]!.opensComments && prose >= THRESHOLDS.cutAfter) {
      commentsFrom = i;
      for (let j = i; j < n; j++) values[j] = -(1 + features[j]!.words);
      break;
    }
    prose += Math.max(0, values[i]!);
  }
  for (let i = 0; i < n; i++) {
    const value = values[i]!;
    if (run <= 0) {
      run = 0;
      runStart = i;
    }
    run += value;
    if (run > best.score) best = { start: runStart, end: i + 1, score: run };
  }
  const region = articlePart(features, values, best.start, best.end);
  for (let i = 0; i < n; i++) {
    if (i < region.start || i >= region.end) {
      if (classes[i] === 'good') classes[i] = 'bad';
      continue;
    }
    const f = features[i]!;
    if (isFurnitureLine(f)) {
      classes[i] = 'bad';
      continue;
    }
    if (initial[i] === 'near-good' || isShortSentence(f)) classes[i] = 'good';
    else if (f.tabular || f.codeLike) classes[i] = 'good';
    else if (initial[i] === 'bad' && isDenseSentence(f)) classes[i] = 'good';
  }
  // Headings inside the stretch: kept when kept text follows within two lines.
  for (let i = region.end - 1; i >= region.start; i--) {
    if (classes[i] === 'good' || initial[i] !== 'short' || !isHeadingLike(features[i]!)) continue;
    for (let j = i + 1; j < Math.min(region.end, i + 3); j++) {
      if (classes[j] === 'good') {
        classes[i] = 'good';
        break;
      }
    }
  }
  // Lines the page repeats: a long one is kept once at most (a pull quote, a repeated
  // promo); a short one kept only by its context is furniture (menus, labels, "Reply").
  const seen = new Map<string, number>();
  for (const f of features) {
    const key = f.content.toLowerCase();
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const kept = new Set<string>();
  for (let i = region.start; i < region.end; i++) {
    const f = features[i]!;
    if (classes[i] !== 'good') continue;
    const key = f.content.toLowerCase();
    if ((seen.get(key) ?? 0) > 1 && f.words >= 8) {
      if (kept.has(key)) classes[i] = 'bad';
      kept.add(key);
      continue;
    }
    if (initial[i] !== 'short' || isShortSentence(f)) continue;
    if ((seen.get(key) ?? 0) > 1) classes[i] = 'bad';
  }
  // No prose at all (a product grid, a listing): fall back to the densest stretch of
  // lines that are not furniture, so the reader still says what the page holds.
  if (!classes.some((c) => c === 'good')) {
    const value = (f: Features) => (isFurnitureLine(f) ? -(2 + f.words) : f.words >= 3 ? f.words : -1);
    let top = { start: 0, end: 0, score: 0 };
    let from = 0;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      if (sum <= 0) {
        sum = 0;
        from = i;
      }
      sum += value(features[i]!);
      if (sum > top.score) top = { start: from, end: i + 1, score: sum };
    }
    for (let i = top.start; i < top.end; i++) if (!isFurnitureLine(features[i]!) && features[i]!.words >= 3) classes[i] = 'good';
    return { classes, initial, region: { start: top.start, end: top.end } };
  }
  return commentsFrom === undefined ? { classes, initial, region } : { classes, initial, region, commentsFrom };
}
