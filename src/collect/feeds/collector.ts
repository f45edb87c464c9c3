import { normalizeDate } from './dates.js';
import { absoluteLink } from './links.js';
import { cleanTitle } from './text.js';
import type { DroppedCounts, FeedEntry } from './types.js';

/**
 * An entry as a format handler found it: texts as written. Dates and titles are
 * cleaned only for entries that are kept, so a sitemap of a million URLs costs
 * little past the cap.
 */
export interface EntryDraft {
  link?: string | undefined;
  base?: string | undefined;
  /** Date texts, best first: the first that parses becomes `published`. */
  dates?: ReadonlyArray<string | undefined> | undefined;
  title?: string | undefined;
  /** The title's declared type (Atom `type="html"`), which decides how it is cleaned. */
  titleType?: string | undefined;
}

/**
 * Turns drafts into entries in document order: applies the cap, checks links, skips
 * exact repeats of a URL already kept, and counts what it leaves out. Once the cap
 * is reached every further entry counts as over the limit, whatever its link.
 */
export class EntryCollector {
  readonly entries: FeedEntry[] = [];
  private readonly seen = new Set<string>();
  private readonly counts = { scheme: 0, invalid: 0, overLimit: 0, missingLink: 0 };

  constructor(private readonly maxEntries: number) {}

  add(draft: EntryDraft): void {
    if (this.entries.length >= this.maxEntries) {
      this.counts.overLimit++;
      return;
    }
    const verdict = absoluteLink(draft.link, draft.base);
    if (!verdict.ok) {
      this.counts[verdict.reason]++;
      return;
    }
    if (this.seen.has(verdict.url)) return;
    this.seen.add(verdict.url);
    const published = firstDate(draft.dates);
    const title = draft.title === undefined ? undefined : cleanTitle(draft.title, draft.titleType);
    this.entries.push({
      url: verdict.url,
      ...(published === undefined ? {} : { published }),
      ...(title === undefined ? {} : { title }),
    });
  }

  get dropped(): DroppedCounts {
    return { ...this.counts };
  }
}

function firstDate(dates: ReadonlyArray<string | undefined> | undefined): string | undefined {
  for (const date of dates ?? []) {
    const normalized = normalizeDate(date);
    if (normalized !== undefined) return normalized;
  }
  return undefined;
}
