import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { appendFile, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { deflateRawSync, gzipSync } from 'node:zlib';
import { readAll, resource, response, warcinfo, warcRecordBytes, withTempDir, writeWarc } from '../../../test/helpers/warc.js';
import type { WarcCompression, WarcRecordSpec } from '../../../test/helpers/warc.js';
import { readWarcRecordAt } from './index.js';

/** Four records, the last one 20 KB of incompressible bytes, so a cut near the end lands inside it. */
function fourRecords(): WarcRecordSpec[] {
  return [
    warcinfo(),
    response('http://a.test/1', { body: '<p>one</p>' }),
    response('http://a.test/2', { body: '<p>two</p>'.repeat(500) }),
    resource('http://a.test/blob', 'application/octet-stream', randomBytes(20_000)),
  ];
}

describe('X-7 files cut short', () => {
  const cases: [WarcCompression, string, (size: number, last: { offset: number; length: number }) => number][] = [
    ['none', 'in the middle of the last record', (_size, last) => last.offset + Math.floor(last.length / 2)],
    ['none', 'inside the head of the last record', (_size, last) => last.offset + 30],
    ['per-record', 'in the middle of the last gzip member', (_size, last) => last.offset + Math.floor(last.length / 2)],
    ['per-record', 'inside the last member’s trailer', (size) => size - 3],
    ['per-record', 'inside the last member’s header', (_size, last) => last.offset + 4],
    ['whole-file', 'inside the last record of a single gzip stream', (size) => size - 10_000],
  ];
  for (const [compression, where, cutAt] of cases) {
    it(`${compression}: cut ${where} → every complete record, then WARC_TRUNCATED at the incomplete one`, () =>
      withTempDir(async (dir) => {
        const path = join(dir, 'cut.warc');
        const written = await writeWarc(path, fourRecords(), compression);
        const complete = (await readAll(path)).records;
        const last = written[3];
        assert.ok(last);
        const { size } = await stat(path);
        await truncate(path, cutAt(size, last));
        const { records, error } = await readAll(path);
        assert.deepEqual(records, complete.slice(0, 3));
        assert.equal(error?.code, 'WARC_TRUNCATED');
        assert.equal(error?.offset, last.offset);
        assert.match(error?.message ?? '', /cut short/);
      }));
  }

  it('per-record: the start of a new member after the last complete one → WARC_TRUNCATED at that member', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'cut.warc.gz');
      const written = await writeWarc(path, fourRecords(), 'per-record');
      const end = (written[3]?.offset ?? 0) + (written[3]?.length ?? 0);
      await appendFile(path, gzipSync(warcRecordBytes(warcinfo())).subarray(0, 30));
      const { records, error } = await readAll(path);
      assert.equal(records.length, 4);
      assert.equal(error?.code, 'WARC_TRUNCATED');
      assert.equal(error?.offset, end);
    }));

  it('plain: a file missing only the closing blank lines of its last record still yields it', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'nearly.warc');
      const written = await writeWarc(path, fourRecords());
      const last = written[3];
      assert.ok(last);
      await truncate(path, last.offset + last.length - 4);
      const { records, error } = await readAll(path);
      assert.equal(error, undefined);
      assert.equal(records.length, 4);
    }));

  for (const compression of ['none', 'per-record', 'whole-file'] as const) {
    it(`${compression}: X-8 resuming at the error's offset once the file is whole loses and repeats nothing`, () =>
      withTempDir(async (dir) => {
        const whole = join(dir, 'whole.warc');
        const cut = join(dir, 'cut.warc');
        await writeWarc(whole, fourRecords(), compression);
        const bytes = await readFile(whole);
        await writeFile(cut, bytes.subarray(0, bytes.length - 10_000));
        const first = await readAll(cut);
        assert.ok(first.error);
        const rest = await readAll(whole, { startOffset: first.error.offset });
        assert.equal(rest.error, undefined);
        assert.deepEqual([...first.records, ...rest.records], (await readAll(whole)).records);
      }));
  }

  for (const compression of ['none', 'per-record'] as const) {
    it(`${compression}: a record declaring a 10 GB Content-Length in a small file → WARC_TRUNCATED, nothing allocated for it`, () =>
      withTempDir(async (dir) => {
        const path = join(dir, 'liar.warc');
        const written = await writeWarc(path, [warcinfo(), resource('http://a.test/huge', 'text/html', '<p>tiny</p>', { declaredLength: 10_000_000_000 })], compression);
        const before = process.memoryUsage().arrayBuffers;
        const { records, error } = await readAll(path, { maxPayloadBytes: Number.MAX_SAFE_INTEGER });
        assert.ok(process.memoryUsage().arrayBuffers - before < 50_000_000);
        assert.equal(records.length, 1);
        assert.equal(error?.code, 'WARC_TRUNCATED');
        assert.equal(error?.offset, written[1]?.offset);
      }));
  }
});

