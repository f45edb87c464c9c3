import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { judgeAddress, makeAllowlist } from './address.js';
import { FetchError } from './errors.js';
import { checkUrl } from './url.js';

function blocked(url: string): FetchError {
  try {
    checkUrl(url);
  } catch (error) {
    assert.ok(error instanceof FetchError, `${url}: expected a FetchError, got ${String(error)}`);
    return error;
  }
  assert.fail(`${url} was not blocked`);
}

describe('F-1 schemes', () => {
  for (const url of ['file:///etc/passwd', 'gopher://127.0.0.1:6379/_x', 'ftp://x/', 'data:text/html,<p>', 'javascript:alert(1)', 'ws://x/', 'wss://x/']) {
    it(`refuses ${url} before any lookup`, () => {
      const error = blocked(url);
      assert.equal(error.code, 'FETCH_SCHEME_NOT_ALLOWED');
      assert.equal(error.retryable, false);
    });
  }

  it('lets public http and https through', () => {
    assert.equal(checkUrl('https://example.com/a').hostname, 'example.com');
    assert.equal(checkUrl('http://93.184.216.34/').hostname, '93.184.216.34');
    assert.equal(checkUrl('http://[2606:2800:220:1:248:1893:25c8:1946]/').hostname, '[2606:2800:220:1:248:1893:25c8:1946]');
  });

  it('says FETCH_INVALID_URL for text that is not a URL', () => {
    assert.equal(blocked('not a url').code, 'FETCH_INVALID_URL');
    assert.equal(blocked('http://127.0.0.1%2509/').code, 'FETCH_INVALID_URL');
  });
});

