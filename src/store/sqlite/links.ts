import { CollectionLinker, type ArticleLinks, type ArticleToLink, type LinkState } from '../../link/linker.js';
import type { CopySketch } from '../../link/copies.js';
import type { LinkFeatures } from '../../link/features.js';
import { countTerms, linkedEntitiesWithDateline, type LinkArticle, type StoryRecord, type StoryState } from '../../link/stories.js';
import type { Db } from './open.js';

/** Stories read per looked-up term, the newest first: a term in thousands of stories costs no more than one in a hundred. */
const STORIES_PER_TERM = 100;
/**
 * Articles read per LSH key, the latest first: a key shared by thousands (a boilerplate
 * line's hash) costs no more than one shared by a few. A copy needs only some member of
 * its group among them, and a group's members share most of its 32 keys, so 16 find it:
 * at 100,000 articles of 76 copies each, 50 read three times as many sketches (linking
 * 1.8 against 1.0 ms an article), and of 3,989 copies linked there 4 chose another group
 * (texts near copies of two), none went unfound.
 */
const ARTICLES_PER_KEY = 16;
/** Term frequencies are written back every this many articles (and when the store closes), not with each: see `count`. */
const FLUSH_EVERY = 500;
/** Stories kept parsed in memory, the most recently used: an active story is compared with most new articles. */
const CACHED_STORIES = 5000;

/**
 * Linking's state in the store's tables: term frequencies, stories and the index of their
 * strongest terms, copy sketches and their LSH keys. Each article is linked inside the
 * transaction that stores it, so a story or a copy group never misses an article that
 * was stored. Every read is bounded (STORIES_PER_TERM, ARTICLES_PER_KEY), so linking an
 * article costs about the same in a collection of a thousand articles or a million.
 *
 * Only the process holding the writer lock links, so it may keep what it reads: term
 * frequencies (read once, written back in batches) and recently used stories.
 */
export class StoredLinks implements LinkState, StoryState {
  readonly stories: StoryState = this;
  private readonly linker: CollectionLinker<StoredLinks>;
  private readonly statements;
  private frequency: { articles: number; df: Map<string, number> } | undefined;
  /** The terms of each article counted since the last flush. */
  private counted: (readonly string[])[] = [];
  private readonly cache = new Map<number, StoryRecord>();

  constructor(db: Db) {
    this.linker = new CollectionLinker(this);
    this.statements = {
      articles: db.prepare('SELECT articles FROM link_totals').pluck(),
      allFrequencies: db.prepare('SELECT term, df FROM link_terms'),
      setArticles: db.prepare('UPDATE link_totals SET articles = ?'),
      setFrequency: db.prepare('INSERT OR REPLACE INTO link_terms (term, df) VALUES (?, ?)'),
      storiesUnder: db.prepare('SELECT story_id FROM story_index WHERE term = ? ORDER BY story_id DESC LIMIT ?').pluck(),
      articlesUnder: db.prepare('SELECT article_id FROM copy_bands WHERE key = ? ORDER BY article_id DESC LIMIT ?').pluck(),
      story: db.prepare('SELECT id, terms, norm, size, first, last, indexed FROM stories WHERE id = ?'),
      insertStory: db.prepare('INSERT INTO stories (size, first, last, norm, terms, indexed) VALUES (?, ?, ?, ?, ?, ?)'),
      updateStory: db.prepare('UPDATE stories SET size = ?, first = ?, last = ?, norm = ?, terms = ?, indexed = ? WHERE id = ?'),
      unindex: db.prepare('DELETE FROM story_index WHERE term = ? AND story_id = ?'),
      index: db.prepare('INSERT OR IGNORE INTO story_index (term, story_id) VALUES (?, ?)'),
      sketch: db.prepare('SELECT shingles, signature FROM copy_sketches WHERE article_id = ?'),
      insertSketch: db.prepare('INSERT INTO copy_sketches (article_id, shingles, signature) VALUES (?, ?, ?)'),
      insertBand: db.prepare('INSERT OR IGNORE INTO copy_bands (key, article_id) VALUES (?, ?)'),
      setLinks: db.prepare('UPDATE articles SET story_id = ?, copy_group = ? WHERE id = ?'),
      unlinked: db.prepare('SELECT id FROM articles WHERE story_id IS NULL ORDER BY coalesce(published, ingested_at), id').pluck(),
      unlinkedArticle: db.prepare(
        'SELECT a.headline AS headline, a.published AS published, a.dateline AS dateline, a.ingested_at AS ingestedAt, s.body AS body FROM articles a JOIN article_search s ON s.rowid = a.id WHERE a.id = ?',
      ),
      entitiesOf: db.prepare('SELECT e.type AS type, ae.name AS name, ae.mention_count AS mentions FROM article_entities ae JOIN entities e ON e.id = ae.entity_id WHERE ae.article_id = ?'),
      linksOf: db.prepare('SELECT story_id AS story, copy_group AS copyGroup FROM articles WHERE id = ? AND story_id IS NOT NULL'),
    };
  }

