import { Parser } from 'htmlparser2';
import type { HtmlElement, HtmlTree } from '../../doc/html-tree.js';

/** Browsers stop nesting at 512 (Blink/WebKit); deeper elements are flattened into the 512th. */
export const MAX_DEPTH = 512;
/** Past this many elements the rest of the page adds only text, never structure. */
export const MAX_ELEMENTS = 200_000;

/** Elements whose text is never page text and need not be kept at all. */
const DROPPED_CONTENT = new Set(['style']);

/**
 * Parses HTML into our small tree. htmlparser2's tokenizer is fast and forgiving; we
 * build the tree ourselves so that depth and size are capped as it grows (deep nesting
 * is both a stack and a CPU attack) and so that every later walker can stay simple.
 */
export function parseHtml(html: string): HtmlTree {
  const root: HtmlElement = { type: 'element', tag: '#root', attrs: {}, children: [], parent: null };
  let current = root;
  let depth = 0;
  let elementCount = 0;
  let depthCapped = false;
  // One entry per open tag the tokenizer reported: true when it became an element.
  const openKinds: boolean[] = [];
  let droppedDepth = 0;

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (droppedDepth > 0 || DROPPED_CONTENT.has(name)) {
          droppedDepth++;
          openKinds.push(false);
          return;
        }
        if (depth >= MAX_DEPTH || elementCount >= MAX_ELEMENTS) {
          if (depth >= MAX_DEPTH) depthCapped = true;
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
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: false },
  );
  parser.write(html);
  parser.end();
  return { root, elementCount, depthCapped };
}
