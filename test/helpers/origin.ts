/**
 * A hostile test origin on 127.0.0.1 (RELIABILITY.md T-3): a route table that tests
 * fill with their own feeds and pages, plus built-in routes that misbehave the ways
 * real servers do (slow, endless, lying about lengths, bombs, broken headers,
 * redirect tricks). Every request is counted, so a test can assert "zero requests".
 * Nothing here ever listens beyond loopback.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import * as zlib from 'node:zlib';

/** A route: gets the request, its parsed URL and the origin (to build links to itself). */
export type Handler = (req: IncomingMessage, res: ServerResponse, ctx: { url: URL; origin: Origin }) => void | Promise<void>;

export interface Origin {
  /** `http://127.0.0.1:<port><path>` (https for a TLS origin). */
  url(path: string): string;
  port: number;
  /** Requests seen for a path: by pathname, or by pathname+query when `path` has a `?`. */
  hits(path: string): number;
  /** Sockets currently open to the origin (a fetch that gave up must leave none behind). */
  connections(): number;
  close(): Promise<void>;
}

interface Init {
  status?: number;
  headers?: Record<string, string>;
}

function respond(res: ServerResponse, body: string | Uint8Array, init: Init = {}): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);
  res.writeHead(init.status ?? 200, { 'content-type': 'text/plain; charset=utf-8', 'content-length': String(bytes.length), ...init.headers });
  res.end(bytes);
}

function sendRedirect(res: ServerResponse, location: string, status: number): void {
  res.writeHead(status, { location, 'content-length': '0' });
  res.end();
}

/** A plain response with a body. */
export function text(body: string | Uint8Array, init: Init = {}): Handler {
  return (_req, res) => respond(res, body, init);
}

/** Writes `bytes` straight to the socket (for responses node:http refuses to produce), then closes unless `hold`. */
export function raw(bytes: string | Uint8Array, options: { hold?: boolean } = {}): Handler {
  return (_req, res) => {
    const socket = res.socket;
    if (!socket) return;
    socket.write(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes);
    if (!options.hold) socket.end();
  };
}

/** A redirect with the given Location (absolute, relative, or any scheme). */
export function redirect(location: string, status = 302): Handler {
  return (_req, res) => sendRedirect(res, location, status);
}

/** A robots.txt of about `totalBytes` whose only Disallow (for `path`) sits at byte `ruleAt`. */
export function bigRobots(totalBytes: number, ruleAt: number, path = '/deep'): string {
  const filler = (n: number): string => `# ${'x'.repeat(76)}\n`.repeat(Math.ceil(n / 80)).slice(0, n);
  const head = 'User-agent: *\nAllow: /\n';
  const rule = `Disallow: ${path}\n`;
  const before = filler(Math.max(0, ruleAt - head.length));
  return head + before + rule + filler(Math.max(0, totalBytes - head.length - before.length - rule.length));
}

const BOMB_BYTES = 256 * 1024 * 1024;
const bombCache = new Map<string, Promise<Buffer>>();

/** 256 MiB of zeros compressed with `coding`, made once per process, streaming (no 256 MiB buffer). */
export function bomb(coding: 'gzip' | 'deflate' | 'deflate-raw' | 'br'): Promise<Buffer> {
  let made = bombCache.get(coding);
  if (made === undefined) {
    const compressor =
      coding === 'gzip'
        ? zlib.createGzip({ level: 9 })
        : coding === 'deflate'
          ? zlib.createDeflate({ level: 9 })
          : coding === 'deflate-raw'
            ? zlib.createDeflateRaw({ level: 9 })
            : zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: BOMB_BYTES } });
    const zeros = Buffer.alloc(1024 * 1024);
    const source = Readable.from((function* () {
      for (let i = 0; i < BOMB_BYTES / zeros.length; i++) yield zeros;
    })());
    const out: Buffer[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _e, done) => (out.push(chunk), done()) });
    made = pipeline(source, compressor, sink).then(() => Buffer.concat(out));
    bombCache.set(coding, made);
  }
  return made;
}

/** `body` compressed by each coding in turn (the order a server applies them). */
export function encodeChain(body: Uint8Array, codings: readonly string[]): Buffer {
  let data = Buffer.from(body);
  for (const coding of codings) {
    if (coding === 'gzip') data = zlib.gzipSync(data);
    else if (coding === 'deflate') data = zlib.deflateSync(data);
    else if (coding === 'br') data = zlib.brotliCompressSync(data);
  }
  return data;
}

/** Streams `chunk` every `everyMs` until the client goes away. */
function drip(res: ServerResponse, chunk: Buffer, everyMs: number): void {
  const timer = setInterval(() => {
    if (res.destroyed || res.writableEnded) return clearInterval(timer);
    res.write(chunk);
  }, everyMs);
  res.on('close', () => clearInterval(timer));
}

