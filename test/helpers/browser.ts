/**
 * Headless Chromium for the web UI's end-to-end tests: Debian's own build driven by
 * playwright-core, so nothing is downloaded, and kept on loopback. Each context is
 * watched for what must never happen on our pages: a request off the server's origin,
 * a dialog, a console error (a CSP violation is one), an uncaught page error.
 *
 * The test code runs on Node with no DOM types, so what runs in the page is written as
 * JavaScript expressions in strings.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { REPO_ROOT } from './repo.js';

/** Debian's Chromium; DATELINE_CHROMIUM points elsewhere. */
export const CHROMIUM = process.env['DATELINE_CHROMIUM'] ?? '/usr/bin/chromium';

/** Where the tests leave screenshots for people to look at (git-ignored). */
export const SCREENSHOTS = join(REPO_ROOT, 'artifacts', 'screenshots');

/** A phone's screen, as the layout must fit it. */
export const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/** A `skip` value for node:test: false when Chromium is there, else why and how to get it. */
export function chromiumMissing(): string | false {
  return existsSync(CHROMIUM) ? false : `Chromium not found at ${CHROMIUM}: install it with apt-get install -y chromium (or set DATELINE_CHROMIUM)`;
}

/** Starts the browser: a fresh profile, no background traffic, and no host name resolves but loopback's. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // A second fence besides the origin check: a page that slipped a remote URL past us still reaches nothing.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
    ],
  });
}

/** What a context's pages did that a test may check. */
export interface Watch {
  /** Every URL a page of the context requested, in order. */
  readonly requests: string[];
  readonly dialogs: string[];
  /** Console errors and warnings: a blocked script or resource shows here. */
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  /** `status url` of every response with an error status. */
  readonly failures: string[];
}

/** A new context of the browser, watched; dialogs are recorded and dismissed. */
export async function watchedContext(browser: Browser, options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; watch: Watch }> {
  const context = await browser.newContext({ ...options, serviceWorkers: 'block', acceptDownloads: false });
  const watch: Watch = { requests: [], dialogs: [], consoleErrors: [], pageErrors: [], failures: [] };
  context.on('request', (request) => watch.requests.push(request.url()));
  context.on('dialog', (dialog) => {
    watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  context.on('response', (response) => {
    if (response.status() >= 400) watch.failures.push(`${response.status()} ${response.url()}`);
  });
  context.on('console', (message) => {
    // A failed load is logged without its address; `failures` has it, with the address.
    if (message.text().startsWith('Failed to load resource: the server responded with a status')) return;
    if (message.type() === 'error' || message.type() === 'warning') watch.consoleErrors.push(message.text());
  });
  context.on('weberror', (error) => watch.pageErrors.push(error.error().message));
  return { context, watch };
}

/** The requests that went anywhere but the origin (data: URLs stay in the page and are allowed). */
export function offOrigin(watch: Watch, origin: string): string[] {
  return watch.requests.filter((url) => !url.startsWith(`${origin}/`) && url !== origin && !url.startsWith('data:'));
}

/** What a Content-Security-Policy header lacks or allows that ours must not; empty when it is strict. */
export function cspProblems(header: string | undefined): string[] {
  if (header === undefined) return ['no Content-Security-Policy header'];
  const problems: string[] = [];
  const directives = new Map(
    header
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0] !== undefined && words[0] !== '')
      .map((words) => [words[0]!.toLowerCase(), words.slice(1)] as const),
  );
  if (directives.get('default-src')?.join(' ') !== "'none'") problems.push(`default-src is not 'none': ${header}`);
  for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", '*', 'data:', 'http:', 'https:']) {
    for (const name of ['script-src', 'script-src-elem', 'script-src-attr', 'style-src']) {
      if (directives.get(name)?.includes(unsafe) === true) problems.push(`${name} allows ${unsafe}`);
    }
  }
  for (const [name, value] of [['object-src', "'none'"], ['base-uri', "'none'"], ['frame-ancestors', "'none'"]] as const) {
    if (directives.get(name)?.join(' ') !== value) problems.push(`${name} is not ${value}`);
  }
  return problems;
}

/** What the page's DOM holds that an injection would have put there. */
export interface DomFacts {
  /** The canary every payload sets; undefined unless a payload ran. */
  readonly pwned: unknown;
  readonly scripts: number;
  /** Elements that no page of ours has: frames, plugins, base, meta refresh, forms aimed elsewhere… */
  readonly foreignElements: string[];
  /** `tag@attribute=value` of event-handler attributes and of script URLs in any attribute. */
  readonly liveAttributes: string[];
  /** The elements' ids clobbering a document property (`document.cookie` as an <img>). */
  readonly clobbered: string[];
}

