/**
 * Names each line set aside from the article: its furniture kind and a reason a user can
 * check ("one of 16 similar title-like lines in a row: a list of headlines").
 */
import type { Furniture, FurnitureKind } from '../../doc/news-doc.js';
import type { Verdict } from './classify.js';
import type { Features } from './features.js';
import type { Unit } from './lines.js';

/** Strips a trailing list delimiter (" -", " |", " •") some scrapers leave on each item. */
const TRAILING_DELIMITER = /\s+[-–—|•·]$/u;

function headlineLike(f: Features, text: string): boolean {
  const bare = text.replace(TRAILING_DELIMITER, '');
  return f.words >= 3 && f.words <= 25 && !/[.。]["'”’»)\]]*$/u.test(bare) && f.lexicon === undefined && !f.dateLine;
}

/** A menu written on one line: three or more short items between "|", "•" or "·". */
function menuLine(text: string): number {
  const items = text.split(/\s+[|•·]\s+/u).map((item) => item.trim());
  const short = items.every((item) => item !== '' && item.split(/\s+/).length <= 3 && !/[.!?]$/.test(item));
  return items.length >= 3 && short ? items.length : 0;
}

function menuLike(f: Features): boolean {
  return f.words >= 1 && f.words <= 3 && !f.sentenceEnd && !f.separator;
}

export function describeFurniture(
  units: readonly Unit[],
  features: readonly Features[],
  verdict: Verdict,
  kept: (index: number) => boolean,
  bylines: ReadonlyMap<number, string> = new Map(),
): Furniture[] {
  const n = units.length;
  const kinds: (FurnitureKind | undefined)[] = new Array<FurnitureKind | undefined>(n).fill(undefined);
  const reasons: string[] = new Array<string>(n).fill('');

  // Runs of set-aside lines: lists of headlines and menus are told by their shape.
  let i = 0;
  while (i < n) {
    if (kept(i) || features[i]!.separator) {
      i++;
      continue;
    }
    let j = i;
    const members: number[] = [];
    while (j < n && !kept(j)) {
      if (!features[j]!.separator) members.push(j);
      j++;
    }
    const headlines = members.filter((m) => headlineLike(features[m]!, units[m]!.text));
    const menus = members.filter((m) => menuLike(features[m]!));
    // Consecutive stretches within the run.
    const stretches = (set: readonly number[]) => {
      const out: number[][] = [];
      let current: number[] = [];
      const inSet = new Set(set);
      for (const m of members) {
        if (inSet.has(m)) current.push(m);
        else {
          if (current.length > 0) out.push(current);
          current = [];
        }
      }
      if (current.length > 0) out.push(current);
      return out;
    };
    for (const stretch of stretches(headlines)) {
      if (stretch.length < 3) continue;
      for (const m of stretch) {
        kinds[m] = 'headline-list';
        reasons[m] = `one of ${stretch.length} similar title-like lines in a row, outside the article: a list of headlines`;
      }
    }
    for (const stretch of stretches(menus)) {
      if (stretch.length < 3) continue;
      for (const m of stretch) {
        if (kinds[m] !== undefined) continue;
        kinds[m] = 'navigation';
        reasons[m] = `one of ${stretch.length} one-to-three-word lines in a row: a menu`;
      }
    }
    i = j;
  }

  const out: Furniture[] = [];
  for (let k = 0; k < n; k++) {
    if (kept(k)) continue;
    const f = features[k]!;
    const unit = units[k]!;
    let kind = kinds[k];
    let reason = reasons[k]!;
    const read = bylines.get(k);
    if (read !== undefined) {
      kind = 'byline';
      reason = `a byline or date line near the top of the article (${read})`;
    } else if (f.lexicon !== undefined) {
      kind = f.lexicon.kind;
      reason = `reads as ${f.lexicon.label}`;
    } else if (kind === undefined) {
      if (f.separator) {
        kind = 'separator';
        reason = 'a separator line without words';
      } else if (f.endMarker) {
        kind = 'separator';
        reason = 'an end-of-story marker';
      } else if (f.dateLine) {
        kind = 'byline';
        reason = 'a bare date or time line';
      } else if (menuLine(unit.text) > 0) {
        kind = 'navigation';
        reason = `${menuLine(unit.text)} short items between separators on one line: a menu`;
      } else if (verdict.commentsFrom !== undefined && k >= verdict.commentsFrom) {
        kind = 'other';
        reason = 'part of the comment section after the article';
      } else {
        kind = 'other';
        const outside = k < verdict.region.start ? 'before' : k >= verdict.region.end ? 'after' : 'inside';
        const where = outside === 'inside' ? 'among the article lines' : `${outside} the article's main stretch of prose`;
        const initial = verdict.initial[k];
        if (initial === 'short') reason = `a short line ${where}, with furniture around it`;
        else if (initial === 'bad') reason = `text with few function words (not running prose), ${where}`;
        else reason = `prose ${where}, separated from the article by furniture`;
      }
    }
    out.push({ kind, reason, text: unit.text, inputSpan: { start: unit.start, end: unit.end } });
  }
  return out;
}
