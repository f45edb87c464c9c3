import type { Span } from '../../doc/span.js';
import { isLetterOrDigit } from './words.js';

/** Text between a pair of quotation marks, inside one block. */
export interface QuotedSpan {
  /** Offset of the opening mark. */
  readonly open: number;
  /** Offset of the closing mark, or the block's end when the quote runs on. */
  readonly close: number;
  /** Index of the block (in the spans given). */
  readonly block: number;
  /** Opened in the previous block and reopened at this block's start (multi-paragraph quote). */
  readonly continues: boolean;
  /** Not closed in this block: the next block reopens it. */
  readonly runsOn: boolean;
  /** Single quotation marks (‘…’ or '…') at the top level. */
  readonly single: boolean;
}

type MarkRole = 'open' | 'close' | 'either' | 'none';

/** A neighbouring character (one UTF-16 unit, '' at a block's edge) is a letter or digit. */
const letterOrDigit = (c: string): boolean => c !== '' && isLetterOrDigit(c.charCodeAt(0));
const isSpaceOrNone = (c: string): boolean => c === '' || /\s/u.test(c);
const OPENING_CONTEXT = /[\s([{\u2014\u2013\-/:]/u;

/** What a double mark does, from the characters around it. */
function doubleRole(mark: string, before: string, after: string): MarkRole {
  if (mark === '“' || mark === '„' || mark === '«') return 'open';
  if (mark === '”' || mark === '»') {
    // Some pages type ” for both; at a word start after space it opens.
    return isSpaceOrNone(before) && letterOrDigit(after) ? 'either' : 'close';
  }
  // Straight ": decided by its neighbours.
  const openSide = before === '' || OPENING_CONTEXT.test(before);
  const closeSide = after === '' || /[\s.,;:!?)\]}\u2014\u2013-]/u.test(after);
  if (openSide && !closeSide) return 'open';
  if (closeSide && !openSide) return 'close';
  return 'either';
}

/** What a single mark does; apostrophes ("Russia’s", "’90s", "rock ’n’ roll") do nothing. */
function singleRole(mark: string, before: string, after: string): MarkRole {
  if (letterOrDigit(before) && letterOrDigit(after)) return 'none';
  if (mark === '‘' || mark === '\'') {
    if ((before === '' || OPENING_CONTEXT.test(before) || before === '"' || before === '“') && letterOrDigit(after)) {
      return 'open';
    }
  }
  if (mark === '’' || mark === '\'') {
    if (!isSpaceOrNone(before) && (after === '' || /[\s.,;:!?)\]}\u2014\u2013"”-]/u.test(after))) return 'close';
  }
  return 'none';
}

/**
 * Pairs the quotation marks of each block. Double marks (“ ” " « » „) pair first; single
 * marks pair only outside a double quote (a single quote inside one is part of its words).
 * A mark left open at the end of a block is dropped — so an unbalanced mark never swallows
 * the rest of the article — unless the next block opens with a mark too: the convention
 * for a quotation running over several paragraphs (each paragraph reopens, only the last
 * closes).
 */
export function findQuotedSpans(text: string, blocks: readonly Span[]): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  const marks = new MarkFinder(text);
  let continuing = false;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    let doubleOpen = -1;
    let doubleGerman = false;
    let singleOpen = -1;
    let openedContinuing = false;
    for (let i = marks.from(block.start); i < block.end; i = marks.from(i + 1)) {
      const c = text.charCodeAt(i);
      // Two apostrophes stand for a double mark in some archives (''Every one,'' he said), and two
      // closing single marks close one on some sites (“It was an attempt,’’ Moy said).
      const paired = (c === 0x27 || c === 0x2019) && text.charCodeAt(i + 1) === c && i + 1 < block.end;
      const mark = paired ? (c === 0x27 ? '"' : '”') : text[i]!;
      const before = i > block.start ? text[i - 1]! : '';
      const afterAt = paired ? i + 2 : i + 1;
      const after = afterAt < block.end ? text[afterAt]! : '';
      if (mark === '"' || mark === '“' || mark === '”' || mark === '«' || mark === '»' || mark === '„') {
        let role = doubleRole(mark, before, after);
        if (doubleGerman && mark === '“') role = 'close';
        if (role === 'either') role = doubleOpen >= 0 ? 'close' : 'open';
        if (paired) i++;
        if (role === 'open') {
          // A new opening while one is open: the earlier mark was unbalanced.
          doubleOpen = i;
          doubleGerman = mark === '„';
          singleOpen = -1;
          openedContinuing = continuing && i === firstNonSpace(text, block.start, block.end);
        } else if (role === 'close' && doubleOpen >= 0) {
          out.push({ open: doubleOpen, close: paired ? i - 1 : i, block: b, continues: openedContinuing, runsOn: false, single: false });
          doubleOpen = -1;
          doubleGerman = false;
          openedContinuing = false;
        }
        continue;
      }
      if (doubleOpen >= 0) continue;
      const role = singleRole(mark, before, after);
      if (role === 'open') singleOpen = i;
      else if (role === 'close' && singleOpen >= 0) {
        out.push({ open: singleOpen, close: i, block: b, continues: false, runsOn: false, single: true });
        singleOpen = -1;
      }
    }
    continuing = false;
    if (doubleOpen >= 0) {
      const next = blocks[b + 1];
      if (next !== undefined && opensWithDoubleMark(text, next)) {
        out.push({ open: doubleOpen, close: trimEnd(text, block.start, block.end), block: b, continues: openedContinuing, runsOn: true, single: false });
        continuing = true;
      }
    }
  }
  return out;
}

/** Every mark we handle is " ' « » or in U+2018–U+201E. */
const MARK = /["'\u00ab\u00bb\u2018-\u201e]/g;

/** Where the next quotation mark is, found by the regex engine rather than a loop over every character. */
class MarkFinder {
  private searchedFrom = 0;
  private next = -1;

  constructor(private readonly text: string) {}

  /** Offset of the first mark at or after `from` (the text's length when none); `from` never goes back. */
  from(from: number): number {
    // The mark found last is still the first one after `from` when `from` has not passed it.
    if (from >= this.searchedFrom && from <= this.next) return this.next;
    MARK.lastIndex = from;
    this.searchedFrom = from;
    this.next = MARK.test(this.text) ? MARK.lastIndex - 1 : this.text.length;
    return this.next;
  }
}

function firstNonSpace(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && /\s/u.test(text[i]!)) i++;
  return i;
}

function trimEnd(text: string, start: number, end: number): number {
  let i = end;
  while (i > start && /\s/u.test(text[i - 1]!)) i--;
  return i;
}

function opensWithDoubleMark(text: string, block: Span): boolean {
  const at = firstNonSpace(text, block.start, block.end);
  const first = text[at];
  return first === '“' || first === '"' || first === '«' || first === '„' || (first === "'" && text[at + 1] === "'");
}
