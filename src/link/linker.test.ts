import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CollectionLinker, MemoryLinkState, type ArticleToLink } from './linker.js';
import { syntheticText } from './testing/texts.js';

const body = (seed: number) => syntheticText(seed, 12);
const item = (id: number, text: string, date: string | null, firstSeen = '2024-05-10T00:00:00Z'): ArticleToLink => ({ id, headline: `Headline ${id}`, body: text, date, firstSeen, entities: [] });

test('linker: a copy joins its original\'s group and story; duplicateOf names the earliest published copy', () => {
  const linker = new CollectionLinker(new MemoryLinkState());
  // The copy arrives first; the original, published earlier, arrives after it.
  const copy = linker.add(item(1, `${body(7)}\nAdvertisement`, '2024-05-02T10:00:00Z'));
  const unrelated = linker.add(item(2, body(8), '2024-05-02T11:00:00Z'));
  const original = linker.add(item(3, body(7), '2024-05-01T08:00:00Z'));
  assert.equal(original.copyGroup, copy.copyGroup);
  assert.equal(original.story, copy.story);
  assert.notEqual(unrelated.copyGroup, copy.copyGroup);
  assert.equal(linker.state.duplicateOf(1), 3);
  assert.equal(linker.state.duplicateOf(3), null);
  assert.equal(linker.state.duplicateOf(2), null);
  assert.equal(linker.state.duplicateOf(99), null);
});

test('linker: copies with no publication date are ordered by when they were first seen', () => {
  const linker = new CollectionLinker(new MemoryLinkState());
  linker.add(item(1, body(9), null, '2024-05-03T00:00:00Z'));
  linker.add(item(2, body(9), null, '2024-05-01T00:00:00Z'));
  assert.equal(linker.state.duplicateOf(1), 2);
});