describe('F-2 literal addresses, every spelling', () => {
  const cases: Array<[string, string, string]> = [
    ['127.0.0.1', '127.0.0.1', 'loopback'],
    ['0x7f000001', '127.0.0.1', 'loopback'],
    ['2130706433', '127.0.0.1', 'loopback'],
    ['0177.0.0.1', '127.0.0.1', 'loopback'],
    ['127.1', '127.0.0.1', 'loopback'],
    ['①②⑦.0.0.1', '127.0.0.1', 'loopback'],
    ['0', '0.0.0.0', 'unspecified'],
    ['0.0.0.0', '0.0.0.0', 'unspecified'],
    ['[::]', '::', 'unspecified'],
    ['[::1]', '::1', 'loopback'],
    ['[::ffff:127.0.0.1]', '::ffff:7f00:1', 'ipv4Mapped'],
    ['[::ffff:a9fe:a9fe]', '::ffff:a9fe:a9fe', 'ipv4Mapped'],
    ['169.254.169.254', '169.254.169.254', 'linkLocal'],
    ['[fd00:ec2::254]', 'fd00:ec2::254', 'uniqueLocal'],
    ['100.100.100.200', '100.100.100.200', 'carrierGradeNat'],
    ['10.0.0.1', '10.0.0.1', 'private'],
    ['172.16.0.1', '172.16.0.1', 'private'],
    ['192.168.1.1', '192.168.1.1', 'private'],
    ['198.18.0.1', '198.18.0.1', 'reserved'],
    ['224.0.0.1', '224.0.0.1', 'multicast'],
    ['255.255.255.255', '255.255.255.255', 'broadcast'],
    ['[::127.0.0.1]', '::7f00:1', 'ipv4Compatible'],
    ['[64:ff9b::7f00:1]', '64:ff9b::7f00:1', 'rfc6052'],
    ['[2002:7f00:1::]', '2002:7f00:1::', '6to4'],
    ['[2001:0:4136:e378:8000:63bf:3fff:fdd2]', '2001:0:4136:e378:8000:63bf:3fff:fdd2', 'teredo'],
    ['[fe80::1]', 'fe80::1', 'linkLocal'],
    ['[ff02::1]', 'ff02::1', 'multicast'],
    ['192.0.2.1', '192.0.2.1', 'reserved'],
    ['[2001:db8::1]', '2001:db8::1', 'reserved'],
  ];
  for (const [host, address, range] of cases) {
    it(`blocks ${host} as ${address} (${range})`, () => {
      const error = blocked(`http://${host}:8080/path`);
      assert.equal(error.code, 'FETCH_BLOCKED_ADDRESS');
      assert.equal(error.detail?.address, address);
      assert.equal(error.detail?.range, range);
      assert.match(error.message, new RegExp(address.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      assert.match(error.message, new RegExp(range));
      assert.doesNotMatch(error.message, /\n/);
    });
  }

  for (const host of ['localhost', 'localhost.', 'foo.localhost', 'A.B.LOCALHOST']) {
    it(`blocks the name ${host} without DNS`, () => {
      assert.equal(blocked(`http://${host}/`).code, 'FETCH_BLOCKED_ADDRESS');
    });
  }

  it('allowPrivate turns the block off; the allowlist opens exact ip:port pairs only', () => {
    assert.equal(checkUrl('http://10.0.0.1/', { allowPrivate: true }).hostname, '10.0.0.1');
    assert.equal(checkUrl('http://127.0.0.1:4000/', { allowAddresses: ['127.0.0.1:4000'] }).port, '4000');
    assert.throws(() => checkUrl('http://127.0.0.1:4001/', { allowAddresses: ['127.0.0.1:4000'] }), { code: 'FETCH_BLOCKED_ADDRESS' });
    assert.equal(checkUrl('http://[::1]:4000/', { allowAddresses: ['[::1]:4000'] }).hostname, '[::1]');
    assert.throws(() => makeAllowlist(['localhost:80']), TypeError);
  });

  it('judges public and odd addresses', () => {
    assert.equal(judgeAddress('8.8.8.8').public, true);
    assert.equal(judgeAddress('2606:4700::1111').public, true);
    assert.equal(judgeAddress('not-an-ip').public, false);
    assert.equal(judgeAddress('192.88.99.1').public, false);
    assert.equal(judgeAddress('240.0.0.1').public, false);
  });
});

/** Blocked IPv4 ranges as [first octets, prefix length]. */
const BLOCKED_V4: Array<[number, number]> = [
  [0x00000000, 8],
  [0x0a000000, 8],
  [0x64400000, 10],
  [0x7f000000, 8],
  [0xa9fe0000, 16],
  [0xac100000, 12],
  [0xc0000000, 24],
  [0xc0000200, 24],
  [0xc0a80000, 16],
  [0xc6120000, 15],
  [0xc6336400, 24],
  [0xcb007100, 24],
  [0xe0000000, 4],
  [0xf0000000, 4],
];

const blockedV4 = fc
  .tuple(fc.constantFrom(...BLOCKED_V4), fc.integer({ min: 0, max: 0xffffffff }))
  .map(([[base, prefix], noise]) => (base | (noise >>> prefix)) >>> 0);

function spellings(n: number): string[] {
  const o = [n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff] as const;
  const hex = (v: number, width = 4): string => v.toString(16).padStart(width, '0');
  return [
    o.join('.'),
    String(n),
    `0x${n.toString(16)}`,
    o.map((v) => `0${v.toString(8)}`).join('.'),
    o.map((v) => `0x${v.toString(16)}`).join('.'),
    `${o[0]}.${o[1]}.${(n & 0xffff) >>> 0}`,
    `${o[0]}.${(n & 0xffffff) >>> 0}`,
    `[::ffff:${o.join('.')}]`,
    `[::ffff:${hex(n >>> 16)}:${hex(n & 0xffff)}]`,
  ];
}

describe('property: every spelling of a blocked IPv4 address is blocked', () => {
  it('holds for 2,000 generated addresses', () => {
    fc.assert(
      fc.property(blockedV4, (n) => {
        for (const spelling of spellings(n)) {
          assert.throws(() => checkUrl(`http://${spelling}/x`), { code: 'FETCH_BLOCKED_ADDRESS' }, spelling);
        }
      }),
      { numRuns: 2000, seed: 20240508 },
    );
  });
});
