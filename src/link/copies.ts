/**
 * Wire copies: the same text republished, retitled, trimmed, extended or lightly edited.
 * An article is a set of word 5-shingles, sketched by MinHash (128 hashes); two sketches
 * estimate their sets' Jaccard similarity and, from their sizes, how much of the shorter
 * text the longer one holds. A copy holds most of the shorter text: a trimmed copy and its
 * original share little of the longer one but nearly all of the shorter. Candidates come
 * from locality-sensitive hashing, so a copy is found without comparing an article with
 * every other.
 */

/** Words per shingle: long enough that two unrelated articles on one story share almost none. */
const SHINGLE_WORDS = 5;
export const SIGNATURE_SIZE = 128;
/**
 * LSH bands of one hash each, over the first BANDS hashes: a copy holding half of a text
 * ten times its size shares about 5 % of their union, and meets it in some band with
 * probability 0.92 (bands of two hashes: 0.15).
 */
const BANDS = 48;
/** Fewer equal hashes than this estimate nothing: a text of 30 shingles sharing 4 hashes with one of 800 is not "95 % contained". */
const MIN_EQUAL_HASHES = 8;
/**
 * Texts with fewer shingles than this (about 35 words) are copies only when they are the
 * same words: short texts are mostly boilerplate ("Copyright … The Associated Press. All
 * rights reserved …"), which many unrelated articles share.
 */
const MIN_SHINGLES = 30;

export const COPY_THRESHOLDS = {
  /** Share of the shorter text the longer must hold (estimated) for the two to be copies. */
  containment: 0.5,
} as const;

/** What copy detection keeps of an article. */
export interface CopySketch {
  readonly signature: Uint32Array;
  /** Distinct shingles in the text. */
  readonly shingles: number;
}

/** The MinHash sketch of a text's words. */
export function sketchOf(text: string): CopySketch {
  const words = normalisedWords(text);
  const shingles = new Set<number>();
  if (words.length < SHINGLE_WORDS) {
    if (words.length > 0) shingles.add(hashString(words.join(' ')));
  } else {
    for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) shingles.add(hashString(words.slice(i, i + SHINGLE_WORDS).join(' ')));
  }
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const h = mix(shingle ^ SEEDS[i]!);
      if (h < signature[i]!) signature[i] = h;
    }
  }
  return { signature, shingles: shingles.size };
}

/** How alike two sketches are: estimated Jaccard similarity, and the share of the shorter text the longer holds. */
export function compareSketches(a: CopySketch, b: CopySketch): { jaccard: number; containment: number } {
  if (a.shingles === 0 || b.shingles === 0) return { jaccard: 0, containment: 0 };
  let equal = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a.signature[i] === b.signature[i]) equal++;
  const jaccard = equal / SIGNATURE_SIZE;
  const shared = (jaccard * (a.shingles + b.shingles)) / (1 + jaccard);
  return { jaccard, containment: Math.min(1, shared / Math.min(a.shingles, b.shingles)) };
}

/** Whether two sketches are of copies of one text. */
export function areCopies(a: CopySketch, b: CopySketch): boolean {
  const { jaccard, containment } = compareSketches(a, b);
  if (Math.min(a.shingles, b.shingles) < MIN_SHINGLES) return a.shingles === b.shingles && jaccard === 1;
  return jaccard * SIGNATURE_SIZE >= MIN_EQUAL_HASHES && containment >= COPY_THRESHOLDS.containment;
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

/** One seed per hash function, fixed so that sketches stored today compare with sketches made later. */
const SEEDS: Uint32Array = (() => {
  const seeds = new Uint32Array(SIGNATURE_SIZE);
  let state = 0x2545f491;
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    state = mix(state + 0x6d2b79f5);
    seeds[i] = state;
  }
  return seeds;
})();
