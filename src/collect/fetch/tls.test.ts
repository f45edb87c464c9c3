import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeTestCertificates, startOrigin } from '../../../test/helpers/origin.js';
import type { Origin, TestCertificates } from '../../../test/helpers/origin.js';
import { FetchError } from './errors.js';
import { createFetcher } from './fetcher.js';

const certs: TestCertificates | undefined = makeTestCertificates();
const skip = certs === undefined ? 'openssl is not available to make test certificates' : false;

let valid: Origin;
let expired: Origin;
let selfSigned: Origin;

/** Every name resolves to loopback; only the allow-listed origin ports are reachable. */
function fetcher(withCa: boolean): ReturnType<typeof createFetcher> {
  return createFetcher({
    resolver: async () => ['127.0.0.1'],
    allowAddresses: [valid, expired, selfSigned].map((o) => `127.0.0.1:${o.port}`),
    onConnect: (address) => assert.equal(address, '127.0.0.1'),
    timeouts: { connectMs: 2000, headersMs: 2000, bodyMs: 2000, totalMs: 4000 },
    ...(withCa && certs ? { ca: certs.ca } : {}),
  });
}

async function tlsFailure(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof FetchError, String(error));
    assert.equal(error.code, 'FETCH_TLS_ERROR', error.message);
    assert.equal(error.retryable, false);
    return error;
  }
  assert.fail('the fetch succeeded over untrusted TLS');
}

describe('TLS (F-14)', { skip }, () => {
  before(async () => {
    if (!certs) return;
    valid = await startOrigin({}, { tls: certs.valid });
    expired = await startOrigin({}, { tls: certs.expired });
    selfSigned = await startOrigin({}, { tls: certs.selfSigned });
  });
  after(async () => {
    await Promise.all([valid, expired, selfSigned].filter(Boolean).map((o) => o.close()));
  });

  it('verifies the certificate against the name while connecting to the pinned address', async () => {
    const response = await fetcher(true).fetch(`https://origin.test:${valid.port}/ok`);
    assert.equal(response.status, 200);
  });

  it('a certificate for another name → FETCH_TLS_ERROR', async () => {
    const error = await tlsFailure(fetcher(true).fetch(`https://wrong.test:${valid.port}/ok`));
    assert.match(error.message, /ALTNAME|wrong\.test/);
    await tlsFailure(fetcher(true).fetch(`https://127.0.0.1:${valid.port}/ok`));
  });

  it('an unknown issuer, an expired and a self-signed certificate → FETCH_TLS_ERROR', async () => {
    await tlsFailure(fetcher(false).fetch(`https://origin.test:${valid.port}/ok`));
    const old = await tlsFailure(fetcher(true).fetch(`https://origin.test:${expired.port}/ok`));
    assert.match(old.message, /EXPIRED/);
    await tlsFailure(fetcher(true).fetch(`https://origin.test:${selfSigned.port}/ok`));
    assert.equal(selfSigned.hits('/ok'), 0);
    assert.equal(expired.hits('/ok'), 0);
  });
});
