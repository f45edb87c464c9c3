import type { NewsDoc } from '../doc/news-doc.js';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const SPECIAL = /[&<>"']/;
const SPECIAL_ALL = /[&<>"']/g;

/** Text made safe for element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  // Most text needs nothing: one test avoids building a new string for it.
  return SPECIAL.test(text) ? text.replace(SPECIAL_ALL, (c) => ESCAPES[c] ?? c) : text;
}

/**
 * The article as a small, safe HTML fragment. It is built from our own blocks with every
 * piece of text escaped, never from the page's markup, so nothing executable from the
 * page can survive (no attributes, scripts, styles, links or embeds are carried over).
 */
export function toSafeHtml(doc: NewsDoc): string {
  const text = doc.text ?? '';
  const m = doc.metadata;
  const out: string[] = ['<article>'];
  if (m.headline !== undefined) out.push(`<h1>${escapeHtml(m.headline)}</h1>`);
  const byline: string[] = [];
  if (m.authors.length > 0) byline.push(`By ${m.authors.map((a) => a.name).join(', ')}`);
  if (m.published !== undefined) byline.push(`<time datetime="${escapeHtml(m.published.value)}">${escapeHtml(m.published.value)}</time>`);
  if (byline.length > 0) out.push(`<p class="byline">${byline.map((part) => (part.startsWith('<time') ? part : escapeHtml(part))).join(' · ')}</p>`);
  let openList = false;
  for (const block of doc.layers.blocks ?? []) {
    if (block.kind === 'headline') continue;
    const content = escapeHtml(text.slice(block.start, block.end));
    if (block.kind === 'list-item' && !openList) {
      out.push('<ul>');
      openList = true;
    } else if (block.kind !== 'list-item' && openList) {
      out.push('</ul>');
      openList = false;
    }
    switch (block.kind) {
      case 'heading': {
        const level = Math.min(6, Math.max(2, block.level ?? 2));
        out.push(`<h${level}>${content}</h${level}>`);
        break;
      }
      case 'list-item':
        out.push(`<li>${content}</li>`);
        break;
      case 'quote':
        out.push(`<blockquote><p>${content.replaceAll('\n', '<br>')}</p></blockquote>`);
        break;
      case 'caption':
        out.push(`<figure><figcaption>${content}</figcaption></figure>`);
        break;
      case 'preformatted':
        out.push(`<pre>${content}</pre>`);
        break;
      default:
        out.push(`<p>${content}</p>`);
    }
  }
  if (openList) out.push('</ul>');
  out.push('</article>');
  return out.join('\n') + '\n';
}
