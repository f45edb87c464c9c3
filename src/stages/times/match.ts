import type { Token } from '../../doc/annotations.js';
import type { Direction, TimeMatch } from './references.js';
import { isValidDate } from './calendar.js';
import { isShoutedAt } from './shouted.js';
import {
  AMBIGUOUS_MONTHS,
  MONTHS,
  MONTH_ABBREVIATIONS,
  NAME_MONTHS,
  NAMED_DAY_PREFIXES,
  PART_OF_PERIOD,
  POSSESSIVES,
  NUMBER_WORDS,
  PARTS_OF_DAY,
  TIME_INTRODUCERS,
  UNITS,
  VAGUE_AMOUNTS,
  WEEKDAYS,
  YEAR_NOUNS,
} from './words.js';

/*
 * Finds time expressions over the tokens, left to right, longest form first at each
 * token: "Friday, Sept. 16, 2022" before "Friday"; "16 September 2022" before "2022".
 * Month and weekday names count only when capitalised, so "may" the modal and "march"
 * the verb never match; "May" and "March" alone need a word that introduces a time
 * ("in May"). A four-digit number is a year only from 1900 to 2099 and only in a year
 * context ("in 2001", "since 2014", "the 2001 election", "from 2001 to 2005").
 */

/** Reads tokens as lower-case words, "Sept." read as "sept". */
class TokenReader {
  constructor(
    readonly text: string,
    readonly tokens: readonly Token[],
  ) {}

  word(k: number): string {
    const token = this.tokens[k];
    if (token === undefined) return '';
    const end = this.text.charCodeAt(token.end - 1) === 0x2e && token.end - token.start > 1 ? token.end - 1 : token.end;
    return this.text.slice(token.start, end).toLowerCase();
  }

  isCapitalised(k: number): boolean {
    const token = this.tokens[k];
    if (token === undefined) return false;
    const code = this.text.charCodeAt(token.start);
    return code >= 0x41 && code <= 0x5a;
  }

  /**
   * A capital that marks a name ("the Sunday Times"): not in text
   * set all in capitals, where every word has one.
   */
  isNameCapital(k: number): boolean {
    return this.isCapitalised(k) && !isShoutedAt(this.text, this.tokens, k);
  }

  /** True when a line break separates token `k` from the token before it. */
  opensLine(k: number): boolean {
    const token = this.tokens[k];
    const previous = this.tokens[k - 1];
    if (token === undefined || previous === undefined) return true;
    for (let i = previous.end; i < token.start; i++) {
      const code = this.text.charCodeAt(i);
      if (code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029) return true;
    }
    return false;
  }

  isAllCaps(k: number): boolean {
    const token = this.tokens[k];
    if (token === undefined) return false;
    const raw = this.text.slice(token.start, token.end);
    return raw === raw.toUpperCase();
  }

  isPunct(k: number, mark: string): boolean {
    const token = this.tokens[k];
    return token !== undefined && token.end - token.start === mark.length && this.text.startsWith(mark, token.start);
  }
}

export function findTimes(text: string, tokens: readonly Token[]): TimeMatch[] {
  const reader = new TokenReader(text, tokens);
  const found: TimeMatch[] = [];
  let lastEnd = 0;
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k]!;
    if (token.kind !== 'word' && token.kind !== 'number') continue;
    const match = matchAt(reader, k, lastEnd);
    if (match === undefined) continue;
    const from = match.from > lastEnd && takesPreposition(match, reader.word(match.from - 1)) ? match.from - 1 : match.from;
    found.push({ ...match, from });
    lastEnd = match.to;
    k = match.to - 1;
  }
  return found;
}

/** "on" before a day ("on Friday", "on Sept. 16"), "in" before a month, year or decade. */
function takesPreposition(match: TimeMatch, before: string): boolean {
  const type = match.reference.type;
  const preposition = type === 'date' || type === 'weekday' ? 'on' : type === 'month' || type === 'year' || type === 'decade' ? 'in' : '';
  return preposition !== '' && before === preposition;
}

function matchAt(r: TokenReader, k: number, lastEnd: number): TimeMatch | undefined {
  const word = r.word(k);
  return (
    matchDirected(r, k, word) ??
    matchWeekend(r, k, word) ??
    matchFuzzyDirected(r, k, word) ??
    matchDayWord(r, k, word) ??
    matchWeekday(r, k, word) ??
    matchMonth(r, k, word, lastEnd) ??
    matchMidMonth(r, k, word) ??
    matchNumber(r, k, word, lastEnd) ??
    matchAgo(r, k, word)
  );
}

