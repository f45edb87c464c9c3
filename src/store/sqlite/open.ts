import Database from 'better-sqlite3';
import { hostname } from 'node:os';
import { DatelineError } from '../../doc/errors.js';
import { MIGRATIONS } from './migrations.js';

export type Db = Database.Database;

export interface OpenOptions {
  /** Open for reading only: no migration, no writer lock (status, export). */
  readonly readonly?: boolean;
}

/** SQLite's own ceiling on a map (2 GiB less 64 KiB): larger stores map their first 2 GiB. */
const MMAP_BYTES = 0x7fff0000;
/**
 * Pages past the map are copied in by a read call each; a reader keeps up to this many KiB
 * of them (memory is taken only as such pages are read, so a store under 2 GiB takes none).
 * Measured 12–15 % off a search on a store of 3 GB against SQLite's default of 16 MiB.
 */
const READER_CACHE_KIB = 1024 * 1024;

/** The writer's page cache: 64 MiB, taken only as pages are read. */
const WRITER_CACHE_KIB = 64 * 1024;
/**
 * Pages the write-ahead log holds before they are copied into the database (SQLite's
 * default is 1,000). Each stored article writes pages all over the link tables' indexes
 * (an LSH key lands anywhere), and the same pages again a few articles later: copied back
 * every 1,000 pages, each was copied many times. At 20,000 (about 80 MB of log at most),
 * ingest with linking took 0.90× the time (4 alternating pairs of 1,307 pages), without
 * linking 0.99×.
 */
const WAL_CHECKPOINT_PAGES = 20_000;

/**
 * Opens (creating when needed) a store file. WAL lets readers (status, export, a server)
 * read while one ingest writes. `synchronous=NORMAL`: in WAL mode every commit survives a
 * crash or kill of the process, and the database is never corrupted; a power cut or OS
 * crash can roll back the last few commits. Those items are simply done again: their
 * sources are re-read and every write is keyed, so nothing is stored twice. FULL would
 * add an fsync per item for a guarantee the crawl does not need (see README, "The store").
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  let db: Db;
  try {
    db = new Database(path, { readonly: options.readonly === true, fileMustExist: options.readonly === true, timeout: 5000 });
  } catch (error) {
    throw storeError(error, path);
  }
  try {
    // Readers and the writer read the file through a memory map: pages come straight from
    // the OS cache instead of being copied in by a read call each. Measured 20–25 % off a
    // search on a store of 100,000 articles; for the writer, which reads the link tables'
    // indexes past its cache, 0.86× linking's time at that size (3 alternating pairs of
    // 4,000 articles). Writes still go through the log.
    db.pragma(`mmap_size = ${MMAP_BYTES}`);
    if (options.readonly !== true) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      // The writer links each article through the link tables' indexes: with SQLite's default
      // 2 MB cache their pages are read again from the OS for nearly every article once a store
      // holds tens of thousands.
      db.pragma(`cache_size = -${WRITER_CACHE_KIB}`);
      db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
      migrate(db);
    } else {
      checkVersion(db, path);
      db.pragma(`cache_size = -${READER_CACHE_KIB}`);
    }
    return db;
  } catch (error) {
    try {
      db.close();
    } catch {
      // Closing must not hide why opening failed.
    }
    throw storeError(error, path);
  }
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) throw tooNew(current);
  for (let version = current; version < MIGRATIONS.length; version++) {
    const migration = MIGRATIONS[version]!;
    db.transaction(() => {
      // Re-read inside the write lock: another process may have migrated meanwhile.
      const now = db.pragma('user_version', { simple: true }) as number;
      if (now > version) return;
      if (typeof migration === 'string') db.exec(migration);
      else migration(db);
      db.pragma(`user_version = ${version + 1}`);
    }).immediate();
  }
}

function checkVersion(db: Db, path: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) throw tooNew(version);
  if (version === 0) throw new DatelineError('STORE_CORRUPT', `${path} holds no Dateline store yet; run \`dateline ingest\` first.`);
  // A reader cannot migrate, and reads what the latest schema holds (collection entities, links).
  if (version < MIGRATIONS.length) {
    throw new DatelineError(
      'STORE_OUTDATED',
      `${path} is at schema version ${version}, older than this Dateline's (${MIGRATIONS.length}); open it for writing once to bring it up to date (\`dateline serve --db ${path}\` or \`dateline ingest --db ${path}\` does so).`,
    );
  }
}

function tooNew(version: number): DatelineError {
  return new DatelineError('STORE_TOO_NEW', `The store is at schema version ${version}, newer than this Dateline knows (${MIGRATIONS.length}); upgrade Dateline.`);
}

/**
 * Takes the store's writer lock for this process. A lock left by a process that is gone
 * (killed, crashed) is taken over; one held by a live process is refused.
 */
export function takeWriterLock(db: Db): void {
  const me = { pid: process.pid, hostname: hostname() };
  db.transaction(() => {
    const held = db.prepare('SELECT pid, hostname, started_at AS startedAt FROM writer_lock WHERE id = 1').get() as
      | { pid: number; hostname: string; startedAt: string }
      | undefined;
    if (held !== undefined && held.pid !== me.pid && held.hostname === me.hostname && isAlive(held.pid)) {
      throw new DatelineError('STORE_BUSY', `Another ingest (process ${held.pid}, since ${held.startedAt}) is writing to this store; wait for it or stop it.`);
    }
    db.prepare('INSERT OR REPLACE INTO writer_lock (id, pid, hostname, started_at) VALUES (1, ?, ?, ?)').run(me.pid, me.hostname, new Date().toISOString());
  }).immediate();
}

export function releaseWriterLock(db: Db): void {
  db.prepare('DELETE FROM writer_lock WHERE id = 1 AND pid = ?').run(process.pid);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A SQLite or file-system failure as a DatelineError a user can act on. */
export function storeError(error: unknown, path?: string): DatelineError {
  if (error instanceof DatelineError) return error;
  const code = (error as { code?: string }).code ?? '';
  const message = error instanceof Error ? error.message : String(error);
  const where = path === undefined ? 'the store' : path;
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new DatelineError('STORE_CORRUPT', `${where} is not a Dateline store or is damaged (${message}); restore it from a backup or use another --db.`, { cause: error });
  }
  if (code === 'SQLITE_BUSY') return new DatelineError('STORE_BUSY', `${where} is locked by another process (${message}).`, { cause: error });
  if (code === 'SQLITE_CANTOPEN') return new DatelineError('STORE_FAILED', `${where} cannot be opened (${message}); check the path and its folder's permissions.`, { cause: error });
  return new DatelineError('STORE_FAILED', `${where}: ${message}`, { cause: error });
}
