import { CollectionLinker, type ArticleLinks, type ArticleToLink, type LinkState } from '../../link/linker.js';
import type { CopySketch } from '../../link/copies.js';
import { linkedEntities, type LinkArticle, type StoryRecord, type StoryState } from '../../link/stories.js';
import type { Db } from './open.js';

/**
 * Linking's state in the store's tables: term frequencies, stories and the index of their
 * strongest terms, copy sketches and their LSH keys. Each article is linked inside the
 * transaction that stores it, so a story or a copy group never misses an article that
 * was stored.
 */
export class StoredLinks implements LinkState, StoryState {
  readonly stories: StoryState = this;
  private readonly linker: CollectionLinker<StoredLinks>;
  private readonly statements;

  constructor(db: Db) {
    this.linker = new CollectionLinker(this);
    this.statements = {
      articles: db.prepare('SELECT articles FROM link_totals').pluck(),
      frequencies: db.prepare('SELECT term, df FROM link_terms WHERE term IN (SELECT value FROM json_each(?))'),
      countArticle: db.prepare('UPDATE link_totals SET articles = articles + 1'),
      countTerm: db.prepare('INSERT INTO link_terms (term, df) VALUES (?, 1) ON CONFLICT (term) DO UPDATE SET df = df + 1'),
      candidates: db.prepare(
        `SELECT s.id AS id, s.terms AS terms, s.norm AS norm, s.size AS size, s.first AS first, s.last AS last, s.indexed AS indexed
         FROM (SELECT story_id, count(*) AS shared FROM story_index WHERE term IN (SELECT value FROM json_each(?)) GROUP BY story_id ORDER BY shared DESC, story_id LIMIT ?) c
         JOIN stories s ON s.id = c.story_id ORDER BY c.shared DESC, s.id`,
      ),
      insertStory: db.prepare('INSERT INTO stories (size, first, last, norm, terms, indexed) VALUES (?, ?, ?, ?, ?, ?)'),
      updateStory: db.prepare('UPDATE stories SET size = ?, first = ?, last = ?, norm = ?, terms = ?, indexed = ? WHERE id = ?'),
      unindex: db.prepare('DELETE FROM story_index WHERE story_id = ?'),
      index: db.prepare('INSERT OR IGNORE INTO story_index (term, story_id) VALUES (?, ?)'),
      sketches: db.prepare(
        'SELECT s.article_id AS id, s.shingles AS shingles, s.signature AS signature FROM copy_sketches s WHERE s.article_id IN (SELECT DISTINCT article_id FROM copy_bands WHERE key IN (SELECT value FROM json_each(?)))',
      ),
      insertSketch: db.prepare('INSERT INTO copy_sketches (article_id, shingles, signature) VALUES (?, ?, ?)'),
      insertBand: db.prepare('INSERT OR IGNORE INTO copy_bands (key, article_id) VALUES (?, ?)'),
      setLinks: db.prepare('UPDATE articles SET story_id = ?, copy_group = ? WHERE id = ?'),
      linksOf: db.prepare('SELECT story_id AS story, copy_group AS copyGroup FROM articles WHERE id = ? AND story_id IS NOT NULL'),
    };
  }

  /** Links a stored article: a copy group and a story, written to its row. */
  link(article: ArticleToLink): ArticleLinks {
    return this.linker.add(article);
  }

  frequencies(terms: readonly string[]): { articles: number; df: ReadonlyMap<string, number> } {
    const rows = this.statements.frequencies.all(JSON.stringify(terms)) as { term: string; df: number }[];
    return { articles: this.statements.articles.get() as number, df: new Map(rows.map((row) => [row.term, row.df])) };
  }

  count(terms: readonly string[]): void {
    this.statements.countArticle.run();
    for (const term of terms) this.statements.countTerm.run(term);
  }

  candidates(terms: readonly string[], limit: number): StoryRecord[] {
    const rows = this.statements.candidates.all(JSON.stringify(terms), limit) as { id: number; terms: string; norm: number; size: number; first: string | null; last: string | null; indexed: string }[];
    return rows.map((row) => ({
      id: row.id,
      terms: new Map(JSON.parse(row.terms) as [string, number][]),
      norm: row.norm,
      size: row.size,
      first: row.first === null ? Number.NaN : Date.parse(row.first),
      last: row.last === null ? Number.NaN : Date.parse(row.last),
      indexed: JSON.parse(row.indexed) as string[],
    }));
  }

  save(story: StoryRecord): number {
    const iso = (ms: number) => (Number.isNaN(ms) ? null : new Date(ms).toISOString());
    // Four decimals: a story's terms are compared, never summed back exactly.
    const terms = JSON.stringify([...story.terms].map(([term, weight]) => [term, Math.round(weight * 1e4) / 1e4]));
    const fields = [story.size, iso(story.first), iso(story.last), story.norm, terms, JSON.stringify(story.indexed)] as const;
    let id = story.id;
    if (id === 0) id = Number(this.statements.insertStory.run(...fields).lastInsertRowid);
    else {
      this.statements.updateStory.run(...fields, id);
      this.statements.unindex.run(id);
    }
    for (const term of story.indexed) this.statements.index.run(term, id);
    return id;
  }

  sketchesUnder(keys: readonly number[]): { id: number; sketch: CopySketch }[] {
    const rows = this.statements.sketches.all(JSON.stringify(keys)) as { id: number; shingles: number; signature: Buffer }[];
    return rows.map((row) => ({ id: row.id, sketch: { shingles: row.shingles, signature: new Uint32Array(new Uint8Array(row.signature).buffer) } }));
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
  article: { readonly headline: string | null; readonly body: string; readonly published: string | null; readonly entities: LinkArticle['entities'] },
  firstSeen: string,
): ArticleToLink {
  return { id, headline: article.headline ?? '', body: article.body, date: article.published ?? firstSeen, firstSeen, entities: linkedEntities(article.entities) };
}
