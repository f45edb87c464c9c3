/**
 * The scraped-text reader: already-scraped plain text (a scraper's output, a browser
 * "select all" copy, an `html2text` dump) in; the headline, the article's blocks and the
 * page furniture out, as the HTML path gives them. Furniture is never deleted silently:
 * each line set aside is kept in `layers.furniture` with its kind, a reason and its span
 * in the input.
 */
import type { Block, BlockKind, Furniture, NewsDoc } from '../../doc/news-doc.js';
import type { Stage } from '../../pipeline/stage.js';
import { classify, isHeadingLike, type UnitClass } from './classify.js';
import { measure, type Features } from './features.js';
import { describeFurniture } from './furniture.js';
import { splitUnits, type Unit } from './lines.js';

export { splitUnits } from './lines.js';

/** A line that can be the headline: short, no final full stop, not furniture. */
function isHeadlineLike(f: Features): boolean {
  return (
    f.words >= 2 &&
    f.words <= 25 &&
    f.chars <= 200 &&
    !f.finalPeriod &&
    f.lexicon === undefined &&
    !f.separator &&
    !f.dateLine &&
    f.marker !== 'list-item' &&
    f.marker !== 'quote'
  );
}

interface Reading {
  headline: number | undefined;
  body: number[];
}

/** Which unit is the headline and which units form the body. */
function decide(units: readonly Unit[], features: readonly Features[], classes: readonly UnitClass[]): Reading {
  const body: number[] = [];
  for (let i = 0; i < units.length; i++) if (classes[i] === 'good') body.push(i);
  const first = body[0];
  let headline: number | undefined;
  if (first === undefined) {
    // No body: the first line may still be a headline over nothing else.
    return { headline: undefined, body };
  }
  const firstFeatures = features[first]!;
  // The first body unit is itself title-like and more body follows: it is the headline.
  if (
    body.length > 1 &&
    isHeadlineLike(firstFeatures) &&
    firstFeatures.words >= 3 &&
    !firstFeatures.sentenceEnd &&
    firstFeatures.marker !== 'heading' &&
    features[body[1]!]!.words > firstFeatures.words
  ) {
    headline = first;
    body.shift();
  } else {
    // Otherwise the nearest title-like line just before the body (past a byline or date).
    for (let i = first - 1, seen = 0; i >= 0 && seen < 4; i--, seen++) {
      const f = features[i]!;
      if (f.separator) continue;
      if (f.dateLine || f.lexicon?.kind === 'byline') continue;
      if (isHeadlineLike(f) && f.words >= 3) headline = i;
      break;
    }
  }
  return { headline, body };
}

function blockKind(f: Features, isBody: boolean, next: Features | undefined): BlockKind {
  if (f.marker === 'heading') return 'heading';
  if (f.marker === 'list-item') return 'list-item';
  if (f.marker === 'quote') return 'quote';
  if (isBody && f.words <= 15 && !f.sentenceEnd && isHeadingLike(f) && next !== undefined && next.words > f.words)
    return 'heading';
  return 'paragraph';
}

export const readTextStage: Stage = {
  id: 'read-text',
  version: 2,
  requires: ['input'],
  produces: ['text', 'blocks', 'furniture', 'metadata'],
  run(doc: NewsDoc): NewsDoc {
    const input = doc.input ?? '';
    const units = splitUnits(input);
    const features = units.map(measure);
    const verdict = classify(features);
    const { headline, body } = decide(units, features, verdict.classes);

    const parts: string[] = [];
    const blocks: Block[] = [];
    let offset = 0;
    const append = (text: string, kind: BlockKind, level?: number) => {
      if (parts.length > 0) offset += 2;
      const block: Block = level === undefined ? { kind, start: offset, end: offset + text.length } : { kind, level, start: offset, end: offset + text.length };
      blocks.push(block);
      parts.push(text);
      offset += text.length;
    };
    if (headline !== undefined) {
      const f = features[headline]!;
      doc.metadata.headline = f.content;
      append(f.content, 'headline');
    }
    for (let k = 0; k < body.length; k++) {
      const i = body[k]!;
      const f = features[i]!;
      const next = body[k + 1] !== undefined ? features[body[k + 1]!] : undefined;
      const kind = blockKind(f, true, next);
      const level = kind === 'heading' ? (f.headingLevel ?? 2) : undefined;
      append(kind === 'paragraph' ? units[i]!.text : f.content, kind, level);
    }
    doc.text = parts.join('\n\n');
    doc.layers.blocks = blocks;

    const bodySet = new Set(body);
    const furniture: Furniture[] = describeFurniture(units, features, verdict, (i) => bodySet.has(i) || i === headline);
    doc.layers.furniture = furniture.filter((f) => f.kind !== 'separator' || /[\p{L}\p{N}]/u.test(f.text));
    doc.extractedBy = 'text-lines';

    const separators = furniture.length - doc.layers.furniture.length;
    if (doc.layers.furniture.length > 0 || separators > 0) {
      doc.diagnostics.push({
        code: 'TEXT_FURNITURE',
        severity: 'info',
        stage: 'read-text',
        message:
          `${doc.layers.furniture.length} line(s) of page furniture set aside (see furniture)` +
          (separators > 0 ? `; ${separators} separator line(s) without words skipped.` : '.'),
      });
    }
    if (headline === undefined) {
      doc.diagnostics.push({
        code: 'TEXT_NO_HEADLINE',
        severity: 'info',
        stage: 'read-text',
        message: 'No line before the body reads like a headline (short, no final full stop).',
      });
    }
    return doc;
  },
};
