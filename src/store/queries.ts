/**
 * The read side of the store: what search, the API, the web UI and the CLI ask of a
 * collection. Every page and endpoint reads through these functions, so an HTML page and
 * its JSON twin always agree. The SQLite store answers them (`./sqlite/`), on read-only
 * connections, so a server can run them in worker threads under a deadline.
 */

/** What the API and UI call the tagger's entity types (PER, ORG, LOC, MISC). */
export type EntityKind = 'person' | 'organisation' | 'place' | 'other';

export type SearchSort = 'relevance' | 'newest';

export interface SearchQuery {
  /** The search box's text, in the documented syntax (phrases, OR, -word, word*). Absent or blank: every article. */
  readonly q?: string;
  /** Names, matched case-insensitively against canonical names (a surname alone also matches). */
  readonly person?: string;
  readonly org?: string;
  /** A place mentioned in the article or named by its dateline. */
  readonly place?: string;
  /** A site as results name it (bbc.co.uk). */
  readonly site?: string;
  readonly lang?: string;
  /** Published on or after this day (YYYY-MM-DD). */
  readonly from?: string;
  /** Published on or before this day (YYYY-MM-DD). */
  readonly to?: string;
  /** Only articles with a quote attributed to this person. */
  readonly speaker?: string;
  /** Only articles with at least one attributed quote. */
  readonly hasQuotes?: boolean;
  /** Default: relevance when there is a text query, newest otherwise. */
  readonly sort?: SearchSort;
  /** fold (the default): each text once, where its first matching copy ranks, with its count of other copies; all: every copy. */
  readonly copies?: 'fold' | 'all';
  /** From the previous page's `next`. */
  readonly cursor?: string;
  /** Results per page, 1–100 (default 20). */
  readonly limit?: number;
}

export interface SearchHit {
  readonly id: number;
  readonly headline: string | null;
  readonly url: string | null;
  readonly published: string | null;
  readonly site: string | null;
  readonly dateline: string | null;
  readonly language: string | null;
  /** A passage of the article around the words searched for (its opening without a text query). */
  readonly snippet: string;
  /** Where the searched words are in `snippet`: [start, end) character offsets. */
  readonly highlights: readonly (readonly [number, number])[];
  /** Attributed quotes in the article. */
  readonly quotes: number;
  /** Other copies of its text in the collection (see Link); folded into this result, not listed. */
  readonly copies: number;
}

export interface FacetValue {
  readonly value: string;
  /** The entity's id, for people, organisations and places. */
  readonly id?: number;
  readonly count: number;
}

export interface Facets {
  readonly people: readonly FacetValue[];
  readonly organisations: readonly FacetValue[];
  readonly places: readonly FacetValue[];
  readonly sites: readonly FacetValue[];
  /** How many of the best results (in the page's order) the counts are over: all of them, up to a cap. */
  readonly over: number;
}

export interface SearchPage {
  readonly results: readonly SearchHit[];
  /** Articles matching the query and filters (see `totalIsLowerBound`). */
  readonly total: number;
  /** Set when counting stopped at a cap (over 20,000 matches of the words alone, or 10,000 with filters): there are at least `total`. */
  readonly totalIsLowerBound?: true;
  readonly facets: Facets;
  /** Cursor of the next page, or null on the last. */
  readonly next: string | null;
  /** Why the results are empty when the query itself had nothing to search for ("*", only punctuation). */
  readonly note?: string;
}

export type TimelineInterval = 'day' | 'week';

export interface Timeline {
  readonly interval: TimelineInterval;
  /** Matching articles per day or week (weeks start on Monday), oldest first; days with none are left out. */
  readonly buckets: readonly { readonly start: string; readonly count: number }[];
  /** Matching articles with no publication date, which no bucket counts. */
  readonly undated: number;
}

/** An article as stored: the JSON `dateline read` printed for it, and where it sits in the collection. */
export interface StoredArticle {
  readonly id: number;
  readonly url: string | null;
  readonly site: string | null;
  readonly ingestedAt: string;
  /** The article JSON (`dateline read --format json`), serialised. */
  readonly json: string;
  /** For each entity of the article (its id within the article), the collection entity it belongs to. */
  readonly entityIds: Readonly<Record<number, number>>;
  /** Its story and its copies; null for an article stored unlinked. */
  readonly links: ArticleLinksView | null;
}

/** Where an article sits among the stories and copies of the collection. */
export interface ArticleLinksView {
  readonly story: StorySummary;
  /** The earliest published copy of its text, when the article is a later copy of it. */
  readonly original: ArticleRef | null;
  /** The other copies of its text, in publication order. */
  readonly copies: readonly ArticleRef[];
  /** Stories related to its story, the nearest first. */
  readonly related: readonly RelatedStorySummary[];
}

