import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bcubed } from './bcubed.js';

test('bcubed: a perfect clustering scores 100', () => {
  const score = bcubed([1, 1, 2], ['a', 'a', 'b']);
  assert.deepEqual(score, { precision: 100, recall: 100, f1: 100, clusters: 2 });
});

test('bcubed: one cluster for everything keeps recall and loses precision', () => {
  const score = bcubed([1, 1, 1, 1], ['a', 'a', 'b', 'b']);
  assert.equal(score.recall, 100);
  assert.equal(score.precision, 50);
});

test('bcubed: singletons keep precision and lose recall by class size', () => {
  const score = bcubed([1, 2, 3], ['a', 'a', 'b']);
  assert.equal(score.precision, 100);
  // Items of class a each find half their class; b finds all of its own.
  assert.ok(Math.abs(score.recall - (100 * (0.5 + 0.5 + 1)) / 3) < 1e-9);
});
