import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeed } from './index.js';

const NEWS_RSS = `\uFEFF
  <?xml version="1.0" encoding="UTF-8"?>
<?xml-stylesheet type="text/xsl" href="/feed.xsl"?>
<rss version="2.0"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:atom="http://www.w3.org/2005/Atom"
  xmlns:media="http://search.yahoo.com/mrss/">
<channel>
  <title>The Daily Example &#8211; World</title>
  <link>https://news.example.com/world/</link>
  <atom:link href="https://news.example.com/world/feed/" rel="self" type="application/rss+xml" />
  <description>Latest world news</description>
  <lastBuildDate>Thu, 02 May 2024 08:00:00 +0000</lastBuildDate>
  <image>
    <url>https://news.example.com/logo.png</url>
    <title>The Daily Example</title>
    <link>https://news.example.com/image-link</link>
  </image>
  <item>
    <title><![CDATA[Summit opens in Samarkand & leaders <em>arrive</em>]]></title>
    <link>https://news.example.com/world/2024/05/01/summit-opens?utm_source=rss&amp;utm_medium=feed</link>
    <dc:creator><![CDATA[Jane Doe]]></dc:creator>
    <pubDate>Wed, 01 May 2024 10:00:00 GMT</pubDate>
    <category><![CDATA[World]]></category>
    <guid isPermaLink="false">https://news.example.com/?p=1001</guid>
    <description><![CDATA[<p>Leaders gathered on Wednesday&hellip;</p>]]></description>
    <content:encoded><![CDATA[<p>Full text with a <a href="https://elsewhere.example.org/">link</a>.</p>
      <link>https://not-the-entry.example.org/</link>]]></content:encoded>
    <media:content url="https://news.example.com/img/summit.jpg" medium="image">
      <media:title>Leaders</media:title>
    </media:content>
  </item>
  <item>
    <title>Markets&nbsp;rally as rates hold &mdash; analysts cautious</title>
    <link>/business/2024/05/01/markets-rally</link>
    <pubDate>Wed, 1 May 2024 07:30:00 EST</pubDate>
    <enclosure url="https://news.example.com/audio/markets.mp3" length="1234" type="audio/mpeg" />
  </item>
  <item>
    <title>Only a guid</title>
    <guid>https://news.example.com/world/only-guid</guid>
    <pubDate>Tue, 30 Apr 24 23:15 +0200</pubDate>
  </item>
  <item>
    <title>Opaque guid, no link</title>
    <guid isPermaLink="false">tag:news.example.com,2024:1004</guid>
  </item>
  <item>
    <title>Atom alternate inside an item</title>
    <atom:link rel="alternate" type="text/html" href="https://news.example.com/world/atom-alt" />
    <dc:date>2024-04-29T12:00:00+02:00</dc:date>
  </item>
  <item>
    <title>Link as an attribute</title>
    <link href="https://news.example.com/world/href-link" />
  </item>
  <item>
    <title>Script link</title>
    <link>javascript:alert(document.cookie)</link>
  </item>
  <item>
    <title>Mail link</title>
    <link>mailto:desk@news.example.com</link>
  </item>
  <item>
    <title>Repeat of the first</title>
    <link>https://news.example.com/world/2024/05/01/summit-opens?utm_source=rss&amp;utm_medium=feed</link>
  </item>
</channel>
</rss>`;

test('rss: a realistic RSS 2.0 feed gives its entries in order, with links, dates and titles', () => {
  const feed = parseFeed(NEWS_RSS, 'https://news.example.com/world/feed/');
  assert.equal(feed.kind, 'rss');
  assert.equal(feed.title, 'The Daily Example – World');
  assert.equal(feed.siteUrl, 'https://news.example.com/world/');
  assert.deepEqual(feed.entries, [
    {
      url: 'https://news.example.com/world/2024/05/01/summit-opens?utm_source=rss&utm_medium=feed',
      published: '2024-05-01T10:00:00Z',
      title: 'Summit opens in Samarkand & leaders arrive',
    },
    {
      url: 'https://news.example.com/business/2024/05/01/markets-rally',
      published: '2024-05-01T12:30:00Z',
      // &nbsp; decodes to U+00A0, which title clean-up collapses like any space.
      title: 'Markets rally as rates hold — analysts cautious',
    },
    { url: 'https://news.example.com/world/only-guid', published: '2024-04-30T21:15:00Z', title: 'Only a guid' },
    {
      url: 'https://news.example.com/world/atom-alt',
      published: '2024-04-29T10:00:00Z',
      title: 'Atom alternate inside an item',
    },
    { url: 'https://news.example.com/world/href-link', title: 'Link as an attribute' },
  ]);
  // The opaque guid has no link; javascript: and mailto: are counted, not kept; the repeat is skipped.
  assert.deepEqual(feed.dropped, { scheme: 2, invalid: 0, overLimit: 0, missingLink: 1 });
});

