import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
/** `../shared` beside the checkout, whether run from source or from dist/. */
export const SHARED = process.env.DATELINE_SHARED ?? findShared(here);

function findShared(start: string): string {
  let dir = start;
  for (let i = 0; i < 6; i++) {
    const candidate = resolve(dir, '..', 'shared');
    try {
      readdirSync(join(candidate, 'data'));
      return candidate;
    } catch {
      dir = resolve(dir, '..');
    }
  }
  return resolve(start, '../../../shared');
}

export interface BenchPage {
  id: string;
  url: string;
  html: Uint8Array;
  body: string;
  pageType?: string;
  title?: string | null;
  author?: string | null;
  date?: string | null;
}

/** Which pages to load: `offset`/`limit` slice the id-sorted list; `html: false` skips the pages' HTML. */
export interface LoadOptions {
  offset?: number;
  limit?: number;
  /** Load and gunzip each page's HTML (default true). The scorer only needs the truth. */
  html?: boolean;
}

function slice<T>(items: T[], options: LoadOptions): T[] {
  const offset = options.offset ?? 0;
  return items.slice(offset, options.limit === undefined ? undefined : Math.max(offset, options.limit));
}

const NO_HTML = new Uint8Array(0);

export function loadZyte(options: LoadOptions = {}): BenchPage[] {
  const root = join(SHARED, 'data/article-extraction-benchmark');
  const truth = JSON.parse(readFileSync(join(root, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody: string; url: string }
  >;
  const entries = slice(
    Object.entries(truth).sort(([a], [b]) => a.localeCompare(b)),
    options,
  );
  return entries.map(([id, entry]) => ({
    id,
    url: entry.url,
    html: options.html === false ? NO_HTML : gunzipSync(readFileSync(join(root, 'html', `${id}.html.gz`))),
    body: entry.articleBody ?? '',
  }));
}

/**
 * Published extractor outputs shipped with the Zyte benchmark (`published-output/NAME.json`),
 * as id → articleBody. Some files wrap the map in `{ version, output }`.
 */
export function loadZytePublished(name: string): { version?: string; bodies: Map<string, string> } {
  const path = join(SHARED, 'data/article-extraction-benchmark/published-output', `${name}.json`);
  const raw = JSON.parse(readFileSync(path, 'utf8')) as
    | { version?: string; output: Record<string, { articleBody?: string }> }
    | Record<string, { articleBody?: string }>;
  const wrapped = 'output' in raw && typeof raw.output === 'object' && raw.output !== null;
  const map = (wrapped ? raw.output : raw) as Record<string, { articleBody?: string }>;
  const bodies = new Map(Object.entries(map).map(([id, entry]) => [id, entry.articleBody ?? '']));
  const version = wrapped && typeof raw.version === 'string' ? raw.version : undefined;
  return version === undefined ? { bodies } : { version, bodies };
}

interface WcxbTruthFile {
  url: string;
  _internal?: { page_type?: { primary?: string } | string } | null;
  ground_truth: {
    title?: string | null;
    author?: string | null;
    publish_date?: string | null;
    /** Missing on a couple of dev pages: read as empty, as the benchmark's evaluate.py does. */
    main_content?: string | null;
  };
}

/**
 * The page type the benchmark's own evaluate.py uses (`_internal.page_type.primary`,
 * `category` read as `collection`, `article` when absent); falls back to metadata.json.
 * The two disagree on 5 of the 1,497 dev pages.
 */
function wcxbPageType(gt: WcxbTruthFile, fromMetadata: string | undefined): string | undefined {
  const pt = gt._internal?.page_type;
  const primary = typeof pt === 'string' ? pt : pt?.primary;
  if (primary === undefined) return fromMetadata ?? 'article';
  return primary === 'category' ? 'collection' : primary;
}

export function loadWcxb(options: LoadOptions = {}): BenchPage[] {
  const root = join(SHARED, 'data/wcxb-dev');
  const meta = JSON.parse(readFileSync(join(root, 'metadata.json'), 'utf8')) as {
    files: Record<string, { page_type: string }>;
  };
  const names = slice(
    readdirSync(join(root, 'ground-truth'))
      .filter((name) => name.endsWith('.json'))
      .sort(),
    options,
  );
  return names.map((name) => {
    const id = name.replace(/\.json$/, '');
    const gt = JSON.parse(readFileSync(join(root, 'ground-truth', name), 'utf8')) as WcxbTruthFile;
    const page: BenchPage = {
      id,
      url: gt.url,
      html: options.html === false ? NO_HTML : gunzipSync(readFileSync(join(root, 'html', `${id}.html.gz`))),
      body: gt.ground_truth.main_content ?? '',
      title: gt.ground_truth.title ?? null,
      author: gt.ground_truth.author ?? null,
      date: gt.ground_truth.publish_date ?? null,
    };
    const pageType = wcxbPageType(gt, meta.files[id]?.page_type);
    if (pageType !== undefined) page.pageType = pageType;
    return page;
  });
}
