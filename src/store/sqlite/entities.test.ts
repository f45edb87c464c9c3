import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ArticleRecord, EntityRow } from '../store.js';
import { openStore } from './index.js';
import { storeAll } from './test-support.js';

const entity = (localId: number, type: string, name: string, acronyms: string[] = []): EntityRow => ({ localId, type, name, roles: [], acronyms, mentions: [{ start: 0, end: 1 }] });

/** An article naming these entities, the first of them quoted once. */
function naming(n: number, ...entities: EntityRow[]): ArticleRecord {
  const text = `Article ${n} says something.`;
  return {
    url: `https://site.test/${n}`,
    urlKey: `https://site.test/${n}`,
    canonicalKey: null,
    textHash: `t${n}`,
    headline: `Headline ${n}`,
    published: `2024-01-${String(n).padStart(2, '0')}`,
    siteName: null,
    site: 'site.test',
    language: 'en',
    dateline: null,
    body: text,
    doc: new Uint8Array([0x03, 0x00]),
    entities,
    quotes: [{ start: 0, end: 7, text: `quote ${n}`, kind: 'direct', cue: 'said', speakerMention: entities[0]?.name ?? null, speakerLocalId: entities[0]?.localId ?? null, attribution: null }],
  };
}


const person = (name: string) => entity(1, 'PER', name);

