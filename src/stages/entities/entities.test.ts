import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Entity, EntityType } from '../../doc/annotations.js';
import { createDoc, type NewsDoc } from '../../doc/news-doc.js';
import { read } from '../../read.js';
import { SEED_PAGE } from '../../../test/helpers/repo.js';
import { entitiesStage, honorificGender, resolvePersonAt } from './index.js';
import { markMentions } from '../../../test/helpers/mentions.js';
import { loadNerTagger } from '../../io/ner-model.js';
import { createNerStage } from '../ner/index.js';
import { sentencesStage } from '../sentences/index.js';

type Names = readonly (readonly [string, EntityType])[];

function run(text: string, names: Names): NewsDoc {
  const doc = createDoc({ format: 'text' });
  doc.text = text;
  doc.layers.mentions = markMentions(text, names);
  return entitiesStage.run(doc, {});
}

function entity(doc: NewsDoc, name: string): Entity {
  const found = doc.layers.entities!.find((e) => e.name === name);
  assert.ok(found, `no entity named ${name}; have ${doc.layers.entities!.map((e) => e.name).join(', ')}`);
  return found;
}

function mentionTexts(doc: NewsDoc, e: Entity): string[] {
  return e.mentions.map((m) => doc.layers.mentions![m]!.text);
}

const SEED_NAMES: Names = [
  ['Vladimir Putin', 'PER'], ['Putin', 'PER'], ['Xi Jinping', 'PER'], ['Xi', 'PER'], ['Antony Blinken', 'PER'],
  // The tagger calls the Kremlin a place; as an entity it is the government.
  ['Shanghai Cooperation Organisation', 'ORG'], ['SCO', 'ORG'], ['Kremlin', 'LOC'],
  ['SAMARKAND', 'LOC'], ['Uzbekistan', 'LOC'], ['India', 'LOC'], ['Russia', 'LOC'], ['China', 'LOC'], ['Ukraine', 'LOC'],
  ['Moscow', 'LOC'], ['US', 'LOC'], ['Washington', 'LOC'], ['Russian', 'MISC'], ['Chinese', 'MISC'], ['Western', 'MISC'],
];

test('entities: the seed article yields its people with roles, the SCO with its acronym, and the Kremlin', () => {
  const content = readFileSync(SEED_PAGE, 'utf8');
  const doc = read({ content, format: 'text' }, { understand: false });
  doc.layers.mentions = markMentions(doc.text!, SEED_NAMES);
  entitiesStage.run(doc, {});

  const putin = entity(doc, 'Vladimir Putin');
  assert.equal(putin.type, 'PER');
  assert.deepEqual(new Set(mentionTexts(doc, putin)), new Set(['Vladimir Putin', 'Putin']));
  assert.deepEqual(putin.roles.map((r) => r.text), ['Russian President']);
  assert.deepEqual(putin.references.map((r) => r.text), ['the Russian leader']);
  assert.equal(putin.country, 'Russia');

  const xi = entity(doc, 'Xi Jinping');
  assert.deepEqual(new Set(mentionTexts(doc, xi)), new Set(['Xi Jinping', 'Xi']));
  assert.deepEqual(xi.roles.map((r) => r.text), ['Chinese leader']);
  assert.deepEqual(xi.references.map((r) => r.text), ['the Chinese leader']);

  const blinken = entity(doc, 'Antony Blinken');
  assert.deepEqual(blinken.roles.map((r) => r.text), ['US Secretary of State']);
  assert.equal(blinken.country, 'United States');

  const sco = entity(doc, 'Shanghai Cooperation Organisation');
  assert.equal(sco.type, 'ORG');
  assert.deepEqual(sco.acronyms, ['SCO']);
  assert.equal(mentionTexts(doc, sco).filter((t) => t === 'SCO').length, 3);
  assert.equal(entity(doc, 'Kremlin').type, 'ORG');
  assert.equal(entity(doc, 'Chinese').country, 'China');

  // Every span points at its text, and every mention at the entity that lists it.
  for (const e of doc.layers.entities!) {
    for (const span of [...e.roles, ...e.references]) assert.equal(doc.text!.slice(span.start, span.end), span.text);
    for (const m of e.mentions) assert.equal(doc.layers.mentions![m]!.entity, e.id);
  }
});

