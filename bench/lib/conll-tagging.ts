import type { TaggerDocument } from '../../src/stages/ner/features.js';
import { namesOf, tagsOf, type TokenRange } from '../../src/stages/ner/tags.js';
import type { EntityType } from '../../src/doc/annotations.js';
import { chunksOf, type ConllDocument } from './conll.js';

/** A CoNLL document as the tagger sees it, with the gold names as BILOU tags. */
export interface LabelledDocument {
  readonly document: TaggerDocument;
  readonly gold: Uint8Array;
}

export function toLabelled(conll: ConllDocument): LabelledDocument {
  const words: string[] = [];
  const sentenceBounds: number[] = [];
  const names: TokenRange[] = [];
  for (const sentence of conll.sentences) {
    const offset = words.length;
    sentenceBounds.push(offset);
    words.push(...sentence.words);
    for (const chunk of chunksOf(sentence.tags)) {
      names.push({ start: offset + chunk.start, end: offset + chunk.end, type: chunk.type as EntityType });
    }
  }
  sentenceBounds.push(words.length);
  return { document: { words, sentenceBounds }, gold: tagsOf(names, words.length) };
}

/** IOB2 tag strings of each sentence, from BILOU tag indexes over the document. */
export function iob2BySentence(document: TaggerDocument, tags: Uint8Array): string[][] {
  const out: string[][] = [];
  const bounds = document.sentenceBounds;
  for (let s = 0; s + 1 < bounds.length; s++) {
    const from = bounds[s]!;
    const to = bounds[s + 1]!;
    const sentenceTags = tags.subarray(from, to);
    const strings = Array.from(sentenceTags, () => 'O');
    for (const name of namesOf(sentenceTags)) {
      for (let i = name.start; i < name.end; i++) strings[i] = `${i === name.start ? 'B' : 'I'}-${name.type}`;
    }
    out.push(strings);
  }
  return out;
}

