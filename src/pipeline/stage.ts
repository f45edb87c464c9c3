import type { NewsDoc } from '../doc/news-doc.js';

/**
 * What a stage can rely on or provide. Each name is a part of the document that a
 * stage fills: `input` (decoded string), `html` (parsed tree), `text` (article text),
 * `blocks`, `furniture`, `metadata`, `dateline`, and later layers.
 */
export type Capability =
  | 'bytes'
  | 'input'
  | 'html'
  | 'text'
  | 'blocks'
  | 'furniture'
  | 'metadata'
  | 'dateline'
  | 'sentences'
  | 'tokens'
  | 'mentions'
  | 'entities'
  | 'quotes'
  | 'times';

/**
 * One step of the pipeline: a pure function from a document to the same document with
 * more annotations. Stages do no I/O; anything they notice goes into `doc.diagnostics`.
 */
export interface Stage<Options = unknown> {
  /** Stable id, e.g. `extract.density`. */
  readonly id: string;
  /** Bumped whenever the stage's output for the same input changes on purpose. */
  readonly version: number;
  readonly requires: readonly Capability[];
  readonly produces: readonly Capability[];
  run(doc: NewsDoc, options: Options): NewsDoc;
}
