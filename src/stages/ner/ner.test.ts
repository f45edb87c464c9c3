import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDoc, type NewsDoc } from '../../doc/news-doc.js';
import { loadNerTagger } from '../../io/ner-model.js';
import { sentencesStage } from '../sentences/index.js';
import { createNerStage, isEnglish, readsAsEnglish } from './index.js';
import { isSpeakerLabel, mayBeName, typeOfOneWord } from './not-names.js';

const nerStage = createNerStage(loadNerTagger());

function tagged(text: string, language?: string): NewsDoc {
  const doc = createDoc({ format: 'text' }, text);
  doc.text = text;
  doc.layers.blocks = [{ kind: 'paragraph', start: 0, end: text.length }];
  if (language !== undefined) doc.metadata.language = language;
  return nerStage.run(sentencesStage.run(doc, {}), {});
}

const ARTICLE =
  'Russian President Vladimir Putin met Chinese leader Xi Jinping in Samarkand, Uzbekistan, on Thursday. ' +
  'Putin told reporters that the Shanghai Cooperation Organisation would meet again next year in India. ' +
  'US Secretary of State Antony Blinken said in Washington that Moscow had not changed course.';

test('names in an English article are found with their types and exact spans', () => {
  const doc = tagged(ARTICLE);
  const mentions = doc.layers.mentions ?? [];
  const found = new Set(mentions.map((m) => `${m.type}:${m.text}`));
  for (const expected of ['PER:Vladimir Putin', 'PER:Xi Jinping', 'LOC:Uzbekistan', 'PER:Putin', 'LOC:India', 'PER:Antony Blinken', 'LOC:Washington']) {
    assert.ok(found.has(expected), `${expected} in ${[...found].join(', ')}`);
  }
  assert.ok(mentions.some((m) => m.type === 'ORG' && m.text.includes('Shanghai Cooperation Organisation')));
  for (const mention of mentions) assert.equal(ARTICLE.slice(mention.start, mention.end), mention.text);
  for (let i = 1; i < mentions.length; i++) assert.ok(mentions[i]!.start >= mentions[i - 1]!.end);
});

test('text in another language is not tagged', () => {
  const french = tagged(ARTICLE, 'fr');
  assert.deepEqual(french.layers.mentions, []);
  assert.deepEqual(french.diagnostics.map((d) => d.code), ['NER_NOT_ENGLISH']);
  assert.deepEqual(tagged(ARTICLE).diagnostics, []);
  assert.ok((tagged(ARTICLE, 'en-GB').layers.mentions ?? []).length > 0);
  assert.equal(isEnglish('de'), false);
  assert.equal(isEnglish(undefined), true);
  // No language in the metadata: the text itself is judged.
  const german =
    'Der Bundeskanzler traf am Donnerstag in Berlin den französischen Präsidenten. Die beiden Politiker sprachen über die ' +
    'Lage in der Ukraine und über die Zukunft der Europäischen Union. Nach dem Treffen sagte Scholz, man sei sich einig.';
  assert.deepEqual(tagged(german).layers.mentions, []);
  assert.deepEqual(tagged('Президент России Владимир Путин встретился в четверг с председателем КНР Си Цзиньпином.').layers.mentions, []);
  assert.equal(readsAsEnglish(ARTICLE), true);
  assert.equal(readsAsEnglish('RKC Waalwijk 1 Willem II Tilburg 2\nAjax 3 PSV 0'), true);
});

test('bad input gives a result quickly: a 1 MB run-on paragraph, all caps, no words', () => {
  const huge = 'the minister of Finance met Angela Merkel in Berlin and '.repeat(18_000);
  const doc = createDoc({ format: 'text' }, huge);
  doc.text = huge;
  doc.layers.blocks = [{ kind: 'paragraph', start: 0, end: huge.length }];
  sentencesStage.run(doc, {});
  // The tagger's own share of the 5-second budget for bad input, in CPU time so that a
  // machine shared with other jobs does not fail the test.
  const started = process.cpuUsage();
  nerStage.run(doc, {});
  const used = process.cpuUsage(started);
  assert.ok(used.user + used.system < 5_000_000, `took ${Math.round((used.user + used.system) / 1000)} ms of CPU`);
  assert.ok((doc.layers.mentions ?? []).some((m) => m.text === 'Berlin'));
  const caps = tagged('GERMANY BEAT ITALY 2-1 IN ROME AS KLINSMANN SCORES TWICE.');
  assert.ok((caps.layers.mentions ?? []).some((m) => m.text === 'ROME' && m.type === 'LOC'));
  assert.deepEqual(tagged('... ,,, !!!').layers.mentions, []);
  assert.deepEqual(tagged('').layers.mentions, []);
});

