import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seededRandom } from '../../../scripts/lib/seeded-random.js';
import { collapseWhitespace } from './assemble.js';

test('collapseWhitespace is replace(/\\s+/g, " ").trim() for every kind of space', () => {
  const random = seededRandom(3);
  const pieces = ['a', 'word', 'é', '東', ' ', '  ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2003', '\u200a', '\u200b', '\u2028', '\u202f', '\u205f', '\u3000', '\ufeff', '\u0085', '\u180e'];
  for (let round = 0; round < 5000; round++) {
    let text = '';
    const length = Math.floor(random() * 8);
    for (let k = 0; k < length; k++) text += pieces[Math.floor(random() * pieces.length)];
    assert.equal(collapseWhitespace(text), text.replace(/\s+/g, ' ').trim(), JSON.stringify(text));
  }
});

test('collapseWhitespace returns clean text as it is', () => {
  const text = 'A clean sentence, with one space between words.';
  assert.equal(collapseWhitespace(text), text);
});
