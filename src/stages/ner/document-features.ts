import type { TokenFacts } from './features.js';
import { mixNumber, template } from './hash.js';
import { namesOf, typeOf, ENTITY_TYPES } from './tags.js';

/*
 * Non-local features for the second pass (after Ratinov & Roth 2009): how the first
 * pass tagged the other occurrences of the same word in the document. A name written
 * in full once ("Peter Blackburn") and later alone ("Blackburn"), or in an all-caps
 * headline and then in the prose, gets one consistent reading.
 */

const D = { majority: 40, any: 41, first: 42, longest: 43, own: 44, ownContext: 45 } as const;

function typeNumber(tag: number): number {
  const type = typeOf(tag);
  return type === undefined ? 0 : 1 + ENTITY_TYPES.indexOf(type);
}

/** Returns a function that adds token i's document features through `push`. */
export function documentFeatures(facts: TokenFacts, firstPassTags: Uint8Array): (i: number, push: (key: number) => void) => void {
  const n = facts.lower.length;
  // Per word: counts of each type (0 = outside) over its occurrences, and its first occurrence.
  const counts = new Map<string, Int32Array>();
  const first = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const word = facts.lower[i]!;
    let row = counts.get(word);
    if (row === undefined) {
      row = new Int32Array(ENTITY_TYPES.length + 1);
      counts.set(word, row);
      first.set(word, i);
    }
    row[typeNumber(firstPassTags[i]!)]!++;
  }
  // Per word: the longest multi-token name the first pass found that contains it.
  const longest = new Map<string, { start: number; end: number; type: number; position: number }>();
  for (const name of namesOf(firstPassTags)) {
    if (name.end - name.start < 2) continue;
    for (let i = name.start; i < name.end; i++) {
      const known = longest.get(facts.lower[i]!);
      if (known !== undefined && known.end - known.start >= name.end - name.start) continue;
      const position = i === name.start ? 0 : i === name.end - 1 ? 2 : 1;
      longest.set(facts.lower[i]!, { start: name.start, end: name.end, type: 1 + ENTITY_TYPES.indexOf(name.type), position });
    }
  }
  return (i, push) => {
    const word = facts.lower[i]!;
    const own = typeNumber(firstPassTags[i]!);
    const cap = facts.capitalised[i]!;
    push(mixNumber(template(D.own), firstPassTags[i]!));
    const previous = i > 0 && facts.sentenceOf[i - 1] === facts.sentenceOf[i] ? firstPassTags[i - 1]! : 99;
    const next = i + 1 < n && facts.sentenceOf[i + 1] === facts.sentenceOf[i] ? firstPassTags[i + 1]! : 99;
    push(mixNumber(mixNumber(mixNumber(template(D.ownContext), previous), firstPassTags[i]!), next));
    if (!/\p{L}/u.test(word)) return;
    const row = counts.get(word)!;
    let best = -1;
    let bestCount = 0;
    let others = 0;
    for (let t = 0; t < row.length; t++) {
      const c = row[t]! - (t === own ? 1 : 0);
      others += c;
      if (c > bestCount) { bestCount = c; best = t; }
      if (t > 0 && c > 0) push(mixNumber(mixNumber(template(D.any), t), cap));
    }
    if (others > 0) push(mixNumber(mixNumber(mixNumber(template(D.majority), best), cap), bestCount === others ? 1 : 0));
    const firstAt = first.get(word)!;
    if (firstAt !== i) push(mixNumber(mixNumber(template(D.first), typeNumber(firstPassTags[firstAt]!)), cap));
    const name = longest.get(word);
    if (name !== undefined && (i < name.start || i >= name.end)) {
      push(mixNumber(mixNumber(mixNumber(template(D.longest), name.type), name.position), cap));
    }
  };
}
