import { parse as parseSpec, type DefaultTreeAdapterMap } from 'parse5';
import type { HtmlElement, HtmlTree } from '../../doc/html-tree.js';
import { fastTokenizer } from './fast-tokenizer.js';
import { DictionaryParser } from './dictionary-parser.js';

/** Browsers stop nesting at 512 (Blink/WebKit); deeper elements are flattened into the 512th. */
export const MAX_DEPTH = 512;
/** Past this many elements the rest of the page adds only text, never structure. */
export const MAX_ELEMENTS = 200_000;

/**
 * htmlparser2 keeps its open-element stack with `unshift`, so nesting thousands deep
 * costs quadratic time (100,000 nested divs: ~7 s). Past this many open elements we
 * stop and re-parse with parse5, whose tree builder is linear, and cap depth while
 * converting its tree. Real pages nest well under 100.
 */
const FAST_PATH_MAX_OPEN = 2_000;

class TooDeepForFastPath extends Error {}

/** Elements whose text is never page text and need not be kept at all. */
const DROPPED_CONTENT = new Set(['style']);

/**
 * Parses HTML into our small tree. htmlparser2's tokenizer is fast and forgiving; we
 * build the tree ourselves so that depth and size are capped as it grows (deep nesting
 * is both a stack and a CPU attack) and so that every later walker can stay simple.
 */
export function parseHtml(html: string | readonly string[]): HtmlTree {
  // Pieces (see decode/pieces.ts) go to the tokenizer one by one; each but the first
  // starts with `<`, so a `<![CDATA[` marker never straddles two.
  const pieces = typeof html === 'string' ? [html] : html;
  try {
    return parseFast(pieces);
  } catch (error) {
    if (error instanceof TooDeepForFastPath) return parseDeep(pieces.join(''));
    throw error;
  }
}

function parseFast(pieces: readonly string[]): HtmlTree {
  const root: HtmlElement = { type: 'element', tag: '#root', attrs: {}, children: [], parent: null };
  let current = root;
  let depth = 0;
  let elementCount = 0;
  let depthCapped = false;
  // One entry per open tag the tokenizer reported: true when it became an element.
  const openKinds: boolean[] = [];
  let droppedDepth = 0;

  const parser = new DictionaryParser(
    {
      onopentag(name, attribs) {
        if (openKinds.length >= FAST_PATH_MAX_OPEN) throw new TooDeepForFastPath();
        if (droppedDepth > 0 || DROPPED_CONTENT.has(name)) {
          droppedDepth++;
          openKinds.push(false);
          return;
        }
        if (depth >= MAX_DEPTH || elementCount >= MAX_ELEMENTS) {
          if (depth >= MAX_DEPTH && elementCount < MAX_ELEMENTS) {
            // As browsers do, a too-deep element becomes a child of the deepest allowed
            // one and its content follows it there: the tree is flattened, not cut, so a
            // paragraph still starts a new block.
            depthCapped = true;
            current.children.push({ type: 'element', tag: name, attrs: attribs, children: [], parent: current });
            elementCount++;
          } else if (depth >= MAX_DEPTH) depthCapped = true;
          openKinds.push(false);
          return;
        }
        const element: HtmlElement = { type: 'element', tag: name, attrs: attribs, children: [], parent: current };
        current.children.push(element);
        current = element;
        depth++;
        elementCount++;
        openKinds.push(true);
      },
      ontext(text) {
        if (droppedDepth > 0) return;
        const last = current.children[current.children.length - 1];
        if (last !== undefined && last.type === 'text') {
          // The tokenizer may split one run of text; keep it as one node.
          current.children[current.children.length - 1] = { type: 'text', text: last.text + text, parent: current };
        } else {
          current.children.push({ type: 'text', text, parent: current });
        }
      },
      onclosetag() {
        const wasElement = openKinds.pop();
        if (wasElement === undefined) return;
        if (!wasElement) {
          if (droppedDepth > 0) droppedDepth--;
          return;
        }
        if (current.parent !== null) {
          current = current.parent;
          depth--;
        }
      },
    },
    {
      decodeEntities: true,
      lowerCaseTags: true,
      lowerCaseAttributeNames: true,
      recognizeSelfClosing: false,
      ...(fastTokenizer !== null ? { Tokenizer: fastTokenizer } : {}),
    },
  );
  for (const html of pieces) parser.write(html.includes('<![CDATA[') ? neutralizeCdata(html) : html);
  parser.end();
  return { root, elementCount, depthCapped };
}

/**
 * In HTML content a browser reads `<![CDATA[` as a bogus comment that ends at the next
 * `>`; htmlparser2 waits for `]]>` and, when none comes, swallows the rest of the page.
 * Breaking the marker makes htmlparser2 take the browser's path. (Inside svg/math the
 * difference only affects text that is never page text.)
 */
function neutralizeCdata(html: string): string {
  return html.replaceAll('<![CDATA[', '<!_CDATA[');
}

type SpecNode = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['document'];

/** The slow, linear path for pathologically nested pages: parse5, converted iteratively. */
function parseDeep(html: string): HtmlTree {
  const document = parseSpec(html);
  const root: HtmlElement = { type: 'element', tag: '#root', attrs: {}, children: [], parent: null };
  let elementCount = 0;
  let depthCapped = false;
  // Each entry: a parse5 node and the element of ours it attaches to, with that element's depth.
  const stack: [SpecNode, HtmlElement, number][] = [];
  const pushChildren = (nodes: readonly SpecNode[], target: HtmlElement, depth: number) => {
    for (let i = nodes.length - 1; i >= 0; i--) stack.push([nodes[i]!, target, depth]);
  };
  pushChildren(document.childNodes as SpecNode[], root, 0);
  while (stack.length > 0) {
    const [node, target, depth] = stack.pop()!;
    if (node.nodeName === '#text') {
      const text = (node as DefaultTreeAdapterMap['textNode']).value;
      const last = target.children[target.children.length - 1];
      if (last !== undefined && last.type === 'text') {
        target.children[target.children.length - 1] = { type: 'text', text: last.text + text, parent: target };
      } else {
        target.children.push({ type: 'text', text, parent: target });
      }
      continue;
    }
    if (!('tagName' in node)) continue;
    const element = node as DefaultTreeAdapterMap['element'];
    if (DROPPED_CONTENT.has(element.tagName)) continue;
    const children = (element.tagName === 'template'
      ? (element as DefaultTreeAdapterMap['template']).content.childNodes
      : element.childNodes) as SpecNode[];
    if (depth >= MAX_DEPTH || elementCount >= MAX_ELEMENTS) {
      if (depth >= MAX_DEPTH) depthCapped = true;
      pushChildren(children, target, depth);
      continue;
    }
    // Prototype-less, as the fast path's (see dictionary-parser.ts).
    const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const attr of element.attrs) if (!(attr.name in attrs)) attrs[attr.name] = attr.value;
    const ours: HtmlElement = { type: 'element', tag: element.tagName, attrs, children: [], parent: target };
    target.children.push(ours);
    elementCount++;
    pushChildren(children, ours, depth + 1);
  }
  return { root, elementCount, depthCapped };
}
