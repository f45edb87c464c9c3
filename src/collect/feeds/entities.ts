import { HTML_ENTITIES } from './html-entities.js';

const XML_ENTITIES: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

/**
 * HTML maps references to the C1 range onto windows-1252, since that is what the
 * authors meant (`&#150;` is an en dash); feeds written by the same tools do the same.
 */
const WINDOWS_1252_C1 =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function fromCodePoint(codePoint: number): string {
  if (codePoint >= 0x80 && codePoint <= 0x9f) return WINDOWS_1252_C1[codePoint - 0x80] ?? '\uFFFD';
  if (codePoint === 0 || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return '\uFFFD';
  return String.fromCodePoint(codePoint);
}

const SEMICOLON = 0x3b;
/** Longest name or digit run read after `&`; every reference is short, so the scan stays linear. */
const MAX_REFERENCE = 32;

/**
 * Decodes the references in XML text or an attribute value: the five XML entities,
 * numeric references, and the HTML named ones real feeds use (`&nbsp;`). Unknown
 * names, and a `&` that starts no reference (`?a=1&b=2`), are left as written.
 * No DOCTYPE-declared entity is ever expanded: there is no table for them.
 * A hand-written scan, not a regex with a callback: a million `&#65;` take tens of
 * milliseconds instead of a second.
 */
export function decodeReferences(text: string): string {
  let amp = text.indexOf('&');
  if (amp < 0) return text;
  let decoded = '';
  let copiedUpTo = 0;
  while (amp >= 0) {
    const reference = readReference(text, amp + 1);
    if (reference !== undefined) {
      decoded += text.slice(copiedUpTo, amp) + reference.value;
      copiedUpTo = reference.end;
    }
    amp = text.indexOf('&', reference?.end ?? amp + 1);
  }
  return decoded + text.slice(copiedUpTo);
}

/** The reference starting at `start` (just past `&`): its text and where it ends, past the `;`. */
function readReference(text: string, start: number): { value: string; end: number } | undefined {
  const limit = Math.min(text.length, start + MAX_REFERENCE + 2);
  if (text.charCodeAt(start) === 0x23) {
    const hex = (text.charCodeAt(start + 1) | 0x20) === 0x78;
    let value = 0;
    let at = start + (hex ? 2 : 1);
    const digitsFrom = at;
    for (; at < limit; at++) {
      const digit = digitValue(text.charCodeAt(at), hex);
      if (digit < 0) break;
      value = Math.min(value * (hex ? 16 : 10) + digit, 0x110000);
    }
    if (at === digitsFrom || text.charCodeAt(at) !== SEMICOLON) return undefined;
    return { value: fromCodePoint(value), end: at + 1 };
  }
  let at = start;
  while (at < limit && isAlphanumeric(text.charCodeAt(at))) at++;
  if (at === start || text.charCodeAt(at) !== SEMICOLON || !isLetter(text.charCodeAt(start))) return undefined;
  const name = text.slice(start, at);
  const value = XML_ENTITIES.get(name) ?? HTML_ENTITIES.get(name);
  return value === undefined ? undefined : { value, end: at + 1 };
}

function digitValue(code: number, hex: boolean): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (!hex) return -1;
  const lower = code | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}

function isLetter(code: number): boolean {
  const lower = code | 0x20;
  return lower >= 0x61 && lower <= 0x7a;
}

function isAlphanumeric(code: number): boolean {
  return isLetter(code) || (code >= 0x30 && code <= 0x39);
}
