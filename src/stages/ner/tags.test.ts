import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ALLOWED_TRANSITIONS, namesOf, TAG_COUNT, tagIndex, tagsOf, TAGS } from './tags.js';
import { viterbi } from './decode.js';

test('BILOU tags round-trip through names', () => {
  const names = [
    { start: 0, end: 2, type: 'PER' as const },
    { start: 3, end: 4, type: 'LOC' as const },
    { start: 4, end: 7, type: 'ORG' as const },
  ];
  const tags = tagsOf(names, 8);
  assert.deepEqual(Array.from(tags, (t) => TAGS[t]), ['B-PER', 'L-PER', 'O', 'U-LOC', 'B-ORG', 'I-ORG', 'L-ORG', 'O']);
  assert.deepEqual(namesOf(tags), names);
});

test('transitions forbid broken BILOU sequences', () => {
  const at = (previous: number, next: number): number => ALLOWED_TRANSITIONS[previous * TAG_COUNT + next]!;
  assert.equal(at(tagIndex('B', 'PER'), tagIndex('L', 'PER')), 1);
  assert.equal(at(tagIndex('B', 'PER'), tagIndex('L', 'ORG')), 0);
  assert.equal(at(tagIndex('U', 'PER'), tagIndex('I', 'PER')), 0);
  assert.equal(at(0, tagIndex('B', 'LOC')), 1);
  // Sentence start (row TAG_COUNT) may not open with I- or L-.
  assert.equal(at(TAG_COUNT, tagIndex('I', 'LOC')), 0);
});

test('viterbi keeps to valid sequences even when emissions prefer a broken one', () => {
  const emissions = new Float32Array(2 * TAG_COUNT);
  // Token 0 prefers B-PER, token 1 prefers O: B-PER O is invalid, so U-PER O or B-PER L-PER wins.
  emissions[tagIndex('B', 'PER')] = 5;
  emissions[tagIndex('U', 'PER')] = 4;
  emissions[TAG_COUNT + 0] = 5;
  const out = new Uint8Array(2);
  viterbi(emissions, 0, 2, new Float32Array((TAG_COUNT + 1) * TAG_COUNT), out);
  assert.deepEqual(Array.from(out, (t) => TAGS[t]), ['U-PER', 'O']);
});
