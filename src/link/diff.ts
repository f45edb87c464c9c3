/** What changed between a text and a copy of it, paragraph by paragraph. */
export interface CopyChanges {
  /** Paragraphs of the copy the original does not have. */
  readonly added: number;
  /** Paragraphs of the original the copy leaves out. */
  readonly removed: number;
  /** Paragraphs in both, reworded (at least half their words shared). */
  readonly edited: number;
  readonly unchanged: number;
}

/** Paragraphs are edits of each other when they share at least this share of their words. */
const EDITED_OVERLAP = 0.5;

/**
 * Compares a copy with its original: paragraphs the same word for word (case and spacing
 * aside), paragraphs reworded, added and left out. Paragraphs are the blank-line-separated
 * parts of a body, as `dateline read` gives it.
 */
export function copyChanges(original: string, copy: string): CopyChanges {
  const before = paragraphsOf(original);
  const after = paragraphsOf(copy);
  const remaining = new Map<string, number>();
  for (const p of before) remaining.set(p.key, (remaining.get(p.key) ?? 0) + 1);
  let unchanged = 0;
  const unmatchedAfter: Paragraph[] = [];
  for (const p of after) {
    const left = remaining.get(p.key) ?? 0;
    if (left > 0) {
      remaining.set(p.key, left - 1);
      unchanged++;
    } else unmatchedAfter.push(p);
  }
  const unmatchedBefore = before.filter((p) => {
    const left = remaining.get(p.key) ?? 0;
    if (left === 0) return false;
    remaining.set(p.key, left - 1);
    return true;
  });
  let edited = 0;
  const used = new Set<Paragraph>();
  for (const p of unmatchedAfter) {
    const match = unmatchedBefore.find((q) => !used.has(q) && overlap(p.words, q.words) >= EDITED_OVERLAP);
    if (match === undefined) continue;
    used.add(match);
    edited++;
  }
  return { added: unmatchedAfter.length - edited, removed: unmatchedBefore.length - edited, edited, unchanged };
}

interface Paragraph {
  readonly key: string;
  readonly words: ReadonlySet<string>;
}

function paragraphsOf(text: string): Paragraph[] {
  return text
    .split(/\n\s*\n/u)
    .map((part) => part.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
    .filter((words) => words.length > 0)
    .map((words) => ({ key: words.join(' '), words: new Set(words) }));
}

/** Shared words over the words of the longer paragraph. */
function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / Math.max(a.size, b.size);
}
