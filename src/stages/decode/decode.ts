import { Buffer, isAscii, isUtf8 } from 'node:buffer';
import { TextDecoder } from '@exodus/bytes/encoding.js';
import { analyse } from 'chardet';
import type { Diagnostic } from '../../doc/diagnostics.js';
import { DatelineError } from '../../doc/errors.js';
import type { DecodingInfo } from '../../doc/news-doc.js';
import { charsetFromContentType, encodingForLabel, prescanMetaCharset, sniffBom, xmlDeclarationEncoding } from './charset.js';
import { sniffBinary, sniffUtf16WithoutBom } from './sniff.js';
import { decodeUtf8Pieces } from './pieces.js';

export interface DecodeResult {
  readonly text: string;
  /** The pieces `text` is the concatenation of, for a large UTF-8 input (see pieces.ts). */
  readonly pieces?: readonly string[];
  readonly info: DecodingInfo;
  readonly diagnostics: Diagnostic[];
}

const STAGE = 'decode';
/** Bytes of text around non-ASCII bytes handed to the detector. */
const DETECT_SAMPLE_BYTES = 16 * 1024;
/** Candidates decoded in full before giving up on finding a better encoding. */
const MAX_FULL_DECODES = 2;
/** Single-byte encodings: every byte decodes, so U+FFFD never shows a wrong guess. */
const SINGLE_BYTE = /^(windows-\d+|iso-8859-\d+|koi8-[ru]|ibm866|macintosh|x-mac-cyrillic)$/;

/**
 * Bytes → string, the WHATWG way: BOM > transport charset (Content-Type) > `<meta>`
 * prescan of the first 1,024 bytes (or, failing that, an XHTML file's XML declaration)
 * > detection > UTF-8. A declaration that does not fit
 * the bytes (many U+FFFD where a detected encoding decodes cleanly, or a legacy label on
 * valid multi-byte UTF-8) is overruled and reported as `DECODE_MISDECLARED`. Invalid
 * sequences become U+FFFD; NUL and C0 controls other than tab, LF and CR are removed.
 * Throws `INPUT_BINARY` for images, archives, executables and other non-text bytes.
 */
export function decodeBytes(bytes: Uint8Array, contentType?: string): DecodeResult {
  const binary = sniffBinary(bytes);
  if (binary !== null) {
    throw new DatelineError('INPUT_BINARY', `The input is ${binary}, not a page or text.`);
  }
  const diagnostics: Diagnostic[] = [];
  const headerLabel = contentType !== undefined ? charsetFromContentType(contentType) : null;
  const bom = sniffBom(bytes);

  if (bom !== null) {
    const first = decoded(bom.encoding, bytes.subarray(bom.length));
    const declared = headerLabel ?? prescanMetaCharset(bytes.subarray(bom.length));
    const declaredName = declared !== null ? encodingForLabel(declared) : null;
    if (declared !== null && declaredName !== bom.encoding) {
      diagnostics.push(diag('DECODE_BOM', 'info', `The byte-order mark (${bom.encoding}) overrides the declared charset "${declared}".`));
    }
    return finish(first, 'bom', declared, diagnostics);
  }

  // Each declaration in WHATWG order; an unknown label falls through to the next step.
  let declared: string | null = null;
  let chosen: { encoding: string; decidedBy: 'header' | 'meta' } | null = null;
  if (headerLabel !== null) {
    declared = headerLabel;
    const name = encodingForLabel(headerLabel);
    if (name !== null) chosen = { encoding: name, decidedBy: 'header' };
  }
  if (chosen === null) {
    const metaLabel = prescanMetaCharset(bytes) ?? xmlDeclarationEncoding(bytes);
    if (metaLabel !== null) {
      declared ??= metaLabel;
      let name = encodingForLabel(metaLabel);
      // WHATWG: a meta can't declare UTF-16 (the prescan read it as ASCII), and x-user-defined means windows-1252.
      if (name === 'utf-16le' || name === 'utf-16be') name = 'utf-8';
      if (name === 'x-user-defined') name = 'windows-1252';
      if (name !== null) {
        declared = metaLabel;
        chosen = { encoding: name, decidedBy: 'meta' };
      }
    }
  }
  if (chosen !== null && chosen.encoding.startsWith('utf-16') && sniffUtf16WithoutBom(bytes) === null) {
    // A header claiming UTF-16 over bytes that are plainly ASCII-compatible.
    chosen = { encoding: 'utf-8', decidedBy: chosen.decidedBy };
  }

  if (chosen === null) {
    const utf16 = sniffUtf16WithoutBom(bytes);
    if (utf16 !== null) {
      diagnostics.push(diag('DECODE_GUESSED', 'info', `No charset was declared; the bytes look like ${utf16} without a byte-order mark.`));
      return finish(decoded(utf16, bytes), 'detected', declared, diagnostics);
    }
    if (looksLikeIso2022Jp(bytes)) {
      diagnostics.push(diag('DECODE_GUESSED', 'info', 'No charset was declared; the bytes are ISO-2022-JP (7-bit Japanese with escape sequences).'));
      return finish(decoded('iso-2022-jp', bytes), 'detected', declared, diagnostics);
    }
  }

  const encoding = chosen?.encoding ?? 'utf-8';
  const first = decoded(encoding, bytes);
  const better = misfit(first) ? findBetterEncoding(first) : null;
  if (better !== null) {
    if (chosen !== null) {
      diagnostics.push(
        diag('DECODE_MISDECLARED', 'warning', `The page declares "${declared}" but its bytes are ${better.encoding}; decoded as ${better.encoding}.`),
      );
    } else {
      diagnostics.push(diag('DECODE_GUESSED', 'info', `No charset was declared and the bytes are not UTF-8; detected ${better.encoding}.`));
    }
    return finish(better, 'detected', declared, diagnostics);
  }
  return finish(first, chosen?.decidedBy ?? 'default', declared, diagnostics);
}

