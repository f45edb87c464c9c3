import type { HtmlElement, HtmlTree } from '../../doc/html-tree.js';
import { BLOCK_TAGS, FURNITURE_TAGS, isHidden } from './tags.js';
import { C_NEG, C_POS, C_STRONG, C_STRUCT, classAttrFlags, classFlags } from './classes.js';

/**
 * A flat, pre-order index of the page's elements with the per-element figures the
 * extractor needs, all computed in two linear passes with explicit stacks (pages nest
 * up to 512 deep, so nothing here recurses).
 *
 * Element i's subtree is the index range [i, end[i]). Every element is indexed, so the
 * element children of i, in order, are i + 1, then each one's `end` (see
 * `firstChildIndex`): no map from elements to indices is needed.
 */
export interface PageIndex {
  readonly elements: HtmlElement[];
  readonly parent: Int32Array;
  readonly depth: Int32Array;
  readonly end: Int32Array;
  /** 1 when the element or an ancestor is hidden or never body text. */
  readonly hidden: Uint8Array;
  /** 1 when the element or an ancestor is an `<a>`. */
  readonly inLink: Uint8Array;
  /** The nearest block-level ancestor-or-self: the block its inline text belongs to. */
  readonly blockOwner: Int32Array;
  /** Visible non-space characters in the subtree. */
  readonly textLen: Int32Array;
  /** Of which inside links. */
  readonly linkLen: Int32Array;
  /** Visible non-space characters of the element's own inline flow (when it is a block). */
  readonly inlineLen: Int32Array;
  readonly inlineLinkLen: Int32Array;
  /** Sentence punctuation (. , ; : ! ? and CJK stops) in the element's own inline flow. */
  readonly inlinePunct: Int32Array;
  /** Visible non-space characters of the element's own text nodes. */
  readonly ownText: Int32Array;
  /** Number of `<a>` elements in the subtree. */
  readonly linkCount: Int32Array;
  /** Number of block elements strictly inside the subtree. */
  readonly blockDescendants: Int32Array;
  /** Class/id signals: 1 negative, 2 positive (bit flags), for the element itself. */
  readonly signal: Uint8Array;
  /** 1 when inside a nav/aside/footer/header/menu landmark (self included). */
  readonly inFurniture: Uint8Array;
  readonly bodyIndex: number;
}

export const NEG = 1;
export const POS = 2;
/** Names that mark comments or recirculation, furniture even around prose. */
export const STRONG_NEG = 4;
/** Names that mark furniture on any page, article or not. */
export const STRUCT_NEG = 8;

/** Weight of one CJK (Han, kana, Hangul) character against one Latin letter. */
export const CJK_WEIGHT = 3;

function countVisible(text: string): { chars: number; punct: number } {
  let chars = 0;
  let punct = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c <= 32 || c === 160 || c === 0x200b || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x3000) continue;
    // A CJK character carries about as much as a short word: weigh it so.
    chars += c >= 0x2e80 && c <= 0xd7af ? CJK_WEIGHT : 1;
    if (c === 46 || c === 44 || c === 59 || c === 33 || c === 63 || c === 0x3002 || c === 0xff0c || c === 0x3001 || c === 0x060c || c === 0x0964) punct++;
  }
  return { chars, punct };
}

/**
 * The index of element i's first element child (when it has one): walk the children
 * with `next = index.end[child]` after each element child.
 */
export function firstChildIndex(i: number): number {
  return i + 1;
}

/**
 * A `<header>` holding pages of link-poor text is a section wrapper (site builders use
 * it for any band of the page), not the page header: no landmark.
 */
export function isProseSection(tag: string, chars: number, linkChars: number): boolean {
  return tag === 'header' && chars >= PROSE_SECTION_CHARS && linkChars < 0.2 * chars;
}
const PROSE_SECTION_CHARS = 1500;

/**
 * `lenient` reads the page as served, before scripts (see isHidden): for app shells
 * whose only server-rendered content is a `<noscript>` crawler view or a wrapper that a
 * script unhides.
 */
