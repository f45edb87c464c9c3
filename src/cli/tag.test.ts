import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNerTagger } from '../io/ner-model.js';
import { tagConllText } from './tag.js';

test('tag --conll appends one predicted IOB2 tag per token line and keeps the rest', () => {
  const input = [
    '-DOCSTART- -X- -X- O',
    '',
    'Angela NNP B-NP B-PER',
    'Merkel NNP I-NP I-PER',
    'visited VBD B-VP O',
    'Paris NNP B-NP B-LOC',
    '. . O O',
    '',
    'She PRP B-NP O',
    'left VBD B-VP O',
    '',
  ].join('\n');
  const output = tagConllText(input, loadNerTagger()).split('\n');
  assert.equal(output.length, input.split('\n').length);
  assert.equal(output[0], '-DOCSTART- -X- -X- O O');
  assert.equal(output[1], '');
  assert.deepEqual(output.slice(2, 7).map((line) => line.split(' ').pop()), ['B-PER', 'I-PER', 'O', 'B-LOC', 'O']);
  assert.equal(output[2], 'Angela NNP B-NP B-PER B-PER');
  assert.deepEqual(output.slice(8, 10).map((line) => line.split(' ').length), [5, 5]);
});

test('tab-separated files stay tab-separated', () => {
  const output = tagConllText('London\nis\nbig\n', loadNerTagger());
  assert.equal(output.split('\n')[0], 'London B-LOC');
  assert.equal(tagConllText('Rome\tB-LOC\n', loadNerTagger()).split('\n')[0], 'Rome\tB-LOC\tB-LOC');
});
