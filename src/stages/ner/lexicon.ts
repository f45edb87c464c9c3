import { FNV_OFFSET, mixHash, mixString } from './hash.js';

/**
 * The tagger's word resources, read from bytes and strings handed over by the caller
 * (the file reading lives in src/io/ner-model.ts). Words are looked up by their 32-bit
 * FNV-1a hash (`wordHash`), the same hash the feature templates use, so loading
 * builds no string tables:
 * - clusters.bin: word hash → path in a 4-ary cluster tree (see scripts/build-ner-clusters.ts);
 * - gazetteers.txt: `list<TAB>entry` lines, entries lowercased, tokens space-separated.
 */

export class NerModelError extends Error {
  readonly code = 'NER_MODEL_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'NerModelError';
  }
}

/** Depth of the cluster tree the clusters file was built with (2 bits per level). */
export const CLUSTER_DEPTH = 7;
export const CLUSTERS_MAGIC = 'DLNERC1\n';

export function wordHash(lowercased: string): number {
  return mixString(FNV_OFFSET, lowercased);
}

/**
 * clusters.bin: magic, u32 count, u32 depth, u32 word hashes (ascending), u16 paths.
 * Lookup is a binary search over the hashes.
 */
export class ClusterTable {
  private constructor(
    private readonly keys: Uint32Array,
    private readonly paths: Uint16Array,
  ) {}

  static decode(bytes: Uint8Array): ClusterTable {
    if (bytes.length < 16 || new TextDecoder().decode(bytes.subarray(0, 8)) !== CLUSTERS_MAGIC) {
      throw new NerModelError('not a word clusters file');
    }
    // Typed views need aligned offsets: copy when the bytes sit at an odd place.
    const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
    const view = new DataView(aligned.buffer, aligned.byteOffset, aligned.byteLength);
    const count = view.getUint32(8, true);
    if (view.getUint32(12, true) !== CLUSTER_DEPTH) throw new NerModelError('word clusters of another depth');
    if (aligned.length < 16 + count * 6) throw new NerModelError('word clusters file is truncated');
    const keys = new Uint32Array(aligned.buffer, aligned.byteOffset + 16, count);
    const paths = new Uint16Array(aligned.buffer, aligned.byteOffset + 16 + count * 4, count);
    return new ClusterTable(keys, paths);
  }

  static encode(entries: ReadonlyMap<number, number>): Uint8Array {
    const keys = Uint32Array.from([...entries.keys()].map((key) => key >>> 0)).sort();
    const byKey = new Map([...entries].map(([key, path]) => [key >>> 0, path]));
    const out = new Uint8Array(16 + keys.length * 6);
    out.set(new TextEncoder().encode(CLUSTERS_MAGIC));
    const view = new DataView(out.buffer);
    view.setUint32(8, keys.length, true);
    view.setUint32(12, CLUSTER_DEPTH, true);
    keys.forEach((key, i) => {
      view.setUint32(16 + i * 4, key, true);
      view.setUint16(16 + keys.length * 4 + i * 2, byKey.get(key)!, true);
    });
    return out;
  }

  /** The cluster path of the word with this hash, or -1. */
  get(hash: number): number {
    const key = hash >>> 0;
    let low = 0;
    let high = this.keys.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const found = this.keys[middle]!;
      if (found === key) return this.paths[middle]!;
      if (found < key) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }
}

const CONTINUES = 1 << 30;

/**
 * Multi-token gazetteers: every prefix of every entry is kept as a chained hash of its
 * tokens' hashes, with the lists whose entries end there and whether longer entries
 * go on from it.
 */
export class Gazetteer {
  readonly lists: string[] = [];
  private readonly prefixes = new HashTable();

  static parse(text: string): Gazetteer {
    const gazetteer = new Gazetteer();
    const listIndex = new Map<string, number>();
    for (const line of text.split('\n')) {
      if (line === '' || line.startsWith('#')) continue;
      const tab = line.indexOf('\t');
      if (tab < 0) continue;
      const name = line.slice(0, tab);
      let index = listIndex.get(name);
      if (index === undefined) {
        index = gazetteer.lists.length;
        if (index >= 30) throw new NerModelError('too many gazetteer lists (at most 30)');
        gazetteer.lists.push(name);
        listIndex.set(name, index);
      }
      gazetteer.insert(line.slice(tab + 1).split(' '), index);
    }
    return gazetteer;
  }

  private insert(words: readonly string[], list: number): void {
    let hash = FNV_OFFSET;
    words.forEach((word, i) => {
      hash = mixHash(hash, wordHash(word));
      this.prefixes.or(hash, i === words.length - 1 ? 1 << list : CONTINUES);
    });
  }

  /**
   * For each list, the longest entry starting at `start` over the tokens' lowercase
   * hashes (`hashes`, up to `end`), calling `found(list, length)` once per list.
   */
  matchAt(hashes: Int32Array, start: number, end: number, found: (list: number, length: number) => void): void {
    let hash = mixHash(FNV_OFFSET, hashes[start]!);
    let bits = this.prefixes.get(hash);
    if (bits === 0) return;
    let seen = 0;
    let longest: number[] | undefined;
    for (let i = start; ; ) {
      const lists = bits & (CONTINUES - 1);
      if (lists !== 0) {
        longest ??= [];
        for (let list = 0; list < this.lists.length; list++) if ((lists & (1 << list)) !== 0) longest[list] = i - start + 1;
        seen |= lists;
      }
      if ((bits & CONTINUES) === 0 || ++i >= end || i - start >= 8) break;
      hash = mixHash(hash, hashes[i]!);
      bits = this.prefixes.get(hash);
      if (bits === 0) break;
    }
    if (longest === undefined) return;
    for (let list = 0; list < this.lists.length; list++) if ((seen & (1 << list)) !== 0) found(list, longest[list]!);
  }
}

/**
 * int32 → non-zero int32 bits, open addressing over typed arrays: hashes are mostly
 * outside V8's small-integer range, where a Map would box every key.
 */
class HashTable {
  private keys = new Int32Array(1 << 16);
  private values = new Int32Array(1 << 16);
  private size = 0;

  get(key: number): number {
    const mask = this.keys.length - 1;
    for (let slot = spread(key) & mask; ; slot = (slot + 1) & mask) {
      const value = this.values[slot]!;
      if (value === 0 || this.keys[slot] === key) return value;
    }
  }

  /** Sets the bits `bits` (non-zero) on the key's value. */
  or(key: number, bits: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let slot = spread(key) & mask;
    while (this.values[slot] !== 0 && this.keys[slot] !== key) slot = (slot + 1) & mask;
    if (this.values[slot] === 0) {
      this.size++;
      this.keys[slot] = key;
    }
    this.values[slot]! |= bits;
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.values = new Int32Array(keys.length * 2);
    this.size = 0;
    for (let slot = 0; slot < keys.length; slot++) if (values[slot] !== 0) this.or(keys[slot]!, values[slot]!);
  }
}

function spread(key: number): number {
  const h = Math.imul(key ^ (key >>> 16), 0x45d9f3b);
  return h ^ (h >>> 16);
}
