import { CLUSTER_DEPTH } from './lexicon.js';
import { FNV_OFFSET, mixHash, mixNumber, mixString, template } from './hash.js';
import { hasLowercase } from './shape.js';
import { documentFeatures } from './document-features.js';
import { tokenFacts, type Resources, type TaggerDocument, type TokenFacts } from './token-facts.js';

export type { Resources, TaggerDocument, TokenFacts } from './token-facts.js';

/** Feature keys of every token: keys[offsets[i] .. offsets[i + 1]) belong to token i. */
export interface FeatureTable {
  readonly keys: Uint32Array;
  readonly offsets: Int32Array;
}

const T = {
  bias: 0, word: 1, lower: 2, longShape: 3, shortShape: 4, prefix: 5, suffix: 6, window: 7, windowShape: 8,
  shapeTrigram: 9, bigramLeft: 10, bigramRight: 11, sentenceStart: 12, allCapsShape: 13, cluster: 14,
  windowCluster: 15, gazetteer: 16, gazetteerCap: 17, windowGazetteer: 18, capPattern: 19, lowerElsewhere: 20,
  titleElsewhere: 21, clusterShape: 22, hyphenParts: 23, aggregateLeft: 24, aggregateRight: 25,
} as const;

const BOUNDARY_HASH = mixString(FNV_OFFSET, '\u0000');
const WINDOW = [-2, -1, 1, 2];
const NEIGHBOURS = [-1, 1];
const OWN_CLUSTER_DEPTHS = [2, 3, 4, 5, 6, 7];
const NEAR_CLUSTER_DEPTHS = [3, 5, 7];
const FAR_CLUSTER_DEPTHS = [4];

/**
 * Hashes every feature of every token of the document. With `firstPassTags` (the
 * first pass's tags for the whole document), the document-level features that look
 * at how the same words were tagged elsewhere are added.
 */
export function extractFeatures(document: TaggerDocument, resources: Resources, firstPassTags?: Uint8Array): FeatureTable {
  const local = localFeatures(document, resources);
  return firstPassTags === undefined ? local.table : withDocumentFeatures(local, firstPassTags);
}

export interface LocalFeatures {
  readonly table: FeatureTable;
  readonly facts: TokenFacts;
}

/** The local table with each token's document-level features (from the first pass's tags) added. */
export function withDocumentFeatures(local: LocalFeatures, firstPassTags: Uint8Array): FeatureTable {
  const { keys, offsets } = local.table;
  const n = offsets.length - 1;
  const extra = documentFeatures(local.facts, firstPassTags);
  let out = new Uint32Array(keys.length + n * 12);
  const outOffsets = new Int32Array(n + 1);
  let count = 0;
  const push = (key: number): void => {
    if (count === out.length) {
      const grown = new Uint32Array(out.length * 2);
      grown.set(out);
      out = grown;
    }
    out[count++] = key >>> 0;
  };
  for (let i = 0; i < n; i++) {
    outOffsets[i] = count;
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) push(keys[k]!);
    extra(i, push);
  }
  outOffsets[n] = count;
  return { keys: out.subarray(0, count), offsets: outOffsets };
}