describe('X-7 files that are not WARC', () => {
  const html = `<!DOCTYPE html><html><body>${'<p>not an archive</p>'.repeat(1_000_000)}</body></html>`;
  const cases: [string, Buffer | string, RegExp][] = [
    ['an empty file', '', /empty/],
    ['a file of blank lines', '\r\n\r\n\n', /empty/],
    ['a PNG', Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), randomBytes(2000)]), /PNG image/],
    ['a 20 MB HTML page', html, /HTML or XML/],
    ['random bytes', randomBytes(100_000), /Not a WARC file/],
    ['a gzipped HTML page', gzipSync(html), /HTML or XML/],
    ['a ZIP archive', Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), randomBytes(500)]), /ZIP archive/],
  ];
  for (const [what, content, message] of cases) {
    it(`${what} → WARC_INVALID at once, with a message that says what it is`, () =>
      withTempDir(async (dir) => {
        const path = join(dir, 'input.warc');
        await writeFile(path, content);
        const started = performance.now();
        const { records, error } = await readAll(path);
        assert.ok(performance.now() - started < 1000);
        assert.deepEqual(records, []);
        assert.equal(error?.code, 'WARC_INVALID');
        assert.equal(error?.offset, 0);
        assert.match(error?.message ?? '', /^Not a WARC file/);
        assert.match(error?.message ?? '', message);
      }));
  }
});

describe('X-7 malformed records', () => {
  const head = (lines: string[]): string => `WARC/1.0\r\n${lines.join('\r\n')}\r\n\r\n`;
  const cases: [string, string, RegExp][] = [
    ['a header line without a colon', head(['WARC-Type: resource', 'oops', 'Content-Length: 0']), /header line without a name/],
    ['no Content-Length', head(['WARC-Type: resource']), /no Content-Length/],
    ['a Content-Length that is not a number', head(['WARC-Type: resource', 'Content-Length: 12abc']), /not a byte count/],
    ['a malformed version line', 'WARC/one\r\nContent-Length: 0\r\n\r\n', /version line/],
    ['a header over 256 KiB', head(['WARC-Type: resource', `X-Long: ${'a'.repeat(300 * 1024)}`, 'Content-Length: 0']), /longer than 256 KiB/],
  ];
  for (const [what, bad, message] of cases) {
    it(`${what} after a good record → the good one, then WARC_INVALID at the bad one`, () =>
      withTempDir(async (dir) => {
        const path = join(dir, 'bad.warc');
        const good = warcRecordBytes(warcinfo());
        await writeFile(path, Buffer.concat([good, Buffer.from(bad)]));
        const { records, error } = await readAll(path);
        assert.equal(records.length, 1);
        assert.equal(error?.code, 'WARC_INVALID');
        assert.equal(error?.offset, good.length);
        assert.match(error?.message ?? '', message);
      }));
  }

  it('a startOffset that is not a record boundary → WARC_INVALID naming the offset', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'a.warc');
      await writeWarc(path, fourRecords());
      const { error } = await readAll(path, { startOffset: 7 });
      assert.equal(error?.code, 'WARC_INVALID');
      assert.match(error?.message ?? '', /No WARC record starts at byte 7/);
      await assert.rejects(readWarcRecordAt(path, 1e9), { code: 'WARC_INVALID', message: /past the end/ });
    }));

  it('a response whose block is not HTTP after all → no http, no payload, the next record still read', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'a.warc');
      await writeWarc(path, [
        { type: 'response', targetUri: 'http://a.test/', contentType: 'application/http; msgtype=response', block: 'garbage, not a status line\r\n\r\nbody' },
        { type: 'response', targetUri: 'dns:a.test', contentType: 'text/dns', block: '20240501120000\na.test. 300 IN A 192.0.2.1\n' },
        warcinfo(),
      ]);
      const { records, error } = await readAll(path);
      assert.equal(error, undefined);
      assert.equal(records[0]?.http, undefined);
      assert.equal(records[0]?.payload, undefined);
      assert.equal(records[1]?.http, undefined);
      assert.match(Buffer.from(records[1]?.payload ?? []).toString(), /IN A 192\.0\.2\.1/);
      assert.equal(records[2]?.type, 'warcinfo');
    }));
});

