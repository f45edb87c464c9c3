/**
 * Ingest benchmark: `npm run bench:ingest` (builds, then `node dist/bench/ingest.js`).
 *
 * 1. Throughput. A folder of real pages — the Zyte benchmark (181) and the WCXB dev split
 *    (1,497), gzipped HTML as published, and the 293 Wikinews articles as text files:
 *    1,971 pages — is read by `dateline read <folder>` (one reader, output to /dev/null),
 *    then ingested by `dateline ingest --db <new store> <folder>` (read + understand +
 *    store, a reader per core), in the same run. Reported: pages per second of each and
 *    their ratio, articles stored per second, peak memory (VmHWM) of each process.
 * 2. Memory on web archives. Two .warc.gz files are generated (once, then cached in
 *    .bench-cache/): the HTML pages as response records with their requests, and image
 *    records (incompressible bytes) filling the file up to 100 MB and 300 MB. Each is
 *    ingested into a new store; peak memory should be flat in the file's size.
 *
 * Options: --limit N (pages), --skip-warc, --skip-read, --warc-mb 100,300
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { REPO_ROOT, SHARED, WIKINEWS } from '../test/helpers/repo.js';
import { request, resource, response, warcinfo, WarcWriter } from '../test/helpers/warc.js';

const CLI = join(REPO_ROOT, 'dist', 'src', 'cli', 'main.js');
const CACHE = join(REPO_ROOT, '.bench-cache', 'ingest');

interface Run {
  readonly seconds: number;
  readonly peakMb: number;
  readonly status: number | null;
  readonly stderr: string;
}

/** Runs the CLI, polling the process's VmHWM (peak resident memory, worker threads included). */
function runCli(args: readonly string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let peakKb = 0;
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-4000);
    });
    const poll = setInterval(() => {
      try {
        const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (match) peakKb = Math.max(peakKb, Number(match[1]));
      } catch {
        // The process has just ended.
      }
    }, 50);
    child.on('error', reject);
    child.on('close', (status) => {
      clearInterval(poll);
      resolve({ seconds: (performance.now() - started) / 1000, peakMb: peakKb / 1024, status, stderr });
    });
  });
}

function pageFolder(limit: number | undefined): { folder: string; pages: number } {
  const folder = join(CACHE, `pages${limit === undefined ? '' : `-${limit}`}`);
  if (!existsSync(folder)) {
    mkdirSync(folder, { recursive: true });
    const sources = [join(SHARED, 'data', 'article-extraction-benchmark', 'html'), join(SHARED, 'data', 'wcxb-dev', 'html')];
    let n = 0;
    for (const dir of sources) {
      for (const name of readdirSync(dir).sort()) {
        if (limit !== undefined && n >= limit) break;
        symlinkSync(join(dir, name), join(folder, `${dir.includes('wcxb') ? 'wcxb' : 'zyte'}-${name}`));
        n++;
      }
    }
    const articles = readFileSync(WIKINEWS, 'utf8').split('\n').filter((line) => line.trim() !== '');
    for (const line of articles) {
      if (limit !== undefined && n >= limit) break;
      const article = JSON.parse(line) as { id: string; title: string; text: string };
      writeFileSync(join(folder, `${article.id}.txt`), `${article.title}\n\n${article.text}\n`);
      n++;
    }
  }
  return { folder, pages: readdirSync(folder).length };
}

/** A .warc.gz of about `megabytes`: every HTML page with its request, then image records up to the size. */
async function warcFile(megabytes: number): Promise<string> {
  const path = join(CACHE, `archive-${megabytes}mb.warc.gz`);
  if (existsSync(path)) return path;
  mkdirSync(CACHE, { recursive: true });
  const writer = WarcWriter.create(`${path}.part`, 'per-record');
  await writer.write(warcinfo());
  let size = 0;
  let n = 0;
  const dirs = [join(SHARED, 'data', 'article-extraction-benchmark', 'html'), join(SHARED, 'data', 'wcxb-dev', 'html')];
  for (const dir of dirs) {
    for (const name of readdirSync(dir).sort()) {
      const html = gunzipSync(readFileSync(join(dir, name)));
      const url = `https://archive.test/page/${n++}.html`;
      await writer.write(request(url));
      size += (await writer.write(response(url, { headers: [['Content-Type', 'text/html; charset=utf-8']], body: html }))).length;
    }
  }
  for (let i = 0; size < megabytes * 1_000_000; i++) {
    size += (await writer.write(resource(`https://archive.test/img/${i}.jpg`, 'image/jpeg', randomBytes(256 * 1024)))).length;
  }
  await writer.close();
  writeFileSync(path, readFileSync(`${path}.part`));
  rmSync(`${path}.part`);
  return path;
}

async function status(db: string): Promise<{ states: Record<string, number>; articles: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'status', '--db', db, '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', () => resolve(JSON.parse(out) as { states: Record<string, number>; articles: number }));
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { limit: { type: 'string' }, 'skip-warc': { type: 'boolean' }, 'skip-read': { type: 'boolean' }, 'warc-mb': { type: 'string', default: '100,300' } },
  });
  if (!existsSync(join(SHARED, 'data', 'wcxb-dev'))) {
    console.log(`bench:ingest needs the benchmark pages in ${SHARED}/data (Zyte and WCXB dev); not found, nothing measured.`);
    return;
  }
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  const { folder, pages } = pageFolder(limit);
  const work = join(CACHE, 'stores');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  console.log(`Folder: ${pages} pages (${folder})`);

  let read: Run | null = null;
  if (values['skip-read'] !== true) {
    read = await runCli(['read', folder]);
    console.log(`dateline read:   ${read.seconds.toFixed(1)} s, ${(pages / read.seconds).toFixed(1)} pages/s, peak ${read.peakMb.toFixed(0)} MB`);
  }
  const db = join(work, 'folder.db');
  const ingest = await runCli(['ingest', '--db', db, folder]);
  const report = await status(db);
  console.log(
    `dateline ingest: ${ingest.seconds.toFixed(1)} s, ${(pages / ingest.seconds).toFixed(1)} pages/s, ${(report.articles / ingest.seconds).toFixed(1)} articles/s ` +
      `(${report.articles} stored, states ${JSON.stringify(report.states)}), peak ${ingest.peakMb.toFixed(0)} MB, exit ${ingest.status}`,
  );
  if (read !== null) console.log(`ratio ingest/read (pages per second): ${(read.seconds / ingest.seconds).toFixed(2)}×  (bar ≥ 1.6×)`);

  if (values['skip-warc'] !== true) {
    for (const mb of values['warc-mb'].split(',').map(Number)) {
      const path = await warcFile(mb);
      const warcDb = join(work, `warc-${mb}.db`);
      const run = await runCli(['ingest', '--db', warcDb, path]);
      const s = await status(warcDb);
      const size = statSync(path).size / 1e6;
      console.log(
        `WARC ${size.toFixed(0)} MB: ${run.seconds.toFixed(1)} s, ${s.articles} articles, states ${JSON.stringify(s.states)}, peak ${run.peakMb.toFixed(0)} MB (bar ≤ 600), exit ${run.status}`,
      );
    }
  }
  rmSync(work, { recursive: true, force: true });
}

await main();
