import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createDoc } from '../../doc/news-doc.js';
import { areSortedAndDisjoint } from '../../doc/span.js';
import { SEED_PAGE } from '../../../test/helpers/repo.js';
import { MAX_SENTENCE_TOKENS, segment, sentencesStage, tokenize, tokenRange } from './index.js';

function words(text: string): string[] {
  return tokenize(text).map((token) => text.slice(token.start, token.end));
}

function kinds(text: string): string[] {
  return tokenize(text).map((token) => `${text.slice(token.start, token.end)}/${token.kind}`);
}

/** Sentences of `text`, one block per line. */
function sentences(text: string): string[] {
  const blocks: { start: number; end: number }[] = [];
  for (const match of text.matchAll(/[^\n]+/g)) blocks.push({ start: match.index, end: match.index + match[0].length });
  return segment(text, blocks).sentences.map((s) => text.slice(s.start, s.end));
}

test('tokens: punctuation split off, clitics split, apostrophes inside names kept', () => {
  assert.deepEqual(words('Putin said, "We don\'t know."'), ['Putin', 'said', ',', '"', 'We', 'do', "n't", 'know', '.', '"']);
  assert.deepEqual(words('Russia’s aggression; O\'Brien\'s car; can’t; they\'re'), [
    'Russia', '’s', 'aggression', ';', "O'Brien", "'s", 'car', ';', 'ca', 'n’t', ';', 'they', "'re",
  ]);
  assert.deepEqual(words('face-to-face talks in ex-Soviet Uzbekistan on COVID-19'), [
    'face-to-face', 'talks', 'in', 'ex-Soviet', 'Uzbekistan', 'on', 'COVID-19',
  ]);
});

test('tokens: abbreviations and initials keep their period', () => {
  assert.deepEqual(words('Mr. Smith of Acme Inc. met Gen. Lee on Jan. 5 in the U.S.'), [
    'Mr.', 'Smith', 'of', 'Acme', 'Inc.', 'met', 'Gen.', 'Lee', 'on', 'Jan.', '5', 'in', 'the', 'U.S.',
  ]);
  assert.deepEqual(words('J. K. Rowling at 9 a.m. e.g. No. 5, but no.'), [
    'J.', 'K.', 'Rowling', 'at', '9', 'a.m.', 'e.g.', 'No.', '5', ',', 'but', 'no', '.',
  ]);
  assert.deepEqual(words('It ended.The next'), ['It', 'ended', '.', 'The', 'next']);
  assert.deepEqual(words('U.S.-led, N.Y.-based, Mo.-based, aid-U.N. official'), [
    'U.S.-led', ',', 'N.Y.-based', ',', 'Mo.-based', ',', 'aid-U.N.', 'official',
  ]);
});

test('tokens: numbers, money, percentages', () => {
  assert.deepEqual(kinds('$5 and 50% of 1,000 at 3.5 on 2022-09-16, 6-4, 1/2, US$3'), [
    '$/symbol', '5/number', 'and/word', '50/number', '%/symbol', 'of/word', '1,000/number', 'at/word',
    '3.5/number', 'on/word', '2022-09-16/number', ',/punct', '6-4/number', ',/punct', '1/2/number', ',/punct',
    'US$/symbol', '3/number',
  ]);
  assert.deepEqual(words('1,2 and 12,3456'), ['1', ',', '2', 'and', '12', ',', '3456']);
  assert.deepEqual(kinds('.596 +0.435 1+1'), ['.596/number', '+0.435/number', '1/number', '+/symbol', '1/number']);
});

test('tokens: URLs and e-mail addresses are one token without the sentence punctuation', () => {
  assert.deepEqual(kinds('See https://example.com/a_(b)?q=1. Or www.bbc.co.uk, or news@example.org.'), [
    'See/word', 'https://example.com/a_(b)?q=1/url', './punct', 'Or/word', 'www.bbc.co.uk/url', ',/punct',
    'or/word', 'news@example.org/url', './punct',
  ]);
  // A site's name in capitals is one word too; a sentence run together is not ("SAID.THE").
  assert.deepEqual(kinds('SITE ZNAK.COM SAID.THE'), ['SITE/word', 'ZNAK.COM/url', 'SAID/word', './punct', 'THE/word']);
});

test('tokens: quotation marks of every style are quote tokens; ellipses and dashes one token', () => {
  const text = '“a” ‘b’ "c" \'d\' «e» „f“ ‚g‘ ``h\'\' wait... and… then -- now — so';
  const quotes = tokenize(text).filter((t) => t.kind === 'quote').map((t) => text.slice(t.start, t.end));
  assert.deepEqual(quotes, ['“', '”', '‘', '’', '"', '"', "'", "'", '«', '»', '„', '“', '‚', '‘', '``', "''"]);
  assert.deepEqual(words('wait... and… then -- now — so. . . end'), [
    'wait', '...', 'and', '…', 'then', '--', 'now', '—', 'so', '. . .', 'end',
  ]);
});

