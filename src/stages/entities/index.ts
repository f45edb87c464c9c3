import type { NewsDoc } from '../../doc/news-doc.js';
import type { Stage } from '../../pipeline/stage.js';
import { buildEntities } from './build.js';

export { nameGender, personGender, resolvePersonAt, type PersonHint } from './persons.js';
export { firstNameGender, hasPossessive, honorificGender, type Gender } from './vocab.js';
export { spellsInitials } from './group.js';

/**
 * Groups the tagger's mentions into entities: one per person, organisation, place or
 * other named thing, with its fullest name ("Xi Jinping" for "Xi"), the acronyms the
 * article introduces ("SCO"), the titles attached to people ("Russian President",
 * "US Secretary of State"), the descriptions that stand for them ("the Russian leader")
 * and, for a demonym ("Chinese"), the country it names. Each mention gets its entity's
 * index and, where the article's majority disagrees with the tagger about a name, the
 * majority type. Reads only the text around names, so its cost grows with the number of
 * mentions and of "the" in the text.
 */
export const entitiesStage: Stage = {
  id: 'entities',
  version: 1,
  requires: ['text', 'mentions'],
  produces: ['entities'],
  run(doc: NewsDoc): NewsDoc {
    const text = doc.text ?? '';
    const { entities, mentions } = buildEntities(text, doc.layers.mentions ?? []);
    doc.layers.mentions = mentions;
    doc.layers.entities = entities;
    return doc;
  },
};
