import type { ItemRow, NewItem, SourceKind, SourceRow } from '../store.js';
import type { Db } from './open.js';

/** Items and sources: accepting inputs, and reading them back. */

const ITEM_COLUMNS = `id, source_id AS sourceId, parent_id AS parentId, key, kind, url, path, host, offset,
  published, state, code, message, attempts, due_at AS dueAt, article_id AS articleId`;

export class ItemTable {
  private readonly selectSource;
  private readonly insertSource;
  private readonly insertItem;
  private readonly setCursor;
  private readonly selectItem;
  private readonly selectPayload;

  constructor(private readonly db: Db) {
    this.selectSource = db.prepare('SELECT id, key, kind, location FROM sources WHERE key = ?');
    this.insertSource = db.prepare('INSERT INTO sources (key, kind, location, created_at) VALUES (?, ?, ?, ?)');
    this.insertItem = db.prepare(
      `INSERT INTO items (source_id, parent_id, key, kind, url, path, host, offset, published, payload, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_id, key) DO NOTHING RETURNING ${ITEM_COLUMNS}`,
    );
    this.setCursor = db.prepare('UPDATE items SET offset = ? WHERE id = ?');
    this.selectItem = db.prepare(`SELECT ${ITEM_COLUMNS} FROM items WHERE id = ?`);
    this.selectPayload = db.prepare('SELECT payload FROM items WHERE id = ?').pluck();
  }

  source(key: string, kind: SourceKind, location: string): SourceRow {
    const found = this.selectSource.get(key) as SourceRow | undefined;
    if (found !== undefined) return found;
    this.insertSource.run(key, kind, location, new Date().toISOString());
    return this.selectSource.get(key) as SourceRow;
  }

  /** Inserts the new items (inside the caller's transaction); returns those that were new. */
  insert(sourceId: number, parentId: number | null, items: readonly NewItem[], now: string): ItemRow[] {
    const created: ItemRow[] = [];
    for (const item of items) {
      const row = this.insertItem.get(
        sourceId,
        parentId,
        item.key,
        item.kind,
        item.url ?? null,
        item.path ?? null,
        item.host ?? null,
        item.offset ?? null,
        item.published ?? null,
        item.payload ?? null,
        now,
        now,
      ) as ItemRow | undefined;
      if (row !== undefined) created.push(row);
    }
    return created;
  }

  accept(sourceId: number, parentId: number | null, items: readonly NewItem[], cursor?: number): ItemRow[] {
    return this.db.transaction(() => {
      const created = this.insert(sourceId, parentId, items, new Date().toISOString());
      if (cursor !== undefined && parentId !== null) this.setCursor.run(cursor, parentId);
      return created;
    }).immediate();
  }

  pending(sourceIds: readonly number[]): ItemRow[] {
    if (sourceIds.length === 0) return [];
    const marks = sourceIds.map(() => '?').join(', ');
    return this.db.prepare(`SELECT ${ITEM_COLUMNS} FROM items WHERE state = 'pending' AND source_id IN (${marks}) ORDER BY id`).all(...sourceIds) as ItemRow[];
  }

  allPending(): ItemRow[] {
    return this.db.prepare(`SELECT ${ITEM_COLUMNS} FROM items WHERE state = 'pending' ORDER BY id`).all() as ItemRow[];
  }

  /** The source's stored feeds and sitemaps, to be polled again (a site's are among them). */
  roots(sourceId: number): ItemRow[] {
    return this.db
      .prepare(`SELECT ${ITEM_COLUMNS} FROM items WHERE source_id = ? AND state = 'stored' AND kind IN ('feed', 'sitemap') ORDER BY id`)
      .all(sourceId) as ItemRow[];
  }

  byKey(sourceKey: string, key: string): ItemRow | null {
    return (this.db.prepare(`SELECT ${ITEM_COLUMNS} FROM items WHERE source_id = (SELECT id FROM sources WHERE key = ?) AND key = ?`).get(sourceKey, key) as ItemRow | undefined) ?? null;
  }

  item(id: number): ItemRow | null {
    return (this.selectItem.get(id) as ItemRow | undefined) ?? null;
  }

  payload(id: number): Uint8Array | null {
    const value = this.selectPayload.get(id) as Buffer | null | undefined;
    return value === undefined || value === null ? null : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  }
}
