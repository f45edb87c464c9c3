import type { RawBlock } from './assemble.js';

/** Lower-cased words, for comparing a block with the headline or a byline. */
export function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Short lines that are page furniture wherever they appear. */
const FURNITURE_LINE =
  /^(?:advertisement|advertisements|advert|adverts|ad|ads|sponsored|sponsored content|promoted|share|share this|share this article|share this story|share on \w+|tweet|email|print|copy link|link copied|comments?|\d+ comments?|leave a comment|post a comment|related|related articles|related stories|related content|related posts|read more|read next|more from .{1,40}|see also|recommended|recommended for you|you may also like|you might also like|most popular|most read|trending|skip to (?:main )?content|skip ad|loading|loading\.\.\.|continue reading|show more|show less|view comments|listen|listen to this article|audio|video|watch|photo|photos|image|gallery|enlarge|close|menu|search|subscribe|subscribe now|sign up|sign in|log in|login|register|follow us|follow|newsletter|back to top|top|next|previous|next article|previous article|click here|reuse this content|report an error|story continues below advertisement|article continues below|continue reading below|scroll to continue|scroll to continue with content|explore further|image copyright|image caption|media playback is unsupported on your device|print this page|print this article|table of contents|contents|main content|reply|replies|add to list|add to cart|add to wishlist|write a review|tap to interact|embed)$/;

const BYLINE = /^(?:by|von|par|por|di|door|av|af|przez|автор)\s+\S/i;
const MONTH =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/i;
const DATE_WORDS = /\b(?:updated|published|posted|last modified|modified|am|pm|edt|est|pdt|pst|gmt|utc|bst|cet|ago)\b/i;

/** Blocks this long are dropped when they repeat an earlier block word for word. */
const REPEAT_MIN = 60;

export interface CleanupHints {
  /** Headline texts to drop when a block repeats one (normalized). */
  headlines: string[];
  /** Author names (normalized). */
  authors: string[];
}

function isHeadlineRepeat(norm: string, hints: CleanupHints): boolean {
  if (norm.length === 0) return false;
  for (const h of hints.headlines) {
    if (h.length === 0) continue;
    if (norm === h) return true;
    // Titles often carry the site name: "Headline | Site", "Headline - Site".
    if (norm.length >= 20 && h.startsWith(norm) && norm.length >= 0.6 * h.length) return true;
    if (h.length >= 20 && norm.startsWith(h) && h.length >= 0.8 * norm.length) return true;
  }
  return false;
}

/** A byline, a date line, or a byline with a date: short and made of names and dates. */
export function isBylineOrDate(text: string, hints: CleanupHints): boolean {
  if (text.length > 140) return false;
  if (BYLINE.test(text) && text.length <= 100) return true;
  const words = text.split(/\s+/).length;
  if (MONTH.test(text) && (words <= 8 || (DATE_WORDS.test(text) && words <= 14))) return true;
  if (hints.authors.length > 0 && words <= 12) {
    const norm = normalize(text);
    for (const a of hints.authors) if (a.length > 0 && norm.includes(a)) return true;
  }
  return false;
}

/**
 * Text that is there for machines but leaked into the page: serialized JSON, markup
 * shown as text (`<img src=...>`).
 */
export function isMachineText(text: string): boolean {
  const t = text.trimStart();
  if (/^[[{]\s*"/.test(t)) {
    let marks = 0;
    for (let k = 0; k < t.length; k++) {
      const c = t.charCodeAt(k);
      if (c === 34 || c === 58 || c === 123 || c === 125 || c === 44) marks++;
    }
    if (marks > 0.1 * t.length) return true;
  }
  return /^<\/?[a-z][a-z0-9-]*(?:\s[^>]*)?\/?>/i.test(t) && /<\/?[a-z][^>]*>\s*$/i.test(t);
}

/** Drops blocks that are furniture by their text: link lists, repeats of the headline, bylines, labels. */
export function cleanBlocks(blocks: RawBlock[], hints: CleanupHints, keepLinks = false): RawBlock[] {
  const out: RawBlock[] = [];
  let seenBody = false;
  const seen = new Set<string>();
  for (const block of blocks) {
    const text = block.text;
    if (block.kind !== 'caption') {
      // A long block the page shows again (a copy for another screen size, a pull quote)
      // is read once.
      if (text.length >= REPEAT_MIN && block.kind !== 'preformatted') {
        if (seen.has(text)) continue;
        seen.add(text);
      }
      if (!keepLinks && block.linkChars > 0.5 * block.chars && block.kind !== 'preformatted') continue;
      if (block.kind !== 'preformatted' && isMachineText(text)) continue;
      const short = text.length <= 60;
      const early = !seenBody || block.kind === 'heading';
      const norm = short || (early && text.length <= 300) ? normalize(text) : null;
      if (norm !== null) {
        if (norm.length === 0 && block.kind !== 'preformatted') continue;
        if (short && FURNITURE_LINE.test(norm)) continue;
        if (early && isHeadlineRepeat(norm, hints)) continue;
      }
      if (!seenBody && isBylineOrDate(text, hints)) continue;
      if (block.kind === 'paragraph' && text.length > 80) seenBody = true;
    }
    out.push(block);
  }
  return out;
}
