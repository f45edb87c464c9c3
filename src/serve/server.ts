import type { FastifyInstance } from 'fastify';
import { DatelineError } from '../doc/errors.js';
import type { NetworkOptions } from '../collect/network.js';
import { openStore } from '../store/sqlite/index.js';
import { buildApp } from './app.js';
import { ingestOneInto } from './ingest-one.js';
import { QueryPool } from './query-pool.js';
import { apiToken } from './token.js';

export interface ServeOptions {
  /** The store file; created (empty) when missing. */
  readonly db: string;
  /** Default 127.0.0.1: the collection is only reachable from this machine unless asked. */
  readonly host?: string;
  /** Default 8080; 0 picks a free port. */
  readonly port?: number;
  /** Default: DATELINE_TOKEN, else the one kept beside the store. */
  readonly token?: string;
  /** Store reader threads (default one per core, at least 2). */
  readonly threads?: number;
  /** Per-query deadline in ms (default 2,000). */
  readonly deadlineMs?: number;
  /** Per client address, per minute; 0 turns a limit off. */
  readonly searchesPerMinute?: number;
  readonly writesPerMinute?: number;
  /** For posted URLs: fetcher settings (`fetcher.allowPrivate` for intranet pages). */
  readonly network?: NetworkOptions;
}

export interface RunningServer {
  /** http://host:port */
  readonly url: string;
  readonly token: string;
  /** Set when the token was made by this start (print it once). */
  readonly tokenCreated: boolean;
  readonly app: FastifyInstance;
  /** Stops taking requests, finishes those in flight, and closes the store's readers. */
  close(): Promise<void>;
}

/** Serves a store: the web UI at /, the API at /api/v1. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  prepareStore(options.db);
  const token = options.token !== undefined ? { token: options.token, created: false } : apiToken(options.db);
  const pool = new QueryPool({ db: options.db, ...(options.threads !== undefined ? { threads: options.threads } : {}), ...(options.deadlineMs !== undefined ? { deadlineMs: options.deadlineMs } : {}) });
  const app = await buildApp({
    pool,
    token: token.token,
    ingestOne: ingestOneInto(options.db, options.network),
    ...(options.searchesPerMinute !== undefined ? { searchesPerMinute: options.searchesPerMinute } : {}),
    ...(options.writesPerMinute !== undefined ? { writesPerMinute: options.writesPerMinute } : {}),
  });
  const host = options.host ?? '127.0.0.1';
  try {
    await app.listen({ host, port: options.port ?? 8080 });
  } catch (error) {
    await pool.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new DatelineError('STORE_FAILED', `Port ${options.port ?? 8080} is in use; choose another with --port or PORT.`);
    throw new DatelineError('STORE_FAILED', `Cannot listen on ${host}:${options.port ?? 8080}: ${(error as Error).message}`);
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    token: token.token,
    tokenCreated: token.created,
    app,
    close: async () => {
      await app.close();
      await pool.close();
    },
  };
}

/** Creates or migrates the store before readers open it read-only (a running ingest will have done so already). */
function prepareStore(db: string): void {
  try {
    openStore(db).close();
  } catch (error) {
    if (error instanceof DatelineError && error.code === 'STORE_BUSY') {
      openStore(db, { readonly: true }).close();
      return;
    }
    throw error;
  }
}
