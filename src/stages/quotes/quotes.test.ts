import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Entity, Mention, Quote } from '../../doc/annotations.js';
import { createDoc, type Block, type NewsDoc } from '../../doc/news-doc.js';
import { quotesStage } from './index.js';
import { findQuotedSpans } from './marks.js';

/** A document whose paragraphs are the given strings, joined by blank lines. */
function docOf(paragraphs: readonly string[], headline?: string): NewsDoc {
  const doc = createDoc({ format: 'text' });
  const parts = headline !== undefined ? [headline, ...paragraphs] : [...paragraphs];
  doc.text = parts.join('\n\n');
  const blocks: Block[] = [];
  let at = 0;
  parts.forEach((part, k) => {
    blocks.push({ kind: k === 0 && headline !== undefined ? 'headline' : 'paragraph', start: at, end: at + part.length });
    at += part.length + 2;
  });
  doc.layers.blocks = blocks;
  return doc;
}

function quotesOf(paragraphs: readonly string[], headline?: string): Quote[] {
  const doc = quotesStage.run(docOf(paragraphs, headline), undefined);
  for (const q of doc.layers.quotes!) assert.equal(doc.text!.slice(q.start, q.end), q.text, 'span and text agree');
  return doc.layers.quotes!;
}

test('quotes: direct quotation with the cue after it, inverted or not', () => {
  const [a] = quotesOf(['“The growing role of new centres of power is clear,” Putin said.']);
  assert.equal(a?.text, 'The growing role of new centres of power is clear');
  assert.equal(a?.kind, 'direct');
  assert.equal(a?.cue?.text, 'said');
  assert.equal(a?.speakerMention?.text, 'Putin');
  assert.equal(a?.attribution, 'cue');
  const [b] = quotesOf(['"We are ready to talk at any time," said Foreign Minister Sergei Lavrov.']);
  assert.equal(b?.text, 'We are ready to talk at any time');
  assert.match(b?.speakerMention?.text ?? '', /Sergei Lavrov$/u);
});

test('quotes: cue before the quotation, title and name as speaker, every mark style', () => {
  for (const [open, close] of [['“', '”'], ['"', '"'], ['«', '»'], ['„', '“'], ["''", "''"]]) {
    const [q] = quotesOf([`US Secretary of State Antony Blinken said: ${open}It increases the pressure on Russia.${close}`]);
    assert.equal(q?.text, 'It increases the pressure on Russia.', open);
    assert.equal(q?.kind, 'direct');
    assert.equal(q?.speakerMention?.text, 'US Secretary of State Antony Blinken');
  }
});

test('quotes: partial quotation inside a sentence, and "what he called"', () => {
  const quotes = quotesOf([
    'Putin hailed the influence of countries outside the West, slamming what he called “instruments of protectionism, illegal sanctions and economic selfishness”.',
  ]);
  const q = quotes.find((x) => x.kind !== 'indirect');
  assert.equal(q?.kind, 'partial');
  assert.equal(q?.cue?.text, 'called');
  assert.equal(q?.speakerMention?.text, 'he');
  assert.equal(q?.attribution, 'pronoun');
});

test('quotes: scare quotes, titles and headlines are not speech; apostrophes are not marks', () => {
  assert.deepEqual(
    quotesOf(
      ['Putin and Xi looked to rally Asian leaders behind a new “international order” as they met on Friday, reading “The Art of the Deal” on Russia’s plane.'],
      'Xi, Putin look to challenge ‘international order’',
    ),
    [],
  );
  assert.deepEqual(findQuotedSpans('Russia’s and the ’90s rock ’n’ roll', [{ start: 0, end: 35 }]), []);
});

test('quotes: a quotation paragraph with no cue continues the previous speaker', () => {
  const quotes = quotesOf([
    '“I think this is reflective of concerns around the world,” Antony Blinken said in Washington.',
    '“I think it increases the pressure on Russia to end the aggression.” But the talks went on.',
  ]);
  assert.equal(quotes.length, 2);
  assert.equal(quotes[1]!.attribution, 'continuation');
  assert.equal(quotes[1]!.speakerMention?.text, 'Antony Blinken');
  assert.equal(quotes[1]!.cue, undefined);
});

test('quotes: a quotation running over paragraphs, each reopened, only the last closed', () => {
  const quotes = quotesOf([
    'Smith told reporters: “We will fight on the beaches and in the fields of this country',
    '“and we shall never surrender to anyone at all.”',
    'The meeting ended at noon.',
  ]);
  const direct = quotes.filter((q) => q.kind !== 'indirect');
  assert.equal(direct.length, 2);
  assert.equal(direct[0]!.text, 'We will fight on the beaches and in the fields of this country');
  assert.equal(direct[0]!.speakerMention?.text, 'Smith');
  assert.equal(direct[1]!.text, 'and we shall never surrender to anyone at all.');
  assert.equal(direct[1]!.attribution, 'continuation');
  assert.equal(direct[1]!.speakerMention?.text, 'Smith');
});

