/** Where a command writes; replaceable for tests. */
export interface Streams {
  readonly out: NodeJS.WritableStream;
  readonly err: NodeJS.WritableStream;
}

/** Writes and waits until the stream has taken the text (back-pressure for large outputs). */
export function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    stream.write(text, () => resolve());
  });
}

/** The store file: --db, else $DATELINE_DB, else ./dateline.db. */
export function storePath(db: string | undefined): string {
  return db ?? process.env['DATELINE_DB'] ?? 'dateline.db';
}
