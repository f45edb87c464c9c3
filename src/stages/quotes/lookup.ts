import type { Entity, Mention } from '../../doc/annotations.js';
import { firstIndex, type Span } from '../../doc/span.js';

/**
 * The mentions overlapping [start, end), found by binary search: the mentions layer is
 * in text order and its spans are disjoint, so their ends are sorted too. A quote stage
 * asks this for every quotation and subject; a scan per question made long articles
 * quadratic.
 */
export function overlappingMentions(mentions: readonly Mention[], start: number, end: number): Mention[] {
  const found: Mention[] = [];
  for (let i = firstIndex(mentions, (m) => m.end > start); i < mentions.length && mentions[i]!.start < end; i++) {
    if (mentions[i]!.end > start) found.push(mentions[i]!);
  }
  return found;
}

/** Per entities layer: its descriptions in text order. */
interface EntityLookup {
  readonly references: readonly (Span & { readonly entity: number })[];
}

const lookups = new WeakMap<readonly Entity[], EntityLookup>();

export function entityLookup(entities: readonly Entity[]): EntityLookup {
  let lookup = lookups.get(entities);
  if (lookup === undefined) {
    const references: (Span & { readonly entity: number })[] = [];
    entities.forEach((entity, index) => {
      for (const ref of entity.references) references.push({ start: ref.start, end: ref.end, entity: index });
    });
    references.sort((a, b) => a.start - b.start || a.entity - b.entity);
    lookup = { references };
    lookups.set(entities, lookup);
  }
  return lookup;
}

/** The first entity (in entity order) with a description containing [start, end). */
export function entityDescribing(lookup: EntityLookup, start: number, end: number): number | undefined {
  let best: number | undefined;
  // Descriptions are short and rarely nest: scan those starting at or before `start`, from the nearest back.
  const low = firstIndex(lookup.references, (ref) => ref.start > start);
  for (let i = low - 1; i >= 0 && i >= low - 64; i--) {
    const ref = lookup.references[i]!;
    if (ref.start <= start && end <= ref.end && (best === undefined || ref.entity < best)) best = ref.entity;
  }
  return best;
}
