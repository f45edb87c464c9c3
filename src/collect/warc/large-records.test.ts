import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFile, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gzipZeroBomb, readAll, resource, response, warcinfo, WarcWriter, withTempDir, writeWarc } from '../../../test/helpers/warc.js';
import { readWarc, readWarcRecordAt } from './index.js';
import type { ReadWarcOptions, WarcRecord } from './index.js';

const GiB = 1024 * 1024 * 1024;

/** Reads every record while sampling memory; returns the records and the peak growth in bytes. */
async function readWatchingMemory(path: string, options?: ReadWarcOptions): Promise<{ records: WarcRecord[]; growth: number }> {
  const used = (): number => {
    const { rss, arrayBuffers } = process.memoryUsage();
    return Math.max(rss, arrayBuffers);
  };
  const before = used();
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, used())), 2);
  const records: WarcRecord[] = [];
  try {
    for await (const record of readWarc(path, options)) {
      peak = Math.max(peak, used());
      records.push(record);
    }
  } finally {
    clearInterval(timer);
  }
  return { records, growth: peak - before };
}

describe('X-7 gzip bombs', () => {
  it('a member inflating to 1 GiB of zeros is skipped at the cap, with memory growth well under 100 MB', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'bomb.warc.gz');
      const writer = WarcWriter.create(path, 'per-record');
      await writer.write(warcinfo());
      const bomb = await writer.writeRaw(gzipZeroBomb(GiB));
      await writer.write(resource('http://a.test/after', 'text/plain', 'still here'));
      await writer.close();
      assert.ok(bomb.length < 2_000_000);

      const { records, growth } = await readWatchingMemory(path, { wantPayload: () => true });
      assert.ok(growth < 100_000_000, `memory grew by ${Math.round(growth / 1e6)} MB`);
      assert.deepEqual(records.map((record) => record.type), ['warcinfo', 'resource', 'resource']);
      assert.equal(records[1]?.blockLength, GiB);
      assert.equal(records[1]?.payloadTooLarge, true);
      assert.equal(records[1]?.payload, undefined);
      assert.deepEqual([records[1]?.offset, records[1]?.length], [bomb.offset, bomb.length]);
      assert.equal(Buffer.from(records[2]?.payload ?? []).toString(), 'still here');
    }));

  it('a member of nothing but zeros → WARC_INVALID at once, without inflating the rest', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'zeros.warc.gz');
      const writer = WarcWriter.create(path);
      await writer.writeRaw(gzipZeroBomb(GiB, { bare: true }));
      await writer.close();
      const started = performance.now();
      const { records, error } = await readAll(path);
      assert.ok(performance.now() - started < 1000);
      assert.deepEqual(records, []);
      assert.equal(error?.code, 'WARC_INVALID');
      assert.match(error?.message ?? '', /^Not a WARC file/);
    }));
});

describe('records too big for one synchronous inflate', () => {
  const big = randomBytes(6 * 1024 * 1024);
  const records = [
    warcinfo(),
    response('http://a.test/big', { headers: [['Content-Type', 'application/octet-stream']], body: big }),
    response('http://a.test/big-chunked', { body: big, chunkSize: 1 << 20 }),
    resource('http://a.test/after', 'text/plain', 'after'),
  ];

  it('streams them: payloads intact, offsets seekable', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'big.warc.gz');
      const written = await writeWarc(path, records, 'per-record');
      const { records: read, error } = await readAll(path, { maxPayloadBytes: 8 * 1024 * 1024 });
      assert.equal(error, undefined);
      assert.deepEqual(read.map(({ offset, length }) => ({ offset, length })), written);
      assert.ok(Buffer.from(read[1]?.payload ?? []).equals(big));
      assert.ok(Buffer.from(read[2]?.payload ?? []).equals(big));
      assert.deepEqual(await readWarcRecordAt(path, read[3]?.offset ?? -1), read[3]);
      assert.deepEqual((await readAll(path, { startOffset: read[2]?.offset ?? -1 })).records.map((record) => record.targetUri), ['http://a.test/big-chunked', 'http://a.test/after']);
    }));

  it('skips them under the default cap without holding them', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'big.warc.gz');
      await writeWarc(path, records, 'per-record');
      const { records: read, growth } = await readWatchingMemory(path, { maxPayloadBytes: 1024 * 1024 });
      assert.deepEqual(read.map((record) => record.payloadTooLarge), [undefined, true, true, undefined]);
      assert.ok(growth < 100_000_000, `memory grew by ${Math.round(growth / 1e6)} MB`);
    }));

  it('cut inside a big member → WARC_TRUNCATED at that member', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'big.warc.gz');
      const written = await writeWarc(path, records, 'per-record');
      const second = written[1];
      assert.ok(second);
      await truncate(path, second.offset + Math.floor(second.length / 2));
      const { records: read, error } = await readAll(path);
      assert.equal(read.length, 1);
      assert.equal(error?.code, 'WARC_TRUNCATED');
      assert.equal(error?.offset, second.offset);
      assert.equal((await readFile(path)).length, second.offset + Math.floor(second.length / 2));
    }));
});
