import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linkedEntitiesWithDateline, StoryLinker, type LinkArticle } from './stories.js';
import { addTermCounts, termOf } from './terms.js';

const article = (headline: string, body: string, date: string, entities: LinkArticle['entities'] = []): LinkArticle => ({ headline, body, date, entities });

const flood = (n: number, date: string) =>
  article(
    `Floods cut off villages in Kerala ${n}`,
    `Monsoon floods cut off hundreds of villages in Kerala as rivers burst their banks. Rescue boats reached stranded families in Alappuzha and Kottayam. The state asked for army helicopters to drop food. Rainfall was the heaviest in a century, forecasters said, and more is expected. Update ${n}.`,
    date,
    [{ type: 'LOC', name: 'Kerala', mentions: 2 }],
  );
const election = (n: number, date: string) =>
  article(
    `Runoff looms in Chile presidential vote ${n}`,
    `Chileans voted for a new president with no candidate expected to win outright, setting up a runoff in December. Turnout was high in Santiago, and the count showed a close race between the conservative and the leftist candidates. Update ${n}.`,
    date,
    [{ type: 'LOC', name: 'Chile', mentions: 2 }],
  );

test('stories: articles on one event join one story, and another event starts its own', () => {
  const linker = new StoryLinker();
  const a = linker.add(flood(1, '2024-08-01'));
  const b = linker.add(election(1, '2024-08-01'));
  const c = linker.add(flood(2, '2024-08-02'));
  const d = linker.add(election(2, '2024-08-03'));
  assert.ok(a.started && b.started);
  assert.notEqual(a.story, b.story);
  assert.equal(c.story, a.story);
  assert.equal(d.story, b.story);
  assert.ok(!c.started && c.similarity > 0);
});

test('stories: the same words a year and a half later start a new story', () => {
  const linker = new StoryLinker();
  const first = linker.add(flood(1, '2024-08-01'));
  assert.equal(linker.add(flood(2, '2024-08-05')).story, first.story);
  assert.notEqual(linker.add(flood(3, '2026-02-01')).story, first.story);
});

test('stories: an undated article is compared on its words alone', () => {
  const linker = new StoryLinker();
  const first = linker.add(flood(1, '2024-08-01'));
  assert.equal(linker.add({ ...flood(2, ''), date: null }).story, first.story);
});

test('terms: plurals fold, function words and reporting verbs drop, words keep their letters', () => {
  assert.equal(termOf('Talks'), 'talk');
  assert.equal(termOf('cities'), 'city');
  assert.equal(termOf('glass'), 'glass');
  assert.equal(termOf('the'), undefined);
  assert.equal(termOf('said'), undefined);
  assert.equal(termOf('2024'), undefined);
  assert.deepEqual([...addTermCounts('Putin’s talks; Putin said talks', new Map())], [['putin', 2], ['talk', 2]]);
});

test('the dateline place counts among the places an article names, once, and MISC names not at all', () => {
  const named = [
    { type: 'PER', name: 'Vladimir Putin', mentions: 3 },
    { type: 'MISC', name: 'Russian', mentions: 2 },
  ];
  assert.deepEqual(linkedEntitiesWithDateline(named, 'Samarkand'), [named[0], { type: 'LOC', name: 'Samarkand', mentions: 1 }]);
  const withPlace = [...named, { type: 'LOC', name: 'Samarkand', mentions: 2 }];
  assert.deepEqual(linkedEntitiesWithDateline(withPlace, 'SAMARKAND'), [withPlace[0], withPlace[2]], 'a place the text names is not counted again');
  assert.deepEqual(linkedEntitiesWithDateline(named, null), [named[0]]);
  assert.deepEqual(linkedEntitiesWithDateline(named, '  '), [named[0]]);
});
