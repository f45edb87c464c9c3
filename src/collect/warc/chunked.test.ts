import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { chunked } from '../../../test/helpers/warc.js';
import { Dechunker } from './chunked.js';

/** Feeds `input` in pieces cut at `cuts`; returns what came out and the end state. */
function dechunk(input: Buffer, cuts: number[] = []): { out: Buffer; done: boolean; malformed: boolean } {
  const parts: Buffer[] = [];
  const dechunker = new Dechunker((data) => parts.push(Buffer.from(data)));
  let at = 0;
  for (const cut of [...cuts.filter((value) => value > 0 && value < input.length)].sort((a, b) => a - b).concat(input.length)) {
    dechunker.push(input.subarray(at, cut));
    at = cut;
  }
  return { out: Buffer.concat(parts), done: dechunker.done, malformed: dechunker.malformed };
}

describe('Dechunker', () => {
  it('undoes chunking however the bytes are split', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), fc.integer({ min: 1, max: 300 }), fc.array(fc.nat({ max: 4000 }), { maxLength: 20 }), (body, size, cuts) => {
        const result = dechunk(chunked(Buffer.from(body), size), cuts);
        assert.ok(result.out.equals(Buffer.from(body)));
        assert.equal(result.done, true);
        assert.equal(result.malformed, false);
      }),
    );
  });

  it('takes bare LF, upper-case hex, extensions and trailers', () => {
    const input = Buffer.from('A;name="v"\nabcdefghij\n5\r\nklmno\r\n0\r\nExpires: never\r\n\r\nignored after the end');
    assert.deepEqual(dechunk(input), { out: Buffer.from('abcdefghijklmno'), done: true, malformed: false });
  });

  it('gives what arrived when the body stops early (a truncated record)', () => {
    assert.deepEqual(dechunk(Buffer.from('a\r\n0123')), { out: Buffer.from('0123'), done: false, malformed: false });
  });

  it('calls framing it cannot read malformed and stops emitting', () => {
    for (const bad of ['zz\r\nabc', '3\r\nabcX\r\n', `${'1'.repeat(13)}\r\n`, `5;${'x'.repeat(5000)}\r\n`, '3\r\nabc\r\r\n']) {
      const result = dechunk(Buffer.from(bad));
      assert.equal(result.malformed, true, bad.slice(0, 20));
      assert.ok(result.out.length <= 3);
    }
  });
});
