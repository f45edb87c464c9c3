/** How entities are indexed for search: by the last word of their name, and packed per article for facets. */

/** The last word of a lower-cased name: what a surname search looks up. */
export function lastWord(key: string): string {
  const words = key.trim().split(/\s+/u);
  return words[words.length - 1] ?? key;
}

/**
 * Namesakes: a person told apart from the entity of key `k` (same name, other roles and
 * company) gets the key `k#2`, then `k#3`, …, so each key stays unique and the name stays
 * the same. These say how, for the store that makes them and the queries that find them.
 */
export function namesakeKey(base: string, n: number): string {
  return `${base}#${n}`;
}

/** The key a namesake's key was made from (a key that is no namesake's is its own base). */
export function baseKey(key: string): string {
  return key.replace(/#\d+$/u, '');
}

/** SQL: the entity's key is a namesake's key made from the base key bound at `param`. */
export function namesakeOf(param: string): string {
  return `(key >= ${param} || '#' AND key < ${param} || '$')`;
}

/** SQL: the entity's key is the base key bound at `param`, or a namesake's key made from it. */
export function keyOrNamesake(param: string): string {
  return `(key = ${param} OR ${namesakeOf(param)})`;
}

/** Facet types, in the order their codes are packed. */
export const FACET_TYPES = ['PER', 'ORG', 'LOC'] as const;

/**
 * An article's people, organisations and places as one small blob (id × 4 + type code,
 * 32-bit each, once per entity): facets count a few hundred articles by reading one row
 * each, instead of joining thousands of index rows.
 */
export function packEntitySet(entities: readonly { id: number; type: string }[]): Buffer {
  const codes = new Set<number>();
  for (const { id, type } of entities) {
    const code = (FACET_TYPES as readonly string[]).indexOf(type);
    if (code >= 0) codes.add(id * 4 + code);
  }
  return Buffer.from(Uint32Array.from(codes).buffer);
}
