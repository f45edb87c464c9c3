import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { ingest } from '../collect/ingest.js';
import { itemForLine } from '../collect/loaders.js';
import type { NetworkOptions } from '../collect/network.js';
import { STDIN_SOURCE_KEY } from '../collect/sources.js';
import { openStore } from '../store/sqlite/index.js';
import type { ItemState } from '../store/store.js';
import type { IngestBody } from './schemas.js';

export interface IngestOneResult {
  readonly item: number;
  readonly state: ItemState;
  readonly code: string | null;
  readonly message: string | null;
  readonly article: number | null;
}

/** Takes one input posted to the API into the store and says how it ended. */
export type IngestOne = (body: IngestBody) => Promise<IngestOneResult>;

/**
 * Posted inputs go through the same ingest as the CLI's standard input, one at a time (the
 * store has one writer), each as one JSON line. The writer lock is taken per request, so a
 * `dateline ingest` running beside the server is waited for, not broken: if it holds the
 * lock the request fails with STORE_BUSY and can be retried.
 */
export function ingestOneInto(db: string, network: NetworkOptions = {}): IngestOne {
  let queue: Promise<unknown> = Promise.resolve();
  return (body) => {
    const run = queue.then(() => ingestLine(db, JSON.stringify(body), network));
    queue = run.catch(() => undefined);
    return run;
  };
}

async function ingestLine(db: string, line: string, network: NetworkOptions): Promise<IngestOneResult> {
  const store = openStore(db);
  try {
    // Kept under standard input's source, as `dateline ingest -` keeps a line: each finds the other's items.
    const key = itemForLine(line, createHash('sha256').update(line).digest('hex')).key;
    await ingest(['-'], { store, stdin: Readable.from([`${line}\n`]), readers: 1, network, maxWaitMs: 0 });
    const item = store.findItem(STDIN_SOURCE_KEY, key);
    if (item === null) throw new Error('the posted item was not accepted');
    return { item: item.id, state: item.state, code: item.code, message: item.message, article: item.articleId };
  } finally {
    store.close();
  }
}