  /** Links a stored article: a copy group and a story, written to its row. */
  link(article: ArticleToLink): ArticleLinks {
    return this.linker.add(article);
  }

  /**
   * Links the articles stored unlinked (before Link existed, or with linking off), in the
   * order they were published (then stored), as if they had just arrived.
   */
  catchUp(): number {
    const ids = this.statements.unlinked.all() as number[];
    for (const id of ids) {
      const row = this.statements.unlinkedArticle.get(id) as { headline: string | null; published: string | null; dateline: string | null; ingestedAt: string; body: string } | undefined;
      if (row === undefined) continue;
      this.link(articleToLink(id, { ...row, entities: this.statements.entitiesOf.all(id) as { type: string; name: string; mentions: number }[] }, row.ingestedAt));
    }
    this.flush();
    return ids.length;
  }

  /**
   * Counts an article's terms in memory, written back every FLUSH_EVERY articles: written
   * with each article, the counts of its few hundred terms touched as many pages of the
   * table per transaction (measured 38 % off ingest throughput). A crash loses at most the
   * counts since the last flush: frequencies weigh words, and a few hundred articles more or
   * less in them move no weight that matters.
   */
  count(terms: readonly string[]): { articles: number; df: number[] } {
    const frequency = this.loadedFrequencies();
    frequency.articles++;
    const df = countTerms(frequency.df, terms);
    this.counted.push(terms);
    if (this.counted.length >= FLUSH_EVERY) this.flush();
    return { articles: frequency.articles, df };
  }

  /** Writes the term frequencies counted since the last flush; the caller's transaction holds it. */
  flush(): void {
    if (this.frequency === undefined || this.counted.length === 0) return;
    const changed = new Set(this.counted.flat());
    for (const term of changed) this.statements.setFrequency.run(term, this.frequency.df.get(term) ?? 0);
    this.statements.setArticles.run(this.frequency.articles);
    this.counted = [];
  }

  /** After a transaction that linked an article was rolled back: stories kept in memory may hold it, so they are read again. */
  forgetStories(): void {
    this.cache.clear();
  }

  private loadedFrequencies(): { articles: number; df: Map<string, number> } {
    if (this.frequency === undefined) {
      const df = new Map((this.statements.allFrequencies.all() as { term: string; df: number }[]).map((row) => [row.term, row.df]));
      this.frequency = { articles: this.statements.articles.get() as number, df };
    }
    return this.frequency;
  }

