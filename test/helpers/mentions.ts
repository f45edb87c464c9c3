import type { EntityType, Mention } from '../../src/doc/annotations.js';

/*
 * Stand-ins for the tagger in the entity stage's tests: mentions marked from a list of
 * names, or every run of capitalised words. They feed the stage input; the stage's own
 * logic is what the tests check.
 */

const LETTER = /[\p{L}\p{N}]/u;

/**
 * Every whole-word occurrence of each name as a mention of its type; longer names win
 * where they overlap ("Vladimir Putin" over "Putin"). Sorted by start.
 */
export function markMentions(text: string, names: readonly (readonly [string, EntityType])[]): Mention[] {
  const taken = new Uint8Array(text.length);
  const out: Mention[] = [];
  const longestFirst = [...names].sort((a, b) => b[0].length - a[0].length);
  for (const [name, type] of longestFirst) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      const end = at + name.length;
      if (LETTER.test(text[at - 1] ?? ' ') || LETTER.test(text[end] ?? ' ')) continue;
      if (taken.subarray(at, end).some((v) => v === 1)) continue;
      taken.fill(1, at, end);
      out.push({ start: at, end, type, text: name });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const FUNCTION_WORDS = new Set(['The', 'A', 'An', 'In', 'On', 'At', 'But', 'And', 'He', 'She', 'It', 'They', 'We', 'I', 'This', 'That', 'His', 'Her', 'Their', 'As', 'If', 'When', 'After', 'For', 'Mr', 'Mrs', 'Ms']);

/**
 * A crude tagger: each run of capitalised words (joined by single spaces) that is not a
 * sentence's lone first function word becomes a mention, typed by a rotating guess so
 * that types disagree across the article as a weak tagger's would.
 */
export function capitalisedMentions(text: string): Mention[] {
  const out: Mention[] = [];
  const types: EntityType[] = ['PER', 'ORG', 'LOC', 'MISC', 'PER'];
  let n = 0;
  for (const match of text.matchAll(/\p{Lu}[\p{L}'’.-]*(?:[ ]\p{Lu}[\p{L}'’.-]*)*/gu)) {
    let value = match[0].replace(/[.'’-]+$/, '');
    let start = match.index;
    const firstWord = value.split(' ')[0]!;
    if (FUNCTION_WORDS.has(firstWord)) {
      if (!value.includes(' ')) continue;
      start += firstWord.length + 1;
      value = value.slice(firstWord.length + 1);
    }
    if (value.length < 2) continue;
    out.push({ start, end: start + value.length, type: types[n++ % types.length]!, text: value });
  }
  return out;
}
