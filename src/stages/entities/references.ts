import type { Mention } from '../../doc/annotations.js';
import type { Span } from '../../doc/span.js';
import { mostRecentFit, notePosition, type PersonHint, type PersonProfile } from './persons.js';
import type { ScanContext } from './scan.js';
import { titleAfter } from './titles.js';

/*
 * Descriptions that stand for a person already named: "the Russian leader", "the
 * president", "the former prime minister", "the 69-year-old". Each goes to the person
 * named or described most recently before it whose titles, country and age fit: "the
 * Chinese leader" skips a more recent Putin because Putin's title says Russian. A
 * description followed by a name ("the Russian President Vladimir Putin") is that
 * name's title, not a reference; a plural ("the leaders") never refers to one person.
 */

export interface ResolvedReference extends Span {
  readonly text: string;
  readonly entity: number;
}

/** Every description in the text resolved to a person, in text order. */
export function resolveReferences(
  ctx: ScanContext,
  profiles: readonly PersonProfile[],
  sortedMentions: readonly Mention[],
  skipStarts: ReadonlySet<number>,
): ResolvedReference[] {
  const out: ResolvedReference[] = [];
  if (profiles.length === 0) return out;
  const { text } = ctx;
  const finder = /\bthe[ \t\u00a0]+/gi;
  let cursor = 0; // into sortedMentions, for the inside-a-name check
  for (const match of text.matchAll(finder)) {
    const start = match.index;
    if (skipStarts.has(start)) continue;
    while (cursor < sortedMentions.length && sortedMentions[cursor]!.end <= start) cursor++;
    const around = sortedMentions[cursor];
    if (around !== undefined && around.start <= start) continue; // "The Hague", "The Times"
    const title = titleAfter(ctx, start + match[0].length, true);
    if (title === undefined || title.beforePerson || title.openComplement) continue;
    if (title.start !== start + match[0].length) continue;
    const hint: PersonHint = {
      ...(title.country !== undefined ? { country: title.country } : {}),
      ...(title.head !== undefined ? { head: title.head, former: title.former } : {}),
      ...(title.age !== undefined ? { age: title.age } : {}),
    };
    const person = mostRecentFit(profiles, start, hint);
    if (person === undefined) continue;
    notePosition(person, start);
    out.push({ start, end: title.end, text: text.slice(start, title.end), entity: person.entity });
  }
  return out;
}
