import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { asDatelineError } from '../doc/errors.js';
import { listFiles } from '../io/inputs.js';
import type { Loaded } from './content.js';
import { leftOut, parseContainer, siteLinks } from './content.js';
import { sniffFeedKind } from './feeds/index.js';
import { FetchError } from './fetch/errors.js';
import { INGEST_EXTENSIONS } from './ingest.js';
import { isWarcFile, loadFromFile, loadFromNetwork, MAX_FEED_BYTES, parseInputLine } from './loaders.js';
import { Network, type NetworkOptions } from './network.js';
import { ItemError } from './outcomes.js';
import { resolveSource } from './sources.js';
import { readWarc } from './warc/index.js';

export interface ListedEntry {
  readonly url: string;
  /** The source, as the user named it (for a folder: the file). */
  readonly source: string;
  readonly published?: string;
  /** `sitemap` for a sitemap an index names that could not be fetched: listed as itself, so nothing the index names goes unlisted. */
  readonly kind?: 'sitemap';
}

export interface ListOptions {
  readonly network?: NetworkOptions;
  readonly since?: Date;
  readonly signal?: AbortSignal;
  readonly stdin?: Readable;
  readonly onEntry: (entry: ListedEntry) => void | Promise<void>;
  readonly onError: (source: string, error: { code: string; message: string }) => void | Promise<void>;
  /** Entries of a feed or sitemap that were not listed, and why (not http(s), unparseable…). */
  readonly onNotice?: (source: string, message: string) => void | Promise<void>;
}

/** A sitemap index → its sitemaps → their pages, and no deeper. */
const MAX_DEPTH = 2;

/**
 * The article URLs the sources lead to, in feed order, fetching feeds, sitemaps and
 * home pages (politely, through the same guarded fetcher as ingest) but no article, and
 * writing nothing. Resolves to the number of sources or containers that failed.
 */
export async function listSources(sources: readonly string[], options: ListOptions): Promise<number> {
  const network = new Network(options.network ?? {});
  let failures = 0;
  const fail = async (source: string, error: unknown) => {
    failures++;
    await options.onError(source, describe(error));
  };
  try {
    for (const arg of sources) {
      if (options.signal?.aborted) break;
      try {
        const spec = await resolveSource(arg);
        if (spec.kind === 'stdin') await listStdin(options);
        else if (spec.kind === 'url') await listLoaded(await fetchLoaded(network, arg, options), arg, 0, true, network, options, fail);
        else {
          const files = spec.kind === 'folder' ? await listFiles(arg, INGEST_EXTENSIONS) : [arg];
          for (const file of files) {
            try {
              await listFile(file, spec.kind === 'folder' ? file : arg, network, options, fail);
            } catch (error) {
              await fail(file, error);
            }
          }
        }
      } catch (error) {
        await fail(arg, error);
      }
    }
  } finally {
    await network.close();
  }
  return failures;
}

async function listFile(path: string, source: string, network: Network, options: ListOptions, fail: (source: string, error: unknown) => Promise<void>): Promise<void> {
  if (await isWarcFile(path)) {
    for await (const record of readWarc(path, { wantPayload: () => false })) {
      const type = record.http?.headers.find(([name]) => name === 'content-type')?.[1] ?? '';
      if (record.type === 'response' && record.http?.status === 200 && /html/i.test(type) && record.targetUri !== undefined) {
        await options.onEntry({ url: record.targetUri, source });
      }
    }
    return;
  }
  const loaded = await loadFromFile(path);
  await listLoaded(loaded, source, 0, true, network, options, fail);
}

async function listLoaded(
  loaded: Loaded,
  source: string,
  depth: number,
  userNamed: boolean,
  network: Network,
  options: ListOptions,
  fail: (source: string, error: unknown) => Promise<void>,
): Promise<void> {
  const head = new TextDecoder().decode(loaded.bytes.subarray(0, 16 * 1024));
  if (sniffFeedKind(head) !== null) {
    const feed = parseContainer(loaded);
    const dropped = leftOut(feed);
    if (dropped !== null) await options.onNotice?.(loaded.url ?? loaded.path ?? source, dropped);
    for (const entry of feed.entries) {
      if (options.signal?.aborted) return;
      if (options.since !== undefined && entry.published !== undefined && Date.parse(entry.published) < options.since.getTime()) continue;
      if (feed.kind === 'sitemap-index') {
        if (depth >= MAX_DEPTH) continue;
        try {
          await listLoaded(await fetchLoaded(network, entry.url, options), source, depth + 1, false, network, options, fail);
        } catch (error) {
          await fail(entry.url, error);
          await options.onEntry({ url: entry.url, source, kind: 'sitemap', ...(entry.published !== undefined ? { published: entry.published } : {}) });
        }
        continue;
      }
      await options.onEntry({ url: entry.url, source, ...(entry.published !== undefined ? { published: entry.published } : {}) });
    }
    return;
  }
  const self = loaded.url ?? (loaded.path !== null ? pathToFileURL(loaded.path).href : null);
  if (userNamed && depth === 0) {
    const links = await siteLinks(loaded, (origin) => network.sitemaps(origin));
    if (links.length > 0) {
      for (const { url: link } of links) {
        try {
          await listLoaded(await fetchLoaded(network, link, options), source, depth + 1, false, network, options, fail);
        } catch (error) {
          await fail(link, error);
        }
      }
      return;
    }
  }
  if (self !== null) await options.onEntry({ url: self, source });
}

function fetchLoaded(network: Network, url: string, options: ListOptions): Promise<Loaded> {
  return loadFromNetwork(url, network, { maxBytes: MAX_FEED_BYTES, ...(options.signal !== undefined ? { signal: options.signal } : {}) });
}

async function listStdin(options: ListOptions): Promise<void> {
  const lines = createInterface({ input: options.stdin ?? process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    try {
      const parsed = parseInputLine(line);
      if (parsed.url !== undefined) await options.onEntry({ url: parsed.url, source: '-' });
    } catch (error) {
      await options.onError('-', describe(error));
    }
  }
}

function describe(error: unknown): { code: string; message: string } {
  if (error instanceof FetchError || error instanceof ItemError) return { code: error.code, message: error.message };
  const e = asDatelineError(error);
  return { code: e.code, message: e.message };
}