test('entities: the seed set in capitals gets the roles, references and countries it has in ordinary case', () => {
  const content = readFileSync(SEED_PAGE, 'utf8');
  const text = read({ content, format: 'text' }, { understand: false }).text!;
  const caps = text.toUpperCase();
  assert.equal(caps.length, text.length);
  const ordinary = run(text, SEED_NAMES);
  const shouted = run(caps, SEED_NAMES.map(([name, type]) => [name.toUpperCase(), type] as const));
  const summary = (doc: NewsDoc): string[] =>
    doc.layers.entities!.map((e) => `${e.type} ${e.name} [${e.roles.map((r) => r.text).join('; ')}] [${e.references.map((r) => r.text).join('; ')}] ${e.country ?? ''}`.toUpperCase());
  const expected = summary(ordinary);
  assert.ok(expected.some((line) => line.includes('RUSSIAN PRESIDENT') && line.includes('THE RUSSIAN LEADER')));
  assert.deepEqual(summary(shouted), expected);
});

test('entities: the seed through the trained tagger gives the same people, roles and organisations', () => {
  const content = readFileSync(SEED_PAGE, 'utf8');
  const doc = read({ content, format: 'text' }, { understand: false });
  sentencesStage.run(doc, {});
  createNerStage(loadNerTagger()).run(doc, {});
  entitiesStage.run(doc, {});
  const people = doc.layers.entities!.filter((e) => e.type === 'PER');
  assert.deepEqual(people.map((e) => e.name).sort(), ['Antony Blinken', 'Vladimir Putin', 'Xi Jinping']);
  assert.deepEqual(entity(doc, 'Vladimir Putin').roles.map((r) => r.text), ['Russian President']);
  assert.deepEqual(entity(doc, 'Vladimir Putin').references.map((r) => r.text), ['the Russian leader']);
  assert.deepEqual(entity(doc, 'Xi Jinping').references.map((r) => r.text), ['the Chinese leader']);
  assert.deepEqual(entity(doc, 'Antony Blinken').roles.map((r) => r.text), ['US Secretary of State']);
  assert.deepEqual(entity(doc, 'Shanghai Cooperation Organisation').acronyms, ['SCO']);
  assert.equal(entity(doc, 'Kremlin').type, 'ORG');
});

test('entities: a bare surname shared by two people goes to the one named last, and the full names stay apart', () => {
  const text =
    'Clinton spoke first. Hillary Clinton met voters in Ohio. Bill Clinton stayed home. Clinton later said he was tired. ' +
    'Hillary Clinton returned to Iowa, where Clinton thanked supporters.';
  const doc = run(text, [['Hillary Clinton', 'PER'], ['Bill Clinton', 'PER'], ['Clinton', 'PER']]);
  const hillary = entity(doc, 'Hillary Clinton');
  const bill = entity(doc, 'Bill Clinton');
  assert.notEqual(hillary.id, bill.id);
  const bare = doc.layers.mentions!.filter((m) => m.text === 'Clinton');
  assert.equal(bare.length, 3);
  // Named before either full name: ambiguous, so it stays its own entity.
  assert.notEqual(bare[0]!.entity, hillary.id);
  assert.notEqual(bare[0]!.entity, bill.id);
  assert.equal(bare[1]!.entity, bill.id);
  assert.equal(bare[2]!.entity, hillary.id);
});

