import type { Facets, FacetValue, SearchHit, SearchPage, SearchQuery, SearchSort, Timeline, TimelineInterval } from '../queries.js';
import { decodeCursor, encodeCursor, fingerprintOf } from './cursor.js';
import { articleFilter, type ArticleFilter } from './filters.js';
import { snippetsFor } from '../snippet.js';
import { FACET_TYPES } from './entity-index.js';
import type { Db } from './open.js';
import { Statements } from './statements.js';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
/** Facets count over this many of the best results: enough to show what a result set is about, bounded in cost on any collection. */
export const FACET_SAMPLE = 200;
/** Relevance ranks at most this many matches: the most recently collected (see strategy). */
export const RANK_WINDOW = 2000;
/** Filters that leave at most this many articles (or words with at most this many matches) are applied by checking the two sets against each other. */
const CANDIDATE_LIMIT = 20_000;
/** Counting a search's matches stops here; the total is then a lower bound (`totalIsLowerBound`). */
export const COUNT_LIMIT = 10_000;
const FACET_SIZE = 10;
/** Reads past the first that a page makes to fill itself when copies fold many of its rows: a text carried by hundreds of matching copies costs a short page, never an unbounded read. */
const FOLD_READS = 4;
/** The most rows one such read takes: each read takes four times the last, since a relevance read ranks its whole window again however few rows it returns. */
const FOLD_READ_ROWS = 4 * RANK_WINDOW;
/** Enough of a body for the snippet of a search without words (see snippetOf). */
const OPENING_CHARS = 400;

/** One ordering of a result set: how to select it, sort it, and resume after a row. */
interface Plan {
  readonly sort: SearchSort;
  readonly from: string;
  readonly where: string;
  readonly params: readonly unknown[];
  readonly order: string;
  /** The article id of a row. */
  readonly id: string;
  /** The row's sort key, selected as `k`. */
  readonly key: string;
  /** Condition for rows after a cursor; binds `after(key, id)`. */
  readonly after: string;
  readonly afterParams: (key: string | number | null, id: number) => unknown[];
  /** The same condition, for a row already read. */
  readonly follows: (row: Row, key: string | number, id: number) => boolean;
}

export class ArticleSearch {
  private readonly statements: Statements;

  constructor(db: Db) {
    this.statements = new Statements(db);
  }

  search(query: SearchQuery): SearchPage {
    const limit = Math.min(Math.max(query.limit ?? DEFAULT_LIMIT, 1), MAX_LIMIT);
    const filter = articleFilter(this.statements, query);
    const requested = planFor(filter, query.sort);
    const fold = query.copies !== 'all';
    const fingerprint = fingerprintOf([filter.match, filter.where, filter.params, requested.sort, fold]);
    const cursor = query.cursor === undefined ? null : decodeCursor(query.cursor, fingerprint, 2);
    if (filter.none) return emptyPage(filter);
    const { plan, total: known } = this.strategy(requested, filter);

    // The best FACET_SAMPLE rows, in order: facets count over them, and the first page is their head.
    const top = this.rows(plan, null, FACET_SAMPLE);
    const sample = this.sampleOf(top);
    const after: [string | number | null, number] | null = cursor === null ? null : [cursor[0] ?? null, Number(cursor[1])];
    const { rows: shown, copies, resume } = this.foldedPage(plan, top, sample.groups, after, limit, fold);
    const total = known ?? (top.length < FACET_SAMPLE ? { count: top.length, exact: true } : this.count(filter));
    return {
      results: this.hits(shown.map((row) => row.id), filter).map((hit) => ({ ...hit, copies: copies.get(hit.id) ?? 0 })),
      total: total.count,
      ...(total.exact ? {} : { totalIsLowerBound: true }),
      facets: this.facets(sample),
      next: resume === null ? null : encodeCursor(fingerprint, [resume.k, resume.id]),
    };
  }

