/**
 * The passage of an article shown under a search result, with the searched words marked.
 * Done here rather than with FTS5's snippet(), which re-tokenises every body and was most
 * of a search's time; this reads the body once with one regular expression.
 */

export interface Snippet {
  readonly snippet: string;
  /** [start, end) offsets of the searched words in `snippet`. */
  readonly highlights: readonly (readonly [number, number])[];
}

const SIZE = 240;
/** How much text to keep before the first searched word. */
const LEAD = 60;
const WORD = '[\\p{L}\\p{N}\\p{M}]';

/**
 * A function giving each body its snippet for one query's `terms` (the lower-case words of
 * the query, see parseSearch); the pattern is built once per query. The index stems words
 * (porter) and ignores accents, so a term here matches a word that starts with its stem,
 * roughly taken ("sanctions" marks "sanction", "sanctioned"), accents aside.
 */
export function snippetsFor(terms: readonly string[]): (body: string) => Snippet {
  const pattern = termPattern(terms);
  return (body) => {
    if (pattern === null) return cut(flatten(body.slice(0, SIZE * 2)), pattern);
    const first = firstMatch(body, pattern) ?? firstMatch(fold(body), pattern);
    if (first === null) return cut(flatten(body.slice(0, SIZE * 2)), pattern);
    // Only the passage around the first match is flattened and searched again for every mark.
    const from = first <= LEAD ? 0 : wordStart(body, first - LEAD);
    return cut(flatten(body.slice(from, from + SIZE * 2)), pattern, from > 0);
  };
}

function firstMatch(text: string, pattern: RegExp): number | null {
  pattern.lastIndex = 0;
  const match = pattern.exec(text);
  return match === null ? null : match.index;
}

function flatten(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

function cut(text: string, pattern: RegExp | null, cutBefore = false): Snippet {
  let end = Math.min(text.length, SIZE);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > SIZE / 2) end = space;
  }
  const before = cutBefore ? '…' : '';
  const after = end < text.length ? '…' : '';
  const highlights: (readonly [number, number])[] = [];
  if (pattern !== null) {
    const passage = fold(text.slice(0, end));
    // matchAll starts where the pattern's last exec stopped.
    pattern.lastIndex = 0;
    for (const match of passage.matchAll(pattern)) highlights.push([match.index + before.length, match.index + match[0].length + before.length]);
  }
  return { snippet: `${before}${text.slice(0, end)}${after}`, highlights };
}

function wordStart(text: string, at: number): number {
  const space = text.indexOf(' ', at);
  return space < 0 || space - at > 30 ? at : space + 1;
}

function termPattern(terms: readonly string[]): RegExp | null {
  const stems = [...new Set(terms.map((term) => stemOf(fold(term))).filter((stem) => stem !== ''))];
  if (stems.length === 0) return null;
  stems.sort((a, b) => b.length - a.length);
  const alternatives = stems.map((stem) => stem.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&')).join('|');
  return new RegExp(`(?<!${WORD})(?:${alternatives})${WORD}*`, 'giu');
}

/** A crude English stem: enough to find the word the index matched, not to index. */
function stemOf(term: string): string {
  const stem = term.replace(/(?:ing|ed|es|s|ly)$/u, '');
  return stem.length >= 3 ? stem : term;
}

/** Accents off, one UTF-16 unit for one, so offsets in the folded text are offsets in the text. */
function fold(text: string): string {
  // Unit by unit, surrogates left alone (no `u` flag): each letter from U+00C0 on becomes the first unit of its decomposition.
  return text.replace(FOLDABLE, (unit) => unit.normalize('NFD')[0] ?? unit);
}

const FOLDABLE = /[\u00c0-\ud7ff\ue000-\uffff]/g;
