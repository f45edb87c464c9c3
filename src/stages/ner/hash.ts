/*
 * Feature keys are 32-bit FNV-1a hashes built up piece by piece (a template number,
 * then strings or small numbers), so no feature string is ever allocated.
 */
export const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 16777619;

export function mixNumber(hash: number, value: number): number {
  return Math.imul(hash ^ (value & 0xffff), FNV_PRIME);
}

export function mixString(hash: number, text: string, from = 0, to = text.length): number {
  let h = hash;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  // A separator, so ("ab","c") and ("a","bc") differ.
  return Math.imul(h ^ 0x1f, FNV_PRIME);
}

export function template(id: number): number {
  return mixNumber(FNV_OFFSET, id + 0x100);
}

/** Mixes in a precomputed 32-bit hash (of a word or shape) as two 16-bit pieces. */
export function mixHash(hash: number, value: number): number {
  return Math.imul(Math.imul(hash ^ (value & 0xffff), FNV_PRIME) ^ (value >>> 16), FNV_PRIME);
}
