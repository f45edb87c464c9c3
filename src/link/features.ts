import { sketchOf, type CopySketch } from './copies.js';
import { articleTerms, linkedEntitiesWithDateline, type LinkArticle } from './stories.js';

/**
 * What linking reads of an article that depends on the article alone: its copy sketch and
 * its weighted terms. Worked out on the thread that reads the article, so the thread that
 * writes the store only compares and writes (about 0.9 ms an article there before).
 */
export interface LinkFeatures {
  readonly sketch: CopySketch;
  readonly terms: ReadonlyMap<string, number>;
}

/** An article's entities as linking weighs them: each with how many times the article names it. */
export function linkEntitiesOf(entities: readonly { readonly type: string; readonly name: string; readonly mentions: readonly unknown[] }[]): LinkArticle['entities'] {
  return entities.map((entity) => ({ type: entity.type, name: entity.name, mentions: entity.mentions.length }));
}

/** The features of an article as the store links it: its own entities' names, with its dateline's place among the places. */
export function linkFeatures(article: {
  readonly headline: string | null;
  readonly body: string;
  readonly dateline: string | null;
  readonly entities: readonly { readonly type: string; readonly name: string; readonly mentions: number }[];
}): LinkFeatures {
  const linkable: Omit<LinkArticle, 'date'> = { headline: article.headline ?? '', body: article.body, entities: linkedEntitiesWithDateline(article.entities, article.dateline) };
  return { sketch: sketchOf(article.body), terms: articleTerms(linkable) };
}
