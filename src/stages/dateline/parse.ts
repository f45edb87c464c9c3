import { AGENCIES, agencyOf } from '../../rules/lexicons/agencies.js';
import { isDatelineCity } from '../../rules/lexicons/cities.js';
import { COUNTRIES, COUNTRY_ALIASES } from '../../rules/lexicons/countries.js';
import { CANADIAN_PROVINCES, US_STATES } from '../../rules/lexicons/us-states.js';

/** A dateline found at the start of a paragraph, offsets relative to that paragraph. */
export interface FoundDateline {
  /** Offset of the dateline's first character in the paragraph. */
  readonly start: number;
  /** Offset just past its last character (before the closing punctuation). */
  readonly end: number;
  readonly text: string;
  readonly place: string;
  readonly country?: string;
  readonly agency?: string;
}

interface Region {
  readonly kind: 'country' | 'us-state' | 'province';
  readonly name: string;
}

const REGIONS: Map<string, Region> = (() => {
  const m = new Map<string, Region>();
  const put = (form: string, region: Region): void => {
    if (!m.has(form)) m.set(form, region);
    const upper = form.toUpperCase();
    if (!m.has(upper)) m.set(upper, region);
  };
  for (const c of COUNTRIES) put(c, { kind: 'country', name: COUNTRY_ALIASES[c] ?? c });
  for (const s of US_STATES) {
    put(s.name, { kind: 'us-state', name: s.name });
    for (const ap of s.ap ?? []) put(ap, { kind: 'us-state', name: s.name });
  }
  for (const p of CANADIAN_PROVINCES) {
    put(p.name, { kind: 'province', name: p.name });
    for (const ap of p.ap ?? []) put(ap, { kind: 'province', name: p.name });
  }
  return m;
})();

/** Longest region form first, so "New Mexico" wins over "New". */
const REGION_FORMS = [...REGIONS.keys()].sort((a, b) => b.length - a.length);

