import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aggregate, aggregateWcxb, wcxbScore, wordTokens, zyteScore } from './metrics.js';

const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} ≠ ${expected}`);

test('tokens: Python \\w+ — letters, numbers, underscore; punctuation and combining marks split', () => {
  assert.deepEqual(wordTokens("Don't stop_now, 42½!"), ['Don', 't', 'stop_now', '42½']);
  assert.deepEqual(wordTokens('cafe\u0301 au lait'), ['cafe', 'au', 'lait']);
  assert.deepEqual(wordTokens('  — … '), []);
});

test('zyte: identical texts score 1/1 and match exactly, whatever the spacing and punctuation', () => {
  const s = zyteScore('The cat sat on the mat. It purred.', 'The cat sat on the mat\n\nIt purred');
  assert.equal(s.precision, 1);
  assert.equal(s.recall, 1);
  assert.equal(s.exact, true);
  const a = aggregate([s]);
  assert.equal(a.f1, 1);
  assert.equal(a.accuracy, 1);
});

test('zyte: case is kept', () => {
  const s = zyteScore('Hello big wide World', 'hello big wide world');
  assert.equal(s.precision, 0);
  assert.equal(s.exact, false);
});

test('zyte: an empty prediction is left out of precision and costs recall 0', () => {
  const empty = zyteScore('one two three four five', '');
  assert.equal(empty.empty, true);
  const a = aggregate([empty]);
  assert.deepEqual([a.precision, a.recall, a.f1, a.empty], [0, 0, 0, 1]);
  const mixed = aggregate([zyteScore('one two three four five', 'one two three four five'), empty]);
  assert.equal(mixed.precision, 1);
  assert.equal(mixed.recall, 0.5);
  close(mixed.f1, 2 / 3);
  assert.equal(mixed.accuracy, 0.5);
});

test('zyte: shingles are counted as multisets', () => {
  // truth shingles: "a b c d" ×2, "b c d a", "c d a b", "d a b c"; prediction: "a b c d" ×1
  const s = zyteScore('a b c d a b c d', 'a b c d');
  assert.equal(s.precision, 1);
  close(s.recall, 1 / 5);
  // prediction repeats a shingle the truth has once: the excess is a false positive
  const t = zyteScore('a b c d', 'a b c d. a b c d');
  close(t.precision, 1 / 5);
  assert.equal(t.recall, 1);
});

test('zyte: a text of 1–3 tokens is one shingle', () => {
  assert.equal(zyteScore('Hello world', 'Hello, world!').precision, 1);
  const part = zyteScore('Hello world', 'Hello');
  assert.deepEqual([part.precision, part.recall], [0, 0]);
  const three = zyteScore('a b c d', 'a b c');
  assert.deepEqual([three.precision, three.recall], [0, 0]);
});

test('zyte: a page with empty truth is left out of the recall mean', () => {
  const a = aggregate([zyteScore('', 'some output here'), zyteScore('one two three four', 'one two three four')]);
  assert.equal(a.recall, 1);
  assert.equal(a.precision, 0.5);
});

test('wcxb: bag of lower-cased tokens, counted as multisets, order ignored', () => {
  const same = wcxbScore('The cat sat.', 'sat the CAT');
  assert.deepEqual([same.precision, same.recall, same.f1], [1, 1, 1]);
  const s = wcxbScore('the the cat', 'the cat cat');
  close(s.precision, 2 / 3);
  close(s.recall, 2 / 3);
  close(s.f1!, 2 / 3);
});

test('wcxb: empty outputs and empty truth follow evaluate.py', () => {
  const empty = wcxbScore('some truth', ' \n — ');
  assert.equal(empty.empty, true);
  assert.deepEqual([empty.precision, empty.recall, empty.f1], [0, 0, 0]);
  assert.deepEqual([wcxbScore('', '').f1, wcxbScore('', 'anything').f1], [1, 0]);
});

test('wcxb: F1 is the mean of page F1s, not the harmonic mean of mean P and R', () => {
  const a = aggregateWcxb([wcxbScore('a b', 'a'), wcxbScore('a', 'a b')]);
  close(a.precision, 0.75);
  close(a.recall, 0.75);
  close(a.f1, 2 / 3);
});
