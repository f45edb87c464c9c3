import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startOrigin, text } from '../../../test/helpers/origin.js';
import type { Origin } from '../../../test/helpers/origin.js';
import { createFetcher } from './fetcher.js';
import type { FetcherOptions } from './fetcher.js';
import { failure } from '../../../test/helpers/fetch-failure.js';

// undici's header and body timers are coarse (about ±0.5 s below one second), hence the spread.
const TIMEOUTS = { connectMs: 400, headersMs: 400, bodyMs: 400, totalMs: 2500 };
const MiB = 1024 * 1024;
let origin: Origin;
/** Raw TCP listeners: one that resets every connection, one that accepts and stays silent. */
let resetter: Server;
let silent: Server;
let closedPort: number;
/** Connections the silent listener accepted, closed at the end. */
const held = new Set<Socket>();

const portOf = (server: Server): number => (server.address() as AddressInfo).port;

function fetcher(extra: FetcherOptions = {}): ReturnType<typeof createFetcher> {
  return createFetcher({
    allowAddresses: [origin.port, portOf(resetter), portOf(silent), closedPort].map((port) => `127.0.0.1:${port}`),
    onConnect: (address) => assert.equal(address, '127.0.0.1'),
    timeouts: TIMEOUTS,
    maxBytes: MiB,
    ...extra,
  });
}

async function listen(server: Server): Promise<Server> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

before(async () => {
  origin = await startOrigin({ '/big-error': text('e'.repeat(200 * 1024), { status: 500 }) });
  resetter = await listen(createServer((socket) => socket.resetAndDestroy()));
  silent = await listen(
    createServer((socket) => {
      held.add(socket);
      socket.on('close', () => held.delete(socket));
    }),
  );
  const gone = await listen(createServer());
  closedPort = portOf(gone);
  await new Promise((resolve) => gone.close(resolve));
});
after(async () => {
  for (const socket of held) socket.destroy();
  await Promise.all([resetter, silent].map((server) => new Promise((resolve) => server.close(resolve))));
  await origin.close();
});

describe('deadlines (F-8)', () => {
  it('a server that accepts and never answers → headers timeout', async () => {
    const started = Date.now();
    const error = await failure(fetcher().fetch(origin.url('/never')));
    assert.equal(error.code, 'FETCH_TIMEOUT');
    assert.equal(error.detail?.phase, 'headers');
    assert.equal(error.retryable, true);
    assert.ok(Date.now() - started < 2000);
  });

  it('headers then silence → body (idle) timeout', async () => {
    const error = await failure(fetcher().fetch(origin.url('/hang-after-headers')));
    assert.equal(error.detail?.phase, 'body');
  });

  it('a trickle that beats the idle timer is stopped by the total deadline, socket closed', async () => {
    const started = Date.now();
    const error = await failure(fetcher({ timeouts: { ...TIMEOUTS, totalMs: 1500 } }).fetch(origin.url('/trickle')));
    const took = Date.now() - started;
    assert.equal(error.code, 'FETCH_TIMEOUT');
    assert.equal(error.detail?.phase, 'total');
    assert.ok(took >= 1400 && took < 2000, `took ${took} ms`);
    await sleep(100);
    assert.equal(origin.connections(), 0);
  });

  it('a stalled TLS handshake → connect timeout', async () => {
    const error = await failure(fetcher().fetch(`https://127.0.0.1:${portOf(silent)}/`));
    assert.equal(error.code, 'FETCH_TIMEOUT');
    assert.equal(error.detail?.phase, 'connect');
  });

  it('time spent in the caller’s hook is not network time', async () => {
    const quick = fetcher({ timeouts: { ...TIMEOUTS, totalMs: 500 } });
    const response = await quick.fetch(origin.url('/ok'), { beforeRequest: () => sleep(700).then(() => undefined) });
    assert.equal(response.status, 200);
  });

  it('an external signal and close() cancel fetches in flight', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const aborted = await failure(fetcher().fetch(origin.url('/never'), { signal: controller.signal }));
    assert.equal(aborted.code, 'FETCH_ABORTED');
    const f = fetcher();
    const pending = failure(f.fetch(origin.url('/never')));
    await sleep(50);
    await f.close();
    assert.equal((await pending).code, 'FETCH_ABORTED');
    assert.equal((await failure(f.fetch(origin.url('/ok')))).code, 'FETCH_ABORTED');
  });
});

describe('sizes and lengths (F-9)', () => {
  it('a 10 GiB Content-Length is refused before reading', async () => {
    const started = Date.now();
    const error = await failure(fetcher().fetch(origin.url('/cl-huge')));
    assert.equal(error.code, 'FETCH_TOO_LARGE');
    assert.equal(error.detail?.measure, 'declared');
    assert.ok(Date.now() - started < 300);
  });

  it('an endless chunked body stops at the cap', async () => {
    const error = await failure(fetcher().fetch(origin.url('/endless')));
    assert.equal(error.code, 'FETCH_TOO_LARGE');
    assert.equal(error.detail?.measure, 'wire');
  });

  it('in truncate mode the prefix comes back, marked', async () => {
    const response = await fetcher().fetch(origin.url('/endless'), { maxBytes: 100_000, truncate: true });
    assert.equal(response.body.length, 100_000);
    assert.equal(response.truncated, true);
  });

  for (const path of ['/cl-short', '/cl-long', '/chunked-cut']) {
    it(`${path}: a body that disagrees with its framing is FETCH_TRUNCATED`, async () => {
      const error = await failure(fetcher().fetch(origin.url(path)));
      assert.equal(error.code, 'FETCH_TRUNCATED');
      assert.equal(error.retryable, true);
    });
  }
});

describe('header abuse (F-11)', () => {
  for (const path of ['/huge-header', '/many-headers', '/dup-cl', '/bad-header']) {
    it(`${path} → FETCH_BAD_RESPONSE, and the next fetch works`, async () => {
      const f = fetcher();
      const error = await failure(f.fetch(origin.url(path)));
      assert.equal(error.code, 'FETCH_BAD_RESPONSE');
      assert.doesNotMatch(error.message, /\n/);
      assert.equal((await f.fetch(origin.url('/ok'))).status, 200);
    });
  }
});

describe('statuses and transport errors (F-12)', () => {
  it('returns any final status instead of throwing', async () => {
    for (const code of [404, 410, 503]) {
      const response = await fetcher().fetch(origin.url(`/status?code=${code}&retry-after=120`));
      assert.equal(response.status, code);
      assert.ok(response.headers.some(([name, value]) => name === 'retry-after' && value === '120'));
    }
  });

  it('reads at most 64 KiB of an error page', async () => {
    const response = await fetcher().fetch(origin.url('/big-error'));
    assert.equal(response.status, 500);
    assert.equal(response.body.length, 64 * 1024);
    assert.equal(response.truncated, true);
  });

  it('a reset, a refused and a dropped connection are retryable connect failures', async () => {
    for (const url of [`http://127.0.0.1:${portOf(resetter)}/`, `http://127.0.0.1:${closedPort}/`, origin.url('/drop')]) {
      const error = await failure(fetcher().fetch(url));
      assert.equal(error.code, 'FETCH_CONNECT_FAILED', url);
      assert.equal(error.retryable, true);
    }
  });
});
