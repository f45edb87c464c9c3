import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDoc, type NewsDoc } from '../../doc/news-doc.js';
import { loadNerTagger, readNerModelFiles } from '../../io/ner-model.js';
import { sentencesStage } from '../sentences/index.js';
import type { TaggerDocument } from './features.js';
import { createNerStage } from './index.js';
import { TrueCaser } from './truecase.js';

const LISTS = [
  '# dateline ner true-casing v1: test lists',
  ...['the', 'explosion', 'demolish', 'city', 'water', 'at', 'of', 'in', 'a', 'and', 'said', 'officials', 'plant', 'on', 'brine', 'et', 'depot'].map((w) => `lower\t${w}`),
  'upper\tun',
  'name\txi',
  'lower\tunited',
  'lower\tstates',
  'phrase\tunited states',
  'phrase\tbank of england',
].join('\n');
const caser = TrueCaser.parse(LISTS);

function documentOf(...sentences: string[]): TaggerDocument {
  const words: string[] = [];
  const sentenceBounds: number[] = [];
  for (const sentence of sentences) {
    sentenceBounds.push(words.length);
    words.push(...sentence.split(' '));
  }
  sentenceBounds.push(words.length);
  return { words, sentenceBounds };
}

test('a shouted document gets common words in lower case, acronyms in capitals, other words in title case', () => {
  const shouted = documentOf(
    'THE EXPLOSION AT THE WATER PLANT OF THE CITY DEMOLISHED A UN DEPOT IN KARACHI .',
    'OFFICIALS SAID XI AND AHU VISITED THE PLANT ON MONDAY , DE VERA ET AL WROTE .',
  );
  const { words } = caser.trueCase(shouted);
  assert.deepEqual(words.slice(0, 16), ['The', 'explosion', 'at', 'the', 'water', 'plant', 'of', 'the', 'city', 'demolished', 'a', 'UN', 'depot', 'in', 'Karachi', '.']);
  // Short words no list knows go to lower case; known short names keep a capital; "et al" is a phrase.
  assert.deepEqual(words.slice(16), ['Officials', 'said', 'Xi', 'and', 'ahu', 'Visited', 'the', 'plant', 'on', 'Monday', ',', 'de', 'Vera', 'et', 'al', 'Wrote', '.']);
});

test('name phrases the lists know keep their capitals even when their words are common ones', () => {
  const shouted = documentOf(
    'THE UNITED STATES AND THE BANK OF ENGLAND SAID THE STATES UNITED .',
    'OFFICIALS OF THE CITY SAID THE PLANT IN KARACHI WAS UNITED AGAIN ON MONDAY .',
  );
  const { words } = caser.trueCase(shouted);
  assert.deepEqual(words.slice(0, 12), ['The', 'United', 'States', 'and', 'the', 'Bank', 'of', 'England', 'said', 'the', 'states', 'united']);
});

test('inflected forms of listed words and hyphenated words are read part by part', () => {
  assert.equal(caser.wordCase('BRINES', false), 'brines');
  assert.equal(caser.wordCase('EXPLOSIONS', false), 'explosions');
  assert.equal(caser.wordCase('WATER-PLANT', false), 'water-plant');
  assert.equal(caser.wordCase('UN-BACKED', false), 'UN-Backed');
  assert.equal(caser.wordCase('UNCONFIRMED', false), 'unconfirmed');
  assert.equal(caser.wordCase('THE', true), 'The');
});

test('mixed-case text, a headline in capitals and tables of names in capitals are left as written', () => {
  const ordinary = documentOf('The explosion at the water plant demolished a depot in Karachi .', 'Officials said so on Monday .');
  assert.equal(caser.trueCase(ordinary), ordinary);
  const headlineOverBody = documentOf(
    'SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .',
    'Japan began the defence of their Asian Cup title with a lucky 2-1 win against Syria .',
  );
  assert.equal(caser.trueCase(headlineOverBody), headlineOverBody);
  const table = documentOf(
    'NHL ICE HOCKEY - STANDINGS AFTER THURSDAY \'S GAMES .',
    'Standings of National Hockey League teams after games played on Thursday ( tabulate under won , lost ) :',
    'EASTERN CONFERENCE', 'NORTHEAST DIVISION', 'HARTFORD 10 7 3 23 60 58', 'BUFFALO 11 10 1 23 62 59',
  );
  assert.equal(caser.trueCase(table), table);
});

test('a malformed list is refused at load', () => {
  assert.throws(() => TrueCaser.parse('lower\tthe\n'), /truecase\.txt/);
});

const nerStage = createNerStage(loadNerTagger());

function tagged(text: string): NewsDoc {
  const doc = createDoc({ format: 'text' }, text);
  doc.text = text;
  doc.layers.blocks = [{ kind: 'paragraph', start: 0, end: text.length }];
  return nerStage.run(sentencesStage.run(doc, {}), {});
}

const ARTICLE =
  'Russian President Vladimir Putin met the city council of Samarkand, Uzbekistan, on Thursday after an explosion ' +
  'demolished the water resources office. Putin told reporters in Moscow that the damage was heavy and that ' +
  'engineers would come from India. The city said the explosion had left three kilometres of pipes dry.';

test('in a shouted article the model files tag names, not capitalised common words, at the original spans', () => {
  assert.ok(readNerModelFiles().truecase !== undefined);
  const caps = ARTICLE.toUpperCase();
  const mentions = tagged(caps).layers.mentions ?? [];
  const found = mentions.map((m) => m.text);
  for (const name of ['VLADIMIR PUTIN', 'SAMARKAND', 'UZBEKISTAN', 'MOSCOW', 'INDIA']) assert.ok(found.includes(name), `${name} in ${found.join(', ')}`);
  for (const mention of mentions) {
    assert.equal(caps.slice(mention.start, mention.end), mention.text);
    assert.match(ARTICLE.slice(mention.start, mention.end), /^\p{Lu}/u, `${mention.text} is not a name in the original`);
  }
});

test('the same article in mixed case is tagged as before (the true-caser stands aside)', () => {
  const mentions = tagged(ARTICLE).layers.mentions ?? [];
  const found = mentions.map((m) => `${m.type}:${m.text}`);
  for (const name of ['PER:Vladimir Putin', 'LOC:Samarkand', 'LOC:Uzbekistan', 'LOC:Moscow', 'LOC:India']) assert.ok(found.includes(name), `${name} in ${found.join(', ')}`);
});

test('"US" in capitals is the country after THE or before a word that goes with it, else the pronoun', () => {
  const lists = `${LISTS}\nlower\tus\nlower\ttold\nlower\ttroops\nlower\tsaid`;
  const us = TrueCaser.parse(lists);
  const { words } = us.trueCase(
    documentOf('THE US SAID ON MONDAY THE EXPLOSION AT THE PLANT TOLD US A LOT .', 'OFFICIALS SAID US TROOPS AND THE UN WERE AT THE WATER PLANT ON MONDAY .'),
  );
  assert.equal(words[1], 'US');
  assert.equal(words[11], 'us');
  assert.equal(words[17], 'US');
});
