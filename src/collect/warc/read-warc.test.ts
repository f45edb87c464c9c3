import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { join } from 'node:path';
import {
  metadata,
  readAll,
  request,
  resource,
  response,
  revisit,
  warcinfo,
  withTempDir,
  writeWarc,
} from '../../../test/helpers/warc.js';
import type { WarcCompression, WarcRecordSpec } from '../../../test/helpers/warc.js';
import { readWarc, readWarcRecordAt } from './index.js';
import type { WarcRecord } from './index.js';

const HTML = '<!DOCTYPE html><html><head><title>Story</title></head><body><p>Élan vital – ünïcode body.</p></body></html>';
const BODY = 'A chunked body, delivered in small pieces so the framing is exercised. '.repeat(20);

/** One of every kind of record, and the HTTP oddities servers produce. */
function sampleRecords(): WarcRecordSpec[] {
  return [
    warcinfo(),
    request('http://news.test/story'),
    response('http://news.test/story', { headers: [['Content-Type', 'text/html; charset=utf-8'], ['Content-Length', String(Buffer.byteLength(HTML))]], body: HTML }),
    metadata('http://news.test/story', 'outlink: http://news.test/other\r\n'),
    response('http://news.test/chunked', { headers: [['Content-Type', 'text/plain']], body: BODY, chunkSize: 37 }),
    response('http://news.test/old', {
      version: 'HTTP/1.0',
      status: 404,
      reason: null,
      lineEnd: '\n',
      headers: [['Content-Type', 'text/html'], ['X-Folded', 'first part']],
      rawHeadLines: ['\t second part', 'not a header line'],
      body: 'gone',
    }),
    resource('http://news.test/feed.xml', 'application/rss+xml', '<rss></rss>', { targetUri: '<http://news.test/feed.xml>' }),
    revisit('http://news.test/story', '<urn:uuid:00000000-0000-0000-0000-000000000001>', { status: 200, headers: [['Content-Type', 'text/html']] }),
    response('http://news.test/cut', { headers: [['Content-Type', 'text/html']], body: '<p>only the first half of the pa' }, { headers: [['WARC-Truncated', 'length']] }),
    response('http://news.test/cut-chunked', { body: 'x'.repeat(100), chunkSize: 64 }, { headers: [['WARC-Truncated', 'disconnect']] }),
  ];
}

/** Cuts the recorded chunked body of the last sample mid-chunk, as a disconnect would. */
function withCutChunkedBody(records: WarcRecordSpec[]): WarcRecordSpec[] {
  const last = records[records.length - 1];
  assert.ok(last?.block instanceof Uint8Array);
  return [...records.slice(0, -1), { ...last, block: last.block.subarray(0, last.block.length - 40) }];
}

const text = (bytes: Uint8Array | undefined): string | undefined => (bytes ? Buffer.from(bytes).toString('utf8') : undefined);

