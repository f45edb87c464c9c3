import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startOrigin, text } from '../../../test/helpers/origin.js';
import type { Origin } from '../../../test/helpers/origin.js';
import { FetchError } from './errors.js';
import { createFetcher } from './fetcher.js';
import type { FetcherOptions } from './fetcher.js';
import { failure } from '../../../test/helpers/fetch-failure.js';

let origin: Origin;
let other: Origin;
/** A second loopback listener standing in for an internal service: it must never be reached. */
let internal: Origin;
const connects: string[] = [];
const resolved: string[] = [];

/** Fake DNS. Names map to answer lists; `rebind.test` answers differently on each query. */
let rebindAnswers: string[][] = [];
const DNS: Record<string, string[]> = {
  'origin.test': ['127.0.0.1'],
  'loopback.test': ['127.0.0.1'],
  'ten.test': ['10.0.0.5'],
  'mixed.test': ['93.184.216.34', '127.0.0.1'],
  'metadata.test': ['169.254.169.254'],
  'mapped.test': ['::ffff:127.0.0.1'],
  'empty.test': [],
};

async function fakeResolve(host: string): Promise<string[]> {
  resolved.push(host);
  if (host === 'rebind.test') return rebindAnswers.shift() ?? ['127.0.0.1'];
  const answer = DNS[host];
  if (answer === undefined) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return answer;
}

function fetcher(extra: FetcherOptions = {}): ReturnType<typeof createFetcher> {
  return createFetcher({
    resolver: fakeResolve,
    allowAddresses: [`127.0.0.1:${origin.port}`, `127.0.0.1:${other.port}`],
    // Guard as well as spy: anything but loopback is refused before a socket exists.
    onConnect: (address, port) => {
      connects.push(`${address}:${port}`);
      if (address !== '127.0.0.1') throw new Error(`test guard: refusing ${address}`);
    },
    timeouts: { connectMs: 1000, headersMs: 1000, bodyMs: 1000, totalMs: 3000 },
    ...extra,
  });
}

before(async () => {
  internal = await startOrigin({ '/': text('internal secret'), '/latest/meta-data/': text('secret') });
  origin = await startOrigin();
  other = await startOrigin();
});
after(async () => {
  await Promise.all([origin.close(), other.close(), internal.close()]);
});

describe('literal addresses never reach a socket (F-2, the measured gap)', () => {
  it('refuses the internal listener by IP with zero connection attempts', async () => {
    connects.length = 0;
    for (const url of [internal.url('/'), `http://2130706433:${internal.port}/`, `http://[::ffff:127.0.0.1]:${internal.port}/`, 'http://169.254.169.254/']) {
      const error = await failure(fetcher().fetch(url));
      assert.equal(error.code, 'FETCH_BLOCKED_ADDRESS', url);
      assert.deepEqual(error.detail?.chain, [new URL(url).href]);
    }
    assert.deepEqual(connects, []);
    assert.equal(internal.hits('/'), 0);
  });

  it('every F-2 spelling: blocked, no lookup, no connection', async () => {
    connects.length = 0;
    resolved.length = 0;
    const hosts = ['127.0.0.1', '0x7f000001', '2130706433', '0177.0.0.1', '127.1', '①②⑦.0.0.1', '0', '0.0.0.0', '[::]', '[::1]',
      '[::ffff:127.0.0.1]', '[::ffff:a9fe:a9fe]', '169.254.169.254', '[fd00:ec2::254]', '100.100.100.200', '10.0.0.1', '172.16.0.1',
      '192.168.1.1', '198.18.0.1', '224.0.0.1', '255.255.255.255', '[::127.0.0.1]', '[64:ff9b::7f00:1]', '[2002:7f00:1::]'];
    for (const host of hosts) {
      assert.equal((await failure(fetcher().fetch(`http://${host}:${internal.port}/`))).code, 'FETCH_BLOCKED_ADDRESS', host);
    }
    assert.deepEqual(connects, []);
    assert.deepEqual(resolved, []);
    assert.equal(internal.hits('/'), 0);
  });

  it('fetches the allow-listed mock origin, and only on its exact port', async () => {
    const response = await fetcher().fetch(origin.url('/ok'));
    assert.equal(response.status, 200);
    assert.match(Buffer.from(response.body).toString(), /Hello from the test origin/);
    assert.equal(response.contentType, 'text/html; charset=utf-8');
  });
});

