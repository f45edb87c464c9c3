/**
 * The store: where ingest keeps every input it accepted, the raw responses, and the
 * articles with their entities, mentions and quotes. This interface is all the rest of
 * Dateline sees; SQLite (`./sqlite/`) is the embedded default, and a server engine can
 * implement the same methods later. Nothing outside `src/store` writes SQL.
 */
import type { LinkFeatures } from '../link/features.js';

/** Where an accepted input stands. Every item ends in exactly one of the last four. */
export type ItemState = 'pending' | 'stored' | 'duplicate' | 'skipped' | 'failed';

/**
 * What an item is. `url` and `file` are named by the user and become `page`, `feed`,
 * `sitemap`, `site` or `warc` once their content is known; `entry` is a link a feed,
 * sitemap or site led to; `record` a WARC response record; `line` a line of JSON Lines.
 */
export type ItemKind = 'url' | 'file' | 'entry' | 'record' | 'line' | 'page' | 'feed' | 'sitemap' | 'site' | 'warc';

/** What the user named: a URL, a file, a folder, a web archive, or standard input. */
export type SourceKind = 'url' | 'file' | 'folder' | 'warc' | 'stdin';

export interface SourceRow {
  readonly id: number;
  /** Identity across runs: the canonical URL or the real path. */
  readonly key: string;
  readonly kind: SourceKind;
  /** As the user gave it. */
  readonly location: string;
}

export interface ItemRow {
  readonly id: number;
  readonly sourceId: number;
  readonly parentId: number | null;
  /** Identity within its source: a canonical URL, a path, a record offset, a content hash. */
  readonly key: string;
  readonly kind: ItemKind;
  readonly url: string | null;
  readonly path: string | null;
  /** The host whose politeness rules apply, for items fetched over the network. */
  readonly host: string | null;
  /** Where to find the item again: a WARC record's offset; for a web archive itself, how far it has been read. */
  readonly offset: number | null;
  /** Publication date a feed or sitemap gave, ISO 8601. */
  readonly published: string | null;
  readonly state: ItemState;
  readonly code: string | null;
  readonly message: string | null;
  readonly attempts: number;
  /** For a pending item put off (a retry, an unreachable robots.txt): not before this time (ms since epoch). */
  readonly dueAt: number | null;
  /** Stored: its article; duplicate: the article it repeats. */
  readonly articleId: number | null;
}

/** An input to accept: a durable row is written for it before any work on it. */
export interface NewItem {
  readonly key: string;
  readonly kind: ItemKind;
  readonly url?: string;
  readonly path?: string;
  readonly host?: string;
  readonly offset?: number;
  readonly published?: string;
  /** Bytes that cannot be read again later (a line of standard input). */
  readonly payload?: Uint8Array;
}

/** A response or file as it came, kept compressed with its headers. */
export interface Capture {
  readonly url: string | null;
  readonly status: number | null;
  readonly headers: readonly (readonly [string, string])[] | null;
  /** The body, deflate-compressed. */
  readonly body: Uint8Array;
  /** Uncompressed size in bytes. */
  readonly size: number;
  /** SHA-256 of the uncompressed body, hex. */
  readonly sha256: string;
}

export interface EntityRow {
  /** The entity's id within its article. */
  readonly localId: number;
  readonly type: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly acronyms: readonly string[];
  readonly mentions: readonly { readonly start: number; readonly end: number }[];
}

export interface QuoteRow {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly kind: string;
  readonly cue: string | null;
  readonly speakerMention: string | null;
  /** The speaker's entity id within the article, when resolved. */
  readonly speakerLocalId: number | null;
  readonly attribution: string | null;
}

/** An article ready to store: the JSON `dateline read` prints, and the rows that index it. */
export interface ArticleRecord {
  readonly url: string | null;
  /** Canonical form of the address it was read from; a duplicate key. */
  readonly urlKey: string | null;
  /** Canonical form of the page's own canonical URL, when it is trusted; a duplicate key. */
  readonly canonicalKey: string | null;
  /** SHA-256 of the normalised article text: the same text elsewhere is found by it (Link groups such copies). */
  readonly textHash: string;
  readonly headline: string | null;
  readonly published: string | null;
  readonly siteName: string | null;
  /** What search filters and facets call its site: see `articleSite`. */
  readonly site: string | null;
  readonly language: string | null;
  /** The place its dateline names ("Samarkand"), when it has one. */
  readonly dateline: string | null;
  /** The body text, for the search index. */
  readonly body: string;
  /** The JSON object `dateline read` prints, serialised, deflate-compressed. */
  readonly doc: Uint8Array;
  readonly entities: readonly EntityRow[];
  readonly quotes: readonly QuoteRow[];
  /** What linking reads of it that depends on it alone, when the reader worked it out (the store links it either way). */
  readonly link?: LinkFeatures;
}

