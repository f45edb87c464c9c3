import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FeedError, parseFeed, sniffFeedKind } from './index.js';

/** CPU milliseconds `run` takes: time on a machine shared with other jobs would make the bounds flaky. */
function cpuMs(run: () => void): number {
  const started = process.cpuUsage();
  run();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1_000;
}

const JSON_FEED = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Example JSON Feed',
  home_page_url: 'https://json.example.com/',
  feed_url: 'https://json.example.com/feed.json',
  items: [
    {
      id: '1',
      url: 'https://json.example.com/2024/05/01/first',
      title: 'First &amp; foremost',
      content_html: '<p>Hello</p>',
      date_published: '2024-05-01T10:00:00+02:00',
    },
    { id: '2', external_url: 'https://elsewhere.example.org/linked', title: 'Linked post', date_published: 'yesterday' },
    { id: '3', url: '/2024/05/03/relative' },
    { id: '4', url: 'javascript:alert(1)' },
    { id: '5', content_text: 'no url at all' },
    'not an object',
    { id: '7', url: 42 },
  ],
});

test('json feed: items give url (else external_url), date_published and title', () => {
  const feed = parseFeed(JSON_FEED, 'https://json.example.com/feed.json');
  assert.equal(feed.kind, 'json-feed');
  assert.equal(feed.title, 'Example JSON Feed');
  assert.equal(feed.siteUrl, 'https://json.example.com/');
  assert.deepEqual(feed.entries, [
    { url: 'https://json.example.com/2024/05/01/first', published: '2024-05-01T08:00:00Z', title: 'First &amp; foremost' },
    { url: 'https://elsewhere.example.org/linked', title: 'Linked post' },
    { url: 'https://json.example.com/2024/05/03/relative' },
  ]);
  assert.deepEqual(feed.dropped, { scheme: 1, invalid: 0, overLimit: 0, missingLink: 3 });
});

test('json feed: version 1, escaped slashes and a BOM are recognised; feed_url is the base for a local file', () => {
  const text = '\uFEFF{"version":"https:\\/\\/jsonfeed.org\\/version\\/1","feed_url":"https:\\/\\/j.example\\/f.json","items":[{"url":"a"}]}';
  assert.equal(sniffFeedKind(text), 'json-feed');
  assert.deepEqual(parseFeed(text).entries, [{ url: 'https://j.example/a' }]);
});

test('json feed: deep nesting is refused at once, before JSON.parse spends seconds on it', () => {
  const deep = `{"version":"https://jsonfeed.org/version/1.1","items":[${'['.repeat(2_000_000)}${']'.repeat(2_000_000)}]}`;
  const ms = cpuMs(() =>
    assert.throws(() => parseFeed(deep), (error: unknown) => error instanceof FeedError && /nests deeper/.test(error.message)),
  );
  assert.ok(ms < 1_000, `took ${ms.toFixed(0)} ms`);
});

test('json feed: brackets inside strings do not count as nesting', () => {
  const text = JSON.stringify({
    version: 'https://jsonfeed.org/version/1',
    items: [{ url: 'https://b.example/1', title: '['.repeat(500) + '"\\' }],
  });
  assert.equal(parseFeed(text).entries.length, 1);
});

test('json feed: other JSON is not a feed', () => {
  assert.equal(sniffFeedKind('{"name": "package", "version": "1.0.0"}'), null);
  assert.throws(() => parseFeed('{"name": "package", "version": "1.0.0"}'), FeedError);
  assert.throws(() => parseFeed('[1, 2, 3]'), FeedError);
});