  timeline(query: SearchQuery, interval: TimelineInterval): Timeline {
    const filter = articleFilter(this.statements, query);
    if (filter.none) return { interval, buckets: [], undated: 0 };
    const plan = planFor(filter, 'newest');
    const days = this.statements.get(`SELECT substr(a.published, 1, 10) AS day, count(*) AS n FROM ${plan.from} WHERE ${plan.where} GROUP BY day ORDER BY day`).all(...plan.params) as {
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

  /**
   * A page of rows after a cursor, one per copy group: a copy whose group has a row
   * earlier in the order is folded into it (the hit says how many copies its text has).
   * Rows are cut from the best rows already read when they hold them, so a second page
   * does not rank again, and groups shown on earlier pages among them stay folded; a page
   * past them folds the copies it reads, read FOLD_READS times at most. `resume` is the row
   * the next page starts after: the page's last row, or the last row read when the reads
   * ran out before the page filled (a short page then still leads on), or null at the end.
   */
  private foldedPage(plan: Plan, top: readonly Row[], topGroups: ReadonlyMap<number, number>, after: [string | number | null, number] | null, limit: number, fold: boolean): FoldedPage {
    const complete = top.length < FACET_SAMPLE;
    const at = after === null ? 0 : after[0] === null ? -1 : top.findIndex((row) => plan.follows(row, after[0]!, after[1]));
    // A cursor past every row there is: the last page was the last.
    if (at < 0 && complete) return { rows: [], copies: new Map(), resume: null };
    const prior = at < 0 ? [] : top.slice(0, at);
    // One row past the page tells whether another page follows.
    let want = (limit + 1) * 2;
    let batch = at < 0 ? this.rows(plan, after, want) : top.slice(at);
    let more = at < 0 ? batch.length === want : !complete;
    const groups = at < 0 ? this.copyGroups(batch) : new Map(topGroups);
    const seen = new Set(fold ? prior.map((row) => groups.get(row.id)) : []);
    const rows: Row[] = [];
    const page = (resume: Row | null): FoldedPage => ({ rows, copies: this.copyCounts(rows, groups), resume });
    for (let reads = 0; ; reads++) {
      for (const row of batch) {
        // Unfolded, each row is a group of its own.
        const group = fold ? groups.get(row.id) : -row.id;
        if (seen.has(group)) continue;
        seen.add(group);
        if (rows.length === limit) return page(rows[limit - 1]!);
        rows.push(row);
      }
      const last = batch[batch.length - 1];
      if (!more || last === undefined) return page(null);
      if (reads === FOLD_READS) return page(last);
      want = Math.min(Math.max(want, batch.length) * 4, FOLD_READ_ROWS);
      batch = this.rows(plan, [last.k, last.id], want);
      more = batch.length === want;
      for (const [id, group] of this.copyGroups(batch)) groups.set(id, group);
    }
  }

  /** Each row's copy group (see COPY_GROUP). */
  private copyGroups(rows: readonly Row[]): Map<number, number> {
    const found = this.statements
      .get(`SELECT id, ${COPY_GROUP} AS copyGroup FROM articles WHERE id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(rows.map((row) => row.id))) as { id: number; copyGroup: number }[];
    return new Map(found.map((row) => [row.id, row.copyGroup]));
  }

  /** How many other copies each row's text has in the collection, matching or not. */
  private copyCounts(rows: readonly Row[], groups: ReadonlyMap<number, number>): Map<number, number> {
    const linked = [...new Set(rows.map((row) => groups.get(row.id) ?? 0))].filter((group) => group > 0);
    const sizes = new Map(
      (this.statements.get('SELECT copy_group AS copyGroup, count(*) AS n FROM articles WHERE copy_group IN (SELECT value FROM json_each(?)) GROUP BY copy_group').all(JSON.stringify(linked)) as { copyGroup: number; n: number }[]).map(
        (row) => [row.copyGroup, row.n - 1],
      ),
    );
    return new Map(rows.map((row) => [row.id, sizes.get(groups.get(row.id) ?? 0) ?? 0]));
  }

  private rows(plan: Plan, after: [string | number | null, number] | null, limit: number): Row[] {
    const where = after === null ? plan.where : `${plan.where} AND ${plan.after}`;
    const params = after === null ? plan.params : [...plan.params, ...plan.afterParams(after[0], after[1])];
    const sql = `SELECT ${plan.id} AS id, ${plan.key} AS k FROM ${plan.from} WHERE ${where} ORDER BY ${plan.order} LIMIT ?`;
    return this.statements.get(sql).all(...params, limit) as Row[];
  }

  /**
   * How to find a search's rows in bounded time on any collection. Ranking scores every
   * match it is given, so a word in most articles would cost time in proportion to the
   * collection: relevance ranks at most RANK_WINDOW matches, all of them when there are no
   * more, else the RANK_WINDOW most recently collected (newest-first always sorts all).
   * With filters, the matches are found from whichever side is smaller: the filtered
   * articles checked against the index's matches, or the index's matches, newest first,
   * checked against the filters.
   */
  private strategy(plan: Plan, filter: ArticleFilter): Strategy {
    const match = filter.match;
    if (match === null) return { plan, total: null };
    const unfiltered = filter.where.length === 0;
    const where = filter.where.join(' AND ');
    // Counted only when the best FACET_SAMPLE rows do not hold every match (see search).
    if (unfiltered && plan.sort === 'relevance') return { plan: rankedWindow(match, null), total: null };
    // Enough to choose a plan: with filters, whether the words are rare enough to check against them; without, the total shown.
    const matches = this.matchCount(match, unfiltered ? COUNT_LIMIT : CANDIDATE_LIMIT);
    // Whether the filters alone leave many articles; counted only where the choice depends on it.
    const broadFilter = (): boolean =>
      unfiltered || (this.statements.get(`SELECT count(*) FROM (SELECT 1 FROM articles a WHERE ${where} LIMIT ?)`).pluck().get(...filter.params, CANDIDATE_LIMIT + 1) as number) > CANDIDATE_LIMIT;
    if (plan.sort === 'newest') {
      if (unfiltered && matches.count <= RANK_WINDOW) return { plan, total: matches };
      if (matches.count > RANK_WINDOW && broadFilter()) {
        // Many matches, no narrow filter: walk the newest-first index, checking each article against the matches, and stop at a page.
        // The unary + stops SQLite from driving the walk from the matches instead.
        const walked = { ...plan, from: 'articles a INDEXED BY articles_newest', where: plan.where.replace(MATCHING, `+${MATCHING}`) };
        return { plan: walked, total: unfiltered ? matches : null };
      }
      // A narrow filter or few matches: find them all, then sort them. The index's matches are
      // walked once against the filtered articles (measured 1.1–5× faster than the reverse).
      const ids = (
        unfiltered
          ? this.statements.get('SELECT rowid FROM article_search WHERE article_search MATCH ?')
          : this.statements.get(`SELECT rowid FROM article_search WHERE article_search MATCH ? AND +rowid IN (SELECT a.id FROM articles a WHERE ${where})`)
      )
        .pluck()
        .all(match, ...filter.params) as number[];
      return {
        plan: { ...plan, where: 'a.id IN (SELECT value FROM json_each(?))', params: [JSON.stringify(ids)] },
        total: { count: ids.length, exact: true },
      };
    }
    const found =
      matches.count <= CANDIDATE_LIMIT || !broadFilter()
        ? `SELECT a.id AS id FROM articles a WHERE ${where} AND ${MATCHING} ORDER BY a.id DESC LIMIT ?`
        : `SELECT s.rowid AS id FROM article_search s JOIN articles a ON a.id = s.rowid WHERE ${where} AND article_search MATCH ? ORDER BY s.rowid DESC LIMIT ?`;
    // The matches are found once for both the window and the total: counting them apart joined the two sets a second time (measured 3–4× the cost of finding them).
    const { n, ids } = this.statements
      .get(`WITH m AS MATERIALIZED (${found}) SELECT (SELECT count(*) FROM m) AS n, (SELECT json_group_array(id) FROM (SELECT id FROM m ORDER BY id DESC LIMIT ?)) AS ids`)
      .get(...filter.params, match, COUNT_LIMIT + 1, RANK_WINDOW) as { n: number; ids: string };
    return { plan: rankedWindow(match, { ids, size: Math.min(n, RANK_WINDOW) }), total: capped(n, COUNT_LIMIT) };
  }

  /**
   * How many articles match the words alone, counted up to `limit` (beyond it, a lower
   * bound): a word in most of a large collection is not counted to its end on every search.
   */
  private matchCount(match: string, limit: number): Total {
    return capped(this.statements.get('SELECT count(*) FROM (SELECT 1 FROM article_search WHERE article_search MATCH ? LIMIT ?)').pluck().get(match, limit + 1) as number, limit);
  }

  /** How many articles match: from the index alone when only words are asked for, else counted up to COUNT_LIMIT (beyond it, a lower bound). */
  private count(filter: ArticleFilter): Total {
    if (filter.where.length === 0) return filter.match === null ? { count: this.statements.get('SELECT count(*) FROM articles').pluck().get() as number, exact: true } : this.matchCount(filter.match, COUNT_LIMIT);
    const counted = planFor(filter, 'newest');
    return capped(this.statements.get(`SELECT count(*) FROM (SELECT 1 FROM ${counted.from} WHERE ${counted.where} LIMIT ?)`).pluck().get(...counted.params, COUNT_LIMIT + 1) as number, COUNT_LIMIT);
  }

  /**
   * What the best rows' articles tell beyond their order, read in one pass over them: each
   * one's copy group, entity codes and site (for folding and facets). SQLite joins the
   * packed entity sets into one blob and the rest into JSON lists, one value for all the
   * rows rather than one per row (measured 2× faster).
   */
  private sampleOf(top: readonly Row[]): Sample {
    if (top.length === 0) return { size: 0, groups: new Map(), codes: null, sites: [] };
    const joined = this.statements
      .get(
        `SELECT unhex(group_concat(hex(entity_set), '')) AS codes, json_group_array(site) AS sites, json_group_array(json_array(id, ${COPY_GROUP})) AS groups
         FROM articles WHERE id IN (SELECT value FROM json_each(?))`,
      )
      .get(JSON.stringify(top.map((row) => row.id))) as { codes: Buffer | null; sites: string; groups: string };
    return { size: top.length, groups: new Map(JSON.parse(joined.groups) as [number, number][]), codes: joined.codes, sites: JSON.parse(joined.sites) as (string | null)[] };
  }

  private facets(sample: Sample): Facets {
    if (sample.size === 0) return NO_FACETS;
    const siteCounts = new Map<string, number>();
    for (const site of sample.sites) if (site !== null) siteCounts.set(site, (siteCounts.get(site) ?? 0) + 1);
    const tops = entityTops(codesOf(sample.codes)).map((entries) => entries.map(([code, count]) => ({ id: Math.floor(code / 4), count })));
    const names = new Map(
      (this.statements.get('SELECT id, name FROM entities WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(tops.flat().map((top) => top.id))) as { id: number; name: string }[]).map((row) => [row.id, row.name]),
    );
    const named = (top: readonly { id: number; count: number }[]): FacetValue[] => top.flatMap(({ id, count }) => (names.has(id) ? [{ value: names.get(id)!, id, count }] : []));
    return {
      people: named(tops[0] ?? []),
      organisations: named(tops[1] ?? []),
      places: named(tops[2] ?? []),
      sites: topOf([...siteCounts]).map(([value, count]) => ({ value, count })),
      over: sample.size,
    };
  }

  private hits(ids: readonly number[], filter: ArticleFilter): Omit<SearchHit, 'copies'>[] {
    if (ids.length === 0) return [];
    const list = JSON.stringify(ids);
    const rows = this.statements
      .get('SELECT id, headline, url, published, site, dateline, language, quotes FROM articles WHERE id IN (SELECT value FROM json_each(?))')
      .all(list) as Omit<SearchHit, 'snippet' | 'highlights' | 'copies'>[];
    // Without words to find, the opening is enough: read no more of the body than it needs.
    const bodyColumn = filter.terms.length === 0 ? `substr(body, 1, ${OPENING_CHARS})` : 'body';
    const bodies = new Map(
      (this.statements.get(`SELECT rowid AS id, ${bodyColumn} AS body FROM article_search WHERE rowid IN (SELECT value FROM json_each(?))`).all(list) as { id: number; body: string }[]).map((row) => [
        row.id,
        row.body,
      ]),
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    const snippetOf = snippetsFor(filter.terms);
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row === undefined ? [] : [{ ...row, ...snippetOf(bodies.get(id) ?? '') }];
    });
  }
}

/** The entity codes of packed sets (see packEntitySet), read in place when aligned (facets sort them in place: the blob is theirs). */
function codesOf(packed: Buffer | null): Uint32Array {
  if (packed === null) return new Uint32Array(0);
  const bytes = packed.byteOffset % 4 === 0 ? packed : new Uint8Array(packed);
  return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >>> 2);
}

/**
 * The FACET_SIZE most frequent codes of each facet type. The codes are sorted, so each
 * entity's count is the length of its run: no map of thousands of counts is built. Of the
 * codes seen once, only the FACET_SIZE smallest of a type can reach its top (ties go to
 * the smaller code), so no more are kept.
 */
function entityTops(codes: Uint32Array): [number, number][][] {
  codes.sort();
  const repeated = FACET_TYPES.map((): [number, number][] => []);
  const once = FACET_TYPES.map((): [number, number][] => []);
  for (let i = 0; i < codes.length; ) {
    const code = codes[i]!;
    let j = i + 1;
    while (j < codes.length && codes[j] === code) j++;
    const type = code % 4;
    if (j - i > 1) repeated[type]?.push([code, j - i]);
    else if (once[type] !== undefined && once[type].length < FACET_SIZE) once[type].push([code, 1]);
    i = j;
  }
  return repeated.map((entries, type) => topOf([...entries, ...(once[type] ?? [])]));
}

/** The FACET_SIZE largest counts, ties broken by key so pages are stable. Most counts are 1: those are only sorted when too few are larger. */
function topOf<K extends number | string>(counts: [K, number][]): [K, number][] {
  const order = (a: [K, number], b: [K, number]) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  const many = counts.filter((entry) => entry[1] > 1);
  const pool = many.length >= FACET_SIZE ? many : counts;
  return pool.sort(order).slice(0, FACET_SIZE);
}

/**
 * Relevance over the RANK_WINDOW most recently collected matches (of `ids` when given,
 * newest first): the index is walked newest first and stops at the window's end, and
 * bm25() scores only the rows in it. A rowid range (`s.rowid >= ?`) would also bound the
 * rows scored, but FTS5 reads the index from the start of the match list to reach it
 * (measured 20–45 % slower on words in 100,000 articles).
 */
function rankedWindow(match: string, window: { readonly ids: string; readonly size: number } | null): Plan {
  const among = window === null ? '' : ' AND +rowid IN (SELECT value FROM json_each(?))';
  return {
    sort: 'relevance',
    from: `(SELECT rowid AS id, bm25(article_search) AS k FROM article_search WHERE article_search MATCH ?${among} ORDER BY rowid DESC LIMIT ?) r`,
    where: '1',
    params: window === null ? [match, RANK_WINDOW] : [match, window.ids, window.size],
    order: 'r.k, r.id',
    id: 'r.id',
    key: 'r.k',
    after: '(r.k > ? OR (r.k = ? AND r.id > ?))',
    afterParams: (key, id) => [key, key, id],
    follows: (row, key, id) => row.k !== null && (row.k > key || (row.k === key && row.id > id)),
  };
}

const NO_FACETS: Facets = { people: [], organisations: [], places: [], sites: [], over: 0 };

/** An article matches the text query (its one parameter). */
const MATCHING = 'a.id IN (SELECT rowid FROM article_search WHERE article_search MATCH ?)';

interface Total {
  readonly count: number;
  readonly exact: boolean;
}

/** A count made with `LIMIT cap + 1`: exact up to the cap, a lower bound past it. */
function capped(count: number, cap: number): Total {
  return count > cap ? { count: cap, exact: false } : { count, exact: true };
}

/** The best rows' articles as folding and facets read them (see sampleOf). */
interface Sample {
  readonly size: number;
  /** Each article's copy group (see COPY_GROUP). */
  readonly groups: ReadonlyMap<number, number>;
  /** Their packed entity sets, joined. */
  readonly codes: Buffer | null;
  readonly sites: readonly (string | null)[];
}

/** A page of rows, each row's count of other copies, and the row the next page starts after (null at the end). */
interface FoldedPage {
  readonly rows: Row[];
  readonly copies: Map<number, number>;
  readonly resume: Row | null;
}

/** An article's copy group, as SQL over `articles`: an article not linked (stored with linking off) is a group of its own. */
const COPY_GROUP = 'coalesce(copy_group, -id)';

/** A found plan, and its total when known. */
interface Strategy {
  readonly plan: Plan;
  readonly total: Total | null;
}

interface Row {
  readonly id: number;
  readonly k: string | number | null;
}

function planFor(filter: ArticleFilter, requested: SearchSort | undefined): Plan {
  const sort: SearchSort = filter.match === null ? 'newest' : (requested ?? 'relevance');
  const conditions = [...filter.where];
  const params: unknown[] = [];
  // Filters, if any, are applied when the matches to rank are chosen (see strategy).
  if (filter.match !== null && sort === 'relevance') return rankedWindow(filter.match, null);
  if (filter.match !== null) {
    conditions.unshift(MATCHING);
    params.push(filter.match);
  }
  params.push(...filter.params);
  return {
    sort,
    from: 'articles a',
    where: conditions.length === 0 ? '1' : conditions.join(' AND '),
    params,
    order: "coalesce(a.published, '') DESC, a.id DESC",
    id: 'a.id',
    key: "coalesce(a.published, '')",
    after: "(coalesce(a.published, '') < ? OR (coalesce(a.published, '') = ? AND a.id < ?))",
    afterParams: (key, id) => [key, key, id],
    // Dates are ISO text, ASCII: JavaScript orders them as SQLite does.
    follows: (row, key, id) => row.k !== null && (row.k < key || (row.k === key && row.id < id)),
  };
}

function emptyPage(filter: ArticleFilter): SearchPage {
  const page: SearchPage = { results: [], total: 0, facets: NO_FACETS, next: null };
  return filter.emptyText ? { ...page, note: 'The query has no words to search for: search looks for words made of letters and numbers.' } : page;
}

function mondayOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const back = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - back);
  return date.toISOString().slice(0, 10);
}
