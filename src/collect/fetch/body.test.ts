import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import * as zlib from 'node:zlib';
import { bomb, encodeChain, startOrigin, text } from '../../../test/helpers/origin.js';
import type { Origin } from '../../../test/helpers/origin.js';
import { decodeContentEncoding, parseContentEncoding, readBody } from './body.js';
import { FetchError } from './errors.js';
import { createFetcher } from './fetcher.js';

const MiB = 1024 * 1024;
const PAGE = Buffer.from('<!doctype html><p>' + 'News. '.repeat(500) + '</p>');
let origin: Origin;

function fetcher(): ReturnType<typeof createFetcher> {
  return createFetcher({
    allowAddresses: [`127.0.0.1:${origin.port}`],
    timeouts: { connectMs: 1000, headersMs: 2000, bodyMs: 2000, totalMs: 5000 },
    maxBytes: MiB,
  });
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof FetchError, String(error));
    return error.code + (error.detail?.measure ? `:${error.detail.measure}` : '');
  }
  return 'ok';
}

async function fetchCode(path: string): Promise<string> {
  try {
    await fetcher().fetch(origin.url(path));
    return 'ok';
  } catch (error) {
    assert.ok(error instanceof FetchError, String(error));
    return error.code + (error.detail?.measure ? `:${error.detail.measure}` : '');
  }
}

before(async () => {
  origin = await startOrigin({
    '/raw-deflate': text(zlib.deflateRawSync(PAGE), { headers: { 'content-encoding': 'deflate' } }),
    '/empty-gzip': text('', { status: 200, headers: { 'content-encoding': 'gzip' } }),
  });
  // Make the bombs before any memory is measured.
  await Promise.all((['gzip', 'deflate', 'deflate-raw', 'br'] as const).map((coding) => bomb(coding)));
});
after(async () => origin.close());

describe('decompression bombs (F-10)', () => {
  for (const coding of ['gzip', 'deflate', 'deflate-raw', 'br'] as const) {
    it(`${coding}: 256 MiB of zeros stops at the 1 MiB decoded cap, memory bounded`, async () => {
      const rssBefore = process.memoryUsage().rss;
      const started = Date.now();
      assert.equal(await fetchCode(`/bomb?coding=${coding}`), 'FETCH_TOO_LARGE:decoded');
      assert.ok(Date.now() - started < 1500, `took ${Date.now() - started} ms`);
      const grew = process.memoryUsage().rss - rssBefore;
      assert.ok(grew < MiB + 64 * MiB, `RSS grew by ${Math.round(grew / MiB)} MiB`);
    });
  }

  it('stops after a sliver of the compressed input, not at its end', async () => {
    const compressed = await bomb('gzip');
    let fed = 0;
    const source = Readable.from(
      (function* () {
        for (let at = 0; at < compressed.length; at += 1024) {
          fed += 1024;
          yield compressed.subarray(at, at + 1024);
        }
      })(),
    );
    await assert.rejects(readBody(source, { codings: ['gzip'], maxBytes: MiB, truncate: false }), { code: 'FETCH_TOO_LARGE' });
    // 1 MiB of zeros is about 1 KiB of gzip; allow generous stream buffering, far below the 255 KiB file.
    assert.ok(fed < 64 * 1024, `read ${fed} compressed bytes`);
  });
});

