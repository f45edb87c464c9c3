import type { SearchHit, SearchPage, SearchQuery } from '../store/queries.js';
import type { QueryPool } from './query-pool.js';

const COLUMNS = ['id', 'headline', 'url', 'published', 'site', 'dateline', 'language', 'quotes', 'copies', 'snippet'] as const;

/**
 * Search results as CSV or JSON Lines, page by page through the cursor, so a download of
 * thousands of results never holds them all at once (and each page keeps its deadline).
 */
export async function exportLines(pool: QueryPool, query: SearchQuery, format: 'csv' | 'jsonl', max: number): Promise<AsyncGenerator<string>> {
  const pageOf = (sent: number, cursor?: string) => pool.run('search', { ...query, limit: Math.min(100, max - sent), ...(cursor !== undefined ? { cursor } : {}) });
  // The first page is asked for before anything is sent: a bad query is still a clean 400, not a cut-off download.
  const first = await pageOf(0);
  return (async function* lines() {
    if (format === 'csv') yield `${COLUMNS.join(',')}\r\n`;
    let page: SearchPage = first;
    let sent = 0;
    for (;;) {
      for (const hit of page.results) yield format === 'csv' ? csvRow(hit) : `${JSON.stringify(hit)}\n`;
      sent += page.results.length;
      if (page.next === null || page.results.length === 0 || sent >= max) return;
      page = await pageOf(sent, page.next);
    }
  })();
}

function csvRow(hit: SearchHit): string {
  return `${COLUMNS.map((column) => csvCell(hit[column])).join(',')}\r\n`;
}

/** RFC 4180 quoting; a cell that a spreadsheet would run as a formula is prefixed with a quote mark. */
function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/u.test(text)) text = `'${text}`;
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}
