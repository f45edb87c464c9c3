import type { Diagnostic } from '../doc/diagnostics.js';
import { understandingJson, type UnderstandingJson } from './understanding.js';
import type { Author, Block, DateField, Dateline, DecodingInfo, Furniture, NewsDoc } from '../doc/news-doc.js';

/** Block kinds that make up the article body (captions and the headline are fields). */
export const BODY_BLOCK_KINDS: ReadonlySet<Block['kind']> = new Set([
  'heading',
  'paragraph',
  'list-item',
  'quote',
  'preformatted',
  'table-row',
]);

/**
 * The JSON shape `dateline read` prints and the library returns from `toArticleJson`.
 * Fields are only ever added by later releases, never renamed or removed.
 */
export interface ArticleJson {
  source: { path?: string; url?: string; format: 'html' | 'text'; decoding?: DecodingInfo };
  isArticle: boolean;
  headline: string | null;
  authors: Author[];
  published: DateField | null;
  modified: DateField | null;
  siteName: string | null;
  language: string | null;
  canonicalUrl: string | null;
  description: string | null;
  image: string | null;
  dateline: Dateline | null;
  /** The body paragraphs joined by blank lines (no headline, no captions). */
  body: string;
  /** The article text every offset points into: headline, body blocks and captions. */
  text: string;
  blocks: Block[];
  furniture: Furniture[];
  /** Sentence spans over `text`. */
  sentences: UnderstandingJson['sentences'];
  /** People, organisations, places and other named things, each with every mention. */
  entities: UnderstandingJson['entities'];
  /** Direct, partial and reported speech with cue and speaker. */
  quotes: UnderstandingJson['quotes'];
  /** Dates and times, relative ones resolved against the publication date. */
  times: UnderstandingJson['times'];
  extractedBy: string | null;
  diagnostics: Diagnostic[];
  stages: string[];
}

/** The body blocks' text, joined by blank lines. */
export function bodyText(doc: NewsDoc): string {
  const text = doc.text ?? '';
  return (doc.layers.blocks ?? [])
    .filter((block) => BODY_BLOCK_KINDS.has(block.kind))
    .map((block) => text.slice(block.start, block.end))
    .join('\n\n');
}

export function toArticleJson(doc: NewsDoc): ArticleJson {
  const m = doc.metadata;
  const source: ArticleJson['source'] = { format: doc.source.format };
  if (doc.source.path !== undefined) source.path = doc.source.path;
  if (doc.source.url !== undefined) source.url = doc.source.url;
  if (doc.decoding !== undefined) source.decoding = doc.decoding;
  const body = bodyText(doc);
  const understanding = understandingJson(doc);
  return {
    source,
    isArticle: doc.isArticle ?? body.length > 0,
    headline: m.headline ?? null,
    authors: m.authors,
    published: m.published ?? null,
    modified: m.modified ?? null,
    siteName: m.siteName ?? null,
    language: m.language ?? null,
    canonicalUrl: m.canonicalUrl ?? null,
    description: m.description ?? null,
    image: m.image ?? null,
    dateline: m.dateline ?? null,
    body,
    text: doc.text ?? '',
    blocks: doc.layers.blocks ?? [],
    furniture: doc.layers.furniture ?? [],
    ...understanding,
    extractedBy: doc.extractedBy ?? null,
    diagnostics: doc.diagnostics,
    stages: doc.stagesRun,
  };
}