test('a title-case headline is not read as a string of names', () => {
  const headline = 'Putin Says Russia Is In No Rush To End The War In Ukraine';
  const mentions = tagged(headline).layers.mentions ?? [];
  assert.ok(mentions.some((m) => m.text === 'Russia'));
  for (const mention of mentions) assert.ok(['Putin', 'Russia', 'Ukraine'].includes(mention.text), mention.text);
});

test('words that are never names are dropped, and an outlet named "…news" is no person', () => {
  const text = '"We will see what happens," Mayor John Smith told Wikinews on Tuesday. Polls closed at 20:00 UTC in Tulsa, OK, and Honolulu, HI.';
  const found = (tagged(text).layers.mentions ?? []).map((m) => `${m.type}:${m.text}`);
  assert.ok(!found.some((name) => name.endsWith(':UTC')), `no time zone as a name in ${found.join(', ')}`);
  assert.ok(!found.includes('PER:Wikinews'), `Wikinews is no person in ${found.join(', ')}`);
  assert.ok(found.includes('LOC:OK'), `a state's code in capitals stays a name in ${found.join(', ')}`);
});

test('one-word names: speech openers and time zones are none; capitals make a code of an opener', () => {
  for (const word of ['Well', 'Yeah', 'Okay', 'Furthermore', 'UTC', 'EDT', 'What', 'Where']) assert.equal(mayBeName([word], 'PER'), false, word);
  assert.equal(mayBeName(['What'], 'ORG'), false);
  for (const word of ['HI', 'OK', 'West', 'Putin', 'King', 'Charity', 'Felicity']) assert.equal(mayBeName([word], 'PER'), true, word);
  assert.equal(mayBeName(['Well', 'Fargo'], 'ORG'), true, 'a name of two words is kept');
  // A title or an abstract noun alone names no person, though it may name something else.
  for (const word of ['Mayor', 'Authoritarianism', 'Prohibition']) assert.equal(mayBeName([word], 'PER'), false, word);
  // A title alone names nothing else either; a title phrase alone is dropped whatever its type.
  assert.equal(mayBeName(['Senator'], 'ORG'), false);
  assert.equal(mayBeName(['Member', 'of', 'Parliament'], 'ORG'), false);
  assert.equal(mayBeName(['Prime', 'Minister'], 'PER'), false);
  assert.equal(mayBeName(['Prime', 'Minister', 'Modi'], 'PER'), true, 'a title with a name is kept');
  assert.equal(mayBeName(['House', 'of', 'Commons'], 'ORG'), true);
  assert.equal(mayBeName(['Federation'], 'ORG'), true);
  assert.equal(typeOfOneWord('Wikinews', 'PER'), 'ORG');
  assert.equal(typeOfOneWord('Wikinews\u200d', 'PER'), 'ORG', 'an invisible joiner changes nothing');
  assert.equal(typeOfOneWord('News', 'PER'), 'PER', 'the word itself is not an outlet');
  assert.equal(typeOfOneWord('Andrews', 'PER'), 'PER');
  assert.equal(typeOfOneWord('Instagram', 'PER'), 'ORG', 'a platform is cited as an outlet is');
  assert.equal(typeOfOneWord('Instagram', 'LOC'), 'ORG');
  assert.equal(mayBeName(['Christianity'], 'PER'), false);
});

test('a label in an interview transcript is no place; a headline\'s "UK:" is', () => {
  const wikinews = 'Interview\n\n((WN)) What led you to it?\n\n((Sara Seager)) A goal.';
  const at = wikinews.indexOf('WN');
  assert.equal(isSpeakerLabel(wikinews, at, at + 2), true);
  const sara = wikinews.indexOf('Sara');
  assert.equal(isSpeakerLabel(wikinews, sara, sara + 'Sara Seager'.length), true);
  const colons = 'The talk\n\nWN: Why?\n\nSS: Because.\n\nWN: And then?';
  const first = colons.indexOf('WN');
  assert.equal(isSpeakerLabel(colons, first, first + 2), true, 'a label on two lines');
  assert.equal(isSpeakerLabel(colons, colons.lastIndexOf('WN'), colons.lastIndexOf('WN') + 2), true, 'its later line too');
  const ss = colons.indexOf('SS');
  assert.equal(isSpeakerLabel(colons, ss, ss + 2), false, 'a label on one line only is not told from a headline');
  const headline = 'UK: Parliament votes\n\nLONDON — The UK voted.';
  assert.equal(isSpeakerLabel(headline, 0, 2), false);
});

test('a degree written after a name is no person ("Scott Keatley, R.D., says")', () => {
  for (const word of ['R.D.', 'M.D.', 'Ph.D.']) assert.equal(mayBeName([word], 'PER'), false, word);
  const doc = tagged('Protein remains a priority, says Scott Keatley, R.D., co-owner of a nutrition clinic. "It is here to stay," he says.');
  const people = (doc.layers.mentions ?? []).filter((mention) => mention.type === 'PER').map((mention) => doc.text!.slice(mention.start, mention.end));
  assert.deepEqual(people, ['Scott Keatley']);
});
