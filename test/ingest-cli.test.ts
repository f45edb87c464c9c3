/**
 * The `ingest`, `status` and `export` commands as a user runs them: usage errors, JSON
 * log lines when stderr is not a terminal, the shapes of `status --json` and `export`,
 * `--list` on a local feed file, and Ctrl-C stopping cleanly after the current items are
 * saved, with the next run finishing the job.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CLI, REPO_ROOT, runCli } from './helpers/cli.js';
import { writePageFolder } from './helpers/pages.js';

describe('dateline ingest, status and export', { timeout: 300_000 }, () => {
  let dir: string;
  let pages: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'dateline-cli-ingest-'));
    pages = join(dir, 'pages');
    writePageFolder(pages, { articles: 30, copies: 2, lists: 2, binaries: 1, empties: 1 });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('usage errors exit 2 with a hint, never a stack', async () => {
    for (const args of [['ingest'], ['ingest', '--since', 'yesterday', pages], ['ingest', '--jobs', '0', pages], ['ingest', '--bogus', pages], ['status', 'extra'], ['export', '--json']]) {
      const run = await runCli(args);
      assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, /^dateline: .+\nTry 'dateline \w+ --help'/);
      assert.doesNotMatch(run.stderr, /\n\s+at /);
    }
    const missing = await runCli(['status', '--db', join(dir, 'nothing-here.db')]);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /\[STORE_(FAILED|CORRUPT)\]/);
  });

  it('logs one JSON line per item on stderr, and status and export give the documented shapes', async () => {
    const db = join(dir, 'a.db');
    const run = await runCli(['ingest', '--db', db, pages], { killAfterMs: 120_000 });
    assert.equal(run.status, 0, run.stderr);
    const logs = run.stderr
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { event: string; state?: string; code?: string | null });
    assert.equal(logs.filter((l) => l.event === 'item').length, 36);
    assert.ok(logs.some((l) => l.event === 'item' && l.state === 'skipped' && l.code === 'NOT_ARTICLE'));
    assert.ok(logs.some((l) => l.event === 'progress'));

    const status = JSON.parse((await runCli(['status', '--db', db, '--json'])).stdout) as { states: Record<string, number>; codes: Record<string, number> };
    assert.deepEqual(Object.keys(status.states).sort(), ['duplicate', 'failed', 'pending', 'skipped', 'stored']);
    assert.equal(status.states['stored'], 30);
    assert.equal(status.codes['DUPLICATE_BYTES'], 2);
    const text = await runCli(['status', '--db', db]);
    assert.match(text.stdout, /36 items, 30 articles/);

    const exported = (await runCli(['export', '--db', db])).stdout.trim().split('\n');
    assert.equal(exported.length, 30);
    const first = JSON.parse(exported[0]!) as Record<string, unknown>;
    assert.deepEqual(Object.keys(first).slice(0, 3), ['id', 'url', 'ingestedAt']);
    for (const field of ['headline', 'body', 'text', 'entities', 'quotes', 'times', 'source']) assert.ok(field in first, field);
  });

  it('--list on a local feed file prints its entries and touches no store', async () => {
    const feed = join(dir, 'feed.xml');
    writeFileSync(
      feed,
      `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><link href="https://news.test/"/>
      <entry><title>One</title><link href="https://news.test/1"/><updated>2024-05-02T10:00:00Z</updated></entry>
      <entry><title>Two</title><link href="/2"/><published>2024-04-01T10:00:00Z</published></entry>
      <entry><title>Bad</title><link href="javascript:alert(1)"/></entry></feed>`,
    );
    const run = await runCli(['ingest', '--list', '--db', join(dir, 'never.db'), feed]);
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { url: string; source: string; published?: string });
    assert.deepEqual(
      lines.map((l) => l.url),
      ['https://news.test/1', 'https://news.test/2'],
    );
    assert.equal(lines[0]?.source, feed);
    assert.match(run.stderr, /1 entry left out \(1 not http\(s\)\)/, 'nothing is left out silently');
    const since = await runCli(['ingest', '--list', '--since', '2024-05-01', feed]);
    assert.equal(since.stdout.trim().split('\n').length, 1, 'entries before --since are left out');
  });

  it('--list on a sitemap index whose sitemaps cannot be fetched lists them as themselves, and says why', async () => {
    const index = join(dir, 'sitemap-index.xml');
    writeFileSync(
      index,
      `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>http://127.0.0.1:9/sitemap-1.xml</loc><lastmod>2024-05-31</lastmod></sitemap>
      <sitemap><loc>http://10.0.0.1/sitemap-2.xml</loc></sitemap></sitemapindex>`,
    );
    const run = await runCli(['ingest', '--list', index]);
    assert.equal(run.status, 1, 'a sitemap that could not be fetched is a failure');
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { url: string; kind?: string; published?: string });
    assert.deepEqual(
      lines.map((l) => [l.url, l.kind]),
      [
        ['http://127.0.0.1:9/sitemap-1.xml', 'sitemap'],
        ['http://10.0.0.1/sitemap-2.xml', 'sitemap'],
      ],
    );
    assert.equal(lines[0]?.published, '2024-05-31');
    assert.equal((run.stderr.match(/\[FETCH_BLOCKED_ADDRESS\]/g) ?? []).length, 2);
  });

  it('dateline read takes an address, through the same guarded fetcher', async () => {
    const page = readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'pages', 'agency-byline', 'source.html'));
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/2025/05/16/funicular`;
    try {
      const allowed = await runCli(['read', '--allow-private', url]);
      assert.equal(allowed.status, 0, allowed.stderr);
      const article = JSON.parse(allowed.stdout) as { headline: string; source: { url: string } };
      assert.match(article.headline, /funicular/);
      assert.equal(article.source.url, url);
      const blocked = await runCli(['read', url]);
      assert.equal(blocked.status, 1);
      assert.match(blocked.stderr, /\[FETCH_BLOCKED_ADDRESS\]/);
    } finally {
      server.close();
    }
  });

  it('Ctrl-C stops after the current items are saved; the same command then finishes the job', async () => {
    const db = join(dir, 'interrupted.db');
    const child = spawn(process.execPath, [CLI, 'ingest', '--db', db, '--jobs', '1', pages], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let interrupted = false;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      // Interrupt once a few items are in.
      if (!interrupted && (stderr.match(/"event":"item"/g) ?? []).length >= 3) {
        interrupted = true;
        child.kill('SIGINT');
      }
    });
    const status = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    assert.equal(status, 130, stderr);
    assert.match(stderr, /stopping after the current items are saved/);
    const partial = JSON.parse((await runCli(['status', '--db', db, '--json'])).stdout) as { states: Record<string, number> };
    assert.ok(partial.states['pending']! > 0);
    assert.equal(Object.values(partial.states).reduce((a, b) => a + b, 0), 36, 'every file was accepted before work began');
    const again = await runCli(['ingest', '--db', db, pages], { killAfterMs: 120_000 });
    assert.equal(again.status, 0, again.stderr);
    const done = JSON.parse((await runCli(['status', '--db', db, '--json'])).stdout) as { states: Record<string, number> };
    assert.deepEqual(done.states, { pending: 0, stored: 30, duplicate: 2, skipped: 4, failed: 0 });
  });
});
