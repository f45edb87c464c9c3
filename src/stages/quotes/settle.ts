import type { Mention, Quote, SpanText, SpeakerKind } from '../../doc/annotations.js';
import { firstIndex } from '../../doc/span.js';
import type { NewsDoc } from '../../doc/news-doc.js';
import { nameGender, personGender, resolvePersonAt } from '../entities/index.js';
import { PERSON_HEADS, POSSESSIVE_PRONOUNS, PRONOUNS } from './lexicon.js';
import { overlappingMentions } from './lookup.js';
import type { GenderOf, Resolution, ResolvedVia } from './resolve.js';
import { speakerIdentity, type SpeakerIdentity } from './speaker-kind.js';

/**
 * Quotes at or above this confidence are shown on their speaker's page. Set where the
 * guesses end: a "he" given to the last man named with nothing nearer agreeing, and a
 * quotation with no cue given to its sentence's subject, were right two times in three
 * and one in three (on small samples); every speaker found beside a cue, through a
 * pronoun or as a continuation was right at least four times in five.
 */
export const PERSON_PAGE_CONFIDENCE = 0.6;

/**
 * Whether a quote goes on its speaker's page: words said or a stance taken, sure enough of
 * the speaker. Beliefs and intentions ("believes …", "plans to …") were not said; they,
 * and quotes below the threshold, stay in the article with their speaker named there.
 */
export function onSpeakersPage(quote: Pick<Quote, 'act' | 'confidence'>): boolean {
  return quote.confidence >= PERSON_PAGE_CONFIDENCE && (quote.act === 'speech' || quote.act === 'stance');
}

/**
 * How often the speaker was right for quotes attributed each way, rounded, on the
 * annotated articles of 48 outlets (bench/data/quotes-outlets.json; `npm run bench:quotes`
 * prints the table again): beside a cue 91 % of 411, a pronoun through its own or the
 * previous sentence's subject 91 % of 22, through the last speaker 86 % of 51, no cue (the
 * sentence's subject) 40 % of 5, the last person of the pronoun's gender 67 % of 6; a
 * continuation was right 98 % of 47 before pronoun agreement counted for continuations
 * too. Where the sample is small the figure leans on PolNeAR train, where the speaker
 * mention beside a cue is right 92 % of the time.
 */
const CONFIDENCE = {
  cue: 0.9,
  /** "“…” ― Pamela Padilla": the quotation signed by its speaker. */
  signature: 0.9,
  continuation: 0.9,
  nearest: 0.45,
  pronoun: { sentence: 0.85, previous: 0.85, speaker: 0.78, earlier: 0.7 } satisfies Record<ResolvedVia, number>,
  /** A "he" or "she" given to the last person of that gender, with no name agreeing nearby. */
  lastOfGender: 0.5,
  /** "Austria's interior minister said", given to the person of that title named last before it. */
  describedPerson: 0.75,
  /** "the company said", given to the organisation named last before it. */
  describedOrganisation: 0.75,
  /** A possessive's owner ("his oft-stated promise to …"): resolved as a pronoun, but the owner is as often another name nearby ("Trump's stance and his promise"), so not on a person's page. */
  possessive: 0.55,
  /** A pronoun nothing agrees with: the speaker is unknown. */
  unresolved: 0,
};

/**
 * The last step of the stage: for each quote, what kind of speaker it has, the speaker
 * entity when the speaker is a named person or organisation (never for an unnamed
 * source, whatever names stand nearby), the antecedent of a pronoun, and a confidence.
 */
export function settleSpeakers(doc: NewsDoc, quotes: readonly Quote[], resolutions: ReadonlyMap<Quote, Resolution>): Quote[] {
  const { mentions, entities } = doc.layers;
  // A speaker named once is often given several quotes (a continuation, a chain of them): judged once.
  const identities = new Map<number, SpeakerIdentity>();
  const identityOf = (named: SpanText): SpeakerIdentity => {
    const key = named.start * 65_536 + (named.end - named.start);
    let identity = identities.get(key);
    if (identity === undefined) identities.set(key, (identity = speakerIdentity(named, mentions, entities)));
    return identity;
  };
  return quotes.map((quote) => {
    const said = quote.speakerMention;
    if (said === undefined) return quote;
    const resolution = resolutions.get(quote);
    const lower = said.text.toLowerCase();
    const named = resolution?.mention ?? (PRONOUNS.has(lower) ? undefined : said);
    if (named === undefined) {
      const gender = lower === 'he' ? 'male' : lower === 'she' ? 'female' : undefined;
      const guess = gender !== undefined && entities !== undefined ? resolvePersonAt(doc, said.start, { gender }) : undefined;
      return guess !== undefined ? settled(quote, 'person', CONFIDENCE.lastOfGender, guess) : settled(quote, 'unresolved', CONFIDENCE.unresolved);
    }
    const identity = identityOf(named);
    const confidence = POSSESSIVE_PRONOUNS.has(lower) ? Math.min(CONFIDENCE.possessive, confidenceOf(quote, resolution)) : confidenceOf(quote, resolution);
    if (identity.kind === 'organisation' && identity.entity === undefined && mentions !== undefined) {
      // "the company said": the organisation named last before it.
      const described = DESCRIBED_ORGANISATION.test(named.text) && !/[^s]s$/u.test(named.text) && !NOT_THE_LAST_NAMED.test(named.text) ? lastOrganisationBefore(mentions, named.start) : undefined;
      if (described !== undefined) return settled(quote, 'organisation', Math.min(CONFIDENCE.describedOrganisation, confidence), described, resolution?.mention);
    }
    if (identity.kind === 'unnamed' && entities !== undefined) {
      // "Austria's interior minister said": the person of that title named before it.
      const person = describedPerson(doc, named);
      if (person !== undefined) return settled(quote, 'person', Math.min(CONFIDENCE.describedPerson, confidence), person, resolution?.mention);
    }
    const entity = identity.kind === 'person' || identity.kind === 'organisation' ? identity.entity : undefined;
    return settled(quote, identity.kind, confidence, entity, resolution?.mention);
  });
}

