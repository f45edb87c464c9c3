import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { DatelineError } from '../src/doc/errors.js';
import { expandInputs, loadInput, type InputRef } from '../src/io/inputs.js';
import { tempDir } from './helpers/cli.js';

let dir: string;
let cleanup: () => void;

before(() => {
  ({ dir, cleanup } = tempDir('dateline-io-'));
  mkdirSync(join(dir, 'pages', 'b'), { recursive: true });
  mkdirSync(join(dir, 'pages', 'a'), { recursive: true });
  writeFileSync(join(dir, 'pages', 'b', '2.html'), '<p>two</p>');
  writeFileSync(join(dir, 'pages', 'a', '1.txt'), 'one');
  writeFileSync(join(dir, 'pages', 'a', '10.TXT.GZ'), gzipSync('ten'));
  writeFileSync(join(dir, 'pages', 'a', 'skip.json'), '{}');
  symlinkSync(join(dir, 'pages'), join(dir, 'pages', 'b', 'loop'));
  writeFileSync(join(dir, 'secretly-gzip.dat'), gzipSync('<p>hello</p>'));
  writeFileSync(join(dir, 'plain.html.gz'), '<p>not actually gzip</p>');
  writeFileSync(join(dir, 'big.html'), Buffer.alloc(2048, 0x61));
  writeFileSync(join(dir, 'empty.gz'), gzipSync(''));
});
after(() => cleanup());

const file = (path: string): InputRef => ({ kind: 'file', path });

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => error instanceof DatelineError && error.code === code && !error.message.includes('\n'));
}

describe('io: expandInputs', () => {
  it('keeps argument order, expands directories depth-first in sorted order, survives symlink loops', async () => {
    const refs = await expandInputs([join(dir, 'big.html'), join(dir, 'pages'), '-', join(dir, 'missing')]);
    assert.deepEqual(
      refs.map((r) => [r.kind, r.path]),
      [
        ['file', join(dir, 'big.html')],
        ['file', join(dir, 'pages', 'a', '1.txt')],
        ['file', join(dir, 'pages', 'a', '10.TXT.GZ')],
        ['file', join(dir, 'pages', 'b', '2.html')],
        ['stdin', '-'],
        ['error', join(dir, 'missing')],
      ],
    );
    const missing = refs[5];
    assert.ok(missing?.kind === 'error' && missing.error.code === 'INPUT_NOT_FOUND');
  });
});

describe('io: loadInput', () => {
  it('gunzips by magic bytes whatever the name; a .gz name on plain bytes is read as is', async () => {
    const a = await loadInput(file(join(dir, 'secretly-gzip.dat')));
    assert.equal(Buffer.from(a.bytes).toString(), '<p>hello</p>');
    assert.equal(a.gzipped, true);
    const b = await loadInput(file(join(dir, 'plain.html.gz')));
    assert.equal(Buffer.from(b.bytes).toString(), '<p>not actually gzip</p>');
    assert.equal(b.gzipped, false);
  });

  it('caps the size of files, of gunzipped data, of streams and of devices', async () => {
    await rejectsWith(loadInput(file(join(dir, 'big.html')), { maxBytes: 1024 }), 'INPUT_TOO_LARGE');
    await rejectsWith(loadInput(file(join(dir, 'pages', 'a', '10.TXT.GZ')), { maxBytes: 2 }), 'INPUT_TOO_LARGE');
    await rejectsWith(loadInput({ kind: 'stdin', path: '-' }, { maxBytes: 1024 }, Readable.from([Buffer.alloc(1000), Buffer.alloc(1000)])), 'INPUT_TOO_LARGE');
    await rejectsWith(loadInput(file('/dev/zero'), { maxBytes: 1 << 20 }), 'INPUT_TOO_LARGE');
  });

  it('reads standard input', async () => {
    const loaded = await loadInput({ kind: 'stdin', path: '-' }, {}, Readable.from([Buffer.from('<p>a'), Buffer.from('b</p>')]));
    assert.equal(Buffer.from(loaded.bytes).toString(), '<p>ab</p>');
    assert.equal(loaded.path, '-');
  });

  it('empty input, before or after gunzip, is INPUT_EMPTY; a directory is refused', async () => {
    await rejectsWith(loadInput({ kind: 'stdin', path: '-' }, {}, Readable.from([])), 'INPUT_EMPTY');
    await rejectsWith(loadInput(file(join(dir, 'empty.gz'))), 'INPUT_EMPTY');
    await rejectsWith(loadInput(file(join(dir, 'pages'))), 'INPUT_UNSUPPORTED');
    await rejectsWith(loadInput(file(join(dir, 'nope'))), 'INPUT_NOT_FOUND');
  });

  it('corrupt gzip (bad header, bad data, cut short) is INPUT_GZIP_CORRUPT', async () => {
    const good = gzipSync('<p>' + 'some words '.repeat(500) + '</p>');
    const cut = join(dir, 'cut.gz');
    writeFileSync(cut, good.subarray(0, good.length - 12));
    await rejectsWith(loadInput(file(cut)), 'INPUT_GZIP_CORRUPT');
    const garbled = Buffer.from(good);
    for (let i = 12; i < 40; i++) garbled[i] = 0xff;
    const bad = join(dir, 'bad.gz');
    writeFileSync(bad, garbled);
    await rejectsWith(loadInput(file(bad)), 'INPUT_GZIP_CORRUPT');
    const magicOnly = join(dir, 'magic.gz');
    writeFileSync(magicOnly, Buffer.from([0x1f, 0x8b]));
    await rejectsWith(loadInput(file(magicOnly)), 'INPUT_GZIP_CORRUPT');
  });
});
