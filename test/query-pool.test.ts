import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { QueryPool } from '../src/serve/query-pool.js';
import { openStore } from '../src/store/sqlite/index.js';

describe('query pool', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'dateline-pool-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('answers store questions from reader threads', async () => {
    const db = join(dir, 'empty.db');
    openStore(db).close();
    const pool = new QueryPool({ db, threads: 2 });
    try {
      const [page, status] = await Promise.all([pool.run('search', { q: 'anything' }), pool.run('status')]);
      assert.equal(page.total, 0);
      assert.equal(status.articles, 0);
    } finally {
      await pool.close();
    }
  });

  it('answers a store it cannot open with an error, and stops starting readers for it', async () => {
    const db = join(dir, 'not-a-store.db');
    writeFileSync(db, 'this is not a database, just text that is long enough to be read as a header'.repeat(20));
    const pool = new QueryPool({ db, threads: 2 });
    try {
      await assert.rejects(pool.run('search', {}), (error: Error & { code?: string }) => error.code === 'STORE_FAILED' || error.code === 'STORE_CORRUPT');
      // Give failing readers time to be replaced, if they were going to be, then ask again: still a prompt error, not a hang.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const started = Date.now();
      await assert.rejects(pool.run('status'), (error: Error & { code?: string }) => typeof error.code === 'string');
      assert.ok(Date.now() - started < 1000, 'refused at once');
    } finally {
      await pool.close();
    }
  });
});
