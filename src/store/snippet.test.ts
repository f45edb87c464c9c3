import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { snippetsFor } from './snippet.js';

const marked = (snippet: string, highlights: readonly (readonly [number, number])[]) => highlights.map(([from, to]) => snippet.slice(from, to));

describe('snippets', () => {
  it('marks every searched word in the passage around the first, in each body of a query', () => {
    const snippetOf = snippetsFor(['putin', 'sanctions']);
    const filler = 'Words before the news. '.repeat(20);
    for (const body of [`${filler}Putin said the sanctions on Russia would fail, and Putin's aides agreed.`, `Sanction talk: Putin\n\nspoke.`]) {
      const { snippet, highlights } = snippetOf(body);
      const words = marked(snippet, highlights);
      assert.ok(words.some((word) => /^putin/iu.test(word)), `Putin marked in ${snippet}`);
      assert.ok(words.some((word) => /^sanction/iu.test(word)), `a form of sanction marked in ${snippet}`);
      assert.ok(snippet.length <= 242, 'at most one passage');
    }
  });

  it('ignores accents as the index does, and keeps offsets right around astral characters', () => {
    const { snippet, highlights } = snippetsFor(['cafe'])('🎉 Le Café de Flore et le café du coin.');
    assert.deepEqual(marked(snippet, highlights), ['Café', 'café']);
  });

  it('gives the opening when the words are not in the body (a headline match) or there are none', () => {
    assert.equal(snippetsFor(['summit'])('Leaders met.\n\nThey talked.').snippet, 'Leaders met. They talked.');
    assert.deepEqual(snippetsFor([])('Leaders met.').highlights, []);
    assert.match(snippetsFor([])('word '.repeat(200)).snippet, /…$/u);
  });
});
