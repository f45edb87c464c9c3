import { NerModelError } from './lexicon.js';
import { TAG_COUNT, TAGS } from './tags.js';

/*
 * The weights file (models/ner/model.bin), little-endian, every section starting at a
 * multiple of 4 bytes so the loader reads it through typed-array views:
 *   "DLNER2\n\0"                      magic
 *   u32 header length, header JSON    { tags, passes, scales }, padded with spaces
 *   per pass:
 *     u32 F                           feature count
 *     f32[(TAGS + 1) * TAGS]          transition weights (last row: sentence start)
 *     u32[F]                          feature keys (FNV-1a hashes, see hash.ts)
 *     u8[F], zero-padded              non-zero weights per feature
 *     i16[2 × non-zero weights]       (tag, weight × 1/scale of the pass) pairs, feature by feature
 * Weights are stored sparse and quantised; the loader expands them into a dense
 * float table behind an open-addressing hash of the keys.
 */

const MAGIC = 'DLNER2\n\0';

/** One pass's weights as the trainer hands them over (dense, by feature). */
export interface PassWeights {
  readonly keys: Uint32Array;
  /** keys.length × TAG_COUNT weights. */
  readonly weights: Float32Array;
  readonly transitions: Float32Array;
}

/** One pass's weights ready for tagging. */
export interface LoadedPass {
  /** Open-addressing table, two cells per slot: the key (as int32), then row + 1 (0 = empty). */
  readonly slots: Int32Array;
  readonly mask: number;
  readonly weights: Float32Array;
  readonly transitions: Float32Array;
}

const TRANSITION_COUNT = (TAG_COUNT + 1) * TAG_COUNT;
const padded = (length: number): number => (length + 3) & ~3;

export function encodeModel(passes: readonly PassWeights[]): Uint8Array {
  const scales = passes.map((pass) => {
    let max = 0;
    for (const w of pass.weights) max = Math.max(max, Math.abs(w));
    return max === 0 ? 1 : max / 32767;
  });
  let headerText = JSON.stringify({ tags: TAGS, passes: passes.length, scales });
  headerText += ' '.repeat(padded(headerText.length) - headerText.length);
  const header = new TextEncoder().encode(headerText);
  const chunks: Uint8Array[] = [new TextEncoder().encode(MAGIC), u32(header.length), header];
  passes.forEach((pass, p) => {
    const features = pass.keys.length;
    chunks.push(u32(features));
    chunks.push(new Uint8Array(Float32Array.from(pass.transitions).buffer));
    chunks.push(new Uint8Array(Uint32Array.from(pass.keys).buffer));
    const nonZero = new Uint8Array(padded(features));
    const pairs: number[] = [];
    for (let f = 0; f < features; f++) {
      for (let t = 0; t < TAG_COUNT; t++) {
        const q = Math.round(pass.weights[f * TAG_COUNT + t]! / scales[p]!);
        if (q === 0) continue;
        nonZero[f]!++;
        pairs.push(t, q);
      }
    }
    chunks.push(nonZero);
    chunks.push(new Uint8Array(Int16Array.from(pairs).buffer));
    if (pairs.length % 2 !== 0) chunks.push(new Uint8Array(2));
  });
  const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function u32(value: number): Uint8Array {
  return new Uint8Array(Uint32Array.of(value).buffer);
}

export function decodeModel(input: Uint8Array): LoadedPass[] {
  // Typed views need aligned offsets: copy when the bytes sit at an odd place.
  const bytes = input.byteOffset % 4 === 0 ? input : input.slice();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const need = (at: number, length: number): void => {
    if (at + length > bytes.length) throw new NerModelError('entity model file is truncated');
  };
  need(0, 12);
  if (new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC) throw new NerModelError('not an entity model file (or an older format)');
  const headerLength = view.getUint32(8, true);
  need(12, headerLength);
  let header: { tags?: unknown; passes?: unknown; scales?: unknown };
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as typeof header;
  } catch {
    throw new NerModelError('entity model header is not JSON');
  }
  if (JSON.stringify(header.tags) !== JSON.stringify(TAGS)) throw new NerModelError('entity model has other tags');
  const scales = Array.isArray(header.scales) ? (header.scales as unknown[]) : [];
  const passes: LoadedPass[] = [];
  let at = 12 + padded(headerLength);
  for (let p = 0; p < Number(header.passes); p++) {
    need(at, 4);
    const features = view.getUint32(at, true);
    at += 4;
    need(at, TRANSITION_COUNT * 4 + features * 4 + padded(features));
    const transitions = new Float32Array(bytes.buffer.slice(bytes.byteOffset + at, bytes.byteOffset + at + TRANSITION_COUNT * 4));
    at += TRANSITION_COUNT * 4;
    const keys = new Uint32Array(bytes.buffer, bytes.byteOffset + at, features);
    at += features * 4;
    const nonZero = bytes.subarray(at, at + features);
    at += padded(features);
    let pairCount = 0;
    for (let f = 0; f < features; f++) pairCount += nonZero[f]!;
    need(at, pairCount * 4);
    const pairs = new Int16Array(bytes.buffer, bytes.byteOffset + at, pairCount * 2);
    at += pairCount * 4;
    const scale = typeof scales[p] === 'number' ? (scales[p] as number) : 1;
    passes.push(loadPass(keys, nonZero, pairs, scale, transitions));
  }
  return passes;
}

function loadPass(keys: Uint32Array, nonZero: Uint8Array, pairs: Int16Array, scale: number, transitions: Float32Array): LoadedPass {
  const features = keys.length;
  let capacity = 1;
  while (capacity < features * 2) capacity *= 2;
  const slots = new Int32Array(capacity * 2);
  const weights = new Float32Array(features * TAG_COUNT);
  const mask = capacity - 1;
  let pair = 0;
  for (let f = 0; f < features; f++) {
    const key = keys[f]!;
    let slot = mix(key) & mask;
    while (slots[slot * 2 + 1] !== 0) slot = (slot + 1) & mask;
    slots[slot * 2] = key | 0;
    slots[slot * 2 + 1] = f + 1;
    for (let k = nonZero[f]!; k > 0; k--, pair += 2) {
      const tag = pairs[pair]!;
      if (tag < 0 || tag >= TAG_COUNT) throw new NerModelError('entity model has a bad tag index');
      weights[f * TAG_COUNT + tag] = pairs[pair + 1]! * scale;
    }
  }
  return { slots, mask, weights, transitions };
}

/** Spreads hash bits before masking (FNV's low bits are weak for short inputs). */
export function mix(key: number): number {
  let h = key ^ (key >>> 16);
  h = Math.imul(h, 0x45d9f3b);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Row of a feature key in the pass's weights, or -1. */
export function rowOf(pass: LoadedPass, key: number): number {
  const slots = pass.slots;
  const mask = pass.mask;
  const wanted = key | 0;
  let slot = mix(key) & mask;
  for (;;) {
    const row = slots[slot * 2 + 1]!;
    if (row === 0) return -1;
    if (slots[slot * 2] === wanted) return row - 1;
    slot = (slot + 1) & mask;
  }
}