/** Every local feature of every token (those that need no earlier tagging). */
export function localFeatures(document: TaggerDocument, resources: Resources): LocalFeatures {
  const facts = tokenFacts(document, resources);
  const { words, sentenceBounds } = document;
  const n = words.length;
  let keys = new Uint32Array(Math.max(64, n * 96));
  const offsets = new Int32Array(n + 1);
  let count = 0;
  const push = (key: number): void => {
    if (count === keys.length) {
      const grown = new Uint32Array(keys.length * 2);
      grown.set(keys);
      keys = grown;
    }
    keys[count++] = key >>> 0;
  };
  const { lowerHash, shortHash, longHash } = facts;
  const occurrencesOf = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    if (!facts.capitalised[i]) continue;
    const list = occurrencesOf.get(facts.lower[i]!);
    if (list === undefined) occurrencesOf.set(facts.lower[i]!, [i]);
    else list.push(i);
  }
  const lowerElsewhere = wordsSeenLowercase(words, facts);
  const titleElsewhere = wordsSeenInTitleCase(words, facts);

  for (let s = 0; s + 1 < sentenceBounds.length; s++) {
    const from = sentenceBounds[s]!;
    const to = sentenceBounds[s + 1]!;
    const lowerAt = (i: number): number => (i >= from && i < to ? lowerHash[i]! : BOUNDARY_HASH);
    const shapeAt = (i: number): number => (i >= from && i < to ? shortHash[i]! : BOUNDARY_HASH);
    for (let i = from; i < to; i++) {
      offsets[i] = count;
      const word = words[i]!;
      const lower = facts.lower[i]!;
      const caps = facts.allCapsSentence[i]!;
      push(template(T.bias));
      push(mixString(template(T.word), word));
      push(mixHash(template(T.lower), lowerHash[i]!));
      push(mixHash(template(T.longShape), longHash[i]!));
      push(mixHash(template(T.shortShape), shortHash[i]!));
      for (let k = 1; k <= 4 && k <= lower.length; k++) {
        push(mixString(mixNumber(template(T.prefix), k), lower, 0, k));
        push(mixString(mixNumber(template(T.suffix), k), lower, lower.length - k));
      }
      for (const delta of WINDOW) {
        push(mixHash(mixNumber(template(T.window), delta), lowerAt(i + delta)));
        push(mixHash(mixNumber(template(T.windowShape), delta), shapeAt(i + delta)));
      }
      push(mixHash(mixHash(mixHash(template(T.shapeTrigram), shapeAt(i - 1)), shortHash[i]!), shapeAt(i + 1)));
      push(mixHash(mixHash(template(T.bigramLeft), lowerAt(i - 1)), lowerHash[i]!));
      push(mixHash(mixHash(template(T.bigramRight), lowerHash[i]!), lowerAt(i + 1)));
      if (i === from) push(mixHash(template(T.sentenceStart), shortHash[i]!));
      push(mixNumber(mixHash(template(T.allCapsShape), shortHash[i]!), caps));
      const cluster = facts.cluster[i]!;
      if (cluster >= 0) {
        for (const depth of OWN_CLUSTER_DEPTHS) push(mixNumber(mixNumber(template(T.cluster), depth), clusterPrefix(cluster, depth)));
        push(mixHash(mixNumber(template(T.clusterShape), clusterPrefix(cluster, 4)), shortHash[i]!));
      } else push(mixNumber(template(T.cluster), 0xfff));
      for (const delta of WINDOW) {
        const j = i + delta;
        const other = j >= from && j < to ? facts.cluster[j]! : -2;
        const depths = delta === -1 || delta === 1 ? NEAR_CLUSTER_DEPTHS : FAR_CLUSTER_DEPTHS;
        for (const depth of depths) {
          const value = other < 0 ? other & 0xffff : clusterPrefix(other, depth);
          push(mixNumber(mixNumber(mixNumber(template(T.windowCluster), delta), depth), value));
        }
      }
      for (const code of facts.gazetteerCodes[i]!) {
        push(mixNumber(template(T.gazetteer), code));
        push(mixNumber(mixNumber(template(T.gazetteerCap), code), facts.capitalised[i]! * 2 + caps));
      }
      for (const delta of NEIGHBOURS) {
        const j = i + delta;
        if (j < from || j >= to) continue;
        for (const code of facts.gazetteerCodes[j]!) push(mixNumber(mixNumber(template(T.windowGazetteer), delta), code));
      }
      const capAt = (j: number): number => (j >= from && j < to ? facts.capitalised[j]! : 2);
      push(mixNumber(template(T.capPattern), capAt(i - 1) * 9 + capAt(i) * 3 + capAt(i + 1) + caps * 27));
      if (facts.capitalised[i]) {
        push(mixNumber(template(T.lowerElsewhere), (lowerElsewhere.has(lower) ? 1 : 0) + (i === from ? 2 : 0) + caps * 4));
        push(mixNumber(template(T.titleElsewhere), (titleElsewhere.has(lower) ? 1 : 0) + caps * 2));
      }
      if (facts.capitalised[i]) {
        const occurrences = occurrencesOf.get(lower)!;
        let added = 0;
        for (let k = 0; k < occurrences.length && added < 6; k++) {
          const j = occurrences[k]!;
          if (j === i) continue;
          added++;
          const sameSentence = (x: number): boolean => x >= 0 && x < n && facts.sentenceOf[x] === facts.sentenceOf[j];
          push(mixHash(template(T.aggregateLeft), sameSentence(j - 1) ? lowerHash[j - 1]! : BOUNDARY_HASH));
          push(mixHash(template(T.aggregateRight), sameSentence(j + 1) ? lowerHash[j + 1]! : BOUNDARY_HASH));
        }
      }
      const hyphen = word.indexOf('-');
      if (hyphen > 0 && hyphen < word.length - 1) {
        push(mixString(template(T.hyphenParts), lower, 0, hyphen));
        push(mixString(mixNumber(template(T.hyphenParts), 1), lower, hyphen + 1));
      }
    }
  }
  offsets[n] = count;
  return { table: { keys: keys.subarray(0, count), offsets }, facts };
}

export function clusterPrefix(path: number, depth: number): number {
  return (path >>> (2 * (CLUSTER_DEPTH - depth))) | (1 << (2 * depth));
}

/** Words the document writes in lowercase somewhere (so a capitalised one may be a sentence start). */
function wordsSeenLowercase(words: readonly string[], facts: TokenFacts): Set<string> {
  const seen = new Set<string>();
  for (let i = 0; i < words.length; i++) if (!facts.capitalised[i] && words[i] === facts.lower[i]) seen.add(facts.lower[i]!);
  return seen;
}

/** Words the document writes capitalised in mixed-case text away from a sentence start. */
function wordsSeenInTitleCase(words: readonly string[], facts: TokenFacts): Set<string> {
  const seen = new Set<string>();
  for (let i = 1; i < words.length; i++) {
    if (!facts.capitalised[i] || facts.allCapsSentence[i] || facts.sentenceOf[i - 1] !== facts.sentenceOf[i]) continue;
    if (hasLowercase(words[i]!)) seen.add(facts.lower[i]!);
  }
  return seen;
}


