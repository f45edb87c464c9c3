/**
 * The blocked-address bar of issue 8 (RELIABILITY F-1, F-2), through the built CLI: every
 * spelling of a loopback, private, link-local, shared, multicast or unspecified address,
 * and every scheme other than http(s), given to `dateline ingest` as a source while a
 * listener waits on that port, ends skipped with a blocked-address or scheme code, and
 * the listener sees no connection at all.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from './helpers/cli.js';

const SCHEMES = ['file:///etc/passwd', 'gopher://127.0.0.1:6379/_x', 'ftp://x/', 'data:text/html,<p>hi', 'javascript:alert(1)', 'ws://x/'];
const HOSTS = [
  '127.0.0.1',
  '0x7f000001',
  '2130706433',
  '0177.0.0.1',
  '127.1',
  '①②⑦.0.0.1',
  '0',
  '0.0.0.0',
  '[::]',
  '[::1]',
  '[::ffff:127.0.0.1]',
  '[::ffff:a9fe:a9fe]',
  '169.254.169.254',
  '[fd00:ec2::254]',
  '100.100.100.200',
  '10.0.0.1',
  '172.16.0.1',
  '192.168.1.1',
  '198.18.0.1',
  '224.0.0.1',
  '255.255.255.255',
  '[::127.0.0.1]',
  '[64:ff9b::7f00:1]',
  '[2002:7f00:1::]',
  'localhost',
  'localhost.',
  'foo.localhost',
];

describe('ingest: blocked addresses and schemes as sources', { timeout: 120_000 }, () => {
  let dir: string;
  const servers: Server[] = [];
  let connections = 0;
  let port = 0;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dateline-ssrf-'));
    const listen = (host: string, wanted: number) =>
      new Promise<number>((resolve, reject) => {
        const server = createServer((socket) => {
          connections++;
          socket.destroy();
        });
        server.once('error', reject);
        server.listen(wanted, host, () => {
          servers.push(server);
          resolve((server.address() as { port: number }).port);
        });
      });
    port = await listen('127.0.0.1', 0);
    await listen('::1', port).catch(() => undefined); // no IPv6 loopback here: the IPv4 listener is enough
  });
  after(() => {
    for (const server of servers) server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ends every one skipped with FETCH_BLOCKED_ADDRESS or FETCH_SCHEME_NOT_ALLOWED, with no connection', async () => {
    const sources = [...SCHEMES, ...HOSTS.map((host) => `http://${host}:${port}/news/story.html`), `https://127.0.0.1:${port}/`];
    const db = join(dir, 'ssrf.db');
    const run = await runCli(['ingest', '--db', db, ...sources]);
    assert.equal(run.status, 0, `skipped inputs are not failures: ${run.stderr}`);
    const status = await runCli(['status', '--db', db, '--json']);
    const report = JSON.parse(status.stdout) as { states: Record<string, number>; codes: Record<string, number> };
    assert.equal(report.states['skipped'], sources.length, JSON.stringify(report));
    const blocked = (report.codes['FETCH_BLOCKED_ADDRESS'] ?? 0) + (report.codes['FETCH_SCHEME_NOT_ALLOWED'] ?? 0);
    assert.equal(blocked, sources.length, JSON.stringify(report.codes));
    assert.equal(report.codes['FETCH_SCHEME_NOT_ALLOWED'], SCHEMES.length);
    assert.equal(connections, 0, 'the listener was never reached');
  });

  it('with --allow-private the same loopback page is fetched (the block is the only thing in the way)', async () => {
    const db = join(dir, 'allowed.db');
    const before = connections;
    await runCli(['ingest', '--db', db, '--allow-private', `http://127.0.0.1:${port}/news/story.html`]);
    assert.ok(connections > before, 'the listener was reached');
  });
});
