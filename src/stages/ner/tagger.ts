import { viterbi } from './decode.js';
import { extractFeatures, type FeatureTable, type Resources, type TaggerDocument } from './features.js';
import { Gazetteer, parseClusters } from './lexicon.js';
import { decodeModel, rowOf, type LoadedPass } from './model.js';
import { TAG_COUNT } from './tags.js';

/** The files of models/ner, as bytes or text, handed over by the caller (src/io/ner-model.ts). */
export interface NerModelFiles {
  readonly weights: Uint8Array;
  readonly clusters: string;
  readonly gazetteers: string;
}

/**
 * The trained entity tagger: a first pass tags each sentence from local features;
 * the second pass tags again with the first pass's view of the whole document.
 */
export class NerTagger {
  private constructor(
    readonly passes: readonly LoadedPass[],
    readonly resources: Resources,
  ) {}

  static load(files: NerModelFiles): NerTagger {
    const resources: Resources = {
      clusters: parseClusters(files.clusters),
      gazetteer: Gazetteer.parse(files.gazetteers),
    };
    return new NerTagger(decodeModel(files.weights), resources);
  }

  /** BILOU tag indexes (see tags.ts) for every token of the document. */
  tag(document: TaggerDocument): Uint8Array {
    let tags: Uint8Array | undefined;
    for (const pass of this.passes) {
      const table = extractFeatures(document, this.resources, tags);
      tags = decodeDocument(document, table, pass);
    }
    return tags ?? new Uint8Array(document.words.length);
  }
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
