import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ArticleRecord, ExportedArticle } from '../store.js';
import { syntheticText } from '../../link/testing/texts.js';
import { openStore } from './index.js';
import { storeAll } from './test-support.js';
import { linkFeatures } from '../../link/features.js';

const record = (url: string, body: string, published: string | null, headline = 'Headline'): ArticleRecord => ({
  url,
  urlKey: url,
  canonicalKey: null,
  textHash: url,
  headline,
  published,
  siteName: null,
  site: null,
  language: 'en',
  dateline: null,
  body,
  doc: new Uint8Array([0x03, 0x00]),
  entities: [],
  quotes: [],
});


describe('store: links', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'dateline-links-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('links each stored article: copies share a group and a story, export names the earliest published copy', () => {
    const path = join(dir, 'linked.db');
    const wire = syntheticText(21, 14, 0);
    const store = openStore(path);
    let ids: number[];
    try {
      ids = storeAll(store, [
        record('https://a.test/copy', `${wire}\nAdvertisement`, '2024-03-02T09:00:00Z', 'Retitled by a second outlet'),
        record('https://b.test/other', syntheticText(22, 14, 1), '2024-03-02T10:00:00Z', 'Another headline'),
        record('https://c.test/original', wire, '2024-03-01T09:00:00Z'),
      ]);
    } finally {
      store.close();
    }
    // A second process reads what the first one linked.
    const reader = openStore(path, { readonly: true });
    try {
      const byId = new Map([...reader.exportArticles()].map((a) => [a.id, a]));
      const [copy, other, original] = ids.map((id) => byId.get(id)!) as [ExportedArticle, ExportedArticle, ExportedArticle];
      assert.equal(copy.duplicateOf, original.id);
      assert.equal(original.duplicateOf, null);
      assert.equal(other.duplicateOf, null);
      assert.equal(copy.story, original.story);
      assert.notEqual(other.story, original.story);
    } finally {
      reader.close();
    }
  });

  it('links across runs: an article stored later finds the copies and stories stored before', () => {
    const path = join(dir, 'runs.db');
    const wire = syntheticText(31, 14);
    const first = openStore(path);
    const [a] = (() => {
      try {
        return storeAll(first, [record('https://a.test/1', wire, '2024-04-01')]);
      } finally {
        first.close();
      }
    })();
    const second = openStore(path);
    try {
      storeAll(second, [record('https://b.test/1', wire.split('\n').slice(0, 8).join('\n'), '2024-04-02')]);
      const exported = [...second.exportArticles()];
      assert.equal(exported.length, 2);
      assert.equal(exported[1]?.duplicateOf, a);
      assert.equal(exported[1]?.story, exported[0]?.story);
    } finally {
      second.close();
    }
  });

  it('stores articles unlinked when linking is off, and links them when it is next on', () => {
    const path = join(dir, 'off.db');
    const wire = syntheticText(41, 12);
    const off = openStore(path, { link: false });
    try {
      storeAll(off, [record('https://a.test/x', `${wire}\nRead more`, '2024-06-02'), record('https://a.test/y', wire, '2024-06-01')]);
      assert.deepEqual([...off.exportArticles()].map((a) => [a.story, a.duplicateOf]), [[null, null], [null, null]]);
    } finally {
      off.close();
    }
    const on = openStore(path);
    try {
      const [later, earlier] = [...on.exportArticles()];
      assert.equal(later?.duplicateOf, earlier?.id);
      assert.equal(typeof earlier?.story, 'number');
    } finally {
      on.close();
    }
  });

  it('search lists each text once, where its first matching copy ranks, and counts its other copies; copies=all lists them all', () => {
    const path = join(dir, 'fold.db');
    const wire = syntheticText(51, 14, 0);
    const store = openStore(path);
    try {
      const [first, second, third] = storeAll(store, [
        record('https://a.test/w1', wire, '2024-05-01T08:00:00Z', 'Wire story'),
        record('https://b.test/w2', `${wire}\nMore at b.test`, '2024-05-01T09:00:00Z', 'Wire story, retitled'),
        record('https://c.test/w3', wire.split('\n').slice(0, 10).join('\n'), '2024-05-03T09:00:00Z', 'Wire story, trimmed'),
        ...Array.from({ length: 5 }, (_, i) => record(`https://d.test/${i}`, syntheticText(60 + i, 14, 1), `2024-05-02T0${i}:00:00Z`, `Other ${i}`)),
      ]);
      const paged: { id: number; copies: number }[] = [];
      let cursor: string | undefined;
      do {
        const page = store.search({ limit: 2, ...(cursor !== undefined ? { cursor } : {}) });
        paged.push(...page.results.map(({ id, copies }) => ({ id, copies })));
        cursor = page.next ?? undefined;
      } while (cursor !== undefined);
      // Newest first: the trimmed copy (3 May) stands for its text, and the two before it are folded into it.
      assert.equal(paged.length, 6);
      assert.deepEqual(paged[0], { id: third, copies: 2 });
      assert.ok(!paged.some(({ id }) => id === first || id === second));
      assert.ok(paged.slice(1).every(({ copies }) => copies === 0));
      const all = store.search({ limit: 20, copies: 'all' }).results;
      assert.equal(all.length, 8);
      assert.deepEqual(all.filter(({ id }) => id === first || id === second).map(({ copies }) => copies), [2, 2]);
      // A search whose words only the first copy's text has in full still folds the copies that match too.
      const word = wire.split(/\s+/u)[0]!;
      const found = store.search({ q: word, limit: 20 }).results.filter(({ id }) => [first, second, third].includes(id!));
      assert.equal(found.length, 1);
    } finally {
      store.close();
    }
  });

  it('fills a page past a text carried by more copies than the best rows hold, and leads on to what follows', () => {
    const path = join(dir, 'many-copies.db');
    const wire = syntheticText(71, 14, 0);
    const store = openStore(path);
    try {
      // 260 copies, newest of all, fill the best 200 rows and more; three other texts come after them.
      const others = storeAll(store, Array.from({ length: 3 }, (_, i) => record(`https://e.test/${i}`, syntheticText(80 + i, 14, 1), `2024-07-0${i + 1}T00:00:00Z`, `Other ${i}`)));
      const copies = storeAll(
        store,
        Array.from({ length: 260 }, (_, i) => record(`https://f.test/${i}`, wire, `2024-08-01T${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00Z`, 'Wire story')),
      );
      const paged: number[] = [];
      let cursor: string | undefined;
      for (let pages = 0; pages < 10; pages++) {
        const page = store.search({ limit: 2, ...(cursor !== undefined ? { cursor } : {}) });
        paged.push(...page.results.map(({ id }) => id));
        cursor = page.next ?? undefined;
        if (cursor === undefined) break;
      }
      assert.equal(paged.length, 4, 'one row for the copies, then each other text');
      assert.ok(copies.includes(paged[0]!));
      assert.deepEqual(paged.slice(1), [...others].reverse());
    } finally {
      store.close();
    }
  });

  it('links an article the same whether its reader worked out what linking reads of it or the store does', () => {
    const wire = syntheticText(91, 14, 0);
    const records = [
      record('https://a.test/1', wire, '2024-09-01T08:00:00Z', 'Wire story'),
      record('https://b.test/2', `${wire}\nMore at b.test`, '2024-09-01T09:00:00Z', 'Wire story, retitled'),
      { ...record('https://c.test/3', syntheticText(92, 14, 1), '2024-09-02T08:00:00Z', 'Another story'), dateline: 'Samarkand' },
      record('https://d.test/4', syntheticText(93, 14, 1), '2024-09-03T08:00:00Z', 'A third story'),
    ];
    const linksOf = (name: string, withFeatures: boolean) => {
      const store = openStore(join(dir, name));
      try {
        storeAll(store, withFeatures ? records.map((r) => ({ ...r, link: linkFeatures({ ...r, entities: r.entities.map((e) => ({ type: e.type, name: e.name, mentions: e.mentions.length })) }) })) : records);
        return [...store.exportArticles()].map((a) => [a.story, a.duplicateOf]);
      } finally {
        store.close();
      }
    };
    const bySelf = linksOf('features-store.db', false);
    assert.deepEqual(linksOf('features-reader.db', true), bySelf);
    assert.notEqual(bySelf[1]?.[1], null, 'the retitled copy is found a copy either way');
  });

  it('offers related stories: one that names the same people and places later, never the story itself or an unrelated one', () => {
    const path = join(dir, 'related.db');
    const person = (name: string, localId: number) => ({ localId, type: 'PER', name, roles: [], acronyms: [], mentions: [{ start: 0, end: 5 }] });
    const named = (article: ArticleRecord, ...names: string[]): ArticleRecord => ({ ...article, entities: names.map(person) });
    const store = openStore(path);
    try {
      const [first, , later, other] = storeAll(store, [
        named(record('https://a.test/1', syntheticText(71, 12, 0), '2022-01-05'), 'Ada Lovelace', 'Charles Babbage'),
        named(record('https://a.test/2', syntheticText(72, 12, 0), '2022-01-06'), 'Ada Lovelace'),
        // Two years on, past the span a story keeps growing: a story of its own, on the same people.
        named(record('https://a.test/3', syntheticText(73, 12, 0), '2024-03-01'), 'Ada Lovelace', 'Charles Babbage'),
        named(record('https://b.test/1', syntheticText(74, 12, 1), '2022-01-05'), 'Grace Hopper'),
      ]);
      const storyOf = (id: number) => [...store.exportArticles()].find((article) => article.id === id)!.story!;
      assert.notEqual(storyOf(first!), storyOf(later!));
      const page = store.story(storyOf(first!))!;
      assert.deepEqual(page.related.map((story) => story.id), [storyOf(later!)]);
      assert.ok(page.related[0]!.score > 0 && page.related[0]!.score <= 1);
      assert.deepEqual(page.related[0]!.shared.map((entity) => entity.name).sort(), ['Ada Lovelace', 'Charles Babbage']);
      assert.ok(!store.story(storyOf(other!))!.related.some((story) => story.id === storyOf(first!)), 'an unrelated story is not offered');
      assert.deepEqual(store.article(later!)!.links!.related.map((story) => story.id), [storyOf(first!)], 'an article offers the stories related to its own');
    } finally {
      store.close();
    }
  });
});