export interface EntitySummary {
  readonly id: number;
  readonly name: string;
  readonly type: EntityKind;
  /** Articles that mention it. */
  readonly articles: number;
}

export interface EntityQuery {
  readonly type?: EntityKind;
  /** Matches the start of the name or of any of its words, case-insensitively. */
  readonly q?: string;
  readonly cursor?: string;
  /** 1–100, default 20. */
  readonly limit?: number;
}

export interface EntityList {
  readonly results: readonly EntitySummary[];
  readonly next: string | null;
}

export interface ArticleRef {
  readonly id: number;
  readonly headline: string | null;
  readonly url: string | null;
  readonly published: string | null;
  readonly site: string | null;
}

export interface AttributedQuote {
  /** The quote's id in the collection. */
  readonly id: number;
  readonly text: string;
  /** direct, partial, reported, … as the quotes stage names them. */
  readonly kind: string;
  readonly cue: string | null;
  /** The words that named the speaker where the quote stands ("Putin", "he"). */
  readonly speakerMention: string | null;
  /** Offsets in the article's text. */
  readonly start: number;
  readonly end: number;
  readonly article: ArticleRef;
}

export interface EntityRole {
  readonly text: string;
  /** Articles that give it. */
  readonly count: number;
  /** Publication dates of the first and last article that give it. */
  readonly first: string | null;
  readonly last: string | null;
}

export interface EntityPage extends EntitySummary {
  readonly roles: readonly EntityRole[];
  /** The names articles give it ("Vladimir Putin", "Putin"), the most used first, with how many articles use each. */
  readonly aliases: readonly { readonly name: string; readonly articles: number }[];
  /** Its articles, newest first (the first 50), and how many it has. */
  readonly recentArticles: readonly ArticleRef[];
  /** For a place: articles datelined there, newest first (the first 50), and how many. */
  readonly datelined: readonly ArticleRef[];
  readonly datelinedCount: number;
  /** For a person: every quote attributed to them, newest first, a page at a time. */
  readonly quotes: readonly AttributedQuote[];
  readonly quoteCount: number;
  /** Cursor of the next page of quotes (`cursor` of `entity`), or null. */
  readonly nextQuotes: string | null;
  /** People most often in the same articles, with how many articles they share. */
  readonly coMentioned: readonly (EntitySummary & { readonly shared: number })[];
  /** Others of the same name that their roles and company tell apart from it, with their commonest roles. */
  readonly namesakes: readonly (EntitySummary & { readonly roles: readonly string[] })[];
}

/** A story: articles on one event or development, linked as they arrived (see src/link). */
export interface StorySummary {
  readonly id: number;
  /** Its most representative headline (the one whose words weigh most in the story). */
  readonly label: string | null;
  /** Its articles, copies included, and how many of them are copies of another. */
  readonly articles: number;
  readonly copies: number;
  /** Publication dates of its first and last article. */
  readonly first: string | null;
  readonly last: string | null;
}

export interface StoryQuery {
  readonly cursor?: string;
  /** 1–100, default 20. */
  readonly limit?: number;
}

export interface StoryList {
  /** Stories, the most recently grown first. */
  readonly results: readonly StorySummary[];
  readonly next: string | null;
}

/** An article of a story, with the copies of its text folded under it (it is the earliest published of them). */
export interface StoryArticle extends ArticleRef {
  readonly copies: readonly ArticleRef[];
}

export interface StoryPage extends StorySummary {
  /** Its articles in publication order (the first 200), copies folded. */
  readonly timeline: readonly StoryArticle[];
  /** Who is quoted in it, the most quoted first, with their quotes in publication order (copies' quotes counted once). */
  readonly speakers: readonly { readonly id: number; readonly name: string; readonly quotes: readonly AttributedQuote[] }[];
  /** Other stories that name the same people, organisations and places or continue it, the nearest first (at most 5). */
  readonly related: readonly RelatedStorySummary[];
}

/** A story related to another: how near (cosine of their descriptions, 0–1) and the entities both name. */
export interface RelatedStorySummary extends StorySummary {
  readonly score: number;
  readonly shared: readonly EntitySummary[];
}

/** The questions a collection answers. A store implements them on read-only connections. */
export interface StoreReader {
  search(query: SearchQuery): SearchPage;
  timeline(query: SearchQuery, interval: TimelineInterval): Timeline;
  article(id: number): StoredArticle | null;
  entities(query: EntityQuery): EntityList;
  /** `quoteCursor` pages the person's quotes. */
  entity(id: number, quoteCursor?: string): EntityPage | null;
  stories(query: StoryQuery): StoryList;
  story(id: number): StoryPage | null;
}
