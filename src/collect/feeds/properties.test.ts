import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { discoverFeedLinks, FeedError, parseFeed, sniffFeedKind, type ParsedFeed } from './index.js';
import { normalizeDate } from './dates.js';

/** Pieces of feeds, sitemaps and hostile markup, so generated text reaches the interesting paths. */
const PIECES = [
  '<?xml version="1.0"?>', '\uFEFF', ' ', '\n', '>', '"', '/>',
  '<rss version="2.0">', '</rss>', '<channel>', '</channel>', '<item>', '</item>', '<link>', '</link>', '<link/>',
  '<guid>', '<guid isPermaLink="false">', '</guid>', '<title>', '</title>', '<pubDate>', '</pubDate>',
  '<feed xmlns="http://www.w3.org/2005/Atom">', '</feed>', '<entry>', '</entry>', '<link href="', '<link rel="alternate" href="',
  '<id>', '</id>', '<published>', '</published>', '<a:link xmlns:a="http://www.w3.org/2005/Atom" href="',
  '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">', '</rdf:RDF>', '<item rdf:about="',
  '<urlset>', '</urlset>', '<url>', '</url>', '<loc>', '</loc>', '<sitemapindex>', '<sitemap>', '<lastmod>',
  '<news:publication_date>', '</news:publication_date>', ' xml:base="', '<channel xml:base="',
  'http://a.example/', 'https://b.example/x?y=1&amp;z=2', 'HTTPS://C.EXAMPLE', 'javascript:alert(1)', 'data:,x',
  'mailto:a@b', '/rel', '../up', '//proto.example/p', 'http://', 'http://[::1', 'tag:x,2024:1',
  '&amp;', '&#65;', '&#x1F600;', '&nbsp;', '&', '&lol;', '<![CDATA[', ']]>', '<!--', '-->',
  '<!DOCTYPE x [', '<!ENTITY e "v">', '<!ENTITY x SYSTEM "file:///etc/passwd">', ']>', '&x;',
  'Wed, 01 May 2024 10:00:00 GMT', '2024-05-01T10:00:00+02:00', '2024-02-30',
  '{"version":"https://jsonfeed.org/version/1","items":[{"url":"', '"},{"external_url":"', '"}]}',
  '<html>', '<br />', '<b>Warning</b>',
];

const soup = fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((pieces) => pieces.join(''));
const noise = fc.array(fc.constantFrom(...PIECES), { maxLength: 2 }).map((pieces) => pieces.join(''));

/** Entry templates per kind, each taking a link value and a little noise. */
const ENTRY_TEMPLATES: ReadonlyArray<(link: string, junk: string) => string> = [
  (link, junk) => `<item>${junk}<link>${link}</link></item>`,
  (link, junk) => `<item><guid>${link}</guid>${junk}</item>`,
  (link, junk) => `<item><atom:link rel="alternate" href="${link}"/>${junk}</item>`,
  (link, junk) => `<entry xml:base="${junk}"><link href="${link}"/></entry>`,
  (link, junk) => `<entry><id>${link}</id>${junk}</entry>`,
  (link, junk) => `<url><loc>${link}</loc>${junk}</url>`,
  (link, junk) => `<sitemap><loc>${link}</loc><lastmod>${junk}</lastmod></sitemap>`,
];
const WRAPPERS: ReadonlyArray<(entries: string) => string> = [
  (entries) => `<rss><channel>${entries}</channel></rss>`,
  (entries) => `<feed xmlns="http://www.w3.org/2005/Atom">${entries}</feed>`,
  (entries) => `<urlset>${entries}</urlset>`,
  (entries) => `<sitemapindex>${entries}</sitemapindex>`,
  (entries) => `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">${entries}</rdf:RDF>`,
];
const linkValue = fc.oneof(
  fc.constantFrom('http://a.example/', 'https://b.example/x?y=1&amp;z=2', '/rel', '../up', '//p.example/q', 'javascript:x', 'mailto:a@b', 'http://', ' https://c.example/ '),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.string({ maxLength: 20 }),
);
/** Whole documents with entries in them, so the entry properties are not vacuous. */
const structured = fc
  .tuple(
    fc.constantFrom(...WRAPPERS),
    fc.array(fc.tuple(fc.constantFrom(...ENTRY_TEMPLATES), linkValue, noise), { maxLength: 12 }),
  )
  .map(([wrap, entries]) => wrap(entries.map(([template, link, junk]) => template(link, junk)).join('')));
