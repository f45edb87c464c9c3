import type { HtmlElement, HtmlNode } from '../../doc/html-tree.js';

/** An element the walk noticed, with where it sits in the visible-text stream. */
export interface Seen {
  readonly el: HtmlElement;
  /** Offset in `Collected.text` where the element starts. */
  readonly pos: number;
}

export interface Heading extends Seen {
  readonly level: number;
}

export interface ItemProp extends Seen {
  /** One itemprop token, lower-cased. */
  readonly prop: string;
}

/** Everything metadata reads from the page, gathered in one iterative walk. */
export interface Collected {
  htmlLang?: string;
  /** Meta tags by lower-cased name / property / http-equiv, contents in page order. */
  readonly metas: Map<string, string[]>;
  /** `<link rel=…>` hrefs by lower-cased rel token, in page order. */
  readonly links: Map<string, string[]>;
  baseHref?: string;
  readonly jsonLd: string[];
  title?: string;
  readonly headings: Heading[];
  readonly times: Seen[];
  readonly itemprops: ItemProp[];
  /** Elements whose class, id or rel suggests a byline or an author. */
  readonly bylines: Seen[];
  /** The page's visible text (scripts, styles and templates left out), block breaks as newlines. */
  text: string;
}

const SKIP_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'title', 'select', 'option', 'iframe']);
const BLOCK = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'header',
  'footer', 'aside', 'nav', 'main', 'table', 'tr', 'td', 'th', 'blockquote', 'figure', 'figcaption', 'time',
  'dd', 'dt', 'dl', 'form', 'address', 'pre', 'hr', 'span',
]);
const BYLINE_HINT = /byline|author|writer|contributor|reporter|posted-?by|article-?by|\bby\b/i;
const BYLINE_EXCLUDE = /avatar|image|img|photo|bio\b|-bio|description|social|follow|share|comment|more-?from|related|tooltip|popup|modal/i;
const MAX_TEXT = 400_000;
const WS_ONLY = /^\s*$/;
const MAX_LIST = 200;

/** Walks the tree once, iteratively (nesting may be 512 deep), collecting what metadata needs. */
export function collect(root: HtmlElement): Collected {
  const out: Collected = {
    metas: new Map(),
    links: new Map(),
    jsonLd: [],
    headings: [],
    times: [],
    itemprops: [],
    bylines: [],
    text: '',
  };
  const parts: string[] = [];
  let textLength = 0;
  // Depth of elements whose text is not visible; > 0 means skip text.
  let hidden = 0;
  // True when the text so far ends in a break, so runs of breaks and spaces collapse.
  let lastBreak = true;
  // Frames: element and next child index.
  const stackEl: HtmlElement[] = [root];
  const stackIx: number[] = [0];
  const stackHidden: boolean[] = [false];
  const stackBlock: boolean[] = [false];

  const open = (el: HtmlElement): void => {
    const tag = el.tag;
    const a = el.attrs;
    switch (tag) {
      case 'html':
        if (a.lang !== undefined && out.htmlLang === undefined) out.htmlLang = a.lang;
        else if (a['xml:lang'] !== undefined && out.htmlLang === undefined) out.htmlLang = a['xml:lang'];
        break;
      case 'meta': {
        const content = a.content;
        if (content !== undefined) {
          for (const key of [a.name, a.property, a['http-equiv']]) {
            if (key === undefined || key === '') continue;
            for (const k of key.toLowerCase().split(/\s+/)) {
              if (k === '') continue;
              const list = out.metas.get(k);
              if (list === undefined) out.metas.set(k, [content]);
              else if (list.length < 20) list.push(content);
            }
          }
        }
        if (a.charset === undefined && a.itemprop === undefined) break;
        break;
      }
      case 'link': {
        const rel = a.rel;
        const href = a.href;
        if (rel !== undefined && href !== undefined) {
          for (const r of rel.toLowerCase().split(/\s+/)) {
            if (r === '') continue;
            const list = out.links.get(r);
            if (list === undefined) out.links.set(r, [href]);
            else if (list.length < 20) list.push(href);
          }
        }
        break;
      }
      case 'base':
        if (a.href !== undefined && out.baseHref === undefined) out.baseHref = a.href;
        break;
      case 'script': {
        const type = (a.type ?? '').toLowerCase();
        if (type.includes('ld+json') && out.jsonLd.length < 50) {
          const text = el.children.map((c) => (c.type === 'text' ? c.text : '')).join('');
          if (text.trim() !== '') out.jsonLd.push(text);
        }
        break;
      }
      case 'title':
        if (out.title === undefined && el.parent?.tag !== 'svg') out.title = shallowText(el);
        break;
      case 'h1':
      case 'h2':
        if (out.headings.length < MAX_LIST && hidden === 0) out.headings.push({ el, pos: textLength, level: tag === 'h1' ? 1 : 2 });
        break;
      case 'time':
        if (out.times.length < MAX_LIST) out.times.push({ el, pos: textLength });
        break;
      default:
        break;
    }
    const itemprop = a.itemprop;
    if (itemprop !== undefined && out.itemprops.length < MAX_LIST * 5) {
      for (const p of itemprop.toLowerCase().split(/\s+/)) {
        if (p !== '') out.itemprops.push({ el, pos: textLength, prop: p });
      }
    }
    if (hidden === 0 && out.bylines.length < MAX_LIST) {
      const cls = a.class;
      const id = a.id;
      const rel = a.rel;
      if (
        (cls !== undefined && BYLINE_HINT.test(cls) && !BYLINE_EXCLUDE.test(cls)) ||
        (id !== undefined && BYLINE_HINT.test(id) && !BYLINE_EXCLUDE.test(id)) ||
        (rel !== undefined && rel.toLowerCase().split(/\s+/).includes('author')) ||
        (tag === 'a' && isAuthorHref(a.href))
      ) {
        out.bylines.push({ el, pos: textLength });
      }
    }
  };

  while (stackEl.length > 0) {
    const top = stackEl.length - 1;
    const el = stackEl[top]!;
    const i = stackIx[top]!;
    if (i >= el.children.length) {
      if (stackHidden[top]) hidden--;
      if (stackBlock[top] && textLength < MAX_TEXT && !lastBreak) {
        parts.push('\n');
        textLength++;
        lastBreak = true;
      }
      stackEl.pop();
      stackIx.pop();
      stackHidden.pop();
      stackBlock.pop();
      continue;
    }
    stackIx[top] = i + 1;
    const child: HtmlNode = el.children[i]!;
    if (child.type === 'text') {
      if (hidden === 0 && textLength < MAX_TEXT) {
        const t = child.text;
        if (WS_ONLY.test(t)) {
          if (!lastBreak) {
            parts.push(' ');
            textLength++;
          }
        } else {
          parts.push(t);
          textLength += t.length;
          lastBreak = false;
        }
      }
      continue;
    }
    open(child);
    const isHidden = SKIP_TEXT.has(child.tag) || child.attrs.hidden !== undefined || child.attrs['aria-hidden'] === 'true';
    if (isHidden) hidden++;
    const isBlock = BLOCK.has(child.tag);
    if (isBlock && hidden === 0 && textLength < MAX_TEXT && !lastBreak) {
      parts.push('\n');
      textLength++;
      lastBreak = true;
    }
    stackEl.push(child);
    stackIx.push(0);
    stackHidden.push(isHidden);
    stackBlock.push(isBlock && !isHidden);
  }
  out.text = parts.join('');
  return out;
}

