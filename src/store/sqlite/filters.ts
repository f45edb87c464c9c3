import { DatelineError } from '../../doc/errors.js';
import type { EntityKind, SearchQuery } from '../queries.js';
import { parseSearch } from '../search-syntax.js';
import { keyOrNamesake, lastWord } from './entity-index.js';
import { foldedName } from '../../link/names.js';
import type { Statements } from './statements.js';

/** The tagger's entity types as the API and UI name them. */
export const TYPE_OF_KIND: Readonly<Record<EntityKind, string>> = { person: 'PER', organisation: 'ORG', place: 'LOC', other: 'MISC' };
export const KIND_OF_TYPE: Readonly<Record<string, EntityKind>> = { PER: 'person', ORG: 'organisation', LOC: 'place', MISC: 'other' };

/**
 * A search's conditions on `articles a`, as SQL with bound parameters. The text query is
 * kept apart (`match`), since how it joins depends on the sort.
 */
export interface ArticleFilter {
  /** FTS5 expression the article must match, or null. */
  readonly match: string | null;
  /** Words to highlight in snippets. */
  readonly terms: readonly string[];
  /** Conditions on `a`, AND-ed; each `?` bound from `params` in order. */
  readonly where: readonly string[];
  readonly params: readonly unknown[];
  /** The filters cannot match anything (a name no entity has, a query with nothing searchable). */
  readonly none: boolean;
  /** The query text had nothing to search for. */
  readonly emptyText: boolean;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/u;

export function articleFilter(statements: Statements, query: SearchQuery): ArticleFilter {
  const where: string[] = [];
  const params: unknown[] = [];
  let none = false;
  let match: string | null = null;
  let terms: readonly string[] = [];
  let emptyText = false;

  if (query.q !== undefined && query.q.trim() !== '') {
    const parsed = parseSearch(query.q);
    if (parsed.empty) {
      none = true;
      emptyText = true;
    }
    // Exclusions go inside the index's own expression when there is one (FTS5 NOT): far cheaper than a NOT IN over its matches.
    match = parsed.match !== null && parsed.exclude !== null ? `(${parsed.match}) NOT (${parsed.exclude})` : parsed.match;
    terms = parsed.terms;
    if (parsed.exclude !== null && parsed.match === null) {
      where.push('a.id NOT IN (SELECT rowid FROM article_search WHERE article_search MATCH ?)');
      params.push(parsed.exclude);
    }
  }
  const mentioned = (kind: EntityKind, name: string | undefined): void => {
    if (name === undefined) return;
    const ids = entityIdsNamed(statements, kind, name);
    const mentionedIn = `SELECT article_id FROM article_entities WHERE entity_id IN (${placeholders(ids)})`;
    if (kind === 'place') {
      // A place filter also finds the stories datelined there: one id list (a union, not an
      // OR, which would keep SQLite from using either index).
      where.push(`a.id IN (${ids.length === 0 ? '' : `${mentionedIn} UNION `}SELECT id FROM articles WHERE dateline = ? COLLATE NOCASE)`);
      params.push(...ids, name.trim());
    } else if (ids.length === 0) {
      none = true;
    } else {
      where.push(`a.id IN (${mentionedIn})`);
      params.push(...ids);
    }
  };
  mentioned('person', query.person);
  mentioned('organisation', query.org);
  mentioned('place', query.place);
  if (query.speaker !== undefined) {
    const ids = entityIdsNamed(statements, 'person', query.speaker);
    if (ids.length === 0) none = true;
    else {
      where.push(`a.id IN (SELECT article_id FROM quotes WHERE speaker_entity_id IN (${placeholders(ids)}))`);
      params.push(...ids);
    }
  }
  if (query.site !== undefined) {
    where.push('a.site = ?');
    params.push(query.site.trim().toLowerCase());
  }
  if (query.lang !== undefined) {
    // "en" also finds "en-GB".
    where.push("(a.language = ? OR a.language LIKE ? || '-%')");
    params.push(query.lang, query.lang);
  }
  if (query.from !== undefined) {
    // Written as the newest-first index's expression, so one index serves the range and the order.
    where.push("coalesce(a.published, '') >= ?");
    params.push(day('from', query.from));
  }
  if (query.to !== undefined) {
    // Published strings are ISO dates or date-times; anything on the day itself sorts below the next day.
    where.push("coalesce(a.published, '') < date(?, '+1 day')");
    params.push(day('to', query.to));
  }
  if (query.hasQuotes === true) where.push('a.quotes > 0');
  return { match, terms, where, params, none, emptyText };
}

/**
 * Entities of a kind with this name: the exact canonical name, case-insensitively, else
 * those whose name ends with it as a word ("Putin" finds "Vladimir Putin"), so a search by
 * surname works. A name is never matched inside a word.
 */
export function entityIdsNamed(statements: Statements, kind: EntityKind, name: string): number[] {
  const key = name.trim().toLowerCase().replace(/\s+/gu, ' ');
  if (key === '') return [];
  const type = TYPE_OF_KIND[kind];
  // The entity of this name and its namesakes told apart (`name#2`), or of a name it is known by ("Francois Hollande", "Putin" once one person holds it).
  const exact = statements
    .get(
      `SELECT coalesce(merged_into, id) FROM entities WHERE type = @type AND ${keyOrNamesake('@key')}
       UNION SELECT entity_id FROM entity_aliases WHERE type = @type AND key = @folded AND entity_id IS NOT NULL`,
    )
    .pluck()
    .all({ type, key, folded: foldedName(key) }) as number[];
  if (exact.length > 0) return exact;
  const candidates = statements.get('SELECT id, key FROM entities INDEXED BY entities_last_word WHERE type = ? AND last_word = ? AND merged_into IS NULL ORDER BY articles DESC LIMIT 50').all(type, lastWord(key)) as {
    id: number;
    key: string;
  }[];
  return candidates.filter((entity) => entity.key.endsWith(` ${key}`)).map((entity) => entity.id);
}

function placeholders(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}

function day(name: string, value: string): string {
  // Date.parse takes 2020-02-31 as 2 March: a real day prints back as itself.
  const parsed = new Date(`${value}T00:00:00Z`);
  if (!DAY.test(value) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
    throw new DatelineError('QUERY_INVALID', `${name}: expected a day as YYYY-MM-DD, got "${value.slice(0, 40)}".`);
  }
  return value;
}
