import type { Entity, Mention, Role } from '../../doc/annotations.js';
import { firstIndex } from '../../doc/span.js';
import type { NewsDoc } from '../../doc/news-doc.js';
import { phraseBefore, wordsBefore } from './scan.js';
import { firstNameGender, headGender, headsAgree, honorificGender, type Gender } from './vocab.js';

/*
 * What the article tells about each person, for deciding who a description or a
 * pronoun refers to: the heads of their titles, their country (from a title such as
 * "Russian President"), gender (from "Mr."/"Mrs." or "spokeswoman"), age ("Putin, 69,")
 * and where they are named.
 */

/** What is known of the person a description or pronoun refers to. Every field narrows the choice. */
export interface PersonHint {
  /** A country the person belongs to ("the Russian leader" → "Russia"). */
  readonly country?: string;
  /** A title head, lower case ("leader", "president", "secretary of state"). */
  readonly head?: string;
  /** "the former president": only someone who held, and no longer holds, the title. */
  readonly former?: boolean;
  readonly gender?: Gender;
  readonly age?: number;
  /** Words the person's titles must contain, lower case ("health" for "the health minister"). */
  readonly qualifiers?: readonly string[];
}

export interface PersonProfile {
  /** Index of the entity in `layers.entities`. */
  readonly entity: number;
  readonly country?: string;
  /** Title heads, each with whether the article gives it as held now or formerly, and whether as the office itself rather than its deputy's. */
  readonly heads: ReadonlyMap<string, { current: boolean; former: boolean; full: boolean }>;
  /** All the person's titles, lower case, for qualifier checks. */
  readonly roleText: string;
  gender?: Gender;
  age?: number;
  /** Where the person is named or described, ascending. */
  readonly positions: number[];
}

/** The parts of an entity a profile is built from (the stage builds profiles before it freezes entities). */
export type PersonLike = Pick<Entity, 'type' | 'name' | 'mentions' | 'references' | 'roles' | 'country'>;

/** The head and tense of a role's text ("former US Secretary of State" → secretary of state, former). */
export function roleHead(role: string): { head: string; former: boolean } | undefined {
  const former = /\b(?:former|ex-|then-)/i.test(role);
  for (const candidate of [role, role.split(/\s+of\s+/)[0] ?? role]) {
    const phrase = phraseBefore(candidate, candidate.length);
    if (phrase?.head !== undefined && phrase.end === candidate.length) return { head: phrase.head, former };
  }
  return undefined;
}

/** Profiles of the people among `entities`, from the text around their mentions. */
export function buildProfiles(text: string, entities: readonly PersonLike[], mentions: readonly Mention[]): PersonProfile[] {
  const out: PersonProfile[] = [];
  entities.forEach((entity, index) => {
    if (entity.type !== 'PER') return;
    const heads = new Map<string, { current: boolean; former: boolean; full: boolean }>();
    for (const role of entity.roles) {
      const found = roleHead(role.text);
      if (found === undefined) continue;
      const tense = heads.get(found.head) ?? { current: false, former: false, full: false };
      if (found.former) tense.former = true;
      else tense.current = true;
      if (!isDeputyOf(role.text, found.head)) tense.full = true;
      heads.set(found.head, tense);
    }
    const profile: PersonProfile = {
      entity: index,
      ...(entity.country !== undefined ? { country: entity.country } : {}),
      heads,
      roleText: entity.roles.map((r) => r.text.toLowerCase()).join(' | '),
      positions: positionsOf(entity.mentions, entity.references, mentions),
    };
    for (const m of entity.mentions) {
      const mention = mentions[m];
      if (mention === undefined) continue;
      const age = profile.age ?? ageAfter(text, mention.end);
      if (age !== undefined) profile.age = age;
    }
    const gender = genderOfPerson(text, entity, mentions, [...heads.keys()]);
    if (gender !== undefined) profile.gender = gender;
    out.push(profile);
  });
  return out;
}

/**
 * What the article tells of a person's gender: a gendered title ("spokeswoman"), an
 * honorific before a name ("Mrs. Lee"), else the given name of a full name ("Sarah
 * Collins"), which some give to either and so counts last.
 */
function genderOfPerson(text: string, entity: PersonLike, mentions: readonly Mention[], heads: readonly string[]): Gender | undefined {
  for (const head of heads) {
    const gender = headGender(head);
    if (gender !== undefined) return gender;
  }
  for (const m of entity.mentions) {
    const mention = mentions[m];
    const gender = mention === undefined ? undefined : genderBefore(text, mention);
    if (gender !== undefined) return gender;
  }
  return givenNameGender(entity.name);
}

/** The gender of a full name's given name ("Sarah Sanders" → female); a one-word name tells nothing. */
function givenNameGender(name: string): Gender | undefined {
  const words = name.split(/\s+/u);
  return words.length >= 2 ? firstNameGender(words[0]!) : undefined;
}

function positionsOf(mentionIndexes: readonly number[], references: readonly Role[], mentions: readonly Mention[]): number[] {
  const positions = mentionIndexes.map((m) => mentions[m]?.start ?? -1).filter((p) => p >= 0);
  for (const reference of references) positions.push(reference.start);
  return positions.sort((a, b) => a - b);
}

/**
 * What the words of a name at [start, end) tell of its gender, with no entity to ask: an
 * honorific opening or before it ("Mrs. Lee"), else a common given name ("Sarah Collins").
 */
export function nameGender(text: string, start: number, end: number): Gender | undefined {
  const name = text.slice(start, end);
  return genderBefore(text, { start, text: name }) ?? givenNameGender(name);
}

