import { spawn } from 'node:child_process';
import { createReadStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeHtml } from '../../src/output/html.js';
import type { HamborgArticle } from './hamborg.js';
import { REPO_ROOT } from '../../test/helpers/repo.js';

const CLI = join(REPO_ROOT, 'dist', 'src', 'cli', 'main.js');
export const LINK_CACHE = join(REPO_ROOT, '.bench-cache', 'link');

/** A page for each article, as `dateline ingest -` takes them: {"url","html"} a line. */
export function pagesFile(articles: readonly HamborgArticle[], texts: readonly string[]): string {
  mkdirSync(LINK_CACHE, { recursive: true });
  const path = join(LINK_CACHE, 'pages.jsonl');
  const page = (url: string, title: string, published: string | null, body: string) => {
    const paragraphs = body
      .split('\n')
      .filter((p) => p.trim() !== '')
      .map((p) => `<p>${escapeHtml(p)}</p>`)
      .join('');
    const date = published === null ? '' : `<meta property="article:published_time" content="${escapeHtml(published)}">`;
    return JSON.stringify({ url, html: `<html><head><title>${escapeHtml(title)}</title>${date}</head><body><article><h1>${escapeHtml(title)}</h1>${paragraphs}</article></body></html>` });
  };
  const lines = [
    ...articles.map((a) => page(a.url, a.title, a.published, a.text)),
    ...texts.map((text, i) => page(`https://polnear.test/${i}`, text.split('\n')[0]!.slice(0, 120), null, text)),
  ];
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** Seconds for `dateline ingest --db <new store> [--no-link] -` to take in the pages file. */
export function timedIngest(pages: string, link: boolean): Promise<{ seconds: number; status: number | null }> {
  const db = join(LINK_CACHE, `ingest-${link ? 'on' : 'off'}.db`);
  for (const file of [db, `${db}-wal`, `${db}-shm`]) rmSync(file, { force: true });
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, 'ingest', '--db', db, ...(link ? [] : ['--no-link']), '-'], { stdio: ['pipe', 'ignore', 'ignore'] });
    createReadStream(pages).pipe(child.stdin);
    child.on('error', reject);
    child.on('close', (status) => resolve({ seconds: (performance.now() - started) / 1000, status }));
  });
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
