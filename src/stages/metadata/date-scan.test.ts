import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seededRandom } from '../../../scripts/lib/seeded-random.js';
import { DATE_PATTERN, nextDate } from './date-scan.js';

/** What a plain scan with the pattern finds from `from`. */
function plainScan(text: string, from: number): RegExpExecArray | null {
  DATE_PATTERN.lastIndex = from;
  return DATE_PATTERN.exec(text);
}

// Pieces that build every date form and near misses: long words, spaces of all kinds,
// hyphen runs, digit runs of every length, ordinals, and punctuation that ends a form.
const PIECES = [
  'September', 'Sept.', 'de', 'of', 'Published', 'Überschrift', 'déc.', 'extraordinarily', 'x',
  ' ', '  ', '\n', '\u00a0', '\u3000', '-', '--', ' - ', ',', '.', '/', ':', '(', '"', '_',
  '1', '16', '16th', '1ST', '2022', '12345', '2022-09-16', '16/09/2022', '2022.9.16', '\u{1d400}\u{1d401}\u{1d402}',
];

test('nextDate finds what a scan from every position finds', () => {
  const random = seededRandom(7);
  for (let round = 0; round < 400; round++) {
    let text = '';
    const length = 5 + Math.floor(random() * 40);
    for (let k = 0; k < length; k++) text += PIECES[Math.floor(random() * PIECES.length)];
    for (let from = 0; from <= text.length; from++) {
      // A plain scan from inside a surrogate pair steps back to the pair; nextDate never starts there.
      if (/[\udc00-\udfff]/.test(text[from] ?? '') && /[\ud800-\udbff]/.test(text[from - 1] ?? '')) continue;
      const expected = plainScan(text, from);
      const got = nextDate(text, from);
      assert.deepEqual(got && [got.index, got[0], got[1], got[2]], expected && [expected.index, expected[0], expected[1], expected[2]], JSON.stringify({ text, from }));
    }
  }
});

test('nextDate finds the longest forms of every date', () => {
  const random = seededRandom(11);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const space = (): string => pick([' ', '  \n ', '\u00a0', ' - ', '-']);
  const forms = [
    (): string => `${pick(['September', 'Sept', 'Setembro', 'Dezembers'])}${pick(['.', ''])}${space()}${pick(['16', '6'])}${pick(['th', 'ST', ''])}${pick([',', ''])}${space()}2022`,
    (): string =>
      `${pick(['16', '6'])}${pick(['th', 'er', ''])}${pick(['.', ''])}${pick([' de', ' of', ''])}${space()}${pick(['septiembre', 'Sep', 'diciembre'])}` +
      `${pick(['.', ''])}${pick([',', ''])}${pick([' de', ''])}${space()}2022`,
    (): string => `${pick(['16', '6'])}${pick(['/', '.'])}${pick(['09', '9'])}${pick(['/', '.'])}2022`,
  ];
  for (let round = 0; round < 300; round++) {
    const text = `${pick(['', 'Posted ', 'x, ', '( '])}${pick(forms)()}${pick(['', '.', ' and more'])}`;
    for (let from = 0; from <= text.length; from++) {
      const expected = plainScan(text, from);
      const got = nextDate(text, from);
      assert.deepEqual(got && [got.index, got[0]], expected && [expected.index, expected[0]], JSON.stringify({ text, from }));
    }
  }
});

test('nextDate finds a date that uses every optional part', () => {
  const text = 'On 16th. of septiembre., de 2022';
  assert.equal(nextDate(text, 0)?.index, 3);
});

test('nextDate reaches a date after long runs of spaces and hyphens', () => {
  const text = `filed 16th${' '.repeat(300)}of -----${'\u00a0'.repeat(50)}September ${' '.repeat(100)}2022.`;
  assert.equal(nextDate(text, 0)?.index, 6);
});

test('nextDate stays linear on digits without a date', () => {
  const text = '1234567890'.repeat(100_000);
  const started = performance.now();
  assert.equal(nextDate(text, 0), null);
  assert.ok(performance.now() - started < 2000);
});
