import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { asDatelineError } from '../doc/errors.js';
import { ingestDemo } from '../serve/demo.js';
import { startServer } from '../serve/server.js';
import { openStore } from '../store/sqlite/index.js';
import { UsageError, parseArgsMessage } from './args.js';
import { storePath, write, type Streams } from './streams.js';

export const SERVE_HELP = `Usage: dateline serve [--db FILE] [--port N] [--host H] [--demo] [--allow-private]

Serves a store: the web UI at http://HOST:PORT/ and the JSON API at /api/v1 (described
at /api/v1/openapi.json). Binds to 127.0.0.1 unless --host says otherwise; the port is
--port, else PORT, else 8080.

  --demo           on first run (an empty store), ingest the bundled demo collection
                   first: 293 Wikinews articles (CC BY 2.5) and the example page
  --allow-private  let POST /api/v1/ingest fetch intranet addresses

Writes (POST /api/v1/ingest) need the token in "Authorization: Bearer …": DATELINE_TOKEN,
else the one kept in FILE.token, made and printed on first start.`;

/** `dateline serve`: runs until SIGINT or SIGTERM, then stops cleanly. */
export async function runServeCommand(argv: readonly string[], streams: Streams, signals: NodeJS.EventEmitter = process): Promise<number> {
  let values: { db?: string | undefined; port?: string | undefined; host?: string | undefined; demo?: boolean | undefined; 'allow-private'?: boolean | undefined; help?: boolean | undefined };
  let port: number;
  try {
    values = parseArgs({
      args: [...argv],
      allowPositionals: false,
      strict: true,
      options: { db: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, demo: { type: 'boolean' }, 'allow-private': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    }).values;
    const portText = values.port ?? process.env['PORT'] ?? '8080';
    port = Number(portText);
    if (!/^\d+$/u.test(portText) || port > 65535) throw new UsageError(`--port: expected a port number (0–65535), got "${portText}"`);
  } catch (error) {
    const message = error instanceof UsageError ? error.message : parseArgsMessage(error);
    await write(streams.err, `dateline: ${message}\nTry 'dateline serve --help' for the options.\n`);
    return 2;
  }
  if (values.help === true) {
    await write(streams.out, `${SERVE_HELP}\n`);
    return 0;
  }
  const db = storePath(values.db);
  try {
    mkdirSync(dirname(resolve(db)), { recursive: true });
    if (values.demo === true) await loadDemo(db, streams);
    const server = await startServer({ db, port, ...(values.host !== undefined ? { host: values.host } : {}), network: { fetcher: { allowPrivate: values['allow-private'] === true } } });
    await write(streams.out, `Dateline is serving ${db} at ${server.url}/ (API: ${server.url}/api/v1, stop with Ctrl-C)\n`);
    if (server.tokenCreated) await write(streams.out, `API token for writes (kept in ${db}.token; shown this once): ${server.token}\n`);
    await new Promise<void>((done) => {
      const stop = () => {
        signals.off('SIGINT', stop);
        signals.off('SIGTERM', stop);
        done();
      };
      signals.on('SIGINT', stop);
      signals.on('SIGTERM', stop);
    });
    await server.close();
    return 0;
  } catch (error) {
    const e = asDatelineError(error);
    await write(streams.err, `dateline: ${e.code}: ${e.message}\n`);
    return 1;
  }
}

async function loadDemo(db: string, streams: Streams): Promise<void> {
  const store = openStore(db);
  try {
    if (store.status().articles > 0) return;
    await write(streams.out, 'First run: ingesting the demo collection (293 Wikinews articles and the example page)…\n');
    const summary = await ingestDemo(store, db);
    const { stored, duplicate, skipped, failed } = summary.states;
    await write(streams.out, `Demo collection ready: ${stored} stored, ${duplicate} duplicate, ${skipped} skipped, ${failed} failed, in ${(summary.elapsedMs / 1000).toFixed(1)} s.\n`);
  } finally {
    store.close();
  }
}
