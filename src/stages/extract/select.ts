import type { NewsDoc } from '../../doc/news-doc.js';
import { assembleBlocks, type RawBlock } from './assemble.js';
import { cleanBlocks, normalize, type CleanupHints } from './cleanup.js';
import { pageHeadlines } from './headline.js';
import { buildIndex, NEG, type PageIndex } from './page-index.js';
import { bestContainer, computeScores, type ScoreMode, type Scores } from './scoring.js';
import { FURNITURE_TAGS } from './tags.js';
import { markTeasers } from './teasers.js';

export interface Extraction {
  blocks: RawBlock[];
  strategy: string;
  isArticle: boolean;
}

export interface ModeResult {
  mode: ScoreMode;
  root: number;
  blocks: RawBlock[];
  /** Characters of prose: paragraphs of 100+ characters with few links. */
  prose: number;
  chars: number;
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
    if ((index.signal[i]! & NEG) !== 0 && text < 0.3 * rootText && scores.subtree[i]! < 0.3 * scores.subtree[root]!) return true;
    if (mode === 'article' && index.linkCount[i]! >= 2 && index.linkLen[i]! > 0.6 * text && index.blockDescendants[i]! > 0) return true;
    return false;
  };
}

function runMode(index: PageIndex, mode: ScoreMode, hints: CleanupHints): ModeResult {
  const scores = computeScores(index, mode);
  const root = bestContainer(index, scores.subtree);
  const raw = assembleBlocks(index, [root], skipRule(index, scores, root, mode));
  const blocks = cleanBlocks(raw, hints, mode === 'page');
  let prose = 0;
  let chars = 0;
  for (const b of blocks) {
    if (b.kind === 'caption') continue;
    chars += b.chars;
    if (b.kind === 'paragraph' && b.chars >= 100 && b.linkChars < 0.3 * b.chars) prose += b.chars;
  }
  return { mode, root, blocks, prose, chars };
}

export interface Analysis {
  article: ModeResult;
  page: ModeResult;
  strategyPrefix: string;
}

export function analyze(doc: NewsDoc): Analysis | null {
  const tree = doc.html;
  if (tree === undefined) return null;
  let index = buildIndex(tree);
  let strategyPrefix = '';
  const firstScores = computeScores(index, 'article');
  const firstBest = bestContainer(index, firstScores.subtree);
  if (firstScores.subtree[firstBest]! < 200 && index.textLen[index.bodyIndex]! < 500) {
    // Next to nothing visible: an app shell. Read it as a browser without scripts would.
    const alt = buildIndex(tree, true);
    if (alt.textLen[alt.bodyIndex]! > Math.max(500, 2 * index.textLen[index.bodyIndex]!)) {
      index = alt;
      strategyPrefix = 'noscript-';
    }
  }
  const hints: CleanupHints = {
    headlines: [doc.metadata.headline ?? '', ...pageHeadlines(index)].map(normalize).filter((h) => h.length > 0),
    authors: doc.metadata.authors.map((a) => normalize(a.name)).filter((a) => a.length > 2),
  };
  return { article: runMode(index, 'article', hints), page: runMode(index, 'page', hints), strategyPrefix };
}

export function extract(doc: NewsDoc): Extraction {
  const a = analyze(doc);
  if (a === null) return { blocks: [], strategy: 'none', isArticle: false };
  const isArticle = a.article.prose >= 400 && a.article.prose >= 0.25 * a.page.chars;
  const chosen = isArticle ? a.article : a.page;
  return { blocks: chosen.blocks, strategy: `${a.strategyPrefix}${isArticle ? 'density' : 'page'}`, isArticle };
}
