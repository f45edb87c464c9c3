import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { NewItem } from '../store/store.js';
import { itemForLine } from './loaders.js';
import type { BackgroundContext } from './polls.js';

/** Lines are accepted in batches of this many, or sooner when the input is slow. */
const BATCH = 100;
const BATCH_MS = 250;

/**
 * Accepts JSON Lines from standard input as they arrive, each line an item: `{"url"}`,
 * `{"url","html"}` or `{"text"}`. A page given inline is kept with its item, since
 * standard input cannot be read again after an interruption. Blank lines are ignored;
 * a line that is not such an object is accepted and fails with INPUT_INVALID.
 */
export async function acceptStdin(sourceId: number, input: Readable, context: BackgroundContext): Promise<void> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let batch: NewItem[] = [];
  let since = Date.now();
  const flush = () => {
    if (batch.length > 0) context.add(context.store.accept(sourceId, null, batch));
    batch = [];
    since = Date.now();
  };
  for await (const line of lines) {
    if (line.trim() === '') continue;
    batch.push(itemForLine(line, createHash('sha256').update(line).digest('hex')));
    if (batch.length >= BATCH || Date.now() - since > BATCH_MS) flush();
    if (context.signal.aborted) break;
  }
  flush();
}
