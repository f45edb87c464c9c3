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

export function loadZyte(): BenchPage[] {
  const root = join(SHARED, 'data/article-extraction-benchmark');
  const truth = JSON.parse(readFileSync(join(root, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody: string; url: string }
  >;
  return Object.entries(truth)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, entry]) => ({
      id,
      url: entry.url,
      html: gunzipSync(readFileSync(join(root, 'html', `${id}.html.gz`))),
      body: entry.articleBody,
    }));
}

export function loadWcxb(): BenchPage[] {
  const root = join(SHARED, 'data/wcxb-dev');
  const meta = JSON.parse(readFileSync(join(root, 'metadata.json'), 'utf8')) as {
    files: Record<string, { page_type: string }>;
  };
  return readdirSync(join(root, 'ground-truth'))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const id = name.replace(/\.json$/, '');
      const gt = JSON.parse(readFileSync(join(root, 'ground-truth', name), 'utf8')) as {
        url: string;
        ground_truth: { title: string | null; author: string | null; publish_date: string | null; main_content: string };
      };
      const page: BenchPage = {
        id,
        url: gt.url,
        html: gunzipSync(readFileSync(join(root, 'html', `${id}.html.gz`))),
        body: gt.ground_truth.main_content,
        title: gt.ground_truth.title,
        author: gt.ground_truth.author,
        date: gt.ground_truth.publish_date,
      };
      const pageType = meta.files[id]?.page_type;
      if (pageType !== undefined) page.pageType = pageType;
      return page;
    });
}
