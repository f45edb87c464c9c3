/**
 * Ingest of a folder, through the library as a program calls it: every file accounted
 * for, copies found, the same ingest twice storing nothing new, export as `dateline read`
 * prints plus id, url and ingestedAt.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ingest, type IngestEvent } from '../src/collect/ingest.js';
import { openStore } from '../src/store/sqlite/index.js';
import { writePageFolder } from './helpers/pages.js';

describe('ingest: a folder of pages', { timeout: 120_000 }, () => {
  let dir: string;
  let pages: string;
  let files: number;
  const plan = { articles: 40, copies: 4, lists: 3, binaries: 2, empties: 2 };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'dateline-ingest-'));
    pages = join(dir, 'pages');
    files = writePageFolder(pages, plan);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('accounts for every file: stored, duplicate or skipped with its reason', async () => {
    const store = openStore(join(dir, 'a.db'));
    const events: IngestEvent[] = [];
    try {
      const summary = await ingest([pages], { store, readers: 2, onEvent: (e) => events.push(e) });
      assert.equal(summary.states.failed, 0);
      const status = store.status();
      assert.equal(status.states.pending, 0);
      assert.equal(status.states.stored + status.states.duplicate + status.states.skipped + status.states.failed, files);
      assert.equal(status.states.stored, plan.articles);
      assert.equal(status.states.duplicate, plan.copies);
      assert.equal(status.codes['DUPLICATE_BYTES'], plan.copies);
      assert.equal(status.codes['NOT_ARTICLE'], plan.lists);
      assert.equal(status.codes['INPUT_BINARY'] ?? status.codes['NOT_HTML'], plan.binaries);
      assert.equal(status.codes['INPUT_EMPTY'], plan.empties);
      assert.equal(status.articles, plan.articles);
      const finished = events.filter((e) => e.type === 'finished');
      assert.equal(finished.length, files, 'one event per item');
    } finally {
      store.close();
    }
  });

  it('the same ingest run twice stores nothing new and accepts nothing twice', async () => {
    const store = openStore(join(dir, 'a.db'));
    try {
      const before = store.status();
      const summary = await ingest([pages], { store, readers: 1 });
      assert.deepEqual(summary.states, { pending: 0, stored: 0, duplicate: 0, skipped: 0, failed: 0 });
      assert.deepEqual(store.status().states, before.states);
      assert.equal(store.status().articles, before.articles);
    } finally {
      store.close();
    }
  });

  it('exports each stored article as dateline read prints it, plus id, url and ingestedAt', () => {
    const store = openStore(join(dir, 'a.db'), { readonly: true });
    try {
      const lines = [...store.exportArticles()];
      assert.equal(lines.length, plan.articles);
      for (const line of lines) {
        const article = JSON.parse(line.json) as { headline: string; text: string; entities: unknown[]; source: { path: string }; canonicalUrl: string };
        assert.ok(article.headline.length > 0);
        assert.ok(article.text.includes(article.headline));
        assert.ok(Array.isArray(article.entities));
        assert.match(article.source.path, /article-\d+\.html$/);
        assert.equal(line.url, article.canonicalUrl, 'a local file is known by its canonical URL');
        assert.ok(!Number.isNaN(Date.parse(line.ingestedAt)));
      }
    } finally {
      store.close();
    }
  });

  it('a full disk stops the run with STORE_FAILED; what was not saved stays pending, and reads go on', async () => {
    const path = join(dir, 'full.db');
    const store = openStore(path);
    try {
      const db = (store as unknown as { db: { pragma(sql: string, options?: { simple: boolean }): unknown } }).db;
      const used = db.pragma('page_count', { simple: true }) as number;
      // Room for a few more pages only: the disk "fills" a few articles in.
      db.pragma(`max_page_count = ${used + 40}`);
      await assert.rejects(ingest([pages], { store, readers: 1 }), (error: Error & { code?: string }) => error.code === 'STORE_FAILED');
      const status = store.status();
      assert.ok(status.states.pending > 0, 'the items not saved are still pending');
      assert.ok(status.states.stored > 0, 'those saved before the disk filled are kept');
    } finally {
      store.close();
    }
    // Room again (a bigger disk): the same ingest finishes the job.
    const again = openStore(path);
    try {
      await ingest([pages], { store: again, readers: 2 });
      assert.equal(again.status().states.pending, 0);
      assert.equal(again.status().articles, plan.articles);
    } finally {
      again.close();
    }
  });

  it('a second writer is refused while the first holds the store', () => {
    const store = openStore(join(dir, 'a.db'));
    try {
      // The lock of a live process other than this one (the test runner's parent).
      (store as unknown as { db: { prepare(sql: string): { run(...args: unknown[]): void } } }).db
        .prepare('UPDATE writer_lock SET pid = ? WHERE id = 1')
        .run(process.ppid);
      assert.throws(() => openStore(join(dir, 'a.db')), (error: Error & { code?: string }) => error.code === 'STORE_BUSY');
    } finally {
      store.close();
    }
  });
});
