import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDoc } from '../../doc/news-doc.js';
import { datelineStage } from './index.js';
import { ordinaryCase, parseDateline } from './parse.js';

function parsed(text: string): Record<string, unknown> | undefined {
  const d = parseDateline(text);
  if (d === undefined) return undefined;
  const { start: _s, end: _e, ...rest } = d;
  return rest;
}

test('dateline: place and country before a colon', () => {
  assert.deepEqual(parsed('SAMARKAND, Uzbekistan: Russian President Vladimir Putin and Chinese leader'), {
    text: 'SAMARKAND, Uzbekistan',
    place: 'Samarkand',
    country: 'Uzbekistan',
  });
});

test('dateline: place, country and agency before a dash', () => {
  assert.deepEqual(parsed('KYIV, Ukraine (AP) — Russian forces shelled'), {
    text: 'KYIV, Ukraine (AP)',
    place: 'Kyiv',
    country: 'Ukraine',
    agency: 'AP',
  });
});

test('dateline: wire-service forms', () => {
  assert.deepEqual(parsed('WASHINGTON (Reuters) - The U.S. Senate'), { text: 'WASHINGTON (Reuters)', place: 'Washington', agency: 'Reuters' });
  assert.deepEqual(parsed('LONDON, Sept 16 (Reuters) - Britain said'), { text: 'LONDON, Sept 16 (Reuters)', place: 'London', agency: 'Reuters' });
  assert.deepEqual(parsed('NEW YORK — Stocks rose on Friday'), { text: 'NEW YORK', place: 'New York' });
  assert.deepEqual(parsed('RIO DE JANEIRO (AFP) - Brazil'), { text: 'RIO DE JANEIRO (AFP)', place: 'Rio de Janeiro', agency: 'AFP' });
  assert.deepEqual(parsed('New Delhi, Sep 16 (PTI) The government on Friday'), { text: 'New Delhi, Sep 16 (PTI)', place: 'New Delhi', agency: 'PTI' });
  assert.deepEqual(parsed('BERLIN -- The European Space Agency says'), { text: 'BERLIN', place: 'Berlin' });
  assert.deepEqual(parsed('NEW DELHI: Their American dream shattered'), { text: 'NEW DELHI', place: 'New Delhi' });
});

test('dateline: mixed case with a country', () => {
  assert.deepEqual(parsed('Beirut, Lebanon — Israeli strikes hit'), { text: 'Beirut, Lebanon', place: 'Beirut', country: 'Lebanon' });
});

test('dateline: US state abbreviations and D.C.', () => {
  assert.deepEqual(parsed('TALLAHASSEE, Fla. (AP) — Gov. Ron DeSantis'), {
    text: 'TALLAHASSEE, Fla. (AP)',
    place: 'Tallahassee, Florida',
    country: 'United States',
    agency: 'AP',
  });
  assert.deepEqual(parsed('BUFFALO, N.Y. — Hours before'), { text: 'BUFFALO, N.Y.', place: 'Buffalo, New York', country: 'United States' });
  assert.deepEqual(parsed('WASHINGTON, D.C. — Lawmakers'), { text: 'WASHINGTON, D.C.', place: 'Washington', country: 'United States' });
  assert.deepEqual(parsed('ST. LOUIS — A jury'), { text: 'ST. LOUIS', place: 'St. Louis' });
});

test('dateline: ordinary sentence openings and labels are not datelines', () => {
  for (const text of [
    'However, the minister said',
    'Last year, the company grew',
    'BREAKING: Something happened',
    'NOTE: this article was updated',
    'SKU: TXSB06',
    'QUICK SUMMARY: Dig into some tutorials',
    'DEAR ABBY: My husband',
    'The American Dental Association (ADA) emphasizes that',
    'I think — maybe not',
    'Georgia, the state — ',
    'FBI agents raided the home',
    'NATO — the alliance said',
    'Paris — The city of light',
    'In Washington, lawmakers',
  ]) {
    assert.equal(parseDateline(text), undefined, text);
  }
});

test('dateline: ordinary case of capitals', () => {
  assert.equal(ordinaryCase('SAMARKAND'), 'Samarkand');
  assert.equal(ordinaryCase('WINSTON-SALEM'), 'Winston-Salem');
  assert.equal(ordinaryCase("O'FALLON"), "O'Fallon");
  assert.equal(ordinaryCase('Beirut'), 'Beirut');
});

test('dateline stage: span points at the dateline in the first body block', () => {
  const text = 'Xi, Putin look to challenge ‘international order’\n\nSAMARKAND, Uzbekistan: Russian President Vladimir Putin met.';
  const doc = createDoc({ format: 'text' });
  doc.text = text;
  const bodyStart = text.indexOf('SAMARKAND');
  doc.layers.blocks = [
    { kind: 'headline', start: 0, end: text.indexOf('\n') },
    { kind: 'paragraph', start: bodyStart, end: text.length },
  ];
  datelineStage.run(doc, undefined);
  const d = doc.metadata.dateline;
  assert.ok(d !== undefined);
  assert.equal(d.text, 'SAMARKAND, Uzbekistan');
  assert.equal(text.slice(d.start, d.end), 'SAMARKAND, Uzbekistan');
  assert.equal(d.place, 'Samarkand');
  assert.equal(d.country, 'Uzbekistan');
});

test('dateline stage: UTF-16 offsets after astral characters', () => {
  const text = '🚀 Launch day\n\nCAPE CANAVERAL, Fla. (AP) — A rocket lifted off.';
  const doc = createDoc({ format: 'text' });
  doc.text = text;
  const bodyStart = text.indexOf('CAPE');
  doc.layers.blocks = [
    { kind: 'headline', start: 0, end: 13 },
    { kind: 'paragraph', start: bodyStart, end: text.length },
  ];
  datelineStage.run(doc, undefined);
  const d = doc.metadata.dateline!;
  assert.equal(text.slice(d.start, d.end), 'CAPE CANAVERAL, Fla. (AP)');
  assert.equal(d.agency, 'AP');
});

test('dateline stage: no dateline, nothing set; no blocks, first lines tried', () => {
  const doc = createDoc({ format: 'text' });
  doc.text = 'A headline\n\nHowever, the talks failed.';
  doc.layers.blocks = [{ kind: 'paragraph', start: 12, end: doc.text.length }];
  datelineStage.run(doc, undefined);
  assert.equal(doc.metadata.dateline, undefined);

  const bare = createDoc({ format: 'text' });
  bare.text = 'Headline here\nLONDON (Reuters) - Markets fell.';
  bare.layers.blocks = [];
  datelineStage.run(bare, undefined);
  assert.equal(bare.metadata.dateline?.place, 'London');
  assert.equal(bare.text.slice(bare.metadata.dateline!.start, bare.metadata.dateline!.end), 'LONDON (Reuters)');
});
