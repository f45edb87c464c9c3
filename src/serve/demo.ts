import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ingest, type IngestSummary } from '../collect/ingest.js';
import { packageRoot } from '../io/package-info.js';
import { escapeHtml } from '../output/html.js';
import type { Store } from '../store/store.js';

interface WikinewsRecord {
  readonly id: string;
  readonly url: string;
  readonly title: string;
  readonly date_published: string;
  readonly text: string;
}

/**
 * The demo collection: the 293 English Wikinews articles shipped in `demo/wikinews`
 * (CC BY 2.5) and the canonical example page. Each Wikinews record is written out as the
 * small HTML page it stands for (headline, date, address, paragraphs), beside the store,
 * and the folder is ingested like any other: the demo shows the real path, not a shortcut.
 */
export async function ingestDemo(store: Store, dbPath: string): Promise<IngestSummary> {
  const root = packageRoot();
  const pages = join(dirname(resolve(dbPath)), 'demo-pages');
  writeDemoPages(join(root, 'demo', 'wikinews', 'wikinews-en-2019-2020.jsonl'), pages);
  return ingest([pages, join(root, 'examples', 'sco-summit-page.txt')], { store });
}

function writeDemoPages(jsonl: string, folder: string): void {
  mkdirSync(folder, { recursive: true });
  for (const line of readFileSync(jsonl, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const record = JSON.parse(line) as WikinewsRecord;
    writeFileSync(join(folder, `${record.id.replace(/[^\w-]/gu, '_')}.html`), pageOf(record));
  }
}

function pageOf(record: WikinewsRecord): string {
  const paragraphs = record.text
    .split(/\n+/u)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(record.title)}</title>
<link rel="canonical" href="${escapeHtml(record.url)}">
<meta property="og:site_name" content="Wikinews">
<meta property="article:published_time" content="${escapeHtml(record.date_published)}">
</head><body><article><h1>${escapeHtml(record.title)}</h1>
${paragraphs}
</article></body></html>
`;
}
