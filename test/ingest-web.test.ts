/**
 * Ingest from the web, against a real HTTP server on loopback with names from an
 * injected resolver (`news.test` → 127.0.0.1): a feed with articles, robots.txt rules,
 * a missing page, a flaky one, a redirect and a non-article; politeness per host;
 * a second run asking only for what changed; a site's home page leading to its feed; a
 * gzipped sitemap; and `--list` in feed order.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { ingest, type IngestOptions } from '../src/collect/ingest.js';
import { listSources, type ListedEntry } from '../src/collect/list.js';
import { openStore } from '../src/store/sqlite/index.js';
import type { SqliteStore } from '../src/store/sqlite/index.js';
import { startOrigin, text, type Handler, type Origin } from './helpers/origin.js';
import { articlePage, listPage, wikinews } from './helpers/pages.js';

const DELAY_MS = 120;

describe('ingest: feeds, sites and sitemaps from a loopback server', { timeout: 120_000 }, () => {
  let dir: string;
  let origin: Origin;
  let store: SqliteStore;
  let base = '';
  const starts: { path: string; at: number; ifNoneMatch?: string }[] = [];
  let flaky = 0;
  let feedDown = false;

  const page = (i: number): Handler => text(articlePage(wikinews()[i]!, 0, `${base}/a/${i}.html`), { headers: { 'content-type': 'text/html; charset=utf-8' } });
  const rss = (paths: string[]) =>
    `<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><link>${base}/</link>` +
    paths.map((path, i) => `<item><title>Item ${i}</title><link>${path.startsWith('/') ? base + path : path}</link><pubDate>Mon, 0${1 + (i % 9)} Jun 2020 10:00:00 GMT</pubDate></item>`).join('') +
    '</channel></rss>';
  let watched = ['/a/9.html'];
  const FEED = ['/a/1.html', '/a/2.html', '/private/3.html', '/missing.html', '/flaky.html', '/moved.html', '/a/1.html?utm_source=rss', '/listing.html'];

  const options = (): IngestOptions => ({
    store,
    readers: 1,
    network: { fetcher: { resolver: async (host) => (host === 'news.test' ? ['127.0.0.1'] : []), allowAddresses: [`127.0.0.1:${origin.port}`] }, hosts: { delayMs: DELAY_MS } },
    retry: { baseMs: 20, capMs: 50 },
  });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dateline-web-'));
    const log =
      (handler: Handler): Handler =>
      (req, res, ctx) => {
        starts.push({ path: ctx.url.pathname, at: performance.now(), ...(typeof req.headers['if-none-match'] === 'string' ? { ifNoneMatch: req.headers['if-none-match'] } : {}) });
        return handler(req, res, ctx);
      };
    origin = await startOrigin({
      '/robots.txt': log(text(`User-agent: *\nDisallow: /private/\n\nSitemap: http://news.test:PORT/sitemap.xml.gz\n`)),
      '/feed.xml': log((req, res) => {
        if (feedDown) {
          res.writeHead(500);
          return void res.end();
        }
        if (req.headers['if-none-match'] === '"v1"') {
          res.writeHead(304, { etag: '"v1"' });
          return void res.end();
        }
        res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' });
        res.end(rss(FEED));
      }),
      '/feed2.xml': log(text(rss(['/a/1.html', '/a/5.html']), { headers: { 'content-type': 'application/rss+xml' } })),
      '/': log(text(`<!doctype html><html><head><title>News</title><link rel="alternate" type="application/rss+xml" href="/feed2.xml"></head><body>${listPage(1)}</body></html>`, { headers: { 'content-type': 'text/html' } })),
      '/sitemap.xml.gz': log((_req, res) => {
        const xml = `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${base}/a/6.html</loc></url><url><loc>${base}/a/7.html</loc></url></urlset>`;
        res.writeHead(200, { 'content-type': 'application/x-gzip' });
        res.end(gzipSync(xml));
      }),
      '/a/1.html': log(page(1)),
      '/a/2.html': log(page(2)),
      '/a/4.html': log(page(4)),
      '/a/5.html': log(page(5)),
      '/a/6.html': log(page(6)),
      '/a/7.html': log(page(7)),
      '/private/3.html': log(page(3)),
      '/flaky.html': log((req, res, ctx) => (++flaky < 3 ? text('busy', { status: 503 })(req, res, ctx) : page(8)(req, res, ctx))),
      '/moved.html': log((_req, res) => {
        res.writeHead(301, { location: '/a/4.html' });
        res.end();
      }),
      '/listing.html': log(text(listPage(2), { headers: { 'content-type': 'text/html' } })),
      '/watched.xml': log((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(rss(watched));
      }),
      '/a/9.html': log(page(9)),
      '/a/10.html': log(page(10)),
      '/down.html': log(text('down for maintenance', { status: 503 })),
    });
    base = `http://news.test:${origin.port}`;
    store = openStore(join(dir, 'web.db'));
  });
  after(async () => {
    store.close();
    await origin.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a feed: every entry ends stored, duplicate, skipped or failed, for the right reason', async () => {
    const summary = await ingest([`${base}/feed.xml`], options());
    const status = store.status();
    assert.equal(status.states.pending, 0, JSON.stringify(status));
    // The feed itself, and 7 distinct entries (the utm_source copy is the same address).
    assert.deepEqual(summary.states, { pending: 2, stored: 5, duplicate: 0, skipped: 2, failed: 1 });
    assert.equal(status.kinds['feed']?.stored, 1);
    assert.equal(status.codes['ROBOTS_DISALLOWED'], 1);
    assert.equal(origin.hits('/private/3.html'), 0, 'a disallowed page is never requested');
    assert.equal(status.codes['FETCH_HTTP_404'], 1);
    assert.equal(status.codes['NOT_ARTICLE'], 1);
    assert.equal(flaky, 3, 'the 503s were retried until the page came');
    assert.equal(status.articles, 4, '/a/1, /a/2, /flaky and /moved (as /a/4)');
    const exported = [...store.exportArticles()].map((a) => a.url);
    assert.ok(exported.includes(`${base}/a/4.html`), 'a redirected page is stored under its final address');
  });

  it('one request at a time per host, spaced by the delay', () => {
    const times = starts.map((s) => s.at).sort((a, b) => a - b);
    assert.ok(times.length >= 8);
    for (let i = 1; i < times.length; i++) {
      const gap = times[i]! - times[i - 1]!;
      // robots.txt is exempt: it is fetched just before the first page of a host.
      if (starts.find((s) => s.at === times[i])?.path === '/robots.txt' || starts.find((s) => s.at === times[i - 1])?.path === '/robots.txt') continue;
      assert.ok(gap >= DELAY_MS - 15, `requests ${gap.toFixed(0)} ms apart`);
    }
  });

  it('the same ingest again asks for the feed with its ETag and stores nothing new', async () => {
    const before = store.status();
    const summary = await ingest([`${base}/feed.xml`], options());
    assert.deepEqual(summary.states, { pending: 0, stored: 0, duplicate: 0, skipped: 0, failed: 0 });
    assert.deepEqual(store.status().states, before.states);
    assert.equal(starts.filter((s) => s.path === '/feed.xml').at(-1)?.ifNoneMatch, '"v1"');
  });

  it('a feed that fails when polled again is shown by status, and nothing else changes', async () => {
    feedDown = true;
    try {
      const before = store.status();
      await ingest([`${base}/feed.xml`], options());
      const status = store.status();
      assert.deepEqual(status.states, before.states);
      assert.equal(status.failedPolls.length, 1);
      assert.equal(status.failedPolls[0]?.url, `${base}/feed.xml`);
      assert.match(status.failedPolls[0]?.error ?? '', /^FETCH_HTTP_500/);
    } finally {
      feedDown = false;
    }
    await ingest([`${base}/feed.xml`], options());
    assert.equal(store.status().failedPolls.length, 0, 'a poll that works again clears it');
  });

  it("a site's home page leads to its feed; an article already stored is a duplicate", async () => {
    await ingest([`${base}/`], options());
    const status = store.status();
    assert.equal(status.kinds['site']?.stored, 1);
    assert.equal(status.codes['DUPLICATE_URL'], 1, '/a/1 came before from the other feed');
    assert.equal(status.articles, 5, 'and /a/5 is new');
  });

  it('a gzipped sitemap, served as a file', async () => {
    await ingest([`${base}/sitemap.xml.gz`], options());
    const status = store.status();
    assert.equal(status.kinds['sitemap']?.stored, 1);
    assert.equal(status.articles, 7);
  });

  it('--watch polls the feed again and takes up what is new, until stopped', async () => {
    const controller = new AbortController();
    let polls = 0;
    const run = ingest([`${base}/watched.xml`], {
      ...options(),
      watchMinutes: 0.005,
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === 'finished' && event.url?.endsWith('/a/9.html')) watched = ['/a/9.html', '/a/10.html'];
        if (event.type === 'finished' && event.url?.endsWith('/a/10.html')) controller.abort();
        if (event.type === 'accepted') polls++;
      },
    });
    const summary = await Promise.race([run, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('watch never saw the new entry')), 20_000))]);
    assert.equal(summary.interrupted, true);
    assert.ok(polls >= 2);
    const urls = [...store.exportArticles()].map((a) => a.url);
    assert.ok(urls.includes(`${base}/a/10.html`), 'the entry that appeared later was stored');
  });

  it('a host that keeps failing is suspended, its items stay pending, and other hosts go on', async () => {
    const other = `http://other.test:${origin.port}`;
    const own = openStore(join(dir, 'breaker.db'));
    try {
      const downs = [1, 2, 3, 4, 5, 6].map((i) => `${base}/down.html?n=${i}`);
      const summary = await ingest([...downs, `${other}/a/2.html`], {
        ...options(),
        store: own,
        network: { ...options().network, fetcher: { ...options().network!.fetcher, resolver: async (host) => (host.endsWith('.test') ? ['127.0.0.1'] : []) } },
        retry: { maxAttempts: 3, baseMs: 10, capMs: 20 },
        maxWaitMs: 500,
      });
      const status = own.status();
      assert.equal(status.states.stored, 1, 'the other host was not held up');
      assert.ok(status.states.pending > 0, 'items of the suspended host wait, not fail');
      assert.ok(status.states.failed < downs.length, JSON.stringify(status.states));
      assert.equal(summary.sources.pending, status.states.pending);
      assert.ok(origin.hits('/down.html') <= 5 + 1, `${origin.hits('/down.html')} requests to a suspended host`);
    } finally {
      own.close();
    }
  });

  it('--list prints the entries in feed order and fetches no article', async () => {
    const entries: ListedEntry[] = [];
    const hitsBefore = origin.hits('/a/1.html');
    const failures = await listSources([`${base}/feed.xml`], { network: options().network!, onEntry: (e) => void entries.push(e), onError: () => undefined });
    assert.equal(failures, 0);
    assert.deepEqual(
      entries.map((e) => e.url),
      FEED.map((path) => base + path),
    );
    assert.equal(entries[0]?.published, '2020-06-01T10:00:00Z');
    assert.equal(origin.hits('/a/1.html'), hitsBefore);
  });
});