describe('encodings (F-10)', () => {
  it('decodes gzip, deflate (zlib and raw), br and two layers', async () => {
    for (const ce of ['gzip', 'deflate', 'br', 'gzip,br', 'br,deflate', 'identity']) {
      const response = await fetcher().fetch(origin.url(`/encoded?ce=${ce}`));
      assert.match(Buffer.from(response.body).toString(), /Hello from the test origin/, ce);
      assert.ok(response.wireBytes > 0);
    }
    const raw = await fetcher().fetch(origin.url('/raw-deflate'));
    assert.deepEqual(Buffer.from(raw.body), PAGE);
    assert.equal((await fetcher().fetch(origin.url('/empty-gzip'))).body.length, 0);
  });

  it('refuses more than two layers, zstd and unknown codings', async () => {
    assert.equal(await fetchCode('/encoded?ce=gzip,gzip,gzip'), 'FETCH_UNSUPPORTED_ENCODING');
    assert.equal(await fetchCode('/encoded?ce=gzip,gzip,gzip,gzip,gzip,gzip'), 'FETCH_UNSUPPORTED_ENCODING');
    assert.equal(await fetchCode('/labelled?ce=zstd'), 'FETCH_UNSUPPORTED_ENCODING');
    assert.equal(await fetchCode('/labelled?ce=x-unknown'), 'FETCH_UNSUPPORTED_ENCODING');
  });

  it('a gzip label on plain bytes, or gzip magic with no real header, is a bad response', async () => {
    assert.equal(await fetchCode('/labelled?ce=gzip'), 'FETCH_BAD_RESPONSE');
    assert.equal(await fetchCode('/labelled?ce=gzip&body=gzip-magic'), 'FETCH_BAD_RESPONSE');
    assert.equal(await fetchCode('/labelled?ce=br'), 'FETCH_BAD_RESPONSE');
  });

  it('a gzip stream cut short, or a one-byte deflate body, is a bad response (no hang)', async () => {
    const cut = zlib.gzipSync(PAGE).subarray(0, 40);
    const limits = { maxBytes: MiB, truncate: false } as const;
    await assert.rejects(readBody(Readable.from([cut]), { ...limits, codings: ['gzip'] }), { code: 'FETCH_BAD_RESPONSE' });
    await assert.rejects(readBody(Readable.from([Buffer.from([0x78])]), { ...limits, codings: ['deflate'] }), { code: 'FETCH_BAD_RESPONSE' });
    const split = zlib.deflateSync(PAGE);
    const chunks = [split.subarray(0, 1), split.subarray(1, 2), split.subarray(2)];
    assert.deepEqual(Buffer.from((await readBody(Readable.from(chunks), { ...limits, codings: ['deflate'] })).body), PAGE);
  });

  it('parses Content-Encoding lists', () => {
    assert.deepEqual(parseContentEncoding(undefined), []);
    assert.deepEqual(parseContentEncoding(' GZIP , identity, br '), ['gzip', 'br']);
    assert.deepEqual(parseContentEncoding('x-gzip'), ['gzip']);
  });
});

describe('decodeContentEncoding (in-memory payloads, same rules)', () => {
  it('decodes every supported coding and chain', () => {
    assert.deepEqual(Buffer.from(decodeContentEncoding(zlib.gzipSync(PAGE), 'gzip', MiB)), PAGE);
    assert.deepEqual(Buffer.from(decodeContentEncoding(zlib.deflateSync(PAGE), 'deflate', MiB)), PAGE);
    assert.deepEqual(Buffer.from(decodeContentEncoding(zlib.deflateRawSync(PAGE), 'deflate', MiB)), PAGE);
    assert.deepEqual(Buffer.from(decodeContentEncoding(zlib.brotliCompressSync(PAGE), 'br', MiB)), PAGE);
    assert.deepEqual(Buffer.from(decodeContentEncoding(encodeChain(PAGE, ['deflate', 'gzip']), 'deflate, gzip', MiB)), PAGE);
    assert.deepEqual(Buffer.from(decodeContentEncoding(PAGE, undefined, MiB)), PAGE);
    assert.equal(decodeContentEncoding(new Uint8Array(0), 'gzip', MiB).length, 0);
  });

  it('caps decoded bytes and reports the same codes', async () => {
    assert.equal(codeOf(() => decodeContentEncoding(zlib.gzipSync(Buffer.alloc(2 * MiB)), 'gzip', MiB)), 'FETCH_TOO_LARGE:decoded');
    assert.equal(codeOf(() => decodeContentEncoding(Buffer.alloc(2 * MiB), 'identity', MiB)), 'FETCH_TOO_LARGE:decoded');
    assert.equal(codeOf(() => decodeContentEncoding(zlib.gzipSync(PAGE).subarray(0, 40), 'gzip', MiB)), 'FETCH_BAD_RESPONSE');
    assert.equal(codeOf(() => decodeContentEncoding(PAGE, 'zstd', MiB)), 'FETCH_UNSUPPORTED_ENCODING');
    assert.equal(codeOf(() => decodeContentEncoding(PAGE, 'gzip, gzip, gzip', MiB)), 'FETCH_UNSUPPORTED_ENCODING');
    const rssBefore = process.memoryUsage().rss;
    const brBomb = await bomb('br');
    assert.equal(codeOf(() => decodeContentEncoding(brBomb, 'br', MiB)), 'FETCH_TOO_LARGE:decoded');
    assert.ok(process.memoryUsage().rss - rssBefore < 96 * MiB);
  });
});
