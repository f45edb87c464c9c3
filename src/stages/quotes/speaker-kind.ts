import type { Entity, Mention, SpanText, SpeakerKind } from '../../doc/annotations.js';
import { firstNameGender, honorificGender, spellsInitials } from '../entities/index.js';
import { entityDescribing, entityLookup, overlappingMentions } from './lookup.js';
import { DOCUMENT_HEADS } from './lexicon.js';

/**
 * Heads of a noun phrase that name an unnamed or generic source ("officials", "a person
 * familiar with the talks"). A head in lower case is unnamed anyway; the list decides for
 * one capitalised at a sentence's start ("Officials said", "Republicans say").
 */
const UNNAMED_HEADS = new Set(
  (
    'official officials source sources expert experts analyst analysts resident residents witness witnesses critic critics ' +
    'researcher researchers scientist scientists economist economists person people spokesperson spokesman spokeswoman ' +
    'spokespeople aide aides adviser advisers advisor advisors lawmaker lawmakers observer observers investigator ' +
    'investigators organizer organizers organiser organisers protester protesters protestors supporter supporters voter ' +
    'voters doctor doctors officer officers diplomat diplomats insider insiders executive executives employee employees ' +
    'worker workers member members leader leaders student students parent parents user users fan fans activist activists ' +
    'prosecutor prosecutors authorities staff staffer staffers representative representatives someone others man woman men ' +
    'women coach teacher teachers owner owners neighbor neighbors neighbour neighbours friend friends relative relatives ' +
    'victim victims survivor survivors agent agents reporter reporters journalist journalists scholars scholar republicans ' +
    'democrats conservatives liberals strategists pollsters polls poll surveys survey study studies report reports data ' +
    'figures statement statements documents filings'
  ).split(' '),
);

/** Heads that name an organisation without naming which ("the company said"; "the White House" by its head). */
const ORGANISATION_HEADS = new Set(
  (
    'company companies firm firms government governments ministry department agency administration campaign committee council police ' +
    'military army navy court courts board bank banks party union newspaper paper network broadcaster team league organization ' +
    'organisation office commission service institute university hospital club carrier airline airlines maker manufacturer group ' +
    'retailer startup regulator regulators authority kremlin house pentagon utility brokerage automaker carmaker insurer lender chain ' +
    'studio publisher charity nonprofit operator supplier provider conglomerate'
  ).split(' '),
);

export interface SpeakerIdentity {
  readonly kind: SpeakerKind;
  /** Index of the speaker entity in `layers.entities`, when one is named. */
  readonly entity?: number;
}

/**
 * Who a speaker phrase names, judged by its head: "Antony Blinken" and "Sen. Rubio" are
 * people, "the Kremlin" an organisation, "Beijing" (a place alone) its government, "a
 * spokesman for the Kremlin" and "A Vancouver peewee hockey coach" unnamed sources (the
 * name inside them is not who spoke).
 */
