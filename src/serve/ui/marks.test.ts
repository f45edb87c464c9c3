import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { html, render, type SafeHtml } from './html.js';
import { arrangeMarks, highlight, markText, renderMarked, type Mark, type MarkLayer, type MarkPart } from './marks.js';
import { assertWellFormed, textOf } from './test-support.js';

function tagged(tag: string): (inner: SafeHtml, part: MarkPart) => SafeHtml {
  // The tag name comes from the test itself; only the content is data.
  const open = { q: html`<q>`, a: html`<a href="/e">`, b: html`<b>`, mark: html`<mark>` }[tag] ?? html`<i>`;
  const close = { q: html`</q>`, a: html`</a>`, b: html`</b>`, mark: html`</mark>` }[tag] ?? html`</i>`;
  return (inner) => html`${open}${inner}${close}`;
}

function layer(tag: string, nests: boolean, spans: readonly (readonly [number, number])[]): MarkLayer {
  return { nests, marks: spans.map(([start, end]) => ({ start, end, wrap: tagged(tag) })) };
}

const quotes = (...spans: [number, number][]): MarkLayer => layer('q', true, spans);
const mentions = (...spans: [number, number][]): MarkLayer => layer('a', false, spans);

function marked(text: string, layers: readonly MarkLayer[]): string {
  const out = render(markText(text, layers));
  assertWellFormed(out);
  assert.equal(textOf(out), text, 'the text comes out whole once tags are stripped');
  return out;
}

test('marks: a mention inside a quote nests in it', () => {
  assert.equal(marked('He said Putin came.', [quotes([3, 18]), mentions([8, 13])]), 'He <q>said <a href="/e">Putin</a> came</q>.');
});

test('marks: a quote inside a quote nests; a link inside a link does not', () => {
  assert.equal(marked('abcdefgh', [quotes([1, 7], [2, 5])]), 'a<q>b<q>cde</q>fg</q>h');
  assert.equal(marked('abcdefgh', [mentions([1, 7], [2, 5])]), 'a<a href="/e">bcdefg</a>h');
});

test('marks: adjacent spans stay side by side', () => {
  assert.equal(marked('XiPutin', [mentions([0, 2], [2, 7])]), '<a href="/e">Xi</a><a href="/e">Putin</a>');
  assert.equal(marked('abcd', [quotes([0, 2]), mentions([2, 4])]), '<q>ab</q><a href="/e">cd</a>');
});

test('marks: a mention crossing a quote boundary is split at it, the quote is whole', () => {
  assert.equal(marked('say Vladimir Putin', [quotes([0, 12]), mentions([4, 18])]), '<q>say <a href="/e">Vladimir</a></q><a href="/e"> Putin</a>');
  assert.equal(marked('Vladimir Putin said', [quotes([9, 19]), mentions([0, 14])]), '<a href="/e">Vladimir </a><q><a href="/e">Putin</a> said</q>');
});

test('marks: a span crossing another of its own layer is dropped', () => {
  assert.equal(marked('abcdef', [quotes([0, 4], [2, 6])]), '<q>abcd</q>ef');
  assert.equal(marked('abcdef', [mentions([0, 4], [2, 6])]), '<a href="/e">abcd</a>ef');
});

test('marks: out-of-range, inverted, empty and non-integer spans are clipped or ignored', () => {
  assert.equal(marked('abc', [mentions([-5, 1], [2, 99])]), '<a href="/e">a</a>b<a href="/e">c</a>');
  assert.equal(marked('abc', [mentions([2, 1], [1, 1], [Number.NaN, 2], [5, 9])]), 'abc');
  assert.equal(marked('abc', [mentions([0.5, 2.7])]), '<a href="/e">ab</a>c');
  assert.equal(marked('', [mentions([0, 3])]), '');
});