test('entities: the first surname of a Spanish name, alone, is that person; a surname a name ends with comes first', () => {
  const text = 'Governor Ricardo Rosselló Nevares resigned. Rosselló said he would leave. Nevares thanked aides. Ana García López and Pedro López spoke. López left.';
  const doc = run(text, [['Ricardo Rosselló Nevares', 'PER'], ['Rosselló', 'PER'], ['Nevares', 'PER'], ['Ana García López', 'PER'], ['Pedro López', 'PER'], ['López', 'PER']]);
  const ricardo = entity(doc, 'Ricardo Rosselló Nevares');
  const of = (name: string) => doc.layers.mentions!.filter((m) => m.text === name).map((m) => m.entity);
  assert.deepEqual(of('Rosselló'), [ricardo.id]);
  assert.deepEqual(of('Nevares'), [ricardo.id]);
  // "López" ends both names: it goes to the one named last, as any shared surname does.
  assert.deepEqual(of('López'), [entity(doc, 'Pedro López').id]);
});

test('entities: the article-wide majority fixes a type the tagger got wrong once', () => {
  const text = 'Reuters reported the deal. Analysts at Reuters agreed. Reuters said more.';
  const doc = createDoc({ format: 'text' });
  doc.text = text;
  doc.layers.mentions = markMentions(text, [['Reuters', 'ORG']]).map((m, i) => (i === 1 ? { ...m, type: 'PER' as const } : m));
  entitiesStage.run(doc, {});
  assert.equal(doc.layers.entities!.length, 1);
  assert.equal(doc.layers.entities![0]!.type, 'ORG');
  assert.ok(doc.layers.mentions!.every((m) => m.type === 'ORG' && m.entity === 0));
});

test('entities: an acronym joins the long name whose initials it spells', () => {
  const text = 'The EU summit opened. The European Union said the EU would act.';
  const doc = run(text, [['European Union', 'ORG'], ['EU', 'ORG']]);
  assert.equal(doc.layers.entities!.length, 1);
  const eu = doc.layers.entities![0]!;
  assert.equal(eu.name, 'European Union');
  assert.deepEqual(eu.acronyms, ['EU']);
  assert.equal(eu.mentions.length, 3);
});

test('entities: honorifics are not roles; titles before names, abbreviated titles and appositions are', () => {
  const text =
    'Mr. Biden met Gen. Mark Milley on Monday. Antony Blinken, the US secretary of state, joined them. ' +
    'Joe Biden said little, and Biden left. Putin, 69, the Russian president, was not there.';
  const doc = run(text, [['Joe Biden', 'PER'], ['Biden', 'PER'], ['Mark Milley', 'PER'], ['Antony Blinken', 'PER'], ['Putin', 'PER']]);
  const biden = entity(doc, 'Joe Biden');
  assert.equal(biden.mentions.length, 3);
  assert.deepEqual(biden.roles, []);
  assert.deepEqual(entity(doc, 'Mark Milley').roles.map((r) => r.text), ['Gen.']);
  const blinken = entity(doc, 'Antony Blinken');
  assert.deepEqual(blinken.roles.map((r) => r.text), ['US secretary of state']);
  assert.equal(blinken.country, 'United States');
  const putin = entity(doc, 'Putin');
  assert.deepEqual(putin.roles.map((r) => r.text), ['Russian president']);
  assert.equal(putin.country, 'Russia');
  // The apposition is a role, not also a reference.
  assert.deepEqual(putin.references, []);
});

test('entities: a description goes to the latest person it fits, never to one whose country or title disagrees', () => {
  const text =
    'German Chancellor Olaf Scholz called French President Emmanuel Macron. The German leader said the talks went well. ' +
    'Macron, 44, agreed. The president later flew home, and the 44-year-old rested. The Spanish leader was not called.';
  const doc = run(text, [['Olaf Scholz', 'PER'], ['Emmanuel Macron', 'PER'], ['Macron', 'PER']]);
  const scholz = entity(doc, 'Olaf Scholz');
  const macron = entity(doc, 'Emmanuel Macron');
  assert.deepEqual(scholz.references.map((r) => r.text), ['The German leader']);
  assert.deepEqual(macron.references.map((r) => r.text), ['The president', 'the 44-year-old']);
  assert.equal(scholz.country, 'Germany');
  assert.equal(macron.country, 'France');
});

