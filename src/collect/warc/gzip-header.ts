/** The two bytes every gzip member starts with. */
export function startsWithGzipMagic(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

const FHCRC = 0x02;
const FEXTRA = 0x04;
const FNAME = 0x08;
const FCOMMENT = 0x10;
const RESERVED = 0xe0;

/**
 * The length of the gzip member header (RFC 1952 §2.3) at the start of `bytes`:
 * 'incomplete' when `bytes` ends inside it, 'invalid' when it is not a deflate member
 * header. We parse it ourselves so that the deflate data can go to a raw inflater, which
 * stops exactly at the member's end and says how much input it used.
 */
export function gzipHeaderLength(bytes: Uint8Array): number | 'incomplete' | 'invalid' {
  if (bytes.length < 10) {
    const magic = [0x1f, 0x8b, 0x08];
    return bytes.every((byte, index) => index >= magic.length || byte === magic[index]) ? 'incomplete' : 'invalid';
  }
  const flags = bytes[3] ?? 0;
  if (!startsWithGzipMagic(bytes) || bytes[2] !== 0x08 || (flags & RESERVED) !== 0) return 'invalid';
  let length = 10;
  if (flags & FEXTRA) {
    if (bytes.length < length + 2) return 'incomplete';
    length += 2 + ((bytes[length] ?? 0) | ((bytes[length + 1] ?? 0) << 8));
  }
  for (const flag of [FNAME, FCOMMENT]) {
    if ((flags & flag) === 0) continue;
    const zero = bytes.indexOf(0, length);
    if (zero < 0) return 'incomplete';
    length = zero + 1;
  }
  if (flags & FHCRC) length += 2;
  return length <= bytes.length ? length : 'incomplete';
}
