import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { bigRobots, redirect, startOrigin, text } from '../../../test/helpers/origin.js';
import type { Handler, Origin } from '../../../test/helpers/origin.js';
import { FetchError } from './errors.js';
import { createFetcher } from './fetcher.js';
import type { FetchResponse, Fetcher } from './fetcher.js';
import { createRobots, robotsText } from './robots.js';
import type { RobotsVerdict } from './robots.js';

const HOUR = 60 * 60 * 1000;
/** What `/robots.txt` on the main origin serves; each test sets it. */
let robotsRoute: Handler = text('');
let origin: Origin;
let hopper: Origin;
let internal: Origin;
let closedPort: number;

function fetcher(): Fetcher {
  return createFetcher({
    allowAddresses: [origin, hopper].map((o) => `127.0.0.1:${o.port}`).concat(`127.0.0.1:${closedPort}`),
    onConnect: (address) => assert.equal(address, '127.0.0.1'),
    timeouts: { connectMs: 500, headersMs: 500, bodyMs: 1000, totalMs: 3000 },
  });
}

function robotsFor(content: Handler, clock?: { now: number }): ReturnType<typeof createRobots> {
  robotsRoute = content;
  return createRobots({ fetcher: fetcher(), ...(clock ? { now: () => clock.now } : {}) });
}

/** A fetcher that answers from a function, recording the URLs asked for. */
function fakeFetcher(answer: (url: string) => Partial<FetchResponse> | FetchError, asked: string[] = []): Pick<Fetcher, 'fetch'> {
  return {
    fetch: async (url) => {
      asked.push(url);
      const result = answer(url);
      if (result instanceof FetchError) throw result;
      return { url, status: 200, headers: [], body: new Uint8Array(0), truncated: false, redirects: [], wireBytes: 0, ...result };
    },
  };
}

const page = (path: string): URL => new URL(origin.url(path));

/** Serves `head` and then comment lines up to `total` bytes, written as the client reads. */
function streamed(head: string, total: number): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(total) });
    const filler = Buffer.from(`# ${'f'.repeat(1020)}\n`.repeat(64));
    let sent = 0;
    const pump = (): void => {
      while (!res.destroyed && sent < total) {
        const chunk = sent === 0 ? Buffer.from(head) : filler.subarray(0, Math.min(filler.length, total - sent));
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      if (!res.destroyed) res.end();
    };
    pump();
  };
}

before(async () => {
  origin = await startOrigin({ '/robots.txt': (req, res, ctx) => robotsRoute(req, res, ctx) });
  internal = await startOrigin({ '/robots.txt': text('User-agent: *\nAllow: /') });
  hopper = await startOrigin({
    '/rr': (req, res, { url }) => {
      const n = Number(url.searchParams.get('n'));
      if (n > 0) return redirect(`/rr?n=${n - 1}`)(req, res, { url, origin: hopper });
      text('User-agent: *\nDisallow: /private\nSitemap: https://example.com/sitemap.xml\n')(req, res, { url, origin: hopper });
    },
  });
  const gone = createServer();
  await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve));
  closedPort = (gone.address() as AddressInfo).port;
  await new Promise((resolve) => gone.close(resolve));
});
after(async () => Promise.all([origin.close(), hopper.close(), internal.close()]));

