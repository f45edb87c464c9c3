import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chunksOf, EntityScorer, parseConll, toIob2 } from './conll.js';

test('chunksOf reads IOB2, IOB1 and BILOU the way conlleval does', () => {
  assert.deepEqual(chunksOf(['B-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC']), [
    { start: 0, end: 2, type: 'PER' },
    { start: 3, end: 4, type: 'LOC' },
    { start: 4, end: 5, type: 'LOC' },
  ]);
  // IOB1: I- after O starts a chunk; I- of another type starts a new one.
  assert.deepEqual(chunksOf(['I-ORG', 'I-ORG', 'I-MISC', 'O', 'I-PER']), [
    { start: 0, end: 2, type: 'ORG' },
    { start: 2, end: 3, type: 'MISC' },
    { start: 4, end: 5, type: 'PER' },
  ]);
  assert.deepEqual(chunksOf(['U-LOC', 'B-ORG', 'I-ORG', 'L-ORG', 'U-ORG']), [
    { start: 0, end: 1, type: 'LOC' },
    { start: 1, end: 4, type: 'ORG' },
    { start: 4, end: 5, type: 'ORG' },
  ]);
});

test('the scorer counts exact span and type matches only', () => {
  const scorer = new EntityScorer();
  scorer.add(['B-PER', 'I-PER', 'O', 'B-LOC'], ['B-PER', 'O', 'O', 'B-LOC']);
  scorer.add(['B-ORG', 'O'], ['B-MISC', 'O']);
  const overall = scorer.overall();
  assert.deepEqual(overall.counts, { correct: 1, predicted: 3, gold: 3 });
  assert.ok(Math.abs(overall.f1 - 100 / 3) < 1e-9);
  const perType = scorer.perType();
  assert.equal(perType.get('LOC')!.f1, 100);
  assert.equal(perType.get('PER')!.f1, 0);
  assert.equal(perType.get('MISC')!.precision, 0);
});

test('parseConll splits documents and sentences and toIob2 converts IOB1', () => {
  const text = '-DOCSTART- -X- -X- O\n\nEU NNP B-NP I-ORG\nrejects VBZ B-VP O\n\nPeter NNP B-NP I-PER\n\n-DOCSTART- -X- O O\n\nX NN O O\n';
  const documents = parseConll(text);
  assert.equal(documents.length, 2);
  assert.deepEqual(documents[0]!.sentences.map((s) => s.words), [['EU', 'rejects'], ['Peter']]);
  assert.deepEqual(toIob2(documents[0]!.sentences[0]!.tags), ['B-ORG', 'O']);
});
