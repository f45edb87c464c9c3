import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyChanges } from './diff.js';

const original = ['The council approved the budget on Monday.', 'Spending on schools rises by a tenth.', 'The mayor called it a fair plan.', 'Opposition members walked out.'].join('\n\n');

test('copyChanges: the same text, restyled, is unchanged', () => {
  assert.deepEqual(copyChanges(original, original.toUpperCase().replace(/\n\n/gu, '\n  \n')), { added: 0, removed: 0, edited: 0, unchanged: 4 });
});

test('copyChanges: a trimmed, extended and reworded copy', () => {
  const copy = [
    'The council approved the budget on Monday.',
    'Spending on schools will rise by about a tenth.',
    'The mayor called it a fair plan.',
    'Reporting by a regional desk; additional reporting by staff.',
  ].join('\n\n');
  assert.deepEqual(copyChanges(original, copy), { added: 1, removed: 1, edited: 1, unchanged: 2 });
});

test('copyChanges: empty texts have nothing to compare', () => {
  assert.deepEqual(copyChanges('', ''), { added: 0, removed: 0, edited: 0, unchanged: 0 });
  assert.deepEqual(copyChanges('', original).added, 4);
});