describe('robots.txt rules (R-1, R-8)', () => {
  it('R-1: a disallowed path is refused and never requested', async () => {
    const robots = robotsFor(text('User-agent: *\nDisallow: /private\n'));
    const verdict = await robots.check(page('/private/x'));
    assert.equal(verdict.allowed, false);
    assert.equal(verdict.allowed === false && verdict.code, 'ROBOTS_DISALLOWED');
    assert.match(verdict.allowed === false ? verdict.reason : '', /line 2/);
    assert.deepEqual(await robots.check(page('/public')), { allowed: true });
    assert.equal(origin.hits('/private/x'), 0);
  });

  it('R-8: our group wins over *, case-insensitively, through BOM, CRLF and no final newline', async () => {
    const body = '\uFEFFUser-agent: *\r\nDisallow: /\r\n\r\nUSER-AGENT: DATELINE\r\nDisallow: /no-dateline\r\nCrawl-delay: 10';
    const robots = robotsFor(text(body));
    assert.deepEqual(await robots.check(page('/news')), { allowed: true, crawlDelayMs: 10_000 });
    assert.equal((await robots.check(page('/no-dateline/a'))).allowed, false);
  });

  it('R-8: the * group applies when ours is absent; crawl-delay returned as given, nonsense ignored', async () => {
    const delays: Array<[string, number | undefined]> = [['0.5', 500], ['86400', 86_400_000], ['abc', undefined], ['-5', undefined]];
    for (const [value, expected] of delays) {
      const robots = robotsFor(text(`User-agent: otherbot\nDisallow: /\n\nUser-agent: *\nCrawl-delay: ${value}\n`));
      const verdict = await robots.check(page('/a'));
      assert.deepEqual(verdict, expected === undefined ? { allowed: true } : { allowed: true, crawlDelayMs: expected }, value);
    }
  });

  it('R-8: binary garbage and 100,000 lines never throw', async () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    assert.deepEqual(await robotsFor(text(garbage)).check(page('/x')), { allowed: true });
    const many = 'User-agent: *\n' + Array.from({ length: 100_000 }, (_, i) => (i % 4 === 0 ? `Allow:/${i}` : '#')).join('\n') + '\nDisallow: /end';
    const robots = robotsFor(text(many));
    assert.equal((await robots.check(page('/end/x'))).allowed, false);
    assert.equal((await robots.check(page('/q'))).allowed, true);
  });

  it('lists Sitemap lines', async () => {
    const robots = robotsFor(text('Sitemap: https://example.com/a.xml\nUser-agent: *\nAllow: /\nSitemap: /b.xml\n'));
    assert.deepEqual(await robots.sitemaps(origin.url('/')), ['https://example.com/a.xml', '/b.xml']);
  });
});

describe('robots.txt status handling (R-2, R-3)', () => {
  for (const status of [404, 410, 401, 403]) {
    it(`R-2: ${status} → unavailable → allowed`, async () => {
      assert.deepEqual(await robotsFor(text('no', { status })).check(page('/a')), { allowed: true });
    });
  }

  const unreachable = (verdict: RobotsVerdict): { retryAfterMs: number; reason: string } => {
    assert.equal(verdict.allowed, false);
    assert.ok(verdict.allowed === false && verdict.code === 'ROBOTS_UNREACHABLE', JSON.stringify(verdict));
    return verdict;
  };

  it('R-3: 500 and 503 → unreachable, with Retry-After honoured; re-fetched after the delay', async () => {
    unreachable(await robotsFor(text('down', { status: 500 })).check(page('/a')));
    const clock = { now: Date.now() };
    const robots = robotsFor(text('busy', { status: 503, headers: { 'retry-after': '120' } }), clock);
    const before = origin.hits('/robots.txt');
    assert.equal(unreachable(await robots.check(page('/a'))).retryAfterMs, 120_000);
    clock.now += 60_000;
    assert.equal(unreachable(await robots.check(page('/b'))).retryAfterMs, 60_000);
    assert.equal(origin.hits('/robots.txt'), before + 1, 'cached while waiting');
    robotsRoute = text('User-agent: *\nAllow: /\n');
    clock.now += 61_000;
    assert.deepEqual(await robots.check(page('/a')), { allowed: true });
    assert.equal(origin.hits('/robots.txt'), before + 2);
  });

  it('R-3: a timeout, a refused connection and a TLS error → unreachable', async () => {
    unreachable(await robotsFor((_req, _res) => undefined).check(page('/a')));
    const refused = createRobots({ fetcher: fetcher() });
    unreachable(await refused.check(new URL(`http://127.0.0.1:${closedPort}/a`)));
    const tls = createRobots({ fetcher: fakeFetcher(() => new FetchError('FETCH_TLS_ERROR', 'bad cert')), now: () => 0 });
    const verdict = unreachable(await tls.check(new URL('https://x.test/a')));
    assert.equal(verdict.retryAfterMs, 5 * 60 * 1000);
    assert.match(verdict.reason, /FETCH_TLS_ERROR/);
  });
});

