import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { parseSearch } from './search-syntax.js';

// The store's table, exactly as the migration creates it, with a handful of articles.
const db = new Database(':memory:');
db.exec(`CREATE VIRTUAL TABLE article_search USING fts5(headline, body, tokenize = 'porter unicode61 remove_diacritics 2')`);
const ROWS: readonly (readonly [string, string])[] = [
  ['C++ programming', 'Compilers, templates and programmers.'],
  ['e-mail scam', 'Fraudsters posed as the bank.'],
  ['Café au lait', 'A drink of coffee and milk.'],
  ['Putin said', 'Putin said the talks would go on.'],
  ['the U.S. election', 'Voters went to the polls.'],
  ['Sanctions on Russia', 'Trump or Biden: who will lift them?'],
  ['Trump and Putin meet', 'The summit was near Helsinki. Not a drill.'],
  ['Remembering 9/11', 'Title: x marks the spot.'],
  ['हिन्दी समाचार', 'News in Hindi.'],
  ['Résumé tips', 'cafe\u0301 culture'], // decomposed: e + combining acute
  ['Emoji 😀 and 🤔', 'Faces.'],
];
const insert = db.prepare('INSERT INTO article_search (rowid, headline, body) VALUES (?, ?, ?)');
ROWS.forEach(([headline, body], i) => insert.run(i + 1, headline, body));
const ALL = ROWS.map((_, i) => i + 1);
const matching = db.prepare('SELECT rowid FROM article_search WHERE article_search MATCH ? ORDER BY rowid').pluck();
after(() => db.close());

/** Outside its quoted strings, an expression may only hold AND, OR, brackets and prefix stars. */
function assertOnlyOurSyntax(expression: string): void {
  const bare = expression.replace(/"(?:[^"]|"")*"/g, '');
  assert.match(bare, /^(?:[\s()*]|AND|OR)*$/, expression);
}

/** The rows a query returns, as the store will run it: what matches, minus what is excluded. */
function find(text: string): number[] {
  const { match, exclude } = parseSearch(text);
  if (match === null && exclude === null) return [];
  for (const expression of [match, exclude]) if (expression !== null) assertOnlyOurSyntax(expression);
  const candidates = match === null ? ALL : (matching.all(match) as number[]);
  const excluded = new Set(exclude === null ? [] : (matching.all(exclude) as number[]));
  return candidates.filter((id) => !excluded.has(id));
}

function expectRows(cases: readonly (readonly [string, readonly number[]])[]): void {
  for (const [text, rows] of cases) assert.deepEqual(find(text), rows, `${JSON.stringify(text)} → ${JSON.stringify(parseSearch(text))}`);
}

describe('parseSearch: the documented syntax', () => {
  it('requires every word, in any case; an explicit AND changes nothing', () => {
    expectRows([
      ['putin', [4, 7]],
      ['PUTIN said', [4]],
      ['said putin', [4]],
      ['putin AND said', [4]],
    ]);
    assert.equal(parseSearch('putin AND said').match, parseSearch('putin said').match);
  });

  it('matches a quoted phrase only with its words adjacent and in order', () => {
    expectRows([
      ['"putin said"', [4]],
      ['"said putin"', []],
      ['"Putin said the talks"', [4]],
      ['"a OR b" putin', []], // keywords inside quotes are words: nothing has "a or b"
    ]);
    assert.equal(parseSearch('"putin said"').match, '"putin said"');
  });

  it('takes either side of an uppercase OR, binding it tighter than the implicit AND', () => {
    expectRows([
      ['russia OR helsinki', [6, 7]],
      ['russia OR helsinki OR polls', [5, 6, 7]],
      // trump AND (lift OR summit) AND helsinki; FTS5's own precedence would also give row 6.
      ['trump lift OR summit helsinki', [7]],
    ]);
    assert.deepEqual(matching.all('trump lift OR summit helsinki'), [6, 7], 'the precedence we must not inherit');
    assert.equal(parseSearch('a b OR c d').match, '"a" AND ("b" OR "c") AND "d"');
  });

  it('excludes a -word or -"phrase" that starts a term, and nothing else', () => {
    expectRows([
      ['putin -summit', [4]],
      ['putin -"talks would"', [7]],
      ['-putin -trump', [1, 2, 3, 5, 8, 9, 10, 11]],
      ['e-mail', [2]],
    ]);
    assert.deepEqual(parseSearch('-putin'), { match: null, exclude: '"putin"', terms: [], empty: false });
    assert.deepEqual(find('-putin'), [1, 2, 3, 5, 6, 8, 9, 10, 11], 'only exclusions: everything else');
  });

  it('searches word* as a prefix when the star follows a letter or digit', () => {
    expectRows([
      ['program*', [1]],
      ['sanction*', [6]],
      ['e-ma*', [2]],
      ['putin -summ*', [4]],
    ]);
    assert.deepEqual(parseSearch('Prog*').terms, ['prog']);
    assert.equal(parseSearch('C++*').match, '"C"', 'no letter before the star: not a prefix');
    assert.equal(parseSearch('foo**').match, '"foo"');
  });

  it('gives the positive words for highlighting, lower-cased and once each', () => {
    assert.deepEqual(parseSearch('Putin "said the" prog* -trump putin OR Russia').terms, ['putin', 'said', 'the', 'prog', 'russia']);
  });
});

