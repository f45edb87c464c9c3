import type { EntityType } from '../../doc/annotations.js';

/**
 * The tagger's labels: BILOU over the four CoNLL types (Begin, Inside, Last of a
 * multi-token name, Unit-length name, Outside). BILOU gives the decoder a
 * sharper picture of name edges than BIO.
 */
export const ENTITY_TYPES: readonly EntityType[] = ['PER', 'ORG', 'LOC', 'MISC'];
const POSITIONS = ['B', 'I', 'L', 'U'] as const;

export const TAGS: readonly string[] = ['O', ...ENTITY_TYPES.flatMap((type) => POSITIONS.map((p) => `${p}-${type}`))];
export const TAG_COUNT = TAGS.length;
export const OUTSIDE = 0;

/** Position letter of a tag index: 'O', 'B', 'I', 'L' or 'U'. */
export function positionOf(tag: number): string {
  return tag === OUTSIDE ? 'O' : POSITIONS[(tag - 1) % 4]!;
}

/** Entity type of a tag index (undefined for O). */
export function typeOf(tag: number): EntityType | undefined {
  return tag === OUTSIDE ? undefined : ENTITY_TYPES[Math.floor((tag - 1) / 4)];
}

export function tagIndex(position: 'B' | 'I' | 'L' | 'U', type: EntityType): number {
  return 1 + ENTITY_TYPES.indexOf(type) * 4 + POSITIONS.indexOf(position);
}

/**
 * allowed[previous * TAG_COUNT + next] is true when BILOU lets `next` follow
 * `previous`; index TAG_COUNT * TAG_COUNT + next says whether `next` may open a
 * sentence, and allowedLast[tag] whether a sentence may end on it.
 */
export const ALLOWED_TRANSITIONS: Uint8Array = (() => {
  const allowed = new Uint8Array((TAG_COUNT + 1) * TAG_COUNT);
  const opensName = (tag: number): boolean => tag === OUTSIDE || positionOf(tag) === 'B' || positionOf(tag) === 'U';
  for (let previous = 0; previous <= TAG_COUNT; previous++) {
    for (let next = 0; next < TAG_COUNT; next++) {
      let ok: boolean;
      if (previous === TAG_COUNT) ok = opensName(next);
      else {
        const p = positionOf(previous);
        if (p === 'B' || p === 'I') {
          const q = positionOf(next);
          ok = (q === 'I' || q === 'L') && typeOf(next) === typeOf(previous);
        } else ok = opensName(next);
      }
      allowed[previous * TAG_COUNT + next] = ok ? 1 : 0;
    }
  }
  return allowed;
})();

export function mayEndOn(tag: number): boolean {
  const p = positionOf(tag);
  return p !== 'B' && p !== 'I';
}

export interface TokenRange {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
  readonly type: EntityType;
}

/** Names in a tag sequence (token index ranges); a broken sequence is read leniently. */
export function namesOf(tags: ArrayLike<number>): TokenRange[] {
  const names: TokenRange[] = [];
  let start = -1;
  let type: EntityType | undefined;
  for (let i = 0; i <= tags.length; i++) {
    const tag = i < tags.length ? tags[i]! : OUTSIDE;
    const p = positionOf(tag);
    const t = typeOf(tag);
    const continues = start >= 0 && (p === 'I' || p === 'L') && t === type;
    if (!continues && start >= 0 && type !== undefined) {
      names.push({ start, end: i, type });
      start = -1;
    }
    if (!continues && p !== 'O') {
      start = i;
      type = t;
    }
    if (start >= 0 && (p === 'L' || p === 'U') && type !== undefined) {
      names.push({ start, end: i + 1, type });
      start = -1;
    }
  }
  return names;
}

/** BILOU tag indexes for names over `length` tokens. */
export function tagsOf(names: readonly TokenRange[], length: number): Uint8Array {
  const tags = new Uint8Array(length);
  for (const name of names) {
    if (name.end - name.start === 1) tags[name.start] = tagIndex('U', name.type);
    else {
      tags[name.start] = tagIndex('B', name.type);
      for (let i = name.start + 1; i < name.end - 1; i++) tags[i] = tagIndex('I', name.type);
      tags[name.end - 1] = tagIndex('L', name.type);
    }
  }
  return tags;
}