/**
 * 7-bit bytes with ISO-2022-JP's escapes into JIS X 0208 (`ESC $ B`, `ESC $ @`): valid
 * UTF-8 too, so only these escapes tell it apart.
 */
function looksLikeIso2022Jp(bytes: Uint8Array): boolean {
  let escapes = 0;
  for (let i = bytes.indexOf(0x1b); i !== -1 && i + 2 < bytes.length; i = bytes.indexOf(0x1b, i + 1)) {
    if (bytes[i + 1] === 0x24 && (bytes[i + 2] === 0x42 || bytes[i + 2] === 0x40)) escapes++;
    if (escapes >= 1) break;
  }
  return escapes > 0 && isAscii(bytes);
}

/** Removes NUL and C0 control characters other than tab, line feed and carriage return. */
export function stripControls(text: string): string {
  return CONTROLS.test(text) ? text.replace(CONTROLS_G, '') : text;
}
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\0-\x08\x0B\x0C\x0E-\x1F]/;
// eslint-disable-next-line no-control-regex -- as above
const CONTROLS_G = /[\0-\x08\x0B\x0C\x0E-\x1F]+/g;

function finish(
  result: Decoded,
  decidedBy: DecodingInfo['decidedBy'],
  declared: string | null,
  diagnostics: Diagnostic[],
): DecodeResult {
  const { encoding, text: raw, pieces } = result;
  const replacements = produced(result);
  if (replacements > 0) {
    diagnostics.push(
      diag(
        'DECODE_REPLACEMENT_CHARS',
        'warning',
        `${replacements} byte sequence${replacements === 1 ? ' was' : 's were'} not valid ${encoding} and became U+FFFD.`,
      ),
    );
  }
  const info: DecodingInfo = {
    encoding,
    decidedBy,
    ...(declared !== null ? { declared: declared.trim().toLowerCase() } : {}),
    replacements,
  };
  if (pieces !== undefined) {
    // Controls are removed character by character, so piece by piece is the same.
    const clean = pieces.map(stripControls);
    return { text: clean.reduce((text, piece) => text + piece, ''), pieces: clean, info, diagnostics };
  }
  return { text: stripControls(raw), info, diagnostics };
}

function decodeWith(encoding: string, bytes: Uint8Array): string {
  // V8's own UTF-8 decoder (behind Buffer#toString) replaces invalid sequences the
  // WHATWG way, like TextDecoder, and is the fastest path here: most pages are UTF-8.
  if (encoding === 'utf-8') return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  // @exodus/bytes: Node 20's own TextDecoder gets windows-1252 and gbk wrong.
  return new TextDecoder(encoding).decode(bytes);
}

export function countReplacements(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) count++;
  return count;
}

