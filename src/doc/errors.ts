/**
 * Errors a user can act on. Each has a stable `code` and a one-line message that
 * says what went wrong and, where possible, what to do about it. These are what the
 * CLI prints and what the JSON `error` object carries; they never carry a stack.
 */
export const ERROR_CODES = {
  INPUT_NOT_FOUND: 'The input file or directory does not exist.',
  INPUT_UNREADABLE: 'The input could not be read.',
  INPUT_EMPTY: 'The input is empty.',
  INPUT_BINARY: 'The input is binary data (an image, archive or executable), not a page or text.',
  INPUT_TOO_LARGE: 'The input is larger than the size limit.',
  INPUT_GZIP_CORRUPT: 'The gzip file is truncated or corrupt.',
  INPUT_UNSUPPORTED: 'The input type is not supported.',
  EXTRACT_EMPTY: 'No text could be found in the input.',
  EXTRACT_TIMEOUT: 'Reading the input took longer than the time limit.',
  EXTRACT_OOM: 'Reading the input needed more memory than the limit.',
  PIPELINE_INVALID: 'The pipeline is misconfigured.',
  STORE_FAILED: 'The store could not be written or read.',
  STORE_BUSY: 'Another ingest is writing to the store.',
  STORE_CORRUPT: 'The store file is not a Dateline database or is damaged.',
  STORE_TOO_NEW: 'The store was written by a newer Dateline.',
  STORE_OUTDATED: 'The store was written by an older Dateline and must be opened for writing once to be brought up to date.',
  QUERY_INVALID: 'A search or API parameter is not valid.',
  QUERY_TIMEOUT: 'The query took longer than its deadline.',
  NOT_FOUND: 'Nothing exists at that address.',
  UNAUTHORIZED: 'This request needs the API token.',
  RATE_LIMITED: 'Too many requests; wait and try again.',
  INTERNAL: 'An unexpected internal error.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class DatelineError extends Error {
  override readonly name = 'DatelineError';
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }

  toJSON(): { code: ErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}

/** Any thrown value as a DatelineError, without leaking stacks into user output. */
export function asDatelineError(error: unknown): DatelineError {
  if (error instanceof DatelineError) return error;
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return new DatelineError('INPUT_UNSUPPORTED', 'The input is nested too deeply to read.', { cause: error });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new DatelineError('INTERNAL', `Unexpected error: ${detail}`, { cause: error });
}