test('marks: astral characters are never cut in two', () => {
  const text = 'a😀b𝔸c';
  // 😀 is text[1..3], 𝔸 is text[4..6]: offsets 2 and 5 fall inside them.
  const out = marked(text, [mentions([2, 3]), quotes([4, 5])]);
  assert.equal(out, 'a<a href="/e">😀</a>b<q>𝔸</q>c');
});

test('marks: split pieces say which is first and last, so a speaker is named once', () => {
  const seen: MarkPart[] = [];
  const mark: Mark = { start: 0, end: 6, wrap: (inner, part) => (seen.push(part), html`<q>${inner}</q>`) };
  const out = render(markText('abcdef', [{ nests: false, marks: [{ start: 3, end: 3.5, wrap: tagged('b') }, { start: 2, end: 4, wrap: tagged('b') }] }, { nests: true, marks: [mark] }]));
  assertWellFormed(out);
  assert.equal(out, '<q>ab</q><b><q>cd</q></b><q>ef</q>');
  assert.deepEqual(seen, [
    { first: true, last: false, start: 0, end: 2, rank: 1, mark },
    { first: false, last: false, start: 2, end: 4, rank: 1, mark },
    { first: false, last: true, start: 4, end: 6, rank: 1, mark },
  ]);
});

test('marks: cuts split spans, and a block range renders alone', () => {
  const text = 'first para\n\nsecond para';
  const pieces = arrangeMarks(text, [quotes([6, 18])], [0, 10, 12, 23]);
  assert.equal(render(renderMarked(text, 0, 10, pieces)), 'first <q>para</q>');
  assert.equal(render(renderMarked(text, 12, 23, pieces)), '<q>second</q> para');
});

test('highlight: wraps exactly the given ranges, escapes every piece, merges overlaps', () => {
  assert.equal(render(highlight('abcdef', [[1, 3]])), 'a<mark>bc</mark>def');
  assert.equal(render(highlight('abcdef', [[4, 6], [0, 1]])), '<mark>a</mark>bcd<mark>ef</mark>');
  assert.equal(render(highlight('abcdef', [[1, 3], [2, 5]])), 'a<mark>bcde</mark>f');
  assert.equal(render(highlight('a<b>&c', [[1, 4]])), 'a<mark>&lt;b&gt;</mark>&amp;c');
  assert.equal(render(highlight('<img src=x onerror=alert(1)>', [[0, 4]])), '<mark>&lt;img</mark> src=x onerror=alert(1)&gt;');
  assert.equal(render(highlight('abc', [])), 'abc');
});

const spanArbitrary = fc.tuple(fc.integer({ min: -3, max: 40 }), fc.integer({ min: -3, max: 40 }));

test('marks: any spans in any layers give well-formed markup and the whole text (property)', () => {
  fc.assert(
    fc.property(
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.array(fc.tuple(fc.constantFrom('q', 'a', 'b', 'mark'), fc.boolean(), fc.array(spanArbitrary, { maxLength: 8 })), { maxLength: 4 }),
      fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 4 }),
      (text, layerSpecs, cuts) => {
        const layers = layerSpecs.map(([tag, nests, spans]) => layer(tag, nests, spans));
        const whole = render(markText(text, layers));
        assertWellFormed(whole);
        assert.equal(textOf(whole), text);
        // Every arranged piece nests, so the renderer never has to leave one out.
        assert.equal(whole.match(/<[a-z]/g)?.length ?? 0, arrangeMarks(text, layers).length);
        // Rendered range by range between cuts, the pieces still nest and cover the text once.
        const bounds = [...new Set([0, ...cuts.filter((cut) => cut < text.length), text.length])].sort((a, b) => a - b);
        const pieces = arrangeMarks(text, layers, bounds);
        let joined = '';
        for (let i = 1; i < bounds.length; i++) {
          const part = render(renderMarked(text, bounds[i - 1]!, bounds[i]!, pieces));
          assertWellFormed(part);
          joined += textOf(part);
        }
        assert.equal(joined, text);
      },
    ),
    { numRuns: 500 },
  );
});
