/**
 * How names written differently in different articles are known to be one entity's:
 * the pure rules the store's collection entities apply (src/store/sqlite/entities.ts).
 *
 * Every rule errs towards keeping two names apart. Joining two people wrongly puts one
 * person's words on the other's page, the worst error this product can make; leaving
 * two names of one person apart only splits their page in two.
 */
import { COUNTRY_ALIASES } from '../rules/lexicons/countries.js';

/** A name folded for comparison: lower case, without accents, dots, apostrophes or extra spaces ("François Hollande" and "Francois Hollande"). */
export function foldedName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’.]/gu, '')
    .replace(/[\s-]+/gu, ' ')
    .trim();
}

/**
 * The country a name is a short form of ("US", "U.S.", "USA": "United States"; "Burma":
 * "Myanmar"), as the entities stage reads it within an article; undefined for any other
 * name, and for a person's.
 */
export function countryNamed(type: string, name: string): string | undefined {
  return type === 'PER' ? undefined : COUNTRY_ALIASES[name.trim()];
}

/** A person's folded name cut into first name, middle names and surname ("donald j trump"); null for a single word. */
export interface NameParts {
  readonly first: string;
  readonly middle: string;
  readonly last: string;
}

const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

export function nameParts(folded: string): NameParts | null {
  const words = folded.split(' ').filter((word) => word !== '');
  // "Martin Luther King Jr": the suffix is part of the surname, not a middle name.
  const suffix = words.length > 2 && SUFFIXES.has(words[words.length - 1]!) ? ` ${words.pop()!}` : '';
  if (words.length < 2) return null;
  return { first: words[0]!, middle: words.slice(1, -1).join(' '), last: `${words[words.length - 1]!}${suffix}` };
}

/**
 * The one entity a person's name with or without middle names stands for among the
 * others of its first name and surname, or null. "Hillary Clinton" is "Hillary Rodham
 * Clinton" when she is the only Hillary … Clinton with a middle name; "Donald J. Trump"
 * is "Donald Trump" when no other middle name is known between them. "George Bush"
 * stays apart when both "George W. Bush" and "George H. W. Bush" are known, and "George
 * H. W. Bush" stays apart from "George W. Bush" whatever else is known.
 */
export function siblingEntity(parts: NameParts, siblings: readonly { readonly middle: string; readonly entity: number }[]): number | null {
  const others = siblings.filter((sibling) => sibling.middle !== parts.middle);
  if (parts.middle !== '' && others.some((sibling) => sibling.middle !== '')) return null;
  const entities = new Set(others.map((sibling) => sibling.entity));
  return entities.size === 1 ? entities.values().next().value! : null;
}

/** A surname alone stands for a person when one person holds this share of the articles of all who bear it. */
export const SURNAME_SHARE = 0.9;
/** … and is named in at least this many articles: a surname is never read into a name seen once. */
export const SURNAME_MIN_ARTICLES = 3;

/**
 * The person a surname alone ("Putin") stands for in the collection: the full name that
 * holds SURNAME_SHARE of the articles among those with this surname, or null. "Clinton"
 * stays itself while Hillary and Bill Clinton share the collection.
 */
export function surnameHolder(candidates: readonly { readonly entity: number; readonly articles: number }[]): number | null {
  const total = candidates.reduce((sum, candidate) => sum + candidate.articles, 0);
  const best = candidates.reduce<{ entity: number; articles: number } | null>((top, candidate) => (top === null || candidate.articles > top.articles ? candidate : top), null);
  if (best === null || best.articles < SURNAME_MIN_ARTICLES || best.articles < SURNAME_SHARE * total) return null;
  return best.entity;
}

/** An organisation's acronym fit to stand for it across articles: two to eight letters or digits, capitals. */
export function acronymKey(acronym: string): string | null {
  return /^[A-Z][A-Z0-9&]{1,7}$/u.test(acronym) ? acronym.toLowerCase() : null;
}

/** Words of a role that say when, not what ("former Prime Minister" is the Prime Minister's role too). */
const ROLE_NOISE = new Set(['former', 'ex', 'then', 'the', 'of', 'and', 'a', 'an', 'for', 'to', 'at', 'in', 'acting', 'new', 'current', 'interim', 'late']);

function roleWords(roles: readonly string[]): Set<string> {
  return new Set(roles.flatMap((role) => foldedName(role).split(/[^\p{L}\p{N}]+/u)).filter((word) => word !== '' && !ROLE_NOISE.has(word)));
}

/**
 * Whether an arriving namesake's roles share no word with the roles a known person has
 * been given: "striker" against "Labour MP" disagree; "Prime Minister" and "former Prime
 * Minister" agree. Roles alone never separate two people (see the store's namesake
 * check): a person's roles change, and a role left unsaid disagrees with nothing.
 */
export function rolesDisagree(arriving: readonly string[], known: readonly string[]): boolean {
  const mine = roleWords(arriving);
  const theirs = roleWords(known);
  if (mine.size === 0 || theirs.size === 0) return false;
  for (const word of mine) if (theirs.has(word)) return false;
  return true;
}
