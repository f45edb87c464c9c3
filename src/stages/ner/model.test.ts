import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeModel, encodeModel, rowOf } from './model.js';
import { ClusterTable, Gazetteer, NerModelError, wordHash } from './lexicon.js';
import { TAG_COUNT } from './tags.js';

test('weights survive encoding within the quantisation step', () => {
  const keys = Uint32Array.from([7, 0xdeadbeef, 12345]);
  const weights = new Float32Array(keys.length * TAG_COUNT);
  weights[0] = 2.5;
  weights[TAG_COUNT + 3] = -1.25;
  weights[2 * TAG_COUNT + 16] = 0.75;
  const transitions = new Float32Array((TAG_COUNT + 1) * TAG_COUNT).fill(0.5);
  const [pass] = decodeModel(encodeModel([{ keys, weights, transitions }]));
  assert.ok(pass);
  const step = 2.5 / 32767;
  assert.ok(Math.abs(pass.weights[rowOf(pass, 7) * TAG_COUNT]! - 2.5) <= step);
  assert.ok(Math.abs(pass.weights[rowOf(pass, 0xdeadbeef) * TAG_COUNT + 3]! + 1.25) <= step);
  assert.ok(Math.abs(pass.weights[rowOf(pass, 12345) * TAG_COUNT + 16]! - 0.75) <= step);
  assert.equal(rowOf(pass, 99), -1);
  assert.equal(pass.transitions[5], 0.5);
});

test('a truncated or foreign file is refused with a typed error', () => {
  const bytes = encodeModel([{ keys: Uint32Array.from([1]), weights: new Float32Array(TAG_COUNT).fill(1), transitions: new Float32Array((TAG_COUNT + 1) * TAG_COUNT) }]);
  assert.throws(() => decodeModel(bytes.subarray(0, bytes.length - 10)), NerModelError);
  assert.throws(() => decodeModel(new TextEncoder().encode('not a model at all')), NerModelError);
});

test('clusters round-trip by word hash; gazetteers match the longest entry per list', () => {
  const clusters = ClusterTable.decode(ClusterTable.encode(new Map([[wordHash('paris'), 46], [wordHash('london'), 35]])));
  assert.equal(clusters.get(wordHash('paris')), 46);
  assert.equal(clusters.get(wordHash('london')), 35);
  assert.equal(clusters.get(wordHash('rome')), -1);
  assert.throws(() => ClusterTable.decode(new Uint8Array(20)), NerModelError);
  const gazetteer = Gazetteer.parse('loc\tnew york\nloc\tnew york city\nloc\tyork\nper\tnew\n');
  const found: string[] = [];
  const hashes = Int32Array.from(['new', 'york', 'city', 'hall'], wordHash);
  gazetteer.matchAt(hashes, 0, 4, (list, length) => found.push(`${gazetteer.lists[list]}:${length}`));
  assert.deepEqual(found.sort(), ['loc:3', 'per:1']);
});
