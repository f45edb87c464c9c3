import { createHash } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import type { NewsDoc } from '../doc/news-doc.js';
import { toArticleJson } from '../output/json.js';
import type { EntityRow, QuoteRow } from '../store/store.js';
import { onSpeakersPage } from '../stages/quotes/index.js';
import { linkEntitiesOf, linkFeatures, type LinkFeatures } from '../link/features.js';

/**
 * What the store keeps of a read article, worked out on the reader's thread so the
 * thread that writes the store only writes: the article JSON (as `dateline read` prints
 * it) compressed, the rows that index it, the hash of its text, and the raw input
 * compressed for its capture.
 */
export interface ArticleFacts {
  readonly isArticle: boolean;
  readonly headline: string | null;
  readonly published: string | null;
  readonly siteName: string | null;
  readonly language: string | null;
  readonly canonicalUrl: string | null;
  /** The place its dateline names. */
  readonly dateline: string | null;
  /** The body text, for the search index. */
  readonly body: string;
  /** Length of the body text, in characters. */
  readonly bodyChars: number;
  /** SHA-256 of the body with whitespace collapsed: the same text at another address has the same hash. */
  readonly textHash: string;
  /** The article JSON, deflate-compressed. */
  readonly doc: Uint8Array;
  /** The raw input, deflate-compressed. */
  readonly raw: Uint8Array;
  readonly entities: EntityRow[];
  readonly quotes: QuoteRow[];
  /** What linking reads of it, when the store it goes to links (see linkFeatures). */
  readonly link: LinkFeatures | null;
}

/**
 * Deflate levels: the raw page is large and rarely read again, so it gets the fast level
 * (about 4:1 on HTML at ~3× the speed of level 6); the article JSON, read on every
 * export, a middle one.
 */
const RAW_LEVEL = 1;
const DOC_LEVEL = 4;

export function articleFacts(doc: NewsDoc, raw: Uint8Array, options: { readonly link?: boolean } = {}): ArticleFacts {
  const json = toArticleJson(doc);
  const serialised = JSON.stringify(json);
  const normalised = json.body.replace(/\s+/gu, ' ').trim();
  const dateline = json.dateline?.place ?? null;
  const link =
    options.link === true && json.isArticle
      ? linkFeatures({ headline: json.headline, body: json.body, dateline, entities: linkEntitiesOf(json.entities) })
      : null;
  return {
    isArticle: json.isArticle,
    headline: json.headline,
    published: json.published?.value ?? null,
    siteName: json.siteName,
    language: json.language,
    canonicalUrl: json.canonicalUrl,
    dateline,
    body: json.body,
    bodyChars: json.body.length,
    textHash: createHash('sha256').update(normalised).digest('hex'),
    doc: deflate(Buffer.from(serialised, 'utf8'), DOC_LEVEL),
    raw: deflate(raw, RAW_LEVEL),
    entities: json.entities.map((entity) => ({
      localId: entity.id,
      type: entity.type,
      name: entity.name,
      roles: entity.roles.map((role) => role.text),
      acronyms: entity.acronyms,
      mentions: entity.mentions.map(({ start, end }) => ({ start, end })),
    })),
    quotes: json.quotes.map((quote) => ({
      start: quote.start,
      end: quote.end,
      text: quote.text,
      kind: quote.kind,
      cue: quote.cue?.text ?? null,
      speakerMention: quote.speakerMention?.text ?? null,
      speakerLocalId: onSpeakersPage(quote) ? (quote.speaker?.id ?? null) : null,
      attribution: quote.attribution,
    })),
    link,
  };
}

/** Compressed, in a buffer of its own, so it can be transferred between threads (a small Buffer may share Node's pool). */
function deflate(bytes: Uint8Array, level: number): Uint8Array {
  const out = deflateRawSync(bytes, { level });
  return out.byteOffset === 0 && out.byteLength === out.buffer.byteLength ? new Uint8Array(out.buffer, 0, out.byteLength) : new Uint8Array(out);
}
