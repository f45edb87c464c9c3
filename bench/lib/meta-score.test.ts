import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authorCorrect, calendarDay, dateCorrect, scoreMetadata, titleCorrect } from './meta-score.js';

test('title: token F1 ≥ 0.8, case and punctuation ignored', () => {
  assert.equal(titleCorrect('Top Nutrition Trends for Fall 2025', 'top nutrition trends for fall 2025!'), true);
  assert.equal(titleCorrect('Top Nutrition Trends for Fall 2025', 'Top Nutrition Trends for Fall 2025 | Scratch Culinary Meal Delivery Blog'), false);
  assert.equal(titleCorrect('A title', null), false);
});

test('author: any predicted author, or all joined, leading "by" dropped', () => {
  assert.equal(authorCorrect('Andrew King', ['By Andrew King']), true);
  assert.equal(authorCorrect('Andrew King', ['Staff', 'Andrew King']), true);
  assert.equal(authorCorrect('Rui Ma, Heba Ledwon', ['Rui Ma', 'Heba Ledwon']), true);
  assert.equal(authorCorrect('Andrew King', ['Andrew King, Senior Food Writer at Scratch']), false);
  assert.equal(authorCorrect('Andrew King', []), false);
});

test('date: same calendar day as written, month-only truth matches the month', () => {
  assert.equal(calendarDay('2025-09-04T23:30:00-07:00'), '2025-09-04');
  assert.equal(calendarDay('Thu, 04 Sep 2025 10:00:00 GMT'), '2025-09-04');
  assert.equal(dateCorrect('2025-09-04', '2025-09-04T23:30:00-07:00'), true);
  assert.equal(dateCorrect('2025-09-04', '2025-09-05'), false);
  assert.equal(dateCorrect('2025-09', '2025-09-17'), true);
  assert.equal(dateCorrect('2025-09-04', null), false);
});

test('scoreMetadata: n counts only pages whose truth has the field', () => {
  const m = scoreMetadata([
    { truth: { title: 'One', author: null, date: '2025-01-02' }, predicted: { title: 'One', authors: ['X'], published: '2025-01-02' } },
    { truth: { title: 'Two', author: 'Y Z', date: null }, predicted: { title: null, authors: ['Y Z'], published: null } },
  ]);
  assert.deepEqual([m.title.n, m.title.correct, m.author.n, m.author.correct, m.date.n, m.date.correct], [2, 1, 1, 1, 1, 1]);
});
