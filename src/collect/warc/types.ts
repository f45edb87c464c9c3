/** A header as read: name lower-cased, value trimmed. */
export type HeaderField = readonly [string, string];

/** The status line and headers of an HTTP response recorded in a WARC record. */
export interface HttpHead {
  readonly status: number;
  /** Names lower-cased, values trimmed and decoded as Latin-1 (byte for byte), in order, duplicates kept. */
  readonly headers: readonly HeaderField[];
}

/** One WARC record, as yielded once it has been read to its end (so offset and length are final). */
export interface WarcRecord {
  /** Byte offset of the record in the file (for .gz: of its gzip member), and its length in the file. */
  readonly offset: number;
  readonly length: number;
  /** WARC-Type: response, request, resource, revisit, metadata, warcinfo, conversion, continuation ('unknown' when missing). */
  readonly type: string;
  /** All WARC headers, names lower-cased, in order (duplicates kept). */
  readonly headers: readonly HeaderField[];
  /** WARC-Target-URI, trimmed, without the <> some writers add. */
  readonly targetUri?: string;
  readonly recordId?: string;
  readonly date?: string;
  /** WARC-Truncated: length, time, disconnect, unspecified. The payload is then as far as recorded. */
  readonly truncated?: string;
  readonly refersTo?: string;
  /** For responses (and revisits) whose block is an HTTP response: its status and headers. */
  readonly http?: HttpHead;
  /**
   * The payload: for an HTTP response, the body after the HTTP headers with chunked
   * transfer-encoding undone (Content-Encoding left as recorded); for other records, the
   * block. Absent when over maxPayloadBytes (then payloadTooLarge is true), when not
   * wanted, or when empty.
   */
  readonly payload?: Uint8Array;
  readonly payloadTooLarge?: boolean;
  /** Declared Content-Length of the block. */
  readonly blockLength: number;
}

/** What wantPayload is asked about, before the payload is read. */
export interface PayloadQuestion {
  readonly type: string;
  readonly headers: readonly HeaderField[];
  readonly http?: HttpHead;
}

export interface ReadWarcOptions {
  /** Start at this file offset (a record boundary from an earlier WarcRecord: offset + length), default 0. */
  readonly startOffset?: number;
  /** Payloads over this are not buffered (default 10 MiB); the bytes are skipped, never read into memory. */
  readonly maxPayloadBytes?: number;
  /**
   * Only buffer payloads for records this returns true for (the others still come out,
   * without payload). Default: response, resource, revisit and conversion records.
   */
  readonly wantPayload?: (record: PayloadQuestion) => boolean;
}
