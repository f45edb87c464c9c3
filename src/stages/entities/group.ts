import type { EntityType, Mention } from '../../doc/annotations.js';
import type { NameInfo } from './names.js';
import { firstNameGender, honorificGender, isKnownPlace, type Gender } from './vocab.js';

/*
 * Which mentions name the same thing. People: a full name ("Vladimir Putin") gathers
 * its surname or given name used alone ("Putin", "Xi"; of a name of three words or more,
 * the word before the last too: "Rosselló" of "Ricardo Rosselló Nevares") wherever it stands, and when two
 * full names share a surname ("Hillary Clinton", "Bill Clinton") a bare "Clinton" goes
 * to whichever was named within the last paragraph or so, else to the one named most
 * often (see pickPerson; a relative named as one, "Biden's son Hunter Biden", does not
 * count), or stays on its own if neither was named yet. Everything
 * else groups by name (country short forms folded: "U.S." = "US" = "United States"), then
 * an acronym joins its long form when the text introduces it in parentheses
 * ("Shanghai Cooperation Organisation (SCO)") or when it spells the long form's initials.
 */

export interface Group {
  /** Mention indexes, in text order. */
  readonly members: number[];
  readonly acronyms: string[];
  /** True when the group holds a person's full name, so it is a person whatever the tagger said. */
  person: boolean;
}

class UnionFind {
  private readonly parent: number[] = [];
  add(): number {
    this.parent.push(this.parent.length);
    return this.parent.length - 1;
  }
  find(x: number): number {
    let root = x;
    while (this.parent[root]! !== root) root = this.parent[root]!;
    while (this.parent[x]! !== root) {
      const next = this.parent[x]!;
      this.parent[x] = root;
      x = next;
    }
    return root;
  }
  /** Joins b's set into a's; returns the root. */
  union(a: number, b: number): number {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[rb] = ra;
    return ra;
  }
}

/** The type most mentions of each name carry; a tie goes to the name's first mention. */
export function consensusTypes(mentions: readonly Mention[], names: readonly NameInfo[], order: readonly number[]): Map<string, EntityType> {
  const counts = new Map<string, Map<EntityType, number>>();
  const firstType = new Map<string, EntityType>();
  for (const index of order) {
    const key = names[index]!.key;
    const type = mentions[index]!.type;
    if (!firstType.has(key)) firstType.set(key, type);
    const byType = counts.get(key) ?? new Map<EntityType, number>();
    byType.set(type, (byType.get(type) ?? 0) + 1);
    counts.set(key, byType);
  }
  const out = new Map<string, EntityType>();
  for (const [key, byType] of counts) {
    let best = firstType.get(key)!;
    for (const [type, count] of byType) if (count > byType.get(best)!) best = type;
    out.set(key, best);
  }
  return out;
}

