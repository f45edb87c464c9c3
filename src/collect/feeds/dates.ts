/**
 * Feed dates to ISO 8601 in UTC: `2024-05-01T10:00:00Z`, or `2024-05-01` when only a
 * date is given. Reads W3C-DTF / ISO 8601 (Atom, sitemaps, JSON Feed, dc:date) and
 * RFC 822 with the usual real-world liberties (RSS pubDate): two-digit years, named
 * zones, a missing weekday or seconds, month before day. Unparseable → undefined.
 */
export function normalizeDate(raw: string | undefined): string | undefined {
  const text = raw?.trim() ?? '';
  if (text === '' || text.length > 100) return undefined;
  return parseIsoDate(text) ?? parseRfc822Date(text);
}

const ISO_DATE =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?$/i;

function parseIsoDate(text: string): string | undefined {
  const m = ISO_DATE.exec(text);
  if (m === null) return undefined;
  const [, year, month, day, hour, minute, second, zone] = m;
  if (hour === undefined) return formatDate(Number(year), Number(month), Number(day));
  return formatDateTime(
    { year: Number(year), month: Number(month), day: Number(day) },
    { hour: Number(hour), minute: Number(minute), second: Number(second ?? 0) },
    zone === undefined ? 0 : zoneOffsetMinutes(zone),
  );
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Zone abbreviations seen in feeds, in minutes east of UTC. Unknown names count as UTC, as in feedparser. */
const ZONES: ReadonlyMap<string, number> = new Map(
  Object.entries({
    ut: 0, utc: 0, gmt: 0, z: 0, wet: 0,
    est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
    ast: -240, adt: -180, akst: -540, akdt: -480, hst: -600, nst: -210, ndt: -150,
    bst: 60, ist: 330, cet: 60, cest: 120, met: 60, mest: 120, west: 60, eet: 120, eest: 180,
    msk: 180, jst: 540, kst: 540, hkt: 480, sgt: 480, awst: 480, acst: 570, aest: 600, aedt: 660,
    nzst: 720, nzdt: 780,
  }),
);

const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(am|pm)?$/;
const NUMERIC_ZONE = /^(?:gmt|utc)?([+-]\d{1,2}(?::?\d{2})?)$/;

/** RFC 822 and its relatives, token by token, so the order of the parts may vary. */
function parseRfc822Date(text: string): string | undefined {
  const tokens = text
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/,/g, ' ')
    .split(/\s+/)
    .filter((token) => token !== '');
  const numbers: string[] = [];
  let month: number | undefined;
  let time: RegExpExecArray | undefined;
  let offset: number | undefined;
  let pm: boolean | undefined;
  for (const token of tokens) {
    const word = token.replace(/\.$/, '');
    const timeMatch = TIME.exec(word);
    const zoneMatch = NUMERIC_ZONE.exec(word);
    if (/^\d{1,4}(?:st|nd|rd|th)?$/.test(word)) numbers.push(word.replace(/\D+$/, ''));
    else if (timeMatch !== null && time === undefined) {
      time = timeMatch;
      if (timeMatch[4] !== undefined) pm = timeMatch[4] === 'pm';
    }
    else if (zoneMatch?.[1] !== undefined && time !== undefined && offset === undefined) offset = zoneOffsetMinutes(zoneMatch[1]);
    else if ((word === 'am' || word === 'pm') && time !== undefined) pm = word === 'pm';
    else if (month === undefined && /^[a-z]{3,9}$/.test(word) && MONTHS.includes(word.slice(0, 3))) month = MONTHS.indexOf(word.slice(0, 3)) + 1;
    else if (/^[a-z]{2,}$/.test(word) && WEEKDAYS.includes(word.slice(0, 3))) continue;
    else if (word === 'at' || word === 'on') continue;
    else if (/^[a-z]{1,5}$/.test(word) && time !== undefined && offset === undefined) offset = ZONES.get(word) ?? 0;
    else return undefined;
  }
  if (month === undefined || numbers.length !== 2) return undefined;
  const [first = '', second = ''] = numbers;
  const [dayText, yearText] = first.length === 4 ? [second, first] : [first, second];
  if (dayText.length > 2) return undefined;
  let year = Number(yearText);
  if (yearText.length <= 2) year += year < 90 ? 2000 : 1900;
  else if (yearText.length !== 4) return undefined;
  const date = { year, month, day: Number(dayText) };
  if (time === undefined) return formatDate(date.year, date.month, date.day);
  let hour = Number(time[1]);
  if (pm !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  return formatDateTime(date, { hour, minute: Number(time[2]), second: Number(time[3] ?? 0) }, offset ?? 0);
}

function zoneOffsetMinutes(zone: string): number {
  const m = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(zone);
  if (m === null) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

function isValidDate(year: number, month: number, day: number): boolean {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCDate() === day;
}

function formatDate(year: number, month: number, day: number): string | undefined {
  if (!isValidDate(year, month, day)) return undefined;
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

function formatDateTime(
  date: { year: number; month: number; day: number },
  time: { hour: number; minute: number; second: number },
  offsetMinutes: number,
): string | undefined {
  if (!isValidDate(date.year, date.month, date.day)) return undefined;
  const midnight24 = time.hour === 24 && time.minute === 0 && time.second === 0;
  if ((time.hour > 23 && !midnight24) || time.minute > 59 || time.second > 60) return undefined;
  if (Math.abs(offsetMinutes) > 18 * 60) return undefined;
  const instant = new Date(0);
  instant.setUTCFullYear(date.year, date.month - 1, date.day);
  // A leap second (":60") is read as the last second of its minute.
  instant.setUTCHours(time.hour, time.minute - offsetMinutes, Math.min(time.second, 59));
  const year = instant.getUTCFullYear();
  if (year < 1 || year > 9999) return undefined;
  return `${String(year).padStart(4, '0')}-${instant.toISOString().slice(5, 19)}Z`;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
