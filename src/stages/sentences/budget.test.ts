import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Block } from '../../doc/news-doc.js';
import { blocksWithinBudget, segment } from './index.js';

const paragraph = (start: number, end: number): Block => ({ kind: 'paragraph', start, end });

test('budget: an article within the budget is read whole', () => {
  const text = 'Headline\n\nFirst paragraph. Second sentence.';
  assert.equal(blocksWithinBudget(text, [{ kind: 'headline', start: 0, end: 8 }, paragraph(10, text.length)], 1_000), undefined);
  assert.equal(blocksWithinBudget('', [], 10), undefined);
});

test('budget: whole blocks before the limit, the crossing block cut after its last sentence end, none after', () => {
  const text = 'Head\n\nOne. Two “three.” Four five six\n\nLater block.';
  const blocks = [paragraph(0, 4), paragraph(6, 37), paragraph(39, text.length)];
  const budget = blocksWithinBudget(text, blocks, 30)!;
  assert.deepEqual(
    budget.blocks.map((b) => text.slice(b.start, b.end)),
    ['Head', 'One. Two “three.”'],
  );
  assert.equal(budget.end, budget.blocks[1]!.end);
});

test('budget: without a sentence end the cut falls on a space, without a space on the limit but never inside a surrogate pair', () => {
  const words = 'word '.repeat(100);
  const cut = blocksWithinBudget(words, [paragraph(0, words.length)], 52)!;
  assert.equal(cut.end, 49);
  const emoji = '😀'.repeat(100);
  for (const limit of [51, 52]) {
    const end = blocksWithinBudget(emoji, [paragraph(0, emoji.length)], limit)!.end;
    assert.equal(end % 2, 0, `cut at ${end} splits a pair`);
    assert.ok(end <= limit);
  }
});

test('budget: a 1 MB paragraph is cut to a prefix of whole sentences quickly', () => {
  const sentence = 'The minister said on Monday that the talks in Geneva would go on. ';
  const text = sentence.repeat(Math.ceil(1_000_000 / sentence.length));
  const started = performance.now();
  const budget = blocksWithinBudget(text, [paragraph(0, text.length)])!;
  const { sentences } = segment(text, budget.blocks);
  assert.ok(performance.now() - started < 2_000);
  assert.ok(budget.end <= 200_000 && budget.end > 190_000);
  assert.equal(text.slice(budget.end - 1, budget.end), '.');
  assert.equal(sentences.at(-1)!.end, budget.end);
});
