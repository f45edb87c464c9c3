import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FeedError, parseFeed, sniffFeedKind } from './index.js';

/** What `run` returns and the CPU milliseconds it took (wall time on a shared machine would make bounds flaky). */
function timed<T>(run: () => T): { result: T; ms: number } {
  const started = process.cpuUsage();
  const result = run();
  const used = process.cpuUsage(started);
  return { result, ms: (used.user + used.system) / 1_000 };
}

function assertFeedInvalid(run: () => unknown, message?: RegExp): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof FeedError, `expected FeedError, got ${String(error)}`);
    assert.equal(error.code, 'FEED_INVALID');
    if (message !== undefined) assert.match(error.message, message);
    return true;
  });
}

test('X-1: a billion-laughs DOCTYPE is never expanded; the items still read, fast', () => {
  const lols = ['<!ENTITY lol "lol">'];
  for (let i = 1; i <= 9; i++) lols.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
  const xml = `<?xml version="1.0"?>
<!DOCTYPE rss [
  ${lols.join('\n  ')}
]>
<rss version="2.0"><channel><title>&lol9;</title>
  <item><title>Laugh &lol9; &lol;</title><link>https://laughs.example/1</link></item>
</channel></rss>`;
  const { result: feed, ms } = timed(() => parseFeed(xml));
  assert.ok(ms < 1_000, `took ${ms.toFixed(0)} ms`);
  assert.equal(feed.title, '&lol9;');
  assert.deepEqual(feed.entries, [{ url: 'https://laughs.example/1', title: 'Laugh &lol9; &lol;' }]);
  assert.ok(!JSON.stringify(feed).includes('lollol'));
});

test('X-1: external entities (file:, http://169.254.169.254/) are never resolved; the reference stays as text', () => {
  const xml = `<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY xxe SYSTEM "file:///etc/passwd">
  <!ENTITY meta SYSTEM "http://169.254.169.254/latest/meta-data/">
  <!ENTITY % remote SYSTEM "http://169.254.169.254/evil.dtd"> %remote;
]>
<rss version="2.0"><channel><title>&xxe;</title>
  <item><title>&meta;</title><link>https://xxe.example/&xxe;</link></item>
  <item><title>plain</title><link>https://xxe.example/2</link></item>
</channel></rss>`;
  const feed = parseFeed(xml);
  assert.equal(feed.title, '&xxe;');
  assert.deepEqual(feed.entries, [
    { url: 'https://xxe.example/&xxe;', title: '&meta;' },
    { url: 'https://xxe.example/2', title: 'plain' },
  ]);
  assert.ok(!JSON.stringify(feed).includes('root:'));
});

test('X-1: a DOCTYPE whose entity values hold markup does not inject items', () => {
  const xml = `<!DOCTYPE rss [ <!ENTITY x "<item><link>https://injected.example/</link></item>"> ]>
<rss><channel><item><link>https://real.example/</link></item></channel></rss>`;
  assert.deepEqual(
    parseFeed(xml).entries.map((entry) => entry.url),
    ['https://real.example/'],
  );
});

