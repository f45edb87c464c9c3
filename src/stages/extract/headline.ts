import type { HtmlElement, HtmlNode } from '../../doc/html-tree.js';
import type { PageIndex } from './page-index.js';

/** The element's text in document order, whitespace collapsed. */
export function textOf(el: HtmlElement): string {
  const parts: string[] = [];
  const stack: HtmlNode[] = [el];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') {
      parts.push(node.text);
      continue;
    }
    for (let k = node.children.length - 1; k >= 0; k--) stack.push(node.children[k]!);
  }
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/**
 * Headline candidates the page itself offers, for telling a repeated headline apart
 * from the body when the metadata stage found none: `<title>`, `og:title`, `twitter:title`
 * and the first `<h1>`.
 */
export function pageHeadlines(index: PageIndex): string[] {
  const out: string[] = [];
  let h1Seen = false;
  for (let i = 0; i < index.elements.length; i++) {
    const el = index.elements[i]!;
    if (el.tag === 'title' && out.length < 8) out.push(textOf(el));
    else if (el.tag === 'meta') {
      const key = (el.attrs.property ?? el.attrs.name ?? '').toLowerCase();
      if ((key === 'og:title' || key === 'twitter:title') && el.attrs.content !== undefined) out.push(el.attrs.content);
    } else if (el.tag === 'h1' && !h1Seen && index.hidden[i] === 0) {
      h1Seen = true;
      out.push(textOf(el));
    }
  }
  return out;
}