const DIRECTIONS: ReadonlyMap<string, Direction> = new Map([['last', 'last'], ['next', 'next'], ['this', 'this']]);
const SHIFTS: Readonly<Record<Direction, number>> = { last: -1, next: 1, this: 0 };

/** "last week", "next year", "this month", "last night", "this morning", "last Friday", "next March". */
function matchDirected(r: TokenReader, k: number, word: string): TimeMatch | undefined {
  let direction = DIRECTIONS.get(word);
  if (direction === undefined) return undefined;
  // "the last year", "the next week" are spans of time, not calendar references.
  if (r.word(k - 1) === 'the') return undefined;
  let at = k + 1;
  if (direction === 'this' && r.word(at) === 'past') {
    direction = 'last'; // "this past weekend", "this past May"
    at++;
  }
  const next = r.word(at);
  const unit = UNITS.get(next);
  if (unit !== undefined && unit !== 'day' && next === unit) {
    return { from: k, to: at + 1, reference: { type: 'unit', unit, shift: SHIFTS[direction] } };
  }
  if (next === 'weekend') return { from: k, to: at + 1, reference: { type: 'unit', unit: 'weekend', shift: SHIFTS[direction] } };
  if (next === 'night' && direction === 'last') return { from: k, to: at + 1, reference: { type: 'day-offset', days: -1 } };
  if (direction === 'this' && PARTS_OF_DAY.has(next)) return { from: k, to: at + 1, reference: { type: 'day-offset', days: 0 } };
  if (!r.isCapitalised(at)) return undefined;
  const weekday = WEEKDAYS.get(next);
  if (weekday !== undefined) {
    return { from: k, to: withPartOfDay(r, at + 1), reference: { type: 'weekday', weekday, direction } };
  }
  const month = MONTHS.get(next);
  if (month !== undefined && !MONTH_ABBREVIATIONS.has(next)) {
    return { from: k, to: at + 1, reference: { type: 'month', month, direction } };
  }
  return undefined;
}

/** Words before "the weekend" that make it the nearest weekend ("over the weekend"). */
const WEEKEND_INTRODUCERS: ReadonlySet<string> = new Set(['over', 'during', 'at', 'on', 'through', 'for']);

/** "the weekend" after "over", "during", "at", "on": the nearest weekend, by tense. */
function matchWeekend(r: TokenReader, k: number, word: string): TimeMatch | undefined {
  if (word !== 'the' || r.word(k + 1) !== 'weekend' || !WEEKEND_INTRODUCERS.has(r.word(k - 1))) return undefined;
  return { from: k, to: k + 2, reference: { type: 'weekend' } };
}

/** "earlier this month", "later this year", "early next year", "late last week". */
function matchFuzzyDirected(r: TokenReader, k: number, word: string): TimeMatch | undefined {
  if (word !== 'earlier' && word !== 'later' && word !== 'early' && word !== 'late') return undefined;
  const direction = DIRECTIONS.get(r.word(k + 1));
  if (direction === undefined) return undefined;
  const unitWord = r.word(k + 2);
  const unit = UNITS.get(unitWord);
  if (unit === undefined || unit === 'day' || unitWord !== unit) return undefined;
  return { from: k, to: k + 3, reference: { type: 'unit', unit, shift: SHIFTS[direction] } };
}

const DAY_WORDS: ReadonlyMap<string, number> = new Map([['yesterday', -1], ['today', 0], ['tonight', 0], ['tomorrow', 1]]);

/** "yesterday", "today", "tomorrow morning". */
function matchDayWord(r: TokenReader, k: number, word: string): TimeMatch | undefined {
  const days = DAY_WORDS.get(word);
  if (days === undefined) return undefined;
  // "USA Today", "the Today programme": a capital after a word is a name, not a day; but
  // not after a line break ("…headline\n\nYesterday, the council voted").
  if (r.isCapitalised(k) && !r.isAllCaps(k) && r.tokens[k - 1]?.kind === 'word' && !r.opensLine(k)) return undefined;
  const to = word === 'tonight' ? k + 1 : withPartOfDay(r, k + 1);
  return { from: k, to, reference: { type: 'day-offset', days } };
}

function withPartOfDay(r: TokenReader, at: number): number {
  return PARTS_OF_DAY.has(r.word(at)) ? at + 1 : at;
}

