import { createReadStream, type Dirent } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { gunzip } from 'node:zlib';
import { DatelineError } from '../doc/errors.js';

/** Largest input read, before and after gunzip (a zip bomb stops here). */
/**
 * Pages over this size are refused at once: reading takes about 0.2–0.4 s per MiB, so
 * a bigger page could not finish within the time limit anyway (RELIABILITY.md
 * proposes 10 MiB; real article pages are far below either).
 */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

/** Files a directory is searched for; an explicitly named file of any other extension is still read. */
export const SUPPORTED_EXTENSIONS = /\.(html?|xhtml|txt|text)(\.gz)?$/i;

/** One input to read, in the order the user gave them: a file, or `-` for standard input. */
export type InputRef =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'stdin'; readonly path: '-' }
  /** An address, fetched by the caller through the guarded fetcher (`src/collect`), never read here. */
  | { readonly kind: 'url'; readonly path: string }
  | { readonly kind: 'error'; readonly path: string; readonly error: DatelineError };

/** The bytes of one input, gunzipped when they were gzip. */
export interface LoadedInput {
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly gzipped: boolean;
}

export interface ReadLimits {
  /** Cap on bytes read and on bytes after gunzip; default `MAX_INPUT_BYTES`. */
  readonly maxBytes?: number;
}

/**
 * Expands the command-line inputs, keeping their order: `-` is standard input, a file is
 * itself, a directory is every supported file below it (recursively, hidden files and
 * folders skipped, sorted by name at each level). A path that does not exist, or a
 * directory with nothing to read, becomes an `error` entry in its place.
 */
export async function expandInputs(args: readonly string[]): Promise<InputRef[]> {
  const out: InputRef[] = [];
  for (const arg of args) {
    if (arg === '-') {
      out.push({ kind: 'stdin', path: '-' });
      continue;
    }
    if (/^https?:\/\//i.test(arg)) {
      out.push({ kind: 'url', path: arg });
      continue;
    }
    let info;
    try {
      info = await stat(arg);
    } catch (error) {
      out.push({ kind: 'error', path: arg, error: fsError(error) });
      continue;
    }
    if (!info.isDirectory()) {
      out.push({ kind: 'file', path: arg });
      continue;
    }
    let files: string[];
    try {
      files = await listFiles(arg);
    } catch (error) {
      out.push({ kind: 'error', path: arg, error: fsError(error) });
      continue;
    }
    if (files.length === 0) {
      out.push({
        kind: 'error',
        path: arg,
        error: new DatelineError('INPUT_EMPTY', 'The directory holds no .html, .htm, .xhtml or .txt files (optionally .gz).'),
      });
    }
    for (const file of files) out.push({ kind: 'file', path: file });
  }
  return out;
}

/**
 * Every file below a folder whose name matches `pattern`, recursively, hidden files and
 * folders skipped, sorted by name at each level, each symlinked folder once.
 */
export async function listFiles(dir: string, pattern: RegExp = SUPPORTED_EXTENSIONS): Promise<string[]> {
  const files: string[] = [];
  await walk(dir, files, new Set([await realpath(dir)]), pattern);
  return files;
}

async function walk(dir: string, files: string[], seen: Set<string>, pattern: RegExp): Promise<void> {
  const entries: Dirent[] = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      const target = await stat(path).catch(() => null);
      if (target === null) continue;
      isDir = target.isDirectory();
      isFile = target.isFile();
    }
    if (isDir) {
      const real = await realpath(path);
      if (seen.has(real)) continue; // a symlink loop
      seen.add(real);
      await walk(path, files, seen, pattern);
    } else if (isFile && pattern.test(entry.name)) {
      files.push(path);
    }
  }
}

/**
 * Reads one input's bytes. Gzip is recognised by its magic bytes (whatever the file is
 * called) and gunzipped with the same cap. Throws a DatelineError: `INPUT_NOT_FOUND`,
 * `INPUT_UNREADABLE`, `INPUT_EMPTY`, `INPUT_TOO_LARGE`, `INPUT_GZIP_CORRUPT`.
 */
