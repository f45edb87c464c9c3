import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gzipHeaderLength, startsWithGzipMagic } from './gzip-header.js';

const base = [0x1f, 0x8b, 8];
const rest = [0, 0, 0, 0, 0, 3];

describe('gzipHeaderLength', () => {
  it('measures the plain 10-byte header', () => {
    assert.equal(gzipHeaderLength(Uint8Array.from([...base, 0, ...rest, 0xaa])), 10);
  });

  it('counts the optional fields: extra, name, comment, header CRC', () => {
    const header = [...base, 0x1e, ...rest, 2, 0, 0x41, 0x42, ...Buffer.from('name\0comment\0'), 0x12, 0x34];
    assert.equal(gzipHeaderLength(Uint8Array.from([...header, 0xaa])), header.length);
  });

  it('says incomplete when the bytes stop inside the header, invalid when it is not one', () => {
    assert.equal(gzipHeaderLength(Uint8Array.from([0x1f, 0x8b])), 'incomplete');
    assert.equal(gzipHeaderLength(Uint8Array.from([...base, 0x08, ...rest, 0x61])), 'incomplete');
    assert.equal(gzipHeaderLength(Uint8Array.from([0x1f, 0x8b, 7, 0, ...rest])), 'invalid');
    assert.equal(gzipHeaderLength(Uint8Array.from([...base, 0x20, ...rest])), 'invalid');
    assert.equal(gzipHeaderLength(Uint8Array.from([0x57, 0x41])), 'invalid');
    assert.equal(startsWithGzipMagic(Uint8Array.from([0x1f])), false);
  });
});