/** Mention groups in order of first mention, and each mention's group. */
export function groupMentions(
  text: string,
  mentions: readonly Mention[],
  names: readonly NameInfo[],
  order: readonly number[],
  types: ReadonlyMap<string, EntityType>,
): { groups: Group[]; groupOf: number[] } {
  const sets = new UnionFind();
  const setOfKey = new Map<string, number>();
  const personSets = new Set<number>();
  const setOfMention: number[] = new Array<number>(mentions.length).fill(-1);
  const keySet = (key: string): number => {
    let set = setOfKey.get(key);
    if (set === undefined) {
      set = sets.add();
      setOfKey.set(key, set);
    }
    return set;
  };

  // Full names of people first, so a short form before its full name (a headline) finds it.
  const bySurname = new Map<string, number[]>();
  // The word before the last of a name of three or more: the first surname of a Spanish or
  // Portuguese name ("Rosselló" of "Ricardo Rosselló Nevares"), or a maiden name.
  const byInnerSurname = new Map<string, number[]>();
  const byGivenName = new Map<string, number[]>();
  // Full names by their first and last words, for "Hillary Rodham Clinton" = "Hillary Clinton".
  const fullNames = new Map<string, { tokens: readonly string[]; set: number }[]>();
  // A full name's gender by its given name, for "Mr. Clinton" between Bill and Hillary Clinton.
  const genderOfSet = new Map<number, Gender>();
  for (const index of order) {
    const name = names[index]!;
    if (name.tokens.length < 2 || types.get(name.key) !== 'PER' || setOfKey.has(name.key)) continue;
    const first = name.tokens[0]!;
    const last = name.tokens[name.tokens.length - 1]!;
    // "Bill Clinton" is someone else.
    const ends = `${first} ${last}`;
    const same = fullNames.get(ends)?.find((f) => isSubsequence(f.tokens, name.tokens) || isSubsequence(name.tokens, f.tokens));
    const set = same !== undefined ? same.set : keySet(name.key);
    setOfKey.set(name.key, set);
    personSets.add(set);
    if (same !== undefined) continue;
    const alike = fullNames.get(ends);
    if (alike === undefined) fullNames.set(ends, [{ tokens: name.tokens, set }]);
    else alike.push({ tokens: name.tokens, set });
    const given = firstNameGender(first);
    if (given !== undefined) genderOfSet.set(set, given);
    push(bySurname, last, set);
    if (name.tokens.length >= 3) push(byInnerSurname, name.tokens[name.tokens.length - 2]!, set);
    push(byGivenName, first, set);
  }

  // A name the tagger never called a person ("Linux") is no one's surname, whatever "Rocky Linux" is.
  const taggedPerson = new Set<string>();
  for (let i = 0; i < mentions.length; i++) if (mentions[i]!.type === 'PER') taggedPerson.add(names[i]!.key);
  // Walking in text order, a short form goes to the person in focus where it stands (see pickPerson).
  const lastSeen = new Map<number, number>();
  const timesSeen = new Map<number, number>();
  // Where each person was last named by more than the shared surname ("Hunter Biden", "Hunter"): a bare surname given to them does not renew the focus.
  const lastNamed = new Map<number, number>();
  for (const index of order) {
    const name = names[index]!;
    const type = types.get(name.key);
    let set: number | undefined;
    if (name.tokens.length >= 2 && type === 'PER') set = setOfKey.get(name.key);
    else if (name.tokens.length === 1 && (type === 'PER' || (taggedPerson.has(name.key) && !isKnownPlace(name.display)))) {
      const token = name.tokens[0]!;
      const candidates = bySurname.get(token) ?? byInnerSurname.get(token) ?? byGivenName.get(token);
      // "Mr. Clinton", with the honorific inside the mention or just before it.
      const gender = name.gender ?? honorificBefore(text, mentions[index]!.start);
      const agreeing = gender === undefined ? candidates : candidates?.filter((c) => (genderOfSet.get(c) ?? gender) === gender);
      set = pickPerson(agreeing !== undefined && agreeing.length > 0 ? agreeing : candidates, { lastSeen, lastNamed, timesSeen, at: mentions[index]!.start }, sets);
      // "Mrs. Trump", when only Ivana Trump can be her, tells Ivana's gender for the "Mr. Trump" after it.
      if (gender !== undefined && agreeing?.length === 1 && !genderOfSet.has(agreeing[0]!)) genderOfSet.set(agreeing[0]!, gender);
    }
    if (set === undefined) set = keySet(name.key);
    setOfMention[index] = set;
    // "Biden's son Hunter Biden": a relative named beside the surname's holder does not take the bare surname from them.
    if (personSets.has(set) && !(name.tokens.length >= 2 && KINSHIP_BEFORE.test(text.slice(Math.max(0, mentions[index]!.start - 24), mentions[index]!.start)))) {
      lastSeen.set(set, mentions[index]!.start);
      timesSeen.set(set, (timesSeen.get(set) ?? 0) + 1);
      if (name.tokens.length >= 2 || !bySurname.has(name.tokens[0]!)) lastNamed.set(set, mentions[index]!.start);
    }
  }

  const acronymsOfSet = joinAcronyms(text, mentions, names, order, types, sets, setOfKey, setOfMention);
  return collect(order, setOfMention, sets, personSets, acronymsOfSet);
}