test('tokens: spans cover the text exactly and astral characters are not cut', () => {
  const text = 'Emoji 👍🏽 and 𝐁old, then “x”.';
  const tokens = tokenize(text);
  assert.ok(areSortedAndDisjoint(tokens));
  for (const token of tokens) assert.equal(text.slice(token.start, token.end).trim(), text.slice(token.start, token.end));
  assert.ok(words(text).includes('👍'));
  assert.ok(words(text).includes('𝐁old'));
});

test('sentences: abbreviations and initials do not end sentences', () => {
  assert.deepEqual(sentences('Gen. Mark Milley met J. K. Rowling in Washington. They talked.'), [
    'Gen. Mark Milley met J. K. Rowling in Washington.',
    'They talked.',
  ]);
  assert.deepEqual(sentences('The U.S. Senate voted on Sept. 16. Acme Inc. said it would appeal.'), [
    'The U.S. Senate voted on Sept. 16.',
    'Acme Inc. said it would appeal.',
  ]);
});

test('sentences: a sentence-final "U.S." ends the sentence before a sentence opener', () => {
  assert.deepEqual(sentences('He moved to the U.S. The move was quick.'), ['He moved to the U.S.', 'The move was quick.']);
  assert.deepEqual(sentences('He lacked vitamin D. The doctor saw George W. Bush.'), ['He lacked vitamin D.', 'The doctor saw George W. Bush.']);
  assert.deepEqual(sentences('He lives on Baker St. The house is old. Gen. Will Smith and Dr. No came.'), [
    'He lives on Baker St.',
    'The house is old.',
    'Gen. Will Smith and Dr. No came.',
  ]);
  assert.deepEqual(sentences('Trade with the U.S. Commerce Department grew.'), ['Trade with the U.S. Commerce Department grew.']);
});

test('sentences: in text all in capitals an abbreviation ends a sentence only before an unmistakable opener', () => {
  const text = 'Mr. Putin met Gen. Smith in the U.S. on Jan. 5 at 3 p.m. in St. Petersburg. He left the U.S. The talks ended.';
  const expected = ['Mr. Putin met Gen. Smith in the U.S. on Jan. 5 at 3 p.m. in St. Petersburg.', 'He left the U.S.', 'The talks ended.'];
  assert.deepEqual(sentences(text), expected);
  assert.deepEqual(sentences(text.toUpperCase()), expected.map((s) => s.toUpperCase()));
  const quoted = '“Is it stupid to steal a toilet?” wrote Cattelan. “Stop!” Macron told them. “Go!” They went.';
  const quotedSentences = ['“Is it stupid to steal a toilet?” wrote Cattelan.', '“Stop!” Macron told them.', '“Go!”', 'They went.'];
  assert.deepEqual(sentences(quoted), quotedSentences);
  assert.deepEqual(sentences(quoted.toUpperCase()), quotedSentences.map((s) => s.toUpperCase()));
  // In ordinary text the case still decides.
  assert.deepEqual(sentences('Talks in the U.S. On Monday they met.'), ['Talks in the U.S.', 'On Monday they met.']);
});

test('tokens: a period that ends a sentence is its own token, after an abbreviation too (CoNLL-2003)', () => {
  const text = 'Avocados are not expected in the U.S. The ban stays, said Acme Inc.';
  const { tokens } = segment(text, [{ start: 0, end: text.length }]);
  assert.deepEqual(tokens.map((t) => text.slice(t.start, t.end)), [
    'Avocados', 'are', 'not', 'expected', 'in', 'the', 'U.S', '.', 'The', 'ban', 'stays', ',', 'said', 'Acme', 'Inc', '.',
  ]);
  assert.ok(areSortedAndDisjoint(tokens));
});

test('tokens: a ranked list keeps its numbers whole', () => {
  const text = '1. Michelle Freeman (Jamaica) 12.71 seconds\n2. Ludmila Engquist (Sweden) 12.74';
  assert.deepEqual(words(text).slice(0, 3), ['1.', 'Michelle', 'Freeman']);
  assert.ok(words(text).includes('2.'));
});

test('sentences: ellipses inside quotes do not end sentences', () => {
  assert.deepEqual(
    sentences('“The growing role of new centres of power who cooperate with each other... is becoming more and more clear,” Putin said. The summit ended.'),
    [
      '“The growing role of new centres of power who cooperate with each other... is becoming more and more clear,” Putin said.',
      'The summit ended.',
    ],
  );
});

test('sentences: closing quotation marks belong to the sentence they end', () => {
  assert.deepEqual(sentences('Xi said “it is time to move in a new direction.” She said nothing.'), [
    'Xi said “it is time to move in a new direction.”',
    'She said nothing.',
  ]);
  assert.deepEqual(sentences('"Stop!" he shouted. "Why?" Smith asked. Nobody knew.'), [
    '"Stop!" he shouted.',
    '"Why?" Smith asked.',
    'Nobody knew.',
  ]);
  assert.deepEqual(sentences('It was over (for now.) Then it began again.'), ['It was over (for now.)', 'Then it began again.']);
  // Typographic thin space between the closing single and double quotation marks.
  assert.deepEqual(sentences('He said: "Trump said, \'Let\'s talk tomorrow.\'\u2009"'), ['He said: "Trump said, \'Let\'s talk tomorrow.\'\u2009"']);
});