/** Writes `chunk` as fast as the client reads, forever. */
function flood(res: ServerResponse, chunk: Buffer): void {
  const pump = (): void => {
    while (!res.destroyed && res.write(chunk)) {
      /* keep writing until the buffer is full */
    }
  };
  res.on('drain', pump);
  pump();
}

const PAGE = '<!doctype html><html><head><title>Test page</title></head><body><p>Hello from the test origin.</p></body></html>';

/**
 * The built-in routes (query parameters in brackets):
 * - pages: `/ok`, `/echo-headers` (request headers as JSON), `/not-modified` (304 for If-None-Match "v1"),
 *   `/status` [code, retry-after], `/delay` [ms];
 * - stalls: `/never`, `/hang-after-headers`, `/trickle` (1 byte / 200 ms), `/endless`, `/drop`;
 * - framing lies: `/cl-short`, `/cl-long`, `/cl-huge` (10 GiB declared), `/chunked-cut`, `/dup-cl`;
 * - header abuse: `/bad-header`, `/huge-header` (100 KB), `/many-headers` (10,000);
 * - encodings: `/bomb` [coding: gzip|deflate|deflate-raw|br], `/encoded` [ce: applied chain],
 *   `/labelled` [ce label, body=gzip-magic];
 * - redirects: `/redirect` [to, status], `/chain` [n hops left], `/loop-self`, `/loop-a`↔`/loop-b`,
 *   `/no-location`, `/refresh` [to, delay].
 * robots.txt variants are passed as a `/robots.txt` route (see `bigRobots`).
 */
function builtInRoutes(): Record<string, Handler> {
  return {
    '/ok': text(PAGE, { headers: { 'content-type': 'text/html; charset=utf-8' } }),
    '/status': (_req, res, { url }) => {
      const headers: Record<string, string> = { 'content-type': 'text/plain' };
      const retryAfter = url.searchParams.get('retry-after');
      if (retryAfter !== null) headers['retry-after'] = retryAfter;
      res.writeHead(Number(url.searchParams.get('code') ?? 200), headers);
      res.end(`status ${url.searchParams.get('code')}`);
    },
    '/delay': (_req, res, { url }) => {
      const timer = setTimeout(() => respond(res, 'late'), Number(url.searchParams.get('ms') ?? 1000));
      res.on('close', () => clearTimeout(timer));
    },
    '/never': () => undefined,
    '/drop': (_req, res) => void res.socket?.destroy(),
    '/hang-after-headers': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': '1000' });
      res.write('<p>');
    },
    '/trickle': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      drip(res, Buffer.from('x'), 200);
    },
    '/endless': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      flood(res, Buffer.alloc(64 * 1024, 0x61));
    },
    '/cl-short': raw(`HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100\r\n\r\n${'a'.repeat(200)}`),
    '/cl-long': raw(`HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n${'a'.repeat(50)}`),
    '/cl-huge': raw('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 10737418240\r\n\r\naaaa', { hold: true }),
    '/chunked-cut': raw('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n'),
    '/dup-cl': raw('HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\nhello!!'),
    '/bad-header': raw('HTTP/1.1 200 OK\r\nX-Bad: a\x00b\r\nContent-Length: 2\r\n\r\nok'),
    '/huge-header': raw(`HTTP/1.1 200 OK\r\nX-Huge: ${'h'.repeat(100 * 1024)}\r\nContent-Length: 2\r\n\r\nok`),
    '/many-headers': raw(`HTTP/1.1 200 OK\r\n${Array.from({ length: 10_000 }, (_, i) => `X-H${i}: v\r\n`).join('')}Content-Length: 2\r\n\r\nok`),
    '/bomb': async (_req, res, { url }) => {
      const kind = (url.searchParams.get('coding') ?? 'gzip') as 'gzip' | 'deflate' | 'deflate-raw' | 'br';
      const body = await bomb(kind);
      const label = kind === 'deflate-raw' ? 'deflate' : kind;
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': label, 'content-length': String(body.length) });
      res.end(body);
    },
    '/encoded': (_req, res, { url }) => {
      const chain = (url.searchParams.get('ce') ?? 'gzip').split(',').map((c) => c.trim());
      const body = encodeChain(Buffer.from(PAGE), chain);
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': chain.join(', '), 'content-length': String(body.length) });
      res.end(body);
    },
    '/labelled': (_req, res, { url }) => {
      // A body under an encoding label it may not match: zstd, x-unknown, gzip on plain bytes.
      const body = url.searchParams.get('body') === 'gzip-magic' ? Buffer.from([0x1f, 0x8b, 0x00, 0x00, 0x41, 0x42]) : Buffer.from(PAGE);
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': url.searchParams.get('ce') ?? 'zstd', 'content-length': String(body.length) });
      res.end(body);
    },
    '/redirect': (_req, res, { url }) => sendRedirect(res, url.searchParams.get('to') ?? '/ok', Number(url.searchParams.get('status') ?? 302)),
    '/chain': (_req, res, { url }) => {
      const left = Number(url.searchParams.get('n') ?? 0);
      if (left <= 0) return respond(res, PAGE, { headers: { 'content-type': 'text/html' } });
      sendRedirect(res, `/chain?n=${left - 1}`, 302);
    },
    '/loop-self': redirect('/loop-self', 301),
    '/loop-a': redirect('/loop-b', 302),
    '/loop-b': redirect('/loop-a', 302),
    '/no-location': text('', { status: 301 }),
    '/refresh': (_req, res, { url }) => {
      res.writeHead(200, { 'content-type': 'text/html', refresh: `${url.searchParams.get('delay') ?? 0}; url=${url.searchParams.get('to') ?? '/ok'}` });
      res.end(PAGE);
    },
    '/echo-headers': (req, res) => {
      const body = JSON.stringify(req.headers);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
      res.end(body);
    },
    '/not-modified': (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { etag: '"v1"' });
        return void res.end();
      }
      res.writeHead(200, { etag: '"v1"', 'content-type': 'text/html' });
      res.end(PAGE);
    },
  };
}