/** "Friday", "Friday night", "Friday, Sept. 16, 2022", "Friday 16 September". */
function matchWeekday(r: TokenReader, k: number, word: string): TimeMatch | undefined {
  const weekday = WEEKDAYS.get(word);
  if (weekday === undefined || !r.isCapitalised(k)) return undefined;
  if (r.isCapitalised(k - 1) && NAMED_DAY_PREFIXES.has(r.word(k - 1))) return undefined;
  // "the Sunday Times", "the Monday Night Football": a name, where "the Friday meeting" is a day.
  if (r.word(k - 1) === 'the' && r.isNameCapital(k + 1) && !MONTHS.has(r.word(k + 1))) return undefined;
  const dateAt = r.isPunct(k + 1, ',') ? k + 2 : k + 1;
  const date = matchMonth(r, dateAt, r.word(dateAt)) ?? matchDayFirstDate(r, dateAt, r.word(dateAt));
  if (date !== undefined && date.reference.type === 'date') return { ...date, from: k };
  return { from: k, to: withPartOfDay(r, k + 1), reference: { type: 'weekday', weekday } };
}

/** "Sept. 16, 2022", "September 16", "September 2022", "in February" (capitalised only). */
function matchMonth(r: TokenReader, k: number, word: string, lastEnd = 0): TimeMatch | undefined {
  const month = MONTHS.get(word);
  if (month === undefined || !r.isCapitalised(k)) return undefined;
  const day = dayNumber(r.word(k + 1));
  if (day !== undefined) {
    const yearAt = r.isPunct(k + 2, ',') ? k + 3 : k + 2;
    const year = yearNumber(r.word(yearAt));
    if (year !== undefined && isValidDate(year, month, day)) {
      return { from: k, to: yearAt + 1, reference: { type: 'date', year, month, day } };
    }
    if (isValidDate(2000, month, day)) return { from: k, to: k + 2, reference: { type: 'date', month, day } };
  }
  const yearAt = r.word(k + 1) === 'of' || r.isPunct(k + 1, ',') ? k + 2 : k + 1;
  const year = yearNumber(r.word(yearAt));
  if (year !== undefined) return { from: k, to: yearAt + 1, reference: { type: 'month', year, month } };
  if (MONTH_ABBREVIATIONS.has(word)) return undefined;
  const yearShift = relativeYearAfter(r, k + 1);
  if (yearShift !== undefined) {
    return { from: k, to: k + yearShift.length + 1, reference: { type: 'month', month, yearShift: yearShift.shift } };
  }
  const introduced = introducesTime(r.word(k - 1), k, lastEnd) || (r.word(k - 1) === 'of' && PART_OF_PERIOD.has(r.word(k - 2)));
  if (AMBIGUOUS_MONTHS.has(word) && !introduced) return undefined;
  if (NAME_MONTHS.has(word) && !introduced && r.isCapitalised(k + 1)) return undefined;
  return { from: k, to: k + 1, reference: { type: 'month', month } };
}

/** "mid-August", "mid-September 2019". */
function matchMidMonth(r: TokenReader, k: number, word: string): TimeMatch | undefined {
  if (!word.startsWith('mid-')) return undefined;
  const month = MONTHS.get(word.slice(4));
  const token = r.tokens[k]!;
  const capital = r.text.charCodeAt(token.start + 4);
  if (month === undefined || MONTH_ABBREVIATIONS.has(word.slice(4)) || capital < 0x41 || capital > 0x5a) return undefined;
  const year = yearNumber(r.word(k + 1));
  if (year !== undefined) return { from: k, to: k + 2, reference: { type: 'month', year, month } };
  return { from: k, to: k + 1, reference: { type: 'month', month } };
}

/** "last year", "of this year", "next year" after a month: its shift and length in tokens. */
function relativeYearAfter(r: TokenReader, at: number): { shift: number; length: number } | undefined {
  const of = r.word(at) === 'of' ? 1 : 0;
  const direction = DIRECTIONS.get(r.word(at + of));
  if (direction === undefined || r.word(at + of + 1) !== 'year') return undefined;
  return { shift: SHIFTS[direction], length: of + 2 };
}

/** "16 September 2022", "16th of September". */
function matchDayFirstDate(r: TokenReader, k: number, word: string): TimeMatch | undefined {
  const day = dayNumber(word);
  if (day === undefined) return undefined;
  const monthAt = r.word(k + 1) === 'of' ? k + 2 : k + 1;
  const monthWord = r.word(monthAt);
  const month = MONTHS.get(monthWord);
  if (month === undefined || !r.isCapitalised(monthAt)) return undefined;
  const yearAt = r.isPunct(monthAt + 1, ',') ? monthAt + 2 : monthAt + 1;
  const year = yearNumber(r.word(yearAt));
  if (year !== undefined && isValidDate(year, month, day)) {
    return { from: k, to: yearAt + 1, reference: { type: 'date', year, month, day } };
  }
  if (!isValidDate(2000, month, day)) return undefined;
  return { from: k, to: monthAt + 1, reference: { type: 'date', month, day } };
}

