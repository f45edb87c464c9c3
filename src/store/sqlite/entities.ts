import { acronymKey, countryNamed, foldedName, nameParts, rolesDisagree, siblingEntity, surnameHolder, type NameParts } from '../../link/names.js';
import { lastWord, namesakeKey, namesakeOf, packEntitySet } from './entity-index.js';
import type { Db } from './open.js';

/** Names read per first name when a person's name is compared with the others of its first name and surname. */
const SIBLINGS_READ = 500;
/** People read per surname when a surname alone is resolved. */
const SURNAME_CANDIDATES = 50;
/** A person named in this many articles is known well enough to tell a namesake apart from. */
const PROFILE_MIN_ARTICLES = 3;
/** What a person is known by: the roles of their latest this many articles, the company of their latest this many. */
const PROFILE_ROLES = 50;
const PROFILE_ARTICLES = 100;

/** What the collection reads of an article's entity. */
interface ArticleEntity {
  readonly type: string;
  readonly name: string;
  readonly acronyms: readonly string[];
  readonly roles: readonly string[];
}

/**
 * The collection's entities: each article's people, organisations and places resolved
 * to one entity per real-world name across the collection, with the rules of
 * src/link/names.ts. Names that stand for an entity are kept as aliases (folded, see
 * foldedName); an alias two entities claim stands for neither. An entity found later to
 * be another's (a surname alone, once one person holds it) is merged into it: its
 * articles, quotes and aliases move, and its id leads to the other.
 *
 * Only the writer resolves, inside the transaction that stores the article.
 */
export class CollectionEntities {
  private readonly statements;
  /** Entities known by one more name since the last consolidate: which name they go by is chosen again. */
  private readonly touched = new Map<number, string>();
  /** Surnames of the people given articles since the last consolidate: one of them may now hold a surname seen alone. */
  private readonly surnames = new Set<string>();

