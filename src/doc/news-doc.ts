import type { Diagnostic } from './diagnostics.js';
import type { HtmlTree } from './html-tree.js';
import type { Span } from './span.js';
import type { Entity, Mention, Quote, Sentence, TimeExpression, Token } from './annotations.js';

/** What was given to Dateline, kept so every result can be traced to its input. */
export interface Source {
  /** The raw bytes, when the input came as bytes. */
  readonly bytes?: Uint8Array;
  /** The page's URL, when known. */
  readonly url?: string;
  /** The HTTP Content-Type, when known (may carry a charset). */
  readonly contentType?: string;
  /** A file path or `-` for standard input, when read from there. */
  readonly path?: string;
  /** Whether the input is read as an HTML page or as already-scraped text. */
  readonly format: 'html' | 'text';
}

/** How bytes became a string. */
export interface DecodingInfo {
  /** The encoding used, by its WHATWG name (`utf-8`, `windows-1252`, `shift_jis`, …). */
  readonly encoding: string;
  /** What decided it. */
  readonly decidedBy: 'bom' | 'header' | 'meta' | 'detected' | 'default' | 'string-input';
  /** The charset the page declared, when it declared one. */
  readonly declared?: string;
  /** Number of U+FFFD replacement characters the decoding produced. */
  readonly replacements: number;
}

export type BlockKind =
  | 'headline'
  | 'heading'
  | 'paragraph'
  | 'list-item'
  | 'quote'
  | 'caption'
  | 'preformatted'
  | 'table-row';

/** A block of the article text: a paragraph, heading, list item, quote block or caption. */
export interface Block extends Span {
  readonly kind: BlockKind;
  /** Heading level 1–6, for headings. */
  readonly level?: number;
}

export type FurnitureKind =
  | 'headline-list'
  | 'related-links'
  | 'share-prompt'
  | 'subscribe-prompt'
  | 'cookie-notice'
  | 'copyright'
  | 'navigation'
  | 'advertisement'
  | 'separator'
  | 'byline'
  | 'other';

/**
 * Page furniture set aside from the article. It is not in the article text, so its
 * span (when present) points into the decoded input (`NewsDoc.input`).
 */
export interface Furniture {
  readonly kind: FurnitureKind;
  /** Why it was judged furniture, in words a user can check. */
  readonly reason: string;
  readonly text: string;
  readonly inputSpan?: Span;
}

export interface Author {
  readonly name: string;
  /** A news agency (Reuters, AP, AFP, …) is told apart from a person. */
  readonly kind: 'person' | 'agency' | 'organization';
}

export type DateSource = 'json-ld' | 'microdata' | 'meta' | 'time-element' | 'url' | 'visible-text';

export interface DateField {
  /** ISO 8601: a date (`2022-09-16`) or a date-time with offset when the page gives one. */
  readonly value: string;
  readonly source: DateSource;
}

/** "SAMARKAND, Uzbekistan:" or "KYIV, Ukraine (AP) —", parsed. */
export interface Dateline extends Span {
  /** The dateline as written, without its closing punctuation. */
  readonly text: string;
  /** The place, in ordinary case ("Samarkand"). */
  readonly place: string;
  readonly country?: string;
  readonly agency?: string;
}

export interface ArticleMetadata {
  headline?: string;
  authors: Author[];
  published?: DateField;
  modified?: DateField;
  siteName?: string;
  language?: string;
  canonicalUrl?: string;
  description?: string;
  image?: string;
  dateline?: Dateline;
}

/** Annotation layers over `NewsDoc.text`. */
export interface Layers {
  blocks?: Block[];
  furniture?: Furniture[];
  sentences?: Sentence[];
  tokens?: Token[];
  mentions?: Mention[];
  entities?: Entity[];
  quotes?: Quote[];
  times?: TimeExpression[];
}

/**
 * One input on its way through the pipeline. `text` is the article text: once a
 * stage has set it, no later stage rewrites it, so every span stays valid.
 */
export interface NewsDoc {
  readonly source: Source;
  /** The decoded input (HTML source or scraped text). */
  input?: string;
  decoding?: DecodingInfo;
  /** The parsed page; transient, never serialized. */
  html?: HtmlTree;
  /**
   * The article body as the page's structured data (JSON-LD or microdata `articleBody`)
   * gives it, when it does: a hint for extraction, transient, never serialized.
   */
  structuredBody?: string;
  /** The article text: the headline block (when known) then body blocks, separated by blank lines. */
  text?: string;
  layers: Layers;
  metadata: ArticleMetadata;
  /** False when the input holds no article (a home page, a product grid). */
  isArticle?: boolean;
  /** How the body was found ("json-ld", "density", "text-lines", …). */
  extractedBy?: string;
  diagnostics: Diagnostic[];
  /** Stage ids, with versions, in the order they ran. */
  stagesRun: string[];
}

/** A fresh document for a source, with nothing annotated yet. */
export function createDoc(source: Source, input?: string): NewsDoc {
  const doc: NewsDoc = { source, layers: {}, metadata: { authors: [] }, diagnostics: [], stagesRun: [] };
  if (input !== undefined) doc.input = input;
  return doc;
}
