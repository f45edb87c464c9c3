import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { TimeExpression } from '../../doc/annotations.js';
import { createDoc } from '../../doc/news-doc.js';
import { SEED_PAGE } from '../../../test/helpers/repo.js';
import { segment, sentencesStage } from '../sentences/index.js';
import { formatIsoWeek, dayNumber } from './calendar.js';
import { findTimeExpressions, timesStage } from './index.js';

/** Times in `text` (one block), resolved against `published`, as "text=value" strings. */
function times(text: string, published?: string): string[] {
  return expressions(text, published).map((t) => `${t.text}=${t.value ?? t.unresolved}`);
}

function expressions(text: string, published?: string): TimeExpression[] {
  const { tokens, sentences } = segment(text, [{ start: 0, end: text.length }]);
  const found = findTimeExpressions(text, tokens, sentences, published);
  for (const time of found) assert.equal(text.slice(time.start, time.end), time.text);
  return found;
}

// 2022-09-16 was a Friday.
const FRIDAY = '2022-09-16';

test('times: absolute dates in the common news forms', () => {
  assert.deepEqual(times('It happened on Sept. 16, 2022, and on 16 September 2022.'), [
    'on Sept. 16, 2022=2022-09-16',
    'on 16 September 2022=2022-09-16',
  ]);
  assert.deepEqual(times('Filed 2022-09-16. In September 2022 and on Friday, Sept. 16, 2022 it rained.'), [
    '2022-09-16=2022-09-16',
    'In September 2022=2022-09',
    'on Friday, Sept. 16, 2022=2022-09-16',
  ]);
  assert.deepEqual(times('It was set up in 2001 and grew in the 1990s, the mid-1980s and the \'70s.'), [
    'in 2001=2001',
    'in the 1990s=199X',
    'the mid-1980s=198X',
    "the '70s=197X",
  ]);
  const absolute = expressions('The 2001 election, since 2014, from 2001 to 2005.');
  assert.deepEqual(absolute.map((t) => t.text), ['2001', '2014', '2001', '2005']);
  assert.ok(absolute.every((t) => !t.relative));
});

test('times: relative expressions resolved against the publication date', () => {
  assert.deepEqual(
    times('Yesterday he left; today he rests; tomorrow he speaks. Prices rose last month and this year, unlike last year.', FRIDAY),
    ['Yesterday=2022-09-15', 'today=2022-09-16', 'tomorrow=2022-09-17', 'last month=2022-08', 'this year=2022', 'last year=2021'],
  );
  assert.deepEqual(times('Two days ago it rained. Earlier this month it snowed. Talks resume next week.', FRIDAY), [
    'Two days ago=2022-09-14',
    'Earlier this month=2022-09',
    'next week=2022-W38',
  ]);
  assert.deepEqual(times('Shops closed over the weekend and this past Saturday; they reopen this weekend.', FRIDAY), [
    'the weekend=2022-W36',
    'this past Saturday=2022-09-10',
    'this weekend=2022-W37',
  ]);
  assert.deepEqual(times('Talks will continue over the weekend.', FRIDAY), ['the weekend=2022-W37']);
  assert.deepEqual(times('He resigned last Friday and returns next Friday.', FRIDAY), [
    'last Friday=2022-09-09',
    'next Friday=2022-09-23',
  ]);
  assert.deepEqual(times('The bridge collapsed in June of last year and reopened in August.', FRIDAY), [
    'in June of last year=2021-06',
    'in August=2022-08',
  ]);
});

test('times: a bare weekday looks back in a past-tense report and forward in a future-tense clause', () => {
  assert.deepEqual(times('They met on Monday.', FRIDAY), ['on Monday=2022-09-12']);
  assert.deepEqual(times('They will meet on Monday.', FRIDAY), ['on Monday=2022-09-19']);
  assert.deepEqual(times('The ministers said on Friday they would meet again.', FRIDAY), ['on Friday=2022-09-16']);
  assert.deepEqual(times('On Saturday, the leaders will sign the accord.', FRIDAY), ['On Saturday=2022-09-17']);
  assert.deepEqual(times('He died on Saturday due to heart failure.', FRIDAY), ['on Saturday=2022-09-10']);
  assert.deepEqual(times('The Senate was set to meet on Wednesday.', FRIDAY), ['on Wednesday=2022-09-14']);
  assert.deepEqual(times('According to officials on Saturday, the virus may spread.', FRIDAY), ['on Saturday=2022-09-10']);
  assert.deepEqual(times('Officials said the storm may have hit on Saturday.', FRIDAY), ['on Saturday=2022-09-10']);
});

