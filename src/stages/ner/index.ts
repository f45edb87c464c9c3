import type { Mention, Token } from '../../doc/annotations.js';
import type { NewsDoc } from '../../doc/news-doc.js';
import type { Stage } from '../../pipeline/stage.js';
import type { TaggerDocument } from './features.js';
import { guessLanguage } from '../metadata/language.js';
import { namesOf } from './tags.js';
import { isSpeakerLabel, mayBeName, typeOfOneWord } from './not-names.js';
import type { NerTagger } from './tagger.js';

export { NerTagger, type NerModelFiles } from './tagger.js';
export { NerModelError } from './lexicon.js';

/**
 * Names in the article (people, organisations, places, other names) by the trained
 * tagger (see models/ner/README.md): `doc.layers.mentions`, in text order, each a span
 * of whole tokens. The whole article is one document for the tagger's second pass,
 * so a name tagged in one sentence informs its other occurrences.
 *
 * The tagger is for English: when the metadata names another language, or none is
 * known and the text reads as another language, no mentions are produced (an empty
 * layer) rather than guesses.
 */
export const NER_STAGE_VERSION = 1;

export function createNerStage(tagger: NerTagger): Stage {
  return {
    id: 'ner',
    version: NER_STAGE_VERSION,
    requires: ['text', 'tokens', 'sentences'],
    produces: ['mentions'],
    run(doc: NewsDoc): NewsDoc {
      const text = doc.text ?? '';
      const tokens = doc.layers.tokens ?? [];
      const language = doc.metadata.language;
      if (!isEnglish(language) || (language === undefined && tokens.length > 0 && !readsAsEnglish(text))) {
        doc.layers.mentions = [];
        doc.diagnostics.push({
          code: 'NER_NOT_ENGLISH',
          severity: 'info',
          stage: 'ner',
          message: language === undefined
            ? 'The text does not read as English; the entity tagger is for English and tagged nothing.'
            : `The article is in ${language}; the entity tagger is for English and tagged nothing.`,
        });
        return doc;
      }
      doc.layers.mentions = tagMentions(tagger, text, tokens, doc.layers.sentences ?? []);
      return doc;
    },
  };
}

/** True for English or an unknown language (BCP 47 tag `en`, `en-GB`, …). */
export function isEnglish(language: string | null | undefined): boolean {
  if (language === undefined || language === null || language === '') return true;
  return /^en(?:$|[-_])/i.test(language);
}

/**
 * For a text of unknown language: false when it is mostly in a non-Latin script, or
 * when its function words say it is another language (the metadata stage's guesser);
 * true otherwise, including tables and short texts that give no evidence either way.
 */
export function readsAsEnglish(text: string): boolean {
  // The tagger and the quotes stage ask of the same text one after the other: the last answer is kept.
  if (text !== lastJudged.text) lastJudged = { text, english: judgeEnglish(text) };
  return lastJudged.english;
}

let lastJudged = { text: '', english: true };

function judgeEnglish(text: string): boolean {
  const sample = text.slice(0, 6_000);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  const latin = sample.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (letters >= 20 && latin < letters / 2) return false;
  const guess = guessLanguage(sample);
  return guess === undefined || guess === 'en';
}

/** Mentions over `text` from its tokens grouped into sentences (both in text order). */
export function tagMentions(
  tagger: NerTagger,
  text: string,
  tokens: readonly Token[],
  sentences: readonly { start: number; end: number }[],
): Mention[] {
  const words: string[] = [];
  const tokenOfWord: number[] = [];
  const sentenceBounds: number[] = [];
  let t = 0;
  for (const sentence of sentences) {
    while (t < tokens.length && tokens[t]!.start < sentence.start) t++;
    const first = words.length;
    while (t < tokens.length && tokens[t]!.end <= sentence.end) {
      words.push(taggerWord(text, tokens[t]!));
      tokenOfWord.push(t);
      t++;
    }
    if (words.length > first) sentenceBounds.push(first);
  }
  if (words.length === 0) return [];
  sentenceBounds.push(words.length);
  const document: TaggerDocument = { words, sentenceBounds };
  const tags = tagger.tag(document);
  const mentions: Mention[] = [];
  for (const name of namesOf(tags)) {
    const nameWords = words.slice(name.start, name.end);
    if (!mayBeName(nameWords, name.type)) continue;
    const start = tokens[tokenOfWord[name.start]!]!.start;
    const end = tokens[tokenOfWord[name.end - 1]!]!.end;
    const type = nameWords.length === 1 ? typeOfOneWord(nameWords[0]!, name.type) : name.type;
    if (type === 'LOC' && isSpeakerLabel(text, start, end)) continue;
    mentions.push({ start, end, type, text: text.slice(start, end) });
  }
  return mentions;
}

/**
 * The token as the tagger was trained to see it: CoNLL's Reuters text is ASCII, so
 * typographic quotes, apostrophes and dashes are read as their ASCII forms.
 */
function taggerWord(text: string, token: Token): string {
  const first = text.charCodeAt(token.start);
  if (token.kind === 'quote') return first === 0x27 || first === 0x2018 || first === 0x2019 ? "'" : '"';
  const word = text.slice(token.start, token.end);
  if (word === '\u2013' || word === '\u2014') return '-';
  return word.includes('\u2019') ? word.replace(/\u2019/g, "'") : word;
}