/**
 * Starts an origin on 127.0.0.1 (a free port). `routes` (exact pathnames) override the
 * built-in ones; unknown paths get 404. Pass `tls` (PEM key and certificate) for https.
 */
export async function startOrigin(routes: Record<string, Handler> = {}, options: { tls?: { key: string; cert: string } } = {}): Promise<Origin> {
  const table = { ...builtInRoutes(), ...routes };
  const counts = new Map<string, number>();
  const count = (key: string): void => void counts.set(key, (counts.get(key) ?? 0) + 1);
  const scheme = options.tls ? 'https' : 'http';
  const self: { origin?: Origin } = {};
  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    count(url.pathname);
    if (url.search !== '') count(url.pathname + url.search);
    const handler = table[url.pathname] ?? text('not found', { status: 404 });
    Promise.resolve(handler(req, res, { url, origin: self.origin as Origin })).catch(() => res.destroy());
  };
  const server: Server = options.tls ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, listener) : createHttpServer(listener);
  server.on('clientError', (_error, socket) => socket.destroy());
  const open = new Set<Socket>();
  server.on(options.tls ? 'secureConnection' : 'connection', (socket: Socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const origin: Origin = {
    url: (path) => `${scheme}://127.0.0.1:${port}${path}`,
    port,
    hits: (path) => counts.get(path) ?? 0,
    connections: () => open.size,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  self.origin = origin;
  return origin;
}

/** PEM material for TLS tests, all for the name `origin.test`. */
export interface TestCertificates {
  ca: string;
  valid: { key: string; cert: string };
  expired: { key: string; cert: string };
  selfSigned: { key: string; cert: string };
}

/**
 * Makes a throwaway CA and leaf certificates with the `openssl` command. Returns
 * undefined (the caller skips with a message) when openssl is not available.
 */
export function makeTestCertificates(): TestCertificates | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-tls-'));
  const run = (args: string[]): void => void execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const read = (name: string): string => readFileSync(join(dir, name), 'utf8');
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  try {
    writeFileSync(join(dir, 'index.txt'), '');
    writeFileSync(join(dir, 'serial'), '01\n');
    writeFileSync(
      join(dir, 'ca.cnf'),
      '[ca]\ndefault_ca = d\n[d]\ndir = .\ndatabase = ./index.txt\nnew_certs_dir = .\nserial = ./serial\ndefault_md = sha256\npolicy = p\ncopy_extensions = copy\nunique_subject = no\n[p]\ncommonName = supplied\n',
    );
    run(['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=Dateline Test CA']);
    run(['req', ...ec, '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=origin.test', '-addext', 'subjectAltName=DNS:origin.test']);
    const sign = (out: string, dates: string[]): void =>
      run(['ca', '-batch', '-config', 'ca.cnf', '-cert', 'ca.pem', '-keyfile', 'ca.key', '-in', 'leaf.csr', '-out', out, '-notext', ...dates]);
    sign('valid.pem', ['-days', '2']);
    sign('expired.pem', ['-startdate', '20200101000000Z', '-enddate', '20200102000000Z']);
    run(['req', '-x509', ...ec, '-keyout', 'self.key', '-out', 'self.pem', '-days', '2', '-subj', '/CN=origin.test', '-addext', 'subjectAltName=DNS:origin.test']);
    return {
      ca: read('ca.pem'),
      valid: { key: read('leaf.key'), cert: read('valid.pem') },
      expired: { key: read('leaf.key'), cert: read('expired.pem') },
      selfSigned: { key: read('self.key'), cert: read('self.pem') },
    };
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
