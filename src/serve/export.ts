import type { SearchHit, SearchQuery } from '../store/queries.js';
import type { QueryPool } from './query-pool.js';

const COLUMNS = ['id', 'headline', 'url', 'published', 'site', 'dateline', 'language', 'quotes', 'snippet'] as const;

/**
 * Search results as CSV or JSON Lines, page by page through the cursor, so a download of
 * thousands of results never holds them all at once (and each page keeps its deadline).
 */
export async function* exportLines(pool: QueryPool, query: SearchQuery, format: 'csv' | 'jsonl', max: number): AsyncGenerator<string> {
  if (format === 'csv') yield `${COLUMNS.join(',')}\r\n`;
  let cursor: string | undefined;
  let sent = 0;
  while (sent < max) {
    const page = await pool.run('search', { ...query, limit: Math.min(100, max - sent), ...(cursor !== undefined ? { cursor } : {}) });
    for (const hit of page.results) yield format === 'csv' ? csvRow(hit) : `${JSON.stringify(hit)}\n`;
    sent += page.results.length;
    if (page.next === null || page.results.length === 0) return;
    cursor = page.next;
  }
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
