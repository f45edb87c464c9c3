import { test } from 'node:test';
import assert from 'node:assert/strict';
import { areSortedAndDisjoint, isValidSpan, spanText, firstIndex } from './span.js';

test('span: offsets are UTF-16 code units, so an emoji counts as two', () => {
  const text = 'Hi 😀 there';
  const start = text.indexOf('there');
  assert.equal(start, 6); // "Hi " (3) + surrogate pair (2) + " " (1)
  assert.equal(spanText(text, { start, end: start + 5 }), 'there');
  assert.equal(spanText(text, { start: 3, end: 5 }), '😀');
});

test('span: CJK characters in the basic plane count as one unit each', () => {
  const text = '習近平は「国際秩序」と述べた';
  const start = text.indexOf('国際秩序');
  assert.equal(start, 5);
  assert.equal(spanText(text, { start, end: start + 4 }), '国際秩序');
});

test('span: an astral CJK character (U+20BB7) counts as two units', () => {
  const text = '𠮷野家';
  assert.equal(text.length, 4);
  assert.equal(spanText(text, { start: 2, end: 4 }), '野家');
});

test('span: validity rejects inverted, negative, fractional and out-of-range spans', () => {
  assert.equal(isValidSpan('abc', { start: 0, end: 3 }), true);
  assert.equal(isValidSpan('abc', { start: 2, end: 1 }), false);
  assert.equal(isValidSpan('abc', { start: -1, end: 1 }), false);
  assert.equal(isValidSpan('abc', { start: 0.5, end: 1 }), false);
  assert.equal(isValidSpan('abc', { start: 0, end: 4 }), false);
});

test('span: ordering check finds overlaps', () => {
  assert.equal(areSortedAndDisjoint([{ start: 0, end: 2 }, { start: 2, end: 5 }]), true);
  assert.equal(areSortedAndDisjoint([{ start: 0, end: 3 }, { start: 2, end: 5 }]), false);
  assert.equal(areSortedAndDisjoint([]), true);
});

test('firstIndex finds where a sorted condition turns true', () => {
  const spans = [
    { start: 0, end: 3 },
    { start: 4, end: 9 },
    { start: 10, end: 12 },
  ];
  assert.equal(firstIndex(spans, (s) => s.end > 0), 0);
  assert.equal(firstIndex(spans, (s) => s.end > 5), 1);
  assert.equal(firstIndex(spans, (s) => s.end > 9), 2);
  assert.equal(firstIndex(spans, (s) => s.end > 12), 3);
  assert.equal(firstIndex([], () => true), 0);
});
