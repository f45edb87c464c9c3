import type { ArticleRecord, Capture } from '../store.js';
import type { SqliteStore } from './index.js';

let captured = 0;

/** Stores each record as an item of a test source that ended `stored`, in order; their article ids. */
export function storeAll(store: SqliteStore, records: readonly ArticleRecord[]): number[] {
  const source = store.source('test', 'stdin', '-');
  return records.map((article) => {
    const [item] = store.accept(source.id, null, [{ key: article.url ?? `item-${captured}`, kind: 'line' }]);
    const capture: Capture = { url: null, status: 200, headers: null, body: new Uint8Array([1]), size: 1, sha256: `capture-${captured++}` };
    return store.finish(item!.id, { state: 'stored', kind: 'page', capture, article }).articleId!;
  });
}
