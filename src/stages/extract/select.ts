import type { NewsDoc } from '../../doc/news-doc.js';
import { assembleBlocks, type RawBlock } from './assemble.js';
import { cleanBlocks, normalize, type CleanupHints } from './cleanup.js';
import { pageHeadlines, textOf } from './headline.js';
import { buildIndex, NEG, STRONG_NEG, STRUCT_NEG, type PageIndex } from './page-index.js';
import { bestContainer, computeScores, type ScoreMode, type Scores } from './scoring.js';
import { FURNITURE_TAGS } from './tags.js';
import { markTeasers } from './teasers.js';
import { declaresArticle } from './hints.js';
import { structuredContainer, trimToStructuredStart } from './structured.js';

export interface Extraction {
  blocks: RawBlock[];
  strategy: string;
  isArticle: boolean;
}

export interface ModeResult {
  mode: ScoreMode;
  root: number;
  blocks: RawBlock[];
  /** Characters of prose: paragraphs of 100+ characters with few links. (Both figures
   * leave out comment areas in page mode.) */
  prose: number;
  /** Paragraphs of 150+ characters with few links. */
  longParagraphs: number;
  chars: number;
}

/** Inside a figcaption (a "caption" class there names the caption itself), not a credit. */
function inCaption(index: PageIndex, i: number): boolean {
  if (/credit|copyright/i.test(index.elements[i]!.attrs.class ?? '')) return false;
  for (let k = index.parent[i]!, steps = 0; k >= 0 && steps < 3; k = index.parent[k]!, steps++) {
    if (index.elements[k]!.tag === 'figcaption') return true;
  }
  return false;
}

function skipRule(index: PageIndex, scores: Scores, root: number, mode: ScoreMode) {
  const rootText = Math.max(1, index.textLen[root]!);
  const teasers = mode === 'article' ? markTeasers(index, root) : null;
  return (i: number): boolean => {
    if (teasers !== null && teasers[i] === 1) return true;
    const tag = index.elements[i]!.tag;
    const text = index.textLen[i]!;
    if (text === 0) return false;
    if (FURNITURE_TAGS.has(tag) && text < 0.5 * rootText) return true;
    if (mode === 'article' && tag === 'form' && text < 0.3 * rootText) return true;
    if ((index.signal[i]! & (mode === 'page' ? STRUCT_NEG : NEG)) !== 0 && !inCaption(index, i) && text < 0.3 * rootText && scores.subtree[i]! < 0.3 * scores.subtree[root]!) return true;
    if (mode === 'article' && index.linkCount[i]! >= 2 && index.linkLen[i]! > 0.6 * text && index.blockDescendants[i]! > 0) return true;
    return false;
  };
}

/**
 * Never a different story: when the container holds several stories (`<article>`
 * elements of real size, as infinite-scroll pages append the next one), keep the one
 * whose heading is the page's headline, else the first.
 */
function singleStory(index: PageIndex, root: number, headlines: readonly string[]): number {
  const end = index.end[root]!;
  const minText = 0.15 * index.textLen[root]!;
  const stories: number[] = [];
  for (let i = root + 1; i < end; i++) {
    if (index.hidden[i] === 1) {
      i = index.end[i]! - 1;
      continue;
    }
    if (index.elements[i]!.tag !== 'article') continue;
    if (index.textLen[i]! >= minText && index.textLen[i]! >= 300) stories.push(i);
    i = index.end[i]! - 1; // stories nested in a story belong to it
  }
  if (stories.length < 2) return root;
  for (const story of stories) {
    for (let k = story; k < index.end[story]!; k++) {
      const tag = index.elements[k]!.tag;
      if (tag !== 'h1' && tag !== 'h2') continue;
      const heading = normalize(textOf(index.elements[k]!));
      if (heading.length > 0 && headlines.includes(heading)) return story;
      break;
    }
  }
  return stories[0]!;
}