const feedLike = fc.oneof(soup, structured, structured);
const anyText = fc.oneof(feedLike, fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 100 }));
const baseUrl = fc.constantFrom(undefined, 'https://base.example/feeds/main.xml', 'file:///tmp/feed.xml', 'http://x.example');

function parseOrFeedError(text: string, base: string | undefined, maxEntries?: number): ParsedFeed | undefined {
  try {
    return parseFeed(text, base, maxEntries === undefined ? {} : { maxEntries });
  } catch (error) {
    assert.ok(error instanceof FeedError, `threw ${String(error)}`);
    assert.equal(error.code, 'FEED_INVALID');
    assert.ok(error.message.length > 0 && !error.message.includes('\n'));
    return undefined;
  }
}

test('property: parseFeed throws nothing but FeedError, on any text', () => {
  fc.assert(
    fc.property(anyText, baseUrl, (text, base) => {
      parseOrFeedError(text, base);
    }),
    { seed: 20240501, numRuns: 2_000 },
  );
});

test('property: every entry URL is an absolute http(s) URL, listed once; dates are ISO; caps hold', () => {
  fc.assert(
    fc.property(feedLike, baseUrl, fc.integer({ min: 0, max: 5 }), (text, base, maxEntries) => {
      const feed = parseOrFeedError(text, base, maxEntries);
      if (feed === undefined) return;
      assert.ok(feed.entries.length <= maxEntries);
      assert.equal(new Set(feed.entries.map((entry) => entry.url)).size, feed.entries.length);
      for (const entry of feed.entries) {
        const url = new URL(entry.url);
        assert.ok(url.protocol === 'http:' || url.protocol === 'https:', entry.url);
        assert.equal(entry.url, entry.url.trim());
        if (entry.published !== undefined) assert.match(entry.published, /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}Z)?$/);
        if (entry.title !== undefined) assert.equal(entry.title, entry.title.trim());
      }
      if (feed.siteUrl !== undefined) assert.match(new URL(feed.siteUrl).protocol, /^https?:$/);
      for (const count of Object.values(feed.dropped)) assert.ok(Number.isInteger(count) && count >= 0);
    }),
    { seed: 7, numRuns: 2_000 },
  );
});

test('property: sniffing never throws, and agrees with parsing whenever both find a kind', () => {
  fc.assert(
    fc.property(anyText, (text) => {
      const sniffed = sniffFeedKind(text);
      const feed = parseOrFeedError(text, 'https://base.example/');
      if (sniffed !== null && feed !== undefined) assert.equal(feed.kind, sniffed);
    }),
    { seed: 99, numRuns: 2_000 },
  );
});

test('property: discoverFeedLinks never throws and returns only distinct http(s) URLs', () => {
  const html = fc
    .array(
      fc.constantFrom(
        '<link rel="alternate" type="application/rss+xml" href="', '<base href="', '">', '"/>', '/feed', 'https://f.example/a',
        'javascript:x', '<head>', '<LINK REL=ALTERNATE TYPE=application/atom+xml HREF=', '&amp;', ' ', '<!--', '-->',
      ),
      { maxLength: 30 },
    )
    .map((pieces) => pieces.join(''));
  fc.assert(
    fc.property(fc.oneof(html, fc.string()), fc.constantFrom('https://page.example/a/b', 'not a url', ''), (text, page) => {
      const links = discoverFeedLinks(text, page);
      assert.equal(new Set(links).size, links.length);
      for (const link of links) assert.match(new URL(link).protocol, /^https?:$/);
    }),
    { seed: 3, numRuns: 1_000 },
  );
});

test('property: a normalised date is a real instant or day, and normalising it again changes nothing', () => {
  fc.assert(
    fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }), fc.integer({ min: -12 * 60, max: 14 * 60 }), (date, offset) => {
      const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
      assert.equal(normalizeDate(iso), iso);
      // The same instant written with an offset and as RFC 822 reads back to it.
      const local = new Date(date.getTime() + offset * 60_000);
      const sign = offset < 0 ? '-' : '+';
      const zone = `${sign}${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}${String(Math.abs(offset) % 60).padStart(2, '0')}`;
      const rfc822 = local.toUTCString().replace('GMT', zone);
      assert.equal(normalizeDate(rfc822), iso, rfc822);
    }),
    { seed: 11, numRuns: 1_000 },
  );
});
