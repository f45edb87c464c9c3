import { decodeReferences } from './entities.js';

/**
 * A link as written in element text, trimmed. A second `&amp;` layer is undone:
 * double-escaped query strings (`?a=1&amp;amp;b=2`) are common and never meant
 * literally; feedparser does the same, and we are compared against it.
 */
export function cleanLinkText(text: string): string {
  return text.trim().replace(/&amp;/g, '&');
}

const ANY_TAG = /<\/?[A-Za-z!?][^<>]*>/g;
/** Inline HTML that RSS titles carry though they should be plain text (often in CDATA). */
const INLINE_TAG = /<\/?(?:a|abbr|b|big|br|cite|code|em|font|i|mark|q|s|small|span|strong|sub|sup|u)(?:\s[^<>]*)?\/?>/.source;
const INLINE_HTML_TAG = new RegExp(INLINE_TAG, 'gi');
const IS_INLINE_TAG = new RegExp(`^${INLINE_TAG}$`, 'i');

/**
 * A title as plain text with runs of whitespace collapsed; a title never carries
 * markup onward. When the feed says the title is HTML (Atom `type="html"`), tags are
 * dropped and the references the markup held are decoded; otherwise only inline HTML
 * tags are dropped, so a title about `<div>` keeps its words.
 */
export function cleanTitle(text: string, type?: string): string | undefined {
  const isHtml = type !== undefined && /^\s*(?:html|text\/html)\s*$/i.test(type);
  const plain = isHtml ? decodeReferences(stripTags(text, ANY_TAG)) : stripTags(text, INLINE_HTML_TAG);
  const collapsed = plain.replace(/\s+/g, ' ').trim();
  return collapsed === '' ? undefined : collapsed;
}

/** Inline tags vanish (`<b>W</b>ord` is one word); others, and `<br>`, leave a space. */
function stripTags(text: string, tags: RegExp): string {
  return text.replace(tags, (tag) => (IS_INLINE_TAG.test(tag) && !/^<br\b/i.test(tag) ? '' : ' '));
}

/** Atom's `type` values (and MIME types) that mean an HTML page. An absent type counts as HTML. */
export function isHtmlType(type: string | undefined): boolean {
  if (type === undefined) return true;
  const mime = type.split(';')[0]?.trim().toLowerCase() ?? '';
  return mime === '' || mime === 'text/html' || mime === 'application/xhtml+xml' || mime === 'html' || mime === 'xhtml';
}

/** An http(s) URL written in full, the test for a guid or id doubling as a link. */
export function looksLikeHttpUrl(text: string): boolean {
  return /^https?:\/\/\S+$/i.test(text.trim());
}
