/**
 * A streaming reader for web archives (WARC 1.0/1.1, plain or gzipped), built on
 * node:zlib: records come out one at a time with the offsets needed to resume or to
 * re-read one, and memory stays flat whatever the file's size.
 */
export { readWarc, readWarcRecordAt } from './read-warc.js';
export { WarcError } from './errors.js';
export type { WarcErrorCode } from './errors.js';
export type { HeaderField, HttpHead, PayloadQuestion, ReadWarcOptions, WarcRecord } from './types.js';
