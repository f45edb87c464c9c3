import { inflateRawSync } from 'node:zlib';
import type { ExportedArticle, ItemState, SourceStatus, StateCounts, StatusReport } from '../store.js';
import type { Db } from './open.js';
import { FIRST_COPY } from './stories.js';

/** Reading the store back: the accounting, and the stored articles for export. */

function emptyCounts(): StateCounts {
  return { pending: 0, stored: 0, duplicate: 0, skipped: 0, failed: 0 };
}

export function statusReport(db: Db, lastErrors = 10): StatusReport {
  const states = emptyCounts();
  const kinds: Record<string, Partial<StateCounts>> = {};
  for (const row of db.prepare('SELECT state, kind, count(*) AS n FROM items GROUP BY state, kind').all() as { state: ItemState; kind: string; n: number }[]) {
    states[row.state] += row.n;
    const perKind = (kinds[row.kind] ??= {});
    perKind[row.state] = (perKind[row.state] ?? 0) + row.n;
  }
  const codes: Record<string, number> = {};
  for (const row of db.prepare('SELECT code, count(*) AS n FROM items WHERE code IS NOT NULL GROUP BY code ORDER BY n DESC, code').all() as { code: string; n: number }[]) {
    codes[row.code] = row.n;
  }
  const sources = db
    .prepare(
      `SELECT s.id, s.kind, s.location,
         (SELECT max(updated_at) FROM items WHERE source_id = s.id AND state IN ('stored', 'duplicate')) AS lastSuccessAt
       FROM sources s ORDER BY s.id`,
    )
    .all() as { id: number; kind: SourceStatus['kind']; location: string; lastSuccessAt: string | null }[];
  const perSource = db.prepare('SELECT source_id AS id, state, count(*) AS n FROM items GROUP BY source_id, state').all() as { id: number; state: ItemState; n: number }[];
  const lastErrorOf = db.prepare(
    `SELECT code, message, updated_at AS at, url FROM items WHERE source_id = ? AND state = 'failed' ORDER BY updated_at DESC, id DESC LIMIT 1`,
  );
  const countsById = new Map<number, StateCounts>();
  for (const row of perSource) {
    const counts = countsById.get(row.id) ?? emptyCounts();
    counts[row.state] += row.n;
    countsById.set(row.id, counts);
  }
  const articles = db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
  return {
    states,
    kinds,
    codes,
    articles,
    sources: sources.map((source) => ({
      ...source,
      states: countsById.get(source.id) ?? emptyCounts(),
      lastError: (lastErrorOf.get(source.id) as SourceStatus['lastError'] | undefined) ?? null,
    })),
    failedPolls: db
      .prepare(`SELECT url, polled_at AS polledAt, error FROM polls WHERE error IS NOT NULL ORDER BY polled_at DESC LIMIT ?`)
      .all(lastErrors) as StatusReport['failedPolls'],
    lastErrors: db
      .prepare(
        `SELECT id, url, path, code, coalesce(message, '') AS message, attempts, updated_at AS at FROM items
         WHERE state = 'failed' ORDER BY updated_at DESC, id DESC LIMIT ?`,
      )
      .all(lastErrors) as StatusReport['lastErrors'],
  };
}

/** Stored articles in the order they were stored, one at a time (the store may be large). */
export function* exportedArticles(db: Db): Iterable<ExportedArticle> {
  const rows = db.prepare(`SELECT a.id AS id, a.url AS url, a.ingested_at AS ingestedAt, a.story_id AS story, ${FIRST_COPY} AS first, d.doc AS doc FROM articles a JOIN article_docs d ON d.article_id = a.id ORDER BY a.id`).iterate() as Iterable<{
    id: number;
    url: string | null;
    ingestedAt: string;
    story: number | null;
    first: number | null;
    doc: Buffer;
  }>;
  for (const row of rows) {
    yield {
      id: row.id,
      url: row.url,
      ingestedAt: row.ingestedAt,
      story: row.story,
      duplicateOf: row.first === null || row.first === row.id ? null : row.first,
      json: inflateRawSync(row.doc).toString('utf8'),
    };
  }
}

