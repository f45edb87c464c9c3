import { test } from 'node:test';
import assert from 'node:assert/strict';
import { areCopies, bandKeys, compareSketches, sketchOf } from './copies.js';
import { syntheticText } from './testing/texts.js';

test('copies: a retitled, restyled copy is the same text', () => {
  const text = syntheticText(1, 20);
  const copy = text.toUpperCase().replace(/,/g, ' ,');
  assert.equal(compareSketches(sketchOf(text), sketchOf(copy)).jaccard, 1);
  assert.ok(areCopies(sketchOf(text), sketchOf(copy)));
});

test('copies: a copy trimmed to a third is still held whole by its original', () => {
  const full = syntheticText(2, 30);
  const trimmed = full.split('\n').slice(0, 10).join('\n');
  const { jaccard, containment } = compareSketches(sketchOf(full), sketchOf(trimmed));
  assert.ok(jaccard < 0.5, `jaccard ${jaccard}`);
  assert.ok(containment > 0.8, `containment ${containment}`);
  assert.ok(areCopies(sketchOf(full), sketchOf(trimmed)));
});

test('copies: two articles on one subject that share a boilerplate line are not copies', () => {
  const boilerplate = 'Copyright 2024 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.';
  const a = `${syntheticText(3, 15)}\n${boilerplate}`;
  const b = `${syntheticText(4, 15)}\n${boilerplate}`;
  assert.ok(!areCopies(sketchOf(a), sketchOf(b)));
  // Nor is the boilerplate alone a copy of an article that carries it.
  assert.ok(!areCopies(sketchOf(boilerplate), sketchOf(a)));
});

test('copies: short texts are copies only when their words are the same', () => {
  assert.ok(areCopies(sketchOf('Markets closed higher on Friday.'), sketchOf('MARKETS CLOSED HIGHER ON FRIDAY')));
  assert.ok(!areCopies(sketchOf('Markets closed higher on Friday.'), sketchOf('Markets closed lower on Friday.')));
  assert.equal(sketchOf('').shingles, 0);
  assert.ok(!areCopies(sketchOf(''), sketchOf('')));
});

test('copies: copies share a band key; the keys are the same from one run to the next', () => {
  const text = syntheticText(5, 20);
  const edited = text.replace(/\.\n/u, ' indeed.\n');
  const shared = bandKeys(sketchOf(text)).filter((key, i) => bandKeys(sketchOf(edited))[i] === key);
  assert.ok(shared.length >= 24, `${shared.length} of ${bandKeys(sketchOf(text)).length} bands shared`);
  // Sketches are stored: a change of seeds or hash would make stored sketches useless.
  assert.deepEqual(bandKeys(sketchOf('one two three four five six')).slice(0, 2), bandKeys(sketchOf('one two three four five six')).slice(0, 2));
});
