import type { ArticleRecord, Capture, DuplicateCode, Finished, ItemRow, Outcome } from '../store.js';
import type { ItemTable } from './items.js';
import { CollectionEntities } from './entities.js';
import { packEntitySet } from './entity-index.js';
import type { Db } from './open.js';
import { articleToLink, type StoredLinks } from './links.js';
import { linkEntitiesOf } from '../../link/features.js';

/** Collection entities are consolidated every this many stored articles (and when the writer closes). */
const CONSOLIDATE_EVERY = 500;

/**
 * The one place an item's state changes: the outcome, its capture, its article and
 * index rows, and the inputs it leads to, all in one IMMEDIATE transaction. A stored
 * article is checked once more for a duplicate inside the transaction, so two copies
 * finishing close together never both count as stored.
 */
export class Transitions {
  private readonly update;
  private readonly insertCapture;
  private readonly insertArticle;
  private readonly insertSearch;
  private readonly insertDoc;
  private readonly countEntity;
  private readonly setEntitySet;
  /** The collection's entities, which each article's entities are resolved to. */
  readonly entities: CollectionEntities;
  private sinceConsolidated = 0;
  private readonly insertArticleEntity;
  private readonly insertMention;
  private readonly insertQuote;
  private readonly byKey;
  private readonly byRawHash;

