import { addTermCounts } from './terms.js';

/** What story linking reads of an article. */
export interface LinkArticle {
  readonly headline: string;
  readonly body: string;
  /** Publication date (ISO 8601), or the date first seen when the page gives none. */
  readonly date: string | null;
  /** The people, organisations and places it names, with how often. */
  readonly entities: readonly { readonly type: string; readonly name: string; readonly mentions: number }[];
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
const STORY_TERMS = 400;
/** Terms of a story indexed for finding candidates, and terms of an article looked up. */
const INDEX_TERMS = 40;
const QUERY_TERMS = 30;
/** Stories compared in full per article: those sharing the most looked-up terms. */
const MAX_CANDIDATES = 60;
const DAY_MS = 86_400_000;

interface Story {
  readonly id: number;
  /** Each term's summed weight over the story's articles (before IDF). */
  terms: Map<string, number>;
  size: number;
  /** Earliest and latest article dates (ms), NaN when none had a date. */
  first: number;
  last: number;
  /** The terms it is indexed under. */
  indexed: string[];
}

/**
 * Online story clustering: each article joins the most similar recent story or starts a new
 * one, in arrival order, never re-clustering what came before. Articles and stories are
 * TF-IDF vectors over words and named entities, IDF from the articles seen so far; a story is
 * the sum of its articles. Candidates come from an inverted index over each story's
 * strongest terms, so linking one article costs time bounded by its candidates, not by the
 * number of stories.
 */
export class StoryLinker {
  private readonly stories = new Map<number, Story>();
  private readonly index = new Map<string, Set<number>>();
  private readonly documentFrequency = new Map<string, number>();
  private articles = 0;
  private nextStory = 1;

  constructor(private readonly weights: typeof STORY_WEIGHTS = STORY_WEIGHTS) {}

  add(article: LinkArticle): StoryAssignment {
    const terms = articleTerms(article, this.weights);
    this.articles++;
    for (const term of terms.keys()) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
    const date = article.date === null ? Number.NaN : Date.parse(article.date);
    let best: { story: Story; similarity: number } | undefined;
    for (const story of this.candidates(terms)) {
      const fade = this.fading(story, date);
      if (fade === 0) continue;
      const similarity = this.cosine(terms, story.terms) * fade;
      if (best === undefined || similarity > best.similarity) best = { story, similarity };
    }
    if (best !== undefined && best.similarity >= this.weights.threshold) {
      this.join(best.story, terms, date);
      return { story: best.story.id, similarity: best.similarity, started: false };
    }
    const story: Story = { id: this.nextStory++, terms: new Map(), size: 0, first: Number.NaN, last: Number.NaN, indexed: [] };
    this.stories.set(story.id, story);
    this.join(story, terms, date);
    return { story: story.id, similarity: 0, started: true };
  }

  private idf(term: string): number {
    return Math.log((this.articles + 1) / ((this.documentFrequency.get(term) ?? 0) + 1)) + 1;
  }

  /** Stories that share the article's strongest terms, the most shared first. */
  private candidates(terms: ReadonlyMap<string, number>): Story[] {
    const shared = new Map<number, number>();
    for (const term of this.strongest(terms, QUERY_TERMS)) for (const id of this.index.get(term) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    return [...shared]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, MAX_CANDIDATES)
      .map(([id]) => this.stories.get(id)!);
  }

  private strongest(terms: ReadonlyMap<string, number>, count: number): string[] {
    return [...terms]
      .map(([term, weight]) => [term, weight * this.idf(term)] as const)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, count)
      .map(([term]) => term);
  }

  /** 1 for an article within its story's dates, halving per half-life beyond them, 0 past the longest gap. */
  private fading(story: Story, date: number): number {
    if (Number.isNaN(date) || Number.isNaN(story.first)) return 1;
    const gap = Math.max(0, story.first - date, date - story.last) / DAY_MS;
    return gap > this.weights.maxGapDays ? 0 : 0.5 ** (gap / this.weights.halfLifeDays);
  }

  private cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
    let dot = 0;
    let normA = 0;
    let normB = 0;
    for (const [term, weight] of a) {
      const idf = this.idf(term);
      const x = weight * idf;
      normA += x * x;
      const other = b.get(term);
      if (other !== undefined) dot += x * other * idf;
    }
    for (const [term, weight] of b) {
      const y = weight * this.idf(term);
      normB += y * y;
    }
    return dot === 0 ? 0 : dot / Math.sqrt(normA * normB);
  }

  private join(story: Story, terms: ReadonlyMap<string, number>, date: number): void {
    for (const [term, weight] of terms) story.terms.set(term, (story.terms.get(term) ?? 0) + weight);
    if (story.terms.size > STORY_TERMS) story.terms = new Map([...story.terms].sort((a, b) => b[1] - a[1]).slice(0, STORY_TERMS));
    story.size++;
    if (!Number.isNaN(date)) {
      story.first = Number.isNaN(story.first) ? date : Math.min(story.first, date);
      story.last = Number.isNaN(story.last) ? date : Math.max(story.last, date);
    }
    for (const term of story.indexed) this.index.get(term)?.delete(story.id);
    story.indexed = this.strongest(story.terms, INDEX_TERMS);
    for (const term of story.indexed) {
      let ids = this.index.get(term);
      if (ids === undefined) this.index.set(term, (ids = new Set()));
      ids.add(story.id);
    }
  }
}

/** An article's terms, weighted: sublinear counts, headline words and entities counted more. */
export function articleTerms(article: LinkArticle, weights: typeof STORY_WEIGHTS = STORY_WEIGHTS): Map<string, number> {
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
