import { WarcError } from './errors.js';
import type { HeaderField, WarcRecord } from './types.js';

/** What the WARC head alone says about a record. */
export type RecordFields = Omit<WarcRecord, 'offset' | 'length' | 'http' | 'payload' | 'payloadTooLarge'>;

/**
 * The named WARC fields of a record head (the first of each, when repeated), checked for
 * the one the reader cannot do without: a Content-Length that is a byte count.
 */
export function toWarcRecord(headers: HeaderField[], offset: number): RecordFields {
  const first = (name: string): string | undefined => headers.find(([key]) => key === name)?.[1];
  const declared = first('content-length');
  if (declared === undefined || !/^\d+$/.test(declared) || !Number.isSafeInteger(Number(declared))) {
    const what = declared === undefined ? 'it has no Content-Length' : `its Content-Length ${JSON.stringify(declared.slice(0, 40))} is not a byte count`;
    throw new WarcError('WARC_INVALID', offset, `The WARC record at byte ${offset} is malformed: ${what}.`);
  }
  const optional = {
    targetUri: first('warc-target-uri')?.replace(/^<(.*)>$/, '$1').trim(),
    recordId: first('warc-record-id'),
    date: first('warc-date'),
    truncated: first('warc-truncated'),
    refersTo: first('warc-refers-to'),
  };
  const present = Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined && value !== ''));
  return { type: first('warc-type') || 'unknown', headers, ...present, blockLength: Number(declared) };
}