test('entities: resolvePersonAt finds the latest fitting person before an offset', () => {
  const text = 'Chinese leader Xi Jinping met Russian President Vladimir Putin. Ms. Jane Roe, a spokeswoman, watched.';
  const doc = run(text, [['Xi Jinping', 'PER'], ['Vladimir Putin', 'PER'], ['Jane Roe', 'PER']]);
  const end = text.length;
  assert.equal(resolvePersonAt(doc, end, { country: 'China' }), entity(doc, 'Xi Jinping').id);
  assert.equal(resolvePersonAt(doc, end, { head: 'leader', country: 'Russia' }), entity(doc, 'Vladimir Putin').id);
  assert.equal(resolvePersonAt(doc, end, { gender: 'female' }), entity(doc, 'Jane Roe').id);
  assert.equal(resolvePersonAt(doc, end), entity(doc, 'Jane Roe').id);
  assert.equal(resolvePersonAt(doc, text.indexOf('Russian')), entity(doc, 'Xi Jinping').id);
  assert.equal(resolvePersonAt(doc, 0), undefined);
  assert.equal(resolvePersonAt(doc, end, { country: 'France' }), undefined);
});

test('entities: bad mentions and empty input give a result, never a crash', () => {
  const text = 'Putin said so.';
  const doc = createDoc({ format: 'text' });
  doc.text = text;
  doc.layers.mentions = [
    { start: 0, end: 5, type: 'PER', text: 'Putin' },
    { start: 10, end: 500, type: 'ORG', text: 'so.' },
    { start: 3, end: 3, type: 'LOC', text: '' },
    { start: -4, end: 2, type: 'MISC', text: 'the' },
  ];
  entitiesStage.run(doc, {});
  assert.ok(doc.layers.mentions.every((m) => m.entity !== undefined));
  const empty = createDoc({ format: 'text' });
  empty.text = '';
  assert.deepEqual(entitiesStage.run(empty, {}).layers.entities, []);
});

test('entities: a long text with many names and descriptions stays fast', () => {
  const sentence = 'Russian President Vladimir Putin met the Chinese leader, and Putin said the president would return. ';
  const text = sentence.repeat(5000);
  const started = performance.now();
  const doc = run(text, [['Vladimir Putin', 'PER'], ['Putin', 'PER']]);
  const elapsed = performance.now() - started;
  assert.equal(doc.layers.entities!.length, 1);
  assert.equal(doc.layers.entities![0]!.references.length, 5000);
  assert.ok(elapsed < 3000, `took ${elapsed} ms`);
});

test('entities: predicates, descriptions announcing a name, narrower titles and things of an age are not references', () => {
  const text =
    'US President Donald Trump spoke to US Secretary of State Antony Blinken. Trump was the first president to refuse. ' +
    'The Labour Party leader, Jeremy Corbyn, replied. The California secretary of state disagreed. ' +
    'The 25-year-old building burned. The president said nothing.';
  const doc = run(text, [
    ['Donald Trump', 'PER'], ['Trump', 'PER'], ['Antony Blinken', 'PER'], ['Jeremy Corbyn', 'PER'], ['Labour Party', 'ORG'],
    ['California', 'LOC'], ['US', 'LOC'],
  ]);
  const trump = entity(doc, 'Donald Trump');
  assert.deepEqual(trump.references.map((r) => r.text), ['The president']);
  assert.deepEqual(entity(doc, 'Jeremy Corbyn').references, []);
  // California's secretary of state is not the US one.
  assert.deepEqual(entity(doc, 'Antony Blinken').references, []);
});

test('entities: a description with an organisation or office word goes only to someone whose title has it', () => {
  const text = 'Health Minister Jane Roe and Finance Minister John Doe met. The health minister said the talks went well.';
  const doc = run(text, [['Jane Roe', 'PER'], ['John Doe', 'PER']]);
  assert.deepEqual(entity(doc, 'Jane Roe').references.map((r) => r.text), ['The health minister']);
  assert.deepEqual(entity(doc, 'John Doe').references, []);
});

