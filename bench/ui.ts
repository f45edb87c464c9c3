/**
 * UI speed: `npm run bench:ui`. Serves the demo collection (ingested once into
 * .bench-cache/ui/demo.db) and loads each kind of page in Debian's Chromium, headless,
 * 10 times: first-contentful-paint reached from another page of the site (as a reader
 * clicks through) and in a fresh tab, median and worst. Bar (issue 9): first paint under
 * 200 ms on loopback. Run it on an otherwise idle machine; it prints figures, it asserts
 * nothing.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { ingestDemo } from '../src/serve/demo.js';
import { startServer } from '../src/serve/server.js';
import { openStore } from '../src/store/sqlite/index.js';
import { chromiumMissing, launchChromium, loadTiming, median } from '../test/helpers/browser.js';
import { REPO_ROOT } from '../test/helpers/repo.js';

const LOADS = 10;

async function main(): Promise<void> {
  const missing = chromiumMissing();
  if (missing !== false) {
    console.error(`bench:ui skipped: ${missing}`);
    return;
  }
  const folder = join(REPO_ROOT, '.bench-cache', 'ui');
  mkdirSync(folder, { recursive: true });
  const db = join(folder, 'demo.db');
  const store = openStore(db);
  try {
    if (store.status().articles === 0) await ingestDemo(store, db);
  } finally {
    store.close();
  }
  const server = await startServer({ db, port: 0, searchesPerMinute: 0 });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const base = server.url;
    const article = await page.goto(`${base}/?q=Putin`).then(() => page.locator('main a[href^="/articles/"]').first().getAttribute('href'));
    const person = await page.goto(`${base}${article}`).then(() => page.locator('main a[href^="/entities/"]').first().getAttribute('href'));
    await page.close();
    const pages: [string, string][] = [
      ['search (q=Putin, facets, chart)', '/?q=Putin'],
      ['search (all, newest)', '/'],
      ['article (the seed)', article ?? '/'],
      ['person', person ?? '/'],
      ['sources', '/sources'],
    ];
    console.log(`First contentful paint, ms (${LOADS} loads each; Chromium ${browser.version()}, server ${base})`);
    console.log(`${'page'.padEnd(34)} ${'in-site median'.padStart(15)} ${'worst'.padStart(7)} ${'fresh tab median'.padStart(17)} ${'worst'.padStart(7)}`);
    for (const [name, path] of pages) {
      const inSite: number[] = [];
      const fresh: number[] = [];
      for (let load = 0; load < LOADS; load++) {
        const tab = await browser.newPage();
        await tab.goto(`${base}${path}`);
        fresh.push(await paint(tab));
        await tab.goto(`${base}/sources`);
        await tab.goto(`${base}${path}`);
        inSite.push(await paint(tab));
        await tab.close();
      }
      console.log(`${name.padEnd(34)} ${median(inSite).toFixed(0).padStart(15)} ${Math.max(...inSite).toFixed(0).padStart(7)} ${median(fresh).toFixed(0).padStart(17)} ${Math.max(...fresh).toFixed(0).padStart(7)}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

async function paint(tab: Page): Promise<number> {
  return (await loadTiming(tab)).firstContentfulPaint ?? Number.NaN;
}

await main();
