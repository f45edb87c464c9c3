import type { EntityType, QuoteAct, QuoteKind, SpanText, SpeakerKind, TimeExpression } from '../doc/annotations.js';
import type { NewsDoc } from '../doc/news-doc.js';

/** An entity as printed: names and descriptions spelled out with their offsets. */
export interface EntityJson {
  id: number;
  type: EntityType;
  name: string;
  acronyms: string[];
  roles: SpanText[];
  mentions: SpanText[];
  references: SpanText[];
  country?: string;
}

export interface QuoteJson {
  start: number;
  end: number;
  text: string;
  kind: QuoteKind;
  /** speech, stance, belief or intention: what the cue reports. */
  act: QuoteAct;
  cue: SpanText | null;
  speakerMention: SpanText | null;
  /** For a pronoun, the earlier words it stands for. */
  speakerAntecedent: SpanText | null;
  /** person, organisation, unnamed (a generic source) or unresolved (a pronoun nothing agrees with). */
  speakerKind: SpeakerKind | null;
  /** The speaker entity's id and canonical name, when the speaker was resolved. */
  speaker: { id: number; name: string } | null;
  attribution: string | null;
  /** How likely the speaker is right, 0–1. */
  confidence: number;
}

export interface UnderstandingJson {
  sentences: { start: number; end: number }[];
  entities: EntityJson[];
  quotes: QuoteJson[];
  times: TimeExpression[];
}

/** The understanding layers of a document, with indexes replaced by what they point at. */
export function understandingJson(doc: NewsDoc): UnderstandingJson {
  const { sentences = [], mentions = [], entities = [], quotes = [], times = [] } = doc.layers;
  const entityJson: EntityJson[] = entities.map((entity) => ({
    id: entity.id,
    type: entity.type,
    name: entity.name,
    acronyms: entity.acronyms,
    roles: entity.roles.map(spanText),
    mentions: entity.mentions.flatMap((index) => {
      const mention = mentions[index];
      return mention === undefined ? [] : [spanText(mention)];
    }),
    references: entity.references.map(spanText),
    ...(entity.country !== undefined ? { country: entity.country } : {}),
  }));
  const quoteJson: QuoteJson[] = quotes.map((quote) => {
    const speaker = quote.speaker !== undefined ? entities[quote.speaker] : undefined;
    return {
      start: quote.start,
      end: quote.end,
      text: quote.text,
      kind: quote.kind,
      act: quote.act,
      cue: quote.cue !== undefined ? spanText(quote.cue) : null,
      speakerMention: quote.speakerMention !== undefined ? spanText(quote.speakerMention) : null,
      speakerAntecedent: quote.speakerAntecedent !== undefined ? spanText(quote.speakerAntecedent) : null,
      speakerKind: quote.speakerKind ?? null,
      speaker: speaker !== undefined ? { id: speaker.id, name: speaker.name } : null,
      attribution: quote.attribution ?? null,
      confidence: quote.confidence,
    };
  });
  return {
    sentences: sentences.map(({ start, end }) => ({ start, end })),
    entities: entityJson,
    quotes: quoteJson,
    times,
  };
}

function spanText(span: SpanText): SpanText {
  return { start: span.start, end: span.end, text: span.text };
}