describe('resolved names (F-3)', () => {
  for (const [host, code] of [
    ['loopback.test', 'FETCH_BLOCKED_ADDRESS'],
    ['ten.test', 'FETCH_BLOCKED_ADDRESS'],
    ['mixed.test', 'FETCH_BLOCKED_ADDRESS'],
    ['metadata.test', 'FETCH_BLOCKED_ADDRESS'],
    ['mapped.test', 'FETCH_BLOCKED_ADDRESS'],
    ['localhost', 'FETCH_BLOCKED_ADDRESS'],
    ['localhost.', 'FETCH_BLOCKED_ADDRESS'],
    ['foo.localhost', 'FETCH_BLOCKED_ADDRESS'],
    ['empty.test', 'FETCH_DNS_FAILED'],
    ['nowhere.test', 'FETCH_DNS_FAILED'],
  ] as const) {
    it(`${host} → ${code}, no connection`, async () => {
      connects.length = 0;
      resolved.length = 0;
      const error = await failure(fetcher().fetch(`http://${host}:${internal.port}/`));
      assert.equal(error.code, code);
      assert.deepEqual(connects, []);
      if (host.includes('localhost')) assert.deepEqual(resolved, [], 'localhost names never go to DNS');
    });
  }

  it('names the resolved address and its range', async () => {
    const error = await failure(fetcher().fetch('http://ten.test/'));
    assert.equal(error.detail?.address, '10.0.0.5');
    assert.equal(error.detail?.range, 'private');
    assert.match(error.message, /10\.0\.0\.5.*ten\.test.*private/);
  });

  it('a missing name is not retryable; a resolver outage is', async () => {
    assert.equal((await failure(fetcher().fetch('http://nowhere.test/'))).retryable, false);
    const flaky = fetcher({ resolver: async () => Promise.reject(Object.assign(new Error('timeout'), { code: 'EAI_AGAIN' })) });
    assert.equal((await failure(flaky.fetch('http://any.test/'))).retryable, true);
  });

  it('allowPrivate lets intranet names through', async () => {
    const response = await fetcher({ allowPrivate: true }).fetch(`http://loopback.test:${internal.port}/`);
    assert.equal(response.status, 200);
    assert.equal(internal.hits('/'), 1);
  });
});

describe('DNS rebinding (F-4)', () => {
  it('connects to the address that was checked, and re-checks on the next hop', async () => {
    connects.length = 0;
    resolved.length = 0;
    // First answer: the allow-listed origin. Every later answer: private space.
    rebindAnswers = [['127.0.0.1'], ['10.0.0.5'], ['169.254.169.254']];
    const response = await fetcher().fetch(`http://rebind.test:${origin.port}/ok`);
    assert.equal(response.status, 200);
    assert.deepEqual(resolved, ['rebind.test'], 'one lookup per hop, none at connect time');
    assert.deepEqual(connects, [`127.0.0.1:${origin.port}`]);

    connects.length = 0;
    rebindAnswers = [['127.0.0.1'], ['10.0.0.5']];
    const error = await failure(fetcher().fetch(`http://rebind.test:${origin.port}/redirect?to=/ok`));
    assert.equal(error.code, 'FETCH_BLOCKED_ADDRESS');
    assert.equal(error.detail?.address, '10.0.0.5');
    assert.deepEqual(connects, [`127.0.0.1:${origin.port}`], 'the rebound hop never connected');
  });
});

describe('redirects into private space (F-5)', () => {
  const targets: Array<[string, string]> = [
    ['internal listener', 'INTERNAL'],
    ['http://[::1]/', 'FETCH_BLOCKED_ADDRESS'],
    ['http://169.254.169.254/latest/meta-data/', 'FETCH_BLOCKED_ADDRESS'],
    ['http://ten.test/', 'FETCH_BLOCKED_ADDRESS'],
    ['file:///etc/passwd', 'FETCH_SCHEME_NOT_ALLOWED'],
    ['gopher://127.0.0.1:6379/_x', 'FETCH_SCHEME_NOT_ALLOWED'],
  ];
  for (const [target, code] of targets) {
    it(`a public hop redirecting to ${target} is stopped`, async () => {
      connects.length = 0;
      const to = target === 'internal listener' ? internal.url('/') : target;
      const start = origin.url(`/redirect?status=307&to=${encodeURIComponent(to)}`);
      const error = await failure(fetcher().fetch(start));
      assert.equal(error.code, code === 'INTERNAL' ? 'FETCH_BLOCKED_ADDRESS' : code);
      assert.deepEqual(error.detail?.chain, [start, new URL(to).href]);
      assert.deepEqual(connects, [`127.0.0.1:${origin.port}`]);
      assert.equal(internal.hits('/'), 1, 'only the allowPrivate test above reached it');
    });
  }
});