export async function loadInput(ref: InputRef, limits: ReadLimits = {}, stdin: Readable = process.stdin): Promise<LoadedInput> {
  const maxBytes = limits.maxBytes ?? MAX_INPUT_BYTES;
  if (ref.kind === 'error') throw ref.error;
  if (ref.kind === 'url') throw new DatelineError('INPUT_UNSUPPORTED', 'An address is fetched, not read from a file.');
  let raw: Uint8Array;
  if (ref.kind === 'stdin') {
    raw = await readCapped(stdin, maxBytes);
  } else {
    let info;
    try {
      info = await stat(ref.path);
    } catch (error) {
      throw fsError(error);
    }
    if (info.isDirectory()) throw new DatelineError('INPUT_UNSUPPORTED', 'This is a directory.');
    if (info.isFile()) {
      if (info.size > maxBytes) throw tooLarge(info.size, maxBytes);
      try {
        raw = await readFile(ref.path);
      } catch (error) {
        throw fsError(error);
      }
      if (raw.length > maxBytes) throw tooLarge(raw.length, maxBytes);
    } else {
      // A FIFO or device: read as a stream, with the cap (think /dev/zero).
      raw = await readCapped(createReadStream(ref.path), maxBytes);
    }
  }
  if (raw.length === 0) throw new DatelineError('INPUT_EMPTY', 'The input is empty (0 bytes).');
  if (raw[0] === 0x1f && raw[1] === 0x8b) {
    const bytes = await gunzipCapped(raw, maxBytes);
    if (bytes.length === 0) throw new DatelineError('INPUT_EMPTY', 'The input is empty once decompressed.');
    return { path: ref.path, bytes, gzipped: true };
  }
  return { path: ref.path, bytes: raw, gzipped: false };
}

function gunzipCapped(raw: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    gunzip(raw, { maxOutputLength: maxBytes }, (error, result) => {
      if (error === null) {
        resolve(new Uint8Array(result.buffer, result.byteOffset, result.length));
        return;
      }
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
        reject(new DatelineError('INPUT_TOO_LARGE', `The gzip data decompresses to more than ${mib(maxBytes)}, the size limit (raise it with --max-size).`));
      } else {
        const why = code === 'Z_BUF_ERROR' ? 'truncated' : `corrupt (${error.message})`;
        reject(new DatelineError('INPUT_GZIP_CORRUPT', `The gzip data is ${why}.`, { cause: error }));
      }
    });
  });
}

async function readCapped(stream: Readable, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      size += buf.length;
      if (size > maxBytes) {
        stream.destroy();
        throw new DatelineError('INPUT_TOO_LARGE', `The input is larger than ${mib(maxBytes)}, the size limit (raise it with --max-size).`);
      }
      chunks.push(buf);
    }
  } catch (error) {
    if (error instanceof DatelineError) throw error;
    throw new DatelineError('INPUT_UNREADABLE', `The input could not be read (${(error as Error).message}).`, { cause: error });
  }
  return Buffer.concat(chunks, size);
}

function tooLarge(size: number, maxBytes: number): DatelineError {
  return new DatelineError('INPUT_TOO_LARGE', `The input is ${mib(size)}, over the ${mib(maxBytes)} size limit (raise it with --max-size).`);
}

function mib(bytes: number): string {
  const value = bytes / (1024 * 1024);
  return `${value >= 10 || Number.isInteger(value) ? Math.round(value) : value.toFixed(1)} MiB`;
}

/** A file-system error as a one-line DatelineError. */
export function fsError(error: unknown): DatelineError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new DatelineError('INPUT_NOT_FOUND', 'No such file or directory.', { cause: error });
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new DatelineError('INPUT_UNREADABLE', 'Permission denied.', { cause: error });
  }
  if (code === 'EISDIR') return new DatelineError('INPUT_UNSUPPORTED', 'This is a directory.', { cause: error });
  const detail = error instanceof Error ? error.message : String(error);
  return new DatelineError('INPUT_UNREADABLE', `The input could not be read (${detail}).`, { cause: error });
}
