import { viterbi } from './decode.js';
import { localFeatures, withDocumentFeatures, type FeatureTable, type Resources, type TaggerDocument } from './features.js';
import { ClusterTable, Gazetteer } from './lexicon.js';
import { decodeModel, rowOf, type LoadedPass } from './model.js';
import { namesOf, TAG_COUNT, tagsOf } from './tags.js';
import { TrueCaser } from './truecase.js';

/** The files of models/ner, as bytes or text, handed over by the caller (src/io/ner-model.ts). */
export interface NerModelFiles {
  readonly weights: Uint8Array;
  readonly clusters: Uint8Array;
  readonly gazetteers: string;
  /** models/ner/truecase.txt: how words of an all-caps article are read; without it they are read as written. */
  readonly truecase?: string;
}

/**
 * The trained entity tagger: a first pass tags each sentence from local features;
 * the second pass tags again with the first pass's view of the whole document.
 */
export class NerTagger {
  private constructor(
    readonly passes: readonly LoadedPass[],
    readonly resources: Resources,
    readonly trueCaser: TrueCaser,
  ) {}

  static load(files: NerModelFiles): NerTagger {
    const resources: Resources = {
      clusters: ClusterTable.decode(files.clusters),
      gazetteer: Gazetteer.parse(files.gazetteers),
    };
    const trueCaser = files.truecase === undefined ? TrueCaser.empty() : TrueCaser.parse(files.truecase);
    return new NerTagger(decodeModel(files.weights), resources, trueCaser);
  }

  /**
   * BILOU tag indexes (see tags.ts) for every token of the document. A document longer
   * than any article is tagged in stretches of whole sentences with the first pass
   * only, so memory and time stay bounded.
   */
  tag(document: TaggerDocument): Uint8Array {
    const { words, sentenceBounds } = document;
    if (words.length <= MAX_STRETCH_TOKENS) return this.tagStretch(document, this.passes.length);
    // Far longer than any article (a dump, a run-on page): one pass, to stay fast.
    const passes = 1;
    const tags = new Uint8Array(words.length);
    let first = 0;
    while (first + 1 < sentenceBounds.length) {
      let last = first + 1;
      const from = sentenceBounds[first]!;
      while (last + 1 < sentenceBounds.length && sentenceBounds[last + 1]! - from <= MAX_STRETCH_TOKENS) last++;
      const bounds = sentenceBounds.slice(first, last + 1).map((bound) => bound - from);
      const to = sentenceBounds[last]!;
      tags.set(this.tagStretch({ words: words.slice(from, to), sentenceBounds: bounds }, passes), from);
      first = last;
    }
    return tags;
  }

  private tagStretch(original: TaggerDocument, passes: number): Uint8Array {
    const trueCased = this.trueCaser.trueCase(original);
    const document = headlinesInCapitals(trueCased);
    const local = localFeatures(document, this.resources);
    let tags: Uint8Array | undefined;
    for (const pass of this.passes.slice(0, passes)) {
      const table = tags === undefined ? local.table : withDocumentFeatures(local, tags);
      tags = decodeDocument(document, table, pass);
    }
    if (tags === undefined) return new Uint8Array(document.words.length);
    return trueCased === original ? tags : withoutCommonEdges(tags, trueCased.words);
  }
}

/**
 * In a true-cased document, a name starts and ends on a word the true-caser gave a
 * capital: a common word it wrote in lower case at a name's edge ("the", "de", "they")
 * is the tagger's guess, not the text's, since capitals told it nothing there.
 */
function withoutCommonEdges(tags: Uint8Array, words: readonly string[]): Uint8Array {
  const isLower = (i: number): boolean => {
    const first = words[i]!.charAt(0);
    return first !== first.toUpperCase();
  };
  let changed = false;
  const names = [];
  for (const name of namesOf(tags)) {
    let { start, end } = name;
    while (start < end && isLower(start)) start++;
    while (end > start && isLower(end - 1)) end--;
    if (start !== name.start || end !== name.end) changed = true;
    if (start < end) names.push({ ...name, start, end });
  }
  return changed ? tagsOf(names, tags.length) : tags;
}

export function decodeDocument(document: TaggerDocument, table: FeatureTable, pass: LoadedPass): Uint8Array {
  const n = document.words.length;
  const emissions = new Float32Array(n * TAG_COUNT);
  const { keys, offsets } = table;
  const weights = pass.weights;
  for (let i = 0; i < n; i++) {
    const base = i * TAG_COUNT;
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
      const row = rowOf(pass, keys[k]!);
      if (row < 0) continue;
      const at = row * TAG_COUNT;
      for (let t = 0; t < TAG_COUNT; t++) emissions[base + t]! += weights[at + t]!;
    }
  }
  const tags = new Uint8Array(n);
  const bounds = document.sentenceBounds;
  for (let s = 0; s + 1 < bounds.length; s++) viterbi(emissions, bounds[s]!, bounds[s + 1]!, pass.transitions, tags);
  return tags;
}

/** Longest stretch of a document tagged at once (a long article has ~2,000 tokens). */
const MAX_STRETCH_TOKENS = 20_000;

/** Short words that a title-case headline capitalises and running text does not. */
const HEADLINE_WORDS = new Set(
  ('the of in to for on with is are as at after over by and has have says said will from up out into amid against ' +
    'how why what not be its his her their this that a an more than off back could can before during about new')
    .split(' '),
);

/**
 * Title-case headlines ("Putin Says Russia Is In No Rush") are read in capitals, the
 * form the training data's headlines take, so the tagger treats every capital as
 * uninformative there rather than as a name on every word.
 */
function headlinesInCapitals(document: TaggerDocument): TaggerDocument {
  const { words, sentenceBounds } = document;
  let changed: string[] | undefined;
  for (let s = 0; s + 1 < sentenceBounds.length; s++) {
    const from = sentenceBounds[s]!;
    const to = sentenceBounds[s + 1]!;
    let letterWords = 0;
    let capitalised = 0;
    let headlineWords = 0;
    for (let i = from; i < to; i++) {
      const word = words[i]!;
      const first = word.charAt(0);
      if (first.toLowerCase() === first.toUpperCase()) continue;
      letterWords++;
      if (first !== first.toUpperCase() || word === word.toUpperCase()) continue;
      capitalised++;
      if (i > from && HEADLINE_WORDS.has(word.toLowerCase())) headlineWords++;
    }
    if (letterWords < 3 || headlineWords < 2 || capitalised < letterWords * 0.8) continue;
    changed ??= words.slice();
    for (let i = from; i < to; i++) changed[i] = words[i]!.toUpperCase();
  }
  return changed === undefined ? document : { words: changed, sentenceBounds };
}
