import { DatelineError } from '../doc/errors.js';
import type { ItemRow, Outcome } from '../store/store.js';
import { FetchError } from './fetch/errors.js';

/**
 * How an error ends an item. Policy says no → `skipped` (the reason is the code); a
 * transient failure is tried again later, up to `maxAttempts`, with exponential backoff
 * and full jitter (or the server's Retry-After when longer); anything else → `failed`.
 */
export interface RetryPolicy {
  /** Attempts in all, the first included (default 3). */
  readonly maxAttempts: number;
  /** Backoff base: the n-th retry waits a random time up to base × 2^n (default 2 s). */
  readonly baseMs: number;
  /** Longest backoff (default 5 min). */
  readonly capMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 3, baseMs: 2_000, capMs: 5 * 60_000 };

/** Codes that mean "policy said no": the item is skipped, and the run still counts as a success. */
const SKIP_CODES = new Set([
  'FETCH_SCHEME_NOT_ALLOWED',
  'FETCH_BLOCKED_ADDRESS',
  'FETCH_TOO_LARGE',
  'ROBOTS_DISALLOWED',
  'ROBOTS_UNREACHABLE',
  'ROBOTS_CRAWL_DELAY_TOO_LONG',
  'NOT_HTML',
  'NOT_ARTICLE',
  'INPUT_BINARY',
  'INPUT_EMPTY',
  'EXTRACT_EMPTY',
  'INPUT_TOO_LARGE',
  'INPUT_UNSUPPORTED',
  'WARC_RECORD_TRUNCATED',
  'REVISIT_UNRESOLVED',
]);

function isSkipCode(code: string): boolean {
  return SKIP_CODES.has(code) || /^HTTP_\d{3}$/.test(code);
}

export function outcomeOf(error: unknown, item: ItemRow, retry: RetryPolicy = DEFAULT_RETRY, now: number = Date.now()): Outcome {
  const { code, message, retryable, retryAfterMs } = describe(error);
  const attempt = item.attempts + 1;
  if (retryable && attempt < retry.maxAttempts) {
    const backoff = Math.random() * Math.min(retry.capMs, retry.baseMs * 2 ** attempt);
    const wait = Math.max(backoff, retryAfterMs ?? 0);
    return { state: 'pending', dueAt: now + Math.round(wait), code, message: `${message} (attempt ${attempt} of ${retry.maxAttempts}; trying again later)` };
  }
  return { state: isSkipCode(code) ? 'skipped' : 'failed', code, message };
}

function describe(error: unknown): { code: string; message: string; retryable: boolean; retryAfterMs?: number } {
  if (error instanceof FetchError) {
    return {
      code: error.code,
      message: error.message,
      retryable: error.retryable,
      ...(error.detail?.retryAfterMs !== undefined ? { retryAfterMs: error.detail.retryAfterMs } : {}),
    };
  }
  if (error instanceof DatelineError) return { code: error.code, message: error.message, retryable: false };
  if (error instanceof ItemError) {
    return { code: error.code, message: error.message, retryable: error.retryAfterMs !== undefined, ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}) };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: `Unexpected error: ${detail}`, retryable: false };
}

/**
 * A reason an item cannot go on, found by ingest itself (not an article, not HTML, a
 * robots.txt refusal…). With `retryAfterMs` the item is tried again after that long.
 */
export class ItemError extends Error {
  override readonly name = 'ItemError';
  constructor(
    readonly code: string,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}
