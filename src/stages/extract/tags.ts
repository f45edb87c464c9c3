import { C_HIDDEN, C_SHOWN, classAttrFlags } from './classes.js';

/** Tag and attribute vocabularies the extractor reasons with. */

/** Elements whose content is never article text: code, controls, embeds, machine data. */
export const NEVER_BODY_TAGS: ReadonlySet<string> = new Set([
  'head', 'title', 'meta', 'link', 'base', 'script', 'style', 'noscript', 'template', 'svg', 'math',
  'button', 'input', 'select', 'textarea', 'option', 'optgroup', 'datalist', 'output', 'progress', 'meter',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'canvas', 'video', 'audio', 'source', 'track',
  'map', 'area', 'dialog', 'img', 'picture', 'param',
]);

/** Elements that start a new block of text; everything else flows inline. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  '#root', 'html', 'body', 'address', 'article', 'aside', 'blockquote', 'center', 'dd', 'details', 'dir', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead',
  'tfoot', 'tr', 'td', 'th', 'caption', 'ul', 'legend', 'listing', 'plaintext', 'xmp',
]);

/** Landmarks that hold page furniture rather than content. */
export const FURNITURE_TAGS: ReadonlySet<string> = new Set(['nav', 'aside', 'footer', 'header', 'menu']);

export const HEADING_TAGS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

const HIDDEN_STYLE = /(?:^|;|\s)(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/**
 * True when the element is hidden from readers or is there only for machines.
 * `lenient` reads the page as it is before scripts run: `<noscript>` shows, and the
 * hiding utility classes that scripts remove once the page is ready do not hide.
 * `classNameFlags` is `classAttrFlags(attrs)`, passed in by callers that have it already.
 */
export function isHidden(
  tag: string,
  attrs: Readonly<Record<string, string>>,
  lenient = false,
  classNameFlags?: number,
): boolean {
  if (NEVER_BODY_TAGS.has(tag)) return !(lenient && tag === 'noscript');
  // React's streamed server rendering parks finished segments in `<div hidden id="S:0">`
  // and its runtime moves them into the page at once: they are the page's content.
  if (attrs.hidden !== undefined && !(tag === 'div' && /^S:\d+$/.test(attrs.id ?? ''))) return true;
  const ariaHidden = attrs['aria-hidden'];
  if (ariaHidden !== undefined && ariaHidden.trim().toLowerCase() === 'true') return true;
  const style = attrs.style;
  if (style !== undefined && HIDDEN_STYLE.test(style)) return true;
  if (!lenient) {
    // A hiding utility class, unless a responsive one shows it on some screens
    // (`hidden md:block`, `d-none d-lg-block`).
    const flags = classNameFlags ?? classAttrFlags(attrs);
    if ((flags & C_HIDDEN) !== 0 && (flags & C_SHOWN) === 0) return true;
  }
  if (tag === 'span' || tag === 'div' || tag === 'a') {
    // Microdata carriers: an element with itemprop and a content attribute holds its value
    // for machines; whatever text it shows is a duplicate of visible text elsewhere.
    if (attrs.itemprop !== undefined && attrs.content !== undefined) return true;
  }
  return false;
}
