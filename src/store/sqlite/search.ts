import type { Facets, FacetValue, SearchHit, SearchPage, SearchQuery, SearchSort, Timeline, TimelineInterval } from '../queries.js';
import { decodeCursor, encodeCursor, fingerprintOf } from './cursor.js';
import { articleFilter, type ArticleFilter } from './filters.js';
import type { Db } from './open.js';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
/** Facets count over this many of the best results: enough to show what a result set is about, bounded in cost on any collection. */
export const FACET_SAMPLE = 500;
const FACET_SIZE = 10;
const SNIPPET_TOKENS = 32;
const OPENING_CHARS = 240;
const MARK_OPEN = '\u0001';
const MARK_CLOSE = '\u0002';
/** FTS5 wraps matched words in these: control characters no extracted text contains. */
const MARKERS = new RegExp(`([${MARK_OPEN}${MARK_CLOSE}])`, 'u');

/** One ordering of a result set: how to select it, sort it, and resume after a row. */
interface Plan {
  readonly sort: SearchSort;
  readonly from: string;
  readonly where: string;
  readonly params: readonly unknown[];
  readonly order: string;
  /** The row's sort key, selected as `k`. */
  readonly key: string;
  /** Condition for rows after a cursor; binds `after(key, id)`. */
  readonly after: string;
  readonly afterParams: (key: string | number | null, id: number) => unknown[];
}

export class ArticleSearch {
  constructor(private readonly db: Db) {}

  search(query: SearchQuery): SearchPage {
    const limit = Math.min(Math.max(query.limit ?? DEFAULT_LIMIT, 1), MAX_LIMIT);
    const filter = articleFilter(this.db, query);
    const plan = planFor(filter, query.sort);
    const fingerprint = fingerprintOf([filter.match, filter.where, filter.params, plan.sort]);
    const cursor = query.cursor === undefined ? null : decodeCursor(query.cursor, fingerprint, 2);
    if (filter.none) return emptyPage(filter);

    // The best FACET_SAMPLE rows, in order: facets count over them, and the first page is their head.
    const top = this.rows(plan, null, FACET_SAMPLE);
    const page = cursor === null ? top.slice(0, limit + 1) : this.rows(plan, [cursor[0] ?? null, Number(cursor[1])], limit + 1);
    const shown = page.slice(0, limit);
    const last = shown[shown.length - 1];
    const total = top.length < FACET_SAMPLE ? top.length : this.count(filter);
    return {
      results: this.hits(shown.map((row) => row.id), filter),
      total,
      facets: this.facets(top.map((row) => row.id)),
      next: page.length > limit && last !== undefined ? encodeCursor(fingerprint, [last.k, last.id]) : null,
    };
  }

  timeline(query: SearchQuery, interval: TimelineInterval): Timeline {
    const filter = articleFilter(this.db, query);
    if (filter.none) return { interval, buckets: [], undated: 0 };
    const plan = planFor(filter, 'newest');
    const days = this.db.prepare(`SELECT substr(a.published, 1, 10) AS day, count(*) AS n FROM ${plan.from} WHERE ${plan.where} GROUP BY day ORDER BY day`).all(...plan.params) as {
      day: string | null;
      n: number;
    }[];
    const buckets = new Map<string, number>();
    let undated = 0;
    for (const { day, n } of days) {
      const start = day === null || !/^\d{4}-\d{2}-\d{2}$/u.test(day) ? null : interval === 'day' ? day : mondayOf(day);
      if (start === null) undated += n;
      else buckets.set(start, (buckets.get(start) ?? 0) + n);
    }
    return { interval, buckets: [...buckets].map(([start, count]) => ({ start, count })), undated };
  }

  private rows(plan: Plan, after: [string | number | null, number] | null, limit: number): { id: number; k: string | number | null }[] {
    const where = after === null ? plan.where : `${plan.where} AND ${plan.after}`;
    const params = after === null ? plan.params : [...plan.params, ...plan.afterParams(after[0], after[1])];
    const sql = `SELECT a.id AS id, ${plan.key} AS k FROM ${plan.from} WHERE ${where} ORDER BY ${plan.order} LIMIT ?`;
    return this.db.prepare(sql).all(...params, limit) as { id: number; k: string | number | null }[];
  }

  private count(filter: ArticleFilter): number {
    // Counting needs no ranking: the plain membership form is the cheap one.
    const counted = planFor(filter, 'newest');
    return this.db.prepare(`SELECT count(*) FROM ${counted.from} WHERE ${counted.where}`).pluck().get(...counted.params) as number;
  }

