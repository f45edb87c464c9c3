import type { Mention, Token } from '../../doc/annotations.js';
import type { NewsDoc } from '../../doc/news-doc.js';
import type { Stage } from '../../pipeline/stage.js';
import type { TaggerDocument } from './features.js';
import { namesOf } from './tags.js';
import type { NerTagger } from './tagger.js';

export { NerTagger, type NerModelFiles } from './tagger.js';
export { NerModelError } from './lexicon.js';

/**
 * Names in the article (people, organisations, places, other names) by the trained
 * tagger (see models/ner/README.md): `doc.layers.mentions`, in text order, each a span
 * of whole tokens. The whole article is one document for the tagger's second pass,
 * so a name tagged in one sentence informs its other occurrences.
 *
 * The tagger is for English: when the metadata names another language, no mentions
 * are produced (an empty layer), rather than guesses.
 */
export function createNerStage(tagger: NerTagger): Stage {
  return {
    id: 'ner',
    version: 1,
    requires: ['text', 'tokens', 'sentences'],
    produces: ['mentions'],
    run(doc: NewsDoc): NewsDoc {
      const text = doc.text ?? '';
      if (!isEnglish(doc.metadata.language)) {
        doc.layers.mentions = [];
        return doc;
      }
      doc.layers.mentions = tagMentions(tagger, text, doc.layers.tokens ?? [], doc.layers.sentences ?? []);
      return doc;
    },
  };
}

/** True for English or an unknown language (BCP 47 tag `en`, `en-GB`, …). */
export function isEnglish(language: string | null | undefined): boolean {
  if (language === undefined || language === null || language === '') return true;
  return /^en(?:$|[-_])/i.test(language);
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
    const start = tokens[tokenOfWord[name.start]!]!.start;
    const end = tokens[tokenOfWord[name.end - 1]!]!.end;
    mentions.push({ start, end, type: name.type, text: text.slice(start, end) });
  }
  return mentions;
}

/**
 * The token as the tagger was trained to see it: CoNLL's Reuters text writes quotation
 * marks as ASCII `"`, so typographic quotes are read as that.
 */
function taggerWord(text: string, token: Token): string {
  if (token.kind === 'quote') return text.charCodeAt(token.start) === 0x27 || text.charCodeAt(token.start) === 0x2019 ? "'" : '"';
  return text.slice(token.start, token.end);
}