export function speakerIdentity(named: SpanText, mentions: readonly Mention[] | undefined, entities: readonly Entity[] | undefined): SpeakerIdentity {
  if (mentions !== undefined) {
    // Most speakers are a name and nothing else ("Putin", "the Kremlin"): that name says who.
    const exact = overlappingMentions(mentions, named.start, named.end);
    const only = exact.length === 1 ? exact[0]! : undefined;
    if (only !== undefined && only.end === named.end && (only.start === named.start || isArticle(named.text.slice(0, only.start - named.start)))) {
      return identityOf(only, named, named.text);
    }
  }
  // The phrase before any appositive ("Murphy, the head of Right to Rise USA,") or relative clause ("The man who shot Smith").
  const phrase = named.text.slice(0, appositiveStart(named.text)).replace(/\s+who\s[\s\S]*$/u, '').trimEnd();
  if (mentions !== undefined) {
    const author = authorOfDocument(named.start, phrase, mentions);
    if (author !== undefined) return identityOf(author, named, phrase);
  }
  const head = phrase.split(HEAD_ENDS)[0] ?? phrase;
  if (mentions !== undefined) {
    // A name closing the phrase is its head ("US Secretary of State Antony Blinken"), unless a preposition ties it to another head ("a spokesman for Putin").
    // A person named before "of", "for", "at" … is the head ("geologist Rosaly Lopes of NASA's Jet Propulsion Laboratory").
    const atHead = head.length < phrase.length ? mentionEndingPhrase(named.start, head, mentions) : undefined;
    if (atHead?.type === 'PER') return identityOf(atHead, named, head);
    const atEnd = mentionEndingPhrase(named.start, phrase, mentions);
    if (atEnd !== undefined && !governedByPreposition(named, atEnd, mentions)) return identityOf(atEnd, named, phrase);
    if (atHead !== undefined) return identityOf(atHead, named, head);
    // "The association’s chair, Máire Conneely": a description, then the name set off by commas.
    const comma = named.text.indexOf(',');
    if (comma > 0) {
      const rest = named.text.slice(comma + 1);
      const next = rest.indexOf(',');
      const set = mentionEndingPhrase(named.start + comma + 1, next < 0 ? rest : rest.slice(0, next), mentions);
      if (set?.type === 'PER') return identityOf(set, named, phrase);
    }
  }
  if (entities !== undefined) {
    // "WHO said", the tagger having marked only "World Health Organization": the organisation whose initials it spells.
    const acronym = /^(?:the\s+)?(\p{Lu}{2,6})$/u.exec(named.text)?.[1];
    const spelled = acronym === undefined ? -1 : entities.findIndex((entity) => entity.type === 'ORG' && spellsInitials(acronym, entity.name));
    if (spelled >= 0) return { kind: 'organisation', entity: spelled };
    const described = entityDescribing(entityLookup(entities), named.start, named.end);
    const type = described === undefined ? undefined : entities[described]?.type;
    if (type === 'PER') return { kind: 'person', entity: described! };
    if (type === 'ORG') return { kind: 'organisation', entity: described! };
  }
  const words = head.trim().split(/\s+/u);
  const lastWord = (words[words.length - 1] ?? '').replace(/[’']s$/u, '');
  const lower = lastWord.toLowerCase();
  if (ORGANISATION_HEADS.has(lower)) return { kind: 'organisation' };
  if (UNNAMED_HEADS.has(lower) || !/^\p{Lu}/u.test(lastWord)) return { kind: 'unnamed' };
  // A capitalised name the tagger did not mark: a person when it reads like one.
  const first = words[0] ?? '';
  const personLike = words.length >= 2 && (firstNameGender(first) !== undefined || (honorificGender(first) ?? 'none') !== 'none');
  return { kind: mentions === undefined || personLike ? 'person' : 'organisation' };
}

/**
 * The named author of a document that speaks: the possessor ("Amex's recent report",
 * "CBP's guidelines") or the name after "by" or "from" ("the Top 500 report by
 * Technomic", "data from the Education Data Initiative"). The document's words are
 * its author's, as a letter's are its writer's.
 */
function authorOfDocument(start: number, phrase: string, mentions: readonly Mention[]): Mention | undefined {
  const possessive = /^(?:the\s+)?(.+?)[’']s?\s+(?:[\p{L}-]+\s+){0,2}([\p{L}]+)$/u.exec(phrase);
  if (possessive !== null && DOCUMENT_HEADS.has(possessive[2]!.toLowerCase())) {
    const offset = phrase.indexOf(possessive[1]!);
    const owner = overlappingMentions(mentions, start + offset, start + offset + possessive[1]!.length).find((m) => m.start === start + offset && m.end === start + offset + possessive[1]!.length);
    if (owner !== undefined) return owner;
  }
  const by = /\b([\p{L}]+)\s+(?:by|from)\s+(?:the\s+)?/u.exec(phrase);
  if (by !== null && DOCUMENT_HEADS.has(by[1]!.toLowerCase())) {
    const at = start + by.index + by[0].length;
    const author = overlappingMentions(mentions, at, start + phrase.length).find((m) => m.start === at);
    if (author !== undefined && (author.type === 'ORG' || author.type === 'PER')) return author;
  }
  return undefined;
}

/** The words that end a head noun phrase ("a spokesman | for the Kremlin", "a person | familiar with"). */
const HEAD_ENDS = /\s+(?:of|for|at|from|with|familiar|close|who|in|on|to|and|briefed)\s/u;
/** A preposition right before a name: the name is not the head ("a spokesman for Putin"). */
const PREPOSITION_BEFORE = /\s(?:of|for|at|from|with|to|in|on|by|about|near)\s+(?:the\s+)?$/iu;
/** The same after a lower-case noun, with titles between ("Friends of Mr. | Clinton's"; never "Secretary of State | Antony Blinken"). */
const PREPOSITION_AND_TITLES_BEFORE = /(?:^|\s)\p{Ll}[\p{L}-]*\s+(?:of|for|at|from|with|to|in|on|by|about|near)\s+(?:the\s+)?((?:\p{Lu}[\p{L}.’']*\s+)+)$/u;

/** The same with only forms of address between, after any word ("Friends of Mr. | Clinton's"). */
const PREPOSITION_AND_HONORIFIC_BEFORE = /\s(?:of|for|at|from|with|to|in|on|by|about|near)\s+((?:\p{Lu}[\p{L}]*\.?\s+)+)$/u;

/**
 * Whether a preposition governs the name ending a speaker phrase: "a spokesman for
 * (President) Obama", "Friends of Mr. Clinton's". A name after another name is the head
 * again ("director of Amnesty International Man-kei Tam").
 */
function governedByPreposition(named: SpanText, name: Mention, mentions: readonly Mention[]): boolean {
  const before = named.text.slice(0, name.start - named.start);
  if (PREPOSITION_BEFORE.test(before)) return true;
  const titled = PREPOSITION_AND_TITLES_BEFORE.exec(before);
  if (titled !== null) {
    const titlesStart = name.start - (titled[1]?.length ?? 0);
    return overlappingMentions(mentions, titlesStart, name.start - 1).length === 0;
  }
  const honorifics = PREPOSITION_AND_HONORIFIC_BEFORE.exec(before)?.[1]?.trim().split(/\s+/u);
  return honorifics !== undefined && honorifics.every((word) => honorificGender(word) !== undefined);
}

/** The mention overlapping the last word of `phrase`, which starts at offset `start` of the article. */
function mentionEndingPhrase(start: number, phrase: string, mentions: readonly Mention[]): Mention | undefined {
  const trimmed = phrase.trimEnd();
  const end = start + trimmed.length;
  const lastSpace = Math.max(trimmed.lastIndexOf(' '), trimmed.lastIndexOf('\n'));
  const found = overlappingMentions(mentions, start + lastSpace + 1, end);
  return found.find((m) => m.type === 'PER') ?? found.find((m) => m.type === 'ORG') ?? found[0];
}

function identityOf(mention: Mention, named: SpanText, phrase: string): SpeakerIdentity {
  if (mention.type === 'PER') return identity('person', mention.entity);
  if (mention.type === 'ORG') return identity('organisation', mention.entity);
  // A place alone stands for its government ("Beijing said"); a place inside a description does not speak ("A Vancouver hockey coach").
  if (mention.type === 'LOC') return mention.start <= named.start + leadingArticle(phrase) ? identity('organisation', mention.entity) : { kind: 'unnamed' };
  return { kind: 'unnamed' };
}

function identity(kind: SpeakerKind, entity: number | undefined): SpeakerIdentity {
  return entity !== undefined ? { kind, entity } : { kind };
}

function isArticle(text: string): boolean {
  return text === 'the ' || text === 'The ';
}

/** Where an appositive or a parenthesis starts in a speaker phrase (its length when none). */
function appositiveStart(text: string): number {
  const comma = text.indexOf(',');
  const bracket = text.indexOf('(');
  const first = comma < 0 ? bracket : bracket < 0 ? comma : Math.min(comma, bracket);
  return first < 0 ? text.length : first;
}

function leadingArticle(text: string): number {
  const found = /^\s*(?:the\s+)?/iu.exec(text);
  return found === null ? 0 : found[0].length;
}
