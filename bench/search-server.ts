/**
 * The server under test for `bench:search`, in a process of its own so that the load
 * generator never shares its event loop: prints its address, serves until stdin closes.
 * The per-address rate limit is off: every connection comes from 127.0.0.1, and it is the
 * search capacity being measured.
 */
import { startServer } from '../src/serve/server.js';

const db = process.argv[2];
if (db === undefined) throw new Error('usage: search-server.js STORE');
const server = await startServer({ db, host: '127.0.0.1', port: 0, searchesPerMinute: 0 });
process.stdout.write(`${server.url}\n`);
process.stdin.resume();
process.stdin.on('end', () => void server.close().then(() => process.exit(0)));
