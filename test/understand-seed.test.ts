/**
 * The seed, end to end: `read()` on the scraped SCO-summit page must yield every
 * understanding fact `test/fixtures/seed/sco-summit-expected.json` lists — the three people
 * with their mentions and roles, the organisations, every place, the eight quotes with
 * the right speakers, no scare quote as speech, and the times.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { read } from '../src/read.js';
import { toArticleJson, type ArticleJson } from '../src/output/json.js';
import { SEED_EXPECTED, SEED_PAGE } from './helpers/repo.js';

interface SeedExpectation {
  people: { name: string; mentions: string[]; roles: string[] }[];
  organisations: string[];
  places: string[];
  quotes: { speaker: string; text: string; kind: string; cue: string }[];
  not_quotes: { text: string; why: string }[];
  times: { text: string; relative: boolean }[];
}

const expected = JSON.parse(readFileSync(SEED_EXPECTED, 'utf8')) as SeedExpectation;
const page = readFileSync(SEED_PAGE);
let cached: ArticleJson | undefined;
const article = (): ArticleJson => (cached ??= toArticleJson(read({ bytes: page, path: 'sco-summit-page.txt', format: 'text' })));

/** Curly and straight apostrophes and spacing are not what is being tested. */
const norm = (value: string): string => value.replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();

test('seed: every annotation points at the text it names', () => {
  const { text, entities, quotes, times } = article();
  for (const entity of entities) {
    for (const span of [...entity.mentions, ...entity.references, ...entity.roles]) assert.equal(text.slice(span.start, span.end), span.text);
  }
  for (const quote of quotes) {
    assert.ok(norm(text.slice(quote.start, quote.end)).includes(norm(quote.text)), `quote span does not hold "${quote.text}"`);
    for (const part of [quote.cue, quote.speakerMention]) if (part !== null) assert.equal(text.slice(part.start, part.end), part.text);
  }
  for (const time of times) assert.equal(text.slice(time.start, time.end), time.text);
});

for (const person of expected.people) {
  test(`seed: ${person.name} is one person with every mention and the role`, () => {
    const entity = article().entities.find((e) => e.type === 'PER' && e.name === person.name);
    assert.ok(entity, `no PER entity named ${person.name}; got ${article().entities.map((e) => `${e.name}/${e.type}`).join(', ')}`);
    const said = new Set([...entity.mentions, ...entity.references].map((m) => norm(m.text)));
    for (const mention of person.mentions) assert.ok(said.has(norm(mention)), `${person.name}: "${mention}" is not one of its mentions (${[...said].join(', ')})`);
    const roles = entity.roles.map((r) => norm(r.text));
    for (const role of person.roles) assert.ok(roles.includes(norm(role)), `${person.name}: no role "${role}" (${roles.join(', ')})`);
  });
}

test('seed: the organisations, with the SCO acronym', () => {
  const orgs = article().entities.filter((e) => e.type === 'ORG');
  for (const expectedOrg of expected.organisations) {
    const [, name = expectedOrg, acronym] = /^(.*?)(?: \((\w+)\))?$/.exec(expectedOrg) ?? [];
    const entity = orgs.find((e) => norm(e.name) === norm(name));
    assert.ok(entity, `no ORG "${name}"; got ${orgs.map((e) => e.name).join(', ')}`);
    if (acronym !== undefined) assert.ok(entity.acronyms.includes(acronym), `${name}: acronym ${acronym} missing`);
  }
});

test('seed: every place is listed', () => {
  const places = new Set(article().entities.filter((e) => e.type === 'LOC').flatMap((e) => [e.name, ...e.mentions.map((m) => m.text)]).map(norm));
  const missing = expected.places.filter((place) => !places.has(norm(place)));
  assert.deepEqual(missing, [], `places missing: ${missing.join(', ')}`);
});

test('seed: the eight quotes, each with the right speaker', () => {
  const quotes = article().quotes;
  for (const want of expected.quotes) {
    const found = quotes.find((q) => norm(q.text).includes(norm(want.text)) || norm(want.text).includes(norm(q.text)) && norm(q.text).length > 20);
    assert.ok(found, `quote not found: "${want.text}"`);
    assert.equal(found.speaker?.name, want.speaker, `"${want.text.slice(0, 40)}…": speaker`);
  }
});

test('seed: scare quotes are not speech, and no person speaks a phrase the Kremlin framed', () => {
  const quotes = article().quotes;
  const people = new Set(article().entities.filter((e) => e.type === 'PER').map((e) => e.id));
  for (const notQuote of expected.not_quotes) {
    for (const quote of quotes.filter((q) => norm(q.text) === norm(notQuote.text))) {
      assert.ok(quote.speaker === null || !people.has(quote.speaker.id), `"${notQuote.text}" attributed to ${quote.speaker?.name}: ${notQuote.why}`);
      if (notQuote.text === 'international order') assert.fail(`"international order" taken as speech: ${notQuote.why}`);
    }
  }
});

test('seed: the times, relative ones marked so', () => {
  const times = article().times;
  for (const want of expected.times) {
    const found = times.find((t) => norm(t.text) === norm(want.text) || norm(t.text) === norm(want.text.replace(/^(on|in) /, '')));
    assert.ok(found, `time "${want.text}" not found; got ${times.map((t) => t.text).join(', ')}`);
    assert.equal(found.relative, want.relative, `"${want.text}" relative`);
  }
});
