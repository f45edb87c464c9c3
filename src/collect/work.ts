import type { ItemRow, Outcome, Store } from '../store/store.js';
import type { ReaderPool } from '../workers/pool.js';
import { outcomeForContent, type ContentContext } from './content.js';
import { isWarcFile, loadFromFile, loadFromLine, loadFromNetwork, maxBytesFor } from './loaders.js';
import type { Network } from './network.js';
import { ItemError } from './outcomes.js';
import { urlKey } from './url-key.js';
import { loadFromRecord, pumpWarc, rereadRecord } from './warc-source.js';
import type { WarcRecord } from './warc/index.js';

/** Names that say page or text: such a file is not opened first to look for a web archive. */
const PAGE_NAME = /\.(html?|xhtml|txt|text)(\.gz)?$/i;

/** What working on one item may use of its run. */
export interface WorkContext {
  readonly store: Store;
  readonly network: Network;
  readonly pool: ReaderPool;
  readonly signal: AbortSignal;
  readonly since?: Date;
  /** Archive records accepted in this run, with their payloads, until they are worked on. */
  readonly records: Map<number, WarcRecord>;
  /** Hands an item accepted while working (an archive's record) to the run. */
  readonly enqueue: (row: ItemRow) => void;
  /** Resolves when the run has room for more archive records. */
  readonly room: () => Promise<void>;
  readonly notice: (message: string) => void;
}

/** How the run orders local items' commits: `unordered` leaves the order (a web archive), `inOrder` waits for the items before. */
export interface Ordering {
  readonly unordered: () => void;
  readonly inOrder: () => Promise<void>;
}

/** Works on one item, by its kind, to the outcome the store will record. */
export async function workOn(item: ItemRow, context: WorkContext, ordering: Ordering): Promise<Outcome> {
  const content: ContentContext = {
    pool: context.pool,
    depth: depthOf(item, context.store),
    sitemapsOf: (origin) => context.network.sitemaps(origin),
    storedBytes: (sha256) => context.store.findDuplicate({ rawHash: sha256 })?.articleId ?? null,
    onLeftOut: (message) => context.notice(message),
    linking: context.store.linking,
    ...(context.since !== undefined ? { since: context.since } : {}),
  };
  switch (item.kind) {
    case 'file': {
      const path = item.path ?? item.key;
      if (!PAGE_NAME.test(path) && (await isWarcFile(path))) {
        ordering.unordered();
        await pumpWarc(item, path, {
          store: context.store,
          signal: context.signal,
          enqueue: (row, record) => {
            context.records.set(row.id, record);
            context.enqueue(row);
          },
          room: context.room,
        });
        if (context.signal.aborted) throw context.signal.reason ?? new Error('aborted');
        return { state: 'stored', kind: 'warc', capture: null, children: [] };
      }
      return outcomeForContent(item, await loadFromFile(path), content);
    }
    case 'record': {
      const record = context.records.get(item.id) ?? (await rereadRecord(item));
      context.records.delete(item.id);
      if (record.type === 'revisit') {
        // Whether the capture it repeats is stored depends on the records before it.
        await ordering.inOrder();
        return revisit(record, context.store);
      }
      return outcomeForContent(item, loadFromRecord(record), content);
    }
    case 'line':
      return outcomeForContent(item, loadFromLine(item, context.store.payload(item.id)), content);
    default:
      return fromNetwork(item, context, content);
  }
}

async function fromNetwork(item: ItemRow, context: WorkContext, content: ContentContext): Promise<Outcome> {
  if (item.kind === 'entry' || item.kind === 'url') {
    const duplicate = context.store.findDuplicate({ urlKey: item.key });
    if (duplicate !== null) return { state: 'duplicate', articleId: duplicate.articleId, code: duplicate.code };
  }
  const loaded = await loadFromNetwork(item.url ?? item.key, context.network, { maxBytes: maxBytesFor(item), signal: context.signal });
  if (loaded.url !== null && loaded.url !== item.url) {
    const duplicate = context.store.findDuplicate({ urlKey: urlKey(loaded.url) });
    if (duplicate !== null) return { state: 'duplicate', articleId: duplicate.articleId, code: duplicate.code };
  }
  const outcome = await outcomeForContent(item, loaded, content);
  if (outcome.state === 'stored' && (outcome.kind === 'feed' || outcome.kind === 'sitemap') && item.url !== null) {
    const header = (name: string) => loaded.headers?.find(([key]) => key === name)?.[1] ?? null;
    context.store.savePoll({ url: item.url, etag: header('etag'), lastModified: header('last-modified'), polledAt: new Date().toISOString(), status: loaded.status ?? 200 });
  }
  return outcome;
}

/** A revisit record repeats an earlier capture: a duplicate of the article stored from it, when there is one. */
function revisit(record: WarcRecord, store: Store): Outcome {
  const target = record.headers.find(([name]) => name === 'warc-refers-to-target-uri')?.[1] ?? record.targetUri;
  const key = target === undefined ? null : urlKey(target);
  const duplicate = key === null ? null : store.findDuplicate({ urlKey: key });
  if (duplicate !== null) return { state: 'duplicate', articleId: duplicate.articleId, code: duplicate.code };
  throw new ItemError('REVISIT_UNRESOLVED', 'The record revisits a capture that is not in the store.');
}

/** How many feeds, sitemaps or sites lie above an item. */
function depthOf(item: ItemRow, store: Store): number {
  let depth = 0;
  for (let parent = item.parentId; parent !== null && depth < 8; depth++) parent = store.item(parent)?.parentId ?? null;
  return depth;
}