/** How an item ends, or is put off. The store applies it in one transaction. */
export type Outcome =
  | { readonly state: 'stored'; readonly kind: ItemKind; readonly capture: Capture; readonly article: ArticleRecord }
  /** A feed, sitemap, site or archive: its capture kept, what it leads to accepted in the same transaction. */
  | { readonly state: 'stored'; readonly kind: ItemKind; readonly capture: Capture | null; readonly children: readonly NewItem[] }
  | { readonly state: 'duplicate'; readonly kind?: ItemKind; readonly articleId: number; readonly code: DuplicateCode }
  | { readonly state: 'skipped' | 'failed'; readonly kind?: ItemKind; readonly code: string; readonly message: string; readonly capture?: Capture | null }
  | { readonly state: 'pending'; readonly dueAt: number; readonly code: string; readonly message: string };

/** Why an item is a duplicate: the same address, the same canonical URL, or the same bytes. */
export type DuplicateCode = 'DUPLICATE_URL' | 'DUPLICATE_CANONICAL' | 'DUPLICATE_BYTES';

/** What `finish` did: a stored article may turn out, inside the transaction, to repeat one stored meanwhile. */
export interface Finished {
  readonly state: ItemState;
  readonly articleId: number | null;
  readonly children: readonly ItemRow[];
}

export interface StateCounts {
  pending: number;
  stored: number;
  duplicate: number;
  skipped: number;
  failed: number;
}

export interface SourceStatus {
  readonly id: number;
  readonly kind: SourceKind;
  readonly location: string;
  readonly states: StateCounts;
  readonly lastSuccessAt: string | null;
  readonly lastError: { readonly code: string; readonly message: string; readonly at: string; readonly url: string | null } | null;
}

export interface StatusReport {
  readonly states: StateCounts;
  /** Items per kind and state: how many pages, feeds, records… */
  readonly kinds: Record<string, Partial<StateCounts>>;
  /** Items per reason code (skipped, failed, duplicate, and pending ones put off). */
  readonly codes: Record<string, number>;
  readonly articles: number;
  readonly sources: readonly SourceStatus[];
  /** Feeds and sitemaps whose last poll failed, with why. */
  readonly failedPolls: readonly { readonly url: string; readonly polledAt: string | null; readonly error: string }[];
  readonly lastErrors: readonly { readonly id: number; readonly url: string | null; readonly path: string | null; readonly code: string; readonly message: string; readonly attempts: number; readonly at: string }[];
}

/** One stored article for export: the JSON `dateline read` prints, plus where and when. */
export interface ExportedArticle {
  readonly id: number;
  readonly url: string | null;
  readonly ingestedAt: string;
  /** The id of its story; null for an article stored unlinked. */
  readonly story: number | null;
  /** The id of the earliest published copy of its text, when it is a later copy; else null. */
  readonly duplicateOf: number | null;
  /** The article JSON, serialised. */
  readonly json: string;
}

/** A feed or sitemap's conditional-GET state, kept so a re-poll asks only for what changed. */
export interface PollState {
  readonly url: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly polledAt: string | null;
}

export interface Store {
  /** Whether it links the articles it stores (see `ArticleRecord.link`). */
  readonly linking: boolean;
  /** The source for a key, created on first sight. */
  source(key: string, kind: SourceKind, location: string): SourceRow;
  /**
   * Accepts inputs under a source: a durable row each, in one transaction, before any
   * work on them. An input whose key the source already has is not accepted twice.
   * Returns the rows created. `cursor` (how far a web archive has been read) is saved on
   * the parent item, as its `offset`, in the same transaction.
   */
  accept(sourceId: number, parentId: number | null, items: readonly NewItem[], cursor?: number): ItemRow[];
  /** The items of these sources still pending, oldest first. */
  pending(sourceIds: readonly number[]): ItemRow[];
  /** Every pending item of any source. */
  allPending(): ItemRow[];
  item(id: number): ItemRow | null;
  /** The item a source holds under a key (as `accept` keyed it), if any. */
  findItem(sourceKey: string, itemKey: string): ItemRow | null;
  /** A line of standard input kept with its item. */
  payload(itemId: number): Uint8Array | null;
  /** The source's stored feeds and sitemaps, to be polled again for new entries. */
  roots(sourceId: number): ItemRow[];
  /** The stored article an address or canonical URL already names, or the same bytes, if any. */
  findDuplicate(keys: { readonly urlKey?: string | null; readonly rawHash?: string | null }): { articleId: number; code: DuplicateCode } | null;
  /** The one place an item's state changes; each call counts one attempt. */
  finish(itemId: number, outcome: Outcome): Finished;
  /** The conditional-GET state of a feed or sitemap last time it was fetched. */
  poll(url: string): PollState | null;
  /** Records a poll: its conditional-GET state, its HTTP status, and the error when it failed (status 0). */
  savePoll(state: PollState & { readonly status: number; readonly error?: string }): void;
  status(): StatusReport;
  /** Items per state over some sources: how a run's sources stand as a whole. */
  counts(sourceIds: readonly number[]): StateCounts;
  exportArticles(): Iterable<ExportedArticle>;
  close(): void;
}