describe('parseSearch: anything else is searched as plain words', () => {
  it('splits words with separators into phrases, as the index did', () => {
    expectRows([
      ['C++', [1]],
      ['U.S.', [5]],
      ['9/11', [8]],
      ['title:x', [8]], // not a column filter (there is no such column; FTS5 would throw)
      ['^putin', [4, 7]],
    ]);
    assert.equal(parseSearch('e-mail').match, '"e mail"');
    assert.equal(parseSearch('U.S.').match, '"U S"');
  });

  it('reads stray OR, AND, NOT and NEAR as the words they are', () => {
    expectRows([
      ['OR', [6]],
      ['OR trump', [6]],
      ['trump OR', [6]],
      ['trump or', [6]],
      ['trump OR biden', [6, 7]],
      ['trump OR OR biden', [6]], // doubled: the word "or" twice, not an operator
      ['AND', [1, 3, 7, 11]],
      ['AND putin', [7]],
      ['putin AND AND trump', [7]],
      ['putin OR -summit', []], // an OR needs positive sides: putin AND "or", without summit
      ['putin NOT summit', [7]], // FTS5 would have read NOT as an operator and returned 4
      ['NEAR(', [7]],
      ['NEAR(helsinki)', [7]], // one word, so the phrase "near helsinki"
      ['NEAR(putin helsinki)', []], // the phrase "near putin", which no article has
    ]);
  });

  it('ignores an unbalanced quote, a lone dash and lone stars', () => {
    expectRows([
      ['"putin said', [4]],
      ['putin said"', [4]],
      ['putin -', [4, 7]],
      ['putin * **', [4, 7]],
      ['putin OR * helsinki', [4, 7]], // the star stands for nothing, so the OR joins its neighbours
    ]);
  });

  it('says when there is nothing to search for, and that blank text is no query', () => {
    for (const text of ['*', '-', '😀', '^ : ( ) + ""', '- * "" 😀'])
      assert.deepEqual(parseSearch(text), { match: null, exclude: null, terms: [], empty: true }, text);
    for (const text of ['', '   ', '\n\t'])
      assert.deepEqual(parseSearch(text), { match: null, exclude: null, terms: [], empty: false }, JSON.stringify(text));
  });

  it('keeps the first 64 terms and reads no further', () => {
    const words = Array.from({ length: 100 }, (_, i) => `w${i}`);
    const parsed = parseSearch(words.join(' OR '));
    assert.deepEqual(parsed.terms, words.slice(0, 64));
    assert.equal(parsed.match?.split(' OR ').length, 64);
    const started = performance.now();
    assert.equal(parseSearch('x'.repeat(5) + ' -a'.repeat(200_000)).exclude?.split(' OR ').length, 63);
    assert.ok(performance.now() - started < 500, 'a huge query is cut short, not parsed whole');
  });
});

