/**
 * The seed article through sentences and quotes, with the three people's names marked
 * by hand (so the test does not depend on the tagger): the eight quotes of
 * test/fixtures/seed/sco-summit-expected.json with their kinds and speakers, and no scare
 * quote as speech.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Entity, Mention } from '../../doc/annotations.js';
import { read } from '../../read.js';
import { SEED_EXPECTED, SEED_PAGE } from '../../../test/helpers/repo.js';
import { sentencesStage } from '../sentences/index.js';
import { quotesStage } from './index.js';

interface Expected {
  quotes: { speaker: string; text: string; kind: string }[];
  not_quotes: { text: string }[];
}

const expected = JSON.parse(readFileSync(SEED_EXPECTED, 'utf8')) as Expected;
const page = readFileSync(SEED_PAGE, 'utf8');
const PEOPLE: readonly (readonly string[])[] = [['Vladimir Putin', 'Putin'], ['Xi Jinping', 'Xi'], ['Antony Blinken']];

/** Every occurrence of each name form as a PER mention of its person (longest form first). */
function markPeople(text: string): { mentions: Mention[]; entities: Entity[] } {
  const mentions: Mention[] = [];
  PEOPLE.forEach((forms, entity) => {
    for (const form of forms) {
      for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + form.length)) {
        const overlaps = mentions.some((m) => m.start < at + form.length && at < m.end);
        const wordEnd = !/\p{L}/u.test(text[at + form.length] ?? ' ');
        if (!overlaps && wordEnd) mentions.push({ start: at, end: at + form.length, type: 'PER', text: form, entity });
      }
    }
  });
  mentions.sort((a, b) => a.start - b.start);
  const entities = PEOPLE.map((forms, id): Entity => ({
    id,
    type: 'PER',
    name: forms[0]!,
    acronyms: [],
    mentions: mentions.flatMap((m, k) => (m.entity === id ? [k] : [])),
    references: [],
    roles: [],
  }));
  return { mentions, entities };
}

function seedQuotes(withPeople: boolean) {
  const doc = sentencesStage.run(read({ content: page, format: 'text' }, { understand: false }), undefined);
  if (withPeople) Object.assign(doc.layers, markPeople(doc.text!));
  return { doc, quotes: quotesStage.run(doc, undefined).layers.quotes! };
}

test('quotes seed: the eight quotes with their kinds and speaker entities', () => {
  const { doc, quotes } = seedQuotes(true);
  for (const want of expected.quotes) {
    const found = quotes.find((q) => q.text === want.text);
    assert.ok(found, `quote not found: "${want.text}"`);
    assert.equal(found.kind, want.kind, want.text);
    assert.ok(found.speaker !== undefined, `no speaker entity for "${want.text}"`);
    assert.equal(doc.layers.entities![found.speaker]!.name, want.speaker, want.text);
  }
});

test('quotes seed: speaker mentions without entities name the speaker or stand for them', () => {
  const { quotes } = seedQuotes(false);
  for (const want of expected.quotes) {
    const found = quotes.find((q) => q.text === want.text)!;
    const mention = found.speakerMention?.text ?? '';
    const named = want.speaker.split(' ').some((part) => mention.split(' ').includes(part));
    assert.ok(named || (found.attribution === 'pronoun' && /^(he|she)$/iu.test(mention)), `${want.text}: ${mention}`);
  }
});

test('quotes seed: scare quotes are not speech', () => {
  const { quotes } = seedQuotes(true);
  for (const notQuote of expected.not_quotes) {
    for (const q of quotes.filter((x) => x.text.replace(/[,.]$/u, '') === notQuote.text)) {
      assert.ok(q.kind === 'indirect' || q.speaker === undefined, `"${notQuote.text}" given to a person`);
    }
  }
  assert.equal(quotes.filter((q) => q.kind !== 'indirect').length, expected.quotes.length);
});
