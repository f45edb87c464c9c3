/**
 * Trains the entity tagger on CoNLL-2003 and writes models/ner/model.bin.
 *
 * Two passes, each an averaged structured perceptron over BILOU tags: pass 1 on local
 * features; pass 2 adds document-level features computed from pass 1's tags. Pass 2's
 * training data gets pass-1 tags by jackknifing (each fold tagged by a pass-1 model
 * trained on the other folds), so it learns how far to trust pass 1 on unseen text.
 * Deterministic: fixed seeds for the shuffles.
 *
 * Run: npx tsx scripts/train-ner.ts [--train-only] [--epochs 10] [--folds 5] [--passes 2]
 *        [--prune 1] [--ensemble 3] [--out models/ner/model.bin] [--test] [--verbose]
 * The committed model is trained on train + dev (the default, `npm run train:ner`);
 * with --train-only the dev scores it prints are held-out scores.
 * Reads ../shared/data/conll2003 (train, valid; test only with --test, for the report)
 * and the clusters and gazetteers already in models/ner (see build-ner-*.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EntityScorer, parseConll } from '../bench/lib/conll.js';
import { iob2BySentence, toLabelled, type LabelledDocument } from '../bench/lib/conll-tagging.js';
import { extractFeatures, type Resources } from '../src/stages/ner/features.js';
import { ClusterTable, Gazetteer } from '../src/stages/ner/lexicon.js';
import { encodeModel, type PassWeights } from '../src/stages/ner/model.js';
import { TAG_COUNT } from '../src/stages/ner/tags.js';
import { NerTagger } from '../src/stages/ner/tagger.js';
import { SHARED } from '../bench/lib/datasets.js';
import { MODEL_DIR } from './ner/paths.js';
import { Perceptron, shuffle, type IndexedDocument } from './ner/perceptron.js';
import { seededRandom } from './lib/seeded-random.js';

const conllDir = join(SHARED, 'data', 'conll2003');

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}
const flag = (name: string): boolean => process.argv.includes(name);

const EPOCHS = option('--epochs', 10);
const FOLDS = option('--folds', 5);
const PASSES = option('--passes', 2);
/** Features whose weights all stay under this percentage of the largest weight are dropped. */
const PRUNE = option('--prune', 1);
const ENSEMBLE = option('--ensemble', 3);
/** Members of the pass-1 models that tag the held-out folds for pass 2's training. */
const FOLD_ENSEMBLE = option('--fold-ensemble', 1);
const outAt = process.argv.indexOf('--out');
const OUT = outAt > 0 ? process.argv[outAt + 1]! : join(MODEL_DIR, 'model.bin');

/** Feature keys → dense rows, grown while indexing training data. */
class FeatureSpace {
  readonly rowOfKey = new Map<number, number>();
  readonly keys: number[] = [];

  index(labelled: LabelledDocument, resources: Resources, firstPass: Uint8Array | undefined, grow: boolean): IndexedDocument {
    const table = extractFeatures(labelled.document, resources, firstPass);
    const rows = new Int32Array(table.keys.length);
    for (let k = 0; k < table.keys.length; k++) {
      const key = table.keys[k]!;
      let row = this.rowOfKey.get(key);
      if (row === undefined && grow) {
        row = this.keys.length;
        this.rowOfKey.set(key, row);
        this.keys.push(key);
      }
      rows[k] = row ?? -1;
    }
    return { rows, offsets: table.offsets, sentenceBounds: labelled.document.sentenceBounds, gold: labelled.gold };
  }
}

interface TrainedPass {
  readonly space: FeatureSpace;
  readonly weights: Float32Array;
  readonly transitions: Float32Array;
}

/**
 * Trains `members` perceptrons on the same data in different orders and averages their
 * weights: the model is linear, so this is an ensemble that costs nothing at run time.
 */
function trainPass(
  docs: LabelledDocument[],
  resources: Resources,
  firstPass: Uint8Array[] | undefined,
  seed: number,
  members = 1,
): TrainedPass {
  const space = new FeatureSpace();
  const indexed = docs.map((doc, d) => space.index(doc, resources, firstPass?.[d], true));
  const order: [number, number][] = [];
  indexed.forEach((doc, d) => {
    for (let s = 0; s + 1 < doc.sentenceBounds.length; s++) order.push([d, s]);
  });
  const weights = new Float32Array(space.keys.length * TAG_COUNT);
  const transitions = new Float32Array((TAG_COUNT + 1) * TAG_COUNT);
  for (let member = 0; member < members; member++) {
    const perceptron = new Perceptron(space.keys.length);
    const random = seededRandom(seed * 1000 + member);
    for (let epoch = 0; epoch < EPOCHS; epoch++) {
      const mistakes = perceptron.epoch(indexed, shuffle(order, random));
      if (flag('--verbose')) console.log(`  member ${member + 1}, epoch ${epoch + 1}: ${mistakes} sentences wrong`);
    }
    const averaged = perceptron.averaged();
    for (let k = 0; k < weights.length; k++) weights[k]! += averaged.weights[k]! / members;
    for (let k = 0; k < transitions.length; k++) transitions[k]! += averaged.transitions[k]! / members;
  }
  return { space, weights, transitions };
}

