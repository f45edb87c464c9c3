import { createHash } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { StoredLinks } from '../../src/store/sqlite/links.js';
import { openStore } from '../../src/store/sqlite/index.js';
import type { ArticleRecord, NewItem } from '../../src/store/store.js';
import { seededRandom } from '../../scripts/lib/seeded-random.js';
import { LINK_CACHE } from './link-costs.js';

/** Mean time to link one article (ms) over a window of arrivals. */
export interface ScaleWindow {
  readonly from: number;
  readonly to: number;
  readonly ms: number;
}

/**
 * Stores `target` articles through the Store interface with linking on, each a real text
 * (cycled) with a paragraph of another appended and its own date, and times the linking of
 * each (StoredLinks.link, inside the store's transaction). Returns the mean over the
 * windows asked for. The reuse makes copy groups of about target/texts articles: the
 * candidate reads must stay bounded even so.
 */
export function linkingScale(texts: readonly { readonly headline: string; readonly body: string }[], target: number, windows: readonly [number, number][]): ScaleWindow[] {
  mkdirSync(LINK_CACHE, { recursive: true });
  const path = join(LINK_CACHE, 'scale.db');
  for (const file of [path, `${path}-wal`, `${path}-shm`]) rmSync(file, { force: true });
  const took: number[] = [];
  const link = StoredLinks.prototype.link;
  StoredLinks.prototype.link = function timed(this: StoredLinks, article) {
    const started = performance.now();
    try {
      return link.call(this, article);
    } finally {
      took.push(performance.now() - started);
    }
  };
  const random = seededRandom(7);
  const paragraphs = texts.flatMap((text) => text.body.split('\n').filter((p) => p.length > 80));
  const store = openStore(path);
  try {
    const source = store.source('bench:link-scale', 'folder', LINK_CACHE);
    for (let first = 0; first < target; first += 1000) {
      const items: NewItem[] = [];
      const records = new Map<string, ArticleRecord>();
      for (let n = first; n < Math.min(target, first + 1000); n++) {
        const text = texts[n % texts.length]!;
        const body = `${text.body}\n${paragraphs[Math.floor(random() * paragraphs.length)]!}`;
        const url = `https://scale.test/${n}`;
        const published = new Date(Date.UTC(2024, 0, 1) + Math.floor(random() * 730 * 86_400_000)).toISOString();
        records.set(url, { url, urlKey: url, canonicalKey: null, textHash: createHash('sha256').update(body).digest('hex'), headline: text.headline, published, siteName: null, site: 'scale.test', language: 'en', dateline: null, body, doc: new Uint8Array([0x03, 0x00]), entities: [], quotes: [] });
        items.push({ key: url, kind: 'entry', url });
      }
      for (const row of store.accept(source.id, null, items)) {
        const record = records.get(row.key)!;
        store.finish(row.id, { state: 'stored', kind: 'page', capture: { url: record.url, status: 200, headers: null, body: new Uint8Array(0), size: 0, sha256: record.textHash }, article: record });
      }
      if ((first + 1000) % 10_000 === 0) process.stderr.write(`linked ${first + 1000}/${target}\n`);
    }
  } finally {
    store.close();
    StoredLinks.prototype.link = link;
  }
  return windows.map(([from, to]) => {
    const slice = took.slice(from, to);
    return { from, to, ms: slice.reduce((a, b) => a + b, 0) / slice.length };
  });
}
