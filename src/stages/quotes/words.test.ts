import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wordsIn } from './words.js';

const texts = (text: string): string[] => wordsIn(text, 0, text.length).map((word) => word.text);

test('words join on . \' ’ & - and keep the period of an abbreviation or initial', () => {
  assert.deepEqual(texts('Sen. J. Smith’s co-founder said AT&T and the U.S. agreed.'), [
    'Sen.', 'J.', 'Smith’s', 'co-founder', 'said', 'AT&T', 'and', 'the', 'U.S.', 'agreed', '.',
  ]);
  assert.deepEqual(texts('“Yes,” he said'), ['“', 'Yes', ',', '”', 'he', 'said']);
});

test('every word carries its lower-cased form, whatever case its letters are in and wherever they stand', () => {
  const text = 'said Putin co-Founder McDonald’s iPhone ÉCOLE straße U.S. O’NEILL x-Ray 2016 Ärzte ÇA';
  for (const word of wordsIn(text, 0, text.length)) {
    assert.equal(word.lower, word.text.toLowerCase(), word.text);
  }
});

test('a stretch of the text is split with offsets into the whole text', () => {
  const text = 'Before. Xi Jinping said';
  const words = wordsIn(text, 8, text.length);
  assert.deepEqual(words.map((word) => [word.text, word.start, word.end, word.capitalised]), [
    ['Xi', 8, 10, true],
    ['Jinping', 11, 18, true],
    ['said', 19, 23, false],
  ]);
});