/**
 * The quote with its speaker settled. Quotes are made by this stage and not yet shared, so
 * the fields are set in place: copying each (it has a dozen fields) cost the stage a tenth
 * of its time.
 */
function settled(quote: Quote, kind: SpeakerKind, confidence: number, entity?: number, antecedent?: SpanText): Quote {
  const open = quote as Mutable<Quote>;
  open.speakerKind = kind;
  open.confidence = confidence;
  if (entity !== undefined) open.speaker = entity;
  if (antecedent !== undefined) open.speakerAntecedent = antecedent;
  return quote;
}

/** A type's fields made writable: quotes are given their fields in place while this stage makes them. */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * "the company", "The automaker": a definite description of an organisation, with no name
 * of its own (singular: "the companies" are not the last one named). Case-sensitive past
 * "The": "The Chronicle" is a name, never the organisation named before it.
 */
const DESCRIBED_ORGANISATION = /^[Tt]he\s+(?:\p{Ll}+\s+)?\p{Ll}+$/u;
/**
 * "the group": as often a group of people (protesters, employees, a coalition the tagger
 * did not mark) as the organisation named last, a company they act against.
 */
const NOT_THE_LAST_NAMED = /\bgroup$/iu;

/**
 * A definite description of one person: "the" or a possessive name, up to two words, and
 * a head ("Austria's interior minister", "the Wikileaks founder"). Not "a spokesman": an
 * indefinite one introduces someone new.
 */
const DEFINITE_PERSON = /^(?:[Tt]he|\p{Lu}[\p{L}.&-]*['’]s)\s+((?:[\p{Ll}-]+\s+){0,2})(\p{Ll}[\p{Ll}-]*)$/u;

/** The person a definite description with a title or person head stands for: the last named before it whose titles fit. */
function describedPerson(doc: NewsDoc, named: SpanText): number | undefined {
  const found = DEFINITE_PERSON.exec(named.text);
  const head = found?.[2];
  if (found === null || head === undefined || !PERSON_HEADS.has(head)) return undefined;
  const qualifiers = (found[1] ?? '').split(/\s+/u).filter((word) => word !== '' && !DESCRIPTIVE_WORDS.has(word));
  return resolvePersonAt(doc, named.start, { head, qualifiers });
}

/** Words of a description that no title holds ("the embattled minister"). */
const DESCRIPTIVE_WORDS = new Set(['embattled', 'outspoken', 'veteran', 'longtime', 'new', 'current', 'top', 'senior']);

/** How many mentions back a description may look for its organisation. */
const ORGANISATION_REACH = 40;

function lastOrganisationBefore(mentions: readonly Mention[], at: number): number | undefined {
  let i = firstIndex(mentions, (m) => m.start >= at) - 1;
  for (let seen = 0; i >= 0 && seen < ORGANISATION_REACH; i--, seen++) {
    const mention = mentions[i]!;
    if (mention.type === 'ORG' && mention.entity !== undefined) return mention.entity;
  }
  return undefined;
}

function confidenceOf(quote: Quote, resolution: Resolution | undefined): number {
  if (resolution !== undefined && quote.attribution !== 'continuation') return CONFIDENCE.pronoun[resolution.via];
  if (quote.attribution === 'continuation') return CONFIDENCE.continuation;
  if (quote.attribution === 'nearest') return CONFIDENCE.nearest;
  if (quote.attribution === 'signature') return CONFIDENCE.signature;
  return CONFIDENCE.cue;
}

/** What the article tells of the gender of the person named at a span: the entity's profile, an honorific, a common given name. */
export function genderReader(doc: NewsDoc): GenderOf {
  const text = doc.text ?? '';
  const { mentions } = doc.layers;
  return (start, end) => {
    if (mentions !== undefined) {
      for (const mention of overlappingMentions(mentions, start, end)) {
        if (mention.type !== 'PER' || mention.entity === undefined) continue;
        const known = personGender(doc, mention.entity);
        if (known !== undefined) return known;
      }
    }
    return nameGender(text, start, end);
  };
}