test('X-1: no file in this folder can do I/O: nothing imports fs, net, http, dns or a fetch client', () => {
  const folder = fileURLToPath(new URL('.', import.meta.url));
  const forbidden = /from '(?:node:)?(?:fs|fs\/promises|net|tls|http|https|http2|dns|child_process)'|from 'undici'|\bfetch\(/;
  for (const name of readdirSync(folder)) {
    if (!name.endsWith('.ts') || name.endsWith('.test.ts')) continue;
    assert.doesNotMatch(readFileSync(`${folder}${name}`, 'utf8'), forbidden, name);
  }
});

test('X-2: a million &#65; references decode in bounded time', () => {
  const xml = `<rss><channel><item><title>${'&#65;'.repeat(1_000_000)}</title><link>https://a.example/</link></item></channel></rss>`;
  const { result: feed, ms } = timed(() => parseFeed(xml));
  assert.ok(ms < 1_000, `took ${ms.toFixed(0)} ms`);
  assert.equal(feed.entries[0]?.title?.length, 1_000_000);
  assert.match(feed.entries[0]?.title ?? '', /^A+$/);
});

test('X-2: five DOCTYPE declarations in one feed are all removed, in bounded time', () => {
  const doctype = '<!DOCTYPE rss [ <!ENTITY a "aaaaaaaaaa"> <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"> ]>';
  const xml = `${doctype}${doctype}<rss>${doctype}<channel>${doctype}<item><title>&b;</title><link>https://a.example/</link></item>${doctype}</channel></rss>`;
  const { result: feed, ms } = timed(() => parseFeed(xml));
  assert.ok(ms < 1_000, `took ${ms.toFixed(0)} ms`);
  assert.deepEqual(feed.entries, [{ url: 'https://a.example/', title: '&b;' }]);
});

test('X-2: many unterminated DOCTYPEs cost one pass, not one pass each', () => {
  const xml = `<rss><channel><item><link>https://a.example/</link></item>${'<!DOCTYPE x "'.repeat(200_000)}</channel></rss>`;
  const { ms } = timed(() => parseFeed(xml));
  assert.ok(ms < 2_000, `took ${ms.toFixed(0)} ms`);
});

test('elements nested deeper than 512 are refused quickly, not parsed for seconds', () => {
  const xml = `<rss><channel>${'<x>'.repeat(100_000)}</channel></rss>`;
  const { ms } = timed(() => assertFeedInvalid(() => parseFeed(xml), /nested more than 512/));
  assert.ok(ms < 1_000, `took ${ms.toFixed(0)} ms`);
});

test('malformed XML still yields its entries: unclosed tags, stray &, a truncated end', () => {
  const xml = `<rss version="2.0"><channel><title>Broken & proud</title>
  <item><title>Unclosed <b>bold</title><link>https://m.example/1?a=1&b=2</link><description>x <br> y <p>z</description></item>
  <item><title>Stray < sign & ampersand &copy that</title><link>https://m.example/2</link></item>
  <item><br><link>https://m.example/3</link><pubDate>Wed, 01 May 2024 10:00:00 GMT</pubDate></item>
  <item><title>Cut off</title><link>https://m.example/4</link>`;
  const feed = parseFeed(xml);
  assert.equal(feed.title, 'Broken & proud');
  assert.deepEqual(
    feed.entries.map((entry) => entry.url),
    ['https://m.example/1?a=1&b=2', 'https://m.example/2', 'https://m.example/3', 'https://m.example/4'],
  );
  assert.equal(feed.entries[2]?.published, '2024-05-01T10:00:00Z');
});

test('an unclosed <item> does not swallow the next ones or reorder them', () => {
  const feed = parseFeed(`<rss><channel>
    <item><link>https://u.example/1</link>
    <item><link>https://u.example/2</link></item>
    <item><link>https://u.example/3</link></item>
  </channel></rss>`);
  assert.deepEqual(
    feed.entries.map((entry) => entry.url),
    ['https://u.example/1', 'https://u.example/2', 'https://u.example/3'],
  );
});

test('a BOM, blank lines, comments and a PHP warning before the root do not matter', () => {
  const xml = `\uFEFF\n\n   <br />\n<b>Warning</b>:  Undefined variable $x in <b>/var/www/feed.php</b> on line <b>12</b><br />
<?xml version="1.0"?><!-- generated --><rss><channel><item><link>https://w.example/1</link></item></channel></rss>`;
  assert.equal(sniffFeedKind(xml), 'rss');
  assert.deepEqual(
    parseFeed(xml).entries.map((entry) => entry.url),
    ['https://w.example/1'],
  );
});

test('non-http(s) links are dropped and counted by cause', () => {
  const links = [
    'javascript:alert(1)',
    'JavaScript:void(0)',
    'data:text/html,<script>alert(1)</script>',
    'mailto:someone@example.com',
    'ftp://files.example.com/a',
    'file:///etc/passwd',
    'http://',
    'https://exa mple.com/',
    'https://ok.example/',
  ];
  const items = links.map((link) => `<item><link><![CDATA[${link}]]></link></item>`).join('');
  const feed = parseFeed(`<rss><channel>${items}<item><title>no link</title></item></channel></rss>`);
  assert.deepEqual(
    feed.entries.map((entry) => entry.url),
    ['https://ok.example/'],
  );
  assert.deepEqual(feed.dropped, { scheme: 6, invalid: 2, overLimit: 0, missingLink: 1 });
});

test('text that is no feed throws FeedError FEED_INVALID with a message saying why', () => {
  assertFeedInvalid(() => parseFeed(''), /empty/);
  assertFeedInvalid(() => parseFeed(' \n\uFEFF'), /empty/);
  assertFeedInvalid(() => parseFeed('<!DOCTYPE html><html><head><title>x</title></head></html>'), /HTML page/);
  assertFeedInvalid(() => parseFeed('just some words'), /No XML root/);
  assertFeedInvalid(() => parseFeed('<note><to>Tove</to></note>'), /<note>/);
  assertFeedInvalid(() => parseFeed('{"items": []}'), /version/);
  assertFeedInvalid(() => parseFeed('{"version": "https://jsonfeed.org/version/1.1", '), /does not parse/);
  assertFeedInvalid(
    () => parseFeed('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description/></rdf:RDF>'),
    /RDF/,
  );
  const error = new FeedError('x');
  assert.deepEqual(JSON.parse(JSON.stringify(error)), { code: 'FEED_INVALID', message: 'x' });
});

test('an empty but valid feed is not an error', () => {
  const feed = parseFeed('<rss version="2.0"><channel><title>Quiet</title></channel></rss>');
  assert.deepEqual(feed, {
    kind: 'rss',
    title: 'Quiet',
    entries: [],
    dropped: { scheme: 0, invalid: 0, overLimit: 0, missingLink: 0 },
  });
});

test('raw HTML in a feed with a thousand unclosed <br> and <img> tags does not count as deep nesting', () => {
  const html = '<p>line<br>'.repeat(600) + '<img src="a.png">'.repeat(600);
  const xml = `<rss><channel><item><title>T</title><description>${html}</description><link>https://h.example/1</link></item>
    <item><link>https://h.example/2</link></item></channel></rss>`;
  assert.throws(() => parseFeed(xml.replace(/<br>/g, '<span>')), FeedError);
  assert.deepEqual(
    parseFeed(xml.replace(/<p>/g, '')).entries.map((entry) => entry.url),
    ['https://h.example/1', 'https://h.example/2'],
  );
  // XHTML-style closing tags are harmless too.
  assert.deepEqual(parseFeed('<rss><channel><item><title>a<br></br>b</title><link>https://h.example/3</link></item></channel></rss>').entries, [
    { url: 'https://h.example/3', title: 'ab' },
  ]);
});
