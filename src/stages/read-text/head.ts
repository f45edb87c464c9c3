/**
 * The lines around the top of an article that name its authors and its date: "By Jane
 * Doe", "By Jane Doe and John Roe, Reuters", "Published 3 May 2024", "Updated: May 3,
 * 2024 10:02 AM", "2024-05-03T10:02:00+01:00". The reader keeps these lines as furniture
 * (kind `byline`); this module reads them into `metadata.authors` and
 * `metadata.published` / `metadata.modified`. Byline and date parsing is the metadata
 * stage's (`parseByline`, `datesInText`); what is decided here is which lines are
 * bylines and date lines, and which date is the publication date.
 */
import type { Author, DateField } from '../../doc/news-doc.js';
import { parseByline } from '../metadata/authors.js';
import { datesInText, labelBefore, parseDate, type ParsedDate, type TextDate } from '../metadata/dates.js';
import type { Features } from './features.js';

/** A line that credits the article's writers: "By …", "Written by …", "Author: …". */
const AUTHOR_LEAD = /^(?:(?:written|reported|words|story|text|posted)\s+)?by\b\s*[:\-–—]?\s*(?=\S)|^(?:authors?|byline|writers?)\s*[:\-–—]\s*(?=\S)/i;
/** A line that labels a date: "Published", "First published on", "Updated:", "Date:". */
const DATE_LABEL = /^(?:(?:first\s+)?published|posted|(?:last\s+)?updated|(?:last\s+)?modified|released|date)\b/i;
/** Where the date part of a byline line starts to be cut off: "on", "|", ",", "-" and labels before it. */
const BEFORE_DATE = /(?:[\s,:|•·–—-]|\b(?:on|at|last|published|posted|updated)\b)*$/i;
/** A date-time with an offset (or Z): kept with its time; any other date is kept as a day. */
const WITH_OFFSET = /T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})$/;

/** Longest line (in words) read as a byline or a date line. */
const MAX_WORDS = 20;

/**
 * The authors a byline line names, or undefined when the line is not a byline. Names
 * are people, agencies (from the agency lexicon) or organizations; a date written on the
 * same line ("By Jane Doe | 3 May 2024") is not part of any name.
 */
export function bylineAuthors(line: string): Author[] | undefined {
  const text = line.replace(/\s+/g, ' ').trim();
  const lead = AUTHOR_LEAD.exec(text);
  if (lead === null || text.split(' ').length > MAX_WORDS) return undefined;
  let names = text
    .slice(lead[0].length)
    // "By Jane DoePublished: …": a label glued to the name by the scraper.
    .replace(/(\p{Ll})((?:Last )?(?:Published|Updated|Posted|Modified))\b/gu, '$1 $2')
    // "⋅ Review Editor ⋅", "2–3 minutes", "5 min read": what follows is not a name.
    .replace(/\s[⋅∙‧]\s.*$/u, '')
    .replace(/\s*\b\d+(?:\s*[–-]\s*\d+)?\s*(?:min(?:ute)?s?|hours?|hrs?)\b.*$/iu, '');
  const date = datesInText(names, 0, names.length, {}, 1)[0];
  if (date !== undefined) names = names.slice(0, date.pos).replace(BEFORE_DATE, '');
  const authors = parseByline(names)
    .filter((a) => a.kind !== 'person' || isWrittenName(a.name))
    .map((a) => ({ ...a, name: undoubled(a.name) }));
  return authors.length > 0 ? authors : undefined;
}

/** "Colin Gray Colin Gray" (a name scraped from both a link and its label) → "Colin Gray". */
function undoubled(name: string): string {
  const words = name.split(' ');
  const half = words.length / 2;
  return Number.isInteger(half) && half > 0 && words.slice(0, half).join(' ') === words.slice(half).join(' ') ? words.slice(0, half).join(' ') : name;
}

/**
 * A person's name as a byline writes it: every word capitalised (or in a script without
 * case), bar particles ("van", "de"). "By now" and "by then" are not bylines.
 */
function isWrittenName(name: string): boolean {
  return name
    .split(/\s+/)
    .every((w) => /^\p{Lu}/u.test(w) || !/\p{Ll}/u.test(w) || /^(?:de|da|del|della|der|den|di|du|la|le|van|von|bin|al|el|y|e|dos|das|ter|ten|zu|af|av)$/i.test(w));
}