function tagWith(pass: TrainedPass, docs: LabelledDocument[], resources: Resources, firstPass: Uint8Array[] | undefined): Uint8Array[] {
  const decoder = new Perceptron(0);
  return docs.map((doc, d) => {
    const indexed = pass.space.index(doc, resources, firstPass?.[d], false);
    const out = new Uint8Array(doc.document.words.length);
    const bounds = doc.document.sentenceBounds;
    for (let s = 0; s + 1 < bounds.length; s++) decoder.decode(indexed, bounds[s]!, bounds[s + 1]!, out, pass.weights, pass.transitions);
    return out;
  });
}

function score(docs: LabelledDocument[], tags: Uint8Array[]): string {
  const scorer = new EntityScorer();
  docs.forEach((doc, d) => {
    const gold = iob2BySentence(doc.document, doc.gold);
    const predicted = iob2BySentence(doc.document, tags[d]!);
    gold.forEach((sentence, s) => scorer.add(sentence, predicted[s]!));
  });
  const types = [...scorer.perType()].map(([type, s]) => `${type} ${s.f1.toFixed(2)}`).join(', ');
  return `F1 ${scorer.overall().f1.toFixed(2)} (${types})`;
}

/** The pass's weights without features whose every weight is negligible. */
function pruned(pass: TrainedPass): PassWeights {
  let max = 0;
  for (const w of pass.weights) max = Math.max(max, Math.abs(w));
  const threshold = max * PRUNE * 0.01;
  const keep: number[] = [];
  for (let row = 0; row < pass.space.keys.length; row++) {
    for (let t = 0; t < TAG_COUNT; t++) {
      if (Math.abs(pass.weights[row * TAG_COUNT + t]!) > threshold) { keep.push(row); break; }
    }
  }
  const keys = new Uint32Array(keep.length);
  const weights = new Float32Array(keep.length * TAG_COUNT);
  keep.forEach((row, k) => {
    keys[k] = pass.space.keys[row]!;
    weights.set(pass.weights.subarray(row * TAG_COUNT, (row + 1) * TAG_COUNT), k * TAG_COUNT);
  });
  console.log(`  kept ${keep.length} of ${pass.space.keys.length} features`);
  return { keys, weights, transitions: pass.transitions };
}

function main(): void {
  const started = Date.now();
  const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const resources: Resources = {
    clusters: ClusterTable.decode(new Uint8Array(readFileSync(join(MODEL_DIR, 'clusters.bin')))),
    gazetteer: Gazetteer.parse(readFileSync(join(MODEL_DIR, 'gazetteers.txt'), 'utf8')),
  };
  const load = (name: string): LabelledDocument[] => parseConll(readFileSync(join(conllDir, name), 'utf8')).map(toLabelled);
  const dev = load('valid.txt');
  const withDev = !flag('--train-only');
  const train = withDev ? [...load('train.txt'), ...dev] : load('train.txt');
  console.log(`training on ${train.length} documents (${withDev ? 'train + dev' : 'train only'}), ${EPOCHS} epochs`);

  const first = trainPass(train, resources, undefined, 1, ENSEMBLE);
  const devFirst = tagWith(first, dev, resources, undefined);
  console.log(`pass 1 trained (${first.space.keys.length} features, ${elapsed()}): dev ${score(dev, devFirst)}`);
  const passes: PassWeights[] = [pruned(first)];

  if (PASSES >= 2) {
    const jackknifed: Uint8Array[] = new Array<Uint8Array>(train.length);
    for (let fold = 0; fold < FOLDS; fold++) {
      const inFold = (d: number): boolean => d % FOLDS === fold;
      const rest = train.filter((_, d) => !inFold(d));
      const held = train.map((_, d) => d).filter(inFold);
      const model = trainPass(rest, resources, undefined, 10 + fold, FOLD_ENSEMBLE);
      const tags = tagWith(model, held.map((d) => train[d]!), resources, undefined);
      held.forEach((d, k) => { jackknifed[d] = tags[k]!; });
      console.log(`  fold ${fold + 1}/${FOLDS} tagged (${elapsed()})`);
    }
    const second = trainPass(train, resources, jackknifed, 2, ENSEMBLE);
    console.log(`pass 2 trained (${second.space.keys.length} features, ${elapsed()}): dev ${score(dev, tagWith(second, dev, resources, devFirst))}`);
    passes.push(pruned(second));
  }

  const bytes = encodeModel(passes);
  writeFileSync(OUT, bytes);
  console.log(`wrote ${OUT} (${(bytes.length / 1e6).toFixed(1)} MB) in ${elapsed()}`);

  const tagger = NerTagger.load({
    weights: bytes,
    clusters: new Uint8Array(readFileSync(join(MODEL_DIR, 'clusters.bin'))),
    gazetteers: readFileSync(join(MODEL_DIR, 'gazetteers.txt'), 'utf8'),
  });
  console.log(`saved model, dev ${score(dev, dev.map((doc) => tagger.tag(doc.document)))}`);
  if (flag('--test')) {
    const test = load('test.txt');
    console.log(`saved model, test ${score(test, test.map((doc) => tagger.tag(doc.document)))}`);
  }
}

main();
