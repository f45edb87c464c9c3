import type { NewsDoc } from '../../doc/news-doc.js';
import { assembleBlocks, type RawBlock } from './assemble.js';
import { cleanBlocks, normalize, type CleanupHints } from './cleanup.js';
import { pageHeadlines } from './headline.js';
import { buildIndex, NEG, type PageIndex } from './page-index.js';
import { bestContainer, computeScores, type Scores } from './scoring.js';
import { FURNITURE_TAGS } from './tags.js';

export interface Extraction {
  blocks: RawBlock[];
  strategy: string;
  isArticle: boolean;
}

function skipRule(index: PageIndex, scores: Scores, root: number) {
  const rootText = Math.max(1, index.textLen[root]!);
  return (i: number): boolean => {
    const tag = index.elements[i]!.tag;
    const text = index.textLen[i]!;
    if (text === 0) return false;
    if (FURNITURE_TAGS.has(tag) && text < 0.5 * rootText) return true;
    if ((index.signal[i]! & NEG) !== 0 && text < 0.3 * rootText && scores.subtree[i]! < 0.3 * scores.subtree[root]!) return true;
    if (index.linkCount[i]! >= 2 && index.linkLen[i]! > 0.6 * text && index.blockDescendants[i]! > 0) return true;
    return false;
  };
}

export function extract(doc: NewsDoc): Extraction {
  const tree = doc.html;
  if (tree === undefined) return { blocks: [], strategy: 'none', isArticle: false };
  let index = buildIndex(tree);
  let scores = computeScores(index);
  let best = bestContainer(index, scores.subtree);
  let strategy = 'density';
  if (scores.subtree[best]! < 200) {
    // Next to nothing visible: an app shell. Read it as a browser without scripts would.
    const alt = buildIndex(tree, true);
    const altScores = computeScores(alt);
    const altBest = bestContainer(alt, altScores.subtree);
    if (altScores.subtree[altBest]! > Math.max(200, 2 * scores.subtree[best]!)) {
      index = alt;
      scores = altScores;
      best = altBest;
      strategy = 'density-noscript';
    }
  }
  const raw = assembleBlocks(index, [best], skipRule(index, scores, best));
  const hints: CleanupHints = {
    headlines: [doc.metadata.headline ?? '', ...pageHeadlines(index)].map(normalize).filter((h) => h.length > 0),
    authors: doc.metadata.authors.map((a) => normalize(a.name)).filter((a) => a.length > 2),
  };
  const blocks = cleanBlocks(raw, hints);
  const prose = blocks.filter((b) => b.kind === 'paragraph' && b.text.length >= 120).length;
  return { blocks, strategy, isArticle: prose >= 2 };
}
