import { inflateRawSync } from 'node:zlib';
import { articleSite } from '../site.js';
import { CollectionEntities } from './entities.js';
import { lastWord, packEntitySet } from './entity-index.js';
import type { Db } from './open.js';
import { StoredLinks } from './links.js';

/** A migration is SQL, or a step that also needs to read what is stored (to fill a new index). */
export type Migration = string | ((db: Db) => void);

/**
 * The schema, as numbered migrations. The store's version is SQLite's `user_version`;
 * each migration runs in one transaction with its version bump, so a kill in the
 * middle leaves the previous version whole and the next start runs it again.
 * Append only: never edit a migration that has shipped.
 */
export const MIGRATIONS: readonly Migration[] = [
  // 1: sources, items and their states, raw captures, articles and their index rows.
  `
  CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    location TEXT NOT NULL,
    created_at TEXT NOT NULL
  );

  CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id),
    parent_id INTEGER REFERENCES items(id),
    key TEXT NOT NULL,
    kind TEXT NOT NULL,
    url TEXT,
    path TEXT,
    host TEXT,
    offset INTEGER,
    published TEXT,
    payload BLOB,
    state TEXT NOT NULL DEFAULT 'pending'
      CHECK (state IN ('pending', 'stored', 'duplicate', 'skipped', 'failed')),
    code TEXT,
    message TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    due_at INTEGER,
    article_id INTEGER REFERENCES articles(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (source_id, key)
  );
  CREATE INDEX items_pending ON items(source_id, id) WHERE state = 'pending';
  CREATE INDEX items_state ON items(state, code);
  CREATE INDEX items_parent ON items(parent_id);
  CREATE INDEX items_updated ON items(state, updated_at);

  CREATE TABLE captures (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES items(id),
    url TEXT,
    status INTEGER,
    headers TEXT,
    body BLOB NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    captured_at TEXT NOT NULL
  );
  CREATE INDEX captures_item ON captures(item_id);
  CREATE INDEX captures_sha256 ON captures(sha256);

  CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL UNIQUE REFERENCES items(id),
    capture_id INTEGER REFERENCES captures(id),
    url TEXT,
    url_key TEXT,
    canonical_key TEXT,
    raw_hash TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    headline TEXT,
    published TEXT,
    site_name TEXT,
    language TEXT,
    doc BLOB NOT NULL,
    ingested_at TEXT NOT NULL
  );
  CREATE INDEX articles_url_key ON articles(url_key);
  CREATE INDEX articles_canonical_key ON articles(canonical_key);
  CREATE INDEX articles_raw_hash ON articles(raw_hash);
  CREATE INDEX articles_text_hash ON articles(text_hash);
  CREATE INDEX articles_published ON articles(published);

  -- One row per name across the collection (type and lower-cased canonical name);
  -- the Link issue will merge them further.
  CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    type TEXT NOT NULL,
    key TEXT NOT NULL,
    name TEXT NOT NULL,
    UNIQUE (type, key)
  );

  CREATE TABLE article_entities (
    article_id INTEGER NOT NULL REFERENCES articles(id),
    local_id INTEGER NOT NULL,
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    name TEXT NOT NULL,
    roles TEXT NOT NULL,
    acronyms TEXT NOT NULL,
    mention_count INTEGER NOT NULL,
    PRIMARY KEY (article_id, local_id)
  ) WITHOUT ROWID;
  CREATE INDEX article_entities_entity ON article_entities(entity_id, article_id);

  CREATE TABLE mentions (
    article_id INTEGER NOT NULL REFERENCES articles(id),
    local_id INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (article_id, start)
  ) WITHOUT ROWID;

  CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    cue TEXT,
    speaker_mention TEXT,
    speaker_entity_id INTEGER REFERENCES entities(id),
    attribution TEXT
  );
  CREATE INDEX quotes_article ON quotes(article_id);
  CREATE INDEX quotes_speaker ON quotes(speaker_entity_id, article_id);

  -- Conditional-GET state of feeds and sitemaps, for re-polling.
  CREATE TABLE polls (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    polled_at TEXT,
    status INTEGER
  );

  -- The one ingest process allowed to write at a time.
  CREATE TABLE writer_lock (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    pid INTEGER NOT NULL,
    hostname TEXT NOT NULL,
    started_at TEXT NOT NULL
  );
  `,
  // 2: why the last poll of a feed or sitemap failed, so `status` can show it.
  `
  ALTER TABLE polls ADD COLUMN error TEXT;
  `,
  // 3: search. Each article's headline and body in an FTS5 index (rowid = article id); its
  // dateline place, site and number of quotes as filterable columns; each entity's article
  // count kept as articles arrive (entity lists sort without counting) and the last word of
  // its name (a surname alone finds the person). The article JSON moves to a table of its
  // own: a large blob in the middle of a row makes every column after it an overflow-page
  // walk, and search reads those columns for hundreds of rows per query.
  `
  CREATE TABLE article_docs (article_id INTEGER PRIMARY KEY REFERENCES articles(id), doc BLOB NOT NULL);
  INSERT INTO article_docs (article_id, doc) SELECT id, doc FROM articles;
  ALTER TABLE articles DROP COLUMN doc;
  ALTER TABLE articles ADD COLUMN dateline TEXT;
  ALTER TABLE articles ADD COLUMN site TEXT;
  ALTER TABLE articles ADD COLUMN quotes INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE articles ADD COLUMN entity_set BLOB;
  UPDATE articles SET quotes = (SELECT count(*) FROM quotes WHERE quotes.article_id = articles.id);
  CREATE INDEX articles_site ON articles(site, published);
  CREATE INDEX articles_dateline ON articles(dateline COLLATE NOCASE, published);
  CREATE INDEX articles_language ON articles(language, published);
  CREATE INDEX articles_newest ON articles(coalesce(published, '') DESC, id DESC);
  CREATE VIRTUAL TABLE article_search USING fts5(headline, body, tokenize = 'porter unicode61 remove_diacritics 2');
  ALTER TABLE entities ADD COLUMN articles INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE entities ADD COLUMN last_word TEXT;
  UPDATE entities SET articles = (SELECT count(DISTINCT article_id) FROM article_entities WHERE entity_id = entities.id);
  CREATE INDEX entities_type_articles ON entities(type, articles DESC, id);
  CREATE INDEX entities_last_word ON entities(type, last_word);
  CREATE INDEX quotes_speaker_kind ON quotes(speaker_entity_id, kind);
  `,
  fillSearchIndex,
  // 5: ingest health without reading the items: `status` and /api/v1/sources count items per
  // state and kind, and per source and state, from these indexes alone (measured 173 → 8 ms
  // and 125 → 7 ms on 100,000 items; the whole status 148 → 21 ms).
  `
  CREATE INDEX IF NOT EXISTS items_state_kind ON items(state, kind);
  CREATE INDEX IF NOT EXISTS items_source_state ON items(source_id, state);
  `,
  // 6: Link. Each article's story and copy group; stories with the terms that describe them
  // and an index of their strongest terms; term frequencies; copy sketches and LSH keys.
  `
  ALTER TABLE articles ADD COLUMN story_id INTEGER;
  ALTER TABLE articles ADD COLUMN copy_group INTEGER;
  CREATE INDEX articles_story ON articles(story_id, published);
  CREATE INDEX articles_copy_group ON articles(copy_group);
  CREATE TABLE stories (
    id INTEGER PRIMARY KEY,
    size INTEGER NOT NULL,
    first TEXT,
    last TEXT,
    norm REAL NOT NULL,
    terms TEXT NOT NULL,
    indexed TEXT NOT NULL
  );
  -- A story under each of its strongest terms; a term's newest stories are read first.
  CREATE TABLE story_index (term TEXT NOT NULL, story_id INTEGER NOT NULL, PRIMARY KEY (term, story_id)) WITHOUT ROWID;
  CREATE TABLE link_terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
  CREATE TABLE link_totals (articles INTEGER NOT NULL);
  INSERT INTO link_totals (articles) VALUES (0);
  CREATE TABLE copy_sketches (article_id INTEGER PRIMARY KEY, shingles INTEGER NOT NULL, signature BLOB NOT NULL);
  CREATE TABLE copy_bands (key INTEGER NOT NULL, article_id INTEGER NOT NULL, PRIMARY KEY (key, article_id)) WITHOUT ROWID;
  `,
  // 7: the articles stored before Link, linked as if they had just arrived.
  (db) => new StoredLinks(db).catchUp(),
  // 8: collection entities. The names an entity goes by across articles (folded; NULL when
  // two entities claim one), and the entity another was merged into.
  `
  ALTER TABLE entities ADD COLUMN merged_into INTEGER;
  CREATE INDEX entities_merged ON entities(merged_into) WHERE merged_into IS NOT NULL;
  CREATE TABLE entity_aliases (type TEXT NOT NULL, key TEXT NOT NULL, entity_id INTEGER, PRIMARY KEY (type, key)) WITHOUT ROWID;
  CREATE INDEX entity_aliases_entity ON entity_aliases(entity_id);
  `,
  // 9: the entities stored before, given their aliases and merged where the rules join them.
  (db) => new CollectionEntities(db).adoptExisting(),
  // 10: places and organisations stored under a country's short form ("US") merged into the country ("United States").
  (db) => new CollectionEntities(db).foldCountryNames(),
];