/** The gender the form of address right before a mention gives ("Mr. |Clinton|"), by the same lexicon as one inside a mention. */
function honorificBefore(text: string, start: number): Gender | undefined {
  // Forms of address are short: a word cut by the window's start is too long to match.
  const word = /(?:^|\s)(\S{1,8})\s+$/u.exec(text.slice(Math.max(0, start - 16), start))?.[1];
  const gender = word === undefined ? undefined : honorificGender(word);
  return gender === 'none' ? undefined : gender;
}

/** A kinship noun right before a name ("his son", "Biden's daughter,"). */
const KINSHIP_BEFORE = /\b(?:son|daughter|wife|husband|brother|sister|father|mother|nephew|niece|cousin|grandson|granddaughter|stepson|stepdaughter|widow|uncle|aunt),?\s+$/iu;

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function isSubsequence(short: readonly string[], long: readonly string[]): boolean {
  let at = 0;
  for (const token of long) if (at < short.length && short[at] === token) at++;
  return at === short.length;
}

/** Where each person was last named and how often, and where the short form stands. */
interface Seen {
  readonly lastSeen: ReadonlyMap<number, number>;
  readonly lastNamed: ReadonlyMap<number, number>;
  readonly timesSeen: ReadonlyMap<number, number>;
  readonly at: number;
}

/** How near a person's last naming keeps the reader's focus on them (a paragraph or so). */
const LOCAL_FOCUS_CHARS = 400;

/**
 * The person a short form stands for: the one named within the last paragraph or so;
 * past that, the one named most often ("Biden" after a paragraph on Hunter Biden's laptop
 * is Joe Biden again), the most recent on a tie; the only candidate when none was named
 * yet; else none.
 */
function pickPerson(candidates: readonly number[] | undefined, seen: Seen, sets: UnionFind): number | undefined {
  if (candidates === undefined || candidates.length === 0) return undefined;
  let recent: number | undefined;
  let recentAt = -1;
  for (const candidate of candidates) {
    const at = seen.lastSeen.get(candidate);
    if (at !== undefined && at > recentAt) [recent, recentAt] = [candidate, at];
  }
  if (recent === undefined) return candidates.length === 1 ? sets.find(candidates[0]!) : undefined;
  // The one named in full (or by given name) within the paragraph keeps the focus; a chain of bare surnames does not carry it further.
  let named: number | undefined;
  let namedAt = -1;
  for (const candidate of candidates) {
    const at = seen.lastNamed.get(candidate);
    if (at !== undefined && at > namedAt) [named, namedAt] = [candidate, at];
  }
  if (named !== undefined && seen.at - namedAt <= LOCAL_FOCUS_CHARS) return sets.find(named);
  let best = recent;
  for (const candidate of candidates) {
    if ((seen.timesSeen.get(candidate) ?? 0) > (seen.timesSeen.get(best) ?? 0)) best = candidate;
  }
  return sets.find(best);
}

const PARENTHESISED_ACRONYM = /[ \t]*\([ \t]*(\p{Lu}[\p{Lu}\p{N}&.-]{0,11})[ \t]*\)/uy;
const FUNCTION_WORDS = new Set(['of', 'the', 'and', 'for', 'de', 'on', 'in', 'to', '&', 'du', 'des', 'la', 'le']);

/** Whether an all-capital word spells a long name's initials, with or without its function words ("WHO", "World Health Organization"). */
export function spellsInitials(acronym: string, name: string): boolean {
  const words = name.split(/\s+/u);
  if (words.length < 2) return false;
  const key = acronymKey(acronym);
  return [words, words.filter((w) => !FUNCTION_WORDS.has(w.toLowerCase()))].some((spelled) => spelled.map((w) => w[0] ?? '').join('').toLowerCase() === key);
}

