/**
 * The search bench's query set: about 200 searches drawn, with a fixed seed, from what
 * the store holds — words and phrases from real bodies, entity names, sites and
 * languages from the collection — so every query has something to find, as a reader's
 * would. Everything is read through the StoreReader, as the API reads it.
 */
import type { SearchQuery, StoreReader } from '../src/store/queries.js';
import { seededRandom } from '../scripts/lib/seeded-random.js';

/** A query and the kind it is counted under in the report. */
export interface DescribedQuery {
  readonly kind: string;
  readonly query: SearchQuery;
}

/** Words too common to be worth a search of their own, nor a phrase of only them. */
const STOPWORDS = new Set(
  (
    'a an and are as at be but by can for had has he her his in is it its not of on one or our out she the to two was we who you ' +
    'about after also been before being between both could does down during each even first from have having here into just like made many more most ' +
    'much must never only other over said same says should since some such than that their them then there these they this those through under until ' +
    'very were what when where which while will with would your year years'
  ).split(' '),
);

/** How many queries of each kind, in the order they are drawn. */
const MIX = { common: 20, rare: 15, twoWords: 20, phrase: 20, or: 15, exclusion: 15, prefix: 15, browse: 20, filtered: 45, secondPage: 15 };
const SAMPLE_ARTICLES = 120;

