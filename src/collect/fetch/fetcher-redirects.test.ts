import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { raw, redirect, startOrigin, text } from '../../../test/helpers/origin.js';
import type { Origin } from '../../../test/helpers/origin.js';
import { createFetcher } from './fetcher.js';
import { headersForNextHop, parseRefresh } from './redirects.js';
import { failure } from '../../../test/helpers/fetch-failure.js';

let origin: Origin;

function fetcher(): ReturnType<typeof createFetcher> {
  return createFetcher({
    allowAddresses: [`127.0.0.1:${origin.port}`],
    onConnect: (address) => assert.equal(address, '127.0.0.1'),
    timeouts: { connectMs: 1000, headersMs: 1000, bodyMs: 1000, totalMs: 3000 },
  });
}

before(async () => {
  origin = await startOrigin({
    '/dir/relative': redirect('../ok', 301),
    '/fragment-kept': redirect('/ok', 302),
    '/fragment-own': redirect('/ok#own', 302),
    '/fragment-loop': redirect('/fragment-loop#again', 302),
    '/bad-location': redirect('http://[not-an-ip/', 302),
    '/utf8-location': raw(Buffer.concat([Buffer.from('HTTP/1.1 302 Found\r\nLocation: /caf'), Buffer.from('é', 'utf8'), Buffer.from('\r\nContent-Length: 0\r\n\r\n')])),
    '/refresh-self': text('<p>again</p>', { headers: { refresh: '0; url=/refresh-self' } }),
  });
});
after(async () => origin.close());

describe('redirect chains and loops (F-6)', () => {
  it('follows five redirects and records the chain', async () => {
    const response = await fetcher().fetch(origin.url('/chain?n=5'));
    assert.equal(response.status, 200);
    assert.equal(response.url, origin.url('/chain?n=0'));
    assert.deepEqual(response.redirects, [5, 4, 3, 2, 1].map((n) => origin.url(`/chain?n=${n}`)));
  });

  it('refuses the sixth, without requesting its target', async () => {
    const before = origin.hits('/chain?n=1');
    const error = await failure(fetcher().fetch(origin.url('/chain?n=7')));
    assert.equal(error.code, 'FETCH_TOO_MANY_REDIRECTS');
    assert.equal(error.detail?.chain?.length, 6);
    assert.equal(origin.hits('/chain?n=1'), before);
  });

  it('detects A→A and A→B→A', async () => {
    assert.equal((await failure(fetcher().fetch(origin.url('/loop-self')))).code, 'FETCH_REDIRECT_LOOP');
    const error = await failure(fetcher().fetch(origin.url('/loop-a')));
    assert.equal(error.code, 'FETCH_REDIRECT_LOOP');
    assert.deepEqual(error.detail?.chain, [origin.url('/loop-a'), origin.url('/loop-b'), origin.url('/loop-a')]);
    assert.equal(origin.hits('/loop-a'), 1, 'the loop is caught before the repeat request');
    assert.equal((await failure(fetcher().fetch(origin.url('/fragment-loop')))).code, 'FETCH_REDIRECT_LOOP');
  });

  it('resolves a relative Location', async () => {
    const response = await fetcher().fetch(origin.url('/dir/relative'));
    assert.equal(response.url, origin.url('/ok'));
    assert.equal(response.status, 200);
  });

  it('reads a non-ASCII Location as UTF-8', async () => {
    const response = await fetcher().fetch(origin.url('/utf8-location'));
    assert.equal(response.url, origin.url('/caf%C3%A9'));
    assert.equal(response.status, 404);
  });

  it('keeps fragments per RFC 9110: inherited unless the Location has its own', async () => {
    assert.equal((await fetcher().fetch(origin.url('/fragment-kept#top'))).url, origin.url('/ok#top'));
    assert.equal((await fetcher().fetch(origin.url('/fragment-own#top'))).url, origin.url('/ok#own'));
  });

  it('a redirect without Location, or with an unusable one, is a bad response', async () => {
    const missing = await failure(fetcher().fetch(origin.url('/no-location')));
    assert.equal(missing.code, 'FETCH_BAD_RESPONSE');
    assert.equal(missing.detail?.status, 301);
    assert.equal((await failure(fetcher().fetch(origin.url('/bad-location')))).code, 'FETCH_BAD_RESPONSE');
  });

  it('follows a Refresh header with a short delay, under the same limits', async () => {
    const response = await fetcher().fetch(origin.url('/refresh?delay=0&to=/ok'));
    assert.equal(response.url, origin.url('/ok'));
    assert.deepEqual(response.redirects, [origin.url('/refresh?delay=0&to=/ok')]);
    const slow = await fetcher().fetch(origin.url('/refresh?delay=30&to=/ok'));
    assert.equal(slow.url, origin.url('/refresh?delay=30&to=/ok'), 'a 30 s refresh is a page, not a redirect');
    const error = await failure(fetcher().fetch(origin.url(`/refresh?delay=0&to=${encodeURIComponent('file:///etc/passwd')}`)));
    assert.equal(error.code, 'FETCH_SCHEME_NOT_ALLOWED');
    const self = await failure(fetcher().fetch(origin.url('/refresh-self')));
    assert.equal(self.code, 'FETCH_REDIRECT_LOOP');
  });

  it('parses Refresh header forms', () => {
    assert.deepEqual(parseRefresh('0; url=/next'), { delaySeconds: 0, target: '/next' });
    assert.deepEqual(parseRefresh("0;URL='https://x.test/a'"), { delaySeconds: 0, target: 'https://x.test/a' });
    assert.deepEqual(parseRefresh('3, url=/n'), { delaySeconds: 3, target: '/n' });
    assert.deepEqual(parseRefresh('5'), { delaySeconds: 5, target: undefined });
    assert.equal(parseRefresh('soon'), undefined);
  });
});

describe('credential and conditional headers across hops (F-7)', () => {
  const headers = { authorization: 'Bearer t', Cookie: 'a=b', 'if-none-match': '"x"', accept: 'text/html' };

  it('drops credentials on a scheme, host or port change, and conditionals on any hop', () => {
    const from = new URL('https://a.test/x');
    assert.deepEqual(headersForNextHop(headers, from, new URL('https://a.test/y')), { authorization: 'Bearer t', Cookie: 'a=b', accept: 'text/html' });
    for (const to of ['http://a.test/x', 'https://b.test/x', 'https://a.test:8443/x']) {
      assert.deepEqual(headersForNextHop(headers, from, new URL(to)), { accept: 'text/html' }, to);
    }
  });
});