const AUTHOR_HREF = /\/(?:author|authors)\/[^/?#\s]+\/?(?:[?#]|$)/i;

/** A link to an author's page ("/author/jane-doe/"), the way most CMSs link a byline name. */
export function isAuthorHref(href: string | undefined): boolean {
  return href !== undefined && AUTHOR_HREF.test(href);
}

function shallowText(el: HtmlElement): string {
  let s = '';
  for (const c of el.children) if (c.type === 'text') s += c.text;
  return s;
}

const TEXT_SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'button', 'select']);
const TEXT_BREAK = new Set(['br', 'p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'section', 'article', 'blockquote', 'figure', 'ul', 'ol']);

/**
 * The text of an element, iteratively, scripts and styles left out, whitespace
 * collapsed; stops once `max` characters are gathered. Block children are separated
 * by a newline when `lines` is set, else by a space.
 */
export function textOf(el: HtmlElement, max = 10_000, lines = false): string {
  let s = '';
  const stack: HtmlNode[] = [el];
  while (stack.length > 0 && s.length < max) {
    const node = stack.pop()!;
    if (node.type === 'text') {
      s += node.text;
      continue;
    }
    if (node !== el && TEXT_SKIP.has(node.tag)) continue;
    if (TEXT_BREAK.has(node.tag)) s += lines ? '\n' : ' ';
    if (node.tag === 'br') continue;
    for (let k = node.children.length - 1; k >= 0; k--) stack.push(node.children[k]!);
  }
  if (lines) {
    return s
      .split('\n')
      .map((line) => collapseSpace(line))
      .filter((line) => line !== '')
      .join('\n');
  }
  return collapseSpace(s);
}

/** Runs of whitespace as one space, trimmed; a lone ideographic space (U+3000) stays as written. */
function collapseSpace(s: string): string {
  return s.replace(/\s+/g, (run) => (/^\u3000+$/.test(run) ? '\u3000' : ' ')).trim();
}

/** The first descendant (or the element itself) satisfying `test`, breadth-limited. */
export function findDescendant(el: HtmlElement, test: (e: HtmlElement) => boolean, limit = 500): HtmlElement | undefined {
  const stack: HtmlElement[] = [el];
  let seen = 0;
  while (stack.length > 0 && seen < limit) {
    const node = stack.pop()!;
    seen++;
    if (node !== el && test(node)) return node;
    for (let k = node.children.length - 1; k >= 0; k--) {
      const c = node.children[k]!;
      if (c.type === 'element') stack.push(c);
    }
  }
  return undefined;
}

/** The value an itemprop carries: its content, datetime, href/src, or its text. */
export function itempropValue(el: HtmlElement): string {
  const a = el.attrs;
  if (a.content !== undefined) return a.content;
  if (el.tag === 'time' && a.datetime !== undefined) return a.datetime;
  if (el.tag === 'meta') return '';
  if ((el.tag === 'a' || el.tag === 'link') && a.href !== undefined && el.tag === 'link') return a.href;
  if ((el.tag === 'img' || el.tag === 'source') && a.src !== undefined) return a.src;
  return textOf(el, 5000);
}
