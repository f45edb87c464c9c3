import { FNV_OFFSET, mixString } from './hash.js';
import { wordHash, type ClusterTable, type Gazetteer } from './lexicon.js';
import { hasLowercase, isCapitalised, wordShapes } from './shape.js';

/*
 * What the feature templates read about each token, computed once per document: the
 * lowercased word, its shapes and their hashes, its cluster, the gazetteer entries
 * over it, and facts about its sentence.
 */

/** A document for the tagger: its tokens' words and where each sentence starts. */
export interface TaggerDocument {
  readonly words: readonly string[];
  /** Index of each sentence's first token, ascending, then words.length. */
  readonly sentenceBounds: readonly number[];
}

export interface Resources {
  readonly clusters: ClusterTable;
  readonly gazetteer: Gazetteer;
}

/** Per-token facts computed once per document and read by many templates. */
export interface TokenFacts {
  readonly lower: string[];
  readonly longShape: string[];
  readonly shortShape: string[];
  /** FNV-1a hashes of lower, longShape and shortShape, mixed into many features. */
  readonly lowerHash: Int32Array;
  readonly longHash: Int32Array;
  readonly shortHash: Int32Array;
  readonly cluster: Int32Array;
  /** Gazetteer hits: codes (list * 4 + BILOU position) of token i at gazetteerCodes[i]. */
  readonly gazetteerCodes: number[][];
  readonly capitalised: Uint8Array;
  readonly sentenceOf: Int32Array;
  readonly allCapsSentence: Uint8Array;
}

interface WordFacts {
  readonly lower: string;
  readonly long: string;
  readonly short: string;
  readonly lowerHash: number;
  readonly longHash: number;
  readonly shortHash: number;
  readonly cluster: number;
  readonly capitalised: number;
  readonly letters: boolean;
  readonly lowercase: boolean;
}

/** The facts about a word that do not depend on where it stands, computed once per distinct word. */
function factsOfWord(word: string, resources: Resources): WordFacts {
  const lower = word.toLowerCase();
  const shapes = wordShapes(word);
  const lowerHash = wordHash(lower);
  return {
    lower,
    long: shapes.long,
    short: shapes.short,
    lowerHash,
    longHash: mixString(FNV_OFFSET, shapes.long),
    shortHash: mixString(FNV_OFFSET, shapes.short),
    cluster: resources.clusters.get(lowerHash),
    capitalised: isCapitalised(word) ? 1 : 0,
    letters: /\p{L}/u.test(word),
    lowercase: hasLowercase(word),
  };
}

export function tokenFacts(document: TaggerDocument, resources: Resources): TokenFacts {
  const { words, sentenceBounds } = document;
  const n = words.length;
  const lower = new Array<string>(n);
  const longShape = new Array<string>(n);
  const shortShape = new Array<string>(n);
  const lowerHash = new Int32Array(n);
  const longHash = new Int32Array(n);
  const shortHash = new Int32Array(n);
  const cluster = new Int32Array(n);
  const capitalised = new Uint8Array(n);
  const sentenceOf = new Int32Array(n);
  const allCapsSentence = new Uint8Array(n);
  const letters = new Uint8Array(n);
  const lowercase = new Uint8Array(n);
  const seen = new Map<string, WordFacts>();
  for (let i = 0; i < n; i++) {
    const word = words[i]!;
    let facts = seen.get(word);
    if (facts === undefined) {
      facts = factsOfWord(word, resources);
      seen.set(word, facts);
    }
    lower[i] = facts.lower;
    longShape[i] = facts.long;
    shortShape[i] = facts.short;
    lowerHash[i] = facts.lowerHash;
    longHash[i] = facts.longHash;
    shortHash[i] = facts.shortHash;
    cluster[i] = facts.cluster;
    capitalised[i] = facts.capitalised;
    letters[i] = facts.letters ? 1 : 0;
    lowercase[i] = facts.lowercase ? 1 : 0;
  }
  for (let s = 0; s + 1 < sentenceBounds.length; s++) {
    let anyLetters = false;
    let anyLowercase = false;
    for (let i = sentenceBounds[s]!; i < sentenceBounds[s + 1]!; i++) {
      sentenceOf[i] = s;
      if (letters[i]) anyLetters = true;
      if (lowercase[i]) anyLowercase = true;
    }
    if (anyLetters && !anyLowercase) allCapsSentence.fill(1, sentenceBounds[s]!, sentenceBounds[s + 1]!);
  }
  const gazetteerCodes = gazetteerHits(lowerHash, sentenceBounds, resources.gazetteer);
  return {
    lower, longShape, shortShape, lowerHash, longHash, shortHash, cluster, gazetteerCodes, capitalised, sentenceOf,
    allCapsSentence,
  };
}

/** Codes (list * 4 + BILOU position) of the gazetteer entries over each token. */
function gazetteerHits(hashes: Int32Array, sentenceBounds: readonly number[], gazetteer: Gazetteer): number[][] {
  const codes: number[][] = new Array<number[]>(hashes.length);
  const none: number[] = [];
  codes.fill(none);
  const add = (i: number, code: number): void => {
    if (codes[i] === none) codes[i] = [code];
    else codes[i]!.push(code);
  };
  for (let s = 0; s + 1 < sentenceBounds.length; s++) {
    const from = sentenceBounds[s]!;
    const to = sentenceBounds[s + 1]!;
    for (let i = from; i < to; i++) {
      gazetteer.matchAt(hashes, i, to, (list, length) => {
        if (length === 1) add(i, list * 4 + 3);
        else {
          add(i, list * 4);
          for (let k = 1; k < length - 1; k++) add(i + k, list * 4 + 1);
          add(i + length - 1, list * 4 + 2);
        }
      });
    }
  }
  return codes;
}
