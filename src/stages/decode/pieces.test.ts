import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDoc } from '../../doc/news-doc.js';
import { decodeStage } from './index.js';
import { decodeUtf8Pieces, inputPieces, isBlankInput } from './pieces.js';
import { parseHtml } from '../parse-html/parse.js';

/** A page well over the piece size, with multi-byte text, entities, scripts and CDATA. */
function bigPage(): string {
  const para = '<p class="x" title="a &amp; b">Café “quoted” — 東京 &eacute;t&eacute; 😀 text.</p>\n';
  const script = '<script>var s = "<div>" + 1 < 2;</script><![CDATA[ bogus ]]>';
  return `<html><body>${(para.repeat(40) + script).repeat(60)}</body></html>`;
}

test('pieces: a large UTF-8 page is decoded in pieces that make up the same text', () => {
  const html = bigPage();
  const bytes = new TextEncoder().encode(html);
  const pieces = decodeUtf8Pieces(bytes);
  assert.ok(pieces !== null && pieces.length > 2, 'decoded in several pieces');
  assert.equal(pieces.join(''), html);
  for (const piece of pieces.slice(1)) assert.equal(piece[0], '<');
});

test('pieces: invalid or small UTF-8 is decoded whole', () => {
  assert.equal(decodeUtf8Pieces(new TextEncoder().encode('<p>small</p>')), null);
  const bytes = new TextEncoder().encode(bigPage());
  bytes[1000] = 0xff;
  assert.equal(decodeUtf8Pieces(bytes), null);
});

test('pieces: the decode stage hands the parser its pieces, and the tree is the one-string tree', () => {
  const html = bigPage();
  const doc = decodeStage.run(createDoc({ format: 'html', bytes: new TextEncoder().encode(html) }), {});
  assert.equal(doc.input, html);
  const pieces = inputPieces(doc);
  assert.ok(pieces.length > 2);
  assert.deepEqual(stripParents(parseHtml(pieces).root), stripParents(parseHtml(html).root));
  assert.equal(isBlankInput(doc), false);
});

test('pieces: input that is not the decoded string is read as one piece', () => {
  const doc = decodeStage.run(createDoc({ format: 'html', bytes: new TextEncoder().encode(bigPage()) }), {});
  const other = { ...doc, input: '   \n ' };
  assert.deepEqual(inputPieces(other), ['   \n ']);
  assert.equal(isBlankInput(other), true);
});

function stripParents(node: unknown): unknown {
  return JSON.parse(JSON.stringify(node, (key, value: unknown) => (key === 'parent' ? undefined : value)));
}