  constructor(db: Db) {
    this.statements = {
      exact: db.prepare('SELECT coalesce(merged_into, id) FROM entities WHERE type = ? AND key = ?').pluck(),
      alias: db.prepare('SELECT entity_id FROM entity_aliases WHERE type = ? AND key = ?').pluck(),
      aliasRow: db.prepare('SELECT entity_id AS entity FROM entity_aliases WHERE type = ? AND key = ?'),
      addAlias: db.prepare('INSERT INTO entity_aliases (type, key, entity_id) VALUES (?, ?, ?)'),
      disownAlias: db.prepare('UPDATE entity_aliases SET entity_id = NULL WHERE type = ? AND key = ?'),
      setAlias: db.prepare('INSERT OR REPLACE INTO entity_aliases (type, key, entity_id) VALUES (?, ?, ?)'),
      firstNamed: db.prepare("SELECT key, entity_id AS entity FROM entity_aliases WHERE type = 'PER' AND key >= ? AND key < ? AND entity_id IS NOT NULL LIMIT ?"),
      firstNameTaken: db.prepare("SELECT 1 FROM entity_aliases WHERE type = 'PER' AND key >= ? AND key < ? LIMIT 1").pluck(),
      surnamed: db.prepare(
        "SELECT id AS entity, articles FROM entities INDEXED BY entities_last_word WHERE type = 'PER' AND last_word = ? AND merged_into IS NULL AND instr(key, ' ') > 0 ORDER BY articles DESC LIMIT ?",
      ),
      upsert: db.prepare('INSERT INTO entities (type, key, name, last_word) VALUES (?, ?, ?, ?) ON CONFLICT (type, key) DO UPDATE SET key = excluded.key RETURNING id').pluck(),
      loneSurname: db.prepare("SELECT id FROM entities WHERE type = 'PER' AND key = ? AND merged_into IS NULL").pluck(),
      entity: db.prepare('SELECT id, type, name FROM entities WHERE id = ?'),
      articlesOf: db.prepare('SELECT DISTINCT article_id FROM article_entities WHERE entity_id = ?').pluck(),
      moveMentions: db.prepare('UPDATE article_entities SET entity_id = ? WHERE entity_id = ?'),
      moveQuotes: db.prepare('UPDATE quotes SET speaker_entity_id = ? WHERE speaker_entity_id = ?'),
      moveAliases: db.prepare('UPDATE entity_aliases SET entity_id = ? WHERE entity_id = ?'),
      moveMerged: db.prepare('UPDATE entities SET merged_into = ? WHERE merged_into = ?'),
      retire: db.prepare('UPDATE entities SET merged_into = ?, articles = 0 WHERE id = ?'),
      recount: db.prepare('UPDATE entities SET articles = (SELECT count(DISTINCT article_id) FROM article_entities WHERE entity_id = @id) WHERE id = @id'),
      entitiesOfArticle: db.prepare('SELECT ae.entity_id AS id, e.type AS type FROM article_entities ae JOIN entities e ON e.id = ae.entity_id WHERE ae.article_id = ?'),
      setEntitySet: db.prepare('UPDATE articles SET entity_set = ? WHERE id = ?'),
      // A person is named by their most used full name, others by their most used name; on a tie the name it has stays.
      bestName: db
        .prepare(
          "SELECT name FROM article_entities WHERE entity_id = @id GROUP BY name ORDER BY (instr(name, ' ') > 0) DESC, count(*) DESC, length(name) DESC, name = (SELECT e.name FROM entities e WHERE e.id = @id) DESC LIMIT 1",
        )
        .pluck(),
      rename: db.prepare('UPDATE entities SET name = ? WHERE id = ?'),
      allEntities: db.prepare('SELECT id, type, name FROM entities WHERE merged_into IS NULL ORDER BY articles DESC, id'),
      acronymsKnown: db.prepare("SELECT DISTINCT ae.entity_id AS entity, e.type AS type, ae.acronyms AS acronyms FROM article_entities ae JOIN entities e ON e.id = ae.entity_id WHERE ae.acronyms <> '[]'"),
      mergedInto: db.prepare('SELECT merged_into FROM entities WHERE id = ?').pluck(),
      namesakes: db.prepare(`SELECT id FROM entities WHERE type = @type AND ${namesakeOf('@key')} AND merged_into IS NULL ORDER BY id`).pluck(),
      articleCount: db.prepare('SELECT articles FROM entities WHERE id = ?').pluck(),
      rolesOf: db.prepare("SELECT roles FROM article_entities WHERE entity_id = ? AND roles <> '[]' ORDER BY article_id DESC LIMIT ?").pluck(),
      companyOf: db
        .prepare(
          `SELECT DISTINCT other.name FROM article_entities other
           WHERE other.article_id IN (SELECT article_id FROM article_entities WHERE entity_id = @id ORDER BY article_id DESC LIMIT @limit) AND other.entity_id <> @id`,
        )
        .pluck(),
    };
  }

  /**
   * The collection entity an article's entity is, found or created, its names kept as
   * aliases. `company` names the article's other entities: a person's namesake is told
   * apart by them (see namesake).
   */
  resolve(entity: ArticleEntity, company: readonly string[] = []): number {
    // A country's short form is the country, known by that form too.
    const country = countryNamed(entity.type, entity.name);
    if (country === undefined) return this.resolveNamed(entity, company);
    const id = this.resolveNamed({ ...entity, name: country }, company);
    this.claim(entity.type, foldedName(entity.name), id);
    return id;
  }

  private resolveNamed(entity: ArticleEntity, company: readonly string[]): number {
    const key = entity.name.toLowerCase();
    const folded = foldedName(entity.name);
    const acronyms = entity.type === 'PER' ? [] : entity.acronyms.flatMap((acronym) => acronymKey(acronym) ?? []);
    const exact = this.statements.exact.get(entity.type, key) as number | undefined;
    const named = exact ?? this.found(entity.type, folded, acronyms);
    const found = named !== null && entity.type === 'PER' && key.includes(' ') ? this.namesake(named, key, entity, company) : named;
    const id = found ?? (this.statements.upsert.get(entity.type, key, entity.name, lastWord(key)) as number);
    // A name found as it is already has its folded alias: each entity claims it when created or adopted, and a merge moves it.
    for (const alias of exact === undefined ? [folded, ...acronyms] : acronyms) this.claim(entity.type, alias, id);
    // Known now by one more name: which of its names it goes by is settled in consolidate.
    if (exact === undefined && found !== null) this.touched.set(id, entity.type);
    if (entity.type === 'PER' && key.includes(' ')) this.surnames.add(lastWord(key));
    return id;
  }