/** The mixed query set, each with its kind. Deterministic for a given store. */
export function describedQueries(reader: StoreReader, seed = 9): DescribedQuery[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => {
    if (list.length === 0) throw new Error('The store is too small to draw the search bench queries from.');
    return list[Math.floor(random() * list.length)]!;
  };
  const maybe = (share: number): boolean => random() < share;

  // Bodies of articles spread over the collection, and how many of them each word is in.
  const total = reader.search({ limit: 1 }).total;
  const bodies: string[] = [];
  const languages = new Map<string, number>();
  for (let i = 0; i < SAMPLE_ARTICLES && total > 0; i++) {
    const stored = reader.article(1 + Math.floor(random() * total));
    if (stored === null) continue;
    const json = JSON.parse(stored.json) as { body: string; language: string | null };
    bodies.push(json.body);
    if (json.language !== null) languages.set(json.language, (languages.get(json.language) ?? 0) + 1);
  }
  // Words in Latin script only, so the set reads the same to anyone looking at it; the bodies still come from every language.
  const wordsOf = (body: string): string[] => (body.toLowerCase().match(/\p{Script=Latin}{4,}/gu) ?? []).filter((word) => !STOPWORDS.has(word));
  const articleWords = bodies.map((body) => [...new Set(wordsOf(body))]);
  const df = new Map<string, number>();
  for (const words of articleWords) for (const word of words) df.set(word, (df.get(word) ?? 0) + 1);
  const byDf = [...df].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  const common = byDf.slice(0, 60).map(([word]) => word);
  const rare = byDf.filter(([word, n]) => n === 1 && word.length >= 7).map(([word]) => word);
  const middling = byDf.filter(([, n]) => n >= 2 && n <= bodies.length / 4).map(([word]) => word);
  const wordOfOneArticle = (): [string, string] => {
    const words = pick(articleWords.filter((list) => list.length >= 2));
    return [pick(words), pick(words)];
  };
  const phrase = (): string => {
    for (let attempt = 0; attempt < 100; attempt++) {
      const words = pick(bodies).split(/\s+/u);
      const at = Math.floor(random() * words.length);
      const run = words.slice(at, at + (maybe(0.5) ? 2 : 3));
      if (run.length >= 2 && run.every((word) => /^\p{Script=Latin}+$/u.test(word)) && !run.every((word) => STOPWORDS.has(word.toLowerCase()))) return `"${run.join(' ')}"`;
    }
    return `"${pick(common)} ${pick(common)}"`;
  };
  const textQuery: Record<string, () => string> = {
    common: () => pick(common),
    rare: () => pick(rare.length > 0 ? rare : middling),
    twoWords: () => wordOfOneArticle().join(' '),
    phrase,
    or: () => `${pick(middling)} OR ${pick(middling)}`,
    exclusion: () => `${pick(common)} -${pick(middling)}`,
    prefix: () => `${pick([...common, ...middling].filter((word) => word.length >= 6)).slice(0, maybe(0.5) ? 4 : 5)}*`,
  };

  // Filters with values the collection has.
  const names = (type: 'person' | 'organisation' | 'place'): { id: number; name: string }[] => reader.entities({ type, limit: 50 }).results.map(({ id, name }) => ({ id, name }));
  const people = names('person');
  const orgs = names('organisation').map(({ name }) => name);
  const places = names('place').map(({ name }) => name);
  const speakers = people.filter(({ id }) => (reader.entity(id)?.quoteCount ?? 0) > 0).map(({ name }) => name);
  const sites = reader.search({ limit: 1 }).facets.sites.map(({ value }) => value);
  const language = [...languages].sort(([, a], [, b]) => b - a)[0]?.[0];
  const range = (): { from: string; to: string } => {
    const start = Date.UTC(2018 + Math.floor(random() * 8), Math.floor(random() * 12), 1 + Math.floor(random() * 28));
    const end = start + Math.floor((7 + random() * 700) * 86_400_000);
    return { from: new Date(start).toISOString().slice(0, 10), to: new Date(end).toISOString().slice(0, 10) };
  };
  const filters: (() => SearchQuery)[] = [
    ...(people.length > 0 ? [() => ({ person: pick(people).name })] : []),
    ...(orgs.length > 0 ? [() => ({ org: pick(orgs) })] : []),
    ...(places.length > 0 ? [() => ({ place: pick(places) })] : []),
    ...(sites.length > 0 ? [() => ({ site: pick(sites) })] : []),
    ...(speakers.length > 0 ? [() => ({ speaker: pick(speakers) })] : []),
    ...(language !== undefined ? [() => ({ lang: language })] : []),
    range,
    () => ({ hasQuotes: true }),
  ];
  const someFilters = (): SearchQuery => (maybe(0.35) ? { ...pick(filters)(), ...pick(filters)() } : pick(filters)());

  const queries: DescribedQuery[] = [];
  const add = (kind: string, query: SearchQuery): void => {
    queries.push({ kind, query });
  };
  const kindNames: Record<string, string> = {
    common: 'common word',
    rare: 'rare word',
    twoWords: 'two words',
    phrase: 'phrase',
    or: 'a OR b',
    exclusion: '-exclusion',
    prefix: 'prefix*',
  };
  for (const [kind, name] of Object.entries(kindNames)) {
    for (let i = 0; i < MIX[kind as keyof typeof MIX]; i++) add(name, { q: textQuery[kind]!(), ...(maybe(0.25) ? { sort: 'newest' } : {}) });
  }
  for (let i = 0; i < MIX.browse; i++) add('filters only', { ...someFilters(), ...(maybe(0.2) ? { sort: 'relevance' } : {}) });
  const textKinds = Object.keys(kindNames);
  for (let i = 0; i < MIX.filtered; i++) {
    add('words + filters', { q: textQuery[pick(textKinds)]!(), ...someFilters(), ...(maybe(0.3) ? { sort: 'newest' } : {}) });
  }
  // Second pages: the next page of earlier queries that have one.
  const firsts = queries.map(({ query }) => query);
  for (let tries = 0; queries.length < firsts.length + MIX.secondPage && tries < 200; tries++) {
    const first = pick(firsts);
    const next = reader.search(first).next;
    if (next !== null && !queries.some(({ query }) => query.cursor === next)) add('second page', { ...first, cursor: next });
  }
  return queries;
}

/** The mixed query set (about 200 searches) drawn from the store. */
export function mixedQueries(reader: StoreReader): SearchQuery[] {
  return describedQueries(reader).map(({ query }) => query);
}

const PARAMS: readonly (keyof SearchQuery)[] = ['q', 'person', 'org', 'place', 'site', 'lang', 'from', 'to', 'speaker', 'hasQuotes', 'sort', 'cursor', 'limit'];

/** The API address of a search: `/api/v1/search?…`, parameters named as in SearchQuery. */
export function toSearchUrl(query: SearchQuery): string {
  const params = new URLSearchParams();
  for (const name of PARAMS) {
    const value = query[name];
    if (value !== undefined) params.set(name, String(value));
  }
  return `/api/v1/search?${params.toString()}`;
}
