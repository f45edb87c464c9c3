import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED } from './datasets.js';

/** One article of the Hamborg news-cluster set, with the event it was labelled with. */
export interface HamborgArticle {
  readonly id: string;
  readonly event: number;
  readonly title: string;
  readonly text: string;
  readonly url: string;
  readonly site: string;
  readonly published: string | null;
}

export const HAMBORG_FILE = join(SHARED, 'data', 'news-clustering', 'hamborg-news-cluster', 'articles.jsonl');

/** The set in publication order (ties by id), or undefined when ../shared is not there. */
export function loadHamborg(): HamborgArticle[] | undefined {
  if (!existsSync(HAMBORG_FILE)) return undefined;
  const articles = readFileSync(HAMBORG_FILE, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const raw = JSON.parse(line) as { id: string; event_id: number; title: string; text: string; url: string; source_domain: string; date_publish: string | null };
      return { id: raw.id, event: raw.event_id, title: raw.title, text: raw.text, url: raw.url, site: raw.source_domain, published: raw.date_publish };
    });
  return articles.sort((a, b) => (a.published ?? '').localeCompare(b.published ?? '') || a.id.localeCompare(b.id));
}
