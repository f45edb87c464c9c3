import type { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { ingest } from '../collect/ingest.js';
import { listSources } from '../collect/list.js';
import { asDatelineError } from '../doc/errors.js';
import { openStore } from '../store/sqlite/index.js';
import { UsageError, parseArgsMessage, wholeNumber } from './args.js';
import { Progress } from './progress.js';
import { storePath, write, type Streams } from './streams.js';

export const INGEST_HELP = `Usage: dateline ingest [--db FILE] [options] <source...>

Fetches, reads and understands news from the sources and keeps everything in a store
(an SQLite file). Every input is accounted for: it ends stored, duplicate, skipped (with
a reason) or failed (with the error), and running the same command again after an
interruption finishes the job without doing anything twice.

Sources (recognised by their content, not their name):
  https://…              an article, an RSS/Atom/JSON feed, a sitemap (index, news
                         sitemap, gzipped too) or a site's home page (its feeds and
                         sitemaps are found and followed)
  <file>                 a page or text file (as \`dateline read\` takes), a feed or
                         sitemap file, or a web archive (.warc, .warc.gz)
  <folder>               every page, text, feed, sitemap and archive below it
  -                      JSON Lines on standard input: {"url"}, {"url","html"} or {"text"}

Options:
      --db <file>        the store (default: $DATELINE_DB, then ./dateline.db)
      --since <date>     feed and sitemap entries published before this (ISO 8601 date
                         or date-time) are not fetched
      --list             print the article URLs the sources lead to as JSON Lines
                         ({"url", "source", "published"}) and fetch no article; the
                         store is not touched
      --watch <minutes>  keep polling the feeds and sitemaps every this many minutes
                         (conditional GET) until stopped with Ctrl-C
      --allow-private    also fetch from private, loopback and link-local addresses
                         (intranet pages); off by default
      --jobs <n>         reader threads (default: one per core)
      --delay <seconds>  at least this long between two requests to one host (default 5;
                         a robots.txt Crawl-delay up to 30 s is honoured on top)
      --timeout <sec>    time limit for reading one page (default 7.5)
      --resume           also finish every item left pending in the store by earlier runs
      --no-link          store articles without linking them to their stories and copies
                         (faster for a bulk load; the next ingest with linking links them)
  -h, --help             show this help

Exit status: 0 every input ended stored, duplicate or skipped; 1 some failed or are
still pending (run the same command again); 2 usage error; 130 stopped by Ctrl-C.
Progress goes to stderr: a status line on a terminal, JSON lines otherwise.`;

interface IngestCommand {
  readonly sources: string[];
  readonly db: string;
  readonly since?: Date;
  readonly list: boolean;
  readonly watchMinutes?: number;
  readonly allowPrivate: boolean;
  readonly jobs?: number;
  readonly delayMs?: number;
  readonly timeoutMs?: number;
  readonly resume: boolean;
  readonly link: boolean;
}

export function parseIngestArgs(argv: readonly string[]): IngestCommand | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        db: { type: 'string' },
        since: { type: 'string' },
        list: { type: 'boolean' },
        watch: { type: 'string' },
        'allow-private': { type: 'boolean' },
        jobs: { type: 'string' },
        delay: { type: 'string' },
        timeout: { type: 'string' },
        resume: { type: 'boolean' },
        'no-link': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(parseArgsMessage(error));
  }
  const { values, positionals } = parsed;
  if (values.help === true) return 'help';
  if (positionals.length === 0 && values.resume !== true) throw new UsageError('no source given: name URLs, files, folders, or - for standard input');
  if (positionals.filter((source) => source === '-').length > 1) throw new UsageError('standard input (-) can be given only once');
  let since: Date | undefined;
  if (values.since !== undefined) {
    since = new Date(values.since);
    if (!/^\d{4}-\d{2}-\d{2}/.test(values.since) || Number.isNaN(since.getTime())) throw new UsageError(`--since '${values.since}' is not a date like 2024-05-01 or 2024-05-01T12:00:00Z`);
  }
  return {
    sources: positionals,
    db: storePath(values.db),
    ...(since !== undefined ? { since } : {}),
    list: values.list === true,
    ...(values.watch !== undefined ? { watchMinutes: positive(values.watch, '--watch', 'minutes') } : {}),
    allowPrivate: values['allow-private'] === true,
    ...(values.jobs !== undefined ? { jobs: wholeNumber(values.jobs, '--jobs', 1, 64) } : {}),
    ...(values.delay !== undefined ? { delayMs: Math.round(nonNegative(values.delay, '--delay', 'seconds') * 1000) } : {}),
    ...(values.timeout !== undefined ? { timeoutMs: Math.round(positive(values.timeout, '--timeout', 'seconds') * 1000) } : {}),
    resume: values.resume === true,
    link: values['no-link'] !== true,
  };
}

