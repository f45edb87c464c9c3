/**
 * Finding written dates in running text. Every date form has a four-digit year, so
 * the scan jumps from one run of four digits to the next and tries the full pattern
 * only at the few positions from which a match could reach that year: running the
 * pattern at every position of a 3,000-character window cost more than everything
 * else metadata does with the text.
 */

const ORD = '(?:st|nd|rd|th|er|º)?';
const ALTERNATIVES = [
  `\\b(\\p{L}{3,10})\\.?\\s+\\d{1,2}${ORD},?\\s+\\d{4}\\b`,
  `\\b\\d{1,2}${ORD}\\.?(?:\\s+de|\\s+of)?[\\s-]+(\\p{L}{3,10})\\.?,?(?:\\s+de)?[\\s-]+\\d{4}\\b`,
  `\\b\\d{4}-\\d{2}-\\d{2}\\b`,
  `\\b\\d{1,2}[/.]\\d{1,2}[/.]\\d{4}\\b`,
  `\\b\\d{4}[/.]\\d{1,2}[/.]\\d{1,2}\\b`,
];

/**
 * Any date form. Month names are matched as any short word (group 1 or 2) and checked
 * against the month table by the caller: a class is much cheaper to scan with than an
 * alternation of a hundred names.
 */
export const DATE_PATTERN = new RegExp(ALTERNATIVES.join('|'), 'giu');
const DATE_AT = new RegExp(ALTERNATIVES.join('|'), 'iuy');
const YEAR_DIGITS = /\d{4}/g;

/**
 * The most characters other than whitespace and hyphens a match can hold before its
 * year (the second form: 2 digits, 2 of ordinal, '.', "de", 10 letters, '.', ',', "de").
 * The only run of four digits in a match is its year, so a match starts after the
 * 21st such character before the first year at or after where the scan stands.
 */
const MAX_BEFORE_YEAR = 21;

/**
 * The same match as `DATE_PATTERN` run from `from` (its leftmost match at or after
 * `from`), or null.
 */
export function nextDate(text: string, from: number): RegExpExecArray | null {
  let pos = from;
  for (;;) {
    YEAR_DIGITS.lastIndex = pos;
    const year = YEAR_DIGITS.exec(text);
    if (year === null) return null;
    const d = year.index;
    for (let p = earliestStart(text, d, pos); p <= d; p++) {
      // Never from inside a surrogate pair: a Unicode pattern would step back to its
      // start, find the match it found before, and a caller retrying past it would loop.
      if (isTrailInPair(text, p)) continue;
      DATE_AT.lastIndex = p;
      const m = DATE_AT.exec(text);
      if (m !== null) return m;
    }
    pos = d + 1;
  }
}

/** The first position at or after `floor` from which a match could reach a year at `year`. */
function earliestStart(text: string, year: number, floor: number): number {
  let heavy = 0;
  for (let k = year - 1; k >= floor; k--) {
    const c = text.charCodeAt(k);
    if (c < 128) {
      if ((c >= 9 && c <= 13) || c === 32 || c === 45) continue;
      const letterOrDigit = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
      // Any other ASCII character ends every form.
      if (!letterOrDigit && c !== 46 && c !== 44 && c !== 47) return k + 1;
    } else if (isUnicodeSpace(c) || (c >= 0xdc00 && c <= 0xdfff)) {
      // A trailing surrogate: its pair counts once, at its leading half.
      continue;
    }
    if (++heavy > MAX_BEFORE_YEAR) return k + 1;
  }
  return floor;
}

function isTrailInPair(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  if (c < 0xdc00 || c > 0xdfff || k === 0) return false;
  const lead = text.charCodeAt(k - 1);
  return lead >= 0xd800 && lead <= 0xdbff;
}

/** The non-ASCII members of the pattern's `\s`. */
function isUnicodeSpace(c: number): boolean {
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}
