import type { NewsDoc } from '../doc/news-doc.js';
import { bodyText } from '../output/json.js';
import { linkedEntitiesWithDateline, type LinkArticle } from './stories.js';

/** What linking reads of an understood article; `firstSeen` dates an article whose page gives no date. */
export function linkArticleOf(doc: NewsDoc, firstSeen?: string): LinkArticle {
  return {
    headline: doc.metadata.headline ?? '',
    // The body as the store keeps it (no headline, no captions): what ingest links.
    body: bodyText(doc),
    date: doc.metadata.published?.value ?? firstSeen ?? null,
    entities: linkedEntitiesWithDateline(
      (doc.layers.entities ?? []).map((entity) => ({ type: entity.type, name: entity.name, mentions: entity.mentions.length })),
      doc.metadata.dateline?.place,
    ),
  };
}