describe('credentials stay with their origin (F-7)', () => {
  const secret = { authorization: 'Bearer s3cret', cookie: 'session=abc', 'proxy-authorization': 'Basic eA==' };

  async function echoed(url: string): Promise<Record<string, string>> {
    const response = await fetcher().fetch(url, { headers: secret });
    return JSON.parse(Buffer.from(response.body).toString()) as Record<string, string>;
  }

  it('keeps them on a same-origin redirect', async () => {
    const seen = await echoed(origin.url('/redirect?to=/echo-headers'));
    assert.equal(seen.authorization, 'Bearer s3cret');
    assert.equal(seen.cookie, 'session=abc');
  });

  it('drops them when the port changes', async () => {
    const seen = await echoed(origin.url(`/redirect?to=${encodeURIComponent(other.url('/echo-headers'))}`));
    assert.equal(seen.authorization, undefined);
    assert.equal(seen.cookie, undefined);
    assert.equal(seen['proxy-authorization'], undefined);
  });

  it('drops them when the host changes, even if it comes back', async () => {
    const back = origin.url('/echo-headers');
    const viaOther = other.url(`/redirect?to=${encodeURIComponent(back)}`);
    const seen = await echoed(origin.url(`/redirect?to=${encodeURIComponent(viaOther)}`));
    assert.equal(seen.authorization, undefined);
  });

  it('turns URL userinfo into Basic auth for the first origin only', async () => {
    const direct = await fetcher().fetch(origin.url('/echo-headers').replace('http://', 'http://user:p%40ss@'));
    const seen = JSON.parse(Buffer.from(direct.body).toString()) as Record<string, string>;
    assert.equal(seen.authorization, `Basic ${Buffer.from('user:p@ss').toString('base64')}`);
    const moved = await fetcher().fetch(
      origin.url(`/redirect?to=${encodeURIComponent(other.url('/echo-headers'))}`).replace('http://', 'http://user:pass@'),
    );
    assert.equal((JSON.parse(Buffer.from(moved.body).toString()) as Record<string, string>).authorization, undefined);
    assert.ok(![moved.url, ...moved.redirects].some((url) => url.includes('pass')), 'credentials never appear in results');
    const error = await failure(fetcher().fetch(`http://user:pass@127.0.0.1:${internal.port}/`));
    assert.doesNotMatch(JSON.stringify(error), /pass/);
  });
});

describe('request headers and hooks', () => {
  it('sends our user agent, Accept-Encoding without zstd, and the caller’s conditional headers', async () => {
    const response = await fetcher().fetch(origin.url('/echo-headers'), { headers: { 'Accept-Encoding': 'zstd', 'X-Extra': '1' } });
    const seen = JSON.parse(Buffer.from(response.body).toString()) as Record<string, string>;
    assert.match(seen['user-agent'] ?? '', /^Dateline\/\S+ \(news reader; robots token Dateline\)$/);
    assert.equal(seen['accept-encoding'], 'gzip, deflate, br');
    assert.equal(seen['x-extra'], '1');
    const custom = await fetcher({ userAgent: 'Custom/1' }).fetch(origin.url('/echo-headers'));
    assert.equal((JSON.parse(Buffer.from(custom.body).toString()) as Record<string, string>)['user-agent'], 'Custom/1');
  });

  it('returns 304 for a conditional GET', async () => {
    const response = await fetcher().fetch(origin.url('/not-modified'), { headers: { 'If-None-Match': '"v1"' } });
    assert.equal(response.status, 304);
    assert.equal(response.body.length, 0);
  });

  it('calls beforeRequest before every hop and releases each hop', async () => {
    const events: string[] = [];
    await fetcher().fetch(origin.url('/chain?n=2'), {
      beforeRequest: async (url) => {
        events.push(`before ${url.search}`);
        return () => events.push(`done ${url.search}`);
      },
    });
    assert.deepEqual(events, ['before ?n=2', 'done ?n=2', 'before ?n=1', 'done ?n=1', 'before ?n=0', 'done ?n=0']);
  });

  it('a hook that throws stops the fetch before any request', async () => {
    const error = await failure(
      fetcher().fetch(origin.url('/never-asked'), {
        beforeRequest: async () => {
          throw new FetchError('FETCH_BLOCKED_ADDRESS', 'policy says no');
        },
      }),
    );
    assert.equal(error.message, 'policy says no');
    assert.equal(origin.hits('/never-asked'), 0);
  });
});
