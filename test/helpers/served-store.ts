/**
 * A real collection behind a real server, for the API tests: the seed page and a share of
 * the Wikinews demo corpus (every article naming Putin among them) ingested through the
 * library into a fresh store, then served on loopback. Tests must run compiled (dist/):
 * the server's query pool loads its worker threads from compiled files.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../src/collect/ingest.js';
import { startServer, type RunningServer, type ServeOptions } from '../../src/serve/server.js';
import { openStore } from '../../src/store/sqlite/index.js';
import { articlePage, wikinews } from './pages.js';
import { REPO_ROOT } from './repo.js';

/** The API token the test servers are started with. */
export const TOKEN = 'test-token-0123456789';

/** A page whose headline a spreadsheet would run as a formula; it has a comma and quotes too, so the CSV cell must be quoted. */
export const FORMULA_HEADLINE = '=SUM(A1:A9), the "budget row" that sank Quillford council';
/** A word only the formula page has. */
export const FORMULA_WORD = 'Quillford';

const FORMULA_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Quillford budget</title>
<link rel="canonical" href="https://quillford.example/news/2020/03/budget-row">
<meta property="article:published_time" content="2020-03-02T10:00:00Z">
</head><body><article><h1>${FORMULA_HEADLINE.replace(/"/g, '&quot;')}</h1>
<p>QUILLFORD: The council of the small market town of Quillford voted on Monday to reopen its budget after a spreadsheet error left the library without funds for the rest of the year.</p>
<p>"We trusted a formula that nobody had checked for six years," the council treasurer, Margaret Ellery, told reporters outside the town hall after the meeting ended late in the evening.</p>
<p>Residents had complained for weeks that opening hours were being cut while the council reported a surplus. An independent audit found that one row of the budget had been counted twice since 2014.</p>
<p>The council said it would publish the corrected figures next month and invited residents to a public meeting to discuss how the missing money should be spent.</p>
</article></body></html>
`;

export interface Collection {
  /** The temporary folder holding the store and its pages; removed by `remove`. */
  readonly dir: string;
  readonly db: string;
  /** Articles stored. */
  readonly articles: number;
  remove(): void;
}

/**
 * Builds the test collection: the seed page, the formula page, and Wikinews articles (the
 * first 30, every eighth after, and every one naming Putin), each as an HTML page at its
 * Wikinews address. About 70 articles: a few seconds of ingest.
 */
export async function buildCollection(): Promise<Collection> {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-api-'));
  const pages = join(dir, 'pages');
  mkdirSync(pages);
  wikinews().forEach((article, i) => {
    if (i < 30 || i % 8 === 0 || article.text.includes('Putin')) writeFileSync(join(pages, `wn-${String(i).padStart(3, '0')}.html`), articlePage(article, 0, article.url));
  });
  writeFileSync(join(pages, 'formula.html'), FORMULA_PAGE);
  const seed = join(dir, 'sco-summit-page.txt');
  copyFileSync(join(REPO_ROOT, 'examples', 'sco-summit-page.txt'), seed);
  const db = join(dir, 'api.db');
  const store = openStore(db);
  try {
    const summary = await ingest([pages, seed], { store, readers: 2 });
    if (summary.states.failed > 0 || summary.states.pending > 0) throw new Error(`test collection: ${JSON.stringify(summary.states)}`);
    return { dir, db, articles: store.status().articles, remove: () => rmSync(dir, { recursive: true, force: true }) };
  } finally {
    store.close();
  }
}

/** A server on loopback over the collection, with the test token (options override the defaults). */
export function serve(collection: Collection, options: Partial<ServeOptions> = {}): Promise<RunningServer> {
  return startServer({ db: collection.db, host: '127.0.0.1', port: 0, token: TOKEN, threads: 2, ...options });
}

export interface Answer<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  readonly json: T;
}

/** One request; the body is read whole and parsed when it is JSON. */
export async function call<T = unknown>(url: string, init: RequestInit = {}): Promise<Answer<T>> {
  const response = await fetch(url, init);
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json: json as T };
}

/** A query string from parameters (undefined ones left out). */
export function qs(params: Readonly<Record<string, string | number | boolean | undefined>>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined) search.set(name, String(value));
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

/** What POST /api/v1/ingest answers for an input it took. */
export interface Ingested {
  readonly item: number;
  readonly state: string;
  readonly code: string | null;
  readonly article: number | null;
}

/** POST /api/v1/ingest with JSON (and the token unless told otherwise). */
export function postIngest(server: RunningServer, body: unknown, token: string | null = TOKEN): Promise<Answer<Ingested>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== null) headers['authorization'] = `Bearer ${token}`;
  return call(`${server.url}/api/v1/ingest`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

/** The error shape every API error has; asserts it carries no stack. */
export function errorOf(answer: Answer): { code: string; message: string } {
  const error = (answer.json as { error?: { code: string; message: string } } | undefined)?.error;
  if (error === undefined || typeof error.code !== 'string' || typeof error.message !== 'string') throw new Error(`not an API error (${answer.status}): ${answer.text.slice(0, 200)}`);
  if (/\n\s+at |node:internal|\.js:\d+/u.test(answer.text)) throw new Error(`a stack trace leaked: ${answer.text.slice(0, 300)}`);
  return error;
}