export function buildIndex(tree: HtmlTree, lenient = false): PageIndex {
  const elements: HtmlElement[] = [];
  const parentList: number[] = [];
  // Two parallel stacks (element, parent index): no object per element.
  const stack: HtmlElement[] = [tree.root];
  const stackParent: number[] = [-1];
  while (stack.length > 0) {
    const el = stack.pop()!;
    const parent = stackParent.pop()!;
    const i = elements.length;
    elements.push(el);
    parentList.push(parent);
    const kids = el.children;
    for (let k = kids.length - 1; k >= 0; k--) {
      const child = kids[k]!;
      if (child.type === 'element') {
        stack.push(child);
        stackParent.push(i);
      }
    }
  }
  const n = elements.length;
  const parent = Int32Array.from(parentList);
  const depth = new Int32Array(n);
  const end = new Int32Array(n);
  const hidden = new Uint8Array(n);
  const inLink = new Uint8Array(n);
  const blockOwner = new Int32Array(n);
  const textLen = new Int32Array(n);
  const linkLen = new Int32Array(n);
  const inlineLen = new Int32Array(n);
  const inlineLinkLen = new Int32Array(n);
  const inlinePunct = new Int32Array(n);
  const linkCount = new Int32Array(n);
  const ownText = new Int32Array(n);
  const blockDescendants = new Int32Array(n);
  const signal = new Uint8Array(n);
  const inFurniture = new Uint8Array(n);
  let bodyIndex = 0;

  // Top-down: inherited flags and own text.
  for (let i = 0; i < n; i++) {
    const el = elements[i]!;
    const p = parent[i]!;
    const tag = el.tag;
    if (tag === 'body' && bodyIndex === 0) bodyIndex = i;
    depth[i] = p < 0 ? 0 : depth[p]! + 1;
    // Read once: both the hiding test and the furniture signal use the class words.
    const classNameFlags = classAttrFlags(el.attrs);
    hidden[i] = (p >= 0 && hidden[p] === 1) || isHidden(tag, el.attrs, lenient, classNameFlags) ? 1 : 0;
    inLink[i] = (p >= 0 && inLink[p] === 1) || tag === 'a' ? 1 : 0;
    blockOwner[i] = BLOCK_TAGS.has(tag) || p < 0 ? i : blockOwner[p]!;
    const flags = classFlags(el.attrs, classNameFlags);
    signal[i] =
      ((flags & C_NEG) !== 0 ? NEG : 0) |
      ((flags & C_POS) !== 0 ? POS : 0) |
      ((flags & C_STRONG) !== 0 ? STRONG_NEG : 0) |
      ((flags & C_STRUCT) !== 0 ? STRUCT_NEG : 0);
    if (hidden[i] === 1) continue;
    if (tag === 'a') linkCount[i] = 1;
    let own = 0;
    let ownPunct = 0;
    for (const child of el.children) {
      if (child.type !== 'text') continue;
      const { chars, punct } = countVisible(child.text);
      own += chars;
      ownPunct += punct;
    }
    if (own > 0) {
      textLen[i] = own;
      ownText[i] = own;
      const b = blockOwner[i]!;
      inlineLen[b] = inlineLen[b]! + own;
      inlinePunct[b] = inlinePunct[b]! + ownPunct;
      if (inLink[i] === 1) {
        linkLen[i] = own;
        inlineLinkLen[b] = inlineLinkLen[b]! + own;
      }
    }
  }
  // Bottom-up: subtree sums and ranges (children come after parents in pre-order).
  for (let i = 0; i < n; i++) end[i] = i + 1;
  for (let i = n - 1; i > 0; i--) {
    const p = parent[i]!;
    if (end[i]! > end[p]!) end[p] = end[i]!;
    if (hidden[i] === 1) continue;
    textLen[p] = textLen[p]! + textLen[i]!;
    linkLen[p] = linkLen[p]! + linkLen[i]!;
    linkCount[p] = linkCount[p]! + linkCount[i]!;
    if (BLOCK_TAGS.has(elements[i]!.tag)) blockDescendants[p] = blockDescendants[p]! + 1 + blockDescendants[i]!;
    else blockDescendants[p] = blockDescendants[p]! + blockDescendants[i]!;
  }
  // Landmarks, top-down now that subtree figures are known.
  for (let i = 0; i < n; i++) {
    const p = parent[i]!;
    inFurniture[i] = (p >= 0 && inFurniture[p] === 1) || (FURNITURE_TAGS.has(elements[i]!.tag) && !isProseSection(elements[i]!.tag, textLen[i]!, linkLen[i]!)) ? 1 : 0;
  }
  return {
    elements, parent, depth, end, hidden, inLink, blockOwner, textLen, linkLen, inlineLen,
    inlineLinkLen, inlinePunct, ownText, linkCount, blockDescendants, signal, inFurniture, bodyIndex,
  };
}
