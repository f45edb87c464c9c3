import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { isHomePage, trustedCanonicalKey, urlKey } from './url-key.js';

test('url key: tracking parameters, fragments, case, default ports and userinfo do not make another document', () => {
  const key = urlKey('https://www.example.com/news/a?id=7');
  for (const variant of [
    'https://WWW.Example.COM/news/a?id=7',
    'https://www.example.com:443/news/a?id=7#comments',
    'https://www.example.com/news/./a?id=7&utm_source=rss&utm_medium=feed',
    'https://www.example.com/news/a?fbclid=xyz&id=7',
    'https://user:pw@www.example.com/news/a?id=7',
    ' https://www.example.com/news/a?id=7 ',
  ]) {
    assert.equal(urlKey(variant), key, variant);
  }
  assert.notEqual(urlKey('https://www.example.com/news/a?id=8'), key);
  assert.notEqual(urlKey('http://www.example.com/news/a?id=7'), key, 'http and https may differ');
  assert.equal(urlKey('https://example.com/a?utm_source=x'), 'https://example.com/a');
});

test('url key: only http(s) addresses have one', () => {
  for (const bad of ['file:///etc/passwd', 'javascript:alert(1)', 'not a url', '', 'ftp://x/']) assert.equal(urlKey(bad), null, bad);
});

test('url key: idempotent on any web address (property)', () => {
  fc.assert(
    fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
      const once = urlKey(url);
      if (once === null) return;
      assert.equal(urlKey(once), once);
    }),
    { seed: 8, numRuns: 2_000 },
  );
});

test('canonical URL: trusted on the same site, not when it points elsewhere or at the home page', () => {
  const page = 'https://www.news.example.co.uk/2024/05/01/story';
  assert.equal(trustedCanonicalKey('https://news.example.co.uk/2024/05/01/story?utm_source=x', page), 'https://news.example.co.uk/2024/05/01/story');
  assert.equal(trustedCanonicalKey('https://other.example.com/2024/05/01/story', page), null);
  assert.equal(trustedCanonicalKey('https://www.news.example.co.uk/', page), null, 'a template naming the home page');
  assert.equal(trustedCanonicalKey(null, page), null);
  assert.equal(trustedCanonicalKey('https://news.test/a/1', null), 'https://news.test/a/1', 'a local file takes its canonical URL');
  assert.equal(isHomePage('https://x.test/'), true);
  assert.equal(isHomePage('https://x.test/?page=2'), false);
});
