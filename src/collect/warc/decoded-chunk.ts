/**
 * A piece of the decoded (uncompressed) WARC stream. For gzip input the chunks of one
 * member carry where that member lies in the file, so records can be given offsets a
 * reader can seek to; plain input carries no member marks.
 */
export interface DecodedChunk {
  readonly bytes: Buffer;
  /** Set on the first chunk of a gzip member: the member's file offset. */
  readonly memberStart?: number;
  /** Set on the last chunk of a gzip member: the file offset just after it (trailer included). */
  readonly memberEnd?: number;
}

export type ChunkSource = AsyncGenerator<DecodedChunk, void, undefined>;
