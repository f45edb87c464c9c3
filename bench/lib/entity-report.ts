import { foldedName } from '../../src/link/names.js';
import { openStore } from '../../src/store/sqlite/index.js';

/**
 * What collection entities made of a store's people, through the store's own questions:
 * how many person names became how many people, and every join and split, for a reader to
 * audit (no labelled cross-document set is at hand to score them against).
 */
export function entityReport(db: string): void {
  const store = openStore(db, { readonly: true });
  try {
    const people: { id: number; name: string; aliases: readonly { name: string; articles: number }[]; roles: string[] }[] = [];
    let cursor: string | undefined;
    do {
      const page = store.entities({ type: 'person', limit: 100, ...(cursor !== undefined ? { cursor } : {}) });
      for (const person of page.results) {
        const full = store.entity(person.id)!;
        people.push({ id: person.id, name: person.name, aliases: full.aliases, roles: full.roles.slice(0, 2).map((role) => role.text) });
      }
      cursor = page.next ?? undefined;
    } while (cursor !== undefined);
    const names = people.reduce((sum, person) => sum + new Set(person.aliases.map((alias) => foldedName(alias.name))).size, 0);
    const surnames: string[] = [];
    const variants: string[] = [];
    for (const person of people) {
      const own = foldedName(person.name);
      for (const alias of person.aliases) {
        const folded = foldedName(alias.name);
        if (folded === own) continue;
        (folded.includes(' ') ? variants : surnames).push(`${alias.name} → ${person.name} (${alias.articles})`);
      }
    }
    const byName = new Map<string, typeof people>();
    for (const person of people) byName.set(person.name, [...(byName.get(person.name) ?? []), person]);
    const namesakes = [...byName.values()].filter((bearers) => bearers.length > 1);
    console.log(`\nPeople across articles (the linked store of the ingest runs): ${names} person names became ${people.length} people`);
    console.log(`  surnames alone joined to their holder: ${surnames.length}: ${surnames.join('; ') || 'none'}`);
    console.log(`  other names joined (spelling, a middle name): ${variants.length}; the first 25: ${variants.slice(0, 25).join('; ') || 'none'}`);
    console.log(
      `  namesakes kept apart: ${namesakes.length}: ${namesakes.map((bearers) => bearers.map((bearer) => `${bearer.name} [${bearer.roles.join(', ') || 'no role'}]`).join(' / ')).join('; ') || 'none'}`,
    );
  } finally {
    store.close();
  }
}
