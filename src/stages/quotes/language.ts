import { isEnglish, readsAsEnglish } from '../ner/index.js';

/** Words common in any English prose and rare in other languages written in Latin letters. */
const ENGLISH_FUNCTION_WORDS = /\b(?:the|and|of|that|with|was|is|for|this|from|have|said|were|which)\b/gi;
/** How much of a text is sampled, and how many of those words a sample of English prose holds at least (it holds 40 or more). */
const FUNCTION_WORD_SAMPLE = 3_000;
const MIN_FUNCTION_WORDS = 8;

/**
 * Whether the text reads as English prose by its commonest words: the tagger's language
 * guesser knows seven languages, and a page in another (Indonesian, Turkish) must not be
 * read for quotes by English rules. Too short a text to tell passes.
 */
function hasEnglishFunctionWords(text: string): boolean {
  const length = Math.min(text.length, FUNCTION_WORD_SAMPLE);
  if (length < FUNCTION_WORD_SAMPLE / 5) return true;
  // English reaches the count within its first lines: stop there rather than count them all.
  const needed = Math.ceil((MIN_FUNCTION_WORDS * length) / FUNCTION_WORD_SAMPLE);
  const sample = text.slice(0, length);
  ENGLISH_FUNCTION_WORDS.lastIndex = 0;
  let found = 0;
  while (found < needed && ENGLISH_FUNCTION_WORDS.test(sample)) found++;
  return found >= needed;
}

/**
 * Whether the stage's English rules may read the text: its stated language is English, or
 * none is stated and the text reads as English both as the tagger judges it and by its
 * commonest words.
 */
export function readsAsEnglishForQuotes(language: string | undefined, text: string): boolean {
  if (!isEnglish(language)) return false;
  return language !== undefined || (readsAsEnglish(text) && hasEnglishFunctionWords(text));
}
