import type { Span } from './span.js';

/*
 * The understanding layers: every annotation is a span over `NewsDoc.text` (the
 * article text, never rewritten once set), so each fact can be shown in context.
 */

/** A sentence of the article text. Sentences never cross block boundaries. */
export interface Sentence extends Span {
  /** Index of the block (in `layers.blocks`) the sentence lies in. */
  readonly block: number;
}

export type TokenKind = 'word' | 'number' | 'punct' | 'quote' | 'url' | 'symbol';

/** A token: a word, number, punctuation mark, quotation mark, URL or other symbol. */
export interface Token extends Span {
  readonly kind: TokenKind;
}

export type EntityType = 'PER' | 'ORG' | 'LOC' | 'MISC';

/** One name in the text, as the tagger found it ("Vladimir Putin", "Putin", "SCO"). */
export interface Mention extends Span {
  readonly type: EntityType;
  readonly text: string;
  /** Index of the entity (in `layers.entities`) this mention belongs to, once grouped. */
  entity?: number;
}

/** A title or role attached to a person ("Russian President", "US Secretary of State"). */
export interface Role extends Span {
  readonly text: string;
}

/**
 * One person, organisation, place or other named thing, with every way the article
 * refers to it: names (`mentions`) and descriptions such as "the Russian leader"
 * (`references`).
 */
export interface Entity {
  readonly id: number;
  readonly type: EntityType;
  /** The fullest name the article uses ("Xi Jinping", "Shanghai Cooperation Organisation"). */
  readonly name: string;
  /** Short forms the article introduces ("SCO"). */
  readonly acronyms: string[];
  /** Spans of the names, in text order (indexes into `layers.mentions`). */
  readonly mentions: number[];
  /** Descriptions and pronouns resolved to the entity ("the Russian leader"). */
  readonly references: Role[];
  readonly roles: Role[];
  /** For a country adjective or demonym ("Russian", "Chinese"), the country it names. */
  readonly country?: string;
}

export type QuoteKind = 'direct' | 'partial' | 'indirect';

/**
 * What a quote reports: words said or written (`speech`), a stance the text attributes
 * ("criticized the plan"), a belief or finding ("believes", "found"), or an intention or
 * decision ("plans to", "wants to"). PolNeAR counts all four as attributions; a person's
 * page shows speech and stances, and a user can filter on the rest.
 */
export type QuoteAct = 'speech' | 'stance' | 'belief' | 'intention';

/**
 * Who the speaker is, as far as the text tells: a named person, an organisation (or a
 * capital or country standing for its government), an unnamed or generic source kept as
 * the text words it ("officials", "a person familiar with the talks"), or a pronoun no
 * earlier name agrees with.
 */
export type SpeakerKind = 'person' | 'organisation' | 'unnamed' | 'unresolved';

export interface SpanText extends Span {
  readonly text: string;
}

/** A quotation or reported speech with whoever said it. */
export interface Quote extends Span {
  /** The quoted words, without the quotation marks. */
  readonly text: string;
  readonly kind: QuoteKind;
  /** The speech verb or phrase ("said", "told", "according to"); absent for a continuation. */
  readonly cue?: SpanText;
  /** The words that name the speaker here ("Putin", "he", "the Kremlin"). */
  readonly speakerMention?: SpanText;
  /** Index of the speaker entity (in `layers.entities`), when resolved. */
  readonly speaker?: number;
  /** For a pronoun speaker, the earlier words it stands for ("he" → "a spokesman", "Tim Cook"). */
  readonly speakerAntecedent?: SpanText;
  /** Why the speaker was chosen when no cue sits beside the quote ("continuation", "signature" for “…” ― Name). */
  readonly attribution?: 'cue' | 'continuation' | 'pronoun' | 'signature' | 'nearest';
  readonly act: QuoteAct;
  /** Set with `speakerMention`. */
  readonly speakerKind?: SpeakerKind;
  /**
   * How likely the speaker is right, 0–1: the share of quotes attributed the same way
   * that had the right speaker on PolNeAR train (see docs/understanding.md). Person pages
   * show quotes at or above PERSON_PAGE_CONFIDENCE.
   */
  readonly confidence: number;
}

/** A time expression, resolved against the publication date when it can be. */
export interface TimeExpression extends Span {
  readonly text: string;
  /** True for "on Friday", "last month", "yesterday"; false for "16 September 2022", "in 2001". */
  readonly relative: boolean;
  /** ISO 8601 date (`2022-09-16`), month (`2022-02`) or year (`2001`), when known. */
  readonly value?: string;
  /** Why `value` is missing: a relative time with no publication date to anchor it. */
  readonly unresolved?: 'no-anchor' | 'ambiguous';
}
