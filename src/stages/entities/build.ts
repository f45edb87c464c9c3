import type { Entity, EntityType, Mention, Role } from '../../doc/annotations.js';
import { isValidSpan } from '../../doc/span.js';
import { consensusTypes, groupMentions, type Group } from './group.js';
import { parseName, type NameInfo } from './names.js';
import { buildProfiles } from './persons.js';
import { resolveReferences } from './references.js';
import { distinctRoles, rolesAt, type FoundRole } from './roles.js';
import type { ScanContext } from './scan.js';
import { demonymCountry, isGovernmentSeat } from './vocab.js';

interface Draft {
  type: EntityType;
  name: string;
  acronyms: string[];
  mentions: number[];
  references: Role[];
  roles: Role[];
  country?: string;
}

/**
 * Groups the mentions into entities and returns both: the mentions come back as new
 * objects with `entity` set and, where the article's majority disagrees with the
 * tagger, the entity's type.
 */
export function buildEntities(text: string, input: readonly Mention[]): { entities: Entity[]; mentions: Mention[] } {
  const order = input.map((_, i) => i).sort((a, b) => input[a]!.start - input[b]!.start || input[b]!.end - input[a]!.end);
  const names = input.map((mention, i): NameInfo => {
    const name = parseName(mention.text, mention.type);
    // A mention with no name left in it ("the") groups with nothing else.
    return name.key === '' ? { ...name, key: `\u0000${i}`, display: mention.text } : name;
  });
  const types = consensusTypes(input, names, order);
  const { groups, groupOf } = groupMentions(text, input, names, order, types);
  const drafts = groups.map((group) => draft(group, names, types, input));
  const mentions = input.map((mention, i): Mention => ({ ...mention, type: drafts[groupOf[i]!]!.type, entity: groupOf[i]! }));

  const ctx = scanContext(text, mentions);
  const appositionStarts = new Set<number>();
  for (const entity of drafts) {
    if (entity.type !== 'PER') continue;
    const found: FoundRole[] = [];
    for (const m of entity.mentions) {
      const mention = mentions[m]!;
      if (isValidSpan(text, mention) && mention.end > mention.start) found.push(...rolesAt(ctx, mention, names[m]!, appositionStarts));
    }
    const roles = distinctRoles(found);
    const country = roles.find((r) => r.country !== undefined)?.country;
    entity.roles = roles.map((r) => ({ start: r.start, end: r.end, text: r.text }));
    if (country !== undefined) entity.country = country;
  }
  for (const entity of drafts) {
    if (entity.type === 'PER' || entity.type === 'ORG') continue;
    const country = demonymCountry(entity.name);
    if (country !== undefined) entity.country = country;
  }

  const profiles = buildProfiles(text, drafts, mentions);
  const sorted = order.map((i) => mentions[i]!).filter((m) => isValidSpan(text, m));
  for (const reference of resolveReferences(ctx, profiles, sorted, appositionStarts)) {
    drafts[reference.entity]!.references.push({ start: reference.start, end: reference.end, text: reference.text });
  }

  const entities = drafts.map((d, id): Entity => ({
    id,
    type: d.type,
    name: d.name,
    acronyms: d.acronyms,
    mentions: d.mentions,
    references: d.references,
    roles: d.roles,
    ...(d.country !== undefined ? { country: d.country } : {}),
  }));
  return { entities, mentions };
}

function draft(group: Group, names: readonly NameInfo[], types: ReadonlyMap<string, EntityType>, mentions: readonly Mention[]): Draft {
  const first = group.members[0]!;
  let type: EntityType = types.get(names[first]!.key) ?? mentions[first]!.type;
  if (group.person) type = 'PER';
  else {
    const counts = new Map<EntityType, number>();
    for (const m of group.members) {
      const t = types.get(names[m]!.key) ?? mentions[m]!.type;
      counts.set(t, (counts.get(t) ?? 0) + 1);
    }
    for (const [t, count] of counts) if (count > counts.get(type)!) type = t;
  }
  const acronymKeys = new Set(group.acronyms.map((a) => a.replace(/\./g, '').toLowerCase()));
  const longForms = group.members.filter((m) => !acronymKeys.has(names[m]!.key));
  let best = (longForms.length > 0 ? longForms : group.members)[0]!;
  for (const m of longForms) {
    const name = names[m]!;
    const held = names[best]!;
    if (name.tokens.length > held.tokens.length || (name.tokens.length === held.tokens.length && name.display.length > held.display.length)) best = m;
  }
  const name = names[best]!.display;
  // "The summit was put forward by the Kremlin": the government, whatever the tagger says.
  if (type === 'LOC' && isGovernmentSeat(name)) type = 'ORG';
  return { type, name, acronyms: group.acronyms, mentions: group.members, references: [], roles: [] };
}

function scanContext(text: string, mentions: readonly Mention[]): ScanContext {
  const mentionsByStart = new Map<number, Mention>();
  const mentionsByEnd = new Map<number, Mention>();
  for (const mention of mentions) {
    if (!isValidSpan(text, mention) || mention.end === mention.start) continue;
    const atStart = mentionsByStart.get(mention.start);
    if (atStart === undefined || atStart.end < mention.end) mentionsByStart.set(mention.start, mention);
    const atEnd = mentionsByEnd.get(mention.end);
    if (atEnd === undefined || atEnd.start > mention.start) mentionsByEnd.set(mention.end, mention);
  }
  return { text, mentionsByStart, mentionsByEnd };
}