/** Articles stored before migration 3: their search rows, dateline and site, from the stored article JSON. */
function fillSearchIndex(db: Db): void {
  const entities = db.prepare('SELECT id, key FROM entities').all() as { id: number; key: string }[];
  const setLastWord = db.prepare('UPDATE entities SET last_word = ? WHERE id = ?');
  for (const entity of entities) setLastWord.run(lastWord(entity.key), entity.id);
  const ids = db.prepare('SELECT id FROM articles WHERE id NOT IN (SELECT rowid FROM article_search)').pluck().all() as number[];
  const read = db.prepare('SELECT a.url AS url, d.doc AS doc FROM articles a JOIN article_docs d ON d.article_id = a.id WHERE a.id = ?');
  const entitiesOf = db.prepare('SELECT e.id AS id, e.type AS type FROM article_entities ae JOIN entities e ON e.id = ae.entity_id WHERE ae.article_id = ?');
  const insert = db.prepare('INSERT INTO article_search (rowid, headline, body) VALUES (?, ?, ?)');
  const update = db.prepare('UPDATE articles SET dateline = ?, site = ?, entity_set = ? WHERE id = ?');
  for (const id of ids) {
    // One article at a time: a large store's JSON never sits in memory all at once.
    const row = read.get(id) as { url: string | null; doc: Uint8Array };
    const json = JSON.parse(inflateRawSync(row.doc).toString('utf8')) as { headline?: string | null; body?: string; siteName?: string | null; dateline?: { place?: string } | null };
    insert.run(id, json.headline ?? '', json.body ?? '');
    update.run(json.dateline?.place ?? null, articleSite(row.url, json.siteName ?? null), packEntitySet(entitiesOf.all(id) as { id: number; type: string }[]), id);
  }
}
