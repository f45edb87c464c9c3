import { inflateRawSync } from 'node:zlib';
import type { ArticleRef, AttributedQuote, EntityKind, EntityList, EntityPage, EntityQuery, EntityRole, EntitySummary, StoredArticle } from '../queries.js';
import { decodeCursor, encodeCursor, fingerprintOf } from './cursor.js';
import { KIND_OF_TYPE, TYPE_OF_KIND } from './filters.js';
import type { Db } from './open.js';
import { baseKey, keyOrNamesake } from './entity-index.js';
import { Statements } from './statements.js';
import { DEFAULT_LIMIT, MAX_LIMIT } from './search.js';

const RECENT = 50;
const QUOTES_PAGE = 50;
const CO_MENTIONED = 12;
const ALIASES = 12;
export const ARTICLE_REF = 'a.id AS id, a.headline AS headline, a.url AS url, a.published AS published, a.site AS site';

/** A quote as the quote queries select it: the quote's columns (its id as `quoteId`), then its article's (ARTICLE_REF). */
export type QuoteRow = Omit<AttributedQuote, 'article' | 'id'> & ArticleRef & { readonly quoteId: number };

export function attributedQuote(row: QuoteRow): AttributedQuote {
  return {
    id: row.quoteId,
    text: row.text,
    kind: row.kind,
    cue: row.cue,
    speakerMention: row.speakerMention,
    start: row.start,
    end: row.end,
    article: { id: row.id, headline: row.headline, url: row.url, published: row.published, site: row.site },
  };
}

/** Articles, entities and what people said: the pages a reader browses to from search. */
export class Browse {
  private readonly statements: Statements;

  constructor(db: Db) {
    this.statements = new Statements(db);
  }

  article(id: number): Omit<StoredArticle, 'links'> | null {
    const row = this.statements.get('SELECT a.id AS id, a.url AS url, a.site AS site, a.ingested_at AS ingestedAt, d.doc AS doc FROM articles a JOIN article_docs d ON d.article_id = a.id WHERE a.id = ?').get(id) as
      | { id: number; url: string | null; site: string | null; ingestedAt: string; doc: Uint8Array }
      | undefined;
    if (row === undefined) return null;
    const links = this.statements.get('SELECT local_id AS localId, entity_id AS entityId FROM article_entities WHERE article_id = ?').all(id) as { localId: number; entityId: number }[];
    const entityIds: Record<number, number> = {};
    for (const { localId, entityId } of links) entityIds[localId] = entityId;
    return { id: row.id, url: row.url, site: row.site, ingestedAt: row.ingestedAt, json: inflateRawSync(row.doc).toString('utf8'), entityIds };
  }

  entities(query: EntityQuery): EntityList {
    const limit = Math.min(Math.max(query.limit ?? DEFAULT_LIMIT, 1), MAX_LIMIT);
    // An entity merged into another is listed as that one.
    const where: string[] = ['merged_into IS NULL'];
    const params: unknown[] = [];
    if (query.type !== undefined) {
      where.push('type = ?');
      params.push(TYPE_OF_KIND[query.type]);
    }
    const prefix = query.q?.trim().toLowerCase().replace(/\s+/gu, ' ') ?? '';
    if (prefix !== '') {
      // The start of the name or of its last word: "vlad" and "put" both find Vladimir Putin.
      where.push("((key >= ? AND key < ? || char(1114111)) OR (last_word >= ? AND last_word < ? || char(1114111)) OR key LIKE '% ' || ? || '%' ESCAPE '\\')");
      params.push(prefix, prefix, prefix, prefix, prefix.replace(/[%_\\]/gu, '\\$&'));
    }
    const fingerprint = fingerprintOf(['entities', query.type ?? null, prefix]);
    if (query.cursor !== undefined) {
      const [articles, id] = decodeCursor(query.cursor, fingerprint, 2);
      where.push('(articles < ? OR (articles = ? AND id > ?))');
      params.push(articles, articles, id);
    }
    const rows = this.statements
      .get(`SELECT id, name, type, articles FROM entities WHERE ${where.join(' AND ')} ORDER BY articles DESC, id LIMIT ?`)
      .all(...params, limit + 1) as { id: number; name: string; type: string; articles: number }[];
    const shown = rows.slice(0, limit).map(entitySummary);
    const last = shown[shown.length - 1];
    return { results: shown, next: rows.length > limit && last !== undefined ? encodeCursor(fingerprint, [last.articles, last.id]) : null };
  }

  entity(id: number, quoteCursor?: string): EntityPage | null {
    // An entity merged into another (a surname seen alone before its holder was known) leads to it.
    const row = this.statements.get('SELECT e.id, e.name, e.type, e.articles, e.key FROM entities f JOIN entities e ON e.id = coalesce(f.merged_into, f.id) WHERE f.id = ?').get(id) as
      | { id: number; name: string; type: string; articles: number; key: string }
      | undefined;
    if (row === undefined) return null;
    id = row.id;
    const entity = entitySummary(row);
    const recentArticles = this.statements
      .get(
        `SELECT ${ARTICLE_REF} FROM article_entities ae JOIN articles a ON a.id = ae.article_id
         WHERE ae.entity_id = ? GROUP BY a.id ORDER BY coalesce(a.published, '') DESC, a.id DESC LIMIT ?`,
      )
      .all(id, RECENT) as ArticleRef[];
    const datelined =
      entity.type === 'place'
        ? (this.statements.get(`SELECT ${ARTICLE_REF} FROM articles a WHERE a.dateline = ? COLLATE NOCASE ORDER BY coalesce(a.published, '') DESC, a.id DESC LIMIT ?`).all(entity.name, RECENT) as ArticleRef[])
        : [];
    const datelinedCount = entity.type === 'place' ? (this.statements.get('SELECT count(*) FROM articles WHERE dateline = ? COLLATE NOCASE').pluck().get(entity.name) as number) : 0;
    const quotes = this.quotes(id, quoteCursor);
    return {
      ...entity,
      roles: this.roles(id),
      aliases: this.aliases(id),
      recentArticles,
      datelined,
      datelinedCount,
      ...quotes,
      coMentioned: this.coMentioned(id),
      namesakes: this.namesakes(row),
    };
  }