  constructor(
    private readonly db: Db,
    private readonly items: ItemTable,
    /** Links each stored article to its story and copies; null stores articles unlinked. */
    private readonly links: StoredLinks | null,
  ) {
    this.update = db.prepare(
      `UPDATE items SET state = @state, kind = coalesce(@kind, kind), code = @code, message = @message,
         attempts = attempts + 1, due_at = @dueAt, article_id = @articleId, updated_at = @now
       WHERE id = @id AND state = 'pending'`,
    );
    this.insertCapture = db.prepare(
      'INSERT INTO captures (item_id, url, status, headers, body, size, sha256, captured_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertArticle = db.prepare(
      `INSERT INTO articles (item_id, capture_id, url, url_key, canonical_key, raw_hash, text_hash, headline, published, site_name, site, language, dateline, quotes, ingested_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertDoc = db.prepare('INSERT INTO article_docs (article_id, doc) VALUES (?, ?)');
    this.insertSearch = db.prepare('INSERT INTO article_search (rowid, headline, body) VALUES (?, ?, ?)');
    this.entities = new CollectionEntities(db);
    this.countEntity = db.prepare('UPDATE entities SET articles = articles + 1 WHERE id = ?');
    this.setEntitySet = db.prepare('UPDATE articles SET entity_set = ? WHERE id = ?');
    this.insertArticleEntity = db.prepare(
      'INSERT INTO article_entities (article_id, local_id, entity_id, name, roles, acronyms, mention_count) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertMention = db.prepare('INSERT OR IGNORE INTO mentions (article_id, local_id, start, "end") VALUES (?, ?, ?, ?)');
    this.insertQuote = db.prepare(
      `INSERT INTO quotes (article_id, start, "end", text, kind, cue, speaker_mention, speaker_entity_id, attribution)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // An address is a duplicate key whether it was read from there or names itself canonical there.
    this.byKey = db.prepare('SELECT min(id) FROM (SELECT id FROM articles WHERE url_key = @key UNION ALL SELECT id FROM articles WHERE canonical_key = @key)').pluck();
    this.byRawHash = db.prepare('SELECT id FROM articles WHERE raw_hash = ? ORDER BY id LIMIT 1').pluck();
  }

  findDuplicate(keys: { urlKey?: string | null; canonicalKey?: string | null; rawHash?: string | null }): { articleId: number; code: DuplicateCode } | null {
    if (keys.rawHash) {
      const id = this.byRawHash.get(keys.rawHash) as number | undefined;
      if (id !== undefined) return { articleId: id, code: 'DUPLICATE_BYTES' };
    }
    if (keys.urlKey) {
      const id = this.byKey.get({ key: keys.urlKey }) as number | null;
      if (id !== null) return { articleId: id, code: 'DUPLICATE_URL' };
    }
    if (keys.canonicalKey) {
      const id = this.byKey.get({ key: keys.canonicalKey }) as number | null;
      if (id !== null) return { articleId: id, code: 'DUPLICATE_CANONICAL' };
    }
    return null;
  }

  finish(item: ItemRow, outcome: Outcome): Finished {
    try {
      return this.transition(item, outcome);
    } catch (error) {
      this.links?.forgetStories();
      throw error;
    }
  }

  private transition(item: ItemRow, outcome: Outcome): Finished {
    return this.db.transaction((): Finished => {
      const now = new Date().toISOString();
      const set = (state: string, fields: { kind?: string | undefined; code?: string | null; message?: string | null; dueAt?: number | null; articleId?: number | null }) => {
        const result = this.update.run({
          id: item.id,
          state,
          kind: fields.kind ?? null,
          code: fields.code ?? null,
          message: fields.message ?? null,
          dueAt: fields.dueAt ?? null,
          articleId: fields.articleId ?? null,
          now,
        });
        if (result.changes !== 1) throw new Error(`item ${item.id} is no longer pending`);
      };
      switch (outcome.state) {
        case 'pending':
          set('pending', { code: outcome.code, message: outcome.message, dueAt: outcome.dueAt });
          return { state: 'pending', articleId: null, children: [] };
        case 'duplicate':
          set('duplicate', { kind: outcome.kind, code: outcome.code, articleId: outcome.articleId });
          return { state: 'duplicate', articleId: outcome.articleId, children: [] };
        case 'skipped':
        case 'failed':
          if (outcome.capture) this.capture(item.id, outcome.capture, now);
          set(outcome.state, { kind: outcome.kind, code: outcome.code, message: outcome.message });
          return { state: outcome.state, articleId: null, children: [] };
        case 'stored': {
          if ('article' in outcome) return this.storeArticle(item, outcome.kind, outcome.capture, outcome.article, now, set);
          if (outcome.capture !== null) this.capture(item.id, outcome.capture, now);
          const children = this.items.insert(item.sourceId, item.id, outcome.children, now);
          set('stored', { kind: outcome.kind });
          return { state: 'stored', articleId: null, children };
        }
      }
    }).immediate();
  }

  private storeArticle(
    item: ItemRow,
    kind: string,
    capture: Capture,
    article: ArticleRecord,
    now: string,
    set: (state: string, fields: { kind?: string; code?: string; articleId?: number }) => void,
  ): Finished {
    const duplicate = this.findDuplicate({ urlKey: article.urlKey, canonicalKey: article.canonicalKey, rawHash: capture.sha256 });
    if (duplicate !== null) {
      set('duplicate', { kind, code: duplicate.code, articleId: duplicate.articleId });
      return { state: 'duplicate', articleId: duplicate.articleId, children: [] };
    }
    const captureId = this.capture(item.id, capture, now);
    const articleId = Number(
      this.insertArticle.run(
        item.id,
        captureId,
        article.url,
        article.urlKey,
        article.canonicalKey,
        capture.sha256,
        article.textHash,
        article.headline,
        article.published,
        article.siteName,
        article.site,
        article.language,
        article.dateline,
        article.quotes.length,
        now,
      ).lastInsertRowid,
    );
    this.insertDoc.run(articleId, article.doc);
    this.insertSearch.run(articleId, article.headline ?? '', article.body);
    const globalIds = new Map<number, number>();
    const counted = new Set<number>();
    for (const entity of article.entities) {
      const entityId = this.entities.resolve(
        entity,
        article.entities.filter((other) => other.localId !== entity.localId).map((other) => other.name),
      );
      // Two local entities of one article can share a name; the article counts once.
      if (!counted.has(entityId)) {
        counted.add(entityId);
        this.countEntity.run(entityId);
      }
      globalIds.set(entity.localId, entityId);
      this.insertArticleEntity.run(articleId, entity.localId, entityId, entity.name, JSON.stringify(entity.roles), JSON.stringify(entity.acronyms), entity.mentions.length);
      for (const mention of entity.mentions) this.insertMention.run(articleId, entity.localId, mention.start, mention.end);
    }
    const facetEntities = article.entities.map((entity) => ({ id: globalIds.get(entity.localId) ?? 0, type: entity.type }));
    this.setEntitySet.run(packEntitySet(facetEntities), articleId);
    for (const quote of article.quotes) {
      const speaker = quote.speakerLocalId === null ? null : (globalIds.get(quote.speakerLocalId) ?? null);
      this.insertQuote.run(articleId, quote.start, quote.end, quote.text, quote.kind, quote.cue, quote.speakerMention, speaker, quote.attribution);
    }
    // After the article's rows are written: a merge moves them with the rest.
    if (++this.sinceConsolidated >= CONSOLIDATE_EVERY) {
      this.entities.consolidate();
      this.sinceConsolidated = 0;
    }
    this.links?.link(articleToLink(articleId, { ...article, entities: linkEntitiesOf(article.entities) }, now, article.link));
    set('stored', { kind, articleId });
    return { state: 'stored', articleId, children: [] };
  }

  private capture(itemId: number, capture: Capture, now: string): number {
    const headers = capture.headers === null ? null : JSON.stringify(capture.headers);
    return Number(this.insertCapture.run(itemId, capture.url, capture.status, headers, capture.body, capture.size, capture.sha256, now).lastInsertRowid);
  }
}
