import type { HtmlElement, HtmlNode } from '../../doc/html-tree.js';
import type { BlockKind } from '../../doc/news-doc.js';
import { BLOCK_TAGS, HEADING_TAGS } from './tags.js';
import { CJK_WEIGHT, firstChildIndex, type PageIndex } from './page-index.js';

/** A block of text as the page gives it, before cleanup. */
export interface RawBlock {
  kind: BlockKind;
  level?: number;
  text: string;
  /** Visible characters (CJK weighted, see CJK_WEIGHT), and of which inside links. */
  chars: number;
  linkChars: number;
  /** Index of the element that owns the block. */
  owner: number;
}

/** Decides, for an element inside the chosen container, whether to leave it out. */
export type SkipRule = (i: number) => boolean;

const CELL_TAGS = new Set(['td', 'th']);

interface Frame {
  el: HtmlElement;
  i: number;
  next: number;
  /** Index of the next element child (see firstChildIndex). */
  nextElement: number;
  kind: BlockKind | null;
  level: number;
  isBlock: boolean;
  rowMode: boolean;
}

function kindOf(tag: string): { kind: BlockKind; level?: number } | null {
  if (HEADING_TAGS.has(tag)) return { kind: 'heading', level: Number(tag[1]) };
  switch (tag) {
    case 'li':
    case 'dd':
    case 'dt':
      return { kind: 'list-item' };
    case 'blockquote':
      return { kind: 'quote' };
    case 'pre':
    case 'xmp':
    case 'listing':
    case 'plaintext':
      return { kind: 'preformatted' };
    case 'figcaption':
    case 'caption':
      return { kind: 'caption' };
    case 'p':
      return { kind: 'paragraph' };
    default:
      return null;
  }
}

/** A table row whose cells hold only inline content reads as one line. */
function isSimpleRow(index: PageIndex, i: number): boolean {
  const el = index.elements[i]!;
  let cells = 0;
  let next = firstChildIndex(i);
  for (const child of el.children) {
    if (child.type !== 'element') continue;
    const ci = next;
    next = index.end[ci]!;
    if (!CELL_TAGS.has(child.tag)) return false;
    cells++;
    if (index.blockDescendants[ci]! > 0) return false;
  }
  return cells > 0;
}

const WS = /\s+/g;

/**
 * `text.replace(/\s+/g, ' ').trim()`, without building a copy of text that is already
 * so (most blocks are): one look at each character instead of a regex and a new string.
 */
export function collapseWhitespace(text: string): string {
  // True at the start and after a space: a space there would be leading or doubled.
  let afterSpace = true;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 32) {
      if (afterSpace) return text.replace(WS, ' ').trim();
      afterSpace = true;
    } else if (c < 32 ? c >= 9 && c <= 13 : c >= 0xa0 && isOtherSpace(c)) {
      return text.replace(WS, ' ').trim();
    } else afterSpace = false;
  }
  return afterSpace && text.length > 0 ? text.replace(WS, ' ').trim() : text;
}

/** The members of `\s` (and of what `trim` removes) above U+009F. */
function isOtherSpace(c: number): boolean {
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * Walks the subtrees of `roots` in document order and cuts their visible text into
 * blocks at block-level elements. Whitespace is collapsed (kept as line breaks in pre).
 */
export function assembleBlocks(index: PageIndex, roots: readonly number[], skip: SkipRule): RawBlock[] {
  const out: RawBlock[] = [];
  let parts: string[] = [];
  let chars = 0;
  let linkChars = 0;
  const stack: Frame[] = [];

  const flush = (): void => {
    if (parts.length === 0) return;
    const frame = currentKindFrame();
    const kind: BlockKind = frame?.kind ?? 'paragraph';
    const raw = parts.join('');
    parts = [];
    const text =
      kind === 'preformatted'
        ? raw.replace(/[ \t\f\r\u00a0]+/g, ' ').replace(/ *\n */g, '\n').replace(/^\n+|\n+$/g, '').trim()
        : collapseWhitespace(raw);
    const c = chars;
    const l = linkChars;
    chars = 0;
    linkChars = 0;
    if (text.length === 0 || c === 0) return;
    const block: RawBlock = { kind, text, chars: c, linkChars: l, owner: ownerFrame()?.i ?? -1 };
    if (kind === 'heading' && frame !== undefined) block.level = frame.level;
    out.push(block);
  };
  const currentKindFrame = (): Frame | undefined => {
    for (let k = stack.length - 1; k >= 0; k--) if (stack[k]!.kind !== null) return stack[k];
    return undefined;
  };
  const ownerFrame = (): Frame | undefined => {
    for (let k = stack.length - 1; k >= 0; k--) if (stack[k]!.isBlock) return stack[k];
    return undefined;
  };
  const inPre = (): boolean => currentKindFrame()?.kind === 'preformatted';

  const enter = (el: HtmlElement, i: number): void => {
    const tag = el.tag;
    const parentFrame = stack[stack.length - 1];
    let isBlock = BLOCK_TAGS.has(tag);
    let rowMode = false;
    let kind: BlockKind | null = null;
    let level = 0;
    if (parentFrame?.rowMode === true && CELL_TAGS.has(tag)) {
      isBlock = false;
      if (parts.length > 0) parts.push(' ');
    } else if (tag === 'tr' && isSimpleRow(index, i)) {
      rowMode = true;
      kind = 'table-row';
    } else {
      const k = kindOf(tag);
      if (k !== null) {
        // Inside a list item or quote, inner paragraphs keep the outer kind.
        const outer = currentKindFrame()?.kind;
        if (k.kind === 'paragraph' && (outer === 'list-item' || outer === 'quote' || outer === 'caption')) kind = null;
        else {
          kind = k.kind;
          level = k.level ?? 0;
        }
      }
    }
    if (isBlock) flush();
    stack.push({ el, i, next: 0, nextElement: firstChildIndex(i), kind, level, isBlock, rowMode });
  };

  for (const root of roots) {
    const rootEl = index.elements[root]!;
    enter(rootEl, root);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const children: HtmlNode[] = frame.el.children;
      if (frame.next >= children.length) {
        // Flush while the frame is still on the stack: its kind is the block's kind.
        if (frame.isBlock) flush();
        stack.pop();
        continue;
      }
      const child = children[frame.next++]!;
      if (child.type === 'text') {
        if (child.text.length === 0) continue;
        parts.push(child.text);
        let visible = 0;
        const t = child.text;
        for (let k = 0; k < t.length; k++) {
          const c = t.charCodeAt(k);
          if (c > 32 && c !== 160) visible += c >= 0x2e80 && c <= 0xd7af ? CJK_WEIGHT : 1;
        }
        chars += visible;
        if (index.inLink[frame.i] === 1) linkChars += visible;
        continue;
      }
      const ci = frame.nextElement;
      frame.nextElement = index.end[ci]!;
      if (index.hidden[ci] === 1) continue;
      if (child.tag === 'br') {
        // A line break inside pre is text; elsewhere it ends a line, and pages that lay
        // out paragraphs with <br><br> rely on it: each line is its own block.
        if (inPre()) parts.push('\n');
        else flush();
        continue;
      }
      if (child.tag === 'hr') {
        flush();
        continue;
      }
      if (skip(ci)) {
        // A skipped inline element still separates words.
        if (!BLOCK_TAGS.has(child.tag)) parts.push(' ');
        else flush();
        continue;
      }
      enter(child, ci);
    }
    flush();
  }
  return out;
}
