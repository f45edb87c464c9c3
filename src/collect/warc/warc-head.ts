import type { ByteReader } from './byte-reader.js';
import { WarcError } from './errors.js';
import type { HeaderField } from './types.js';

/** Real WARC headers are a few KiB; this only stops a runaway line from filling memory. */
const MAX_WARC_HEAD = 256 * 1024;
const MAX_VERSION_LINE = 64;
const VERSION_LINE = /^WARC\/\d+\.\d+[ \t]*\r?\n$/;
const MAGIC = Buffer.from('WARC/');

/** Where a record's head is being read, for messages. */
export interface HeadContext {
  /** File offset of the record (reported in errors). */
  readonly offset: number;
  /** Whether this is the first thing in the file: a mismatch then means "not a WARC file". */
  readonly atFileStart: boolean;
}

/**
 * Reads a record's version line and named fields, up to the blank line before the
 * block. The reader must be at the record's first byte. Folded (indented) lines continue
 * the previous value. Throws WARC_INVALID for anything that is not a record head and
 * WARC_TRUNCATED when the input ends inside it.
 */
export async function readWarcHead(reader: ByteReader, context: HeadContext): Promise<HeaderField[]> {
  const version = (await reader.readLine(MAX_VERSION_LINE)) ?? Buffer.alloc(0);
  if (!startsWithMagic(version)) {
    if (version.length < MAGIC.length && MAGIC.subarray(0, version.length).equals(version)) throw truncated(context);
    throw notARecord(version, context);
  }
  if (!VERSION_LINE.test(version.toString('latin1'))) {
    if (version.length < MAX_VERSION_LINE && version[version.length - 1] !== 0x0a) throw truncated(context);
    throw invalid(context, `its version line ${quote(version)} is malformed`);
  }
  const fields: [string, string][] = [];
  let budget = MAX_WARC_HEAD;
  for (;;) {
    const raw = await reader.readLine(budget);
    if (raw === null || raw[raw.length - 1] !== 0x0a) {
      if (raw !== null && raw.length >= budget) throw invalid(context, `its header is longer than ${MAX_WARC_HEAD / 1024} KiB`);
      throw truncated(context);
    }
    budget -= raw.length;
    const line = raw.toString('utf8').replace(/\r?\n$/, '');
    if (line === '') return fields;
    const last = fields[fields.length - 1];
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (!last) throw invalid(context, 'its first header line is indented');
      last[1] = `${last[1]} ${line.trim()}`.trim();
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) throw invalid(context, `it has a header line without a name: ${quote(raw)}`);
    fields.push([line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]);
  }
}

function startsWithMagic(bytes: Buffer): boolean {
  return bytes.length >= MAGIC.length && bytes.subarray(0, MAGIC.length).equals(MAGIC);
}

function notARecord(start: Buffer, context: HeadContext): WarcError {
  if (context.atFileStart) {
    return new WarcError('WARC_INVALID', context.offset, `Not a WARC file: it starts with ${quote(start)}${kindOf(start)}, not a "WARC/1.x" version line.`);
  }
  return new WarcError('WARC_INVALID', context.offset, `No WARC record starts at byte ${context.offset} (found ${quote(start)}): the offset is not a record boundary or the file is corrupt there.`);
}

function truncated(context: HeadContext): WarcError {
  return new WarcError('WARC_TRUNCATED', context.offset, `The file ends inside the header of the WARC record at byte ${context.offset}: it was cut short.`);
}

function invalid(context: HeadContext, what: string): WarcError {
  return new WarcError('WARC_INVALID', context.offset, `The WARC record at byte ${context.offset} is malformed: ${what}.`);
}

/** Recognises the usual suspects, so the message says what the file actually is. */
function kindOf(start: Buffer): string {
  const text = start.toString('latin1');
  if (text.startsWith('\x89PNG')) return ' (a PNG image)';
  if (text.startsWith('%PDF')) return ' (a PDF document)';
  if (text.startsWith('PK\x03\x04')) return ' (a ZIP archive)';
  if (/^\s*</.test(text)) return ' (HTML or XML)';
  return '';
}

/** The first bytes, printable and short, for messages. */
export function quote(bytes: Buffer): string {
  const text = bytes.subarray(0, 24).toString('latin1').replace(/[^\x20-\x7e]/g, '.');
  return JSON.stringify(bytes.length > 24 ? `${text}…` : text);
}