/** A decode of some bytes, with its character counts worked out once, when first needed. */
interface Decoded {
  readonly encoding: string;
  readonly bytes: Uint8Array;
  readonly text: string;
  /** Set when `text` was decoded in pieces (valid UTF-8 only): their concatenation. */
  readonly pieces?: readonly string[];
  counts?: { fffd: number; nonAscii: number; c1: number };
}

function decoded(encoding: string, bytes: Uint8Array): Decoded {
  const pieces = encoding === 'utf-8' ? decodeUtf8Pieces(bytes) : null;
  if (pieces === null) return { encoding, bytes, text: decodeWith(encoding, bytes) };
  return { encoding, bytes, text: pieces.reduce((text, piece) => text + piece, ''), pieces };
}

/** U+FFFD, non-ASCII characters and C1 controls (what a wrong single-byte decode leaves), in one pass. */
function counts(d: Decoded): { fffd: number; nonAscii: number; c1: number } {
  if (d.counts !== undefined) return d.counts;
  let fffd = 0;
  let nonAscii = 0;
  let c1 = 0;
  const text = d.text;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    if (c <= 0x9f) c1++;
    else if (c === 0xfffd) fffd++;
  }
  d.counts = { fffd, nonAscii, c1 };
  return d.counts;
}

/**
 * U+FFFD the decoder produced: those in the text less those the page itself wrote as
 * UTF-8 (EF BF BD), which are content, not decoding errors.
 */
function produced(d: Decoded): number {
  // Pieces are only made of valid UTF-8, where every U+FFFD is the page's own (and
  // reading the text would make V8 build it as one large string).
  if (d.pieces !== undefined) return 0;
  if (d.counts === undefined && d.text.indexOf('\uFFFD') === -1) return 0;
  const all = counts(d).fffd;
  if (all === 0 || d.encoding !== 'utf-8') return all;
  const buffer = Buffer.from(d.bytes.buffer, d.bytes.byteOffset, d.bytes.byteLength);
  let literal = 0;
  for (let i = buffer.indexOf(UTF8_FFFD); i !== -1; i = buffer.indexOf(UTF8_FFFD, i + 3)) literal++;
  return Math.max(0, all - literal);
}
const UTF8_FFFD = Buffer.from([0xef, 0xbf, 0xbd]);

/** Errors a decode shows: produced U+FFFD, plus C1 controls for single-byte encodings. */
function errors(d: Decoded): number {
  return produced(d) + (SINGLE_BYTE.test(d.encoding) ? counts(d).c1 : 0);
}

/** Non-ASCII characters the decode got right, as far as can be told. */
function wellDecoded(d: Decoded): number {
  const c = counts(d);
  return c.nonAscii - c.fffd - (SINGLE_BYTE.test(d.encoding) ? c.c1 : 0);
}

/**
 * Whether to look for a better encoding: the decode produced U+FFFD, or a single-byte
 * legacy label sits over bytes that are valid, multi-byte UTF-8.
 */
function misfit(d: Decoded): boolean {
  if (SINGLE_BYTE.test(d.encoding)) return !isAscii(d.bytes) && isUtf8(d.bytes);
  if (d.encoding === 'utf-8' && isUtf8(d.bytes)) return false; // any U+FFFD was in the page itself
  return produced(d) > 0;
}

/**
 * Tries UTF-8 (when it was not the choice), then the detector's candidates in order of
 * confidence, then windows-1252, on a sample of the text; the first that decodes the
 * sample cleanly and the whole input with far fewer errors wins. UTF-8, or a multi-byte
 * encoding the detector is sure of (confidence ≥ 50), is evidence enough; others (a
 * single-byte encoding decodes anything, and gb18030 nearly anything) also need the
 * current decode to have left almost no well-decoded characters (four errors or more
 * for each), so UTF-8 with a few broken bytes stays UTF-8. Of the single-byte guesses,
 * only the detector's best is tried, and only when it is clearly ahead (confidence ≥ 25
 * and 10 above the next); otherwise windows-1252, the web's default, is.
 */