function acronymKey(acronym: string): string {
  return acronym.replace(/\./g, '').toLowerCase();
}

function joinAcronyms(
  text: string,
  mentions: readonly Mention[],
  names: readonly NameInfo[],
  order: readonly number[],
  types: ReadonlyMap<string, EntityType>,
  sets: UnionFind,
  setOfKey: Map<string, number>,
  setOfMention: readonly number[],
): Map<number, Set<string>> {
  const acronymsOfSet = new Map<number, Set<string>>();
  const initials = new Map<string, number>();
  const displayOfKey = new Map<string, string>();
  for (const index of order) {
    const name = names[index]!;
    if (!displayOfKey.has(name.key)) displayOfKey.set(name.key, name.display);
    if (types.get(name.key) === 'PER' || name.tokens.length < 2) continue;
    const set = setOfMention[index]!;
    const words = name.display.split(/\s+/);
    for (const spelled of [words, words.filter((w) => !FUNCTION_WORDS.has(w.toLowerCase()))]) {
      const letters = spelled.map((w) => w[0] ?? '').join('').toLowerCase();
      if (letters.length >= 2 && !initials.has(letters)) initials.set(letters, set);
    }
    PARENTHESISED_ACRONYM.lastIndex = mentions[index]!.end;
    const found = PARENTHESISED_ACRONYM.exec(text);
    if (found === null || mentions[index]!.end > text.length) continue;
    const acronym = found[1]!;
    if ((acronym.match(/\p{Lu}/gu) ?? []).length < 2) continue;
    // "Parliament of New South Wales (NSW)" abbreviates part of the name: not the name's acronym.
    if (acronym[0]!.toLowerCase() !== name.display[0]?.toLowerCase()) continue;
    const key = acronymKey(acronym);
    const root = sets.find(set);
    const acronyms = acronymsOfSet.get(root) ?? new Set<string>();
    acronyms.add(acronym);
    acronymsOfSet.set(root, acronyms);
    const other = setOfKey.get(key);
    if (other !== undefined && types.get(key) !== 'PER') sets.union(root, other);
    else setOfKey.set(key, root);
  }
  // An all-capital name that spells one long name's initials ("EU" for "European Union").
  for (const [key, set] of setOfKey) {
    if (types.get(key) === 'PER' || key.includes(' ') || key.length < 2 || key.length > 8) continue;
    const long = initials.get(key);
    if (long === undefined || sets.find(long) === sets.find(set)) continue;
    const display = displayOfKey.get(key);
    if (display === undefined || display.replace(/\./g, '') !== display.replace(/\./g, '').toUpperCase()) continue;
    const root = sets.union(long, set);
    const acronyms = acronymsOfSet.get(root) ?? new Set<string>();
    acronyms.add(display);
    acronymsOfSet.set(root, acronyms);
  }
  return acronymsOfSet;
}

function collect(
  order: readonly number[],
  setOfMention: readonly number[],
  sets: UnionFind,
  personSets: ReadonlySet<number>,
  acronymsOfSet: ReadonlyMap<number, ReadonlySet<string>>,
): { groups: Group[]; groupOf: number[] } {
  const personRoots = new Set([...personSets].map((s) => sets.find(s)));
  const groupOfRoot = new Map<number, number>();
  const groups: Group[] = [];
  const groupOf: number[] = new Array<number>(setOfMention.length).fill(-1);
  for (const index of order) {
    const root = sets.find(setOfMention[index]!);
    let group = groupOfRoot.get(root);
    if (group === undefined) {
      group = groups.length;
      groupOfRoot.set(root, group);
      const acronyms = new Set<string>();
      for (const [set, found] of acronymsOfSet) if (sets.find(set) === root) for (const a of found) acronyms.add(a);
      groups.push({ members: [], acronyms: [...acronyms], person: personRoots.has(root) });
    }
    groups[group]!.members.push(index);
    groupOf[index] = group;
  }
  return { groups, groupOf };
}
