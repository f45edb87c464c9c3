import type { Span } from './span.js';

export type Severity = 'info' | 'warning' | 'error';

/**
 * Something a stage noticed, kept as data on the document rather than logged.
 * `code` is stable across releases so users can filter on it; `message` is for people.
 */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly stage: string;
  readonly message: string;
  /** Where in the article text it applies, when it applies to a place. */
  readonly span?: Span;
}

/**
 * The catalogue of diagnostic codes. Adding a code is fine; renaming or removing one
 * is a breaking change for users who filter on it.
 */
export const DIAGNOSTIC_CODES = {
  DECODE_BOM: 'The byte-order mark decided the encoding.',
  DECODE_MISDECLARED: 'The declared charset did not fit the bytes; a detected one was used.',
  DECODE_REPLACEMENT_CHARS: 'Some bytes were not valid in the chosen encoding and became U+FFFD.',
  DECODE_GUESSED: 'No charset was declared; the encoding was detected from the bytes.',
  PARSE_DEPTH_CAPPED: 'The page nests elements deeper than the cap; deeper elements were flattened.',
  PARSE_TOO_MANY_NODES: 'The page has more elements than the cap; the rest were ignored.',
  EXTRACT_NO_ARTICLE: 'The page does not look like an article (a home page, listing or product grid).',
  EXTRACT_STRATEGY: 'Which extraction strategy produced the body.',
  EXTRACT_SHORT_BODY: 'The body found is very short; the page may not hold an article.',
  METADATA_NO_DATE: 'No publication date was found on the page.',
  TEXT_FURNITURE: 'Lines of page furniture were set aside from the body.',
  TEXT_NO_HEADLINE: 'No headline could be told apart from the body.',
  SENTENCES_CUT: 'A stretch of text ran past the sentence length cap without a sentence end and was cut into pieces.',
  NER_NOT_ENGLISH: 'The article is not in English; the entity tagger is for English and tagged nothing.',
  UNDERSTAND_TRUNCATED: 'The article is longer than the understanding budget; sentences, names, quotes and times cover its first part only.',
  TIMES_NO_ANCHOR: 'Relative times were found but there is no publication date to resolve them against.',
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
