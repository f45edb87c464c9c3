/**
 * Typed fetch errors: one stable code per cause (RELIABILITY.md §1.2), a one-line
 * message a user can act on, and a `retryable` flag so the scheduler, not the fetcher,
 * decides whether to try again.
 */

/** Every code a fetch can fail with; `FETCH_HTTP_<status>` comes from {@link httpStatusError}. */
export type FetchErrorCode =
  | 'FETCH_SCHEME_NOT_ALLOWED'
  | 'FETCH_BLOCKED_ADDRESS'
  | 'FETCH_DNS_FAILED'
  | 'FETCH_CONNECT_FAILED'
  | 'FETCH_TIMEOUT'
  | 'FETCH_TOO_LARGE'
  | 'FETCH_TOO_MANY_REDIRECTS'
  | 'FETCH_REDIRECT_LOOP'
  | 'FETCH_UNSUPPORTED_ENCODING'
  | 'FETCH_TRUNCATED'
  | 'FETCH_BAD_RESPONSE'
  | 'FETCH_TLS_ERROR'
  | 'FETCH_INVALID_URL'
  | 'FETCH_ABORTED'
  | `FETCH_HTTP_${number}`;

/** Which deadline ran out. */
export type TimeoutPhase = 'connect' | 'headers' | 'body' | 'total';

/** Which byte count passed the cap: the Content-Length, the bytes on the wire, or the decoded bytes. */
export type SizeMeasure = 'declared' | 'wire' | 'decoded';

/** Machine-readable particulars; only the fields that apply are set. */
export interface FetchErrorDetail {
  phase?: TimeoutPhase;
  measure?: SizeMeasure;
  status?: number;
  retryAfterMs?: number;
  /** The normalised address that was blocked, and the range it fell in. */
  address?: string;
  range?: string;
  /** Every URL requested, in order, the failing one last. */
  chain?: string[];
}

/** A fetch failure. Never carries a stack into user output (see `toJSON`). */
export class FetchError extends Error {
  override readonly name = 'FetchError';
  readonly code: FetchErrorCode;
  readonly retryable: boolean;
  readonly detail: FetchErrorDetail | undefined;

  constructor(
    code: FetchErrorCode,
    message: string,
    options: { retryable?: boolean; detail?: FetchErrorDetail; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.detail = options.detail;
  }

  /** The same error with more detail (used to attach the redirect chain at the top). */
  withDetail(extra: FetchErrorDetail): FetchError {
    return new FetchError(this.code, this.message, {
      retryable: this.retryable,
      detail: { ...this.detail, ...extra },
      cause: this.cause,
    });
  }

  toJSON(): { code: FetchErrorCode; message: string; retryable: boolean; detail?: FetchErrorDetail } {
    const json = { code: this.code, message: this.message, retryable: this.retryable };
    return this.detail === undefined ? json : { ...json, detail: this.detail };
  }
}

/** Statuses worth trying again later (Scrapy's RETRY_HTTP_CODES plus 425 Too Early). */
const RETRYABLE_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);

/** Retry-After is honoured up to an hour; longer waits are the scheduler's to reschedule. */
export const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

/**
 * `Retry-After` as milliseconds from `now`: delta-seconds or an HTTP-date, capped at one
 * hour. Undefined when the header is missing or unreadable.
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  let ms: number;
  if (/^\d+$/.test(text)) {
    ms = Number(text) * 1000;
  } else {
    const at = Date.parse(text);
    if (Number.isNaN(at)) return undefined;
    ms = at - now;
  }
  return Math.min(Math.max(0, ms), MAX_RETRY_AFTER_MS);
}

/** The parts of a response {@link httpStatusError} needs. */
export interface StatusLike {
  url: string;
  status: number;
  headers: ReadonlyArray<readonly [string, string]>;
}

/**
 * The error for a final response the caller did not want (anything but 2xx/304):
 * `FETCH_HTTP_<status>`, retryable for 408/425/429/500/502/503/504, with
 * `retryAfterMs` from `Retry-After` when the server sent one.
 */
export function httpStatusError(response: StatusLike, now: number = Date.now()): FetchError {
  const { status } = response;
  const retryAfter = response.headers.find(([name]) => name === 'retry-after')?.[1];
  const retryAfterMs = parseRetryAfter(retryAfter, now);
  const retryable = RETRYABLE_STATUSES.has(status);
  const detail: FetchErrorDetail = { status };
  if (retryAfterMs !== undefined) detail.retryAfterMs = retryAfterMs;
  const hint = retryable ? 'the server may recover; try again later' : 'the server refused or has no such page';
  return new FetchError(`FETCH_HTTP_${status}`, `HTTP ${status} from ${response.url}: ${hint}`, {
    retryable,
    detail,
  });
}