describe('robots.txt redirects (R-4)', () => {
  it('follows five cross-host redirects and applies the rules to the original host', async () => {
    const robots = robotsFor(redirect(hopper.url('/rr?n=4')));
    assert.equal((await robots.check(page('/private/x'))).allowed, false);
    assert.equal((await robots.check(page('/open'))).allowed, true);
    assert.deepEqual(await robots.sitemaps(origin.url('/')), ['https://example.com/sitemap.xml']);
  });

  it('six redirects → treated as unavailable: allowed', async () => {
    assert.deepEqual(await robotsFor(redirect(hopper.url('/rr?n=5'))).check(page('/private/x')), { allowed: true });
  });

  it('a hop to a blocked address → unreachable, saying so, nothing fetched there', async () => {
    const verdict = await robotsFor(redirect(internal.url('/robots.txt'))).check(page('/a'));
    assert.ok(verdict.allowed === false && verdict.code === 'ROBOTS_UNREACHABLE');
    assert.match(verdict.reason, /blocked address/);
    assert.equal(internal.hits('/robots.txt'), 0);
  });
});

describe('robots.txt size (R-5)', () => {
  it('honours a rule at 450 KiB of a 600 KiB file', async () => {
    const robots = robotsFor(text(bigRobots(600 * 1024, 450 * 1024, '/deep')));
    assert.equal((await robots.check(page('/deep/x'))).allowed, false);
    assert.equal((await robots.check(page('/shallow'))).allowed, true);
  });

  it('reads only the first 512 KiB of a 50 MB file', async () => {
    const started = Date.now();
    const robots = robotsFor(streamed(bigRobots(2 * 1024 * 1024, 1024 * 1024, '/late'), 50 * 1024 * 1024));
    assert.deepEqual(await robots.check(page('/late/x')), { allowed: true }, 'a rule past 512 KiB is not read');
    assert.ok(Date.now() - started < 2000);
  });

  it('drops a line cut by the limit', () => {
    const body = Buffer.from('User-agent: *\nDisallow: /private-area\nAllow: /pri');
    assert.equal(robotsText(body, true), 'User-agent: *\nDisallow: /private-area');
    assert.equal(robotsText(body, false), body.toString());
  });
});

describe('robots.txt cache (R-7)', () => {
  it('one entry per scheme+host+port; refreshed after 24 h; concurrent checks share one fetch', async () => {
    const asked: string[] = [];
    const clock = { now: 0 };
    const robots = createRobots({ fetcher: fakeFetcher(() => ({ body: Buffer.from('User-agent: *\nDisallow: /x') }), asked), now: () => clock.now });
    await Promise.all(Array.from({ length: 10 }, () => robots.check(new URL('http://a.test/x'))));
    assert.deepEqual(asked, ['http://a.test/robots.txt']);
    await robots.check(new URL('http://a.test:80/y'));
    await robots.check(new URL('https://a.test/y'));
    await robots.check(new URL('http://a.test:8080/y'));
    assert.deepEqual(asked, ['http://a.test/robots.txt', 'https://a.test/robots.txt', 'http://a.test:8080/robots.txt']);
    clock.now += 23 * HOUR;
    await robots.check(new URL('http://a.test/x'));
    assert.equal(asked.length, 3);
    clock.now += 2 * HOUR;
    assert.equal((await robots.check(new URL('http://a.test/x'))).allowed, false);
    assert.equal(asked.length, 4);
  });

  it('4xx answers are cached for a day; a cancelled fetch is not cached', async () => {
    const asked: string[] = [];
    const clock = { now: 0 };
    const robots = createRobots({ fetcher: fakeFetcher(() => ({ status: 404 }), asked), now: () => clock.now });
    await robots.check(new URL('http://b.test/1'));
    clock.now += 23 * HOUR;
    await robots.check(new URL('http://b.test/2'));
    assert.equal(asked.length, 1);
    let calls = 0;
    const flaky = createRobots({
      fetcher: fakeFetcher(() => (++calls === 1 ? new FetchError('FETCH_ABORTED', 'cancelled', { retryable: true }) : {})),
    });
    await assert.rejects(flaky.check(new URL('http://c.test/')), { code: 'FETCH_ABORTED' });
    assert.deepEqual(await flaky.check(new URL('http://c.test/')), { allowed: true });
  });
});
