/**
 * Wire copies: the same text republished, retitled, trimmed, extended or lightly edited.
 * An article is a set of word 5-shingles, sketched by MinHash (256 values, by one
 * permutation hashing: each shingle hashed once into one of 256 bins, empty bins filled
 * from their neighbours, as Shrivastava and Li's densification does); two sketches
 * estimate their sets' Jaccard similarity and, from their sizes, how much of the shorter
 * text the longer one holds. A copy holds most of the shorter text: a trimmed copy and its
 * original share little of the longer one but nearly all of the shorter. Candidates come
 * from locality-sensitive hashing, so a copy is found without comparing an article with
 * every other.
 */

/** Words per shingle: long enough that two unrelated articles on one story share almost none. */
const SHINGLE_WORDS = 5;
export const SIGNATURE_SIZE = 256;
/**
 * LSH bands of one hash each, over the first BANDS hashes: a copy holding half of a text
 * ten times its size shares about 5 % of their union, and meets it in some band with
 * probability 0.81, one five times its size with 0.97 (bands of two hashes: 0.15 and 0.46).
 */
const BANDS = 32;
/** Fewer equal hashes than this estimate nothing: a text of 30 shingles sharing 4 hashes with one of 800 is not "95 % contained". */
const MIN_EQUAL_HASHES = 8;
/**
 * Texts with fewer shingles than this (about 35 words) are copies only when they are the
 * same words: short texts are mostly boilerplate ("Copyright … The Associated Press. All
 * rights reserved …"), which many unrelated articles share.
 */
const MIN_SHINGLES = 30;

export const COPY_THRESHOLDS = {
  /**
   * Share of the shorter text the longer must hold for the two to be copies, estimated low:
   * from the Jaccard estimate less two standard errors. Between texts of unequal length an
   * error in the estimate is multiplied by their length ratio in the containment, and among
   * thousands of pairs some estimates are far off.
   */
  containment: 0.4,
} as const;

/** What copy detection keeps of an article. */
export interface CopySketch {
  readonly signature: Uint32Array;
  /** Distinct shingles in the text. */
  readonly shingles: number;
}

/** The MinHash sketch of a text's words. */
export function sketchOf(text: string): CopySketch {
  const words = normalisedWords(text).map(hashString);
  const shingles = new Set<number>();
  if (words.length < SHINGLE_WORDS) {
    if (words.length > 0) shingles.add(shingleHash(words, 0, words.length));
  } else {
    for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) shingles.add(shingleHash(words, i, i + SHINGLE_WORDS));
  }
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(EMPTY);
  for (const shingle of shingles) {
    const h = mix(shingle ^ SEED);
    const bin = h >>> BIN_SHIFT;
    const value = h & VALUE_MASK;
    if (value < signature[bin]!) signature[bin] = value;
  }
  return { signature: densified(signature), shingles: shingles.size };
}

/**
 * How alike two sketches are: estimated Jaccard similarity; the share of the shorter text
 * the longer holds; and that share at the low end of its estimate (two standard errors of
 * the Jaccard estimate below).
 */
export function compareSketches(a: CopySketch, b: CopySketch): { jaccard: number; containment: number; containmentLow: number } {
  if (a.shingles === 0 || b.shingles === 0) return { jaccard: 0, containment: 0, containmentLow: 0 };
  let equal = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a.signature[i] === b.signature[i]) equal++;
  const jaccard = equal / SIGNATURE_SIZE;
  const low = Math.max(0, jaccard - 2 * Math.sqrt((jaccard * (1 - jaccard)) / SIGNATURE_SIZE));
  const containmentAt = (j: number) => Math.min(1, (j * (a.shingles + b.shingles)) / (1 + j) / Math.min(a.shingles, b.shingles));
  return { jaccard, containment: containmentAt(jaccard), containmentLow: containmentAt(low) };
}

/** When two sketches are of copies of one text, the estimated share of the shorter the longer holds; else null. */
export function copyContainment(a: CopySketch, b: CopySketch): number | null {
  const { jaccard, containment, containmentLow } = compareSketches(a, b);
  const copies =
    Math.min(a.shingles, b.shingles) < MIN_SHINGLES
      ? a.shingles === b.shingles && jaccard === 1
      : jaccard * SIGNATURE_SIZE >= MIN_EQUAL_HASHES && containmentLow >= COPY_THRESHOLDS.containment;
  return copies ? containment : null;
}

/** Whether two sketches are of copies of one text. */
export function areCopies(a: CopySketch, b: CopySketch): boolean {
  return copyContainment(a, b) !== null;
}

/** The LSH keys of a sketch: one per band, the band's number and hash mixed into 32 bits. */
export function bandKeys(sketch: CopySketch): number[] {
  const keys: number[] = [];
  for (let band = 0; band < BANDS; band++) keys.push(mix(mix(band + 0x9e3779b9) ^ sketch.signature[band]!) | 0);
  return keys;
}

/** Lower-cased words of letters and digits: punctuation, spacing and case do not make a text another. */
function normalisedWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A run of words, from their hashes: each word's hash folded in by FNV's multiply-and-xor step, in order, finished by mix. */
function shingleHash(words: readonly number[], from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ words[i]!, 0x01000193);
  return mix(h);
}

/** FNV-1a over UTF-16 code units, finished by mix. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix(h);
}

/** MurmurHash3's 32-bit finaliser: every input bit moves every output bit. */
function mix(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Fixed, so that sketches stored today compare with sketches made later. */
const SEED = 0x2545f491;
/** 256 bins: a hash's top 8 bits choose its bin, its low 24 bits are its value there. */
const BIN_SHIFT = 24;
const VALUE_MASK = (1 << BIN_SHIFT) - 1;
const EMPTY = 0xffffffff;

/**
 * Each empty bin takes the value of the nearest filled bin after it (wrapping round), plus
 * the distance times the bins' value range, so a borrowed value never equals a value of
 * its own: two texts then agree in a bin about as often as their sets overlap.
 */
function densified(signature: Uint32Array): Uint32Array {
  const filled: number[] = [];
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (signature[i] !== EMPTY) filled.push(i);
  if (filled.length === 0 || filled.length === SIGNATURE_SIZE) return signature;
  const out = new Uint32Array(signature);
  let next = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    if (signature[i] !== EMPTY) continue;
    while (next < filled.length && filled[next]! < i) next++;
    const source = next < filled.length ? filled[next]! : filled[0]!;
    const distance = (source - i + SIGNATURE_SIZE) % SIGNATURE_SIZE;
    out[i] = (signature[source]! + distance * (VALUE_MASK + 1)) >>> 0;
  }
  return out;
}
