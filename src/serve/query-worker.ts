import { parentPort, workerData } from 'node:worker_threads';
import { asDatelineError } from '../doc/errors.js';
import { openStore } from '../store/sqlite/index.js';
import type { QueryRequest, QueryResponse } from './query-pool.js';

/**
 * One reader of the store, on a read-only connection, in a thread of its own: a slow query
 * here never holds up the server's event loop, and the pool can end it at its deadline.
 */
const store = openStore((workerData as { db: string }).db, { readonly: true });

parentPort?.on('message', (request: QueryRequest) => {
  let response: QueryResponse;
  try {
    response = { id: request.id, ok: true, value: answer(request) };
  } catch (error) {
    response = { id: request.id, ok: false, error: asDatelineError(error).toJSON() };
  }
  parentPort?.postMessage(response);
});

function answer(request: QueryRequest): unknown {
  switch (request.method) {
    case 'search':
      return store.search(request.args[0]);
    case 'timeline':
      return store.timeline(request.args[0], request.args[1]);
    case 'article':
      return store.article(request.args[0]);
    case 'entities':
      return store.entities(request.args[0]);
    case 'entity':
      return store.entity(request.args[0], request.args[1]);
    case 'stories':
      return store.stories(request.args[0]);
    case 'story':
      return store.story(request.args[0]);
    case 'status':
      return store.status();
  }
}
