/**
 * A half-open range [start, end) over a string, in UTF-16 code units — the unit
 * JavaScript strings index by, so `text.slice(span.start, span.end)` is always the
 * covered text. Emoji and other astral characters therefore count as two units.
 */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** The text a span covers. */
export function spanText(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

/** True when the span lies inside `text` and is not inverted. */
export function isValidSpan(text: string, span: Span): boolean {
  return (
    Number.isInteger(span.start) &&
    Number.isInteger(span.end) &&
    span.start >= 0 &&
    span.start <= span.end &&
    span.end <= text.length
  );
}

/** True when no span of `spans` overlaps the next and they are in ascending order. */
export function areSortedAndDisjoint(spans: readonly Span[]): boolean {
  for (let i = 1; i < spans.length; i++) {
    const previous = spans[i - 1]!;
    const current = spans[i]!;
    if (current.start < previous.end) return false;
  }
  return true;
}

/**
 * The index of the first item for which `isPast` holds, by binary search; `items.length`
 * when none does. `isPast` must be false for a prefix of `items` and true for the rest,
 * as "ends after offset" is for spans in text order.
 */
export function firstIndex<T>(items: readonly T[], isPast: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (isPast(items[middle]!)) high = middle;
    else low = middle + 1;
  }
  return low;
}