describe('parseSearch: tokens as unicode61 makes them', () => {
  it('keeps accents with their letters and splits where the tokenizer splits', () => {
    expectRows([
      ['café', [3, 10]],
      ['cafe\u0301', [3, 10]], // a combining acute continues the word it follows
      ['CAFE', [3, 10]],
      ['resume', [10]],
      ['हिन्दी', [9]],
      ['🤔', [11]], // an emoji newer than Unicode 6.1 is a token to unicode61; 😀 is not
    ]);
    // Devanagari vowel signs are combining marks, which unicode61 treats as separators.
    assert.deepEqual(parseSearch('हिन्दी').terms, ['ह', 'न', 'द']);
  });

  it('splits every code point as the real tokenizer does', () => {
    // One table row per block of code points: each as `x<c>y` (one token if c joins a word,
    // two if it separates) and alone (a token only if c can start one). A disagreement on
    // any code point changes its row's token count.
    const sweep = new Database(':memory:');
    sweep.exec(`CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'unicode61 remove_diacritics 2');
      CREATE VIRTUAL TABLE counts USING fts5vocab(t, 'instance');`);
    const add = sweep.prepare('INSERT INTO t (rowid, x) VALUES (?, ?)');
    const expected = new Map<number, number>();
    const tokenCount = (text: string): number => parseSearch(`"${text}"`).match?.split(' ').length ?? 0;
    const BLOCK = 512;
    sweep.transaction(() => {
      for (let first = 0; first <= 0x10ffff; first += BLOCK) {
        const chars: string[] = [];
        for (let cp = first; cp < first + BLOCK && cp <= 0x10ffff; cp++) {
          // Surrogates are not characters; NUL ends SQLite's text; `"` would close our phrase.
          if ((cp >= 0xd800 && cp <= 0xdfff) || cp === 0 || cp === 0x22) continue;
          chars.push(String.fromCodePoint(cp));
        }
        for (const [row, text] of [[(first / BLOCK) * 2 + 1, chars.map((c) => `x${c}y`).join(' ')], [(first / BLOCK) * 2 + 2, chars.join(' ')]] as const) {
          add.run(row, text);
          expected.set(row, tokenCount(text));
        }
      }
    })();
    const actual = new Map<number, number>();
    for (const { doc, n } of sweep.prepare('SELECT doc, count(*) AS n FROM counts GROUP BY doc').iterate() as Iterable<{ doc: number; n: number }>)
      actual.set(doc, n);
    sweep.close();
    const wrong = [...expected].filter(([row, n]) => (actual.get(row) ?? 0) !== n).map(([row]) => `U+${(Math.floor((row - 1) / 2) * BLOCK).toString(16)}`);
    assert.deepEqual(wrong, [], 'blocks whose code points split differently');
  });
});

describe('parseSearch: any input (property)', () => {
  const syntax = fc.constantFrom('"', '(', ')', '*', '-', '^', ':', '+', ' ', 'OR', 'AND', 'NEAR', 'NOT', 'a', 'b', 'é', '\u0301', '😀', '🤔', '""');
  const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit));
  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.string({ unit: syntax, maxLength: 40 }),
    fc.string({ unit: fc.oneof(syntax, fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }), loneSurrogate), maxLength: 40 }),
  );

  it('never throws, and FTS5 accepts every expression it returns', () => {
    fc.assert(
      fc.property(text, (query) => {
        const parsed = parseSearch(query);
        for (const expression of [parsed.match, parsed.exclude]) {
          if (expression === null) continue;
          assertOnlyOurSyntax(expression);
          assert.doesNotThrow(() => matching.all(expression), expression);
        }
        assert.equal(parsed.match === null, parsed.terms.length === 0);
        if (parsed.empty) assert.equal(parsed.exclude, null);
      }),
      { seed: 9_2024, numRuns: 4_000 },
    );
  });
});
