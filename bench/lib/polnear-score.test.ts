import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linesAsBlocks, parseAnn } from './polnear.js';
import { groupInterrupted, isQuoted, judgeSpeaker, quotedTokenMask, scores, tokenIndex, tokensOf, Track } from './polnear-score.js';

const TEXT = 'Title line\n\n“We will win,” Smith said. Jones said the plan would fail badly.\n';

test('polnear: brat events become content, cue and source spans', () => {
  const ann = [
    'T1\tSource 27 32\tSmith',
    'T2\tCue 33 37\tsaid',
    'T3\tContent 13 24\tWe will win',
    'T4\tAttribution 33 37\tsaid',
    'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
    'T5\tDiscuss 0 5\tTitle',
    'T6\tContent 49 74;75 81\tthe plan would fail badly',
    'E2\tAttribution-no-source:T6 Content:T6',
  ].join('\n');
  const [a, b] = parseAnn(ann, TEXT);
  assert.deepEqual(a?.content, [{ start: 13, end: 24 }]);
  assert.equal(a?.sourceText, 'Smith');
  assert.equal(a?.cueText, 'said');
  assert.deepEqual(b?.content, [{ start: 49, end: 74 }, { start: 75, end: 81 }]);
  assert.equal(b?.source, undefined);
  assert.deepEqual(linesAsBlocks(TEXT).map((x) => TEXT.slice(x.start, x.end)), ['Title line', '“We will win,” Smith said. Jones said the plan would fail badly.']);
});

test('polnear: tokens, quoted tokens and the quoted-speech rule', () => {
  const index = tokenIndex(TEXT);
  const mask = quotedTokenMask(TEXT, index);
  const quoted = tokensOf(index, [{ start: 12, end: 25 }]);
  assert.deepEqual(quoted.map((t) => TEXT.slice(index.starts[t], index.ends[t])), ['We', 'will', 'win']);
  assert.equal(isQuoted(mask, quoted), true);
  assert.equal(isQuoted(mask, tokensOf(index, [{ start: 49, end: 80 }])), false);
  // An unclosed mark quotes nothing past its line.
  const open = 'He said “never closed\nNext line here';
  const openIndex = tokenIndex(open);
  assert.deepEqual([...quotedTokenMask(open, openIndex)], [0, 0, 0, 0, 0, 0, 0]);
});

test('polnear: span match at half the tokens, token overlap, F1', () => {
  const track = new Track();
  // gold: [0..9] and [20..23]; predictions: half of the first, one token of the second, one stray.
  const golds = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [20, 21, 22, 23]];
  const matches = track.add([[0, 1, 2, 3, 4], [20], [40, 41]], golds, golds);
  assert.deepEqual(matches, [0, -1]);
  assert.deepEqual(track.spanScores(), scores(2, 3, 1, 2));
  assert.equal(track.spanScores().precision, 2 / 3);
  assert.equal(track.spanScores().recall, 1 / 2);
  const tokens = track.tokenScores();
  assert.equal(tokens.precision, 6 / 8);
  assert.equal(tokens.recall, 6 / 14);
  assert.equal(scores(0, 0, 0, 5).f1, 0);
});

test('polnear: speaker verdicts', () => {
  const gold = { source: { start: 10, end: 15 }, sourceText: 'Smith' };
  assert.equal(judgeSpeaker({ speaker: { start: 12, end: 20 }, speakerText: 'ith Jr' }, gold), 'span');
  assert.equal(judgeSpeaker({ speaker: { start: 50, end: 61 }, speakerText: 'Sen. Smith' }, gold), 'name');
  assert.equal(judgeSpeaker({ speaker: { start: 50, end: 55 }, speakerText: 'Jones' }, gold), 'wrong');
  assert.equal(judgeSpeaker({}, gold), 'wrong');
  assert.equal(judgeSpeaker({ speaker: { start: 50, end: 52 }, speakerText: 'he', entity: 3 }, { ...gold, entity: 3 }), 'entity');
  assert.equal(judgeSpeaker({ speaker: { start: 50, end: 52 }, speakerText: 'he', entity: 4 }, { ...gold, entity: 3 }), 'wrong');
  assert.equal(judgeSpeaker({ speaker: { start: 0, end: 1 } }, { sourceText: '' }), 'none');
});

test('polnear: a quotation interrupted by its attribution is one prediction', () => {
  const text = '“We will win,” he said, “and soon.” Later: “Next.”\n“Again,” he said.';
  const cue = { start: 18, end: 22 };
  const he = { start: 15, end: 17 };
  const quotes = [
    { start: 1, end: 12, kind: 'direct', cue, speakerMention: he, attribution: 'cue' },
    { start: 25, end: 34, kind: 'direct', cue, speakerMention: he, attribution: 'cue' },
    { start: 44, end: 49, kind: 'direct', speakerMention: he, attribution: 'continuation' },
    { start: 52, end: 57, kind: 'direct', speakerMention: he, attribution: 'continuation' },
    { start: 60, end: 64, kind: 'indirect' },
  ];
  assert.deepEqual(groupInterrupted(text, quotes), [[0, 1, 2], [3], [4]]);
});
