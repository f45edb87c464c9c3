import type { TaggerDocument } from './features.js';
import { NerModelError } from './lexicon.js';

/**
 * How words of an all-caps article are written for the tagger (models/ner/truecase.txt,
 * built by scripts/build-ner-truecase.ts): common words in lower case, known acronyms
 * in capitals, every other word in title case.
 */
export class TrueCaser {
  private parsed: CaseLists | undefined;

  private constructor(private readonly source: string) {}

  /**
   * The true-caser over the file's text. The lists are built the first time a shouted
   * document is seen (most runs never see one), so loading the model does not pay for them.
   */
  static parse(text: string): TrueCaser {
    if (!text.startsWith(HEADER)) throw new NerModelError(`truecase.txt does not start with "${HEADER}"`);
    return new TrueCaser(text);
  }

  static empty(): TrueCaser {
    return new TrueCaser(HEADER);
  }

  private get lists(): CaseLists {
    this.parsed ??= parseLists(this.source);
    return this.parsed;
  }

  /**
   * The document with its shouted sentences in the case running text would give them,
   * or the document itself when it is not shouted. Only a document whose words are
   * mostly in capitals counts: a headline or dateline in capitals over a mixed-case
   * body (the training data's form) is left as it is.
   */
  trueCase(document: TaggerDocument): TaggerDocument {
    const { words, sentenceBounds } = document;
    if (!isShoutedDocument(document)) return document;
    const changed = words.slice();
    for (let s = 0; s + 1 < sentenceBounds.length; s++) {
      const from = sentenceBounds[s]!;
      const to = sentenceBounds[s + 1]!;
      if (!isShouted(words, from, to, SHOUTED_SENTENCE_SHARE, 1)) continue;
      let first = true;
      for (let i = from; i < to; i++) {
        const word = words[i]!;
        if (!hasLetter(word)) continue;
        const phrase = this.phraseLength(words, i, to);
        if (phrase > 0) {
          for (let k = i; k < i + phrase; k++) changed[k] = k > i && PHRASE_PARTICLES.has(words[k]!) ? words[k]!.toLowerCase() : this.nameCase(words[k]!);
          i += phrase - 1;
          first = false;
          continue;
        }
        // "et al." is the one common phrase whose second word is also a first name.
        if (word === 'US' && isCountryUs(words, i, from, to)) changed[i] = 'US';
        else if (isCapitals(word)) changed[i] = word === 'AL' && i > from && words[i - 1] === 'ET' ? 'al' : this.wordCase(word, first);
        first = false;
      }
    }
    return { words: changed, sentenceBounds };
  }

  /** Words from `i` that make a name the lists know as a phrase (UNITED STATES, NEW YORK), or 0. */
  private phraseLength(words: readonly string[], i: number, to: number): number {
    const { phrases, phraseStarts } = this.lists;
    if (!phraseStarts.has(words[i]!.toLowerCase())) return 0;
    for (let n = Math.min(MAX_PHRASE_WORDS, to - i); n >= 2; n--) {
      if (!isCapitals(words[i + n - 1]!)) continue;
      if (phrases.has(words.slice(i, i + n).join(' ').toLowerCase())) return n;
    }
    return 0;
  }

  /** A word of a known name: acronyms stay in capitals, other words in title case. */
  private nameCase(word: string): string {
    const lowered = word.toLowerCase();
    if (this.lists.upper.has(lowered)) return word;
    return lowered.charAt(0).toUpperCase() + lowered.slice(1);
  }

  /** One word in capitals as running text writes it; `first` for a sentence's first word. */
  wordCase(word: string, first: boolean): string {
    const lowered = word.toLowerCase();
    if (!first && this.lists.lower.has(lowered)) return lowered;
    const parts = word.split('-');
    for (let p = 0; p < parts.length; p++) parts[p] = this.partCase(parts[p]!, first && p === 0);
    return parts.join('-');
  }

  private partCase(part: string, first: boolean): string {
    const lowered = part.toLowerCase();
    if (lowered === '') return part;
    if (this.lists.upper.has(lowered) && !first) return part;
    const apostrophe = lowered.indexOf("'");
    const stem = apostrophe > 0 ? lowered.slice(0, apostrophe) : lowered;
    const common = this.lists.lower.has(lowered) || this.lists.lower.has(stem) || lowered.endsWith("n't") || this.isDerivedWord(stem);
    if (common && !first) return lowered;
    if (this.lists.upper.has(stem)) return part;
    // A short word no list knows is more often a foreign or technical word than a name.
    if (!first && stem.length <= SHORT_WORD && !this.lists.shortNames.has(stem) && /^\p{L}+$/u.test(stem)) return lowered;
    return lowered.charAt(0).toUpperCase() + lowered.slice(1);
  }

  /**
   * A word the list lacks that reads as a common word: an inflection of a listed word
   * (sponges, stowed, tweeted) or a long word with a suffix that names seldom have
   * (drinkable, barbarity, ritualistic).
   */
  private isDerivedWord(word: string): boolean {
    if (word.length < 4) return false;
    for (const [ending, replacement] of INFLECTIONS) {
      if (word.length > ending.length + 2 && word.endsWith(ending) && this.lists.lower.has(word.slice(0, word.length - ending.length) + replacement)) return true;
    }
    if (word.startsWith('un') && word.length >= 7 && /(?:ed|ing|able|ly)$/.test(word)) return true;
    return word.length >= 7 && COMMON_SUFFIX.test(word);
  }
}

