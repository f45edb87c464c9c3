import { parseArgs } from 'node:util';
import { OUTPUT_FORMATS, type OutputFormat } from './render.js';
import { DEFAULT_TIMEOUT_MS } from '../workers/runner.js';
import { MAX_INPUT_BYTES } from '../io/inputs.js';
import type { UnderstandOptions } from '../read.js';

/** A mistake in the command line: exit status 2, a one-line message and a hint. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A flag's value as a whole number from min to max, or a UsageError naming the flag. */
export function wholeNumber(value: string, flag: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${flag} '${value}' is not a whole number from ${min} to ${max}`);
  return n;
}

export type Command =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | {
      readonly kind: 'read';
      readonly inputs: readonly string[];
      readonly format: OutputFormat;
      readonly url?: string;
      readonly contentType?: string;
      readonly as: 'html' | 'text' | 'auto';
      readonly pretty: boolean;
      readonly timeoutMs: number;
      readonly maxBytes: number;
      readonly understand: UnderstandOptions;
      readonly allowPrivate: boolean;
    };

const COMMANDS = '`read`, `ingest`, `status`, `export`, `stories` and `tag`';

export const HELP = `Usage: dateline read [options] <input...>
       dateline ingest [--db FILE] [options] <source...>   (collect into a store; see dateline ingest --help)
       dateline status [--db FILE] [--json]                (how the store's inputs stand)
       dateline export [--db FILE]                         (the stored articles as JSON Lines)
       dateline stories [--db FILE] [--json]               (the stories the articles form)
       dateline tag --conll FILE   (tag a CoNLL file with the entity tagger; see dateline tag --help)

Reads news pages or scraped text and prints the article: headline, body, blocks,
metadata, the page furniture set aside, and diagnostics; then what the article says:
sentences, the people, organisations and places it names (with canonical names and
roles), its quotes with their speakers, and its times resolved to dates.

Inputs:
  <file>                 an .html, .htm, .xhtml or .txt file, optionally gzipped (.gz);
                         other files are read too, and sniffed as HTML or text
  <directory>            every .html/.htm/.xhtml/.txt(.gz) file below it, recursively,
                         in sorted order; hidden files and folders are skipped
  -                      standard input
  https://…              a page fetched from the web (robots.txt and the address
                         checks apply, as in ingest; http and https only)

Options:
  -f, --format <fmt>     output format: json (default), markdown, text or html
      --url <url>        the page's URL (only with a single input); used for dates,
                         the canonical URL and the site
      --content-type <v> the HTTP Content-Type the page was served with, e.g.
                         "text/html; charset=windows-1252" (charset and format)
      --as <html|text>   read every input as HTML or as scraped text (default: sniffed
                         from the content type, the file name and the content)
      --pretty           indent JSON (single input only; several inputs always print
                         one JSON object per line)
      --timeout <sec>    time limit per input in seconds, loading included (default ${DEFAULT_TIMEOUT_MS / 1000},
                         so that a stopped input is reported and cleaned up within
                         10 s); an input over it fails with EXTRACT_TIMEOUT and the
                         others go on
      --max-size <MiB>   size limit per input, also after gunzip (default ${MAX_INPUT_BYTES / 1024 / 1024});
                         a larger input fails at once with INPUT_TOO_LARGE rather than
                         running into the time limit
      --no-entities      skip the entity tagger and entity grouping (quotes then keep
                         their speaker's words but no speaker entity)
      --no-quotes        skip quotes and speakers
      --no-times         skip time expressions
      --extract-only     skip all understanding: the article and its metadata only
      --allow-private    let an address input reach private, loopback and link-local
                         addresses (intranet pages); off by default
  -h, --help             show this help and exit
  -V, --version          print the version and exit

Output:
  json      one input: one JSON object; several: JSON Lines, one object per input in
            input order, each with source.path. An input that fails prints
            {"source":{"path":…},"error":{"code":…,"message":…}} and the rest go on.
  markdown, text, html
            the article; with several inputs each starts with a "==> path <==" line
            (an HTML comment for html). Failures are reported on stderr only.

Environment:
  DATELINE_MAX_HEAP_MB   heap limit of the reader per input, in MiB (default 1024);
                         an input that needs more fails with EXTRACT_OOM

Exit status: 0 all inputs read, 1 at least one input failed, 2 usage error.`;

/** Parses `argv` (without node and the script). Throws UsageError on mistakes. */
export function parseCommand(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        url: { type: 'string' },
        'content-type': { type: 'string' },
        as: { type: 'string' },
        pretty: { type: 'boolean' },
        timeout: { type: 'string' },
        'max-size': { type: 'string' },
        'no-entities': { type: 'boolean' },
        'no-quotes': { type: 'boolean' },
        'no-times': { type: 'boolean' },
        'extract-only': { type: 'boolean' },
        'allow-private': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'V' },
      },
    });
  } catch (error) {
    throw new UsageError(parseArgsMessage(error));
  }
  const { values, positionals } = parsed;
  if (values.help === true) return { kind: 'help' };
  if (values.version === true) return { kind: 'version' };
  const [command, ...inputs] = positionals;
  if (command === undefined) throw new UsageError(`no command given; the commands are ${COMMANDS}`);
  if (command !== 'read') throw new UsageError(`unknown command '${command}'; the commands are ${COMMANDS}`);
  if (inputs.length === 0) throw new UsageError('no input given: name files, directories, or - for standard input');

  const format = values.format ?? 'json';
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown --format '${format}'; use one of ${OUTPUT_FORMATS.join(', ')}`);
  }
  const as = values.as ?? 'auto';
  if (as !== 'html' && as !== 'text' && as !== 'auto') throw new UsageError(`unknown --as '${as}'; use html or text`);
  if (values.url !== undefined) {
    if (inputs.length > 1) throw new UsageError('--url applies to a single input, but several were given');
    if (!URL.canParse(values.url)) throw new UsageError(`--url '${values.url}' is not an absolute URL`);
  }
  let timeoutMs = DEFAULT_TIMEOUT_MS;
  if (values.timeout !== undefined) {
    const seconds = Number(values.timeout);
    if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`--timeout '${values.timeout}' is not a positive number of seconds`);
    timeoutMs = Math.max(1, Math.round(seconds * 1000));
  }
  let maxBytes = MAX_INPUT_BYTES;
  if (values['max-size'] !== undefined) {
    const mib = Number(values['max-size']);
    if (!Number.isFinite(mib) || mib <= 0 || mib > 1024) throw new UsageError(`--max-size '${values['max-size']}' is not a size in MiB between 0 and 1024`);
    maxBytes = Math.round(mib * 1024 * 1024);
  }
  if (inputs.filter((input) => input === '-').length > 1) throw new UsageError('standard input (-) can be given only once');
  return {
    kind: 'read',
    inputs,
    format: format as OutputFormat,
    ...(values.url !== undefined ? { url: values.url } : {}),
    ...(values['content-type'] !== undefined ? { contentType: values['content-type'] } : {}),
    as,
    pretty: values.pretty === true,
    timeoutMs,
    maxBytes,
    understand: understandOptions(values),
    allowPrivate: values['allow-private'] === true,
  };
}

function understandOptions(values: {
  'no-entities'?: boolean | undefined;
  'no-quotes'?: boolean | undefined;
  'no-times'?: boolean | undefined;
  'extract-only'?: boolean | undefined;
}): UnderstandOptions {
  if (values['extract-only'] === true) return { entities: false, quotes: false, times: false };
  return { entities: values['no-entities'] !== true, quotes: values['no-quotes'] !== true, times: values['no-times'] !== true };
}

/** parseArgs' messages carry advice about `--`; keep their first sentence. */
export function parseArgsMessage(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split(/\.\s/)[0]?.replace(/\.$/, '') ?? message;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return first.replace(/^Unknown option/, 'unknown option');
  return first.charAt(0).toLowerCase() + first.slice(1);
}