describe('store: one entity per name across articles', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'dateline-entities-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a surname alone joins the person who holds it, arriving before or after them; their quotes go with it', () => {
    const path = join(dir, 'surname.db');
    const store = openStore(path);
    try {
      // "Obama" alone first, then Barack Obama three times; "Putin" alone before Vladimir Putin is known, and after.
      storeAll(store, [naming(1, person('Obama')), ...[2, 3, 4].map((n) => naming(n, person('Barack Obama'))), naming(5, person('Putin'))]);
      storeAll(store, [...[6, 7, 8].map((n) => naming(n, person('Vladimir Putin'))), naming(9, person('Putin'))]);
    } finally {
      store.close();
    }
    const reader = openStore(path, { readonly: true });
    try {
      const people = reader.entities({ type: 'person' }).results.map((e) => [e.name, e.articles]);
      assert.deepEqual(people, [
        ['Vladimir Putin', 5],
        ['Barack Obama', 4],
      ]);
      const barack = reader.entities({ type: 'person', q: 'barack' }).results[0]!;
      const page = reader.entity(barack.id)!;
      assert.equal(page.quoteCount, 4);
      assert.deepEqual(page.aliases.map((alias) => alias.name), ['Barack Obama', 'Obama']);
      // The old id of the lone surname leads to the person.
      const obamaIds = reader.search({ speaker: 'Obama' }).results.map((hit) => hit.id);
      assert.equal(obamaIds.length, 4, 'search by speaker finds the quotes under either name');
      assert.equal(reader.search({ person: 'Barack Obama' }).total, 4);
      assert.equal(reader.search({ q: 'article', limit: 100 }).facets.people.find((f) => f.value === 'Vladimir Putin')?.count, 5, 'facets count the merged entity');
    } finally {
      reader.close();
    }
  });

  it('a surname two people share stays itself; names differing by accents or a middle name join unless another middle name stands between', () => {
    const path = join(dir, 'names.db');
    const store = openStore(path);
    try {
      storeAll(store, [
        ...[1, 2, 3].map((n) => naming(n, person('Hillary Rodham Clinton'))),
        naming(4, person('Hillary Clinton')),
        ...[5, 6].map((n) => naming(n, person('Bill Clinton'))),
        naming(7, person('Clinton')),
        naming(8, person('François Hollande')),
        naming(9, person('Francois Hollande')),
        naming(10, person('George W. Bush')),
        naming(11, person('George H. W. Bush')),
        naming(12, person('George Bush')),
        naming(13, person('Donald Trump')),
        naming(14, person('Donald J. Trump')),
      ]);
    } finally {
      store.close();
    }
    const reader = openStore(path, { readonly: true });
    try {
      const people = new Map(reader.entities({ type: 'person', limit: 100 }).results.map((e) => [e.name, e.articles]));
      assert.equal(people.get('Hillary Rodham Clinton'), 4);
      assert.equal(people.get('Bill Clinton'), 2);
      assert.equal(people.get('Clinton'), 1, 'Hillary holds 4 of 6 Clinton articles: not enough to read "Clinton" as her');
      assert.equal([...people.keys()].filter((name) => name.includes('Hollande')).length, 1);
      assert.equal(people.get('George W. Bush'), 1);
      assert.equal(people.get('George H. W. Bush'), 1);
      assert.equal(people.get('George Bush'), 1);
      assert.equal([...people.keys()].filter((name) => name.includes('Trump')).length, 1);
    } finally {
      reader.close();
    }
  });

  it('an organisation named by its acronym in one article and in full in another is one', () => {
    const path = join(dir, 'acronyms.db');
    const store = openStore(path);
    try {
      storeAll(store, [naming(1, entity(1, 'ORG', 'North Atlantic Treaty Organization', ['NATO'])), naming(2, entity(1, 'ORG', 'NATO')), naming(3, entity(1, 'ORG', 'Nato'))]);
      const orgs = store.entities({ type: 'organisation' }).results;
      assert.equal(orgs.length, 1);
      assert.equal(orgs[0]!.articles, 3);
    } finally {
      store.close();
    }
  });

  it("a country's short form is the country: one place, named by its name, found by either", () => {
    const path = join(dir, 'countries.db');
    const store = openStore(path);
    try {
      // More articles write "U.S." than "United States": the place is still the United States.
      storeAll(store, [naming(1, entity(1, 'LOC', 'U.S.')), naming(2, entity(1, 'LOC', 'US')), naming(3, entity(1, 'LOC', 'United States')), naming(4, entity(1, 'LOC', 'U.S.'))]);
      const places = store.entities({ type: 'place' }).results.map((e) => [e.name, e.articles]);
      assert.deepEqual(places, [['United States', 4]]);
      assert.equal(store.search({ place: 'US' }).total, 4);
      assert.equal(store.search({ place: 'United States' }).total, 4);
    } finally {
      store.close();
    }
  });

  it('two people of one name stay two where their roles and company disagree; a new role among the same company does not split one', () => {
    const path = join(dir, 'namesakes.db');
    const role = (localId: number, name: string, roles: string[]): EntityRow => ({ ...entity(localId, 'PER', name), roles });
    const store = openStore(path);
    try {
      storeAll(store, [
        ...[1, 2, 3].map((n) => naming(n, role(1, 'John Smith', ['striker']), entity(2, 'ORG', 'Manchester United'))),
        // A Labour MP of the same name, among other company.
        naming(4, role(1, 'John Smith', ['Labour MP']), entity(2, 'ORG', 'House of Commons')),
        naming(5, role(1, 'John Smith', ['MP']), entity(2, 'ORG', 'Labour Party')),
        // The striker made captain, among his club: still the striker.
        naming(6, role(1, 'John Smith', ['captain']), entity(2, 'ORG', 'Manchester United')),
        // No role said: the known John Smith.
        naming(7, person('John Smith')),
      ]);
      const smiths = store.entities({ type: 'person', q: 'john smith' }).results;
      assert.deepEqual(smiths.map((smith) => [smith.name, smith.articles]), [
        ['John Smith', 5],
        ['John Smith', 2],
      ]);
      const mp = store.entity(smiths[1]!.id)!;
      assert.deepEqual(mp.roles.map((r) => r.text).sort(), ['Labour MP', 'MP']);
      assert.equal(mp.quoteCount, 2, 'the MP\'s words are on his page, not the striker\'s');
      assert.equal(store.entity(smiths[0]!.id)!.quoteCount, 5);
      assert.deepEqual(mp.namesakes.map((other) => [other.id, other.roles]), [[smiths[0]!.id, ['striker', 'captain']]], 'each page names the other');
      assert.equal(store.search({ speaker: 'John Smith' }).total, 7, 'a search by the name finds both');
    } finally {
      store.close();
    }
  });
});