test('times: a month without a year is the latest one not after publication, unless future', () => {
  assert.deepEqual(times('Russia sent troops into Ukraine in February.', FRIDAY), ['in February=2022-02']);
  assert.deepEqual(times('The war began in November.', FRIDAY), ['in November=2021-11']);
  assert.deepEqual(times('Elections will be held in February.', FRIDAY), ['in February=2023-02']);
  assert.deepEqual(times('He is to be sentenced in March.', FRIDAY), ['in March=2023-03']);
  assert.deepEqual(times('He was due to stand down in November.', FRIDAY), ['in November=2022-11']);
  assert.deepEqual(times('He was due to stand down in May.', FRIDAY), ['in May=2022-05']);
  assert.deepEqual(times('The talks on Dec. 28 failed.', '2023-01-03'), ['on Dec. 28=2022-12-28']);
});

test('times: without a publication date relative times are unresolved and absolute ones keep their value', () => {
  const found = expressions('On Friday, in February and last year; on Sept. 16, 2022 and in 2001.');
  assert.deepEqual(
    found.map((t) => [t.text, t.relative, t.value, t.unresolved]),
    [
      ['On Friday', true, undefined, 'no-anchor'],
      ['in February', true, undefined, 'no-anchor'],
      ['last year', true, undefined, 'no-anchor'],
      ['on Sept. 16, 2022', false, '2022-09-16', undefined],
      ['in 2001', false, '2001', undefined],
    ],
  );
  assert.deepEqual(times('It happened a few days ago.', FRIDAY), ['a few days ago=ambiguous']);
});

test('times: modal "may", verb "march", named days and plain numbers are not times', () => {
  assert.deepEqual(times('May God protect them. You may go. Protesters march on Good Friday.', FRIDAY), []);
  assert.deepEqual(times('Theresa May and Boris Johnson spoke. Sales rose to 2000 units; 2001 people came; it cost $2001.', FRIDAY), []);
  assert.deepEqual(times('The March on Washington drew 1999 marchers.', FRIDAY), []);
  assert.deepEqual(times('The Sunday Times reported it.', FRIDAY), []);
  assert.deepEqual(times('USA Today said so. Today, USA Today said so TODAY.', FRIDAY), ['Today=2022-09-16', 'TODAY=2022-09-16']);
  assert.deepEqual(times('The Friday meeting, held Friday 9 September, ended.', FRIDAY), [
    'Friday=2022-09-16',
    'Friday 9 September=2022-09-09',
  ]);
  assert.deepEqual(times('Revenue was 2015 million in the last year.', FRIDAY), []);
});

test('times: years that name an event, ranges, and months in the middle or at the end of a period', () => {
  assert.deepEqual(times('In the 2016 United States presidential election, and in his 2018 run.'), ['2016=2016', '2018=2018']);
  assert.deepEqual(times('The winter of 2006–2007 was cold; by the end of 2017 it was over.'), ['2006=2006', '2007=2007', '2017=2017']);
  assert.deepEqual(times('In mid-August rates fell; at the end of May they rose; he was arrested in March, 2018.', FRIDAY), [
    'In mid-August=2022-08',
    'May=2022-05',
    'in March, 2018=2018-03',
  ]);
  assert.deepEqual(times('June Carter sang with August Wilson. Theresa May resigned.', FRIDAY), []);
});

test('times: May and March count after a word that introduces a time', () => {
  assert.deepEqual(times('He joined in May and left in March.', FRIDAY), ['in May=2022-05', 'in March=2022-03']);
  assert.deepEqual(times('From April and May onwards.', FRIDAY), ['April=2022-04', 'May=2022-05']);
});

