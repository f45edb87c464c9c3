/**
 * Related stories: the stories whose descriptions (summed TF-IDF terms, people,
 * organisations and places; see stories.ts) are nearest a story's, other than itself.
 * A copy always lies in its original's story, so no copy is ever offered as related.
 */
import { normOf } from './stories.js';

/** A story's description as linking keeps it. */
export interface StoryTerms {
  readonly id: number;
  readonly terms: ReadonlyMap<string, number>;
}

export interface RelatedStory {
  readonly id: number;
  /** Cosine similarity of the two descriptions, 0–1. */
  readonly score: number;
  /** The people, organisations and places both name, the weightiest first, as `TYPE:lower-cased name` terms. */
  readonly shared: readonly string[];
}

/** Below this similarity two stories share only words every story of their kind has. */
export const RELATED_MIN_SCORE = 0.08;
export const RELATED_LIMIT = 5;
const SHARED_SHOWN = 4;
const ENTITY_TERM = /^(?:PER|ORG|LOC):/u;

/** The candidates nearest `story`, the nearest first, at most `limit`, never `story` itself. */
export function rankRelated(story: StoryTerms, candidates: readonly StoryTerms[], limit = RELATED_LIMIT): RelatedStory[] {
  const norm = normOf(story.terms.values());
  if (norm === 0) return [];
  const ranked: RelatedStory[] = [];
  for (const candidate of candidates) {
    if (candidate.id === story.id) continue;
    const other = normOf(candidate.terms.values());
    if (other === 0) continue;
    let dot = 0;
    const shared: [string, number][] = [];
    for (const [term, weight] of story.terms) {
      const theirs = candidate.terms.get(term);
      if (theirs === undefined) continue;
      dot += weight * theirs;
      if (ENTITY_TERM.test(term)) shared.push([term, weight * theirs]);
    }
    const score = dot / (norm * other);
    if (score < RELATED_MIN_SCORE) continue;
    shared.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    ranked.push({ id: candidate.id, score, shared: shared.slice(0, SHARED_SHOWN).map(([term]) => term) });
  }
  return ranked.sort((a, b) => b.score - a.score || a.id - b.id).slice(0, limit);
}