test('entities: a role set off by a dash or in parentheses is an apposition too', () => {
  const text = 'Boris Johnson — former Foreign Secretary, and mayor — won. Jeremy Hunt (the foreign secretary) lost.';
  const doc = run(text, [['Boris Johnson', 'PER'], ['Jeremy Hunt', 'PER']]);
  assert.deepEqual(entity(doc, 'Boris Johnson').roles.map((r) => r.text), ['former Foreign Secretary']);
  assert.deepEqual(entity(doc, 'Jeremy Hunt').roles.map((r) => r.text), ['foreign secretary']);
});

test('entities: a parenthesised abbreviation of part of a name is not its acronym; a non-person is nobody’s surname', () => {
  const text = 'The Parliament of New South Wales (NSW) sat. Rocky Linux shipped. Linux users cheered, and Linux grew.';
  const doc = run(text, [['Parliament of New South Wales', 'ORG'], ['NSW', 'LOC'], ['Rocky Linux', 'PER'], ['Linux', 'MISC']]);
  assert.deepEqual(entity(doc, 'Parliament of New South Wales').acronyms, []);
  assert.equal(entity(doc, 'NSW').type, 'LOC');
  assert.equal(entity(doc, 'Linux').mentions.length, 2);
  assert.equal(entity(doc, 'Rocky Linux').mentions.length, 1);
});

test('entities: a paragraph of a thousand distinct names and titles in random order gives a result quickly', () => {
  const words = ['Smith', 'John', 'The', 'President', 'of', 'the', 'Acme', 'Corp', '(AC)', 'said', 'Mr.', 'Jones,', 'leader,', 'Russian'];
  let state = 7;
  const next = (): number => (state = (state * 16807) % 2147483647);
  const text = Array.from({ length: 50_000 }, (_, i) => (i % 50 === 0 ? `Name${next() % 1000}x` : words[next() % words.length])).join(' ');
  const started = performance.now();
  const doc = run(text, [['John Smith', 'PER'], ['Smith', 'PER'], ['Acme Corp', 'ORG'], ['Jones', 'PER'], ['Russian', 'MISC']]);
  const elapsed = performance.now() - started;
  assert.ok(doc.layers.mentions!.every((m) => m.entity !== undefined));
  assert.ok(elapsed < 3000, `took ${elapsed} ms`);
});

test('entities: a title with an "of" complement before a name is one role', () => {
  const text = 'Secretary of Defense Lloyd Austin met Minister of Foreign Affairs Sergey Lavrov and Postmaster General Louis DeJoy.';
  const doc = run(text, [['Lloyd Austin', 'PER'], ['Sergey Lavrov', 'PER'], ['Louis DeJoy', 'PER']]);
  assert.deepEqual(entity(doc, 'Lloyd Austin').roles.map((r) => r.text), ['Secretary of Defense']);
  assert.deepEqual(entity(doc, 'Sergey Lavrov').roles.map((r) => r.text), ['Minister of Foreign Affairs']);
  assert.deepEqual(entity(doc, 'Louis DeJoy').roles.map((r) => r.text), ['Postmaster General']);
});

test('entities: a title the tagger kept inside the name is a role, and the bare name groups', () => {
  const text = 'Vladimir Putin arrived. Later, former President Putin spoke, and Mrs. Theresa May listened.';
  const doc = run(text, [['Vladimir Putin', 'PER'], ['President Putin', 'PER'], ['Mrs. Theresa May', 'PER']]);
  const putin = entity(doc, 'Vladimir Putin');
  assert.equal(putin.mentions.length, 2);
  assert.deepEqual(putin.roles.map((r) => r.text), ['former President']);
  const may = entity(doc, 'Theresa May');
  assert.deepEqual(may.roles, []);
  assert.equal(resolvePersonAt(doc, text.length, { gender: 'male' }), putin.id);
});

