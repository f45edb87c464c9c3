import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeed } from './index.js';

/** CPU milliseconds `run` takes: time on a machine shared with other jobs would make the bounds flaky. */
function cpuMs(run: () => void): number {
  const started = process.cpuUsage();
  run();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1_000;
}

test('sitemap: a urlset with image and hreflang extensions gives its <loc>s and lastmods', () => {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"
        xmlns:xhtml="http://www.w3.org/1999/xhtml">
  <url>
    <loc>https://www.example.com/2024/05/01/story-one?ref=map&amp;page=1</loc>
    <lastmod>2024-05-01T10:15:00+00:00</lastmod>
    <changefreq>daily</changefreq>
    <priority>0.8</priority>
    <image:image><image:loc>https://cdn.example.com/img/one.jpg</image:loc></image:image>
    <xhtml:link rel="alternate" hreflang="fr" href="https://www.example.com/fr/story-one"/>
  </url>
  <url>
    <loc>
      https://www.example.com/2024/05/02/story-two
    </loc>
    <lastmod>2024-05-02</lastmod>
  </url>
  <url><loc>/relative/story-three</loc></url>
  <url><lastmod>2024-05-04</lastmod></url>
  <url><loc>ftp://files.example.com/story.txt</loc></url>
</urlset>`;
  const feed = parseFeed(xml, 'https://www.example.com/sitemap.xml');
  assert.equal(feed.kind, 'sitemap');
  assert.equal(feed.title, undefined);
  assert.deepEqual(feed.entries, [
    { url: 'https://www.example.com/2024/05/01/story-one?ref=map&page=1', published: '2024-05-01T10:15:00Z' },
    { url: 'https://www.example.com/2024/05/02/story-two', published: '2024-05-02' },
    { url: 'https://www.example.com/relative/story-three' },
  ]);
  assert.deepEqual(feed.dropped, { scheme: 1, invalid: 0, overLimit: 0, missingLink: 1 });
});

test('sitemap: a sitemap index lists its child sitemaps with lastmod as published', () => {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://www.example.com/sitemaps/news.xml</loc><lastmod>2024-05-02T06:00:00Z</lastmod></sitemap>
  <sitemap><loc>https://www.example.com/sitemaps/2024-04.xml.gz</loc></sitemap>
</sitemapindex>`;
  const feed = parseFeed(xml, 'https://www.example.com/sitemap_index.xml');
  assert.equal(feed.kind, 'sitemap-index');
  assert.deepEqual(feed.entries, [
    { url: 'https://www.example.com/sitemaps/news.xml', published: '2024-05-02T06:00:00Z' },
    { url: 'https://www.example.com/sitemaps/2024-04.xml.gz' },
  ]);
});

test('sitemap: a Google News sitemap gives publication dates and titles', () => {
  const xml = `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url>
    <loc>https://news.example.com/business/article55.html</loc>
    <lastmod>2024-05-03T00:00:00Z</lastmod>
    <news:news>
      <news:publication><news:name>The Example Times</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>2024-05-01T13:45:00+02:00</news:publication_date>
      <news:title>Companies A, B in Merger Talks &amp; more</news:title>
    </news:news>
  </url>
  <url>
    <loc>https://news.example.com/world/article56.html</loc>
    <lastmod>2024-05-02</lastmod>
    <news:news><news:publication_date>not a date</news:publication_date><news:title>Fallback to lastmod</news:title></news:news>
  </url>
</urlset>`;
  const feed = parseFeed(xml);
  assert.deepEqual(feed.entries, [
    {
      url: 'https://news.example.com/business/article55.html',
      published: '2024-05-01T11:45:00Z',
      title: 'Companies A, B in Merger Talks & more',
    },
    { url: 'https://news.example.com/world/article56.html', published: '2024-05-02', title: 'Fallback to lastmod' },
  ]);
});

test('sitemap: a mistyped or missing sitemap namespace still reads', () => {
  for (const xmlns of ['', ' xmlns="http://www.sitemaps.org/schemas/sitemap/0.9/"', ' xmlns="https://www.sitemaps.org/schemas/sitemap/0.9"']) {
    const feed = parseFeed(`<urlset${xmlns}><url><loc>https://a.example/1</loc></url></urlset>`);
    assert.deepEqual(feed.entries, [{ url: 'https://a.example/1' }], xmlns);
  }
});

test('sitemap: 50,001 URLs give 50,000 entries and one over the limit; maxEntries lowers the cap', () => {
  const urls: string[] = [];
  for (let i = 0; i < 50_001; i++) urls.push(`<url><loc>https://big.example/page/${i}</loc></url>`);
  const xml = `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.join('\n')}</urlset>`;
  let feed = parseFeed('<urlset/>');
  const elapsed = cpuMs(() => {
    feed = parseFeed(xml);
  });
  assert.equal(feed.entries.length, 50_000);
  assert.equal(feed.entries[49_999]?.url, 'https://big.example/page/49999');
  assert.deepEqual(feed.dropped, { scheme: 0, invalid: 0, overLimit: 1, missingLink: 0 });
  assert.ok(elapsed < 2_000, `took ${elapsed.toFixed(0)} ms`);

  const capped = parseFeed(xml, undefined, { maxEntries: 10 });
  assert.equal(capped.entries.length, 10);
  assert.equal(capped.dropped.overLimit, 49_991);
});

test('sitemap: an exact repeat of a URL is kept once, in first position; near-repeats are kept', () => {
  const feed = parseFeed(`<urlset>
    <url><loc>https://a.example/x</loc></url>
    <url><loc>https://a.example/y</loc></url>
    <url><loc>https://a.example/x</loc></url>
    <url><loc>https://a.example/x/</loc></url>
    <url><loc>HTTPS://a.example/x</loc></url>
  </urlset>`);
  assert.deepEqual(
    feed.entries.map((entry) => entry.url),
    ['https://a.example/x', 'https://a.example/y', 'https://a.example/x/', 'HTTPS://a.example/x'],
  );
});
