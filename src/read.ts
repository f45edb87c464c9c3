import { DatelineError } from './doc/errors.js';
import { createDoc, type NewsDoc, type Source } from './doc/news-doc.js';
import { buildPipeline, type Pipeline } from './pipeline/pipeline.js';
import { decodeStage, isBlankInput, stripControls } from './stages/decode/index.js';
import { parseHtmlStage } from './stages/parse-html/index.js';
import { metadataStage } from './stages/metadata/index.js';
import { extractStage } from './stages/extract/index.js';
import { datelineStage } from './stages/dateline/index.js';
import { readTextStage } from './stages/read-text/index.js';
import { looksLikeHtml } from './stages/decode/sniff.js';
import { blocksWithinBudget, sentencesStage } from './stages/sentences/index.js';
import { entitiesStage } from './stages/entities/index.js';
import { quotesStage } from './stages/quotes/index.js';
import { timesStage } from './stages/times/index.js';
import { nerStage } from './io/ner-model.js';
import type { Stage } from './pipeline/stage.js';

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

/**
 * Which understanding stages run after extraction; each is on unless set to false.
 * Sentences and tokens run whenever any of them does.
 */
export interface UnderstandOptions {
  /** The trained entity tagger and the grouping of its names into entities with roles. */
  readonly entities?: boolean;
  /** Quotations and reported speech with their speakers. */
  readonly quotes?: boolean;
  /** Time expressions, resolved against the publication date. */
  readonly times?: boolean;
}

export interface ReadOptions {
  /** `false` for extraction only (article and metadata); otherwise which understanding stages run. */
  readonly understand?: UnderstandOptions | false;
  /**
   * Understand a page only when extraction found an article in it (ingest keeps nothing of
   * a page that is not one but its raw capture, so understanding it would be wasted).
   */
  readonly onlyArticles?: boolean;
}

// Decoding runs on its own: which of the two pipelines follows depends on what it decoded.
const decodePipeline: Pipeline<ReadOptions> = buildPipeline<ReadOptions>(['bytes'], [decodeStage]);
const extractPipelines = {
  html: buildPipeline<ReadOptions>(['input'], [parseHtmlStage, metadataStage, extractStage, datelineStage]),
  text: buildPipeline<ReadOptions>(['input'], [readTextStage, datelineStage]),
};
const understandPipelines = new Map<string, Pipeline<ReadOptions> | null>();

/** The understanding stages for a choice of them, built once and kept; null when all are off. */
function understandPipelineFor(understand: UnderstandOptions | false): Pipeline<ReadOptions> | null {
  const on = understand === false ? { entities: false, quotes: false, times: false } : understand;
  const entities = on.entities !== false;
  const quotes = on.quotes !== false;
  const times = on.times !== false;
  const key = `${Number(entities)}${Number(quotes)}${Number(times)}`;
  let pipeline = understandPipelines.get(key);
  if (pipeline === undefined) {
    const stages: Stage<ReadOptions>[] = [];
    if (entities || quotes || times) stages.push(sentencesStage);
    // The tagger's model is read from the package when the first document reaches it.
    if (entities) stages.push(nerStage, entitiesStage);
    if (quotes) stages.push(quotesStage);
    if (times) stages.push(timesStage);
    pipeline = stages.length === 0 ? null : buildPipeline<ReadOptions>(['input', 'text', 'blocks', 'metadata', 'dateline'], stages);
    understandPipelines.set(key, pipeline);
  }
  return pipeline;
}

/**
 * Understanding over the article's first UNDERSTAND_MAX_CHARS characters at most: the
 * stages see the blocks inside the budget (the last one cut at a sentence end), so a
 * 1 MB paragraph still reads in seconds; the article keeps all its blocks.
 */
function understandWithinBudget(doc: NewsDoc, pipeline: Pipeline<ReadOptions>, options: ReadOptions): NewsDoc {
  const text = doc.text ?? '';
  const blocks = doc.layers.blocks ?? [];
  const budget = blocksWithinBudget(text, blocks);
  if (budget === undefined) return pipeline.run(doc, options);
  doc.layers.blocks = budget.blocks;
  const understood = pipeline.run(doc, options);
  understood.layers.blocks = blocks;
  understood.diagnostics.push({
    code: 'UNDERSTAND_TRUNCATED',
    severity: 'warning',
    stage: 'read',
    message: `The article has ${text.length.toLocaleString('en-US')} characters; sentences, names, quotes and times cover the first ${budget.end.toLocaleString('en-US')}.`,
    span: { start: budget.end, end: text.length },
  });
  return understood;
}

/**
 * Reads one page or scraped text into a NewsDoc: the article text, its blocks, the
 * furniture set aside, the metadata and the diagnostics, then (unless switched off)
 * sentences, entities, quotes and times over the article text. Throws a DatelineError (with a
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
  if (isBlankInput(doc)) throw new DatelineError('INPUT_EMPTY', 'The input holds no text.');
  const resolved = format === 'auto' ? (looksLikeHtml(text) ? 'html' : 'text') : format;
  const finalDoc: NewsDoc = { ...doc, source: { ...doc.source, format: resolved } };
  const extracted = extractPipelines[resolved].run(finalDoc, options);
  const understand = understandPipelineFor(options.understand ?? {});
  if (understand === null || (options.onlyArticles === true && extracted.isArticle === false)) return extracted;
  return understandWithinBudget(extracted, understand, options);
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
