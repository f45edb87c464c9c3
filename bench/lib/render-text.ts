/**
 * Renders an HTML page to the plain text a scraper or a browser "select all" copy would
 * save: every visible text in document order, one line per block element, navigation,
 * menus, footers, related lists and cookie banners included; scripts, styles, templates
 * and hidden elements left out. A bench tool (it builds the scraped-text benchmark), not
 * part of the product.
 */
import { Parser } from 'htmlparser2';

/** Elements whose content is never visible text. */
const SKIP = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'audio',
  'video',
  'select',
  'datalist',
  'textarea',
  'title',
  'meta',
  'link',
]);

/** Elements that start and end a line. */
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul',
]);

/** Table cells: separated by a tab within their row's line. */
const CELL = new Set(['td', 'th']);

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

function isHidden(name: string, attrs: Record<string, string>): boolean {
  if ('hidden' in attrs) return true;
  if (attrs['aria-hidden'] === 'true') return true;
  if (name === 'input') return true;
  const style = (attrs.style ?? '').toLowerCase().replace(/\s+/g, '');
  if (style.includes('display:none') || style.includes('visibility:hidden')) return true;
  return false;
}

function charsetOf(html: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(html.subarray(0, 4096)).toLowerCase();
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.-]+)/.exec(head);
  const label = match?.[1];
  if (label === undefined) return 'utf-8';
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return 'utf-8';
  }
}

/** Decodes page bytes: BOM, then `<meta charset>`, then UTF-8. */
export function decodeHtml(html: Uint8Array): string {
  if (html[0] === 0xef && html[1] === 0xbb && html[2] === 0xbf) return new TextDecoder('utf-8').decode(html);
  // Bytes that are valid UTF-8 are UTF-8 whatever the page declares (a common mis-declaration).
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(html);
  } catch {
    return new TextDecoder(charsetOf(html)).decode(html);
  }
}

/** The visible text of an HTML page, one line per block element, no blank lines. */
export function renderText(html: string): string {
  const lines: string[] = [];
  let current = '';
  /** Depth inside skipped or hidden elements (0 = visible). */
  let skipDepth = 0;
  /** Depth inside <pre>. */
  let preDepth = 0;
  const stack: { name: string; skipping: boolean }[] = [];

  const flush = () => {
    const line = preDepth > 0 ? current.replace(/[ \t]+$/g, '') : current.replace(/\s+/g, ' ').trim();
    if (line.length > 0) lines.push(line);
    current = '';
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const skipping = skipDepth > 0 || SKIP.has(name) || isHidden(name, attrs);
        if (!VOID.has(name)) stack.push({ name, skipping });
        if (skipping) {
          if (!VOID.has(name)) skipDepth++;
          return;
        }
        if (name === 'br') {
          flush();
          return;
        }
        if (name === 'img') return;
        if (BLOCK.has(name)) flush();
        else if (CELL.has(name)) {
          if (current.trim().length > 0) current += '\t';
        } else if (name === 'button' || name === 'label') current += ' ';
        if (name === 'pre') preDepth++;
      },
      ontext(data) {
        if (skipDepth > 0) return;
        if (preDepth > 0) {
          const parts = data.split('\n');
          current += parts[0];
          for (let i = 1; i < parts.length; i++) {
            flush();
            current += parts[i];
          }
          return;
        }
        current += data;
      },
      onclosetag(name) {
        if (VOID.has(name)) return;
        // Pop to the matching element (htmlparser2 reports implied closes).
        let index = stack.length - 1;
        while (index >= 0 && stack[index]!.name !== name) index--;
        if (index < 0) return;
        while (stack.length > index) {
          const entry = stack.pop()!;
          if (entry.skipping) {
            skipDepth = Math.max(0, skipDepth - 1);
            continue;
          }
          if (entry.name === 'pre') {
            flush();
            preDepth = Math.max(0, preDepth - 1);
          } else if (BLOCK.has(entry.name)) flush();
          else if (CELL.has(entry.name)) current += ' ';
          else if (entry.name === 'button' || entry.name === 'label') current += ' ';
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return lines.join('\n');
}
