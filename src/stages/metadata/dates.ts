/**
 * Dates as pages write them, read into ISO 8601. A date-time keeps the page's own
 * clock and offset ("2022-09-16T10:00:00-04:00"), so its calendar day is the page's.
 */

import { nextDate } from './date-scan.js';

export interface ParsedDate {
  /** `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS` with an offset when the page gives one. */
  readonly value: string;
  /** `YYYY-MM-DD`. */
  readonly day: string;
  readonly hasTime: boolean;
}

/** Month names and abbreviations in the languages news pages most often use. */
const MONTHS: Readonly<Record<string, number>> = (() => {
  const table: Record<string, number> = {};
  const lists: string[][] = [
    // English
    ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
    ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
    ['jan', 'feb', 'mar', 'apr', 'may', 'june', 'july', 'aug', 'sept', 'oct', 'nov', 'dec'],
    // German
    ['januar', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember'],
    ['jän', 'feb', 'mär', 'apr', 'mai', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dez'],
    // French
    ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
    ['janv', 'févr', 'mars', 'avr', 'mai', 'juin', 'juil', 'août', 'sept', 'oct', 'nov', 'déc'],
    // Spanish
    ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
    ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'],
    // Italian
    ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
    // Portuguese
    ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'],
    // Dutch
    ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  ];
  for (const list of lists) list.forEach((name, i) => (table[name] ??= i + 1));
  return table;
})();

const MONTH_ALT = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const ORD = '(?:st|nd|rd|th|er|º)?';
/** "September 16, 2022", "Sept. 16th 2022" */
const MDY = new RegExp(`\\b(${MONTH_ALT})\\.?\\s+(\\d{1,2})${ORD},?\\s+(\\d{4})\\b`, 'iu');
/** "16 September 2022", "16. September 2022", "16 de septiembre de 2022", "16-Sep-2022" */
const DMY = new RegExp(`\\b(\\d{1,2})${ORD}\\.?(?:\\s+de|\\s+of)?[\\s-]+(${MONTH_ALT})\\.?,?(?:\\s+de|\\s+del)?[\\s-]+(\\d{4})\\b`, 'iu');
/** "2022 September 16" */
const YMD_NAME = new RegExp(`\\b(\\d{4})\\s+(${MONTH_ALT})\\.?\\s+(\\d{1,2})\\b`, 'iu');
const ISO = /(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?)?/i;
const YMD_SLASH = /\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b/;
const NUM_DMY = /\b(\d{1,2})([/.-])(\d{1,2})\2(\d{4})\b/;
const TIME = /\b(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?/i;

const NOW_YEAR = new Date().getUTCFullYear();

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function validDay(y: number, m: number, d: number): boolean {
  if (y < 1990 || y > NOW_YEAR + 1 || m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1]!;
}

function make(y: number, m: number, d: number, time?: { h: number; min: number; s: number; offset?: string }): ParsedDate | undefined {
  if (!validDay(y, m, d)) return undefined;
  const day = `${y}-${pad(m)}-${pad(d)}`;
  // Not in the future (a day of slack for time zones): pages' "dates" that are ahead are not publication dates.
  if (Date.UTC(y, m - 1, d) > Date.now() + 36 * 3600 * 1000) return undefined;
  if (time === undefined || time.h > 23 || time.min > 59 || time.s > 59) return { value: day, day, hasTime: false };
  let value = `${day}T${pad(time.h)}:${pad(time.min)}:${pad(time.s)}`;
  const off = time.offset;
  if (off !== undefined) {
    const u = off.toUpperCase();
    if (u === 'Z' || u === 'UTC' || u === 'GMT') value += 'Z';
    else {
      const m2 = /^([+-])(\d{2}):?(\d{2})?$/.exec(off);
      if (m2 !== null) value += `${m2[1]!}${m2[2]!}:${m2[3] ?? '00'}`;
    }
  }
  return { value, day, hasTime: true };
}

function timeIn(text: string): { h: number; min: number; s: number; offset?: string } | undefined {
  const t = TIME.exec(text);
  if (t === null) return undefined;
  let h = Number(t[1]);
  const ampm = t[4]?.toLowerCase().replace(/\./g, '');
  if (ampm === 'pm' && h < 12) h += 12;
  if (ampm === 'am' && h === 12) h = 0;
  const out: { h: number; min: number; s: number; offset?: string } = { h, min: Number(t[2]), s: Number(t[3] ?? 0) };
  if (t[5] !== undefined) out.offset = t[5];
  return out;
}

export interface ParseOptions {
  /** Read ambiguous numeric dates (03/04/2022) day first. */
  readonly dayFirst?: boolean;
}

/**
 * A date out of a string as pages write it: ISO 8601, RFC 2822, "September 16, 2022",
 * "16 September 2022", numeric forms, Unix timestamps. Undefined when none is found or
 * it is not a plausible publication date (before 1990 or in the future).
 */
export function parseDate(input: string, options: ParseOptions = {}): ParsedDate | undefined {
  const text = input.trim();
  if (text === '' || text.length > 300) return undefined;
  if (/^\d{10}(\d{3})?$/.test(text)) {
    const ms = text.length === 13 ? Number(text) : Number(text) * 1000;
    const d = new Date(ms);
    return make(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), {
      h: d.getUTCHours(),
      min: d.getUTCMinutes(),
      s: d.getUTCSeconds(),
      offset: 'Z',
    });
  }
  const iso = ISO.exec(text);
  if (iso !== null) {
    const y = Number(iso[1]);
    const m = Number(iso[2]);
    const d = Number(iso[3]);
    if (iso[4] !== undefined) {
      const time: { h: number; min: number; s: number; offset?: string } = {
        h: Number(iso[4]),
        min: Number(iso[5]),
        s: Number(iso[6] ?? 0),
      };
      if (iso[7] !== undefined) time.offset = iso[7];
      return make(y, m, d, time);
    }
    return make(y, m, d);
  }
  const compact = /^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?$/.exec(text);
  if (compact !== null) return make(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  const named = parseNamed(text);
  if (named !== undefined) return named;
  const ymd = YMD_SLASH.exec(text);
  if (ymd !== null) return make(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]), timeIn(text.slice(ymd.index + ymd[0].length)));
  const num = NUM_DMY.exec(text);
  if (num !== null) return numeric(num, text, options);
  return undefined;
}

function parseNamed(text: string): ParsedDate | undefined {
  const candidates: { index: number; y: number; m: number; d: number; end: number }[] = [];
  const mdy = MDY.exec(text);
  if (mdy !== null) {
    candidates.push({ index: mdy.index, y: Number(mdy[3]), m: MONTHS[mdy[1]!.toLowerCase()]!, d: Number(mdy[2]), end: mdy.index + mdy[0].length });
  }
  const dmy = DMY.exec(text);
  if (dmy !== null) {
    candidates.push({ index: dmy.index, y: Number(dmy[3]), m: MONTHS[dmy[2]!.toLowerCase()]!, d: Number(dmy[1]), end: dmy.index + dmy[0].length });
  }
  const ymdn = YMD_NAME.exec(text);
  if (ymdn !== null) {
    candidates.push({ index: ymdn.index, y: Number(ymdn[1]), m: MONTHS[ymdn[2]!.toLowerCase()]!, d: Number(ymdn[3]), end: ymdn.index + ymdn[0].length });
  }
  candidates.sort((a, b) => a.index - b.index);
  for (const c of candidates) {
    const rest = text.slice(c.end, c.end + 40);
    const before = text.slice(Math.max(0, c.index - 20), c.index);
    const time = timeIn(rest) ?? timeIn(before);
    const r = make(c.y, c.m, c.d, time);
    if (r !== undefined) return r;
  }
  return undefined;
}

function numeric(m: RegExpExecArray, text: string, options: ParseOptions): ParsedDate | undefined {
  const a = Number(m[1]);
  const b = Number(m[3]);
  const y = Number(m[4]);
  const sep = m[2];
  let day: number;
  let month: number;
  if (a > 12) [day, month] = [a, b];
  else if (b > 12) [day, month] = [b, a];
  else if (sep === '.' || options.dayFirst === true) [day, month] = [a, b];
  else [day, month] = [b, a];
  return make(y, month, day, timeIn(text.slice(m.index + m[0].length)));
}

/** A full date in the URL path: /2022/09/16/, /2022-09-16-, /20220916/. */
export function dateFromUrl(url: string | undefined): ParsedDate | undefined {
  if (url === undefined) return undefined;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const m =
    /(?:^|[/_-])((?:19|20)\d{2})[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\d|3[01])(?=$|[/_.-])/.exec(path) ??
    /(?:^|[/_-])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=$|[/_.-])/.exec(path);
  if (m !== null) return make(Number(m[1]), Number(m[2]), Number(m[3]));
  // /2023/october/03/
  const named = /\/((?:19|20)\d{2})\/([a-z]{3,9})\/(0?[1-9]|[12]\d|3[01])(?=$|[/_.-])/i.exec(path);
  if (named !== null) {
    const month = MONTHS[named[2]!.toLowerCase()];
    if (month !== undefined) return make(Number(named[1]), month, Number(named[3]));
  }
  return undefined;
}

