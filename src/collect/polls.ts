import type { ItemRow, Store } from '../store/store.js';
import { entriesOf, parseContainer, type Loaded } from './content.js';
import { loadFromFile, loadFromNetwork, maxBytesFor } from './loaders.js';
import type { Network } from './network.js';

/** What a background task of a run (polling, reading standard input) may do. */
export interface BackgroundContext {
  readonly store: Store;
  readonly network: Network;
  readonly signal: AbortSignal;
  readonly since?: Date;
  /** Hands newly accepted items to the run. */
  readonly add: (rows: readonly ItemRow[]) => void;
  readonly notice: (message: string) => void;
}

/**
 * Fetches a feed or sitemap stored by an earlier run again, asking only for what
 * changed (If-None-Match / If-Modified-Since), and accepts the entries it has not seen.
 * A local feed file is simply read again.
 */
export async function repollSource(root: ItemRow, context: BackgroundContext): Promise<void> {
  let loaded: Loaded;
  try {
    if (root.url !== null) {
      const poll = context.store.poll(root.url);
      const headers: Record<string, string> = {};
      if (poll?.etag) headers['if-none-match'] = poll.etag;
      if (poll?.lastModified) headers['if-modified-since'] = poll.lastModified;
      loaded = await loadFromNetwork(root.url, context.network, { maxBytes: maxBytesFor(root), signal: context.signal, headers });
      const header = (name: string) => loaded.headers?.find(([key]) => key === name)?.[1] ?? null;
      context.store.savePoll({
        url: root.url,
        etag: header('etag') ?? poll?.etag ?? null,
        lastModified: header('last-modified') ?? poll?.lastModified ?? null,
        polledAt: new Date().toISOString(),
        status: loaded.status ?? 200,
      });
      if (loaded.status === 304) return;
    } else {
      loaded = await loadFromFile(root.path ?? root.key);
    }
    const feed = parseContainer(loaded);
    const children = entriesOf(feed, { ...(context.since !== undefined ? { since: context.since } : {}), onLeftOut: context.notice }, root.url ?? root.path ?? root.key);
    context.add(context.store.accept(root.sourceId, root.id, children));
  } catch (error) {
    if (context.signal.aborted) return;
    const where = root.url ?? root.path ?? root.key;
    const message = error instanceof Error ? error.message : String(error);
    const code = (error as { code?: unknown }).code;
    if (root.url !== null) {
      const poll = context.store.poll(root.url);
      context.store.savePoll({
        url: root.url,
        etag: poll?.etag ?? null,
        lastModified: poll?.lastModified ?? null,
        polledAt: new Date().toISOString(),
        status: 0,
        error: typeof code === 'string' ? `${code}: ${message}` : message,
      });
    }
    context.notice(`Polling ${where} failed: ${message}`);
  }
}