  private facets(ids: readonly number[]): Facets {
    if (ids.length === 0) return { people: [], organisations: [], places: [], sites: [], over: 0 };
    const list = JSON.stringify(ids);
    const entityRows = this.db
      .prepare(
        `SELECT e.id AS id, e.name AS value, e.type AS type, count(*) AS count
         FROM article_entities ae JOIN entities e ON e.id = ae.entity_id
         WHERE ae.article_id IN (SELECT value FROM json_each(?)) AND e.type IN ('PER', 'ORG', 'LOC')
         GROUP BY e.id ORDER BY count DESC, e.id`,
      )
      .all(list) as (FacetValue & { type: string; id: number })[];
    const byType = (type: string): FacetValue[] =>
      entityRows
        .filter((row) => row.type === type)
        .slice(0, FACET_SIZE)
        .map(({ id, value, count }) => ({ value, id, count }));
    const sites = this.db
      .prepare('SELECT site AS value, count(*) AS count FROM articles WHERE id IN (SELECT value FROM json_each(?)) AND site IS NOT NULL GROUP BY site ORDER BY count DESC, site LIMIT ?')
      .all(list, FACET_SIZE) as FacetValue[];
    return { people: byType('PER'), organisations: byType('ORG'), places: byType('LOC'), sites, over: ids.length };
  }

  private hits(ids: readonly number[], filter: ArticleFilter): SearchHit[] {
    if (ids.length === 0) return [];
    const list = JSON.stringify(ids);
    const rows = this.db
      .prepare('SELECT id, headline, url, published, site, dateline, language, quotes FROM articles WHERE id IN (SELECT value FROM json_each(?))')
      .all(list) as Omit<SearchHit, 'snippet' | 'highlights'>[];
    const snippets = new Map<number, string>();
    if (filter.match !== null) {
      const found = this.db
        .prepare(
          `SELECT rowid AS id, snippet(article_search, 1, '${MARK_OPEN}', '${MARK_CLOSE}', '…', ${SNIPPET_TOKENS}) AS snippet
           FROM article_search WHERE article_search MATCH ? AND rowid IN (SELECT value FROM json_each(?))`,
        )
        .all(filter.match, list) as { id: number; snippet: string }[];
      for (const row of found) snippets.set(row.id, row.snippet);
    }
    const missing = ids.filter((id) => !snippets.has(id));
    if (missing.length > 0) {
      const openings = this.db
        .prepare(`SELECT rowid AS id, substr(body, 1, ${OPENING_CHARS + 40}) AS body FROM article_search WHERE rowid IN (SELECT value FROM json_each(?))`)
        .all(JSON.stringify(missing)) as { id: number; body: string }[];
      for (const row of openings) snippets.set(row.id, opening(row.body));
    }
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row === undefined ? [] : [{ ...row, ...marked(snippets.get(id) ?? '') }];
    });
  }
}

function planFor(filter: ArticleFilter, requested: SearchSort | undefined): Plan {
  const sort: SearchSort = filter.match === null ? 'newest' : (requested ?? 'relevance');
  const conditions = [...filter.where];
  const params: unknown[] = [];
  if (filter.match !== null && sort === 'relevance') {
    return {
      sort,
      from: 'article_search s JOIN articles a ON a.id = s.rowid',
      where: ['article_search MATCH ?', ...conditions].join(' AND '),
      params: [filter.match, ...filter.params],
      order: 's.rank, a.id',
      key: 's.rank',
      after: '(s.rank > ? OR (s.rank = ? AND a.id > ?))',
      afterParams: (key, id) => [key, key, id],
    };
  }
  if (filter.match !== null) {
    conditions.unshift('a.id IN (SELECT rowid FROM article_search WHERE article_search MATCH ?)');
    params.push(filter.match);
  }
  params.push(...filter.params);
  return {
    sort,
    from: 'articles a',
    where: conditions.length === 0 ? '1' : conditions.join(' AND '),
    params,
    order: "coalesce(a.published, '') DESC, a.id DESC",
    key: "coalesce(a.published, '')",
    after: "(coalesce(a.published, '') < ? OR (coalesce(a.published, '') = ? AND a.id < ?))",
    afterParams: (key, id) => [key, key, id],
  };
}

function emptyPage(filter: ArticleFilter): SearchPage {
  const page: SearchPage = { results: [], total: 0, facets: { people: [], organisations: [], places: [], sites: [], over: 0 }, next: null };
  return filter.emptyText ? { ...page, note: 'The query has no words to search for: search looks for words made of letters and numbers.' } : page;
}

/** A snippet's text and where its marked words are, with the markers taken out. */
function marked(snippet: string): { snippet: string; highlights: [number, number][] } {
  let text = '';
  const highlights: [number, number][] = [];
  let open = -1;
  for (const part of snippet.split(MARKERS)) {
    if (part === MARK_OPEN) open = text.length;
    else if (part === MARK_CLOSE) {
      if (open >= 0 && text.length > open) highlights.push([open, text.length]);
      open = -1;
    } else text += part;
  }
  return { snippet: text, highlights };
}

/** The start of an article, cut at a word boundary. */
function opening(body: string): string {
  const flat = body.replace(/\s+/gu, ' ').trim();
  if (flat.length <= OPENING_CHARS) return flat;
  const cut = flat.lastIndexOf(' ', OPENING_CHARS);
  return `${flat.slice(0, cut > OPENING_CHARS / 2 ? cut : OPENING_CHARS)}…`;
}

function mondayOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const back = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - back);
  return date.toISOString().slice(0, 10);
}
