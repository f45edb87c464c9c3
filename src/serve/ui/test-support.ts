/**
 * Checks the UI tests share: that rendered markup is well-formed and carries nothing
 * active (no script, no event handler, no inline style, no script URL). Used by tests only.
 */
import assert from 'node:assert/strict';
import { Parser } from 'htmlparser2';

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/g;

/** Asserts every element is closed in order (as our templates write them: no implied end tags). */
export function assertWellFormed(markup: string): void {
  const body = markup.replace(/^<!doctype html>/i, '');
  assert.ok(!/<!--/.test(body), 'no comments');
  const stack: string[] = [];
  for (const match of body.matchAll(TAG)) {
    const [, closing, rawName] = match;
    const name = (rawName ?? '').toLowerCase();
    if (VOID_ELEMENTS.has(name)) continue;
    if (closing === '/') {
      const open = stack.pop();
      assert.equal(open, name, `</${name}> closes <${open ?? 'nothing'}> at ${match.index}: …${body.slice(Math.max(0, match.index - 80), match.index + 20)}…`);
    } else {
      stack.push(name);
    }
  }
  assert.deepEqual(stack, [], 'every element is closed');
  // A '<' that starts no tag would be text the browser may read as markup: escaped text has none.
  const stray = body.replace(TAG, '').indexOf('<');
  assert.equal(stray, -1, `a stray "<" at ${stray}`);
}

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'poster', 'data']);

/** Asserts the markup has no script, style, event handler or script URL, as parsed by a browser-grade parser. */
export function assertInert(markup: string): void {
  const problems: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (['script', 'style', 'iframe', 'object', 'embed', 'img', 'base'].includes(name)) problems.push(`<${name}>`);
        for (const [attribute, value] of Object.entries(attributes)) {
          if (attribute.startsWith('on')) problems.push(`${name} ${attribute}=`);
          if (attribute === 'style') problems.push(`${name} style=`);
          if (URL_ATTRIBUTES.has(attribute)) {
            const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
            if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') problems.push(`${name} ${attribute}="${value}"`);
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.write(markup);
  parser.end();
  // The same, on the raw string: quoted values blanked, no tag may carry a handler, style or script URL.
  const tags = (markup.match(TAG) ?? []).map((tag) => tag.replace(/"[^"]*"|'[^']*'/g, '""'));
  for (const tag of tags) {
    if (/\son[a-z]+\s*=|\sstyle\s*=/i.test(tag)) problems.push(tag);
  }
  if (/<\s*script/i.test(markup)) problems.push('<script');
  if (/(?:href|src|action)\s*=\s*["']?\s*(?:javascript|data|vbscript):/i.test(markup)) problems.push('script URL');
  assert.deepEqual(problems, [], 'nothing active in the markup');
}

/** Both checks at once. */
export function assertSafeMarkup(markup: string): void {
  assertWellFormed(markup);
  assertInert(markup);
}

const ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** The text of some markup: tags removed, our five escapes decoded. */
export function textOf(markup: string): string {
  return markup.replace(TAG, '').replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);
}

/** The values of one attribute on one element (or `*`, any) across the markup, decoded. */
export function attributeValues(markup: string, element: string, attribute: string): string[] {
  const values: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const value = attributes[attribute];
        if ((element === '*' || name === element) && value !== undefined) values.push(value);
      },
    },
    { decodeEntities: true },
  );
  parser.write(markup);
  parser.end();
  return values;
}

/** Markup a hostile page puts in any text it controls. */
export const XSS_IMG = '<img src=x onerror=alert(1)>';
export const XSS_SCRIPT = '"><script>alert(1)</script>';
