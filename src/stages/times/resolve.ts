import {
  type CalendarDate,
  addMonths,
  dayNumber,
  formatDate,
  formatIsoWeek,
  formatMonth,
  fromDayNumber,
  isValidDate,
  weekdayOf,
} from './calendar.js';
import { type TimeReference, isRelative } from './references.js';
import type { Tense } from './tense.js';

/*
 * Turns a reference into an ISO 8601 value: a date ("2022-09-16"), an ISO week
 * ("2022-W37"), a month ("2022-02"), a year ("2001"), or a decade with its last digit
 * unspecified ("199X", as ISO 8601-2 writes it). Relative references are resolved
 * against the publication date (`anchor`) the way a news reader understands them:
 * - a bare weekday in a past-tense report is the most recent such day on or before the
 *   publication date; in a future-tense clause, the next on or after it; "last Friday"
 *   is strictly before, "next Friday" strictly after;
 * - a month without a year is the most recent such month not after the publication
 *   month (the next one not before it in a future-tense clause, the nearer of the two
 *   for a plan told in the past: "was due to stand down in August");
 * - a day and month without a year ("Sept. 16") is the one nearest the publication date.
 */

export interface Resolution {
  readonly relative: boolean;
  readonly value?: string;
  readonly unresolved?: 'no-anchor' | 'ambiguous';
}

export function resolve(reference: TimeReference, anchor: CalendarDate | undefined, tense: Tense): Resolution {
  if (!isRelative(reference)) return { relative: false, value: absoluteValue(reference) };
  if (anchor === undefined) return { relative: true, unresolved: 'no-anchor' };
  const value = relativeValue(reference, anchor, tense);
  return value === undefined ? { relative: true, unresolved: 'ambiguous' } : { relative: true, value };
}

function absoluteValue(reference: TimeReference): string {
  switch (reference.type) {
    case 'date':
      return formatDate({ year: reference.year!, month: reference.month, day: reference.day });
    case 'month':
      return formatMonth(reference.year!, reference.month);
    case 'year':
      return String(reference.year).padStart(4, '0');
    case 'decade':
      return `${String(reference.decade).slice(0, 3)}X`;
    default:
      throw new Error(`not an absolute time reference: ${reference.type}`);
  }
}

function relativeValue(reference: TimeReference, anchor: CalendarDate, tense: Tense): string | undefined {
  const today = dayNumber(anchor);
  // A weekday in a plan told in the past ("was set to meet on Wednesday") has mostly come.
  const future = tense === 'future';
  switch (reference.type) {
    case 'date':
      return nearestDate(reference.month, reference.day, anchor);
    case 'month':
      if (reference.yearShift !== undefined) return formatMonth(anchor.year + reference.yearShift, reference.month);
      return monthValue(reference.month, reference.direction, anchor, tense);
    case 'weekday':
      return formatDate(fromDayNumber(weekdayDay(reference.weekday, reference.direction, today, future)));
    case 'day-offset':
      return formatDate(fromDayNumber(today + reference.days));
    case 'weekend':
      // The ISO week of the Saturday of the nearest weekend: a Sunday looks back a day.
      return formatIsoWeek(weekdayOf(today) === 0 ? today - 1 : weekdayDay(6, undefined, today, future));
    case 'unit':
      return unitValue(reference.unit, reference.shift, anchor, today);
    case 'ago':
      return reference.amount === undefined ? undefined : unitValue(reference.unit, -reference.amount, anchor, today);
    default:
      return undefined;
  }
}

function nearestDate(month: number, day: number, anchor: CalendarDate): string | undefined {
  const today = dayNumber(anchor);
  let best: CalendarDate | undefined;
  let bestDistance = Infinity;
  for (const year of [anchor.year - 1, anchor.year, anchor.year + 1]) {
    if (!isValidDate(year, month, day)) continue;
    const distance = Math.abs(dayNumber({ year, month, day }) - today);
    if (distance < bestDistance) {
      best = { year, month, day };
      bestDistance = distance;
    }
  }
  return best === undefined ? undefined : formatDate(best);
}

function monthValue(month: number, direction: string | undefined, anchor: CalendarDate, tense: Tense): string {
  let year = anchor.year;
  if (direction === 'last') year = month < anchor.month ? anchor.year : anchor.year - 1;
  else if (direction === 'next') year = month > anchor.month ? anchor.year : anchor.year + 1;
  else if (direction === undefined) {
    if (tense === 'past-plan') year = nearestYear(month, anchor);
    else if (tense === 'future') year = month >= anchor.month ? anchor.year : anchor.year + 1;
    else year = month <= anchor.month ? anchor.year : anchor.year - 1;
  }
  return formatMonth(year, month);
}

/** The year that puts `month` nearest the publication month (the earlier one on a tie). */
function nearestYear(month: number, anchor: CalendarDate): number {
  const monthsAhead = (month - anchor.month + 12) % 12;
  if (monthsAhead !== 0 && monthsAhead < 6) return month > anchor.month ? anchor.year : anchor.year + 1;
  return month <= anchor.month ? anchor.year : anchor.year - 1;
}

function weekdayDay(weekday: number, direction: string | undefined, today: number, future: boolean): number {
  const back = (weekdayOf(today) - weekday + 7) % 7;
  const ahead = (weekday - weekdayOf(today) + 7) % 7;
  if (direction === 'last') return today - (back === 0 ? 7 : back);
  if (direction === 'next') return today + (ahead === 0 ? 7 : ahead);
  return future ? today + ahead : today - back;
}

function unitValue(unit: string, shift: number, anchor: CalendarDate, today: number): string {
  switch (unit) {
    case 'day':
      return formatDate(fromDayNumber(today + shift));
    case 'week':
      return formatIsoWeek(today + 7 * shift);
    case 'weekend': {
      // The weekend of the ISO week `shift` weeks away: its Saturday.
      const monday = today - ((weekdayOf(today) + 6) % 7);
      return formatIsoWeek(monday + 5 + 7 * shift);
    }
    case 'month': {
      const { year, month } = addMonths(anchor.year, anchor.month, shift);
      return formatMonth(year, month);
    }
    default:
      return String(anchor.year + shift).padStart(4, '0');
  }
}
