/**
 * The scraped-text reader: already-scraped plain text (a scraper's output, a browser
 * "select all" copy, an `html2text` dump) in; the headline, the article's blocks and the
 * page furniture out, as the HTML path gives them. Furniture is never deleted silently:
 * each line set aside is kept in `layers.furniture` with its kind, a reason and its span
 * in the input. Byline and date lines near the top ("By Jane Doe, Reuters", "Published 3
 * May 2024") are furniture of kind `byline` and give `metadata.authors` and
 * `metadata.published` (source `visible-text`); see head.ts.
 */
import type { Block, BlockKind, Furniture, NewsDoc } from '../../doc/news-doc.js';
import type { Stage } from '../../pipeline/stage.js';
import { classify, isHeadingLike, type UnitClass } from './classify.js';
import { measure, type Features } from './features.js';
import { describeFurniture } from './furniture.js';
import { readHead } from './head.js';
import { splitUnits, type Unit } from './lines.js';
import { guessLanguage } from '../metadata/language.js';

export { splitUnits } from './lines.js';

/**
 * Furniture that sits between a headline and its body (a byline, a date, a share bar,
 * an advertisement marker): the headline is looked for above it.
 */
const BETWEEN_HEADLINE_AND_BODY = new Set(['byline', 'share-prompt', 'advertisement']);

/** A menu written on one line: "Home | News | Sport | Business". */
const MENU_LINE = /(?:\s[|•·»›/]\s.*){2,}/u;

/** A line that can be the headline: short, no final full stop, not furniture. */
function isHeadlineLike(f: Features): boolean {
  return (
    f.words >= 2 &&
    !MENU_LINE.test(f.content) &&
    !f.danglingDelimiter &&
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
    headline = headlineAbove(features, first);
  }
  return { headline, body };
}

/** Lines between a headline and its body: bylines, dates, share bars, separators. */
function isHeadChrome(f: Features): boolean {
  return f.separator || f.dateLine || (f.lexicon !== undefined && BETWEEN_HEADLINE_AND_BODY.has(f.lexicon.kind));
}

/**
 * Short lines that are title-like in shape but never a headline: photo credits ("Courtesy
 * of Amp", "Jane Doe/Getty Images") and the labels of a page's own contents box.
 */
const NOT_A_HEADLINE =
  /^(?:photo(?:graph)?s?|image|illustration|video|credit|courtesy)\b|^[^/\s]+(?: [^/\s]+){0,3}\/[^/\s]+(?: [^/\s]+){0,3}$|\b(?:getty images|shutterstock|adobe stock|istock)\b|^(?:table of contents|contents|in this (?:article|story|post)|on this page|key (?:points|takeaways)|highlights|summary|overview)$/i;

function isTitleLine(f: Features): boolean {
  return isHeadlineLike(f) && f.words >= 3 && !NOT_A_HEADLINE.test(f.content);
}

/**
 * The headline above the body's first unit. A byline or date line shortly above the body
 * anchors it: the headline is the title-like line just above that cluster of lines (a
 * photo credit or a contents box may come between the byline and the body). Without one,
 * it is the nearest title-like line before the body, past share bars and separators.
 */
function headlineAbove(features: readonly Features[], first: number): number | undefined {
  for (let i = first - 1; i >= Math.max(0, first - 8); i--) {
    const f = features[i]!;
    if (!f.dateLine && f.lexicon?.kind !== 'byline') continue;
    let top = i;
    while (top > 0 && isHeadChrome(features[top - 1]!)) top--;
    if (top > 0 && isTitleLine(features[top - 1]!)) return top - 1;
    break;
  }
  for (let i = first - 1, seen = 0; i >= 0 && seen < 8; i--, seen++) {
    const f = features[i]!;
    if (isHeadChrome(f) || NOT_A_HEADLINE.test(f.content)) continue;
    return isTitleLine(f) ? i : undefined;
  }
  return undefined;
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
  version: 3,
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

    // Bylines and date lines near the top: the article's authors and dates.
    const head = readHead(
      units.map((u) => u.text),
      features,
      headline,
      body,
    );
    if (doc.metadata.authors.length === 0) doc.metadata.authors = head.authors;
    if (doc.metadata.published === undefined && head.published !== undefined) doc.metadata.published = head.published;
    if (doc.metadata.modified === undefined && head.modified !== undefined) doc.metadata.modified = head.modified;
    // Scraped text declares no language: guess it as the metadata stage does for a page
    // without one, so the English-only stages (tagger, quotes) know when to stand aside.
    const language = guessLanguage(doc.text);
    if (language !== undefined) doc.metadata.language = language;

    const bodySet = new Set(body);
    const furniture: Furniture[] = describeFurniture(units, features, verdict, (i) => bodySet.has(i) || i === headline, head.lines);
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