test('rss: a relative link with no base URL cannot be made absolute and is counted as invalid', () => {
  const feed = parseFeed('<rss><channel><item><link>/a</link></item><item><link>https://x.example/b</link></item></channel></rss>');
  assert.deepEqual(
    feed.entries.map((entry) => entry.url),
    ['https://x.example/b'],
  );
  assert.equal(feed.dropped.invalid, 1);
});

test('rss: <link> wins over a guid that comes first; an empty <link> falls back to the guid', () => {
  const feed = parseFeed(`<rss><channel>
    <item><guid>https://a.example/guid-1</guid><link>https://a.example/link-1</link></item>
    <item><link>  </link><guid isPermaLink="true">https://a.example/guid-2</guid></item>
    <item><link/><guid>not a url</guid></item>
  </channel></rss>`);
  assert.deepEqual(
    feed.entries.map((entry) => entry.url),
    ['https://a.example/link-1', 'https://a.example/guid-2'],
  );
  assert.equal(feed.dropped.missingLink, 1);
});

test('rss: a double-escaped ampersand in a link is undone once, as feedparser does', () => {
  const feed = parseFeed('<rss><channel><item><link>https://a.example/?a=1&amp;amp;b=2</link></item></channel></rss>');
  assert.equal(feed.entries[0]?.url, 'https://a.example/?a=1&b=2');
});

test('rss: RSS 1.0 (RDF) reads <link>, else the rdf:about of the item', () => {
  const rdf = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
  xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://blog.example.net/">
    <title>An RDF blog</title>
    <link>https://blog.example.net/</link>
    <items><rdf:Seq><rdf:li rdf:resource="https://blog.example.net/one"/></rdf:Seq></items>
  </channel>
  <item rdf:about="https://blog.example.net/one-about">
    <title>One</title>
    <link>https://blog.example.net/one</link>
    <dc:date>2024-05-01T09:30:00Z</dc:date>
  </item>
  <item rdf:about="https://blog.example.net/two">
    <title>Two</title>
    <dc:date>2024-05-02</dc:date>
  </item>
</rdf:RDF>`;
  const feed = parseFeed(rdf, 'https://blog.example.net/index.rdf');
  assert.equal(feed.kind, 'rdf');
  assert.equal(feed.title, 'An RDF blog');
  assert.equal(feed.siteUrl, 'https://blog.example.net/');
  assert.deepEqual(feed.entries, [
    { url: 'https://blog.example.net/one', published: '2024-05-01T09:30:00Z', title: 'One' },
    { url: 'https://blog.example.net/two', published: '2024-05-02', title: 'Two' },
  ]);
});

test('rss: namespaces are matched by URI, so any prefix bound to Atom works (.NET writes a10:)', () => {
  const feed = parseFeed(`<rss version="2.0" xmlns:a10="http://www.w3.org/2005/Atom" xmlns:x="http://www.w3.org/2005/Atom">
    <channel><title>Dotnet</title>
      <item><a10:link href="https://dotnet.example/one"/><a10:updated>2024-05-01T10:00:00+01:00</a10:updated><title>One</title></item>
      <item><x:link rel="alternate" href="https://dotnet.example/two"/><title>Two</title></item>
      <item><atom:link href="https://dotnet.example/three"/><title>Undeclared but conventional</title></item>
    </channel></rss>`);
  assert.deepEqual(feed.entries, [
    { url: 'https://dotnet.example/one', published: '2024-05-01T09:00:00Z', title: 'One' },
    { url: 'https://dotnet.example/two', title: 'Two' },
    { url: 'https://dotnet.example/three', title: 'Undeclared but conventional' },
  ]);
});

test('rss: an element in an unrelated namespace is not mistaken for <link>', () => {
  const feed = parseFeed(`<rss xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"><channel>
    <item><feedburner:origLink>https://origin.example/a</feedburner:origLink><link>https://feeds.example/~r/a</link></item>
    <item><foo:link>https://foo.example/b</foo:link><guid>https://foo.example/guid-b</guid></item>
  </channel></rss>`);
  assert.deepEqual(
    feed.entries.map((entry) => entry.url),
    ['https://feeds.example/~r/a', 'https://foo.example/guid-b'],
  );
});

test('rss: xml:base applies to RSS links too', () => {
  const feed = parseFeed(
    '<rss><channel xml:base="https://base.example/news/"><item><link>story-1</link></item><item xml:base="/other/"><link>story-2</link></item></channel></rss>',
    'https://ignored.example/feed',
  );
  assert.deepEqual(
    feed.entries.map((entry) => entry.url),
    ['https://base.example/news/story-1', 'https://base.example/other/story-2'],
  );
});
