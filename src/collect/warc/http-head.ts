import type { ByteReader } from './byte-reader.js';
import type { HeaderField, HttpHead } from './types.js';

/** An HTTP head longer than this is not one a browser would accept either. */
const MAX_HTTP_HEAD = 256 * 1024;
/** HTTP/1.0, HTTP/1.1 and HTTP/2 as some tools write it; the reason phrase may be missing. */
const STATUS_LINE = /^HTTP\/\d(?:\.\d)?[ \t]+(\d{3})(?:[ \t].*)?$/;

export interface HttpHeadResult {
  /** Status and headers, when the block starts with an HTTP status line. */
  readonly head?: HttpHead;
  /** Bytes of the block used. */
  readonly consumed: number;
  /** Whether the blank line ending the head was found, so the body starts right after. */
  readonly bodyFound: boolean;
}

/**
 * Reads the HTTP response head at the start of a block of `blockLength` bytes, as
 * servers send it rather than as the RFC asks: bare LF line ends, obs-fold
 * continuation lines, a missing reason phrase, header lines without a colon (skipped).
 * Header bytes are decoded as Latin-1, which keeps every byte. When the block or the
 * input ends inside the head, what was read comes back with bodyFound false; the caller
 * finds out which by reading on.
 */
export async function readHttpHead(reader: ByteReader, blockLength: number): Promise<HttpHeadResult> {
  const limit = Math.min(blockLength, MAX_HTTP_HEAD);
  let consumed = 0;
  const nextLine = async (): Promise<{ text: string; complete: boolean } | null> => {
    const raw = await reader.readLine(limit - consumed);
    if (raw === null) return null;
    consumed += raw.length;
    const complete = raw[raw.length - 1] === 0x0a;
    return { text: raw.toString('latin1').replace(/\r?\n$/, ''), complete };
  };
  const result = (head: HttpHead | undefined, bodyFound: boolean): HttpHeadResult => ({
    ...(head ? { head } : {}),
    consumed,
    bodyFound,
  });

  const statusLine = await nextLine();
  const match = statusLine ? STATUS_LINE.exec(statusLine.text.trimEnd()) : null;
  if (!statusLine || !match) return result(undefined, false);
  const headers: [string, string][] = [];
  const head = { status: Number(match[1]), headers };
  if (!statusLine.complete) return result(head, false);
  for (;;) {
    const line = await nextLine();
    if (line === null) return result(head, false);
    if (line.complete && line.text === '') return result(head, true);
    const last = headers[headers.length - 1];
    if (last && (line.text.startsWith(' ') || line.text.startsWith('\t'))) {
      last[1] = `${last[1]} ${line.text.trim()}`.trim();
    } else {
      const colon = line.text.indexOf(':');
      if (colon > 0) headers.push([line.text.slice(0, colon).trim().toLowerCase(), line.text.slice(colon + 1).trim()]);
    }
    if (!line.complete) return result(head, false);
  }
}

/** The value of a header, comma-joined when repeated (RFC 9110 §5.3), or undefined. */
export function headerValue(headers: readonly HeaderField[], name: string): string | undefined {
  const values = headers.filter(([key]) => key === name).map(([, value]) => value);
  return values.length > 0 ? values.join(', ') : undefined;
}

/** Whether the body was sent with chunked framing: chunked is then the last transfer coding. */
export function isChunked(head: HttpHead): boolean {
  const codings = (headerValue(head.headers, 'transfer-encoding') ?? '').split(',').map((coding) => coding.trim().toLowerCase());
  return codings[codings.length - 1] === 'chunked';
}