function runMode(index: PageIndex, mode: ScoreMode, hints: CleanupHints, scored?: Scored): ModeResult {
  const { scores, root: container } = scored ?? scoreMode(index, mode);
  const root = mode === 'article' ? singleStory(index, container, hints.headlines) : container;
  const raw = assembleBlocks(index, [root], skipRule(index, scores, root, mode));
  // A page that is not an article keeps its title: it heads the page's main content.
  const blocks = cleanBlocks(raw, mode === 'page' ? { headlines: [], authors: hints.authors } : hints, mode === 'page');
  let prose = 0;
  let chars = 0;
  let longParagraphs = 0;
  const inComments = mode === 'page' ? commentAreas(index) : null;
  for (const b of blocks) {
    if (b.kind === 'caption') continue;
    // Comments count as content on a forum page, but not when weighing an article
    // against the page it sits on.
    if (inComments !== null && b.owner >= 0 && inComments[b.owner] === 1) continue;
    chars += b.chars;
    if (b.kind === 'paragraph' && b.chars >= 100 && b.linkChars < 0.3 * b.chars) {
      prose += b.chars;
      if (b.chars >= 150) longParagraphs++;
    }
  }
  if (mode === 'article') blocks.unshift(...outsideCaptions(index, root));
  return { mode, root, blocks, prose, chars, longParagraphs };
}

/** 1 for elements inside comment or recirculation containers. */
function commentAreas(index: PageIndex): Uint8Array {
  const n = index.elements.length;
  const marks = new Uint8Array(n);
  for (let i = 1; i < n; i++) {
    const p = index.parent[i]!;
    marks[i] = marks[p] === 1 || (index.signal[i]! & STRONG_NEG) !== 0 ? 1 : 0;
  }
  return marks;
}

/**
 * Captions of the story's figures that sit outside the body container (a lead image
 * above the text, inside the same `<article>`): kept as caption blocks, never body.
 */
function outsideCaptions(index: PageIndex, root: number): RawBlock[] {
  let story = -1;
  for (let k = index.parent[root]!, steps = 0; k >= 0 && steps < 6; k = index.parent[k]!, steps++) {
    if (index.elements[k]!.tag === 'article') {
      story = k;
      break;
    }
  }
  if (story < 0) return [];
  const out: RawBlock[] = [];
  const end = index.end[story]!;
  for (let i = story; i < end; i++) {
    if (i === root || index.hidden[i] === 1) {
      i = index.end[i]! - 1;
      continue;
    }
    if (index.elements[i]!.tag !== 'figcaption') continue;
    // Photo credits are fields of their own; the caption text is kept.
    const credit = (k: number): boolean => /credit|copyright|byline|source/i.test(index.elements[k]!.attrs.class ?? '');
    for (const b of assembleBlocks(index, [i], credit)) {
      out.push({ ...b, kind: 'caption' });
    }
    i = index.end[i]! - 1;
  }
  return out;
}

/**
 * True when the page's headline (its first h1, when that repeats the title) stands
 * before the article container with more content between them than the container
 * holds: the prose is then a secondary text (a buying guide under a product grid).
 */
function headlineFarAway(index: PageIndex, article: ModeResult, hints: CleanupHints): boolean {
  const n = index.elements.length;
  let h1 = -1;
  for (let i = 0; i < n; i++) {
    if (index.elements[i]!.tag === 'h1' && index.hidden[i] === 0) {
      h1 = i;
      break;
    }
  }
  if (h1 < 0 || h1 >= article.root) return false;
  if (!hints.headlines.includes(normalize(textOf(index.elements[h1]!)))) return false;
  let between = 0;
  for (let i = index.end[h1]!; i < article.root; i++) {
    if (index.hidden[i] === 1 || index.inFurniture[i] === 1 || (index.signal[i]! & STRUCT_NEG) !== 0) {
      i = index.end[i]! - 1;
      continue;
    }
    between += index.ownText[i]!;
  }
  return between > 0.5 * article.chars;
}

interface Scored {
  scores: Scores;
  root: number;
}

function scoreMode(index: PageIndex, mode: ScoreMode): Scored {
  const scores = computeScores(index, mode);
  return { scores, root: bestContainer(index, scores.subtree) };
}

export interface Analysis {
  article: ModeResult;
  /** The page-mode reading, computed only when the article reading is in doubt. */
  page: ModeResult | null;
  isArticle: boolean;
  strategyPrefix: string;
}

/** Share of the main content that must be prose for the page to read as an article. */
const PROSE_SHARE = 0.25;
const MIN_PROSE = 250;
const CLEAR_PROSE = 1000;
const CLEAR_SHARE = 0.15;
const DECLARED_SHARE = 0.2;
/** Share of the page's main content an undeclared, not long article must make up. */
const UNDECLARED_SHARE = 0.6;
/** Paragraphs of 150+ characters that make an article whatever the page declares. */
const LONG_ARTICLE = 10;

