/** Why a WARC file could not be read (further). */
export type WarcErrorCode = 'WARC_INVALID' | 'WARC_TRUNCATED';

/**
 * A WARC file that is not a WARC file, is malformed, or ends early. `offset` is where
 * the record that could not be read starts: every complete record before it has been
 * yielded, so an ingest can record the error against that offset and stop there.
 */
export class WarcError extends Error {
  override readonly name = 'WarcError';
  readonly code: WarcErrorCode;
  readonly offset: number;

  constructor(code: WarcErrorCode, offset: number, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.offset = offset;
  }

  /** The same failure, reported against another offset (the start of the record it broke). */
  at(offset: number): WarcError {
    return offset === this.offset ? this : new WarcError(this.code, offset, this.message, { cause: this.cause });
  }

  toJSON(): { code: WarcErrorCode; offset: number; message: string } {
    return { code: this.code, offset: this.offset, message: this.message };
  }
}
