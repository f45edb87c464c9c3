/**
 * Ingest of web archives: every response, resource and revisit record accounted for
 * (stored, duplicate, or skipped with its reason), a cut archive read to its last
 * complete record and reported, and an ingest stopped half-way finishing on the next run
 * with the same result as one that never stopped.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { ingest } from '../src/collect/ingest.js';
import { openStore } from '../src/store/sqlite/index.js';
import { articlePage, listPage, wikinews } from './helpers/pages.js';
import { metadata, request, resource, response, revisit, warcinfo, writeWarc, type WarcRecordSpec } from './helpers/warc.js';

const html = (i: number) => articlePage(wikinews()[i]!, 0, `https://archive.test/a/${i}.html`);
const HTML: readonly [string, string] = ['Content-Type', 'text/html; charset=utf-8'];

function records(): WarcRecordSpec[] {
  return [
    warcinfo(),
    request('https://archive.test/a/1.html'),
    response('https://archive.test/a/1.html', { headers: [HTML], body: html(1) }),
    response('https://archive.test/a/2.html', { headers: [HTML, ['Content-Encoding', 'gzip']], body: gzipSync(html(2)), chunkSize: 1000 }),
    // Stored decoded by the archiver, with the Content-Encoding header kept.
    response('https://archive.test/a/11.html', { headers: [HTML, ['Content-Encoding', 'gzip']], body: html(11) }),
    response('https://archive.test/gone.html', { status: 404, headers: [HTML], body: 'not here' }),
    response('https://archive.test/logo.jpg', { headers: [['Content-Type', 'image/jpeg']], body: new Uint8Array(5000).fill(7) }),
    response('https://archive.test/old.html', { status: 301, headers: [['Location', '/a/1.html']] }),
    revisit('https://archive.test/a/1.html', '<urn:uuid:original>'),
    metadata('https://archive.test/a/1.html', 'fetchTimeMs: 120'),
    resource('https://archive.test/a/3.html', 'text/html', html(3)),
    response('https://archive.test/front.html', { headers: [HTML], body: listPage(3) }),
    ...[4, 5, 6, 7, 8].map((i) => response(`https://archive.test/a/${i}.html`, { headers: [HTML], body: html(i) })),
  ];
}

describe('ingest: web archives', { timeout: 120_000 }, () => {
  let dir: string;
  let archive: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dateline-warc-'));
    archive = join(dir, 'crawl.warc.gz');
    await writeWarc(archive, records(), 'per-record');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('every response, resource and revisit record ends stored, duplicate or skipped with its reason', async () => {
    const store = openStore(join(dir, 'a.db'));
    try {
      const summary = await ingest([archive], { store, readers: 2 });
      const status = store.status();
      assert.equal(status.states.pending, 0);
      assert.equal(summary.states.failed, 0);
      // 14 records that are inputs (not the warcinfo, request or metadata), and the archive itself.
      assert.equal(status.kinds['warc']?.stored, 1);
      const records = Object.values(status.kinds).reduce((n, k) => n + Object.values(k).reduce((a, b) => a + (b ?? 0), 0), 0) - 1;
      assert.equal(records, 14);
      assert.equal(status.articles, 9, 'a/1, a/2 (gzip, chunked), a/11 (decoded already), a/3 (resource), a/4–a/8');
      assert.equal(status.codes['HTTP_404'], 1);
      assert.equal(status.codes['HTTP_301'], 1);
      assert.equal(status.codes['NOT_HTML'], 1);
      assert.equal(status.codes['NOT_ARTICLE'], 1);
      assert.equal(status.codes['DUPLICATE_URL'], 1, 'the revisit repeats a/1');
      const urls = [...store.exportArticles()].map((a) => a.url);
      assert.ok(urls.includes('https://archive.test/a/2.html'));
    } finally {
      store.close();
    }
  });

  it('a cut archive: every complete record is read, the archive fails with WARC_TRUNCATED', async () => {
    const cut = join(dir, 'cut.warc.gz');
    const bytes = readFileSync(archive);
    writeFileSync(cut, bytes.subarray(0, bytes.length - 200));
    const store = openStore(join(dir, 'cut.db'));
    try {
      await ingest([cut], { store, readers: 1 });
      const status = store.status();
      assert.equal(status.codes['WARC_TRUNCATED'], 1);
      assert.equal(status.kinds['file']?.failed, 1, 'the archive itself');
      assert.equal(status.articles, 8, 'all but the last, cut, record');
      assert.equal(status.states.pending, 0);
    } finally {
      store.close();
    }
  });

  it('stopped half-way, then run again: the same result as a run that never stopped', async () => {
    const store = openStore(join(dir, 'stopped.db'));
    try {
      const controller = new AbortController();
      let finished = 0;
      await ingest([archive], {
        store,
        readers: 1,
        signal: controller.signal,
        onEvent: (event) => {
          if (event.type === 'finished' && ++finished === 4) controller.abort();
        },
      });
      assert.ok(store.status().states.pending > 0, 'the first run stopped with work left');
      await ingest([archive], { store, readers: 2 });
      const clean = openStore(join(dir, 'a.db'), { readonly: true });
      try {
        assert.deepEqual(store.status().states, clean.status().states);
        assert.deepEqual(store.status().codes, clean.status().codes);
        assert.deepEqual(
          [...store.exportArticles()].map((a) => a.json).sort(),
          [...clean.exportArticles()].map((a) => a.json).sort(),
        );
      } finally {
        clean.close();
      }
    } finally {
      store.close();
    }
  });
});
