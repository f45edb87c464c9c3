import { rankRelated } from '../../link/related.js';
import { addTermCounts } from '../../link/terms.js';
import type { ArticleLinksView, ArticleRef, AttributedQuote, EntitySummary, RelatedStorySummary, StoryArticle, StoryList, StoryPage, StoryQuery, StorySummary } from '../queries.js';
import { ARTICLE_REF, attributedQuote, entitySummary, type QuoteRow } from './browse.js';
import { decodeCursor, encodeCursor, fingerprintOf } from './cursor.js';
import type { Db } from './open.js';
import { DEFAULT_LIMIT, MAX_LIMIT } from './search.js';
import { Statements } from './statements.js';

/** Articles shown on a story's page, and headlines weighed for its label. */
const TIMELINE = 200;
const LABEL_CANDIDATES = 50;
const QUOTES_PER_SPEAKER = 20;
const SPEAKERS = 12;
/** Related stories are looked for among the stories that share most of its indexed terms: this many, read this many per term. */
const RELATED_CANDIDATES = 50;
const RELATED_PER_TERM = 100;
/** The earliest published copy of the group of article `a`, as `dateline export` names it in `duplicateOf`. */
export const FIRST_COPY = "(SELECT f.id FROM articles f WHERE f.copy_group = a.copy_group ORDER BY coalesce(f.published, f.ingested_at), f.ingested_at, f.id LIMIT 1)";

/** Stories as a reader browses them: the list, most recently grown first, and one story's timeline and speakers. */
export class StoryBrowse {
  private readonly statements: Statements;

  constructor(db: Db) {
    this.statements = new Statements(db);
  }

