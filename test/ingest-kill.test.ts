/**
 * Nothing lost, nothing twice (issue 8): a folder of 2,000 pages is ingested once without
 * interruption, and once with `kill -9` at ten random moments (the first few during
 * start-up and the schema's creation), each time running the same command again, until
 * it ends. Both stores must then agree: no item pending, the same counts per state and
 * per reason, and the same exported articles. Through the built CLI, as a user runs it.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { seededRandom } from '../scripts/lib/seeded-random.js';
import { CLI, runCli } from './helpers/cli.js';
import { writePageFolder } from './helpers/pages.js';

const SEED = Number(process.env['DATELINE_KILL_SEED'] ?? 20261206);
const KILLS = 10;

interface Status {
  states: Record<string, number>;
  codes: Record<string, number>;
}

async function ingestOnce(db: string, folder: string): Promise<number | null> {
  const run = await runCli(['ingest', '--db', db, folder], { killAfterMs: 300_000 });
  return run.status;
}

/** Starts an ingest and kills it with SIGKILL after `ms`; resolves when it is gone. */
function ingestAndKill(db: string, folder: string, ms: number): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'ingest', '--db', db, folder], { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve(signal);
    });
  });
}

async function status(db: string): Promise<Status> {
  const run = await runCli(['status', '--db', db, '--json']);
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as Status;
}

/** The exported articles without the fields that name the run (row ids and times). */
/**
 * The exported articles without what differs from run to run: ids, times, and story ids
 * (stories form in the order articles finish, which two readers vary). A copy's
 * `duplicateOf` is kept, as the URL of the copy it names. Every article must have a story.
 */
async function exported(db: string): Promise<string[]> {
  const run = await runCli(['export', '--db', db], { killAfterMs: 120_000 });
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  const urlOf = new Map(lines.map((line) => [line['id'], line['url']]));
  return lines
    .map((line) => {
      const { id: _id, ingestedAt: _at, story, duplicateOf, ...rest } = line;
      assert.equal(typeof story, 'number', `${String(line['url'])} is in a story`);
      return JSON.stringify({ ...rest, duplicateOf: duplicateOf === null ? null : urlOf.get(duplicateOf) });
    })
    .sort();
}

describe('ingest: kill -9 at random moments, then the same command again', { timeout: 900_000 }, () => {
  let dir: string;
  let folder: string;
  let files: number;
  let cleanMs = 0;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'dateline-kill-'));
    folder = join(dir, 'pages');
    files = writePageFolder(folder, { articles: 1880, copies: 50, lists: 40, binaries: 15, empties: 15 });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('an uninterrupted run accounts for every page', async () => {
    const started = performance.now();
    assert.equal(await ingestOnce(join(dir, 'clean.db'), folder), 0);
    cleanMs = performance.now() - started;
    const s = await status(join(dir, 'clean.db'));
    assert.equal(s.states['pending'], 0);
    assert.equal(Object.values(s.states).reduce((a, b) => a + b, 0), files);
  });

  it(`${KILLS} kills, then runs to the end: the same accounting and the same articles (seed ${SEED})`, async () => {
    const db = join(dir, 'killed.db');
    const next = seededRandom(SEED);
    let killed = 0;
    for (let round = 0; round < KILLS; round++) {
      // The first rounds die during start-up (opening and creating the store); later
      // ones anywhere in the first third of a clean run's time.
      const ms = round < 3 ? 50 + next() * 600 : 300 + next() * Math.max(1000, cleanMs / 3);
      if ((await ingestAndKill(db, folder, ms)) === 'SIGKILL') killed++;
    }
    assert.ok(killed >= KILLS - 1, `only ${killed} of ${KILLS} runs were still going when killed`);
    let exit: number | null = null;
    for (let run = 0; run < 3 && exit !== 0; run++) exit = await ingestOnce(db, folder);
    assert.equal(exit, 0, 'the last run ends with every input stored, duplicate or skipped');

    const integrity = new Database(db, { readonly: true });
    try {
      assert.equal(integrity.pragma('integrity_check', { simple: true }), 'ok');
    } finally {
      integrity.close();
    }
    const clean = await status(join(dir, 'clean.db'));
    const resumed = await status(db);
    assert.equal(resumed.states['pending'], 0, 'nothing pending');
    assert.deepEqual(resumed.states, clean.states);
    assert.deepEqual(resumed.codes, clean.codes);
    const [a, b] = [await exported(join(dir, 'clean.db')), await exported(db)];
    assert.equal(b.length, a.length);
    assert.deepEqual(b, a, 'the stored articles are exactly those of the uninterrupted run');
  });
});