test('sentences: headlines and list items without final punctuation are one sentence each', () => {
  assert.deepEqual(sentences('Xi, Putin look to challenge ‘international order’\nFirst item\nSecond item'), [
    'Xi, Putin look to challenge ‘international order’',
    'First item',
    'Second item',
  ]);
});

test('sentences: each line of a list inside one block is a sentence', () => {
  const text = '1. Unofficial results\n2. Relative to seats\n• A bullet\n- A dash item';
  assert.deepEqual(segment(text, [{ start: 0, end: text.length }]).sentences.map((s) => text.slice(s.start, s.end)), [
    '1. Unofficial results',
    '2. Relative to seats',
    '• A bullet',
    '- A dash item',
  ]);
});

test('sentences: never cross blocks and carry the block index', () => {
  const doc = createDoc({ format: 'text' });
  doc.text = 'A headline\n\nFirst sentence. Second one\n\nLast block';
  doc.layers.blocks = [
    { kind: 'headline', start: 0, end: 10 },
    { kind: 'paragraph', start: 12, end: 38 },
    { kind: 'paragraph', start: 40, end: 50 },
  ];
  sentencesStage.run(doc, undefined);
  assert.deepEqual(
    doc.layers.sentences!.map((s) => [doc.text!.slice(s.start, s.end), s.block]),
    [['A headline', 0], ['First sentence.', 1], ['Second one', 1], ['Last block', 2]],
  );
  const [from, to] = tokenRange(doc.layers.tokens!, doc.layers.sentences![1]!);
  assert.deepEqual(doc.layers.tokens!.slice(from, to).map((t) => doc.text!.slice(t.start, t.end)), ['First', 'sentence', '.']);
});

test('sentences: a long text without any sentence end is cut into bounded sentences, quickly', () => {
  const text = 'word, '.repeat(200_000);
  const started = performance.now();
  const result = segment(text, [{ start: 0, end: text.length }]);
  assert.ok(performance.now() - started < 2000);
  assert.equal(result.tokens.length, 400_000);
  assert.ok(result.cuts > 0);
  for (const sentence of result.sentences) {
    const [from, to] = tokenRange(result.tokens, sentence);
    assert.ok(to - from <= MAX_SENTENCE_TOKENS);
  }
});

test('sentences: the seed article', () => {
  const page = readFileSync(SEED_PAGE, 'utf8');
  const article = page.slice(0, page.indexOf('\n-\n'));
  const found = sentences(article);
  assert.equal(found[0], 'Xi, Putin look to challenge ‘international order’');
  assert.ok(found.includes('“I think it increases the pressure on Russia to end the aggression.”'));
  assert.ok(found.includes('But Putin later said Russia was in no rush to finish the military action.'));
  assert.ok(found.includes('“We are not in a hurry... there are no changes.”'));
  assert.ok(found.some((s) => s.startsWith('“The growing role') && s.endsWith('Putin said.')));
  assert.ok(found.some((s) => s.startsWith('They should “work together') && s.endsWith('Xi told a joint session.')));
  assert.equal(found.length, 20);
});

test('sentences: invariants hold on random text made of the tricky characters', () => {
  const pieces = [
    'U.S.', 'Mr.', ' ', ' ', '\n', 'a', 'Word', "'", '’', '"', '“', '”', '.', '...', '…', '?', '!', '-', '—', '3.5', '1,000',
    'http://x.org/a.', 'e@x.com', '👍', '\u00a0', 'J.', '(', ')', "n't", "'s", '2001', 'The', '.5', '+4', '1. ',
  ];
  let seed = 7;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let round = 0; round < 300; round++) {
    let text = '';
    const length = random(60);
    for (let i = 0; i < length; i++) text += pieces[random(pieces.length)];
    const middle = random(text.length + 1);
    const blocks = [{ start: 0, end: middle }, { start: Math.min(text.length, middle + 1), end: text.length }];
    const { tokens, sentences } = segment(text, blocks);
    assert.ok(areSortedAndDisjoint(tokens), text);
    assert.ok(areSortedAndDisjoint(sentences), text);
    for (const token of tokens) {
      const covered = text.slice(token.start, token.end);
      assert.ok(covered.length > 0 && covered.trim() === covered, JSON.stringify([text, covered]));
    }
    let tokenCount = 0;
    for (const sentence of sentences) {
      const block = blocks[sentence.block]!;
      assert.ok(sentence.start >= block.start && sentence.end <= block.end, JSON.stringify(['block', text, blocks, sentence]));
      const [from, to] = tokenRange(tokens, sentence);
      assert.ok(to > from, JSON.stringify(['empty', text, sentence]));
      tokenCount += to - from;
    }
    assert.equal(tokenCount, tokens.length, JSON.stringify(['count', text]));
  }
});
