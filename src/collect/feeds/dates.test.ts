import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeDate } from './dates.js';

test('dates: RFC 822 as RSS writes it, with numeric and named zones', () => {
  const cases: Array<[string, string]> = [
    ['Wed, 01 May 2024 10:00:00 GMT', '2024-05-01T10:00:00Z'],
    ['Wed, 01 May 2024 10:00:00 +0100', '2024-05-01T09:00:00Z'],
    ['Wed, 01 May 2024 10:00:00 -0000', '2024-05-01T10:00:00Z'],
    ['Wed, 1 May 2024 07:30:00 EST', '2024-05-01T12:30:00Z'],
    ['Wed, 1 May 2024 07:30:00 EDT', '2024-05-01T11:30:00Z'],
    ['Wed, 1 May 2024 07:30:00 PST', '2024-05-01T15:30:00Z'],
    ['Thu, 02 May 2024 01:00:00 +05:30', '2024-05-01T19:30:00Z'],
    ['Thu, 02 May 2024 01:00:00 IST', '2024-05-01T19:30:00Z'],
    ['Fri,24 Nov 2023 18:28:36 -0000', '2023-11-24T18:28:36Z'],
    ['01 May 2024 10:00 UT', '2024-05-01T10:00:00Z'],
    ['Tue, 30 Apr 24 23:15 +0200', '2024-04-30T21:15:00Z'],
    ['Sat, 01 Jan 99 00:00:00 GMT', '1999-01-01T00:00:00Z'],
    ['Thursday, 2 May 2024 10:00:00 Z', '2024-05-02T10:00:00Z'],
    ['May 2, 2024 3:05 pm', '2024-05-02T15:05:00Z'],
    ['Sun Jan  4 16:29:06 PST 2004', '2004-01-05T00:29:06Z'],
    ['Wed May 01 2024 10:00:00 GMT+0200 (Central European Summer Time)', '2024-05-01T08:00:00Z'],
    ['Wed, 01 May 2024 10:00:00 XYZ', '2024-05-01T10:00:00Z'],
    ['1 June 2024', '2024-06-01'],
  ];
  for (const [raw, expected] of cases) assert.equal(normalizeDate(raw), expected, raw);
});

test('dates: W3C-DTF / ISO 8601 as Atom, sitemaps and JSON Feed write it', () => {
  const cases: Array<[string, string]> = [
    ['2024-05-01T10:00:00Z', '2024-05-01T10:00:00Z'],
    ['2024-05-01T10:00:00.123456+02:00', '2024-05-01T08:00:00Z'],
    ['2024-05-01T10:00+0530', '2024-05-01T04:30:00Z'],
    ['2024-05-01 10:00:00', '2024-05-01T10:00:00Z'],
    ['2024-05-01T23:30:00-05:00', '2024-05-02T04:30:00Z'],
    ['2024-05-01', '2024-05-01'],
    ['  2024-05-01\n', '2024-05-01'],
    ['2024/05/01', '2024-05-01'],
    ['2016-12-31T23:59:60Z', '2016-12-31T23:59:59Z'],
    ['2024-05-01T24:00:00Z', '2024-05-02T00:00:00Z'],
  ];
  for (const [raw, expected] of cases) assert.equal(normalizeDate(raw), expected, raw);
});

test('dates: what cannot be read is left out, never guessed', () => {
  for (const raw of [
    undefined,
    '',
    'yesterday',
    '2024-13-01',
    '2024-02-30',
    '2024-05',
    '2024',
    'Wed, 32 May 2024 10:00:00 GMT',
    'Wed, 01 Foo 2024 10:00:00 GMT',
    '2024-05-01T25:00:00Z',
    '01/05/2024',
    'x'.repeat(1_000),
    '10:00:00 GMT',
  ]) {
    assert.equal(normalizeDate(raw), undefined, String(raw));
  }
});