/** `dateline ingest …` (argv after `ingest`). Resolves to the exit status. */
export async function runIngestCommand(argv: readonly string[], streams: Streams, stdin: Readable = process.stdin): Promise<number> {
  let command: IngestCommand | 'help';
  try {
    command = parseIngestArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    await write(streams.err, `dateline: ${error.message}\nTry 'dateline ingest --help' for the options.\n`);
    return 2;
  }
  if (command === 'help') {
    await write(streams.out, `${INGEST_HELP}\n`);
    return 0;
  }
  const network = {
    fetcher: { allowPrivate: command.allowPrivate },
    ...(command.delayMs !== undefined ? { hosts: { delayMs: command.delayMs } } : {}),
  };
  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = () => {
    interrupts++;
    if (interrupts > 1) process.exit(130); // a second Ctrl-C: go now (every commit so far is safe)
    void write(streams.err, '\ndateline: stopping after the current items are saved (Ctrl-C again to stop at once)\n');
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    if (command.list) {
      const failures = await listSources(command.sources, {
        network,
        signal: controller.signal,
        ...(command.since !== undefined ? { since: command.since } : {}),
        onEntry: (entry) => write(streams.out, `${JSON.stringify(entry)}\n`),
        onError: (source, error) => write(streams.err, `dateline: ${source}: ${error.message} [${error.code}]\n`),
        onNotice: (source, message) => write(streams.err, `dateline: ${source}: ${message}\n`),
        stdin,
      });
      return controller.signal.aborted ? 130 : failures > 0 ? 1 : 0;
    }
    const store = openStore(command.db, { link: command.link });
    const progress = new Progress(streams.err as NodeJS.WritableStream & { isTTY?: boolean });
    try {
      const summary = await ingest(command.sources, {
        store,
        network,
        signal: controller.signal,
        onEvent: progress.onEvent,
        stdin,
        resume: command.resume,
        ...(command.since !== undefined ? { since: command.since } : {}),
        ...(command.watchMinutes !== undefined ? { watchMinutes: command.watchMinutes } : {}),
        ...(command.jobs !== undefined ? { readers: command.jobs } : {}),
        ...(command.timeoutMs !== undefined ? { readTimeoutMs: command.timeoutMs } : {}),
      });
      progress.finish();
      const s = summary.sources;
      await write(
        streams.err,
        `dateline: ${command.db}: this run stored ${summary.states.stored}, duplicate ${summary.states.duplicate}, skipped ${summary.states.skipped}, failed ${summary.states.failed} in ${(summary.elapsedMs / 1000).toFixed(1)} s; ` +
          `these sources now: stored ${s.stored}, duplicate ${s.duplicate}, skipped ${s.skipped}, failed ${s.failed}, pending ${s.pending}\n`,
      );
      if (summary.interrupted) return 130;
      return s.failed > 0 || s.pending > 0 ? 1 : 0;
    } finally {
      store.close();
    }
  } catch (error) {
    const e = asDatelineError(error);
    await write(streams.err, `dateline: ${e.message} [${e.code}]\n`);
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function positive(value: string, flag: string, unit: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} '${value}' is not a positive number of ${unit}`);
  return n;
}

function nonNegative(value: string, flag: string, unit: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`${flag} '${value}' is not a number of ${unit}`);
  return n;
}