/** The year and month in the URL path (/2022/09/), to confirm a date found elsewhere. */
export function monthFromUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const m = /\/((?:19|20)\d{2})\/(0[1-9]|1[0-2])\//.exec(url);
  return m === null ? undefined : `${m[1]!}-${m[2]!}`;
}

const LABEL_PUBLISHED =
  /\b(?:published|posted|publish(?:ed)? date|date published|released|written|created|issued|first published|publié|publicado|veröffentlicht|pubblicato|gepubliceerd|on)\b\s*(?:on|at|:)?\s*[:|–—-]?\s*$/i;
const LABEL_UPDATED = /\b(?:updated|last updated|modified|last modified|revised|reviewed|edited|aktualisiert|mis à jour|actualizado)\b\s*(?:on|at|:)?\s*[:|–—-]?\s*$/i;

/** The label written just before a date ("Updated on", "Published:"), if any. */
export function labelBefore(before: string): 'published' | 'updated' | 'none' {
  return LABEL_UPDATED.test(before) ? 'updated' : LABEL_PUBLISHED.test(before) ? 'published' : 'none';
}

export interface TextDate {
  readonly date: ParsedDate;
  readonly pos: number;
  readonly label: 'published' | 'updated' | 'none';
}

/** Dates written in a window of visible text, with the label before each ("Published", "Updated"). */
export function datesInText(text: string, start: number, end: number, options: ParseOptions = {}, max = 12): TextDate[] {
  const out: TextDate[] = [];
  const window = text.slice(Math.max(0, start), Math.min(text.length, end));
  let next = 0;
  let m: RegExpExecArray | null;
  while ((m = nextDate(window, next)) !== null && out.length < max) {
    next = m.index + m[0].length;
    const word = m[1] ?? m[2];
    if (word !== undefined && MONTHS[word.toLowerCase()] === undefined) {
      // Not a month: retry just past the word's start.
      next = m.index + 1;
      continue;
    }
    const before = window.slice(Math.max(0, m.index - 40), m.index);
    const after = window.slice(m.index + m[0].length, m.index + m[0].length + 30);
    const date = parseDate(m[0] + after, options);
    if (date === undefined) continue;
    // "© 2022" and "Copyright" lines are not publication dates.
    if (/©|copyright/i.test(before)) continue;
    const label = labelBefore(before);
    out.push({ date, pos: Math.max(0, start) + m.index, label });
  }
  return out;
}

const LABEL_SCAN = /\b(published|posted|post time|last updated|updated|last modified|modified|date)\b(?:\s+on)?\s*[:|–—-]?\s*(?:the\s+)?/gi;

/** Dates the page labels anywhere ("Published: …", "Last updated …"): a last resort, cheap to scan. */
export function labelledDates(text: string, options: ParseOptions = {}, max = 6): TextDate[] {
  const out: TextDate[] = [];
  LABEL_SCAN.lastIndex = 0;
  let m: RegExpExecArray | null;
  let guard = 0;
  while ((m = LABEL_SCAN.exec(text)) !== null && out.length < max && guard++ < 500) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
    // The date must follow the label directly.
    const found = datesInText(after, 0, after.length, options, 1)[0];
    if (found === undefined || found.pos > 3) continue;
    const word = m[1]!.toLowerCase();
    const label = /updat|modif/.test(word) ? 'updated' : word === 'date' ? 'none' : 'published';
    out.push({ date: found.date, pos: m.index, label });
  }
  return out;
}