for (const compression of ['none', 'per-record', 'whole-file'] as const satisfies readonly WarcCompression[]) {
  describe(`readWarc over a ${compression} file`, () => {
    const withSample = <T>(body: (path: string, written: { offset: number; length: number }[]) => Promise<T>): Promise<T> =>
      withTempDir(async (dir) => {
        const path = join(dir, compression === 'none' ? 'sample.warc' : 'sample.warc.gz');
        return body(path, await writeWarc(path, withCutChunkedBody(sampleRecords()), compression));
      });

    it('yields every record in order, at the offsets it was written to', () =>
      withSample(async (path, written) => {
        const { records, error } = await readAll(path);
        assert.equal(error, undefined);
        assert.deepEqual(
          records.map((record) => record.type),
          ['warcinfo', 'request', 'response', 'metadata', 'response', 'response', 'resource', 'revisit', 'response', 'response'],
        );
        assert.deepEqual(records.map(({ offset, length }) => ({ offset, length })), written);
        for (const record of records) {
          assert.match(record.recordId ?? '', /^<urn:uuid:[0-9a-f-]{36}>$/);
          assert.equal(record.date, '2024-05-01T12:00:00Z');
          assert.equal(record.headers[0]?.[0], 'warc-type');
        }
      }));

    it('splits HTTP responses into status, headers and payload', () =>
      withSample(async (path) => {
        const { records } = await readAll(path);
        const story = records[2];
        assert.equal(story?.targetUri, 'http://news.test/story');
        assert.equal(story?.http?.status, 200);
        assert.deepEqual(story?.http?.headers[0], ['content-type', 'text/html; charset=utf-8']);
        assert.equal(text(story?.payload), HTML);
        assert.equal(story?.blockLength, Buffer.byteLength(HTML) + Buffer.byteLength(`HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(HTML)}\r\n\r\n`));
      }));

    it('undoes chunked transfer coding', () =>
      withSample(async (path) => {
        const chunkedRecord = (await readAll(path)).records[4];
        assert.equal(text(chunkedRecord?.payload), BODY);
        assert.deepEqual(chunkedRecord?.http?.headers.find(([name]) => name === 'transfer-encoding'), ['transfer-encoding', 'chunked']);
      }));

    it('reads HTTP/1.0 without a reason phrase, with bare LF line ends and obs-fold', () =>
      withSample(async (path) => {
        const old = (await readAll(path)).records[5];
        assert.equal(old?.http?.status, 404);
        assert.deepEqual(old?.http?.headers, [
          ['content-type', 'text/html'],
          ['x-folded', 'first part second part'],
        ]);
        assert.equal(text(old?.payload), 'gone');
      }));

    it('gives resources their block, strips <> from the target URI, and keeps revisits payload-free', () =>
      withSample(async (path) => {
        const { records } = await readAll(path);
        assert.equal(records[6]?.targetUri, 'http://news.test/feed.xml');
        assert.equal(text(records[6]?.payload), '<rss></rss>');
        const visit = records[7];
        assert.equal(visit?.type, 'revisit');
        assert.equal(visit?.refersTo, '<urn:uuid:00000000-0000-0000-0000-000000000001>');
        assert.equal(visit?.http?.status, 200);
        assert.equal(visit?.payload, undefined);
        assert.equal(visit?.payloadTooLarge, undefined);
      }));

    it('returns truncated records with what was recorded of their payload', () =>
      withSample(async (path) => {
        const { records } = await readAll(path);
        assert.equal(records[8]?.truncated, 'length');
        assert.equal(text(records[8]?.payload), '<p>only the first half of the pa');
        assert.equal(records[9]?.truncated, 'disconnect');
        assert.equal(text(records[9]?.payload), 'x'.repeat(64 + 3));
      }));

    it('buffers no payload for request, metadata and warcinfo records unless asked', () =>
      withSample(async (path) => {
        const plain = (await readAll(path)).records;
        for (const index of [0, 1, 3]) assert.equal(plain[index]?.payload, undefined);
        const all = (await readAll(path, { wantPayload: () => true })).records;
        assert.match(text(all[0]?.payload) ?? '', /^software: dateline-test-writer\r\n/);
        assert.match(text(all[1]?.payload) ?? '', /^GET \/story HTTP\/1\.1\r\nHost: news\.test\r\n/);
        assert.equal(text(all[3]?.payload), 'outlink: http://news.test/other\r\n');
      }));

    it('asks wantPayload with the HTTP head, and skips the payloads it declines', () =>
      withSample(async (path) => {
        const asked: string[] = [];
        const { records } = await readAll(path, {
          wantPayload: (record) => {
            asked.push(`${record.type}:${record.http?.status ?? '-'}`);
            return record.http?.status === 404;
          },
        });
        assert.deepEqual(asked, ['warcinfo:-', 'request:-', 'response:200', 'metadata:-', 'response:200', 'response:404', 'resource:-', 'response:200', 'response:200']);
        assert.deepEqual(
          records.filter((record) => record.payload !== undefined).map((record) => record.targetUri),
          ['http://news.test/old'],
        );
      }));

    it('does not buffer payloads over maxPayloadBytes, plain or chunked', () =>
      withSample(async (path) => {
        const { records } = await readAll(path, { maxPayloadBytes: 100 });
        assert.equal(records[2]?.payload, undefined);
        assert.equal(records[2]?.payloadTooLarge, true);
        assert.equal(records[4]?.payload, undefined);
        assert.equal(records[4]?.payloadTooLarge, true);
        assert.equal(text(records[5]?.payload), 'gone');
        assert.equal(records[5]?.payloadTooLarge, undefined);
      }));

    it('resumes from any record boundary with exactly the remaining records', () =>
      withSample(async (path) => {
        const all = (await readAll(path)).records;
        for (const [index, record] of all.entries()) {
          const { records, error } = await readAll(path, { startOffset: record.offset });
          assert.equal(error, undefined);
          assert.deepEqual(records, all.slice(index));
        }
        const last = all[all.length - 1];
        assert.ok(last);
        assert.deepEqual((await readAll(path, { startOffset: last.offset + last.length })).records, []);
      }));

    it('re-reads each record by its offset', () =>
      withSample(async (path) => {
        for (const record of (await readAll(path)).records) assert.deepEqual(await readWarcRecordAt(path, record.offset), record);
      }));

    it('stops cleanly when the consumer stops early', () =>
      withSample(async (path) => {
        const seen: WarcRecord[] = [];
        for await (const record of readWarc(path)) {
          seen.push(record);
          if (seen.length === 3) break;
        }
        assert.equal(seen.length, 3);
      }));
  });
}

describe('HTTP blocks out of the ordinary', () => {
  it('passes over an interim 100 Continue recorded before the response', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'a.warc');
      const block = Buffer.concat([Buffer.from('HTTP/1.1 100 Continue\r\n\r\n'), Buffer.from('HTTP/1.1 201 Created\r\nContent-Type: text/plain\r\n\r\ndone')]);
      await writeWarc(path, [{ type: 'response', targetUri: 'http://a.test/', contentType: 'application/http;msgtype=response', block }]);
      const [record] = (await readAll(path)).records;
      assert.equal(record?.http?.status, 201);
      assert.equal(text(record?.payload), 'done');
    }));

  it('reads a response without a Content-Type as HTTP, as old writers recorded them', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'a.warc');
      await writeWarc(path, [{ type: 'response', targetUri: 'http://a.test/', block: 'HTTP/1.1 200 OK\r\n\r\nbody' }]);
      const [record] = (await readAll(path)).records;
      assert.equal(record?.http?.status, 200);
      assert.equal(text(record?.payload), 'body');
    }));
});

describe('readWarc options', () => {
  it('refuses a negative or fractional startOffset and maxPayloadBytes', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'a.warc');
      await writeWarc(path, [warcinfo()]);
      await assert.rejects(readAll(path, { startOffset: -1 }), RangeError);
      await assert.rejects(readAll(path, { startOffset: 1.5 }), RangeError);
      await assert.rejects(readAll(path, { maxPayloadBytes: -1 }), RangeError);
    }));
});
