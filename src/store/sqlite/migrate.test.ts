import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { openStore } from './index.js';
import { MIGRATIONS } from './migrations.js';

/** A store as Dateline left it before search existed (schema version 2), with one article. */
function versionTwoStore(path: string): void {
  const db = new Database(path);
  for (const migration of MIGRATIONS.slice(0, 2)) if (typeof migration === 'string') db.exec(migration);
  db.pragma('user_version = 2');
  const now = '2024-05-01T00:00:00Z';
  db.prepare("INSERT INTO sources (id, key, kind, location, created_at) VALUES (1, 'k', 'folder', 'pages', ?)").run(now);
  db.prepare("INSERT INTO items (id, source_id, key, kind, state, created_at, updated_at) VALUES (1, 1, 'a.html', 'file', 'stored', ?, ?)").run(now, now);
  const doc = { headline: 'Summit in Samarkand', body: 'Leaders met for the summit. Putin said it went well.', siteName: 'Example News', dateline: { place: 'Samarkand' } };
  db.prepare(
    `INSERT INTO articles (id, item_id, url, raw_hash, text_hash, headline, published, language, doc, ingested_at)
     VALUES (1, 1, 'https://www.example.co.uk/2024/summit', 'r', 't', 'Summit in Samarkand', '2024-05-01', 'en', ?, ?)`,
  ).run(deflateRawSync(Buffer.from(JSON.stringify(doc))), now);
  db.prepare("INSERT INTO entities (id, type, key, name) VALUES (1, 'PER', 'vladimir putin', 'Vladimir Putin')").run();
  db.prepare("INSERT INTO article_entities (article_id, local_id, entity_id, name, roles, acronyms, mention_count) VALUES (1, 0, 1, 'Vladimir Putin', '[]', '[]', 1)").run();
  db.prepare("INSERT INTO quotes (article_id, start, \"end\", text, kind, speaker_entity_id) VALUES (1, 0, 5, 'it went well', 'reported', 1)").run();
  // One man under two spellings, as stores kept them before collection entities.
  db.prepare("INSERT INTO entities (id, type, key, name) VALUES (2, 'PER', 'françois hollande', 'François Hollande'), (3, 'PER', 'francois hollande', 'Francois Hollande')").run();
  db.prepare("INSERT INTO article_entities (article_id, local_id, entity_id, name, roles, acronyms, mention_count) VALUES (1, 1, 2, 'François Hollande', '[]', '[]', 1), (1, 2, 3, 'Francois Hollande', '[]', '[]', 1)").run();
  db.prepare("INSERT INTO quotes (article_id, start, \"end\", text, kind, speaker_entity_id) VALUES (1, 6, 9, 'agreed', 'reported', 3)").run();
  // A country under its short form, as stores kept it before countries were folded.
  db.prepare("INSERT INTO entities (id, type, key, name) VALUES (4, 'LOC', 'us', 'US')").run();
  db.prepare("INSERT INTO article_entities (article_id, local_id, entity_id, name, roles, acronyms, mention_count) VALUES (1, 3, 4, 'US', '[]', '[]', 1)").run();
  db.close();
}

describe('store migrations', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'dateline-migrate-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('brings a store from before search up to date: its articles searchable, filterable and faceted', () => {
    const path = join(dir, 'old.db');
    versionTwoStore(path);
    // A reader cannot migrate: it says how to bring the store up to date, and changes nothing.
    assert.throws(
      () => openStore(path, { readonly: true }),
      (error: Error & { code?: string }) => error.code === 'STORE_OUTDATED' && /open it for writing once/u.test(error.message),
    );
    const store = openStore(path);
    try {
      const page = store.search({ q: 'summit' });
      assert.equal(page.total, 1);
      assert.deepEqual(
        page.results.map((hit) => [hit.id, hit.site, hit.dateline, hit.quotes]),
        [[1, 'example.co.uk', 'Samarkand', 2]],
      );
      assert.deepEqual(
        page.facets.people.map(({ value, count }) => [value, count]),
        [
          ['Vladimir Putin', 1],
          ['François Hollande', 1],
        ],
        'facets count the two spellings as one person',
      );
      assert.equal(store.search({ person: 'Putin', place: 'Samarkand', site: 'example.co.uk' }).total, 1);
      assert.equal(store.entities({ q: 'put' }).results[0]?.articles, 1);
      // Two spellings of one name are merged into one entity, with the quote of either.
      const hollande = store.entities({ q: 'hollande' }).results;
      assert.equal(hollande.length, 1);
      assert.equal(store.entity(hollande[0]!.id)?.quoteCount, 1);
      assert.equal(store.entity(3)?.id, hollande[0]!.id, 'the merged id leads to the entity');
      // A country's short form is merged into the country.
      assert.deepEqual(store.entities({ type: 'place' }).results.map((e) => [e.name, e.articles]), [['United States', 1]]);
      assert.equal(store.search({ place: 'US' }).total, 1);
      assert.match(store.article(1)?.json ?? '', /"headline":"Summit in Samarkand"/u);
      const exported = [...store.exportArticles()];
      assert.equal(exported.length, 1);
      // Articles stored before Link are linked by the migration: a story of their own, no copy.
      assert.equal(typeof exported[0]?.story, 'number');
      assert.equal(exported[0]?.duplicateOf, null);
      assert.deepEqual(store.status().kinds, { file: { stored: 1 } }, 'ingest health counted as before');
    } finally {
      store.close();
    }
    // Ingest health is counted from indexes alone: the items themselves are never read for it.
    const db = new Database(path, { readonly: true });
    try {
      for (const sql of ['SELECT state, kind, count(*) FROM items GROUP BY state, kind', 'SELECT source_id, state, count(*) FROM items GROUP BY source_id, state']) {
        const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((row) => row.detail).join('; ');
        assert.match(plan, /COVERING INDEX/u, sql);
      }
    } finally {
      db.close();
    }
  });
});
