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

// Bounded lengths keep every match short, so the scan stays linear however many
// references the text holds (a million `&#65;` is one pass of the regex engine).
const REFERENCE = /&(?:#(\d{1,8})|#[xX]([0-9A-Fa-f]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

function fromCodePoint(codePoint: number): string {
  if (codePoint >= 0x80 && codePoint <= 0x9f) return WINDOWS_1252_C1[codePoint - 0x80] ?? '\uFFFD';
  if (codePoint === 0 || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return '\uFFFD';
  return String.fromCodePoint(codePoint);
}

/**
 * Decodes the references in XML text or an attribute value: the five XML entities,
 * numeric references, and the HTML named ones real feeds use (`&nbsp;`). Unknown
 * names, and a `&` that starts no reference (`?a=1&b=2`), are left as written.
 * No DOCTYPE-declared entity is ever expanded: there is no table for them.
 */
export function decodeReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (whole, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (decimal !== undefined) return fromCodePoint(Number.parseInt(decimal, 10));
    if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16));
    if (name === undefined) return whole;
    return XML_ENTITIES.get(name) ?? HTML_ENTITIES.get(name) ?? whole;
  });
}
