import { DatelineError } from './doc/errors.js';
import { createDoc, type NewsDoc, type Source } from './doc/news-doc.js';
import { buildPipeline, type Pipeline } from './pipeline/pipeline.js';
import { decodeStage, stripControls } from './stages/decode/index.js';
import { parseHtmlStage } from './stages/parse-html/index.js';
import { metadataStage } from './stages/metadata/index.js';
import { extractStage } from './stages/extract/index.js';
import { datelineStage } from './stages/dateline/index.js';
import { readTextStage } from './stages/read-text/index.js';
import { looksLikeHtml } from './stages/decode/sniff.js';

/** One input to read: bytes (decoded for you) or an already-decoded string. */
export interface ReadInput {
  /** Raw bytes of a page or text file; the charset is worked out from BOM, header, meta and content. */
  bytes?: Uint8Array;
  /** An already-decoded HTML page or scraped text. */
  content?: string;
  /** The page URL, used for metadata (dates in URLs, canonical URL, site). */
  url?: string;
  /** An HTTP Content-Type header value, used for the charset and the format. */
  contentType?: string;
  /** Where the input came from, reported back in `source.path`. */
  path?: string;
  /** `html`, `text`, or `auto` (default): sniffed from the content type, path and content. */
  format?: 'html' | 'text' | 'auto';
}

export interface ReadOptions {
  /** Reserved for stage switches; the Read issue has none yet. */
  readonly stages?: Record<string, boolean>;
}

const htmlPipeline: Pipeline<ReadOptions> = buildPipeline<ReadOptions>(
  ['input'],
  [parseHtmlStage, metadataStage, extractStage, datelineStage],
);
const textPipeline: Pipeline<ReadOptions> = buildPipeline<ReadOptions>(['input'], [readTextStage, datelineStage]);
// Decoding runs on its own: which of the two pipelines follows depends on what it decoded.
const decodePipeline: Pipeline<ReadOptions> = buildPipeline<ReadOptions>(['bytes'], [decodeStage]);

/**
 * Reads one page or scraped text into a NewsDoc: the article text, its blocks, the
 * furniture set aside, the metadata and the diagnostics. Throws a DatelineError (with a
 * stable code and a message a user can act on) only when the input cannot be read at all.
 */
export function read(input: ReadInput, options: ReadOptions = {}): NewsDoc {
  if (input.bytes === undefined && input.content === undefined) {
    throw new DatelineError('INPUT_EMPTY', 'Nothing to read: pass `bytes` or `content`.');
  }
  const format = chooseFormat(input);
  const source: Source = {
    format: format === 'auto' ? 'html' : format,
    ...(input.bytes !== undefined ? { bytes: input.bytes } : {}),
    ...(input.url !== undefined ? { url: input.url } : {}),
    ...(input.contentType !== undefined ? { contentType: input.contentType } : {}),
    ...(input.path !== undefined ? { path: input.path } : {}),
  };
  let doc = createDoc(source, input.content === undefined ? undefined : stripControls(input.content));
  if (input.content === undefined) doc = decodePipeline.run(doc, options);
  else doc.decoding = { encoding: 'utf-16', decidedBy: 'string-input', replacements: 0 };
  const text = doc.input ?? '';
  if (text.trim().length === 0) throw new DatelineError('INPUT_EMPTY', 'The input holds no text.');
  const resolved = format === 'auto' ? (looksLikeHtml(text) ? 'html' : 'text') : format;
  const finalDoc: NewsDoc = { ...doc, source: { ...doc.source, format: resolved } };
  return resolved === 'html' ? htmlPipeline.run(finalDoc, options) : textPipeline.run(finalDoc, options);
}

function chooseFormat(input: ReadInput): 'html' | 'text' | 'auto' {
  if (input.format !== undefined && input.format !== 'auto') return input.format;
  const type = input.contentType?.toLowerCase() ?? '';
  if (type.includes('html') || type.includes('xml')) return 'html';
  if (type.startsWith('text/plain')) return 'text';
  const path = input.path?.toLowerCase() ?? '';
  if (/\.(html?|xhtml)(\.gz)?$/.test(path)) return 'html';
  if (/\.(txt|text)(\.gz)?$/.test(path)) return 'text';
  return 'auto';
}
