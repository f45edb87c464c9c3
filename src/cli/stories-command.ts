import { parseArgs } from 'node:util';
import type { StorySummary } from '../store/queries.js';
import { parseArgsMessage, UsageError, wholeNumber } from './args.js';
import { withStoreReader } from './store-commands.js';
import { storePath, write, type Streams } from './streams.js';

export const STORIES_HELP = `Usage: dateline stories [--db FILE] [--json] [--limit N]

Lists the store's stories, the most recently grown first: articles on one event or
development, linked as they were ingested, with their copies counted apart. Each line
gives the story's id, its articles (and how many are copies), its first and last
publication date and its label (its most representative headline). --json prints one
object a line: {"id", "label", "articles", "copies", "first", "last"}. --limit N shows
the first N stories (default: all).`;

/** The largest --limit: any collection's stories. */
const MAX_STORIES = 1_000_000_000;

/** `dateline stories` (argv after the command). Resolves to the exit status. */
export async function runStoriesCommand(argv: readonly string[], streams: Streams): Promise<number> {
  let values: { db?: string | undefined; json?: boolean | undefined; limit?: string | undefined; help?: boolean | undefined };
  let limit = Number.POSITIVE_INFINITY;
  try {
    values = parseArgs({ args: [...argv], allowPositionals: false, strict: true, options: { db: { type: 'string' }, json: { type: 'boolean' }, limit: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }).values;
    if (values.limit !== undefined) limit = wholeNumber(values.limit, '--limit', 1, MAX_STORIES);
  } catch (error) {
    await write(streams.err, `dateline: ${error instanceof UsageError ? error.message : parseArgsMessage(error)}\nTry 'dateline stories --help' for the options.\n`);
    return 2;
  }
  if (values.help === true) {
    await write(streams.out, `${STORIES_HELP}\n`);
    return 0;
  }
  const db = storePath(values.db);
  const json = values.json === true;
  return withStoreReader(db, streams, async (store) => {
    let shown = 0;
    let cursor: string | undefined;
    do {
      const page = store.stories({ limit: Math.min(100, limit - shown), ...(cursor !== undefined ? { cursor } : {}) });
      for (const story of page.results) await write(streams.out, json ? `${JSON.stringify(story)}\n` : `${line(story)}\n`);
      shown += page.results.length;
      cursor = page.next ?? undefined;
    } while (cursor !== undefined && shown < limit);
    if (shown === 0 && !json) await write(streams.err, `dateline: ${db} has no stories yet: articles are linked into stories as they are ingested.\n`);
  });
}

function line(story: StorySummary): string {
  const span = story.first === null ? 'undated' : `${story.first.slice(0, 10)}${story.last !== null && story.last.slice(0, 10) !== story.first.slice(0, 10) ? ` – ${story.last.slice(0, 10)}` : ''}`;
  const size = `${story.articles} article${story.articles === 1 ? '' : 's'}${story.copies > 0 ? ` (${story.copies} cop${story.copies === 1 ? 'y' : 'ies'})` : ''}`;
  return `#${story.id}  ${size}  ${span}  ${story.label ?? '(no headline)'}`;
}