test('times: a day word opening a paragraph after a headline is a day, "USA Today" is not', () => {
  assert.deepEqual(times('Council votes on budget\n\nYesterday, the council voted. USA Today reported it.', FRIDAY), ['Yesterday=2022-09-15']);
});

test('times: text all in capitals reads as the same text in ordinary case', () => {
  const text = 'The Friday meeting was put off. The vote, scheduled for November, will be held on Wednesday. Officials met on Monday.';
  const expected = times(text, FRIDAY);
  assert.deepEqual(expected, ['Friday=2022-09-16', 'November=2022-11', 'on Wednesday=2022-09-21', 'on Monday=2022-09-12']);
  assert.deepEqual(times(text.toUpperCase(), FRIDAY), expected.map((t) => t.replace(/^[^=]+/, (words) => words.toUpperCase())));
});

test('times: the stage fills doc.layers.times on the seed article', () => {
  const page = readFileSync(SEED_PAGE, 'utf8');
  const text = page.slice(0, page.indexOf('\n-\n'));
  const doc = createDoc({ format: 'text' });
  doc.text = text;
  doc.layers.blocks = [...text.matchAll(/[^\n]+/g)].map((m) => ({ kind: 'paragraph' as const, start: m.index, end: m.index + m[0].length }));
  doc.metadata.published = { value: '2022-09-16T12:00:00+05:00', source: 'meta' };
  timesStage.run(sentencesStage.run(doc, undefined), undefined);
  assert.deepEqual(
    doc.layers.times!.map((t) => [t.text, t.relative, t.value]),
    [
      ['on Friday', true, '2022-09-16'],
      ['on Thursday', true, '2022-09-15'],
      ['in February', true, '2022-02'],
      ['in February', true, '2022-02'],
      ['in 2001', false, '2001'],
    ],
  );
});

test('times: ISO weeks at year ends', () => {
  assert.equal(formatIsoWeek(dayNumber({ year: 2021, month: 1, day: 3 })), '2020-W53');
  assert.equal(formatIsoWeek(dayNumber({ year: 2024, month: 12, day: 30 })), '2025-W01');
  assert.equal(formatIsoWeek(dayNumber({ year: 2022, month: 9, day: 16 })), '2022-W37');
});

test('times: a long text with many numbers is read quickly', () => {
  const text = 'In 2001 on Friday 12 of 2000 may march, '.repeat(30_000);
  const started = performance.now();
  const found = expressions(text, FRIDAY);
  assert.ok(performance.now() - started < 3000);
  assert.equal(found.length, 60_000);
});

test('times: invariants hold on random text made of time words', () => {
  const pieces = [
    ' ', ' ', ', ', '. ', 'on', 'in', 'the', 'last', 'next', 'this', 'past', 'Friday', 'May', 'March', 'February', 'Sept.',
    '16', '29', '31st', '2001', '2022-02-29', '1990s', "'90s", 'mid-', 'two', 'a', 'few', 'days', 'weeks', 'ago',
    'year', 'weekend', 'over', 'yesterday', 'will', 'was', 'set', 'to', 'of', 'early', 'Good', '–', 'said',
  ];
  const anchors = ['2024-02-29', '2022-01-01', '2021-12-31', '2020-03-01T00:00:00Z', undefined];
  const valuePattern = /^(\d{4}(-\d{2}(-\d{2})?)?|\d{4}-W\d{2}|\d{3}X)$/;
  let seed = 11;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let round = 0; round < 500; round++) {
    let text = '';
    const length = random(40);
    for (let i = 0; i < length; i++) text += pieces[random(pieces.length)] + (random(2) === 0 ? ' ' : '');
    const found = expressions(text, anchors[random(anchors.length)]);
    for (let i = 0; i < found.length; i++) {
      const time = found[i]!;
      assert.ok(i === 0 || found[i - 1]!.end <= time.start, text);
      assert.ok(time.value === undefined ? time.unresolved !== undefined : valuePattern.test(time.value), JSON.stringify([text, time]));
    }
  }
});