  private quotes(id: number, cursor: string | undefined): Pick<EntityPage, 'quotes' | 'quoteCount' | 'nextQuotes'> {
    const fingerprint = fingerprintOf(['quotes', id]);
    const where = ['q.speaker_entity_id = ?'];
    const params: unknown[] = [id];
    if (cursor !== undefined) {
      const [published, articleId, start] = decodeCursor(cursor, fingerprint, 3);
      where.push("(coalesce(a.published, '') < ? OR (coalesce(a.published, '') = ? AND (a.id < ? OR (a.id = ? AND q.start > ?))))");
      params.push(published, published, articleId, articleId, start);
    }
    const rows = this.statements
      .get(
        `SELECT q.id AS quoteId, q.text AS text, q.kind AS kind, q.cue AS cue, q.speaker_mention AS speakerMention, q.start AS start, q."end" AS "end", ${ARTICLE_REF}
         FROM quotes q JOIN articles a ON a.id = q.article_id WHERE ${where.join(' AND ')}
         ORDER BY coalesce(a.published, '') DESC, a.id DESC, q.start LIMIT ?`,
      )
      .all(...params, QUOTES_PAGE + 1) as QuoteRow[];
    const shown: AttributedQuote[] = rows.slice(0, QUOTES_PAGE).map(attributedQuote);
    const last = shown[shown.length - 1];
    return {
      quotes: shown,
      quoteCount: this.statements.get('SELECT count(*) FROM quotes WHERE speaker_entity_id = ?').pluck().get(id) as number,
      nextQuotes: rows.length > QUOTES_PAGE && last !== undefined ? encodeCursor(fingerprint, [last.article.published ?? '', last.article.id, last.start]) : null,
    };
  }

  /** Others of the same name told apart from it (their keys are its own with `#n`, or its own without). */
  private namesakes(row: { id: number; type: string; key: string }): (EntitySummary & { roles: string[] })[] {
    const others = this.statements
      .get(`SELECT id, name, type, articles FROM entities WHERE type = @type AND ${keyOrNamesake('@base')} AND merged_into IS NULL AND id <> @id ORDER BY articles DESC, id LIMIT 20`)
      .all({ type: row.type, base: baseKey(row.key), id: row.id }) as { id: number; name: string; type: string; articles: number }[];
    return others.map((other) => ({ ...entitySummary(other), roles: this.roles(other.id).slice(0, 2).map((role) => role.text) }));
  }

  /** The names articles give it, the most used first (its own name among them). */
  private aliases(id: number): EntityPage['aliases'] {
    return this.statements
      .get('SELECT name, count(DISTINCT article_id) AS articles FROM article_entities WHERE entity_id = ? GROUP BY name ORDER BY articles DESC, name LIMIT ?')
      .all(id, ALIASES) as { name: string; articles: number }[];
  }

  private roles(id: number): EntityRole[] {
    const rows = this.statements
      .get('SELECT ae.roles AS roles, a.published AS published FROM article_entities ae JOIN articles a ON a.id = ae.article_id WHERE ae.entity_id = ?')
      .all(id) as { roles: string; published: string | null }[];
    const roles = new Map<string, { text: string; count: number; first: string | null; last: string | null }>();
    for (const row of rows) {
      for (const text of new Set(JSON.parse(row.roles) as string[])) {
        const key = text.toLowerCase();
        const role = roles.get(key) ?? { text, count: 0, first: null, last: null };
        role.count += 1;
        if (row.published !== null) {
          if (role.first === null || row.published < role.first) role.first = row.published;
          if (role.last === null || row.published > role.last) role.last = row.published;
        }
        roles.set(key, role);
      }
    }
    return [...roles.values()].sort((a, b) => b.count - a.count || (a.first ?? '').localeCompare(b.first ?? ''));
  }

  private coMentioned(id: number): (EntitySummary & { shared: number })[] {
    const rows = this.statements
      .get(
        `SELECT e.id AS id, e.name AS name, e.type AS type, e.articles AS articles, count(DISTINCT other.article_id) AS shared
         FROM article_entities mine
         JOIN article_entities other ON other.article_id = mine.article_id AND other.entity_id != mine.entity_id
         JOIN entities e ON e.id = other.entity_id AND e.type = 'PER'
         WHERE mine.entity_id = ? GROUP BY e.id ORDER BY shared DESC, e.articles DESC LIMIT ?`,
      )
      .all(id, CO_MENTIONED) as { id: number; name: string; type: string; articles: number; shared: number }[];
    return rows.map((row) => ({ ...entitySummary(row), shared: row.shared }));
  }
}

/** An entity's row as pages and lists show it. */
export function entitySummary(row: { id: number; name: string; type: string; articles: number }): EntitySummary {
  return { id: row.id, name: row.name, type: kindOf(row.type), articles: row.articles };
}

function kindOf(type: string): EntityKind {
  return KIND_OF_TYPE[type] ?? 'other';
}
