import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConll } from './conll.js';
import { iob2BySentence, toLabelled } from './conll-tagging.js';

test('a CoNLL document becomes one tagger document whose gold tags read back as the file had them', () => {
  const [document] = parseConll('-DOCSTART- O\n\nEU B-ORG\nrejects O\nGerman B-MISC\n\nPeter B-PER\nBlackburn I-PER\n');
  const labelled = toLabelled(document!);
  assert.deepEqual(labelled.document.words, ['EU', 'rejects', 'German', 'Peter', 'Blackburn']);
  assert.deepEqual(labelled.document.sentenceBounds, [0, 3, 5]);
  assert.deepEqual(iob2BySentence(labelled.document, labelled.gold), [['B-ORG', 'O', 'B-MISC'], ['B-PER', 'I-PER']]);
});
