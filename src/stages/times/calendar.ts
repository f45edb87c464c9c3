/*
 * Calendar arithmetic on whole days, in the proleptic Gregorian calendar and without
 * time zones: a day is its number since 1970-01-01, so adding days and finding weekdays
 * is integer arithmetic.
 */

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const MS_PER_DAY = 86_400_000;

export function dayNumber(date: CalendarDate): number {
  return Math.round(Date.UTC(date.year, date.month - 1, date.day) / MS_PER_DAY);
}

export function fromDayNumber(days: number): CalendarDate {
  const date = new Date(days * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** 0 (Sunday) … 6 (Saturday). */
export function weekdayOf(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The calendar date of an ISO 8601 date or date-time ("2022-09-16", "2022-09-16T10:00:00+05:00"), as written. */
export function parseAnchor(value: string | undefined): CalendarDate | undefined {
  const match = value === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidDate(year, month, day) ? { year, month, day } : undefined;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

export function formatDate(date: CalendarDate): string {
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

export function formatMonth(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}`;
}

/** Adds `months` to a (year, month) pair. */
export function addMonths(year: number, month: number, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1 };
}

/** The ISO 8601 week ("2022-W37") holding the day: weeks start on Monday, week 1 holds the first Thursday. */
export function formatIsoWeek(days: number): string {
  const thursday = days - ((weekdayOf(days) + 6) % 7) + 3;
  const year = fromDayNumber(thursday).year;
  const firstThursday = dayNumber({ year, month: 1, day: 1 });
  const week = Math.floor((thursday - firstThursday) / 7) + 1;
  return `${pad(year, 4)}-W${pad(week, 2)}`;
}