test('quotes: an unbalanced mark never swallows the following paragraphs', () => {
  const quotes = quotesOf([
    'The minister said “this mark is never closed and the sentence goes on.',
    'A second paragraph about the weather, with no quotation marks at all.',
    'A third paragraph that the quote must not reach either.',
  ]);
  for (const q of quotes.filter((x) => x.kind !== 'indirect')) assert.ok(q.end <= 'The minister said “this mark is never closed and the sentence goes on.'.length);
});

test('quotes: reported speech, "according to" and organisations as speakers', () => {
  const [a] = quotesOf(['But Putin later said Russia was in no rush to finish the military action.']);
  assert.equal(a?.kind, 'indirect');
  assert.equal(a?.text, 'Russia was in no rush to finish the military action');
  assert.equal(a?.speakerMention?.text, 'Putin');
  assert.equal(a?.cue?.text, 'said');
  const [b] = quotesOf(['The talks collapsed after midnight, according to two officials briefed on them.']);
  assert.equal(b?.kind, 'indirect');
  assert.equal(b?.cue?.text, 'according to');
  assert.equal(b?.text, 'The talks collapsed after midnight');
  const [c] = quotesOf(['The Kremlin said that the summit would go ahead as planned.']);
  assert.equal(c?.speakerMention?.text, 'The Kremlin');
  assert.equal(c?.text, 'that the summit would go ahead as planned');
  const [d] = quotesOf(['The senator called for a vote on the bill before the recess.']);
  assert.equal(d?.cue?.text, 'called for');
  assert.equal(d?.text, 'a vote on the bill before the recess');
  assert.deepEqual(quotesOf(['The team called off the match after the storm hit the stadium.']), []);
  assert.deepEqual(quotesOf(['Deadly clashes along the border raised fears of all-out conflict.']), []);
});

test('quotes: speaker entities from mentions, pronouns resolved to the subject of their sentence', () => {
  const doc = docOf(['Jane Roe met John Doe in Paris. Roe hailed the deal, slamming what she called “a relic of another age and another century”.']);
  const text = doc.text!;
  const mention = (name: string, from: number, entity: number, type: Mention['type'] = 'PER'): Mention => {
    const start = text.indexOf(name, from);
    return { start, end: start + name.length, type, text: name, entity };
  };
  doc.layers.mentions = [mention('Jane Roe', 0, 0), mention('John Doe', 0, 1), mention('Paris', 0, 2, 'LOC'), mention('Roe', 20, 0)];
  const entity = (id: number, name: string, type: Entity['type'], mentions: number[]): Entity => ({ id, type, name, acronyms: [], mentions, references: [], roles: [] });
  doc.layers.entities = [entity(0, 'Jane Roe', 'PER', [0, 3]), entity(1, 'John Doe', 'PER', [1]), entity(2, 'Paris', 'LOC', [2])];
  const [q] = quotesStage.run(doc, undefined).layers.quotes!;
  assert.equal(q?.speakerMention?.text, 'she');
  assert.equal(q?.speaker, 0);
});

test('quotes: another language gets no quotes rather than guesses', () => {
  const doc = docOf(['„Wir schaffen das“, sagte Merkel am Montag in Berlin vor der Presse.']);
  doc.metadata.language = 'de';
  assert.deepEqual(quotesStage.run(doc, undefined).layers.quotes, []);
});

test('quotes: a text of no stated language that reads as another one gets no quotes either; English still does', () => {
  const portuguese = docOf([
    'Que história é essa de que uma criança de 6 anos deve ler 60 palavras por minuto? “Cada criança tem seu tempo”, disse o professor Carlos para os pais que estavam na escola.',
  ]);
  assert.deepEqual(quotesStage.run(portuguese, undefined).layers.quotes, []);
  // A language the guesser has no list for: too few of English's commonest words.
  const indonesian = docOf([
    'Umar bin Al-Khaththab pernah berkata kepada Aslam tentang cinta dan benci yang berlebihan. “Wahai Aslam, janganlah rasa cintamu berlebihan dan jangan sampai kebencianmu membinasakan,” kata Umar kepada sahabatnya pada suatu hari di Madinah. Aslam bertanya, “Bagaimana itu?” Umar menjawab dengan tenang kepadanya. Jika engkau mencintai seseorang, janganlah berlebihan seperti halnya anak kecil yang menyenangi sesuatu dengan berlebihan. Jika engkau membenci seseorang, janganlah berlebihan sampai engkau ingin melihat dia binasa. Nasihat ini dikenal luas di kalangan umat dan sering dikutip dalam ceramah.',
  ]);
  assert.deepEqual(quotesStage.run(indonesian, undefined).layers.quotes, []);
  const english = docOf(['“Every child has its own pace,” the teacher said to the parents who had come to the school on Monday.']);
  assert.equal(quotesStage.run(english, undefined).layers.quotes?.length, 1);
});

test('quotes: bad input gives a result quickly', () => {
  const started = Date.now();
  const huge = 'He said “'.concat('word "quoted" and ’tis, '.repeat(40_000));
  const quotes = quotesOf([huge, 'Next.']);
  assert.ok(Array.isArray(quotes));
  assert.deepEqual(quotesOf(['']), []);
  const empty = createDoc({ format: 'text' });
  assert.deepEqual(quotesStage.run(empty, undefined).layers.quotes, []);
  assert.ok(Date.now() - started < 5000, 'within 5 s');
});
