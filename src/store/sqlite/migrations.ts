/**
 * The schema, as numbered migrations. The store's version is SQLite's `user_version`;
 * each migration runs in one transaction with its version bump, so a kill in the
 * middle leaves the previous version whole and the next start runs it again.
 * Append only: never edit a migration that has shipped.
 */
export const MIGRATIONS: readonly string[] = [
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
];
