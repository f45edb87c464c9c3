import type { EntryCollector } from './collector.js';
import { absoluteSiteUrl } from './links.js';
import { cleanTitle } from './text.js';
import { FeedError } from './types.js';

/** The JSON Feed marker (versions 1 and 1.1); http is accepted too, as some feeds write it. */
const JSON_FEED_VERSION = /^https?:\/\/jsonfeed\.org\/version\//;

/** JSON nested deeper than this is not a feed; parsing it first would cost seconds (V8 copes, slowly). */
const MAX_JSON_DEPTH = 64;
/** 64 Mi characters: above the 50 MiB a fetched feed may have. */
const MAX_JSON_LENGTH = 64 * 1024 * 1024;

/** What a JSON Feed says about itself. */
export interface JsonFeedHead {
  readonly title: string | undefined;
  readonly siteUrl: string | undefined;
}

/**
 * Reads a JSON Feed into the collector: `items[].url`, else `external_url`, with
 * `date_published` and `title`. Throws FeedError when the text is not JSON, nests
 * too deep, or has no JSON Feed `version`.
 */
export function readJsonFeed(text: string, baseUrl: string | undefined, collector: EntryCollector): JsonFeedHead {
  if (text.length > MAX_JSON_LENGTH) {
    throw new FeedError(`The JSON is over ${MAX_JSON_LENGTH / 1024 / 1024} Mi characters; too large for a feed.`);
  }
  if (exceedsDepth(text, MAX_JSON_DEPTH)) {
    throw new FeedError(`The JSON nests deeper than ${MAX_JSON_DEPTH} levels; a JSON Feed never does.`);
  }
  let feed: unknown;
  try {
    feed = JSON.parse(text);
  } catch {
    throw new FeedError('The text starts like JSON but does not parse as JSON.');
  }
  if (!isRecord(feed) || typeof feed['version'] !== 'string' || !JSON_FEED_VERSION.test(feed['version'])) {
    throw new FeedError('The JSON has no JSON Feed "version" (https://jsonfeed.org/version/1 or 1.1).');
  }
  const feedUrl = absoluteSiteUrl(stringField(feed, 'feed_url'), undefined);
  // Where the feed came from is the base; feed_url only stands in for a local file.
  const base = baseUrl ?? feedUrl;
  const items = Array.isArray(feed['items']) ? (feed['items'] as unknown[]) : [];
  for (const item of items) {
    if (!isRecord(item)) {
      collector.add({});
      continue;
    }
    collector.add({
      base,
      link: stringField(item, 'url') ?? stringField(item, 'external_url'),
      dates: [stringField(item, 'date_published')],
      title: stringField(item, 'title'),
    });
  }
  return {
    title: cleanTitle(stringField(feed, 'title') ?? ''),
    siteUrl: absoluteSiteUrl(stringField(feed, 'home_page_url'), base),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** Whether brackets outside strings nest deeper than `limit`: one pass, no parsing. */
function exceedsDepth(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return false;
}