/** All-capital openers that are labels, not places. */
const NOT_PLACES = new Set([
  'BREAKING', 'BREAKING NEWS', 'UPDATE', 'UPDATED', 'EXCLUSIVE', 'WATCH', 'VIDEO', 'PHOTOS', 'PHOTO', 'OPINION',
  'ANALYSIS', 'EDITORIAL', "EDITOR'S NOTE", 'EDITOR’S NOTE', 'NOTE', 'LIVE', 'CORRECTION', 'CLARIFICATION', 'FILE',
  'COMMENTARY', 'REVIEW', 'INTERVIEW', 'SPONSORED', 'ADVERTISEMENT', 'AD', 'PROMOTED', 'FACT CHECK', 'EXPLAINER',
  'WARNING', 'ALERT', 'NEWS', 'READ MORE', 'RELATED', 'SUMMARY', 'TL;DR', 'TLDR', 'Q', 'A', 'FAQ', 'PODCAST',
  'LISTEN', 'WASHINGTON POST', 'THE', 'I', 'WE', 'OK', 'FYI', 'PS', 'P.S.', 'NB', 'N.B.', 'AND', 'BUT', 'SO', 'IF',
  'CEO', 'CFO', 'USA TODAY', 'BBC', 'CNN', 'NBC', 'CBS', 'ABC', 'FOX', 'UPDATE 1', 'UPDATE 2', 'UPDATE 3',
]);

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
const DATE_PART = new RegExp(`^,?\\s*(?:${MONTH}\\s+\\d{1,2}(?:,?\\s+\\d{4})?|\\d{1,2}\\s+${MONTH}(?:\\s+\\d{4})?)`, 'i');
/** Closing punctuation of a dateline: a dash of some kind, or a colon. */
const SEPARATOR = /^\s*(?:--|[—–-]|:)\s+|^\s*[—–]\s*/;
/** An all-capital place: up to five words ("NEW YORK", "ST. LOUIS", "RIO DE JANEIRO", "WINSTON-SALEM"). */
const UPPER_PLACE = /^(?:\p{Lu}[\p{Lu}.'’-]*(?![\p{Ll}])(?:\s+(?:de|da|do|del|la|le|el|al|of|on|upon|du|des|di|am|an|der|y)(?=\s))?)(?:\s+\p{Lu}[\p{Lu}.'’-]*(?![\p{Ll}])(?:\s+(?:de|da|do|del|la|le|el|al|of|on|upon|du|des|di|am|an|der|y)(?=\s))?){0,4}/u;
/** A place in ordinary case: up to four capitalized words ("Beirut", "New Delhi", "Port-au-Prince"). */
const MIXED_PLACE = /^\p{Lu}[\p{Ll}'’]+(?:[-‐](?:\p{Lu}|au-|de-|sur-|en-|le-|la-)?[\p{L}'’-]+)*(?:\s+(?:(?:de|da|do|del|la|el|al|of|on|upon|du|des|di)\s+)?\p{Lu}[\p{Ll}'’]+(?:-[\p{L}]+)*){0,3}/u;

const SMALL_WORDS = new Set(['de', 'da', 'do', 'del', 'la', 'le', 'el', 'of', 'on', 'upon', 'du', 'des', 'di', 'am', 'an', 'der', 'y', 'au', 'sur', 'en']);

/** "SAMARKAND" → "Samarkand", "RIO DE JANEIRO" → "Rio de Janeiro", "ST. LOUIS" → "St. Louis". */
export function ordinaryCase(place: string): string {
  if (place !== place.toUpperCase()) return place;
  return place
    .toLowerCase()
    .split(/(\s+|-)/)
    .map((w, i) => {
      if (/^\s+$|^-$/.test(w)) return w;
      if (i > 0 && SMALL_WORDS.has(w)) return w;
      return w.replace(/^(\p{Ll})/u, (c) => c.toUpperCase()).replace(/(['’])(\p{Ll})/u, (_m, q: string, c: string) => q + c.toUpperCase());
    })
    .join('');
}

function matchRegion(text: string): { form: string; region: Region } | undefined {
  for (const form of REGION_FORMS) {
    if (!text.startsWith(form)) continue;
    const next = text.charAt(form.length);
    // The form must end at a word boundary ("Ga." but not "Gabon" for "Ga").
    if (next !== '' && /[\p{L}\p{N}]/u.test(next) && !form.endsWith('.')) continue;
    // Two-letter capitals ("IN", "OR", "ME") read as words too often; only with a full stop.
    if (form.length <= 2 && /^\p{Lu}+$/u.test(form) && !['US', 'UK', 'DC'].includes(form)) continue;
    return { form, region: REGIONS.get(form)! };
  }
  return undefined;
}

function matchAgency(text: string): { length: number; agency: string; known: boolean } | undefined {
  const m = /^\s*[([]\s*([^)\]]{1,40}?)\s*[)\]]/.exec(text);
  if (m === null) return undefined;
  const inner = m[1]!;
  const known = agencyOf(inner);
  if (known !== undefined) return { length: m[0].length, agency: known, known: true };
  // A broadcaster's or paper's short name in capitals: "(CNN)", "(WABC)".
  if (/^\p{Lu}{2,6}$/u.test(inner)) return { length: m[0].length, agency: inner, known: false };
  // "(Reuters/AP)": the first one named.
  for (const part of inner.split(/[/,&]| and /)) {
    const a = agencyOf(part.trim());
    if (a !== undefined) return { length: m[0].length, agency: a, known: true };
  }
  return undefined;
}

/**
 * The dateline at the very start of a paragraph ("KYIV, Ukraine (AP) —", "LONDON, Sept
 * 16 (Reuters) -", "Beirut, Lebanon — "), or undefined. Ordinary sentence openings
 * ("However, the …", "Last year, …") are not datelines: a place in ordinary case must
 * be followed by a known country or state, or by a news agency.
 */
export function parseDateline(paragraph: string): FoundDateline | undefined {
  const lead = /^[\s\u00a0]*/.exec(paragraph)![0].length;
  const text = paragraph.slice(lead, lead + 200);
  if (text.length < 4) return undefined;
  let upper = UPPER_PLACE.exec(text);
  if (upper !== null && !/\p{Lu}{2}/u.test(upper[0].replace(/[.'’\s-]/g, ''))) upper = null;
  const mixed = upper === null ? MIXED_PLACE.exec(text) : null;
  let placeText = (upper ?? mixed)?.[0];
  if (placeText === undefined) return undefined;
  const isUpper = upper !== null;
  // An all-capital run must hold a real word (not "I" or "A") and not be a label.
  placeText = placeText.replace(/[\s,]+$/, '');
  if (isUpper) {
    if (!/\p{Lu}{2}/u.test(placeText.replace(/[.'’-]/g, ''))) return undefined;
    if (NOT_PLACES.has(placeText) || NOT_PLACES.has(placeText.replace(/[.:]$/, ''))) return undefined;
    if (AGENCIES.some((a) => a.forms.includes(placeText!))) return undefined;
  }
  let pos = placeText.length;
  let region: Region | undefined;
  let regionForm: string | undefined;
  // ", Ukraine" / ", Fla." / ", UKRAINE"
  const comma = /^,\s*/.exec(text.slice(pos));
  if (comma !== null) {
    const r = matchRegion(text.slice(pos + comma[0].length));
    if (r !== undefined) {
      region = r.region;
      regionForm = r.form;
      pos += comma[0].length + r.form.length;
    }
  }
  // ", Sept 16"
  let hasDate = false;
  const date = DATE_PART.exec(text.slice(pos));
  if (date !== null && (date[0].startsWith(',') || region !== undefined || /^\s/.test(date[0]))) {
    hasDate = true;
    pos += date[0].length;
  }
  // " (AP)"
  let agency: string | undefined;
  let knownAgency = false;
  const ag = matchAgency(text.slice(pos));
  if (ag !== undefined) {
    agency = ag.agency;
    knownAgency = ag.known;
    pos += ag.length;
  }
  const end = pos;
  const sep = SEPARATOR.exec(text.slice(pos));
  if (sep === null) {
    // Without closing punctuation only "PLACE (Agency) Text" is a dateline, with an agency we know.
    if (!knownAgency || !/^\s+\S/.test(text.slice(pos))) return undefined;
  }
  // "The American Dental Association (ADA) emphasizes": a name and its acronym, not a dateline.
  if (!isUpper && agency !== undefined && !knownAgency && region === undefined) return undefined;
  if (!isUpper && /^(?:The|A|An|This|That|Our|My|Your|Its|Their)\s/.test(placeText)) return undefined;
  // What follows must be text, not nothing.
  const after = text.slice(pos + (sep?.[0].length ?? 0));
  if (!/^\S/.test(after.trimStart()) && after.trim() === '' && paragraph.length > lead + end + 2) return undefined;
  if (!isUpper && region === undefined && agency === undefined) return undefined;
  if (!isUpper && placeText.split(/\s+/).length > 4) return undefined;
  // A colon after an all-capital word with no region or agency is a label ("NOTE:"); only
  // accept it for places of several letters followed by a capitalized sentence.
  if (isUpper && region === undefined && agency === undefined && !hasDate) {
    const city = isDatelineCity(placeText);
    // "SKU:", "QUICK SUMMARY:", "DEAR ABBY:": a colon after capitals is a label unless the place is a known city.
    if (!city && !/^\s*(?:--|[—–-])/.test(text.slice(pos))) return undefined;
    if (!/^\p{Lu}|^[“"‘'(\d]/u.test(after.trimStart())) return undefined;
    const letters = placeText.replace(/[^\p{L}]/gu, '').length;
    if (!city && (letters < 4 || (letters <= 4 && !placeText.includes(' ')))) return undefined;
  }
  let place = ordinaryCase(placeText);
  let country: string | undefined;
  if (region !== undefined) {
    if (region.kind === 'country') country = region.name;
    else if (region.kind === 'us-state') {
      country = 'United States';
      if (region.name !== 'District of Columbia') place = `${place}, ${region.name}`;
    } else {
      country = 'Canada';
      place = `${place}, ${region.name}`;
    }
  }
  void regionForm;
  const out: FoundDateline = {
    start: lead,
    end: lead + end,
    text: text.slice(0, end),
    place,
    ...(country !== undefined ? { country } : {}),
    ...(agency !== undefined ? { agency } : {}),
  };
  return out;
}