const HEADER = '# dateline ner true-casing v1';

interface CaseLists {
  readonly lower: ReadonlySet<string>;
  readonly upper: ReadonlySet<string>;
  readonly shortNames: ReadonlySet<string>;
  readonly phrases: ReadonlySet<string>;
  readonly phraseStarts: ReadonlySet<string>;
}

/** Most words of a name phrase looked up; words of a phrase that stay in lower case inside it. */
const MAX_PHRASE_WORDS = 4;
const PHRASE_PARTICLES = new Set(['OF', 'AND', 'THE', 'DE', 'FOR', 'ON']);

function parseLists(text: string): CaseLists {
  const lists = { lower: new Set<string>(), upper: new Set<string>(), name: new Set<string>(), phrase: new Set<string>() };
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const tab = line.indexOf('\t');
    const kind = line.slice(0, tab);
    if (tab < 0 || (kind !== 'lower' && kind !== 'upper' && kind !== 'name' && kind !== 'phrase')) throw new NerModelError(`truecase.txt: unreadable line "${line.slice(0, 60)}"`);
    lists[kind].add(line.slice(tab + 1));
  }
  const phraseStarts = new Set([...lists.phrase].map((phrase) => phrase.slice(0, phrase.indexOf(' '))));
  return { lower: lists.lower, upper: lists.upper, shortNames: lists.name, phrases: lists.phrase, phraseStarts };
}

/** Words that follow the country "US" far more often than the pronoun "us". */
const AFTER_COUNTRY_US = new Set(
  ('PRESIDENT GOVERNMENT TROOPS OFFICIALS OFFICIAL MILITARY FORCES STATE SECRETARY ARMY NAVY CONGRESS SENATE SENATOR ' +
    'ELECTION ELECTIONS DOLLAR DOLLARS ECONOMY EMBASSY AMBASSADOR CITIZENS CITIZEN ADMINISTRATION DEPARTMENT COURT ' +
    'AUTHORITIES INTELLIGENCE POLICY DEFENSE DEFENCE TREASURY FEDERAL STATES CAPITOL OPEN').split(' '),
);

/**
 * "US" in capitals is the country, not the pronoun, after "THE" ("THE US SAID") or before
 * a word that goes with the country ("US TROOPS", "US PRESIDENT"); the pronoun follows
 * verbs and prepositions ("TOLD US", "FOR US").
 */
function isCountryUs(words: readonly string[], i: number, from: number, to: number): boolean {
  if (i > from && words[i - 1] === 'THE') return true;
  return i + 1 < to && AFTER_COUNTRY_US.has(words[i + 1]!);
}

/** Longest word that is written in lower case when no list knows it. */
const SHORT_WORD = 3;

/** Endings of inflected and derived forms, with what replaces them in the listed word. */
const INFLECTIONS: readonly (readonly [string, string])[] = [
  ['s', ''], ['es', ''], ['ies', 'y'], ['ed', ''], ['ed', 'e'], ['ied', 'y'], ['ing', ''], ['ing', 'e'], ['ly', ''],
  ['er', ''], ['ers', ''], ['ness', ''], ['ful', ''], ['less', ''],
];
const COMMON_SUFFIX = /(?:tions?|sions?|ments?|ness|ities|ity|able|ible|ous|ives?|ular|istic|ical|ically|isms?|izes?|ized|ising|izing)$/;

/** Words with letters that make a sentence longer than a headline or a table row. */
const LONG_SENTENCE_WORDS = 8;
/** Share of a long sentence's words in capitals that makes it shouted. */
const SHOUTED_LONG_SHARE = 0.75;
/** Share of a sentence's words in capitals for it to be true-cased in a shouted document. */
const SHOUTED_SENTENCE_SHARE = 0.6;

/**
 * A document is shouted when at least two of its long sentences are, and they are most
 * of its long sentences. A headline in capitals over a mixed-case body, and tables of
 * names in capitals under a mixed-case caption (the training data's forms), are not.
 */
function isShoutedDocument({ words, sentenceBounds }: TaggerDocument): boolean {
  let long = 0;
  let shouted = 0;
  for (let s = 0; s + 1 < sentenceBounds.length; s++) {
    const from = sentenceBounds[s]!;
    const to = sentenceBounds[s + 1]!;
    if (to - from < LONG_SENTENCE_WORDS) continue;
    let letterWords = 0;
    for (let i = from; i < to; i++) if (hasLetter(words[i]!)) letterWords++;
    if (letterWords < LONG_SENTENCE_WORDS) continue;
    long++;
    if (isShouted(words, from, to, SHOUTED_LONG_SHARE, 1)) shouted++;
  }
  return shouted >= 2 && shouted * 2 > long;
}

/** True when words in capitals (two letters or more) are at least `share` of the words with letters. */
function isShouted(words: readonly string[], from: number, to: number, share: number, minimum: number): boolean {
  let capitals = 0;
  let mixed = 0;
  for (let i = from; i < to; i++) {
    const word = words[i]!;
    if (!hasLetter(word)) continue;
    if (!isCapitals(word)) mixed++;
    else if (word.length >= 2) capitals++;
  }
  return capitals >= minimum && capitals >= (capitals + mixed) * share;
}

function hasLetter(word: string): boolean {
  return word.toLowerCase() !== word.toUpperCase();
}

/** A word with letters and no lower-case letter. */
function isCapitals(word: string): boolean {
  return word === word.toUpperCase();
}