  stories(query: StoryQuery): StoryList {
    const limit = Math.min(Math.max(query.limit ?? DEFAULT_LIMIT, 1), MAX_LIMIT);
    const fingerprint = fingerprintOf(['stories']);
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.cursor !== undefined) {
      const [last, id] = decodeCursor(query.cursor, fingerprint, 2);
      where.push("(coalesce(last, '') < ? OR (coalesce(last, '') = ? AND id < ?))");
      params.push(last, last, id);
    }
    const rows = this.statements
      .get(`SELECT ${STORY_COLUMNS} FROM stories ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY coalesce(last, '') DESC, id DESC LIMIT ?`)
      .all(...params, limit + 1) as StoryRow[];
    const shown = rows.slice(0, limit).map((row) => this.summary(row));
    const last = rows[Math.min(rows.length, limit) - 1];
    return { results: shown, next: rows.length > limit && last !== undefined ? encodeCursor(fingerprint, [last.last ?? '', last.id]) : null };
  }

  story(id: number): StoryPage | null {
    const row = this.storyRow(id);
    if (row === undefined) return null;
    const articles = this.statements
      .get(`SELECT ${ARTICLE_REF}, ${FIRST_COPY} AS firstCopy FROM articles a WHERE a.story_id = ? ORDER BY coalesce(a.published, a.ingested_at), a.id`)
      .all(id) as (ArticleRef & { firstCopy: number })[];
    const byFirst = new Map<number, StoryArticle & { copies: ArticleRef[] }>();
    const timeline: (StoryArticle & { copies: ArticleRef[] })[] = [];
    for (const { firstCopy, ...article } of articles) {
      const first = byFirst.get(firstCopy);
      if (first !== undefined && firstCopy !== article.id) first.copies.push(article);
      else if (timeline.length < TIMELINE) {
        const entry = { ...article, copies: [] as ArticleRef[] };
        byFirst.set(article.id, entry);
        timeline.push(entry);
      }
    }
    return { ...this.summary(row), timeline, speakers: this.speakers(id), related: this.related(row) };
  }

  /** An article's story and copies; null for one stored unlinked. */
  articleLinks(id: number): ArticleLinksView | null {
    const row = this.statements.get(`SELECT a.story_id AS story, a.copy_group AS copyGroup, ${FIRST_COPY} AS firstCopy FROM articles a WHERE a.id = ?`).get(id) as
      | { story: number | null; copyGroup: number | null; firstCopy: number | null }
      | undefined;
    if (row === undefined || row.story === null) return null;
    const story = this.storyRow(row.story);
    if (story === undefined) return null;
    const copies = this.statements
      .get(`SELECT ${ARTICLE_REF} FROM articles a WHERE a.copy_group = ? AND a.id <> ? ORDER BY coalesce(a.published, a.ingested_at), a.ingested_at, a.id`)
      .all(row.copyGroup, id) as ArticleRef[];
    return {
      story: this.summary(story),
      original: row.firstCopy !== id ? (copies.find((copy) => copy.id === row.firstCopy) ?? null) : null,
      copies,
      related: this.related(story),
    };
  }

  private storyRow(id: number): StoryRow | undefined {
    return this.statements.get(`SELECT ${STORY_COLUMNS} FROM stories WHERE id = ?`).get(id) as StoryRow | undefined;
  }

  /**
   * The stories nearest this one (see rankRelated), among those that share most of the
   * terms it is indexed under: the same index that finds an arriving article its story.
   */
  private related(row: StoryRow): RelatedStorySummary[] {
    const shared = new Map<number, number>();
    for (const term of JSON.parse(row.indexed) as string[]) {
      for (const id of this.statements.get('SELECT story_id FROM story_index WHERE term = ? ORDER BY story_id DESC LIMIT ?').pluck().all(term, RELATED_PER_TERM) as number[]) {
        if (id !== row.id) shared.set(id, (shared.get(id) ?? 0) + 1);
      }
    }
    const ids = [...shared].sort((a, b) => b[1] - a[1] || b[0] - a[0]).slice(0, RELATED_CANDIDATES).map(([id]) => id);
    const candidates = this.statements.get(`SELECT ${STORY_COLUMNS} FROM stories WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as StoryRow[];
    const byId = new Map(candidates.map((candidate) => [candidate.id, candidate]));
    const termsOf = (story: StoryRow) => ({ id: story.id, terms: new Map(JSON.parse(story.terms) as [string, number][]) });
    return rankRelated(termsOf(row), candidates.map(termsOf)).map((related) => ({
      ...this.summary(byId.get(related.id)!),
      score: Math.round(related.score * 1000) / 1000,
      // Two names of one merged entity are one entity shared.
      shared: [...new Map(related.shared.flatMap((term) => this.entityOfTerm(term)).map((entity) => [entity.id, entity])).values()],
    }));
  }

  /** The entity a story term names (`PER:vladimir putin`), as search and entity pages know it. */
  private entityOfTerm(term: string): EntitySummary[] {
    const colon = term.indexOf(':');
    const row = this.statements.get('SELECT e.id AS id, e.name AS name, e.type AS type, e.articles AS articles FROM entities f JOIN entities e ON e.id = coalesce(f.merged_into, f.id) WHERE f.type = ? AND f.key = ?').get(term.slice(0, colon), term.slice(colon + 1)) as
      | { id: number; name: string; type: string; articles: number }
      | undefined;
    return row === undefined ? [] : [entitySummary(row)];
  }

  private summary(row: StoryRow): StorySummary {
    // A copy joins its original's story, so each copy group lies in one story and has one first copy: the rest are copies.
    const counts = this.statements.get('SELECT count(*) AS articles, count(*) - count(DISTINCT copy_group) AS copies FROM articles WHERE story_id = ?').get(row.id) as {
      articles: number;
      copies: number;
    };
    return { id: row.id, label: this.label(row), articles: counts.articles, copies: counts.copies, first: row.first, last: row.last };
  }

  /** The headline whose words weigh most in the story's description, per word: long headlines earn nothing for length. */
  private label(row: StoryRow): string | null {
    const weights = new Map(JSON.parse(row.terms) as [string, number][]);
    const headlines = this.statements
      .get("SELECT headline FROM articles WHERE story_id = ? AND headline IS NOT NULL AND headline <> '' ORDER BY id DESC LIMIT ?")
      .pluck()
      .all(row.id, LABEL_CANDIDATES) as string[];
    let best: { headline: string; score: number } | undefined;
    for (const headline of headlines) {
      const terms = [...addTermCounts(headline, new Map()).keys()];
      if (terms.length === 0) continue;
      const score = terms.reduce((sum, term) => sum + (weights.get(term) ?? 0), 0) / Math.sqrt(terms.length);
      if (best === undefined || score > best.score) best = { headline, score };
    }
    return best?.headline ?? headlines[0] ?? null;
  }

  /** People quoted in the story, each quote once: a copy's quotes repeat its original's. */
  private speakers(id: number): StoryPage['speakers'] {
    const rows = this.statements
      .get(
        `SELECT e.id AS speakerId, e.name AS speaker, q.id AS quoteId, q.text AS text, q.kind AS kind, q.cue AS cue, q.speaker_mention AS speakerMention, q.start AS start, q."end" AS "end", ${ARTICLE_REF}
         FROM articles a JOIN quotes q ON q.article_id = a.id JOIN entities e ON e.id = q.speaker_entity_id
         WHERE a.story_id = ? AND e.type = 'PER' AND a.id = ${FIRST_COPY}
         ORDER BY coalesce(a.published, a.ingested_at), a.id, q.start`,
      )
      .all(id) as (QuoteRow & { speakerId: number; speaker: string })[];
    const speakers = new Map<number, { id: number; name: string; quotes: AttributedQuote[]; total: number }>();
    for (const row of rows) {
      const speaker = speakers.get(row.speakerId) ?? { id: row.speakerId, name: row.speaker, quotes: [], total: 0 };
      speakers.set(row.speakerId, speaker);
      speaker.total++;
      if (speaker.quotes.length < QUOTES_PER_SPEAKER) speaker.quotes.push(attributedQuote(row));
    }
    return [...speakers.values()]
      .sort((a, b) => b.total - a.total || a.id - b.id)
      .slice(0, SPEAKERS)
      .map(({ id: speakerId, name, quotes }) => ({ id: speakerId, name, quotes }));
  }
}

const STORY_COLUMNS = 'id, terms, indexed, first, last';

interface StoryRow {
  readonly id: number;
  readonly terms: string;
  /** The terms it is indexed under, a JSON array. */
  readonly indexed: string;
  readonly first: string | null;
  readonly last: string | null;
}
