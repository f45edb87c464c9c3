import { addTermCounts } from './terms.js';

/** What story linking reads of an article. */
export interface LinkArticle {
  readonly headline: string;
  readonly body: string;
  /** Publication date (ISO 8601), or the date first seen when the page gives none. */
  readonly date: string | null;
  /** The people, organisations and places it names, with how often. */
  readonly entities: readonly { readonly type: string; readonly name: string; readonly mentions: number }[];
  /** Its terms as `articleTerms` weighs them with STORY_WEIGHTS, when worked out already (see linkFeatures). */
  readonly terms?: ReadonlyMap<string, number>;
}

/** The named things linking weighs: MISC names ("Republican", "Christmas") say less about which story an article tells than its words do. */
function linkedEntities(entities: readonly LinkArticle['entities'][number][]): LinkArticle['entities'] {
  return entities.filter((entity) => entity.type !== 'MISC');
}

/**
 * The named things linking weighs, with the article's dateline place among its places: a
 * dateline says where the story happens even when the text names the place no more
 * ("SAMARKAND, Uzbekistan —"). Counted once, as a place the text names once.
 */
export function linkedEntitiesWithDateline(entities: readonly LinkArticle['entities'][number][], datelinePlace: string | null | undefined): LinkArticle['entities'] {
  const linked = linkedEntities(entities);
  if (datelinePlace === null || datelinePlace === undefined || datelinePlace.trim() === '') return linked;
  const place = datelinePlace.trim();
  const named = linked.some((entity) => entity.type === 'LOC' && entity.name.toLowerCase() === place.toLowerCase());
  return named ? linked : [...linked, { type: 'LOC', name: place, mentions: 1 }];
}

/** Where an article went: the story it joined or started, and how alike it was to that story (0 for a new one). */
export interface StoryAssignment {
  readonly story: number;
  readonly similarity: number;
  readonly started: boolean;
}

/**
 * The weights of story linking, fixed in the code: chosen on the Hamborg set
 * (`npm run bench:link`, which also reports its two halves apart), preferring a
 * threshold that keeps precision over one that gains recall.
 */
export const STORY_WEIGHTS = {
  /** A headline word counts as this many body words. */
  headline: 3,
  /** A named person, organisation or place counts as this many words. */
  entity: 1,
  /** An article joins the most similar story at or above this cosine similarity, after fading. */
  threshold: 0.18,
  /** Similarity halves for every this many days between an article and its story's nearest article. */
  halfLifeDays: 120,
  /** Beyond this many days from every article of a story, an article never joins it. */
  maxGapDays: 365,
} as const;

/** Terms of a story kept for comparison: enough to describe it, bounded in cost. */
const STORY_TERMS = 300;
/** Terms of a story indexed for finding candidates, and terms of an article looked up. */
const INDEX_TERMS = 40;
const QUERY_TERMS = 30;
/** Stories compared in full per article: those sharing the most looked-up terms. */
const MAX_CANDIDATES = 20;
const DAY_MS = 86_400_000;

/** A story as linking keeps it. */
export interface StoryRecord {
  /** 0 for a story not yet saved. */
  readonly id: number;
  /** Each term's summed TF-IDF weight over the story's articles, IDF as of when each joined. */
  readonly terms: ReadonlyMap<string, number>;
  /** The Euclidean norm of `terms`. */
  readonly norm: number;
  readonly size: number;
  /** Earliest and latest article dates (ms since 1970), NaN when none had a date. */
  readonly first: number;
  readonly last: number;
  /** The terms it is indexed under: its strongest. */
  readonly indexed: readonly string[];
}

/** Where stories live between articles: memory (MemoryStoryState) or the store's tables. */
export interface StoryState {
  /**
   * Counts one more article, holding these (distinct) terms; returns the articles counted so
   * far and how many of them hold each term, in the terms' order, this article included.
   */
  count(terms: readonly string[]): { readonly articles: number; readonly df: readonly number[] };
  /** The stories indexed under the most of these terms, at most `limit`, the most shared first. */
  candidates(terms: readonly string[], limit: number): StoryRecord[];
  /** Saves a story (a new one when its id is 0) and indexes it under its `indexed` terms alone; returns its id. */
  save(story: StoryRecord): number;
}

/**
 * Online story clustering: each article joins the most similar recent story or starts a new
 * one, in arrival order, never re-clustering what came before. Articles and stories are
 * TF-IDF vectors over words and named entities, IDF from the articles seen so far; a story is
 * the sum of its articles. Candidates come from an index over each story's strongest terms,
 * so linking one article costs time bounded by its candidates, not by the number of stories.
 */
export class StoryLinker {
  constructor(
    private readonly state: StoryState = new MemoryStoryState(),
    private readonly weights: typeof STORY_WEIGHTS = STORY_WEIGHTS,
  ) {}

