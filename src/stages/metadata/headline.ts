/**
 * The headline, reconciled from the page's several claims: structured data
 * (JSON-LD, microdata), social tags (og:title, twitter:title), the visible `<h1>`s
 * and the `<title>` (usually "Headline | Site").
 */

export interface HeadlineClaims {
  readonly title?: string;
  readonly ogTitle?: string;
  readonly twitterTitle?: string;
  readonly jsonLd?: string;
  readonly microdata?: string;
  /** Visible h1 texts, in page order. */
  readonly h1: readonly string[];
  /** Visible h2 texts near the top, in page order (some sites put the headline in an h2). */
  readonly h2: readonly string[];
  /** Names the site goes by (og:site_name, publisher, host words), to strip from titles. */
  readonly siteNames: readonly string[];
}

const SEPARATORS = /\s+[|\-–—·•»«:~/\\]+\s+|\s*[|•·»«]\s*|\s+[-–—]\s*|\s*[-–—]\s+/;

const MON = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
/** A date written before or after an h1's words ("Dec 18 2025 Preparing …"). */
const LEADING_DATE = new RegExp(`^(?:${MON}\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+${MON}\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})\\s*[|:–—-]?\\s+(?=\\S)`, 'i');
const TRAILING_DATE = new RegExp(`\\s+[|:–—-]?\\s*(?:${MON}\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+${MON}\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})$`, 'i');

/**
 * Runs of whitespace collapsed to one space, ends trimmed. An ideographic space (U+3000)
 * standing alone is kept: CJK headlines use it as their word separator.
 */
export function normalizeSpace(text: string): string {
  return text.replace(/[\s\u00a0\u200b]+/g, (run) => (/^\u3000+$/.test(run) ? '\u3000' : ' ')).trim();
}

export function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Token F1 between two strings (bag of lower-case word tokens). */
export function tokenF1(a: string, b: string): number {
  const ta = tokens(a);
  const tb = tokens(b);
  if (ta.length === 0 || tb.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const t of ta) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of tb) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      common++;
      counts.set(t, c - 1);
    }
  }
  if (common === 0) return 0;
  const p = common / tb.length;
  const r = common / ta.length;
  return (2 * p * r) / (p + r);
}

function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function isSiteName(segment: string, siteNames: readonly string[]): boolean {
  const s = squash(segment);
  if (s === '') return true;
  for (const name of siteNames) {
    const n = squash(name);
    // Site names are short; a long "name" is a page title copied into the site's data.
    if (n === '' || n.length > 40) continue;
    if (s === n || (n.length >= 3 && s.includes(n) && s.length <= n.length + 12) || (s.length >= 3 && n.includes(s))) return true;
  }
  return false;
}

/** "Foo | Site" → "Foo", "Site - Foo" → "Foo", "Foo: Bar | Site" → "Foo: Bar". */
export function stripSiteName(title: string, siteNames: readonly string[]): string {
  const text = normalizeSpace(title);
  // Split on separators, remembering them, so kept parts can be rejoined as written.
  const parts: string[] = [];
  const seps: string[] = [];
  let rest = text;
  for (let guard = 0; guard < 10; guard++) {
    const m = SEPARATORS.exec(rest);
    if (m === null || m.index === 0) break;
    parts.push(rest.slice(0, m.index));
    seps.push(m[0]);
    rest = rest.slice(m.index + m[0].length);
  }
  parts.push(rest);
  if (parts.length === 1) return text;
  // Drop leading and trailing parts that are the site's name.
  let lo = 0;
  let hi = parts.length - 1;
  let dropped = false;
  while (hi > lo && isSiteName(parts[hi]!, siteNames)) {
    hi--;
    dropped = true;
  }
  while (lo < hi && isSiteName(parts[lo]!, siteNames)) {
    lo++;
    dropped = true;
  }
  if (!dropped) {
    // Unknown site name: a short last part after a pipe-like separator is most often the site.
    const lastSep = seps[seps.length - 1]!;
    const last = parts[parts.length - 1]!;
    const head = parts.slice(0, -1).join(' ');
    if (/[|•·»]/.test(lastSep) || (/[-–—]/.test(lastSep) && tokens(last).length <= 4 && tokens(head).length >= 3)) {
      if (tokens(last).length <= 5 && tokens(head).length >= 2) hi = parts.length - 2;
    }
  }
  // Titles with several site-ish trailers ("Foo | Section | Site").
  {
    while (hi > lo && /[|•·»]/.test(seps[hi - 1] ?? '') && tokens(parts[hi]!).length <= 3 && tokens(parts.slice(lo, hi).join(' ')).length >= 3) hi--;
  }
  let out = parts[lo]!;
  for (let k = lo + 1; k <= hi; k++) out += seps[k - 1]! + parts[k]!;
  return out.trim();
}

/** The headline the page most likely shows, reconciled from its claims. */
export function chooseHeadline(claims: HeadlineClaims): string | undefined {
  const sites = claims.siteNames;
  const clean = (s: string | undefined): string | undefined => {
    if (s === undefined) return undefined;
    const t = stripSiteName(s, sites);
    return t === '' || isSiteName(t, sites) ? undefined : t;
  };
  const title = clean(claims.title);
  const og = clean(claims.ogTitle);
  const tw = clean(claims.twitterTitle);
  const ld = clean(claims.jsonLd);
  const md = clean(claims.microdata);
  const metaClaims = [ld, og, md, tw, title].filter((x): x is string => x !== undefined);
  const h1s = claims.h1.map((h) => normalizeSpace(h).replace(/\s*[¶#§🔗]+$/u, '').replace(LEADING_DATE, '').replace(TRAILING_DATE, '')).filter((h) => h.length >= 3 && h.length <= 400 && tokens(h).length >= 1);

  // An h1 that agrees with what the page says about itself is the visible headline.
  let best: string | undefined;
  let bestScore = 0;
  for (const h of h1s) {
    let score = 0;
    for (const m of metaClaims) {
      const sim = containsOrF1(h, m);
      if (sim > score) score = sim;
    }
    if (score > bestScore + 0.05) {
      best = h;
      bestScore = score;
    }
  }
  if (best !== undefined && bestScore >= 0.45 && !isSiteName(best, sites)) return best;
  // h2 when no h1 agrees (some themes put the site logo in the h1).
  for (const h of claims.h2.map(normalizeSpace)) {
    if (h.length < 3 || h.length > 400) continue;
    for (const m of metaClaims) if (containsOrF1(h, m) >= 0.8) return h;
  }
  if (ld !== undefined && ld.length >= 3) return ld;
  if (og !== undefined && og.length >= 3) return og;
  if (md !== undefined) return md;
  if (tw !== undefined) return tw;
  if (h1s.length === 1 && tokens(h1s[0]!).length >= 3 && !isSiteName(h1s[0]!, sites)) return h1s[0];
  if (title !== undefined) return title;
  return h1s[0];
}

const MIN_CONTAIN = 8;

function containsOrF1(h: string, m: string): number {
  const a = squash(h);
  const b = squash(m);
  if (a.length >= MIN_CONTAIN && b.length >= MIN_CONTAIN && (a === b || b.includes(a) || a.includes(b))) {
    // Containment counts, weighted by how much of the longer the shorter covers.
    const ratio = Math.min(a.length, b.length) / Math.max(a.length, b.length);
    return Math.max(tokenF1(h, m), 0.6 + 0.4 * ratio);
  }
  return tokenF1(h, m);
}