test('entities: a form of address is known by its own list, never by what every object inherits ("constructor")', () => {
  assert.equal(honorificGender('Mrs.'), 'female');
  assert.equal(honorificGender('Dr'), 'none');
  assert.equal(honorificGender('constructor'), undefined);
  assert.equal(honorificGender('toString'), undefined);
  assert.equal(honorificGender('Senator'), undefined);
});

test('entities: a title with its complement inside a mention is not part of the name ("Mayor of London Sadiq Khan")', () => {
  const text = 'Mayor of London Sadiq Khan thanked the police. President of Russia Putin did not comment.';
  const doc = run(text, [
    ['Mayor of London Sadiq Khan', 'PER'],
    ['President of Russia Putin', 'PER'],
  ]);
  const names = (doc.layers.entities ?? []).filter((entity) => entity.type === 'PER').map((entity) => entity.name);
  assert.deepEqual(names, ['Sadiq Khan', 'Putin']);
});

test('entities: a relative named as one does not take the bare surname, and an honorific picks the person of its gender', () => {
  const text = 'Joe Biden spoke in Ohio. Trump brought up Biden\'s son Hunter Biden and his dealings abroad. Biden defended his son.';
  const doc = run(text, [['Joe Biden', 'PER'], ['Hunter Biden', 'PER'], ['Biden', 'PER']]);
  const bare = doc.layers.mentions!.filter((m) => m.text === 'Biden');
  assert.equal(bare.length, 2);
  assert.equal(bare[1]!.entity, entity(doc, 'Joe Biden').id);

  const spouses = 'Donald Trump flew to Florida. His first wife, Ivana Trump, spoke to reporters. Mrs. Trump said little. Mr. Trump said more.';
  const both = run(spouses, [['Donald Trump', 'PER'], ['Ivana Trump', 'PER'], ['Trump', 'PER']]);
  const [mrs, mr] = both.layers.mentions!.filter((m) => m.text === 'Trump');
  assert.equal(mrs!.entity, entity(both, 'Ivana Trump').id);
  assert.equal(mr!.entity, entity(both, 'Donald Trump').id);
});

test('entities: past a paragraph, a bare surname is the person named most often, not the one named last', () => {
  const filler = 'The debate moved on to other subjects for a long while, with questions about taxes, trade, health care and the courts. '.repeat(4);
  const text = `Joe Biden held a town hall. Biden spoke about the economy. The Post ran a story about Hunter Biden and a laptop. ${filler}Biden said his decision would depend on the hearings.`;
  const doc = run(text, [['Joe Biden', 'PER'], ['Hunter Biden', 'PER'], ['Biden', 'PER']]);
  const last = doc.layers.mentions!.filter((m) => m.text === 'Biden').at(-1)!;
  assert.equal(last.entity, entity(doc, 'Joe Biden').id);
  // Within the paragraph, the one just named keeps the reader's focus.
  const near = run('Joe Biden held a town hall. Biden spoke about the economy. The Post ran a story about Hunter Biden. Biden declined to comment.', [['Joe Biden', 'PER'], ['Hunter Biden', 'PER'], ['Biden', 'PER']]);
  assert.equal(near.layers.mentions!.filter((m) => m.text === 'Biden').at(-1)!.entity, entity(near, 'Hunter Biden').id);
});

test('entities: a chain of bare surnames does not carry the focus past a paragraph', () => {
  const filler = 'The debate turned to taxes, trade, health care and the courts, and the moderator pressed both men for details. ';
  const text = `Joe Biden debated on Thursday. Biden spoke first. Biden spoke again. The story of Hunter Biden came up. ${filler.repeat(3)}Biden slammed the plan. ${filler.repeat(3)}Biden argued that green energy creates jobs.`;
  const doc = run(text, [['Joe Biden', 'PER'], ['Hunter Biden', 'PER'], ['Biden', 'PER']]);
  const bare = doc.layers.mentions!.filter((m) => m.text === 'Biden');
  assert.equal(bare.at(-1)!.entity, entity(doc, 'Joe Biden').id);
});
