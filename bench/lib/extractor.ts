/**
 * What the benchmark needs from an extractor: body text to score and three metadata
 * fields. Each extractor lives in its own module so a child process loads only its own
 * code (its memory figure is then its own).
 */

/** One page as the extraction loop sees it: bytes already in memory. */
export interface PageInput {
  id: string;
  url: string;
  html: Uint8Array;
}

export interface Extraction {
  body: string;
  title: string | null;
  authors: string[];
  published: string | null;
}

export interface Extractor<P = unknown> {
  /** Short id used on the command line and in JSON (`dateline`, `readability`). */
  readonly id: ExtractorId;
  /** Work done outside the timed region (nothing, for both extractors here: both are timed from bytes). */
  prepare(page: PageInput): P;
  /** The timed work. May throw: the loop records an error and an empty output. */
  extract(prepared: P, page: PageInput): Extraction;
}

export type ExtractorId = 'dateline' | 'readability';

export const EXTRACTOR_IDS: readonly ExtractorId[] = ['dateline', 'readability'];

export const EMPTY_EXTRACTION: Extraction = { body: '', title: null, authors: [], published: null };

/** Loads one extractor's module; dynamic so a child process imports only what it runs. */
export async function loadExtractor(id: ExtractorId): Promise<Extractor> {
  if (id === 'dateline') return (await import('./dateline-extractor.js')).datelineExtractor as Extractor;
  return (await import('./readability-extractor.js')).readabilityExtractor as Extractor;
}
