import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeReferences } from './entities.js';
import { stripDoctypes } from './prolog.js';

test('entities: the five XML entities, numeric references and HTML names decode', () => {
  assert.equal(decodeReferences('&lt;b&gt; &amp; &quot;q&quot; &apos;a&apos;'), '<b> & "q" \'a\'');
  assert.equal(decodeReferences('&#65;&#x42;&#X43;&#0000068;'), 'ABCD');
  assert.equal(decodeReferences('caf&eacute;&nbsp;&mdash;&hellip;&rsquo;&euro;&trade;'), 'café\u00a0—…’€™');
  assert.equal(decodeReferences('&#128512;'), '😀');
  // HTML reads the C1 range as windows-1252: &#150; is an en dash.
  assert.equal(decodeReferences('&#150;&#147;x&#148;'), '–“x”');
});

test('entities: what is not a reference stays as written', () => {
  assert.equal(decodeReferences('?a=1&b=2&c'), '?a=1&b=2&c');
  assert.equal(decodeReferences('AT&T & co &amp'), 'AT&T & co &amp');
  assert.equal(decodeReferences('&unknownentity; &lol9; &#; &#x; &;'), '&unknownentity; &lol9; &#; &#x; &;');
  assert.equal(decodeReferences('&&amp;&'), '&&&');
  assert.equal(decodeReferences('&amp;amp;'), '&amp;');
});

test('entities: impossible code points become U+FFFD', () => {
  assert.equal(decodeReferences('&#0;&#xD800;&#x110000;&#99999999999;'), '\uFFFD'.repeat(4));
});

test('prolog: DOCTYPEs are cut out with their subsets; comments and CDATA are left alone', () => {
  assert.equal(stripDoctypes('<!DOCTYPE rss [ <!ENTITY a "x>]"> <!-- ]> --> ]><rss/>'), '<rss/>');
  assert.equal(stripDoctypes('<!doctype html><p>'), '<p>');
  assert.equal(
    stripDoctypes('<![CDATA[<!DOCTYPE x>]]><!-- <!DOCTYPE y> --><!DOCTYPE z><a/>'),
    '<![CDATA[<!DOCTYPE x>]]><!-- <!DOCTYPE y> --><a/>',
  );
  // Never terminated: it ends at its first `>`, as a lenient tokenizer would.
  assert.equal(stripDoctypes('<!DOCTYPE x "unclosed> <rss/>'), ' <rss/>');
});
