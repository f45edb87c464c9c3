/**
 * An article's clean text as HTML: its body blocks, with every entity mention linked to
 * the entity's page and every quote marked with who said it. The blocks, mentions and
 * quotes are spans of `json.text`; `marks.ts` keeps their markup well-formed however
 * they overlap (a mention inside a quote nests; one running out of a quote is split).
 */
import { BODY_BLOCK_KINDS, type ArticleJson } from '../../output/json.js';
import type { QuoteJson } from '../../output/understanding.js';
import { html, type SafeHtml } from './html.js';
import { arrangeMarks, renderMarked, type Mark, type MarkLayer, type Piece } from './marks.js';
import { entityHref, kindOfType } from './parts.js';

/** For each entity of the article (its id in the article), its id in the collection. */
export type EntityIds = Readonly<Record<number, number>>;

/** A link to the entity's page when the collection knows it, else the content in a span of the same class. */
export function entityLink(globalId: number | undefined, className: string, content: SafeHtml | string): SafeHtml {
  return globalId !== undefined
    ? html`<a class="${className}" href="${entityHref(globalId)}">${content}</a>`
    : html`<span class="${className}">${content}</span>`;
}

/** "— Putin" after a quote: the speaker's page when resolved, else the words that named them. */
export function speakerMarker(quote: QuoteJson, entityIds: EntityIds): SafeHtml | null {
  if (quote.speaker !== null) return entityLink(entityIds[quote.speaker.id], 'speaker', `— ${quote.speaker.name}`);
  if (quote.speakerMention !== null) return html`<span class="speaker">— ${quote.speakerMention.text}</span>`;
  return null;
}

function sameSpeaker(a: QuoteJson, b: QuoteJson): boolean {
  if (a.speaker !== null || b.speaker !== null) return a.speaker?.id === b.speaker?.id;
  return a.speakerMention?.text === b.speakerMention?.text;
}

/** Quotes inside a longer quote by the same speaker: naming the speaker again would only repeat it. */
function repeatedSpeakers(quotes: readonly QuoteJson[]): Set<QuoteJson> {
  const repeated = new Set<QuoteJson>();
  for (const inner of quotes) {
    for (const outer of quotes) {
      if (outer === inner || outer.end - outer.start <= inner.end - inner.start) continue;
      if (outer.start <= inner.start && inner.end <= outer.end && sameSpeaker(inner, outer)) {
        repeated.add(inner);
        break;
      }
    }
  }
  return repeated;
}

const OPENING_MARKS = new Set(['"', '\u201c', '\u2018', "'", '\u00ab', '\u201e', '\u201a', '\u2039']);
const CLOSING_MARKS = new Set(['"', '\u201d', '\u2019', "'", '\u00bb', '\u201c', '\u203a']);
const CLOSING_PUNCTUATION = new Set([',', '.', '!', '?', ';', ':', '\u2026']);

/**
 * The quote's span with its quotation marks, when the text has them on both sides: the
 * quotes stage leaves them out, but the speaker's name belongs after the closing one.
 */
function withQuotationMarks(text: string, quote: QuoteJson): { start: number; end: number } {
  if (quote.start <= 0 || !OPENING_MARKS.has(text.charAt(quote.start - 1))) return { start: quote.start, end: quote.end };
  // The closing mark may follow the sentence's own punctuation: “… direction,” Xi told.
  const skip = CLOSING_PUNCTUATION.has(text.charAt(quote.end)) ? 1 : 0;
  return CLOSING_MARKS.has(text.charAt(quote.end + skip)) ? { start: quote.start - 1, end: quote.end + skip + 1 } : { start: quote.start, end: quote.end };
}

function quoteLayer(json: ArticleJson, entityIds: EntityIds): MarkLayer {
  const repeated = repeatedSpeakers(json.quotes);
  const marks: Mark[] = json.quotes.map((quote) => {
    const marker = repeated.has(quote) ? null : speakerMarker(quote, entityIds);
    const direct = quote.kind === 'direct' || quote.kind === 'partial';
    return {
      ...withQuotationMarks(json.text, quote),
      wrap: (inner, part) =>
        html`${direct ? html`<q class="quote quote-${quote.kind}">${inner}</q>` : html`<span class="quote quote-${quote.kind}">${inner}</span>`}${part.last && marker !== null && html` ${marker}`}`,
    };
  });
  return { marks, nests: true };
}

function mentionLayer(json: ArticleJson, entityIds: EntityIds): MarkLayer {
  const marks: Mark[] = [];
  for (const entity of json.entities) {
    const className = `entity entity-${kindOfType(entity.type)}`;
    const globalId = entityIds[entity.id];
    const wrap = (inner: SafeHtml): SafeHtml => entityLink(globalId, className, inner);
    for (const mention of entity.mentions) marks.push({ start: mention.start, end: mention.end, wrap });
  }
  return { marks, nests: false };
}

function datelineLayer(json: ArticleJson): MarkLayer {
  const dateline = json.dateline;
  if (dateline === null || dateline.end <= dateline.start) return { marks: [], nests: false };
  const wrap = (inner: SafeHtml): SafeHtml => html`<span class="dateline">${inner}</span>`;
  return { marks: [{ start: dateline.start, end: dateline.end, wrap }], nests: false };
}

function blockElement(kind: string, level: number | undefined, content: SafeHtml): SafeHtml {
  switch (kind) {
    case 'heading':
      return (level ?? 2) <= 2 ? html`<h2>${content}</h2>` : html`<h3>${content}</h3>`;
    case 'list-item':
      return html`<li>${content}</li>`;
    case 'quote':
      return html`<blockquote><p>${content}</p></blockquote>`;
    case 'preformatted':
      return html`<pre>${content}</pre>`;
    case 'table-row':
      return html`<p class="table-row">${content}</p>`;
    default:
      return html`<p>${content}</p>`;
  }
}

/** The body blocks as HTML, consecutive list items in one list, with mentions and quotes marked. */
export function articleBody(json: ArticleJson, entityIds: EntityIds): SafeHtml {
  const text = json.text;
  const blocks = json.blocks.filter(
    (block) => BODY_BLOCK_KINDS.has(block.kind) && block.start >= 0 && block.start < block.end && block.end <= text.length,
  );
  const cuts = blocks.flatMap((block) => [block.start, block.end]);
  // Outermost first: the dateline holds nothing else, quotes hold mentions.
  const pieces: Piece[] = arrangeMarks(text, [datelineLayer(json), quoteLayer(json, entityIds), mentionLayer(json, entityIds)], cuts);
  const out: SafeHtml[] = [];
  let inList = false;
  for (const block of blocks) {
    const isItem = block.kind === 'list-item';
    if (isItem !== inList) out.push(isItem ? html`<ul>` : html`</ul>`);
    inList = isItem;
    out.push(blockElement(block.kind, block.level, renderMarked(text, block.start, block.end, pieces)), html`\n`);
  }
  if (inList) out.push(html`</ul>`);
  return html`${out}`;
}