/** Dates and years written with digits, and decades. */
function matchNumber(r: TokenReader, k: number, word: string, lastEnd: number): TimeMatch | undefined {
  const code = word.charCodeAt(0);
  const isDigitStart = code >= 0x30 && code <= 0x39;
  if (!isDigitStart && !word.startsWith('mid-') && code !== 0x27 && code !== 0x2019) return undefined;
  if (isDigitStart) {
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(word);
    if (iso !== null) {
      const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
      return isValidDate(year, month, day) ? { from: k, to: k + 1, reference: { type: 'date', year, month, day } } : undefined;
    }
    const dayFirst = matchDayFirstDate(r, k, word);
    if (dayFirst !== undefined) return dayFirst;
  }
  const decade = decadeOf(r, k, word);
  if (decade !== undefined) return decade;
  const year = yearNumber(word);
  if (year === undefined || year < 1900 || year > 2099) return undefined;
  const before = r.word(k - 1);
  const after = r.word(k + 1);
  if (after === '%' || after === 'percent' || after === 'per') return undefined;
  const inContext =
    introducesTime(before, k, lastEnd) ||
    YEAR_NOUNS.has(after) ||
    POSSESSIVES.has(before) ||
    (before === 'the' && r.isCapitalised(k + 1)) ||
    (before === 'of' && PART_OF_PERIOD.has(r.word(k - 2)));
  return inContext ? { from: k, to: k + 1, reference: { type: 'year', year } } : undefined;
}

/**
 * Whether the word before token `k` introduces a time. "to", "and" and "or" do only
 * right after another time ("from 2001 to 2005", "in April and May"), not in
 * "rose to 2000" or "Johnson and May".
 */
const JOINERS = new Set(['to', 'and', 'or', '-', '–', '—']);

function introducesTime(before: string, k: number, lastEnd: number): boolean {
  if (JOINERS.has(before)) return lastEnd > 0 && lastEnd >= k - 2;
  return TIME_INTRODUCERS.has(before);
}

/** "the 1990s", "the early 2000s", "the mid-1990s", "the '90s", "the 1990's". */
function decadeOf(r: TokenReader, k: number, word: string): TimeMatch | undefined {
  const bare = word.startsWith('mid-') ? word.slice(4) : word;
  let decade: number | undefined;
  let to = k + 1;
  const full = /^(1[89]|20)(\d)0s$/.exec(bare);
  const short = /^['’](\d)0s$/.exec(bare);
  if (full !== null) decade = Number(full[1]) * 100 + Number(full[2]) * 10;
  else if (short !== null) decade = (Number(short[1]) >= 3 ? 1900 : 2000) + Number(short[1]) * 10;
  else if (/^(1[89]|20)\d0$/.test(bare) && (r.word(k + 1) === "'s" || r.word(k + 1) === '’s')) {
    decade = Number(bare);
    to = k + 2;
  }
  if (decade === undefined) return undefined;
  let from = k;
  if (['early', 'mid', 'late'].includes(r.word(from - 1))) from--;
  if (r.word(from - 1) === 'the') from--;
  return { from, to, reference: { type: 'decade', decade } };
}

/** "two days ago", "a year ago", "a few weeks ago". */
function matchAgo(r: TokenReader, k: number, word: string): TimeMatch | undefined {
  let amount: number | undefined = /^\d{1,3}$/.test(word) ? Number(word) : NUMBER_WORDS.get(word);
  let unitAt = k + 1;
  if (word === 'a' && VAGUE_AMOUNTS.has(r.word(k + 1))) {
    amount = undefined;
    unitAt = k + 2;
  } else if (VAGUE_AMOUNTS.has(word)) {
    amount = undefined;
  } else if (amount === undefined) {
    return undefined;
  }
  const unit = UNITS.get(r.word(unitAt));
  if (unit === undefined || r.word(unitAt + 1) !== 'ago') return undefined;
  return {
    from: k,
    to: unitAt + 2,
    reference: amount === undefined ? { type: 'ago', unit } : { type: 'ago', unit, amount },
  };
}

function dayNumber(word: string): number | undefined {
  const match = /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(word);
  if (match === null) return undefined;
  const day = Number(match[1]);
  return day >= 1 && day <= 31 ? day : undefined;
}

function yearNumber(word: string): number | undefined {
  if (word.length !== 4 || !/^\d{4}$/.test(word)) return undefined;
  const year = Number(word);
  return year >= 1000 && year <= 2999 ? year : undefined;
}

