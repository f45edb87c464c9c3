import { realpath, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { NewItem, SourceKind } from '../store/store.js';
import { hostOf, urlKey } from './url-key.js';

/**
 * What the user named, before anything is fetched or read: an address (its content
 * decides later whether it is an article, a feed, a sitemap or a site's home page), a
 * file (an article, a feed, a sitemap or a web archive, by content), a folder, or `-`
 * for JSON Lines on standard input.
 */
export interface SourceSpec {
  readonly kind: SourceKind;
  /** Identity across runs: the same key is the same source, and its items are not accepted twice. */
  readonly key: string;
  /** As the user gave it. */
  readonly location: string;
  /** The item that stands for the source itself (none for a folder or standard input, whose items are listed). */
  readonly root: NewItem | null;
}

/** Anything with a scheme is an address: `https://…`, and also `file:`, `javascript:` or `gopher:`, which are then refused as such. */
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** The key of the one source standard input's lines are kept under. */
export const STDIN_SOURCE_KEY = 'stdin:';

export async function resolveSource(arg: string): Promise<SourceSpec> {
  if (arg === '-') return { kind: 'stdin', key: STDIN_SOURCE_KEY, location: '-', root: null };
  if (SCHEME.test(arg) && !/^[a-z]:[\\/]/i.test(arg)) {
    const key = urlKey(arg) ?? arg.trim();
    const host = hostOf(arg);
    // Each address as the user wrote it is a source of its own, so two spellings of one
    // address are two inputs, each accounted for (the second is a duplicate once fetched).
    return {
      kind: 'url',
      key: `url:${arg.trim()}`,
      location: arg,
      root: { key, kind: 'url', url: arg.trim(), ...(host !== null ? { host } : {}) },
    };
  }
  const absolute = resolve(arg);
  let real = absolute;
  let isDirectory = false;
  try {
    real = await realpath(absolute);
    isDirectory = (await stat(real)).isDirectory();
  } catch {
    // Missing or unreadable: the item fails with the reason when it is read.
  }
  if (isDirectory) return { kind: 'folder', key: `folder:${real}`, location: arg, root: null };
  return { kind: 'file', key: `file:${real}`, location: arg, root: { key: real, kind: 'file', path: real } };
}
