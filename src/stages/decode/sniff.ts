/** True when a decoded input looks like markup rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<?xml')) return true;
  return /<(html|head|body|div|p|article|meta|title)[\s>]/i.test(head);
}

interface Magic {
  readonly kind: string;
  readonly at: number;
  readonly bytes: readonly number[];
}

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** Signatures of binary formats that are sometimes served or saved as pages. */
const MAGICS: readonly Magic[] = [
  { kind: 'a PNG image', at: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { kind: 'a JPEG image', at: 0, bytes: [0xff, 0xd8, 0xff] },
  { kind: 'a GIF image', at: 0, bytes: ascii('GIF87a') },
  { kind: 'a GIF image', at: 0, bytes: ascii('GIF89a') },
  { kind: 'a WebP image', at: 8, bytes: ascii('WEBP') },
  { kind: 'a TIFF image', at: 0, bytes: [0x49, 0x49, 0x2a, 0x00] },
  { kind: 'a TIFF image', at: 0, bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { kind: 'an icon', at: 0, bytes: [0x00, 0x00, 0x01, 0x00] },
  { kind: 'a PDF document', at: 0, bytes: ascii('%PDF-') },
  { kind: 'a ZIP archive', at: 0, bytes: [0x50, 0x4b, 0x03, 0x04] },
  { kind: 'a ZIP archive', at: 0, bytes: [0x50, 0x4b, 0x05, 0x06] },
  { kind: 'a ZIP archive', at: 0, bytes: [0x50, 0x4b, 0x07, 0x08] },
  { kind: 'gzip-compressed data (decompress it first)', at: 0, bytes: [0x1f, 0x8b] },
  { kind: 'bzip2-compressed data', at: 0, bytes: ascii('BZh') },
  { kind: 'xz-compressed data', at: 0, bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { kind: 'zstd-compressed data', at: 0, bytes: [0x28, 0xb5, 0x2f, 0xfd] },
  { kind: 'a 7-Zip archive', at: 0, bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { kind: 'a RAR archive', at: 0, bytes: ascii('Rar!\x1a\x07') },
  { kind: 'an ELF executable', at: 0, bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { kind: 'a Mach-O executable', at: 0, bytes: [0xcf, 0xfa, 0xed, 0xfe] },
  { kind: 'a Java class file', at: 0, bytes: [0xca, 0xfe, 0xba, 0xbe] },
  { kind: 'a WebAssembly module', at: 0, bytes: [0x00, 0x61, 0x73, 0x6d] },
  { kind: 'an SQLite database', at: 0, bytes: ascii('SQLite format 3\0') },
  { kind: 'an MP4/QuickTime video', at: 4, bytes: ascii('ftyp') },
  { kind: 'an Ogg media file', at: 0, bytes: ascii('OggS') },
  { kind: 'an MP3 audio file', at: 0, bytes: ascii('ID3') },
  { kind: 'a WOFF font', at: 0, bytes: ascii('wOFF') },
  { kind: 'a WOFF2 font', at: 0, bytes: ascii('wOF2') },
];

function startsWithAt(bytes: Uint8Array, magic: Magic): boolean {
  if (bytes.length < magic.at + magic.bytes.length) return false;
  for (let i = 0; i < magic.bytes.length; i++) if (bytes[magic.at + i] !== magic.bytes[i]) return false;
  return true;
}

/** How many bytes from the start the control-byte count looks at. */
const SAMPLE = 8192;

/** UTF-16 text without a BOM: NULs almost only on one side of each code unit. */
export function sniffUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SAMPLE) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const units = n / 2;
  if (oddNul > units * 0.6 && evenNul < units * 0.02) return 'utf-16le';
  if (evenNul > units * 0.6 && oddNul < units * 0.02) return 'utf-16be';
  return null;
}

/**
 * What binary format the bytes are, when they are one; null for anything that may be
 * text in some encoding. Checks magic numbers, then the share of NUL and other control
 * bytes (ESC stays allowed: ISO-2022-JP uses it) in the first 8 KiB.
 */
export function sniffBinary(bytes: Uint8Array): string | null {
  for (const magic of MAGICS) if (startsWithAt(bytes, magic)) {
    if (magic.at === 8 && !startsWithAt(bytes, { kind: '', at: 0, bytes: ascii('RIFF') })) continue;
    return magic.kind;
  }
  // A Windows executable: "MZ" followed by binary header fields.
  if (bytes[0] === 0x4d && bytes[1] === 0x5a && bytes.length >= 64 && bytes.subarray(0, 64).includes(0)) {
    return 'a Windows executable';
  }
  if (hasTextBom(bytes) || sniffUtf16WithoutBom(bytes) !== null) return null;
  const n = Math.min(bytes.length, SAMPLE);
  let nul = 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) nul++;
    else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  if (nul >= 16 || (nul >= 4 && nul > n * 0.01)) return 'binary data (it contains NUL bytes)';
  if (control >= 8 && control > n * 0.1) return 'binary data (it is mostly control bytes)';
  return null;
}

function hasTextBom(bytes: Uint8Array): boolean {
  const [a, b, c] = bytes;
  return (a === 0xef && b === 0xbb && c === 0xbf) || (a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff);
}
