/**
 * Marking up spans of text (quotes, entity mentions, search highlights) so the result
 * is always well-formed HTML, however the spans overlap. Spans come in layers, outermost
 * first: a span of an inner layer that crosses a boundary of an outer one is split there
 * (a mention running out of a quote becomes two links); within a layer, a span that
 * crosses another is dropped, and one inside another is kept only if the layer nests.
 * Every character of the text comes out exactly once, escaped.
 */
import { html, joinHtml, text as escapedText, type SafeHtml } from './html.js';

/** Which part of its span a piece is: a span split at a boundary comes out in several pieces. */
export interface MarkPart {
  /** The piece starts where the span starts. */
  readonly first: boolean;
  /** The piece ends where the span ends. */
  readonly last: boolean;
}

/** A span to mark: `wrap` gets the piece's marked-up content and returns it wrapped. */
export interface Mark {
  readonly start: number;
  readonly end: number;
  readonly wrap: (inner: SafeHtml, part: MarkPart) => SafeHtml;
}

/** Marks of one kind; layers are given outermost first. */
export interface MarkLayer {
  readonly marks: readonly Mark[];
  /** May a mark of this layer hold another of the same layer (a quote in a quote: yes; a link in a link: no)? */
  readonly nests: boolean;
}

/** A mark's piece, placed so that any two pieces are nested or apart. */
export interface Piece extends MarkPart {
  readonly start: number;
  readonly end: number;
  /** Its layer's index: lower is outer. */
  readonly rank: number;
  readonly mark: Mark;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Moves an offset off the middle of a surrogate pair: a span never cuts an astral character in two. */
function snap(text: string, offset: number, outward: 'left' | 'right'): number {
  if (offset <= 0 || offset >= text.length) return offset;
  if (isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset))) {
    return outward === 'left' ? offset - 1 : offset + 1;
  }
  return offset;
}

/** Index of the first boundary greater than `offset`. */
function firstAfter(boundaries: readonly number[], offset: number): number {
  let low = 0;
  let high = boundaries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (boundaries[middle]! > offset) high = middle;
    else low = middle + 1;
  }
  return low;
}

function sortedUnique(values: Iterable<number>): number[] {
  // A typed array sorts numbers natively, without a comparator call per pair.
  return Array.from(Float64Array.from(new Set(values)).sort());
}

/** The layer's marks clipped to the text and split at every boundary strictly inside them. */
function splitLayer(text: string, layer: MarkLayer, rank: number, boundaries: readonly number[]): Piece[] {
  const pieces: Piece[] = [];
  for (const mark of layer.marks) {
    if (!Number.isFinite(mark.start) || !Number.isFinite(mark.end)) continue;
    const start = snap(text, Math.max(0, Math.trunc(mark.start)), 'left');
    const end = snap(text, Math.min(text.length, Math.trunc(mark.end)), 'right');
    if (start >= end) continue;
    let from = start;
    for (let i = firstAfter(boundaries, start); i < boundaries.length && boundaries[i]! < end; i++) {
      const cut = boundaries[i]!;
      pieces.push({ start: from, end: cut, rank, mark, first: from === start, last: false });
      from = cut;
    }
    pieces.push({ start: from, end, rank, mark, first: from === start, last: true });
  }
  return pieces;
}

/** Outer pieces before inner ones at the same offset, longer before shorter. */
function comparePieces(a: Piece, b: Piece): number {
  return a.start - b.start || a.rank - b.rank || b.end - a.end;
}

/** Keeps the pieces of one layer that nest (or, for a layer that does not nest, that stand apart). */
function resolveLayer(pieces: Piece[], nests: boolean): Piece[] {
  pieces.sort(comparePieces);
  const kept: Piece[] = [];
  const open: Piece[] = [];
  for (const piece of pieces) {
    while (open.length > 0 && open[open.length - 1]!.end <= piece.start) open.pop();
    const enclosing = open[open.length - 1];
    if (enclosing !== undefined && (!nests || piece.end > enclosing.end)) continue;
    kept.push(piece);
    open.push(piece);
  }
  return kept;
}

/**
 * Places the layers' marks (outermost layer first) as pieces that nest, in document
 * order. `cuts` are offsets no piece may cross, such as block boundaries, so a block
 * can be rendered alone from the pieces inside it.
 */
export function arrangeMarks(text: string, layers: readonly MarkLayer[], cuts: readonly number[] = []): Piece[] {
  let boundaries = sortedUnique(cuts.filter(Number.isFinite).map((cut) => snap(text, Math.trunc(cut), 'left')));
  const all: Piece[] = [];
  layers.forEach((layer, rank) => {
    const kept = resolveLayer(splitLayer(text, layer, rank, boundaries), layer.nests);
    all.push(...kept);
    boundaries = sortedUnique([...boundaries, ...kept.flatMap((piece) => [piece.start, piece.end])]);
  });
  return all.sort(comparePieces);
}

interface Frame {
  readonly piece: Piece | null;
  readonly parts: SafeHtml[];
}

/**
 * The text from `from` to `to`, escaped, with the pieces inside that range wrapped.
 * Pieces must come from `arrangeMarks`; one that would not nest is left out, so the
 * output is well-formed whatever it is given.
 */
export function renderMarked(text: string, from: number, to: number, pieces: readonly Piece[]): SafeHtml {
  const root: Frame = { piece: null, parts: [] };
  const stack: Frame[] = [root];
  let cursor = from;
  const top = (): Frame => stack[stack.length - 1]!;
  const close = (): void => {
    const frame = stack.pop()!;
    const piece = frame.piece!;
    if (cursor < piece.end) {
      frame.parts.push(escapedText(text.slice(cursor, piece.end)));
      cursor = piece.end;
    }
    top().parts.push(piece.mark.wrap(joinHtml(frame.parts, null), piece));
  };
  for (let i = firstPieceFrom(pieces, from); i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (piece.start >= to) break;
    if (piece.end > to || piece.start < cursor) continue;
    while (stack.length > 1 && top().piece!.end <= piece.start) close();
    const enclosing = top().piece;
    if (enclosing !== null && piece.end > enclosing.end) continue;
    if (cursor < piece.start) top().parts.push(escapedText(text.slice(cursor, piece.start)));
    cursor = piece.start;
    stack.push({ piece, parts: [] });
  }
  while (stack.length > 1) close();
  if (cursor < to) root.parts.push(escapedText(text.slice(cursor, to)));
  return joinHtml(root.parts, null);
}

/** Index of the first piece starting at or after `offset` (pieces are in start order). */
function firstPieceFrom(pieces: readonly Piece[], offset: number): number {
  let low = 0;
  let high = pieces.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (pieces[middle]!.start >= offset) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** The whole text marked up with the layers (outermost first). */
export function markText(text: string, layers: readonly MarkLayer[]): SafeHtml {
  return renderMarked(text, 0, text.length, arrangeMarks(text, layers));
}

/** Text with the given [start, end) ranges in `<mark>`; overlapping ranges are merged first. */
export function highlight(text: string, ranges: readonly (readonly [number, number])[]): SafeHtml {
  const merged: { start: number; end: number }[] = [];
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last !== undefined && start < last.end) last.end = Math.max(last.end, end);
    else merged.push({ start, end });
  }
  const wrap = (inner: SafeHtml): SafeHtml => html`<mark>${inner}</mark>`;
  return markText(text, [{ nests: false, marks: merged.map(({ start, end }) => ({ start, end, wrap })) }]);
}
