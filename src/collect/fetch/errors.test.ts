import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FetchError, httpStatusError, MAX_RETRY_AFTER_MS, parseRetryAfter } from './errors.js';

const NOW = Date.parse('2026-05-01T12:00:00Z');
const response = (status: number, retryAfter?: string): { url: string; status: number; headers: Array<[string, string]> } => ({
  url: 'https://example.com/a',
  status,
  headers: retryAfter === undefined ? [] : [['retry-after', retryAfter]],
});

describe('httpStatusError (F-12)', () => {
  it('marks 408, 425, 429, 500, 502, 503, 504 retryable', () => {
    for (const status of [408, 425, 429, 500, 502, 503, 504]) {
      const error = httpStatusError(response(status), NOW);
      assert.equal(error.code, `FETCH_HTTP_${status}`);
      assert.equal(error.retryable, true, String(status));
      assert.equal(error.detail?.status, status);
    }
  });

  it('marks 400, 401, 403, 404, 410 and 501 terminal', () => {
    for (const status of [400, 401, 403, 404, 410, 501]) {
      assert.equal(httpStatusError(response(status), NOW).retryable, false, String(status));
    }
  });

  it('reads Retry-After as seconds or an HTTP-date, capped at one hour', () => {
    assert.equal(httpStatusError(response(503, '120'), NOW).detail?.retryAfterMs, 120_000);
    assert.equal(httpStatusError(response(429, 'Fri, 01 May 2026 12:02:00 GMT'), NOW).detail?.retryAfterMs, 120_000);
    assert.equal(httpStatusError(response(503, '86400'), NOW).detail?.retryAfterMs, MAX_RETRY_AFTER_MS);
    assert.equal(httpStatusError(response(503, 'Thu, 01 Jan 2026 00:00:00 GMT'), NOW).detail?.retryAfterMs, 0);
    assert.equal(httpStatusError(response(503, 'soon'), NOW).detail?.retryAfterMs, undefined);
    assert.equal(parseRetryAfter(undefined), undefined);
    assert.equal(parseRetryAfter(' 5 ', NOW), 5000);
  });

  it('serialises without a stack, on one line', () => {
    const json = JSON.parse(JSON.stringify(httpStatusError(response(503, '1'), NOW))) as Record<string, unknown>;
    assert.deepEqual(Object.keys(json).sort(), ['code', 'detail', 'message', 'retryable']);
    assert.doesNotMatch(String(json.message), /\n/);
    const plain = new FetchError('FETCH_TRUNCATED', 'cut', { retryable: true });
    assert.deepEqual(plain.toJSON(), { code: 'FETCH_TRUNCATED', message: 'cut', retryable: true });
    assert.deepEqual(plain.withDetail({ chain: ['a'] }).detail, { chain: ['a'] });
  });
});
