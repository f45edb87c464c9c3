/**
 * Peer figures published elsewhere, printed as reference lines ("published, not measured
 * here"). Sources: the extraction-benchmark issue (Zyte latest run of the benchmark's
 * evaluate.py; WCXB dev split figures; WCXB dev metadata) and shared/README.md.
 */

export interface PublishedLine {
  extractor: string;
  f1?: number;
  /** A range when sources differ. */
  f1Range?: [number, number];
  precision?: number;
  accuracy?: number;
  note?: string;
}

export const PUBLISHED_ZYTE: readonly PublishedLine[] = [
  { extractor: 'AutoExtract (commercial)', f1: 0.97 },
  { extractor: 'rs-trafilatura', f1: 0.97 },
  { extractor: 'trafilatura 2.0.0', f1: 0.958, precision: 0.938, accuracy: 0.293 },
  { extractor: 'Readability.js', f1Range: [0.947, 0.952], precision: 0.914 },
];

export const PUBLISHED_WCXB: readonly { extractor: string; articles?: number; all?: number }[] = [
  { extractor: 'Readability.js on linkedom', articles: 0.929, all: 0.776 },
  { extractor: 'trafilatura', articles: 0.917, all: 0.776 },
  { extractor: 'rs-trafilatura', all: 0.859 },
];

export const PUBLISHED_METADATA: readonly { extractor: string; title: number; author: number; date: number }[] = [
  { extractor: 'Readability.js', title: 0.71, author: 0.66, date: 0.5 },
  { extractor: 'trafilatura', title: 0.72, author: 0.65, date: 0.82 },
];

/**
 * Outputs the Zyte benchmark ships (`published-output/`), re-scored here with our metric:
 * a check that `metrics.ts` reproduces the benchmark's own evaluate.py (published F1 in
 * brackets, from the benchmark's latest run).
 */
export const ZYTE_PUBLISHED_OUTPUTS: readonly { file: string; extractor: string; publishedF1: number }[] = [
  { file: 'AutoExtract', extractor: 'AutoExtract (commercial)', publishedF1: 0.97 },
  { file: 'rs_trafilatura', extractor: 'rs-trafilatura', publishedF1: 0.97 },
  { file: 'trafilatura', extractor: 'trafilatura 2.0.0', publishedF1: 0.958 },
  { file: 'readability_js', extractor: 'Readability.js (readability-cli)', publishedF1: 0.947 },
  { file: 'html-text', extractor: 'all visible text (html-text)', publishedF1: 0.665 },
];
