/**
 * Safe HTML building for the web UI. Every page is built with the `html` tag, which
 * escapes every interpolated value unless it is already `SafeHtml`, so text from the
 * store (headlines, names, quotes, URLs, all written by strangers) can never become markup.
 * Templates must quote every attribute that takes a value (`href="${url}"`): escaping
 * makes a quoted value safe, an unquoted one is not.
 */
import { escapeHtml } from '../../output/html.js';

/** Only this module can mint SafeHtml: the constructor checks for this token. */
const TRUSTED: unique symbol = Symbol('trusted html');

/** Markup known to be safe: built by `html` from literal template text and escaped values. */
export class SafeHtml {
  readonly #markup: string;

  /** Not for use outside html.ts: build SafeHtml with the `html` tag. */
  constructor(token: typeof TRUSTED, markup: string) {
    if (token !== TRUSTED) throw new TypeError('SafeHtml is built with the html tag only');
    this.#markup = markup;
  }

  toString(): string {
    return this.#markup;
  }
}

/** What a template may interpolate. `false`, null and undefined render nothing, so `cond && html\`…\`` works. */
export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

/** The one escaping `dateline read --format html` also uses. */
export { escapeHtml };

function appendValue(out: string[], value: HtmlValue): void {
  if (value === null || value === undefined || value === false) return;
  if (value instanceof SafeHtml) out.push(value.toString());
  else if (typeof value === 'string') out.push(escapeHtml(value));
  else if (typeof value === 'number') out.push(escapeHtml(String(value)));
  else if (Array.isArray(value)) for (const item of value as readonly HtmlValue[]) appendValue(out, item);
}

/**
 * The template tag every page is built with: the literal parts are trusted markup,
 * every value is escaped unless it is SafeHtml; arrays are joined with nothing between.
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  const out: string[] = [];
  for (let i = 0; i < strings.length; i++) {
    out.push(strings[i] ?? '');
    if (i < values.length) appendValue(out, values[i]);
  }
  return new SafeHtml(TRUSTED, out.join(''));
}

/** Text as SafeHtml (escaped). */
export function text(value: string): SafeHtml {
  return new SafeHtml(TRUSTED, escapeHtml(value));
}

/** The items joined by a separator, both escaped unless already SafeHtml. */
export function joinHtml(items: readonly HtmlValue[], separator: HtmlValue): SafeHtml {
  const out: string[] = [];
  items.forEach((item, index) => {
    if (index > 0) appendValue(out, separator);
    appendValue(out, item);
  });
  return new SafeHtml(TRUSTED, out.join(''));
}

/**
 * The URL, normalised, when it is absolute http: or https:; otherwise null. Only what
 * passes here may become an `href` to another site, so `javascript:`, `data:`,
 * `vbscript:`, protocol-relative and relative addresses never become links.
 */
export function attrUrl(url: string | null | undefined): string | null {
  if (typeof url !== 'string' || url.length === 0) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
}

/** The page as the string to send. */
export function render(page: SafeHtml): string {
  return page.toString();
}
