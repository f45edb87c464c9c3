import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { SafeHtml, attrUrl, escapeHtml, html, joinHtml, render } from './html.js';
import { assertSafeMarkup } from './test-support.js';

const HOSTILE = ['<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', "' onmouseover='alert(1)", '&lt;already&gt;'];

test('html: every interpolated string is escaped, in text and in quoted attributes', () => {
  assert.equal(render(html`<p>${'<a & "b" \'c\'>'}</p>`), '<p>&lt;a &amp; &quot;b&quot; &#39;c&#39;&gt;</p>');
  for (const value of HOSTILE) {
    const out = render(html`<p title="${value}">${value}</p>`);
    assert.ok(!out.includes('<img') && !out.includes('<script'), out);
    assertSafeMarkup(out);
  }
  assert.equal(render(html`${'&lt;'}`), '&amp;lt;', 'entities in text are shown, not decoded');
});

test('html: SafeHtml is not escaped again; arrays join; null, undefined and false render nothing; numbers print', () => {
  const inner = html`<b>${'x<y'}</b>`;
  assert.equal(render(html`<p>${inner}</p>`), '<p><b>x&lt;y</b></p>');
  assert.equal(render(html`<ul>${['a<', html`<li>b</li>`, ['c', null]]}</ul>`), '<ul>a&lt;<li>b</li>c</ul>');
  assert.equal(render(html`[${null}${undefined}${false}${0}${-1.5}]`), '[0-1.5]');
  assert.equal(render(joinHtml(['a&', html`<i>b</i>`, 'c'], ', ')), 'a&amp;, <i>b</i>, c');
});

test('html: SafeHtml cannot be minted outside the tag', () => {
  const Forge = SafeHtml as unknown as new (token: unknown, markup: string) => SafeHtml;
  assert.throws(() => new Forge(Symbol('trusted html'), '<script>alert(1)</script>'), TypeError);
  assert.throws(() => new Forge(undefined, '<script>'), TypeError);
});

test('html: an escaped value reads back as itself in text and attributes (property)', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (value) => {
      let attribute: string | undefined;
      let content = '';
      const parser = new Parser(
        {
          onopentag(name, attributes) {
            if (name === 'p') attribute = attributes['title'];
          },
          ontext(chunk) {
            content += chunk;
          },
        },
        { decodeEntities: true },
      );
      parser.write(render(html`<p title="${value}">${value}</p>`));
      parser.end();
      assert.equal(attribute, value);
      assert.equal(content, value);
    }),
    { numRuns: 300 },
  );
});

test('escapeHtml: text with nothing to escape is returned as is', () => {
  const plain = 'Putin met Xi in Samarkand.';
  assert.equal(escapeHtml(plain), plain);
});

test('attrUrl: only absolute http and https addresses pass', () => {
  assert.equal(attrUrl('https://example.com/a?b=1&c=2'), 'https://example.com/a?b=1&c=2');
  assert.equal(attrUrl('http://EXAMPLE.com'), 'http://example.com/');
  for (const bad of [
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'java\tscript:alert(1)',
    '\u0000javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.com/',
    '//evil.example/',
    '/articles/1',
    'example.com',
    'https://',
    '',
    null,
    undefined,
  ]) {
    assert.equal(attrUrl(bad), null, String(bad));
  }
});

test('attrUrl: what it returns is still escaped when interpolated into an attribute', () => {
  const url = attrUrl('https://example.com/"><script>alert(1)</script>');
  assert.ok(url !== null);
  const out = render(html`<a href="${url}">x</a>`);
  assertSafeMarkup(out);
  assert.ok(!out.includes('<script'));
});

test('templates: every interpolated attribute value is quoted (escaping protects quoted values only)', () => {
  const folder = new URL('.', import.meta.url);
  const sources = readdirSync(folder).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
  assert.ok(sources.length > 5);
  for (const name of sources) {
    const source = readFileSync(new URL(name, folder), 'utf8');
    assert.doesNotMatch(source, /=\$\{/, `${name}: an attribute interpolated without quotes`);
  }
});
