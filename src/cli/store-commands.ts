import { parseArgs } from 'node:util';
import { asDatelineError } from '../doc/errors.js';
import { openStore, type SqliteStore } from '../store/sqlite/index.js';
import type { StateCounts, StatusReport } from '../store/store.js';
import { UsageError, parseArgsMessage } from './args.js';
import { storePath, write, type Streams } from './streams.js';

export const STATUS_HELP = `Usage: dateline status [--db FILE] [--json]

How the store's inputs stand: items per state (pending, stored, duplicate, skipped,
failed), per kind, per reason code and per source, the feeds and sitemaps whose last
poll failed, and the last errors. --json prints one object: {"states": {...},
"codes": {...}, "kinds": {...}, "articles", "sources": [...], "failedPolls": [...],
"lastErrors": [...]}.`;

export const EXPORT_HELP = `Usage: dateline export [--db FILE]

Prints every stored article as JSON Lines, in the order they were stored: the object
\`dateline read\` prints, with "id", "url", "ingestedAt", "story" (the id of its story)
and "duplicateOf" (the id of the earliest published copy of its text, null for that copy
and for an article with no copies) added.`;

/** `dateline status` and `dateline export` (argv after the command). Resolves to the exit status. */
export async function runStoreCommand(name: 'status' | 'export', argv: readonly string[], streams: Streams): Promise<number> {
  let values: { db?: string | undefined; json?: boolean | undefined; help?: boolean | undefined };
  try {
    const parsed = parseArgs({
      args: [...argv],
      allowPositionals: false,
      strict: true,
      options: { db: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
    values = parsed.values;
    if (name === 'export' && values.json === true) throw new UsageError('export always prints JSON Lines; --json is for status');
  } catch (error) {
    const message = error instanceof UsageError ? error.message : parseArgsMessage(error);
    await write(streams.err, `dateline: ${message}\nTry 'dateline ${name} --help' for the options.\n`);
    return 2;
  }
  if (values.help === true) {
    await write(streams.out, `${name === 'status' ? STATUS_HELP : EXPORT_HELP}\n`);
    return 0;
  }
  const db = storePath(values.db);
  return withStoreReader(db, streams, async (store) => {
    if (name === 'status') {
      const report = store.status();
      await write(streams.out, values.json === true ? `${JSON.stringify(report)}\n` : renderStatus(db, report));
      return;
    }
    for (const article of store.exportArticles()) {
      const head = JSON.stringify({ id: article.id, url: article.url, ingestedAt: article.ingestedAt, story: article.story, duplicateOf: article.duplicateOf });
      await write(streams.out, `${head.slice(0, -1)},${article.json.slice(1)}\n`);
    }
  });
}

/** Runs a command's work on the store opened read-only; a store error is a message on stderr and exit status 1. */
export async function withStoreReader(db: string, streams: Streams, work: (store: SqliteStore) => Promise<void>): Promise<number> {
  try {
    const store = openStore(db, { readonly: true });
    try {
      await work(store);
    } finally {
      store.close();
    }
    return 0;
  } catch (error) {
    const e = asDatelineError(error);
    await write(streams.err, `dateline: ${e.message} [${e.code}]\n`);
    return 1;
  }
}

function counts(states: Partial<StateCounts>): string {
  const order: (keyof StateCounts)[] = ['stored', 'duplicate', 'skipped', 'failed', 'pending'];
  return order
    .filter((state) => (states[state] ?? 0) > 0)
    .map((state) => `${state} ${(states[state] ?? 0).toLocaleString('en-US')}`)
    .join(' · ') || 'nothing';
}

export function renderStatus(db: string, report: StatusReport): string {
  const total = Object.values(report.states).reduce((a, b) => a + b, 0);
  const lines = [`Store ${db}: ${total.toLocaleString('en-US')} items, ${report.articles.toLocaleString('en-US')} articles`, `  ${counts(report.states)}`];
  const kinds = Object.entries(report.kinds);
  if (kinds.length > 0) {
    lines.push('By kind:');
    for (const [kind, states] of kinds) lines.push(`  ${kind.padEnd(8)} ${counts(states)}`);
  }
  const codes = Object.entries(report.codes);
  if (codes.length > 0) {
    lines.push('By reason:');
    for (const [code, n] of codes) lines.push(`  ${code.padEnd(28)} ${n.toLocaleString('en-US')}`);
  }
  if (report.sources.length > 0) {
    lines.push('Sources:');
    for (const source of report.sources) {
      lines.push(`  ${source.kind.padEnd(6)} ${source.location}`);
      lines.push(`         ${counts(source.states)}${source.lastSuccessAt !== null ? ` · last success ${source.lastSuccessAt}` : ''}`);
      if (source.lastError !== null) lines.push(`         last error ${source.lastError.at}: ${source.lastError.code} ${source.lastError.message}`);
    }
  }
  if (report.failedPolls.length > 0) {
    lines.push('Feeds and sitemaps whose last poll failed:');
    for (const poll of report.failedPolls) lines.push(`  ${poll.url} (${poll.polledAt ?? 'never'}): ${poll.error}`);
  }
  if (report.lastErrors.length > 0) {
    lines.push('Last errors:');
    for (const error of report.lastErrors) {
      lines.push(`  #${error.id} ${error.url ?? error.path ?? ''} (${error.attempts} attempt${error.attempts === 1 ? '' : 's'}): ${error.code} ${error.message}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