function findBetterEncoding(current: Decoded): Decoded | null {
  const { bytes } = current;
  const currentErrors = errors(current);
  const candidates: string[] = [];
  const confidence = new Map<string, number>();
  const add = (name: string | null, score = 0): void => {
    if (name === null || name === current.encoding || candidates.includes(name) || name.startsWith('utf-16')) return;
    candidates.push(name);
    confidence.set(name, score);
  };
  if (current.encoding !== 'utf-8') {
    if (isUtf8(bytes)) return decoded('utf-8', bytes);
    add('utf-8');
  }
  const sample = detectionSample(bytes);
  const matches = analyse(sample).map((match) => ({ name: encodingForLabel(match.name), confidence: match.confidence }));
  const singleByte = matches.filter((match) => match.name !== null && SINGLE_BYTE.test(match.name));
  // A single-byte guess must stand out: short samples score several alike ("caf\xE9").
  const [bestSingle, nextSingle] = singleByte;
  const trustedSingle =
    bestSingle !== undefined && bestSingle.confidence >= 25 && bestSingle.confidence - (nextSingle?.confidence ?? 0) >= 10 ? bestSingle.name : null;
  for (const match of matches) {
    if (match.confidence < 10 || match.name === null) continue;
    if (SINGLE_BYTE.test(match.name) && match.name !== trustedSingle) continue;
    add(match.name, match.confidence);
  }
  add('windows-1252');
  const mostlyErrors = currentErrors >= 4 * wellDecoded(current);
  let fullDecodes = 0;
  for (const encoding of candidates) {
    if (encoding === 'iso-2022-jp' && !bytes.includes(0x1b)) continue;
    // UTF-8 is too strict to decode much by chance, and so, with the detector sure of it,
    // is a multi-byte encoding; anything else needs the current decode to be mostly errors.
    const selfEvident = encoding === 'utf-8' || (!SINGLE_BYTE.test(encoding) && (confidence.get(encoding) ?? 0) >= 50);
    if (!selfEvident && !mostlyErrors) continue;
    // The sample may be cut inside a character: allow for that.
    if (errors(decoded(encoding, sample)) > 2 + Math.floor(sample.length / 4096)) continue;
    const candidate = decoded(encoding, bytes);
    const candidateErrors = errors(candidate);
    if (candidateErrors === 0 || candidateErrors * 10 <= currentErrors) return candidate;
    // Whole-input decodes are the cost here (a 50 MB Shift_JIS decode takes seconds).
    if (++fullDecodes >= MAX_FULL_DECODES) break;
  }
  return null;
}

/**
 * Up to 16 KiB of the input for the detector: the runs of text between tags that hold
 * non-ASCII bytes. Markup is left out because its English-looking ASCII (`stylesheet`,
 * `href`) drowns the letter statistics single-byte detection relies on. (`<` and `>`
 * never occur inside a character of the multi-byte encodings detected here.)
 */
function detectionSample(bytes: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  let size = 0;
  let i = 0;
  while (i < bytes.length && size < DETECT_SAMPLE_BYTES) {
    if (bytes[i] === 0x3c) {
      const close = bytes.indexOf(0x3e, i + 1);
      if (close === -1) break;
      i = close + 1;
      continue;
    }
    let end = bytes.indexOf(0x3c, i);
    if (end === -1) end = bytes.length;
    if (!isAscii(bytes.subarray(i, end))) {
      const take = Math.min(end - i, DETECT_SAMPLE_BYTES - size);
      parts.push(bytes.subarray(i, i + take), SPACE);
      size += take + 1;
    }
    i = end;
  }
  if (parts.length === 0) return windowsAroundHighBytes(bytes);
  return concat(parts, size);
}

/** Up to 16 KiB taken around non-ASCII bytes wherever they are (inside tags too). */
function windowsAroundHighBytes(bytes: Uint8Array): Uint8Array {
  if (bytes.length <= DETECT_SAMPLE_BYTES) return bytes;
  const parts: Uint8Array[] = [];
  let size = 0;
  let i = 0;
  while (i < bytes.length && size < DETECT_SAMPLE_BYTES) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    // Start and end each window on an ASCII byte so multi-byte characters stay whole.
    let start = Math.max(0, i - 48);
    while (start > 0 && start < i && bytes[start]! >= 0x80) start--;
    let end = Math.min(bytes.length, i + 208);
    while (end < bytes.length && bytes[end - 1]! >= 0x80) end++;
    parts.push(bytes.subarray(start, end), SPACE);
    size += end - start + 1;
    i = end;
  }
  if (parts.length === 0) return bytes.subarray(0, DETECT_SAMPLE_BYTES);
  return concat(parts, size);
}

function concat(parts: readonly Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
const SPACE = Uint8Array.of(0x20);

function diag(code: Diagnostic['code'], severity: Diagnostic['severity'], message: string): Diagnostic {
  return { code, severity, stage: STAGE, message };
}