export interface LineDate {
  /** `YYYY-MM-DD`, or a date-time when the line gives a time with an offset. */
  readonly value: string;
  readonly label: TextDate['label'];
}

/**
 * The dates a date line or byline line shows, with the label before each. A line that is
 * neither (a sentence that mentions a date) gives none.
 */
export function lineDates(line: string, f: Pick<Features, 'dateLine' | 'words'>): LineDate[] {
  const text = line.replace(/\s+/g, ' ').trim();
  if (f.words > MAX_WORDS) return [];
  if (!f.dateLine && !DATE_LABEL.test(text) && !AUTHOR_LEAD.test(text)) return [];
  const found: { date: ParsedDate; label: TextDate['label'] }[] = datesInText(text, 0, text.length, {}, 4);
  if (found.length === 0) {
    // An ISO 8601 date-time ("2024-05-03T10:02:00+01:00"), which a scan for dates in running text skips.
    const iso = ISO_DATE_TIME.exec(text);
    const date = iso === null ? undefined : parseDate(iso[0]);
    if (iso !== null && date !== undefined) found.push({ date, label: labelBefore(text.slice(0, iso.index)) });
  }
  return found.map((d) => ({ value: WITH_OFFSET.test(d.date.value) ? d.date.value : d.date.day, label: d.label }));
}

const ISO_DATE_TIME = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?/;

export interface HeadMetadata {
  readonly authors: Author[];
  readonly published?: DateField;
  readonly modified?: DateField;
  /** The units read as bylines or date lines, with what was read from each. */
  readonly lines: ReadonlyMap<number, string>;
}

/**
 * Authors and dates from the lines near the top of the article: the lines between the
 * headline (or, without one, a few lines before the body) and the body, the two lines
 * just above the headline, and lines set aside among the first lines of the body. Body
 * lines are never read: a sentence that starts with "By" is not a byline.
 *
 * The publication date is the first date labelled as one ("Published …"), else the
 * first unlabelled date, else the first "Updated …" date (the page's only date); an
 * "Updated" date is also the modified date.
 */
export function readHead(
  texts: readonly string[],
  features: readonly Features[],
  headline: number | undefined,
  body: readonly number[],
): HeadMetadata {
  const lines = new Map<number, string>();
  const first = body[0];
  if (first === undefined) return { authors: [], lines };
  const bodySet = new Set(body);
  const candidates: number[] = [];
  const top = headline ?? first;
  for (let i = Math.max(0, top - (headline === undefined ? 6 : 2)); i < first; i++) if (i !== headline) candidates.push(i);
  // Past the first body unit (a headline or a standfirst kept as body), until two more body units.
  for (let i = first + 1, kept = 0; i < Math.min(texts.length, first + 6) && kept < 2; i++) {
    if (bodySet.has(i)) kept++;
    else candidates.push(i);
  }

  let authors: Author[] = [];
  const dates: LineDate[] = [];
  for (const i of candidates) {
    const text = texts[i]!;
    const f = features[i]!;
    // Above the headline only date lines count: a byline there belongs to something else.
    const named = i > top || headline === undefined ? bylineAuthors(text) : undefined;
    const found = lineDates(text, f);
    if (named !== undefined && authors.length === 0) authors = named;
    dates.push(...found);
    const read: string[] = [];
    if (named !== undefined) read.push(`names ${named.map((a) => a.name).join(', ')}`);
    if (found.length > 0) read.push(`dated ${found.map((d) => d.value).join(', ')}`);
    if (read.length > 0) lines.set(i, read.join('; '));
  }
  const published = dates.find((d) => d.label === 'published') ?? dates.find((d) => d.label === 'none') ?? dates[0];
  const updated = dates.find((d) => d.label === 'updated');
  const out: { authors: Author[]; published?: DateField; modified?: DateField; lines: Map<number, string> } = { authors, lines };
  if (published !== undefined) out.published = { value: published.value, source: 'visible-text' };
  if (updated !== undefined) out.modified = { value: updated.value, source: 'visible-text' };
  return out;
}