export function analyze(doc: NewsDoc, both = false): Analysis | null {
  const tree = doc.html;
  if (tree === undefined) return null;
  let index = buildIndex(tree);
  let strategyPrefix = '';
  let articleScored = scoreMode(index, 'article');
  if (articleScored.scores.subtree[articleScored.root]! < 200 && index.textLen[index.bodyIndex]! < 500) {
    // Next to nothing visible: an app shell. Read it as served, before scripts run.
    const alt = buildIndex(tree, true);
    if (alt.textLen[alt.bodyIndex]! > Math.max(500, 2 * index.textLen[index.bodyIndex]!)) {
      index = alt;
      strategyPrefix = 'as-served-';
      articleScored = scoreMode(index, 'article');
    }
  }
  const hints: CleanupHints = {
    headlines: [doc.metadata.headline ?? '', ...pageHeadlines(index)].map(normalize).filter((h) => h.length > 0),
    authors: doc.metadata.authors.map((a) => normalize(a.name)).filter((a) => a.length > 2),
  };
  let article = runMode(index, 'article', hints, articleScored);
  const structured = doc.structuredBody;
  if (structured !== undefined && structured.length >= 300) {
    const root = structuredContainer(index, structured);
    if (root >= 0) {
      if (root !== articleScored.root) {
        article = runMode(index, 'article', hints, { scores: articleScored.scores, root });
        strategyPrefix += 'structured-';
      }
      article.blocks = trimToStructuredStart(article.blocks, structured);
    }
  }
  // Plenty of prose reads as an article whatever else the page holds; less prose is an
  // article only if it makes up a fair share of what the page would offer otherwise.
  const secondary = headlineFarAway(index, article, hints);
  let clear = article.prose >= CLEAR_PROSE && article.longParagraphs >= 3 && !secondary;
  if (clear) {
    // The article must also be a fair share of the page's main content: a blog index or
    // a list page holds several paragraphs of teaser prose too.
    const pageScored = scoreMode(index, 'page');
    clear = article.chars >= CLEAR_SHARE * index.textLen[pageScored.root]!;
  }
  // An article that neither says it is one nor runs long must be most of the page's
  // main content: a service or listing page holds some paragraphs of prose too.
  const declared = declaresArticle(index);
  const confident = declared || article.longParagraphs >= LONG_ARTICLE;
  const page = both || !clear || !confident ? runMode(index, 'page', hints) : null;
  let isArticle = clear;
  if (!isArticle && page !== null && !secondary) {
    isArticle =
      (article.prose >= MIN_PROSE && article.prose >= PROSE_SHARE * page.chars) ||
      // A short article (a brief, a paywalled teaser) on a page that says it is one.
      (article.prose >= 100 && article.chars >= DECLARED_SHARE * page.chars && declared);
  }
  if (isArticle && !confident && page !== null && article.chars < UNDECLARED_SHARE * page.chars) isArticle = false;
  return { article, page, isArticle, strategyPrefix };
}

/**
 * The last resort when the page's visible text yields no body (a script-rendered page):
 * the structured body, or failing that the page's description, as plain paragraphs.
 */
function fallback(doc: NewsDoc): Extraction | null {
  const fromText = (text: string): RawBlock[] =>
    text
      .split(/\n\s*\n|\n/)
      .map((t) => t.replace(/\s+/g, ' ').trim())
      .filter((t) => t.length > 0)
      .map((t) => ({ kind: 'paragraph', text: t, chars: t.replace(/\s/g, '').length, linkChars: 0, owner: -1 }));
  const structured = doc.structuredBody?.trim();
  if (structured !== undefined && structured.length >= 80) {
    return { blocks: fromText(structured), strategy: 'structured-data', isArticle: true };
  }
  const description = doc.metadata.description?.trim();
  if (description !== undefined && description.length >= 80) {
    return { blocks: fromText(description), strategy: 'description', isArticle: false };
  }
  return null;
}

export function extract(doc: NewsDoc): Extraction {
  const a = analyze(doc);
  if (a === null) return fallback(doc) ?? { blocks: [], strategy: 'none', isArticle: false };
  const chosen = a.isArticle || a.page === null ? a.article : a.page;
  const strategy = a.isArticle ? `${a.strategyPrefix}density` : `${a.strategyPrefix.replace('structured-', '')}page`;
  if (!chosen.blocks.some((b) => b.kind !== 'caption')) {
    const last = fallback(doc);
    if (last !== null) return last;
  }
  return { blocks: chosen.blocks, strategy, isArticle: a.isArticle };
}
