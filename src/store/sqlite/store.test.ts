import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import type { ArticleRecord, Capture } from '../store.js';
import { openStore } from './index.js';
import { MIGRATIONS } from './migrations.js';
import { FACET_SAMPLE, RANK_WINDOW } from './search.js';

const capture = (sha256: string): Capture => ({ url: null, status: 200, headers: [['content-type', 'text/html']], body: new Uint8Array([1, 2, 3]), size: 3, sha256 });
const article = (urlKey: string | null, canonicalKey: string | null = null): ArticleRecord => ({
  url: urlKey,
  urlKey,
  canonicalKey,
  textHash: 'text',
  headline: 'A headline',
  published: '2024-05-01',
  siteName: null,
  site: null,
  language: 'en',
  dateline: null,
  body: 'Putin said we will go on.',
  doc: new Uint8Array([0x03, 0x00]), // deflate-raw of an empty input
  entities: [{ localId: 0, type: 'PER', name: 'Vladimir Putin', roles: ['Russian President'], acronyms: [], mentions: [{ start: 0, end: 5 }] }],
  quotes: [{ start: 10, end: 20, text: 'we will go on', kind: 'direct', cue: 'said', speakerMention: 'Putin', speakerLocalId: 0, attribution: 'cue' }],
});

describe('store (SQLite)', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'dateline-store-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts an input once per source, and keeps the accounting in one transition per item', () => {
    const store = openStore(join(dir, 'a.db'));
    try {
      const source = store.source('url:x', 'url', 'x');
      assert.equal(store.source('url:x', 'url', 'x').id, source.id, 'a source is found again by its key');
      const [first] = store.accept(source.id, null, [{ key: 'https://a.test/1', kind: 'entry', url: 'https://a.test/1' }]);
      assert.ok(first);
      assert.deepEqual(store.accept(source.id, null, [{ key: 'https://a.test/1', kind: 'entry' }]), [], 'not accepted twice');
      const stored = store.finish(first.id, { state: 'stored', kind: 'page', capture: capture('h1'), article: article('https://a.test/1') });
      assert.equal(stored.state, 'stored');
      assert.throws(() => store.finish(first.id, { state: 'failed', code: 'X', message: 'x' }), /no longer pending/, 'a terminal item does not change again');
      // The same bytes at another address, finishing later: a duplicate, decided in the transaction.
      const [second] = store.accept(source.id, null, [{ key: 'https://a.test/2', kind: 'entry' }]);
      const again = store.finish(second!.id, { state: 'stored', kind: 'page', capture: capture('h1'), article: article('https://a.test/2') });
      assert.deepEqual([again.state, again.articleId], ['duplicate', stored.articleId]);
      // A retry put off keeps the item pending with its due time, and counts the attempt.
      const [third] = store.accept(source.id, null, [{ key: 'https://a.test/3', kind: 'entry' }]);
      store.finish(third!.id, { state: 'pending', dueAt: 123, code: 'FETCH_HTTP_503', message: 'busy' });
      assert.deepEqual([store.item(third!.id)?.state, store.item(third!.id)?.attempts, store.item(third!.id)?.dueAt], ['pending', 1, 123]);
      const status = store.status();
      assert.deepEqual(status.states, { pending: 1, stored: 1, duplicate: 1, skipped: 0, failed: 0 });
      assert.equal(status.codes['DUPLICATE_BYTES'], 1);
      assert.equal(status.codes['FETCH_HTTP_503'], 1);
      assert.equal(status.articles, 1);
    } finally {
      store.close();
    }
  });

  it('indexes quotes by speaker: everything one person said is one indexed query', () => {
    const db = new Database(join(dir, 'a.db'), { readonly: true });
    try {
      const plan = db
        .prepare("EXPLAIN QUERY PLAN SELECT q.text FROM quotes q JOIN entities e ON e.id = q.speaker_entity_id WHERE e.type = 'PER' AND e.key = 'vladimir putin'")
        .all() as { detail: string }[];
      assert.ok(plan.every((row) => !/^SCAN/.test(row.detail)), JSON.stringify(plan));
      const said = db.prepare("SELECT q.text FROM quotes q JOIN entities e ON e.id = q.speaker_entity_id WHERE e.type = 'PER' AND e.key = 'vladimir putin'").pluck().all();
      assert.deepEqual(said, ['we will go on']);
    } finally {
      db.close();
    }
  });

  it('opening twice migrates once; a store from a newer Dateline is refused', () => {
    const path = join(dir, 'b.db');
    openStore(path).close();
    openStore(path).close();
    const db = new Database(path);
    assert.equal(db.pragma('user_version', { simple: true }), MIGRATIONS.length);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    assert.throws(() => openStore(path), (error: Error & { code?: string }) => error.code === 'STORE_TOO_NEW');
  });

  it('a phrase or a prefix matching more articles than relevance ranks is counted whole and ranked among its most recent matches', () => {
    const store = openStore(join(dir, 'window.db'));
    try {
      const source = store.source('folder:w', 'folder', 'w');
      const many = RANK_WINDOW + 150;
      const items = store.accept(source.id, null, Array.from({ length: many + 50 }, (_, k) => ({ key: `https://w.test/${k}`, kind: 'entry' as const })));
      items.forEach((item, k) => {
        // The first `many` articles hold the phrase; the rest hold its words apart.
        const body = k < many ? `Officials promised to ensure the water stays clean, report ${k}.` : `To the north they ensure nothing, report ${k}.`;
        store.finish(item.id, { state: 'stored', kind: 'page', capture: capture(`w${k}`), article: { ...article(`https://w.test/${k}`), textHash: `w${k}`, body, entities: [], quotes: [] } });
      });
      for (const q of ['"to ensure the"', 'ensu*']) {
        const page = store.search({ q });
        const expected = q.startsWith('"') ? many : many + 50;
        assert.equal(page.total, expected, `${q}: every match counted`);
        assert.equal(page.totalIsLowerBound, undefined);
        assert.equal(page.results.length, 20);
        // Ranked among the most recent RANK_WINDOW matches: the newest articles, never the oldest.
        assert.ok(page.results.every((hit) => hit.id > expected - RANK_WINDOW), `${q}: ranked within the window`);
      }
    } finally {
      store.close();
    }
  });

  it('pages through more results than facets sample, each result once and in order, in both sorts and with a filter', () => {
    const store = openStore(join(dir, 'pages.db'));
    try {
      const source = store.source('folder:p', 'folder', 'p');
      const count = FACET_SAMPLE * 2;
      const items = store.accept(source.id, null, Array.from({ length: count }, (_, k) => ({ key: `https://p.test/${k}`, kind: 'entry' as const })));
      items.forEach((item, k) => {
        // Scores differ (the word's share of the body), dates repeat: ties are broken by id.
        const body = `${'harbour '.repeat(1 + (k % 7))}report ${k} ${'filler '.repeat(k % 5)}`;
        const record = { ...article(`https://p.test/${k}`), textHash: `p${k}`, body, published: `2024-05-${String(1 + (k % 9)).padStart(2, '0')}`, language: k % 3 === 0 ? 'fr' : 'en' };
        store.finish(item.id, { state: 'stored', kind: 'page', capture: capture(`p${k}`), article: record });
      });
      for (const query of [{ q: 'harbour' }, { q: 'harbour', sort: 'newest' as const }, { q: 'harbour', lang: 'en' }, { lang: 'en' }]) {
        const whole = store.search({ ...query, limit: 100 });
        const seen: number[] = [];
        for (let page = store.search({ ...query, limit: 30 }); ; page = store.search({ ...query, limit: 30, cursor: page.next! })) {
          seen.push(...page.results.map((hit) => hit.id));
          if (page.next === null) break;
        }
        const label = JSON.stringify(query);
        assert.equal(seen.length, whole.total, `${label}: every result once`);
        assert.equal(new Set(seen).size, seen.length, `${label}: no result twice`);
        assert.ok(seen.length > FACET_SAMPLE, `${label}: past the facets' sample`);
        assert.deepEqual(seen.slice(0, 100), whole.results.map((hit) => hit.id), `${label}: the same order as one big page`);
      }
    } finally {
      store.close();
    }
  });

  it('a file that is not a store is reported, not overwritten', () => {
    const path = join(dir, 'not-a-db.db');
    writeFileSync(path, 'these are not the bytes of an SQLite database, but they are long enough to look like a header '.repeat(20));
    assert.throws(() => openStore(path), (error: Error & { code?: string }) => error.code === 'STORE_CORRUPT' && /not a Dateline store/.test(error.message));
    assert.throws(() => openStore(join(dir, 'missing.db'), { readonly: true }), (error: Error & { code?: string }) => error.code === 'STORE_FAILED' || error.code === 'STORE_CORRUPT');
  });
});