describe('X-7 gzip members out of the ordinary', () => {
  it('a corrupt checksum → the records before, then WARC_INVALID at the corrupt member', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'a.warc.gz');
      const written = await writeWarc(path, fourRecords(), 'per-record');
      const bytes = await readFile(path);
      const second = written[1];
      assert.ok(second);
      const crcAt = second.offset + second.length - 6;
      bytes[crcAt] = (bytes[crcAt] ?? 0) ^ 0xff;
      await writeFile(path, bytes);
      const { records, error } = await readAll(path);
      assert.equal(records.length, 1);
      assert.equal(error?.code, 'WARC_INVALID');
      assert.equal(error?.offset, second.offset);
      assert.match(error?.message ?? '', /checksum/);
    }));

  it('data that is not a gzip member between members → WARC_INVALID there', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'a.warc.gz');
      const written = await writeWarc(path, fourRecords(), 'per-record');
      const bytes = await readFile(path);
      const third = written[2];
      assert.ok(third);
      bytes[third.offset] = 0x00;
      await writeFile(path, bytes);
      const { records, error } = await readAll(path);
      assert.equal(records.length, 2);
      assert.equal(error?.code, 'WARC_INVALID');
      assert.equal(error?.offset, third.offset);
      assert.match(error?.message ?? '', /Expected a gzip member/);
    }));

  it('reads members with every optional header field (extra, name, comment, header CRC)', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'a.warc.gz');
      const members = [warcinfo(), resource('http://a.test/r', 'text/plain', 'hello')].map((spec) => fullHeaderMember(warcRecordBytes(spec)));
      await writeFile(path, Buffer.concat(members));
      const { records, error } = await readAll(path);
      assert.equal(error, undefined);
      assert.deepEqual(records.map(({ offset, length }) => [offset, length]), [[0, members[0]?.length], [members[0]?.length, members[1]?.length]]);
      assert.equal(Buffer.from(records[1]?.payload ?? []).toString(), 'hello');
    }));

  it('a record split over two members, and a member of blank lines, keep offsets seekable', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'a.warc.gz');
      const split = warcRecordBytes(resource('http://a.test/split', 'text/plain', 'split across members'));
      const members = [gzipSync(warcRecordBytes(warcinfo())), gzipSync(split.subarray(0, 100)), gzipSync(split.subarray(100)), gzipSync('\r\n\r\n'), gzipSync(warcRecordBytes(warcinfo()))];
      await writeFile(path, Buffer.concat(members));
      const { records, error } = await readAll(path);
      assert.equal(error, undefined);
      const lengths = members.map((member) => member.length);
      assert.deepEqual(records.map(({ offset, length }) => [offset, length]), [
        [0, lengths[0]],
        [lengths[0], (lengths[1] ?? 0) + (lengths[2] ?? 0) + (lengths[3] ?? 0)],
        [(lengths[0] ?? 0) + (lengths[1] ?? 0) + (lengths[2] ?? 0) + (lengths[3] ?? 0), lengths[4]],
      ]);
      assert.equal(Buffer.from(records[1]?.payload ?? []).toString(), 'split across members');
      assert.deepEqual(await readWarcRecordAt(path, records[1]?.offset ?? -1), records[1]);
    }));

  it('one-record members followed by a many-record member → WARC_INVALID there (offsets could not be trusted)', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'mixed.warc.gz');
      const single = [warcinfo(), resource('http://a.test/1', 'text/plain', 'one')].map((spec) => gzipSync(warcRecordBytes(spec)));
      const several = gzipSync(Buffer.concat([resource('http://a.test/2', 'text/plain', 'two'), resource('http://a.test/3', 'text/plain', 'three')].map(warcRecordBytes)));
      await writeFile(path, Buffer.concat([...single, several]));
      const { records, error } = await readAll(path);
      assert.equal(records.length, 2);
      assert.equal(error?.code, 'WARC_INVALID');
      assert.equal(error?.offset, (single[0]?.length ?? 0) + (single[1]?.length ?? 0));
      assert.match(error?.message ?? '', /one gzip member per record/);
    }));
});

/** A gzip member carrying FEXTRA, FNAME, FCOMMENT and FHCRC, as some tools write. */
function fullHeaderMember(data: Buffer): Buffer {
  const fixed = Buffer.from([0x1f, 0x8b, 8, 0x02 | 0x04 | 0x08 | 0x10, 0, 0, 0, 0, 0, 3]);
  const extra = Buffer.from([4, 0, 0x41, 0x42, 2, 0, 0x78, 0x79]);
  extra.writeUInt16LE(6, 0);
  const header = Buffer.concat([fixed, extra, Buffer.from('record.warc\0comment\0', 'latin1'), Buffer.from([0x12, 0x34])]);
  const trailer = gzipSync(data).subarray(-8);
  return Buffer.concat([header, deflateRawSync(data), trailer]);
}
