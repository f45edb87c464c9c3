import { NerModelError } from './lexicon.js';
import { TAG_COUNT, TAGS } from './tags.js';

/*
 * The weights file (models/ner/model.bin), little-endian:
 *   "DLNER1\n\0"                      magic
 *   u32 header length, header JSON    { tags, passes, scales }
 *   per pass:
 *     u32 F                           feature count
 *     f32[(TAGS + 1) * TAGS]          transition weights (last row: sentence start)
 *     u32[F]                          feature keys (FNV-1a hashes, see hash.ts)
 *     u8[F]                           non-zero weights per feature
 *     per non-zero weight: u8 tag, i16 weight (× scale of the pass)
 * Weights are stored sparse and quantised; the loader expands them into a dense
 * float table behind an open-addressing hash of the keys.
 */

const MAGIC = 'DLNER1\n\0';

/** One pass's weights as the trainer hands them over (dense, by feature). */
export interface PassWeights {
  readonly keys: Uint32Array;
  /** keys.length × TAG_COUNT weights. */
  readonly weights: Float32Array;
  readonly transitions: Float32Array;
}

/** One pass's weights ready for tagging. */
export interface LoadedPass {
  /** Open-addressing table: slot → key; rowOfSlot[slot] = row + 1 (0 = empty). */
  readonly slotKeys: Uint32Array;
  readonly rowOfSlot: Int32Array;
  readonly mask: number;
  readonly weights: Float32Array;
  readonly transitions: Float32Array;
}

export function encodeModel(passes: readonly PassWeights[]): Uint8Array {
  const scales = passes.map((pass) => {
    let max = 0;
    for (const w of pass.weights) max = Math.max(max, Math.abs(w));
    return max === 0 ? 1 : max / 32767;
  });
  const header = new TextEncoder().encode(JSON.stringify({ tags: TAGS, passes: passes.length, scales }));
  const chunks: Uint8Array[] = [new TextEncoder().encode(MAGIC), u32(header.length), header];
  passes.forEach((pass, p) => {
    const features = pass.keys.length;
    chunks.push(u32(features));
    chunks.push(new Uint8Array(Float32Array.from(pass.transitions).buffer));
    chunks.push(new Uint8Array(Uint32Array.from(pass.keys).buffer));
    const nonZero = new Uint8Array(features);
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
    const packed = new DataView(new ArrayBuffer((pairs.length / 2) * 3));
    for (let k = 0; k < pairs.length; k += 2) {
      packed.setUint8((k / 2) * 3, pairs[k]!);
      packed.setInt16((k / 2) * 3 + 1, pairs[k + 1]!, true);
    }
    chunks.push(new Uint8Array(packed.buffer));
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
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value, true);
  return bytes;
}

export function decodeModel(bytes: Uint8Array): LoadedPass[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const need = (at: number, length: number): void => {
    if (at + length > bytes.length) throw new NerModelError('entity model file is truncated');
  };
  need(0, 12);
  if (new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC) throw new NerModelError('not an entity model file');
  const headerLength = view.getUint32(8, true);
  need(12, headerLength);
  let header: { tags?: unknown; passes?: unknown; scales?: unknown };
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as typeof header;
  } catch {
    throw new NerModelError('entity model header is not JSON');
  }
  if (JSON.stringify(header.tags) !== JSON.stringify(TAGS)) throw new NerModelError('entity model has other tags');
  const scales = header.scales as number[];
  const passes: LoadedPass[] = [];
  let at = 12 + headerLength;
  for (let p = 0; p < Number(header.passes); p++) {
    need(at, 4);
    const features = view.getUint32(at, true);
    at += 4;
    const transitionCount = (TAG_COUNT + 1) * TAG_COUNT;
    need(at, transitionCount * 4 + features * 5);
    const transitions = new Float32Array(transitionCount);
    for (let k = 0; k < transitionCount; k++) transitions[k] = view.getFloat32(at + k * 4, true);
    at += transitionCount * 4;
    const keysAt = at;
    at += features * 4;
    const nonZeroAt = at;
    at += features;
    let capacity = 1;
    while (capacity < features * 2) capacity *= 2;
    const slotKeys = new Uint32Array(capacity);
    const rowOfSlot = new Int32Array(capacity);
    const weights = new Float32Array(features * TAG_COUNT);
    const mask = capacity - 1;
    const scale = scales[p] ?? 1;
    for (let f = 0; f < features; f++) {
      const key = view.getUint32(keysAt + f * 4, true);
      let slot = mix(key) & mask;
      while (rowOfSlot[slot] !== 0) slot = (slot + 1) & mask;
      slotKeys[slot] = key;
      rowOfSlot[slot] = f + 1;
      const count = bytes[nonZeroAt + f]!;
      need(at, count * 3);
      for (let k = 0; k < count; k++) {
        const tag = bytes[at]!;
        if (tag >= TAG_COUNT) throw new NerModelError('entity model has a bad tag index');
        weights[f * TAG_COUNT + tag] = view.getInt16(at + 1, true) * scale;
        at += 3;
      }
    }
    passes.push({ slotKeys, rowOfSlot, mask, weights, transitions });
  }
  return passes;
}

/** Spreads hash bits before masking (FNV's low bits are weak for short inputs). */
export function mix(key: number): number {
  let h = key ^ (key >>> 16);
  h = Math.imul(h, 0x45d9f3b);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Row of a feature key in the pass's weights, or -1. */
export function rowOf(pass: LoadedPass, key: number): number {
  let slot = mix(key) & pass.mask;
  for (;;) {
    const row = pass.rowOfSlot[slot]!;
    if (row === 0) return -1;
    if (pass.slotKeys[slot] === key) return row - 1;
    slot = (slot + 1) & pass.mask;
  }
}
