import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_DEPTH, parseHtml } from './parse.js';
import type { HtmlElement } from '../../doc/html-tree.js';

function depthOf(root: HtmlElement): number {
  let max = 0;
  const stack: [HtmlElement, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    max = Math.max(max, depth);
    for (const child of node.children) if (child.type === 'element') stack.push([child, depth + 1]);
  }
  return max;
}

test('parse-html: decodes entities and lower-cases tags and attribute names', () => {
  const tree = parseHtml('<P CLASS="x">caf&eacute; &amp; &#x20AC;</P>');
  const p = tree.root.children[0] as HtmlElement;
  assert.equal(p.tag, 'p');
  assert.equal(p.attrs['class'], 'x');
  assert.deepEqual(p.children.map((c) => (c.type === 'text' ? c.text : '')), ['café & €']);
});

test('parse-html: caps nesting at 512 and keeps the deepest text', () => {
  const n = 100_000;
  const started = Date.now();
  const tree = parseHtml('<div>'.repeat(n) + 'deep text' + '</div>'.repeat(n));
  assert.ok(Date.now() - started < 5000, 'parsing 100,000 nested divs takes under 5 s');
  assert.equal(tree.depthCapped, true);
  assert.equal(depthOf(tree.root), MAX_DEPTH);
  let node: HtmlElement = tree.root;
  for (;;) {
    const next = node.children.findLast((c): c is HtmlElement => c.type === 'element');
    if (next === undefined) break;
    node = next;
  }
  assert.deepEqual(node.children.map((c) => (c.type === 'text' ? c.text : '')), ['deep text']);
});

test('parse-html: elements after a capped run attach at the right level again', () => {
  const deep = '<div>'.repeat(600) + 'x' + '</div>'.repeat(600);
  const tree = parseHtml(`<body>${deep}<p>after</p></body>`);
  const body = tree.root.children[0] as HtmlElement;
  const last = body.children[body.children.length - 1] as HtmlElement;
  assert.equal(last.tag, 'p');
});

test('parse-html: style content is dropped, script content is kept for structured data', () => {
  const tree = parseHtml('<style>p{}</style><script type="application/ld+json">{"a":1}</script>');
  const tags = tree.root.children.filter((c): c is HtmlElement => c.type === 'element').map((c) => c.tag);
  assert.deepEqual(tags, ['script']);
});