  add(article: LinkArticle): StoryAssignment {
    const counts = article.terms !== undefined && this.weights === STORY_WEIGHTS ? article.terms : articleTerms(article, this.weights);
    const terms = [...counts.keys()];
    const { articles, df } = this.state.count(terms);
    // The weights twice: by term for the story's sum, in the terms' order for the products.
    const vector = new Map<string, number>();
    const weights = new Float64Array(terms.length);
    let k = 0;
    for (const weight of counts.values()) {
      const x = weight * (Math.log((articles + 1) / (df[k]! + 1)) + 1);
      vector.set(terms[k]!, x);
      weights[k++] = x;
    }
    const norm = normOf(weights);
    const date = article.date === null ? Number.NaN : Date.parse(article.date);
    let best: { story: StoryRecord; similarity: number } | undefined;
    for (const story of this.state.candidates(strongest(vector, QUERY_TERMS), MAX_CANDIDATES)) {
      const fade = this.fading(story, date);
      if (fade === 0 || story.norm === 0 || norm === 0) continue;
      const similarity = (dotProduct(terms, weights, story.terms) / (norm * story.norm)) * fade;
      if (best === undefined || similarity > best.similarity) best = { story, similarity };
    }
    const joined = best !== undefined && best.similarity >= this.weights.threshold ? best : undefined;
    const id = this.state.save(joinedStory(joined?.story ?? EMPTY_STORY, vector, date));
    return joined === undefined ? { story: id, similarity: 0, started: true } : { story: id, similarity: joined.similarity, started: false };
  }

  /** 1 for an article within its story's dates, halving per half-life beyond them, 0 past the longest gap. */
  private fading(story: StoryRecord, date: number): number {
    if (Number.isNaN(date) || Number.isNaN(story.first)) return 1;
    const gap = Math.max(0, story.first - date, date - story.last) / DAY_MS;
    return gap > this.weights.maxGapDays ? 0 : 0.5 ** (gap / this.weights.halfLifeDays);
  }
}

const EMPTY_STORY: StoryRecord = { id: 0, terms: new Map(), norm: 0, size: 0, first: Number.NaN, last: Number.NaN, indexed: [] };

/** A story with one more article: its terms added (the weakest dropped past STORY_TERMS), its dates widened. */
function joinedStory(story: StoryRecord, vector: ReadonlyMap<string, number>, date: number): StoryRecord {
  const summed = new Map(story.terms);
  for (const [term, x] of vector) summed.set(term, (summed.get(term) ?? 0) + x);
  // Ranked once: the weakest terms are dropped and the strongest indexed from the same order.
  const ranked = byWeight(summed).slice(0, STORY_TERMS);
  const dated = !Number.isNaN(date);
  return {
    id: story.id,
    terms: new Map(ranked),
    norm: normOf(ranked.map(([, x]) => x)),
    size: story.size + 1,
    first: dated ? (Number.isNaN(story.first) ? date : Math.min(story.first, date)) : story.first,
    last: dated ? (Number.isNaN(story.last) ? date : Math.max(story.last, date)) : story.last,
    indexed: ranked.slice(0, INDEX_TERMS).map(([term]) => term),
  };
}

/** An article's weights (by term, in the terms' order) times a story's. */
function dotProduct(terms: readonly string[], weights: Float64Array, story: ReadonlyMap<string, number>): number {
  let dot = 0;
  for (let k = 0; k < terms.length; k++) {
    const y = story.get(terms[k]!);
    if (y !== undefined) dot += weights[k]! * y;
  }
  return dot;
}

/** Terms, the heaviest first (ties by term, so the order never depends on insertion). */
function byWeight(terms: ReadonlyMap<string, number>): [string, number][] {
  return [...terms].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

function strongest(terms: ReadonlyMap<string, number>, count: number): string[] {
  return byWeight(terms)
    .slice(0, count)
    .map(([term]) => term);
}

/** Adds one article to each term's document frequency; returns the new frequencies, in the terms' order. */
export function countTerms(df: Map<string, number>, terms: readonly string[]): number[] {
  return terms.map((term) => {
    const n = (df.get(term) ?? 0) + 1;
    df.set(term, n);
    return n;
  });
}

/** Story state in memory: for a program that links articles it holds, and for measuring. */
export class MemoryStoryState implements StoryState {
  private readonly stories = new Map<number, StoryRecord>();
  private readonly index = new Map<string, Set<number>>();
  private readonly df = new Map<string, number>();
  private articles = 0;

  count(terms: readonly string[]): { articles: number; df: number[] } {
    this.articles++;
    return { articles: this.articles, df: countTerms(this.df, terms) };
  }

  candidates(terms: readonly string[], limit: number): StoryRecord[] {
    const shared = new Map<number, number>();
    for (const term of terms) for (const id of this.index.get(term) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    return [...shared]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([id]) => this.stories.get(id)!);
  }

  save(story: StoryRecord): number {
    const id = story.id === 0 ? this.stories.size + 1 : story.id;
    for (const term of this.stories.get(id)?.indexed ?? []) this.index.get(term)?.delete(id);
    this.stories.set(id, { ...story, id });
    for (const term of story.indexed) {
      let ids = this.index.get(term);
      if (ids === undefined) this.index.set(term, (ids = new Set()));
      ids.add(id);
    }
    return id;
  }
}

/** An article's terms, weighted: sublinear counts, headline words and entities counted more. */
export function articleTerms(article: Omit<LinkArticle, 'date' | 'terms'>, weights: typeof STORY_WEIGHTS = STORY_WEIGHTS): Map<string, number> {
  const counts = addTermCounts(article.body, new Map());
  addTermCounts(article.headline, counts, weights.headline);
  const out = new Map<string, number>();
  for (const [term, count] of counts) out.set(term, 1 + Math.log(count));
  for (const entity of article.entities) {
    const key = `${entity.type}:${entity.name.toLowerCase()}`;
    out.set(key, (out.get(key) ?? 0) + weights.entity * (1 + Math.log(Math.max(1, entity.mentions))));
  }
  return out;
}

/** The Euclidean norm of a vector's weights. */
export function normOf(weights: Iterable<number>): number {
  let sum = 0;
  for (const x of weights) sum += x * x;
  return Math.sqrt(sum);
}
