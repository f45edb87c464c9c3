import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CLI, runCli } from './helpers/cli.js';

describe('dateline serve', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'dateline-serve-cli-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('explains itself and refuses a bad port with a usage error', async () => {
    const help = await runCli(['serve', '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: dateline serve/u);
    const bad = await runCli(['serve', '--port', 'eighty', '--db', join(dir, 'x.db')]);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--port: expected a port number/u);
    assert.doesNotMatch(bad.stderr, /\n\s+at /u);
  });

  it('serves a new store on loopback, prints the token once, and stops cleanly on SIGTERM', async () => {
    const db = join(dir, 'news.db');
    const started = await serveOnce(db);
    assert.match(started.firstLines, /serving .*news\.db at http:\/\/127\.0\.0\.1:\d+\//u);
    assert.match(started.firstLines, /API token for writes/u);
    assert.equal(started.search.status, 200);
    assert.equal(started.status, 0);
    assert.equal(statSync(`${db}.token`).mode & 0o077, 0, 'the token file is readable by its owner only');
    const again = await serveOnce(db);
    assert.doesNotMatch(again.firstLines, /API token/u, 'the token is shown on first start only');
  });
});

/** Starts `dateline serve --port 0`, searches once, then sends SIGTERM and waits for the exit. */
function serveOnce(db: string): Promise<{ firstLines: string; search: Response; status: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DATELINE_TOKEN: '' } });
    let out = '';
    let search: Response | null = null;
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /at (http:\/\/127\.0\.0\.1:\d+)\//u.exec(out)?.[1];
      if (url !== undefined && search === null && out.includes('\n')) {
        search = {} as Response;
        setTimeout(() => {
          fetch(`${url}/api/v1/search?q=anything`)
            .then((response) => {
              search = response;
              child.kill('SIGTERM');
            })
            .catch(reject);
        }, 200);
      }
    });
    child.on('error', reject);
    child.on('exit', (status) => {
      clearTimeout(timer);
      resolve({ firstLines: out, search: search as Response, status });
    });
  });
}
