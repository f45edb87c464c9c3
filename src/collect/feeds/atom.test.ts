import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeed } from './index.js';

const BLOG_ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en" xml:base="https://blog.example.org/">
  <title type="text">Example Engineering</title>
  <subtitle type="html">Notes &amp;amp; essays</subtitle>
  <link rel="self" type="application/atom+xml" href="feed.atom"/>
  <link rel="alternate" type="text/html" href="/"/>
  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
  <updated>2024-05-02T08:00:00Z</updated>
  <author><name>Team</name><uri>https://blog.example.org/team</uri></author>
  <entry xml:base="posts/2024/">
    <title type="html">Why we moved to &lt;code&gt;SQLite&lt;/code&gt; &amp;amp; never looked back</title>
    <link rel="edit" href="https://blog.example.org/api/posts/1"/>
    <link rel="replies" type="text/html" href="1#comments"/>
    <link rel="alternate" type="application/pdf" href="sqlite.pdf"/>
    <link rel="alternate" type="text/html" href="sqlite.html"/>
    <id>tag:blog.example.org,2024:1</id>
    <published>2024-05-01T10:00:00-04:00</published>
    <updated>2024-05-02T11:00:00Z</updated>
    <summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><a href="https://elsewhere.example/">x</a></div></summary>
    <content type="html">&lt;p&gt;Body&lt;/p&gt;</content>
  </entry>
  <entry>
    <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Deep <b>dive</b> into links</div></title>
    <link href="deep-dive" xml:base="/archive/"/>
    <id>tag:blog.example.org,2024:2</id>
    <updated>2024-04-30T09:00:00Z</updated>
    <source><link rel="alternate" href="https://source.example/wrong"/><title>Source feed</title></source>
  </entry>
  <entry>
    <title>Only a self link</title>
    <link rel="self" href="https://blog.example.org/api/3"/>
    <id>tag:blog.example.org,2024:3</id>
  </entry>
  <entry>
    <title>No links, an http id</title>
    <id>https://blog.example.org/posts/4</id>
  </entry>
  <entry>
    <title>No links, a tag id</title>
    <id>tag:blog.example.org,2024:5</id>
  </entry>
</feed>`;

test('atom: entries take the HTML alternate link, resolved through nested xml:base', () => {
  const feed = parseFeed(BLOG_ATOM, 'https://feeds.example.org/blog.atom');
  assert.equal(feed.kind, 'atom');
  assert.equal(feed.title, 'Example Engineering');
  assert.equal(feed.siteUrl, 'https://blog.example.org/');
  assert.deepEqual(feed.entries, [
    {
      url: 'https://blog.example.org/posts/2024/sqlite.html',
      published: '2024-05-01T14:00:00Z',
      title: 'Why we moved to SQLite & never looked back',
    },
    // The link's own xml:base applies, relative to the feed's; <source> links are not the entry's.
    { url: 'https://blog.example.org/archive/deep-dive', published: '2024-04-30T09:00:00Z', title: 'Deep dive into links' },
    { url: 'https://blog.example.org/api/3', title: 'Only a self link' },
    { url: 'https://blog.example.org/posts/4', title: 'No links, an http id' },
  ]);
  assert.deepEqual(feed.dropped, { scheme: 0, invalid: 0, overLimit: 0, missingLink: 1 });
});

test('atom: without xml:base, relative links resolve against the document URL', () => {
  const feed = parseFeed(
    '<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="../p/1"/></entry><entry><link href="//cdn.example/p/2"/></entry></feed>',
    'https://site.example/feeds/all.atom',
  );
  assert.deepEqual(
    feed.entries.map((entry) => entry.url),
    ['https://site.example/p/1', 'https://cdn.example/p/2'],
  );
});

test('atom: a prefixed Atom document and an Atom 0.3 feed both read', () => {
  const prefixed = parseFeed(`<a:feed xmlns:a="http://www.w3.org/2005/Atom">
    <a:title>Prefixed</a:title>
    <a:entry><a:title>P1</a:title><a:link href="https://p.example/1"/><a:published>2024-05-01T00:00:00Z</a:published></a:entry>
  </a:feed>`);
  assert.equal(prefixed.kind, 'atom');
  assert.equal(prefixed.title, 'Prefixed');
  assert.deepEqual(prefixed.entries, [{ url: 'https://p.example/1', published: '2024-05-01T00:00:00Z', title: 'P1' }]);

  const atom03 = parseFeed(`<feed version="0.3" xmlns="http://purl.org/atom/ns#">
    <link rel="alternate" type="text/html" href="https://old.example/"/>
    <entry><link rel="alternate" type="text/html" href="https://old.example/2004/01/x"/>
      <issued>2004-01-05T10:00:00+01:00</issued><modified>2004-01-06T10:00:00Z</modified></entry>
  </feed>`);
  assert.equal(atom03.siteUrl, 'https://old.example/');
  assert.deepEqual(atom03.entries, [{ url: 'https://old.example/2004/01/x', published: '2004-01-05T09:00:00Z' }]);
});

test('atom: updated stands in for published; a javascript: xml:base is ignored', () => {
  const feed = parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom" xml:base="javascript:alert(1)//">
    <entry><link href="https://a.example/x"/><updated>2024-05-03T10:00:00.250+00:00</updated></entry>
    <entry><link href="/relative"/></entry>
  </feed>`, 'https://a.example/feed');
  assert.deepEqual(feed.entries, [
    { url: 'https://a.example/x', published: '2024-05-03T10:00:00Z' },
    { url: 'https://a.example/relative' },
  ]);
});

test('atom: with several HTML alternates the last is taken (feedparser lets each replace the one before)', () => {
  const feed = parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><entry>
    <link rel="alternate" type="text/html" hreflang="en" href="https://a.example/en"/>
    <link rel="alternate" type="text/html" hreflang="fr" href="https://a.example/fr"/>
  </entry></feed>`);
  assert.equal(feed.entries[0]?.url, 'https://a.example/fr');
});
