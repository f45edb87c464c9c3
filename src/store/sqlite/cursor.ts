import { createHash } from 'node:crypto';
import { DatelineError } from '../../doc/errors.js';

/** One position in a keyset-paginated list: the sort values of the last row shown. */
export type CursorKey = readonly (string | number | null)[];

/**
 * Cursors are opaque to users but not secret: base64url JSON of the last row's sort key
 * and a fingerprint of the query they belong to, so a cursor reused with another query,
 * or edited, is refused with a clear error instead of returning a wrong page.
 */
export function encodeCursor(fingerprint: string, key: CursorKey): string {
  return Buffer.from(JSON.stringify({ f: fingerprint, k: key }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, fingerprint: string, arity: number): CursorKey {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (typeof value !== 'object' || value === null) throw badCursor();
  const { f, k } = value as { f?: unknown; k?: unknown };
  if (f !== fingerprint) throw new DatelineError('QUERY_INVALID', 'cursor: it belongs to another query; start again from the first page.');
  if (!Array.isArray(k) || k.length !== arity || !k.every((part) => part === null || typeof part === 'string' || typeof part === 'number')) throw badCursor();
  return k as CursorKey;
}

/** A short, stable fingerprint of what a list is of (everything but the cursor and page size). */
export function fingerprintOf(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 16);
}

function badCursor(): DatelineError {
  return new DatelineError('QUERY_INVALID', 'cursor: not a cursor this server gave out; use the `next` value of the previous page as it is.');
}
