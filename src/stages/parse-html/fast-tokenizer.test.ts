import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Parser } from 'htmlparser2';
import { fastTokenizer } from './fast-tokenizer.js';

/** Every parser event, in order, with its data: two runs agree only if their tokens do. */
function events(chunks: readonly string[], fast: boolean): string[] {
  const out: string[] = [];
  const parser = new Parser(
    {
      onopentag: (name, attrs) => out.push(`<${name} ${JSON.stringify(attrs)}`),
      ontext: (text) => out.push(`text ${text}`),
      onclosetag: (name, implied) => out.push(`</${name} ${implied}`),
      oncomment: (text) => out.push(`comment ${text}`),
      onprocessinginstruction: (name, data) => out.push(`pi ${name} ${data}`),
    },
    {
      decodeEntities: true,
      lowerCaseTags: true,
      lowerCaseAttributeNames: true,
      recognizeSelfClosing: false,
      ...(fast && fastTokenizer !== null ? { Tokenizer: fastTokenizer } : {}),
    },
  );
  for (const chunk of chunks) parser.write(chunk);
  parser.end();
  return out;
}

const PAGES = [
  '<!DOCTYPE html><html lang=en><head><title>A &amp; B</title><script>if (a < b && c) x("</div>")</script>',
  '<style>p { color: red }</style></head><body class="x &quot;y&quot;" data-x=\'a&amp;b "c"\' data-n=plain&amp;more>',
  '<p>Text &eacute;t&eacute; &#8212; &notanentity; & loose < not a tag</p><!-- a -- comment --><p>after',
  '<textarea>raw &amp; <b>not bold</b></textarea><svg><path d="M0 0"/></svg><![CDATA[x]]><?php echo 1 ?>',
  '<a href="/x?a=1&b=2">link</a><img alt=\'it&#39;s\' src=x.png><br/>tail & end &',
];

test('fast tokenizer: the same events as the stock one, in one write', () => {
  assert.notEqual(fastTokenizer, null, 'htmlparser2 still has the methods the fast tokenizer overrides');
  const html = PAGES.join('\n');
  assert.deepEqual(events([html], true), events([html], false));
});

test('fast tokenizer: the same events when the input comes in chunks', () => {
  const html = PAGES.join('\n');
  for (const size of [1, 7, 64]) {
    const chunks: string[] = [];
    for (let k = 0; k < html.length; k += size) chunks.push(html.slice(k, k + size));
    assert.deepEqual(events(chunks, true), events(chunks, false), `chunks of ${size}`);
  }
});

test('fast tokenizer: unterminated text, attribute and comment at the end of input', () => {
  for (const html of ['plain text & more', '<p class="never closed', "<p title='x &amp", '<!-- open comment', '<script>never closed']) {
    assert.deepEqual(events([html], true), events([html], false), html);
  }
});
