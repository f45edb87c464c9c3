import { normalizeEncoding } from '@exodus/bytes/encoding.js';

/** The encoding a byte-order mark announces, with the BOM's length. */
export function sniffBom(bytes: Uint8Array): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; length: number } | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', length: 2 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', length: 2 };
  return null;
}

/**
 * A label as a WHATWG encoding name we can decode with, or null when the label is
 * unknown or names an encoding that would only hide the page (`replacement`).
 * `latin1`, `iso-8859-1`, `us-ascii` → windows-1252; `gb2312` → gbk, decoded as
 * gb18030 (a superset that also reads four-byte sequences).
 */
export function encodingForLabel(label: string): string | null {
  const name = normalizeEncoding(label.trim());
  if (name === null || name === 'replacement') return null;
  if (name === 'gbk') return 'gb18030';
  return name;
}

/** The `charset` parameter of a Content-Type value, as written (unquoted), or null. */
export function charsetFromContentType(contentType: string): string | null {
  // WHATWG "extract a character encoding from a meta element" is close to this too.
  const match = /;\s*charset\s*=\s*("([^"]*)"|'([^']*)'|[^\s;,]+)/i.exec(contentType);
  if (match === null) return null;
  const value = match[2] ?? match[3] ?? match[1] ?? '';
  return value.trim() === '' ? null : value.trim();
}

/** `charset=` inside a meta `content` attribute (WHATWG algorithm, simplified). */
function charsetFromMetaContent(content: string): string | null {
  const match = /charset\s*=\s*("([^"]*)"?|'([^']*)'?|[^\s;"']+)/i.exec(content);
  if (match === null) return null;
  const value = (match[2] ?? match[3] ?? match[1] ?? '').trim();
  return value === '' ? null : value;
}

const PRESCAN_BYTES = 1024;

/**
 * The WHATWG `<meta>` prescan over the first 1,024 bytes: returns the first declared
 * charset label (from `<meta charset>` or `<meta http-equiv=content-type content=…>`),
 * skipping comments and the attributes of other tags.
 */
export function prescanMetaCharset(bytes: Uint8Array): string | null {
  const head = latin1(bytes.subarray(0, PRESCAN_BYTES));
  let i = 0;
  while (i < head.length) {
    const lt = head.indexOf('<', i);
    if (lt === -1) return null;
    if (head.startsWith('<!--', lt)) {
      const end = head.indexOf('-->', lt + 2);
      if (end === -1) return null;
      i = end + 3;
      continue;
    }
    const metaMatch = /^<meta[\s/]/i.exec(head.slice(lt, lt + 6));
    if (metaMatch !== null) {
      const { attrs, end } = readAttributes(head, lt + 5);
      const charset = attrs.get('charset');
      if (charset !== undefined && charset.trim() !== '') return charset.trim();
      const httpEquiv = attrs.get('http-equiv');
      const content = attrs.get('content');
      if (httpEquiv?.trim().toLowerCase() === 'content-type' && content !== undefined) {
        const fromContent = charsetFromMetaContent(content);
        if (fromContent !== null) return fromContent;
      }
      i = end;
      continue;
    }
    if (/^<\/?[a-z]/i.test(head.slice(lt, lt + 3))) {
      // Another tag: skip its attributes so `<a title="<meta charset=x>">` is not read.
      const nameEnd = head.slice(lt).search(/[\s/>]/);
      i = readAttributes(head, nameEnd === -1 ? head.length : lt + nameEnd).end;
      continue;
    }
    if (/^<[!/?]/.test(head.slice(lt, lt + 2))) {
      const gt = head.indexOf('>', lt + 1);
      if (gt === -1) return null;
      i = gt + 1;
      continue;
    }
    i = lt + 1;
  }
  return null;
}

/**
 * The `encoding` of an XML declaration at the very start (`<?xml version="1.0"
 * encoding="ISO-8859-1"?>`), which XHTML files carry instead of a `<meta>`.
 */
export function xmlDeclarationEncoding(bytes: Uint8Array): string | null {
  const head = latin1(bytes.subarray(0, 200));
  const match = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*(?:"([^"]*)"|'([^']*)')[^>]*\?>/.exec(head);
  const value = (match?.[1] ?? match?.[2] ?? '').trim();
  return value === '' ? null : value;
}

/** Reads tag attributes from `start` up to the closing `>`; lower-cases names; first wins. */
function readAttributes(text: string, start: number): { attrs: Map<string, string>; end: number } {
  const attrs = new Map<string, string>();
  const re = /[\s/]*(?:(>)|([^\s/>=]+)(?:\s*=\s*(?:"([^"]*)(")?|'([^']*)(')?|([^\s>]*)))?)/y;
  re.lastIndex = start;
  while (re.lastIndex < text.length) {
    const before = re.lastIndex;
    const m = re.exec(text);
    if (m === null || re.lastIndex === before) break;
    if (m[1] !== undefined) return { attrs, end: re.lastIndex };
    const name = (m[2] ?? '').toLowerCase();
    const value = m[3] ?? m[5] ?? m[7] ?? '';
    if (!attrs.has(name)) attrs.set(name, value);
    // An unterminated quoted value runs to the end of the prescan window.
    if ((m[3] !== undefined && m[4] === undefined) || (m[5] !== undefined && m[6] === undefined)) break;
  }
  return { attrs, end: text.length };
}

function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 4096) {
    out += String.fromCharCode(...bytes.subarray(i, i + 4096));
  }
  return out;
}