  private found(type: string, folded: string, acronyms: readonly string[]): number | null {
    const known = (name: string): number | null => (this.statements.exact.get(type, name) as number | undefined) ?? (this.statements.alias.get(type, name) as number | null | undefined) ?? null;
    // The name itself was looked up already; its folded form is found among the aliases.
    const named = (this.statements.alias.get(type, folded) as number | null | undefined) ?? null;
    if (named !== null) return named;
    for (const acronym of acronyms) {
      const byAcronym = known(acronym);
      if (byAcronym !== null) return byAcronym;
    }
    if (type !== 'PER') return null;
    const parts = nameParts(folded);
    if (parts === null) return this.surnameHolder(folded);
    return siblingEntity(parts, this.siblings(parts));
  }

  /**
   * Two people of one name stay two where the article says so: when the person found by
   * the name is known (PROFILE_MIN_ARTICLES), the arriving one's roles disagree with all
   * theirs, and the article names no one and nothing they have been named with, the
   * arriving one is a namesake: one already told apart (key `name#2`, `name#3`, …) that
   * fits, or a new one. Both conditions, so that a person's new role alone, or new
   * company alone, never splits them.
   */
  private namesake(found: number, key: string, entity: ArticleEntity, company: readonly string[]): number {
    if (entity.roles.length === 0) return found;
    const bearers = [found, ...(this.statements.namesakes.all({ type: entity.type, key }) as number[])];
    const folded = new Set(company.map(foldedName));
    for (const bearer of bearers) if (!this.apart(bearer, entity.roles, folded)) return bearer;
    return this.statements.upsert.get(entity.type, namesakeKey(key, bearers.length + 1), entity.name, lastWord(key)) as number;
  }

  private apart(id: number, roles: readonly string[], company: ReadonlySet<string>): boolean {
    if ((this.statements.articleCount.get(id) as number) < PROFILE_MIN_ARTICLES) return false;
    const known = (this.statements.rolesOf.all(id, PROFILE_ROLES) as string[]).flatMap((json) => JSON.parse(json) as string[]);
    if (!rolesDisagree(roles, known)) return false;
    const theirs = this.statements.companyOf.all({ id, limit: PROFILE_ARTICLES }) as string[];
    return !theirs.some((name) => company.has(foldedName(name)));
  }

  /** The person a word alone stands for as a surname; never a word some known person has for a first name ("Joe"). */
  private surnameHolder(word: string): number | null {
    if (this.statements.firstNameTaken.get(`${word} `, `${word}!`) !== undefined) return null;
    return surnameHolder(this.statements.surnamed.all(word, SURNAME_CANDIDATES) as { entity: number; articles: number }[]);
  }

  /** The people known by names of this first name and surname, with their middle names. */
  private siblings(parts: NameParts): { middle: string; entity: number }[] {
    return (this.statements.firstNamed.all(`${parts.first} `, `${parts.first}!`, SIBLINGS_READ) as { key: string; entity: number }[]).flatMap(({ key, entity }) => {
      const other = nameParts(key);
      return other !== null && other.last === parts.last ? [{ middle: other.middle, entity }] : [];
    });
  }

  /** Keeps `alias` as a name of `id`; a name another entity already has stands for neither. */
  private claim(type: string, alias: string, id: number): void {
    if (alias === '') return;
    const row = this.statements.aliasRow.get(type, alias) as { entity: number | null } | undefined;
    if (row === undefined) this.statements.addAlias.run(type, alias, id);
    else if (row.entity !== null && row.entity !== id) this.statements.disownAlias.run(type, alias);
  }