  candidates(terms: readonly string[], limit: number): StoryRecord[] {
    const shared = new Map<number, number>();
    for (const term of terms) for (const id of this.statements.storiesUnder.all(term, STORIES_PER_TERM) as number[]) shared.set(id, (shared.get(id) ?? 0) + 1);
    return [...shared]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([id]) => this.story(id));
  }

  private story(id: number): StoryRecord {
    const cached = this.cache.get(id);
    if (cached !== undefined) {
      this.remember(cached);
      return cached;
    }
    const row = this.statements.story.get(id) as { id: number; terms: string; norm: number; size: number; first: string | null; last: string | null; indexed: string };
    const story: StoryRecord = {
      id: row.id,
      terms: new Map(JSON.parse(row.terms) as [string, number][]),
      norm: row.norm,
      size: row.size,
      first: row.first === null ? Number.NaN : Date.parse(row.first),
      last: row.last === null ? Number.NaN : Date.parse(row.last),
      indexed: JSON.parse(row.indexed) as string[],
    };
    this.remember(story);
    return story;
  }

  /** Keeps a story as the most recently used (the last key; the first is the one dropped). */
  private remember(story: StoryRecord): void {
    this.cache.delete(story.id);
    this.cache.set(story.id, story);
    if (this.cache.size > CACHED_STORIES) this.cache.delete(this.cache.keys().next().value!);
  }

  save(story: StoryRecord): number {
    const iso = (ms: number) => (Number.isNaN(ms) ? null : new Date(ms).toISOString());
    // Four decimals: a story's terms are compared, never summed back exactly.
    const terms = JSON.stringify([...story.terms].map(([term, weight]) => [term, Math.round(weight * 1e4) / 1e4]));
    const fields = [story.size, iso(story.first), iso(story.last), story.norm, terms, JSON.stringify(story.indexed)] as const;
    let id = story.id;
    const before = id === 0 ? [] : this.story(id).indexed;
    if (id === 0) id = Number(this.statements.insertStory.run(...fields).lastInsertRowid);
    else this.statements.updateStory.run(...fields, id);
    // Only the terms it leaves or joins are written: a story's strongest terms change little with each article.
    const now = new Set(story.indexed);
    const was = new Set(before);
    for (const term of before) if (!now.has(term)) this.statements.unindex.run(term, id);
    for (const term of story.indexed) if (!was.has(term)) this.statements.index.run(term, id);
    this.remember({ ...story, id });
    return id;
  }

  sketchesUnder(keys: readonly number[]): { id: number; sketch: CopySketch }[] {
    const ids = new Set<number>();
    for (const key of keys) for (const id of this.statements.articlesUnder.all(key, ARTICLES_PER_KEY) as number[]) ids.add(id);
    return [...ids].map((id) => {
      const row = this.statements.sketch.get(id) as { shingles: number; signature: Buffer };
      return { id, sketch: { shingles: row.shingles, signature: new Uint32Array(new Uint8Array(row.signature).buffer) } };
    });
  }

  saveLinks(article: ArticleToLink, sketch: CopySketch, keys: readonly number[], links: ArticleLinks): void {
    this.statements.insertSketch.run(article.id, sketch.shingles, Buffer.from(sketch.signature.buffer, sketch.signature.byteOffset, sketch.signature.byteLength));
    for (const key of keys) this.statements.insertBand.run(key, article.id);
    this.statements.setLinks.run(links.story, links.copyGroup, article.id);
  }

  linksOf(id: number): ArticleLinks | undefined {
    return this.statements.linksOf.get(id) as ArticleLinks | undefined;
  }
}

/** What linking reads of a stored article: `firstSeen` (when it was stored) dates one whose page gives no date. */
export function articleToLink(
  id: number,
  article: { readonly headline: string | null; readonly body: string; readonly published: string | null; readonly dateline: string | null; readonly entities: LinkArticle['entities'] },
  firstSeen: string,
  features?: LinkFeatures,
): ArticleToLink {
  const linked = { id, headline: article.headline ?? '', body: article.body, date: article.published ?? firstSeen, firstSeen, entities: linkedEntitiesWithDateline(article.entities, article.dateline) };
  return features === undefined ? linked : { ...linked, sketch: features.sketch, terms: features.terms };
}
