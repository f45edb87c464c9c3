import type { DuplicateCode, ExportedArticle, Finished, ItemRow, ItemState, StateCounts, NewItem, Outcome, PollState, SourceKind, SourceRow, StatusReport, Store } from '../store.js';
import type { EntityList, EntityPage, EntityQuery, SearchPage, SearchQuery, StoreReader, StoredArticle, StoryList, StoryPage, StoryQuery, Timeline, TimelineInterval } from '../queries.js';
import { StoryBrowse } from './stories.js';
import { Browse } from './browse.js';
import { ItemTable } from './items.js';
import { openDatabase, releaseWriterLock, storeError, takeWriterLock, type Db } from './open.js';
import { exportedArticles, statusReport } from './report.js';
import { ArticleSearch } from './search.js';
import { Transitions } from './transitions.js';
import { StoredLinks } from './links.js';

export interface SqliteStoreOptions {
  /** For reading only (status, export): no writer lock, no migration. */
  readonly readonly?: boolean;
  /**
   * Link each stored article to its story and its copies (default true); false stores them
   * unlinked, and the next open with linking on links them first.
   */
  readonly link?: boolean;
}

/**
 * The embedded store: one SQLite file, WAL, one writer at a time (an ingest takes the
 * writer lock; readers never wait for it). See `openDatabase` for the durability choice.
 */
export class SqliteStore implements Store, StoreReader {
  private readonly db: Db;
  private readonly items: ItemTable;
  private readonly transitions: Transitions;
  private readonly searcher: ArticleSearch;
  private readonly browser: Browse;
  private readonly storyBrowser: StoryBrowse;
  private readonly writer: boolean;
  private readonly links: StoredLinks | null;
  private closed = false;

  constructor(
    readonly path: string,
    options: SqliteStoreOptions = {},
  ) {
    this.db = openDatabase(path, options);
    this.writer = options.readonly !== true;
    try {
      if (this.writer) takeWriterLock(this.db);
      this.items = new ItemTable(this.db);
      const links = this.writer && options.link !== false ? new StoredLinks(this.db) : null;
      // Articles stored while linking was off are linked before any new one, so arrival order holds.
      if (links !== null) this.db.transaction(() => links.catchUp())();
      this.links = links;
      this.transitions = new Transitions(this.db, this.items, links);
      this.searcher = new ArticleSearch(this.db);
      this.browser = new Browse(this.db);
      this.storyBrowser = new StoryBrowse(this.db);
    } catch (error) {
      this.db.close();
      throw storeError(error, path);
    }
  }

  /** Whether it links the articles it stores. */
  get linking(): boolean {
    return this.links !== null;
  }

  source(key: string, kind: SourceKind, location: string): SourceRow {
    return this.guard(() => this.items.source(key, kind, location));
  }

  accept(sourceId: number, parentId: number | null, items: readonly NewItem[], cursor?: number): ItemRow[] {
    return this.guard(() => this.items.accept(sourceId, parentId, items, cursor));
  }

  pending(sourceIds: readonly number[]): ItemRow[] {
    return this.guard(() => this.items.pending(sourceIds));
  }

  allPending(): ItemRow[] {
    return this.guard(() => this.items.allPending());
  }

  item(id: number): ItemRow | null {
    return this.guard(() => this.items.item(id));
  }

  findItem(sourceKey: string, itemKey: string): ItemRow | null {
    return this.guard(() => this.items.byKey(sourceKey, itemKey));
  }

  payload(itemId: number): Uint8Array | null {
    return this.guard(() => this.items.payload(itemId));
  }

  roots(sourceId: number): ItemRow[] {
    return this.guard(() => this.items.roots(sourceId));
  }

  findDuplicate(keys: { readonly urlKey?: string | null; readonly rawHash?: string | null }): { articleId: number; code: DuplicateCode } | null {
    return this.guard(() => this.transitions.findDuplicate(keys));
  }

  finish(itemId: number, outcome: Outcome): Finished {
    return this.guard(() => {
      const item = this.items.item(itemId);
      if (item === null) throw new Error(`no item ${itemId}`);
      return this.transitions.finish(item, outcome);
    });
  }

  poll(url: string): PollState | null {
    return this.guard(
      () =>
        (this.db.prepare('SELECT url, etag, last_modified AS lastModified, polled_at AS polledAt FROM polls WHERE url = ?').get(url) as PollState | undefined) ??
        null,
    );
  }

  savePoll(state: PollState & { readonly status: number; readonly error?: string }): void {
    this.guard(() =>
      this.db
        .prepare('INSERT OR REPLACE INTO polls (url, etag, last_modified, polled_at, status, error) VALUES (?, ?, ?, ?, ?, ?)')
        .run(state.url, state.etag, state.lastModified, state.polledAt, state.status, state.error ?? null),
    );
  }

  counts(sourceIds: readonly number[]): StateCounts {
    return this.guard(() => {
      const counts: StateCounts = { pending: 0, stored: 0, duplicate: 0, skipped: 0, failed: 0 };
      if (sourceIds.length === 0) return counts;
      const marks = sourceIds.map(() => '?').join(', ');
      const rows = this.db.prepare(`SELECT state, count(*) AS n FROM items WHERE source_id IN (${marks}) GROUP BY state`).all(...sourceIds) as { state: ItemState; n: number }[];
      for (const row of rows) counts[row.state] += row.n;
      return counts;
    });
  }

  status(): StatusReport {
    return this.guard(() => statusReport(this.db));
  }

  exportArticles(): Iterable<ExportedArticle> {
    return exportedArticles(this.db);
  }

  search(query: SearchQuery): SearchPage {
    return this.guard(() => this.searcher.search(query));
  }

  timeline(query: SearchQuery, interval: TimelineInterval): Timeline {
    return this.guard(() => this.searcher.timeline(query, interval));
  }

  article(id: number): StoredArticle | null {
    return this.guard(() => {
      const article = this.browser.article(id);
      return article === null ? null : { ...article, links: this.storyBrowser.articleLinks(id) };
    });
  }

  entities(query: EntityQuery): EntityList {
    return this.guard(() => this.browser.entities(query));
  }

  entity(id: number, quoteCursor?: string): EntityPage | null {
    return this.guard(() => this.browser.entity(id, quoteCursor));
  }

  stories(query: StoryQuery): StoryList {
    return this.guard(() => this.storyBrowser.stories(query));
  }

  story(id: number): StoryPage | null {
    return this.guard(() => this.storyBrowser.story(id));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      if (this.writer) {
        try {
          if (this.links !== null) this.db.transaction(() => this.links?.flush())();
          this.db.transaction(() => this.transitions.entities.consolidate())();
        } catch {
          // A full disk or a read-only file: the term counts since the last flush are lost, and
          // only they. They weigh words; a few hundred articles more or less in them move nothing
          // that matters, and closing must still release the store. Entities not consolidated now
          // are consolidated when the articles of those names next arrive.
        }
        releaseWriterLock(this.db);
        // Fold the WAL back into the database so the file is whole on its own.
        this.db.pragma('wal_checkpoint(TRUNCATE)');
      }
    } finally {
      this.db.close();
    }
  }

  private guard<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      throw storeError(error, this.path);
    }
  }
}

/** Opens the store at `path` (created when missing) for an ingest, or read-only. */
export function openStore(path: string, options: SqliteStoreOptions = {}): SqliteStore {
  return new SqliteStore(path, options);
}