  /**
   * What articles arriving one by one cannot settle: a surname seen alone before one
   * person came to hold it is merged into that person, and entities that gained articles
   * are named again by their most used name. Run every so many articles, when a writer
   * closes and after a migration; it costs in proportion to the articles since the last run.
   */
  consolidate(): number {
    let merged = 0;
    for (const surname of this.surnames) {
      const lone = this.statements.loneSurname.get(surname) as number | undefined;
      if (lone === undefined) continue;
      const holder = this.surnameHolder(surname);
      if (holder === null || holder === lone) continue;
      this.merge(lone, holder);
      merged++;
    }
    this.surnames.clear();
    for (const [id, type] of this.touched) {
      const name = this.statements.bestName.get({ id }) as string | undefined;
      // A country goes by its name, however many articles call it by a short form.
      if (name !== undefined) this.statements.rename.run(countryNamed(type, name) ?? name, id);
    }
    this.touched.clear();
    return merged;
  }

  /**
   * Gives the entities of a store from before aliases their names as aliases, and merges
   * those the rules join: the same folded name ("Francois" and "François"), a middle name
   * more or less, a surname alone. The smaller entity merges into the larger.
   */
  adoptExisting(): void {
    const all = this.statements.allEntities.all() as { id: number; type: string; name: string }[];
    for (const { id, type, name } of all) {
      const folded = foldedName(name);
      const owner = this.statements.alias.get(type, folded) as number | null | undefined;
      if (owner !== undefined && owner !== null && owner !== id) this.merge(id, owner);
      else this.claim(type, folded, id);
    }
    for (const { entity, type, acronyms } of this.statements.acronymsKnown.all() as { entity: number; type: string; acronyms: string }[]) {
      for (const acronym of JSON.parse(acronyms) as string[]) {
        const alias = type === 'PER' ? null : acronymKey(acronym);
        if (alias !== null) this.claim(type, alias, entity);
      }
    }
    for (const { type, name } of all) if (type === 'PER' && !name.trim().includes(' ')) this.surnames.add(name.toLowerCase());
    // Fewest articles first: each merges into the entity that stands for more.
    for (const { id, type, name } of [...all].reverse()) {
      if (type !== 'PER' || (this.statements.mergedInto.get(id) as number | null) !== null) continue;
      const parts = nameParts(foldedName(name));
      if (parts === null) continue;
      const into = siblingEntity(parts, this.siblings(parts).filter((sibling) => sibling.entity !== id));
      if (into !== null) this.merge(id, into);
    }
    this.consolidate();
  }

  /** Merges the entities a store holds under a country's short form ("US") into the country's ("United States"), as resolve now reads them. */
  foldCountryNames(): void {
    for (const { id, type, name } of this.statements.allEntities.all() as { id: number; type: string; name: string }[]) {
      const country = countryNamed(type, name);
      if (country === undefined) continue;
      const key = country.toLowerCase();
      const into = (this.statements.exact.get(type, key) as number | undefined) ?? (this.statements.upsert.get(type, key, country, lastWord(key)) as number);
      this.claim(type, foldedName(country), into);
      this.merge(id, into);
    }
    this.consolidate();
  }

  /** Moves everything of entity `from` to entity `into`; `from`'s id leads to `into` from now on. */
  merge(from: number, into: number): void {
    const source = this.statements.entity.get(from) as { id: number; type: string; name: string } | undefined;
    if (source === undefined || from === into) return;
    const articles = this.statements.articlesOf.all(from) as number[];
    this.statements.moveMentions.run(into, from);
    this.statements.moveQuotes.run(into, from);
    this.statements.moveAliases.run(into, from);
    this.statements.moveMerged.run(into, from);
    this.statements.retire.run(into, from);
    this.statements.recount.run({ id: into });
    this.statements.setAlias.run(source.type, foldedName(source.name), into);
    for (const article of articles) this.statements.setEntitySet.run(packEntitySet(this.statements.entitiesOfArticle.all(article) as { id: number; type: string }[]), article);
    this.touched.set(into, source.type);
  }
}
