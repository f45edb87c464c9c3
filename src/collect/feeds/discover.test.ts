import { test } from 'node:test';
import assert from 'node:assert/strict';
import { discoverFeedLinks } from './index.js';

/** CPU milliseconds `run` takes: time on a machine shared with other jobs would make the bounds flaky. */
function cpuMs(run: () => void): number {
  const started = process.cpuUsage();
  run();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1_000;
}

test('discover: feed links in the head, resolved, in document order, without repeats', () => {
  const html = `<!DOCTYPE html><html><head>
    <title>News &amp; more</title>
    <link rel="stylesheet" href="/style.css">
    <link rel="alternate" type="application/rss+xml" title="All news" href="/feed/">
    <link rel="alternate" type="application/atom+xml" href="https://news.example.com/atom.xml">
    <link rel="alternate" hreflang="fr" href="/fr/">
    <link rel="alternate" type="application/feed+json" href="feed.json?a=1&amp;b=2">
    <link rel="alternate" type="application/json" href="/wp-json/wp/v2/posts">
    <link rel="alternate" type="application/rss+xml" href="/feed/">
    <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
    <link rel="alternate" type="application/rss+xml">
  </head><body><a rel="alternate" type="application/rss+xml" href="/not-a-link-element">x</a></body></html>`;
  assert.deepEqual(discoverFeedLinks(html, 'https://news.example.com/section/page.html'), [
    'https://news.example.com/feed/',
    'https://news.example.com/atom.xml',
    'https://news.example.com/section/feed.json?a=1&b=2',
    'https://news.example.com/wp-json/wp/v2/posts',
  ]);
});

test('discover: rel may hold several words in any case; the type may carry parameters', () => {
  const html = `<LINK REL="Feed Alternate" TYPE="Application/RSS+XML; charset=utf-8" HREF="/a.rss">
    <link rel="alternate nofollow" type=" application/atom+xml " href="/b.atom">
    <link rel="alternatefeed" type="application/rss+xml" href="/not-this">`;
  assert.deepEqual(discoverFeedLinks(html, 'http://site.example/x/'), ['http://site.example/a.rss', 'http://site.example/b.atom']);
});

test('discover: <base href> sets the base for every link, even those before it', () => {
  const html = `<head><link rel="alternate" type="application/rss+xml" href="rss.xml">
    <base href="https://cdn.example.net/blog/"><base href="https://ignored.example/">
    <link rel="alternate" type="application/atom+xml" href="../atom.xml"></head>`;
  assert.deepEqual(discoverFeedLinks(html, 'https://blog.example.com/post/1'), [
    'https://cdn.example.net/blog/rss.xml',
    'https://cdn.example.net/atom.xml',
  ]);
});

test('discover: a page with no feed links, or a bad page URL, gives what it can', () => {
  assert.deepEqual(discoverFeedLinks('<html><head></head></html>', 'https://a.example/'), []);
  assert.deepEqual(
    discoverFeedLinks('<link rel="alternate" type="application/rss+xml" href="/rel"><link rel="alternate" type="application/rss+xml" href="https://abs.example/rss">', 'not a url'),
    ['https://abs.example/rss'],
  );
});

test('discover: a page nested thousands deep is read only to depth 512, quickly', () => {
  const html = `<head><link rel="alternate" type="application/rss+xml" href="/early.rss"></head>${'<div>'.repeat(200_000)}`;
  const ms = cpuMs(() => assert.deepEqual(discoverFeedLinks(html, 'https://deep.example/'), ['https://deep.example/early.rss']));
  assert.ok(ms < 1_000, `took ${ms.toFixed(0)} ms`);
});