const DOM_FACTS = `(() => {
  const live = [];
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      const value = attribute.value.replace(/[\\u0000-\\u0020]+/g, '').toLowerCase();
      if (attribute.name.toLowerCase().startsWith('on') || /^(javascript|vbscript|data:text)/.test(value) || value.includes('url(javascript')) {
        live.push(element.localName + '@' + attribute.name + '=' + attribute.value);
      }
    }
  }
  const foreign = [...document.querySelectorAll('iframe, frame, frameset, object, embed, applet, base, meta[http-equiv], link[rel=import], math, noscript, template, form:not([action="/"]), button[formaction], [srcdoc], [srcset], [style]')]
    .map((element) => element.outerHTML.slice(0, 120));
  const clobbered = ['cookie', 'domain', 'getElementById', 'querySelector', 'querySelectorAll', 'createElement', 'write']
    .filter((name) => document[name] instanceof Element);
  return { pwned: window.__pwned, scripts: document.scripts.length, foreignElements: foreign, liveAttributes: live, clobbered };
})()`;

export async function domFacts(page: Page): Promise<DomFacts> {
  return page.evaluate<DomFacts>(DOM_FACTS);
}

/** The page's frame: how many of each landmark it has, and ids used more than once. */
export interface Structure {
  readonly counts: { readonly header: number; readonly main: number; readonly footer: number; readonly title: number; readonly h1: number };
  readonly duplicateIds: string[];
}

const STRUCTURE = `(() => {
  const count = (selector) => document.querySelectorAll(selector).length;
  const seen = new Map();
  for (const element of document.querySelectorAll('[id]')) seen.set(element.id, (seen.get(element.id) ?? 0) + 1);
  return {
    counts: { header: count('header.site-header'), main: count('main'), footer: count('footer.site-footer'), title: count('title:not(svg title)'), h1: count('h1') },
    duplicateIds: [...seen].filter(([, n]) => n > 1).map(([id]) => id),
  };
})()`;

export async function structure(page: Page): Promise<Structure> {
  return page.evaluate<Structure>(STRUCTURE);
}

/** The page's rendered text (what a reader sees: `innerText`, not markup). */
export async function visibleText(page: Page): Promise<string> {
  return page.evaluate<string>('document.body.innerText');
}

/** How wide the page is against its viewport, and the elements that stick out on the right. */
export interface Fit {
  readonly scrollWidth: number;
  readonly clientWidth: number;
  readonly innerWidth: number;
  readonly overflowing: string[];
}

const FIT = `(() => {
  const width = document.documentElement.clientWidth;
  const overflowing = [];
  for (const element of document.body.querySelectorAll('*')) {
    const box = element.getBoundingClientRect();
    if (box.width > 0 && box.right > width + 0.5) overflowing.push(element.localName + (element.className ? '.' + String(element.className).split(' ').join('.') : '') + ' right=' + Math.round(box.right));
  }
  return { scrollWidth: document.documentElement.scrollWidth, clientWidth: width, innerWidth: window.innerWidth, overflowing: overflowing.slice(0, 8) };
})()`;

export async function fit(page: Page): Promise<Fit> {
  return page.evaluate<Fit>(FIT);
}

/** When a load's milestones came, in ms from navigation start. */
export interface LoadTiming {
  /** The first byte of the page's response. */
  readonly responseStart: number;
  readonly responseEnd: number;
  /** First contentful paint; null when it had not come a second after load. */
  readonly firstContentfulPaint: number | null;
}

export async function loadTiming(page: Page): Promise<LoadTiming> {
  return page.evaluate<LoadTiming>(`new Promise((done) => {
    const navigation = performance.getEntriesByType('navigation')[0];
    const started = Date.now();
    const poll = () => {
      const paint = performance.getEntriesByName('first-contentful-paint', 'paint')[0]?.startTime ?? null;
      if (paint !== null || Date.now() - started > 1000) done({ responseStart: navigation.responseStart, responseEnd: navigation.responseEnd, firstContentfulPaint: paint });
      else setTimeout(poll, 20);
    };
    poll();
  })`);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Saves a full-page screenshot as `artifacts/screenshots/<name>.png`; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}
