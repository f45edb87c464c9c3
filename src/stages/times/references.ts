import type { CalendarUnit } from './words.js';

/** What a time expression refers to, before it is resolved against the publication date. */
export type TimeReference =
  /** A calendar date; without a year ("Sept. 16") it is relative. */
  | { readonly type: 'date'; readonly year?: number; readonly month: number; readonly day: number }
  /**
   * A month; without a year ("in February", "last March") it is relative. `yearShift`
   * places it in the publication year, the one before or after ("August last year").
   */
  | {
      readonly type: 'month';
      readonly year?: number;
      readonly month: number;
      readonly direction?: Direction;
      readonly yearShift?: number;
    }
  | { readonly type: 'year'; readonly year: number }
  /** "the 1990s": the decade's first year. */
  | { readonly type: 'decade'; readonly decade: number }
  /** "on Friday", "last Friday". */
  | { readonly type: 'weekday'; readonly weekday: number; readonly direction?: Direction }
  /** "yesterday" (-1), "today" (0), "tomorrow" (1), "last night" (-1). */
  | { readonly type: 'day-offset'; readonly days: number }
  /** "last week" (-1), "this month" (0), "next year" (1), "this weekend". */
  | { readonly type: 'unit'; readonly unit: CalendarUnit | 'weekend'; readonly shift: number }
  /** "over the weekend": the nearest weekend, before or after by tense. */
  | { readonly type: 'weekend' }
  /** "two days ago"; no amount for "a few days ago". */
  | { readonly type: 'ago'; readonly unit: CalendarUnit; readonly amount?: number };

/** "last", "next" or "this" before a weekday or month. */
export type Direction = 'last' | 'next' | 'this';

/** A time expression found over tokens `[from, to)`. */
export interface TimeMatch {
  readonly from: number;
  readonly to: number;
  readonly reference: TimeReference;
}

/** Whether the reference needs the publication date to become a value. */
export function isRelative(reference: TimeReference): boolean {
  switch (reference.type) {
    case 'date':
    case 'month':
      return reference.year === undefined;
    case 'year':
    case 'decade':
      return false;
    default:
      return true;
  }
}

/** Whether resolving the reference depends on the tense around it. */
export function needsTense(reference: TimeReference): boolean {
  if (reference.type === 'weekend') return true;
  if (reference.type === 'weekday') return reference.direction === undefined || reference.direction === 'this';
  if (reference.type === 'month') {
    return reference.year === undefined && reference.direction === undefined && reference.yearShift === undefined;
  }
  return false;
}