function genderBefore(text: string, mention: Pick<Mention, 'start' | 'text'>): Gender | undefined {
  const inside = honorificGender(mention.text.split(/\s+/)[0] ?? '');
  if (inside !== undefined) return inside === 'none' ? undefined : inside;
  const word = wordsBefore(text, mention.start, 1)[0];
  const found = word === undefined ? undefined : honorificGender(word.text);
  return found === undefined || found === 'none' ? undefined : found;
}

const AGE_APPOSITION = /,[ \t]*(\d{1,3}),/y;

/** "Putin, 69, said" → 69. */
export function ageAfter(text: string, at: number): number | undefined {
  AGE_APPOSITION.lastIndex = at;
  const found = AGE_APPOSITION.exec(text);
  return found === null ? undefined : Number(found[1]);
}

/** Whether the person can be the one the hint describes. */
export function fits(profile: PersonProfile, hint: PersonHint): boolean {
  if (hint.country !== undefined && profile.country !== hint.country) return false;
  if (hint.gender !== undefined && profile.gender !== undefined && profile.gender !== hint.gender) return false;
  if (hint.age !== undefined && profile.age !== undefined && profile.age !== hint.age) return false;
  for (const qualifier of hint.qualifiers ?? []) if (!profile.roleText.includes(qualifier)) return false;
  if (hint.head === undefined) return true;
  // "Chelyabinsk's governor" is not its deputy governor; "the deputy governor" asks for one.
  const deputyAsked = hint.qualifiers?.some((word) => DEPUTY_WORDS.has(word)) === true;
  for (const [head, tense] of profile.heads) {
    if (!headsAgree(hint.head, head) || (!tense.full && !deputyAsked)) continue;
    if (hint.former === true ? tense.former : tense.current) return true;
  }
  return false;
}

/** Words that make a title another office: a deputy governor is not the governor, nor a vice president the president. */
const DEPUTY_WORDS = new Set(['deputy', 'vice', 'assistant', 'under']);

/** Whether a role gives its head as a deputy's office ("Chelyabinsk regional Deputy Governor", "Deputy Prime Minister", "Vice-President"). */
export function isDeputyOf(role: string, head: string): boolean {
  const words = role.toLowerCase().split(/[\s-]+/u);
  const headWords = head.toLowerCase().split(/\s+/u);
  const at = words.lastIndexOf(headWords[headWords.length - 1]!) - (headWords.length - 1);
  return at > 0 && (DEPUTY_WORDS.has(words[at - 1]!) || (at > 1 && DEPUTY_WORDS.has(words[at - 2]!)));
}

/** Index in `positions` of the last position before `offset`, or -1. */
function lastBefore(positions: readonly number[], offset: number): number {
  return firstIndex(positions, (position) => position >= offset) - 1;
}

/**
 * The profile of the person the hint fits who was named or described most recently
 * before `offset`; undefined when nobody fits.
 */
export function mostRecentFit(profiles: readonly PersonProfile[], offset: number, hint: PersonHint): PersonProfile | undefined {
  let best: PersonProfile | undefined;
  let bestAt = -1;
  for (const profile of profiles) {
    const at = lastBefore(profile.positions, offset);
    if (at < 0 || profile.positions[at]! <= bestAt || !fits(profile, hint)) continue;
    best = profile;
    bestAt = profile.positions[at]!;
  }
  return best;
}

/** Records that the person is referred to at `offset`, keeping positions ascending. */
export function notePosition(profile: PersonProfile, offset: number): void {
  profile.positions.splice(lastBefore(profile.positions, offset) + 1, 0, offset);
}

const profileCache = new WeakMap<readonly Entity[], PersonProfile[]>();

/**
 * The person entity (index into `doc.layers.entities`) that `hint` fits and that the
 * article named or described last before `offset`, or undefined. Recency is the
 * salience measure: a quote stage resolving "he said" passes `{ gender: 'male' }` and
 * gets the last man (or person of unknown gender) named before the pronoun. Requires
 * the entities stage to have run; profiles are cached per entities layer, so calling
 * it once per quote stays cheap.
 */
export function resolvePersonAt(doc: NewsDoc, offset: number, hint: PersonHint = {}): number | undefined {
  return mostRecentFit(profilesOf(doc), offset, hint)?.entity;
}

/** What the article tells of a person entity's gender (titles, honorifics, given name), if anything. */
export function personGender(doc: NewsDoc, entity: number): Gender | undefined {
  const { entities, mentions = [] } = doc.layers;
  const person = entities?.[entity];
  if (entities === undefined || person === undefined || person.type !== 'PER' || doc.text === undefined) return undefined;
  // Asked once per pronoun and candidate: judged per person, without building every profile.
  let known = genderCache.get(entities);
  if (known === undefined) genderCache.set(entities, (known = new Map()));
  if (!known.has(entity)) {
    const heads = person.roles.flatMap((role) => roleHead(role.text)?.head ?? []);
    known.set(entity, genderOfPerson(doc.text, person, mentions, heads) ?? null);
  }
  return known.get(entity) ?? undefined;
}

const genderCache = new WeakMap<readonly Entity[], Map<number, Gender | null>>();

function profilesOf(doc: NewsDoc): PersonProfile[] {
  const entities = doc.layers.entities;
  if (entities === undefined || doc.text === undefined) return [];
  let profiles = profileCache.get(entities);
  if (profiles === undefined) {
    profiles = buildProfiles(doc.text, entities, doc.layers.mentions ?? []);
    profileCache.set(entities, profiles);
  }
  return profiles;
}
