import assert from 'node:assert/strict';
import { FetchError } from '../../src/collect/fetch/errors.js';

/** The FetchError a fetch ends with; fails the test when it succeeds or throws anything else. */
export async function failure(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof FetchError, `expected a FetchError, got ${String(error)}`);
    return error;
  }
  assert.fail('the fetch succeeded');
}
