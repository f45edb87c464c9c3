#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { asDatelineError } from '../doc/errors.js';
import { loadFromNetwork } from '../collect/loaders.js';
import { FetchError } from '../collect/fetch/errors.js';
import { Network } from '../collect/network.js';
import { ItemError } from '../collect/outcomes.js';
import { expandInputs, loadInput, type InputRef, type LoadedInput } from '../io/inputs.js';
import { packageVersion } from '../io/package-info.js';
import { HELP, parseCommand, UsageError, type Command } from './args.js';
import { renderErrorJson, type OutputFormat } from './render.js';
import { ReadRunner, type RenderJob, type RenderResult } from '../workers/runner.js';
import { runTagCommand } from './tag.js';
import { runIngestCommand } from './ingest-command.js';
import { runServeCommand } from './serve-command.js';
import { runStoreCommand } from './store-commands.js';
import { runStoriesCommand } from './stories-command.js';
import { write, type Streams } from './streams.js';

export type { Streams } from './streams.js';

/**
 * `dateline read <input...>`: argv → inputs (io) → `read()` in a worker → formatter.
 * Resolves to the exit status: 0 all read, 1 some input failed, 2 usage error.
 */
export async function runCli(argv: readonly string[], streams: Streams = { out: process.stdout, err: process.stderr }): Promise<number> {
  if (argv[0] === 'tag') return runTagCommand(argv.slice(1), streams);
  if (argv[0] === 'ingest') return runIngestCommand(argv.slice(1), streams);
  if (argv[0] === 'serve') return runServeCommand(argv.slice(1), streams);
  if (argv[0] === 'status' || argv[0] === 'export') return runStoreCommand(argv[0], argv.slice(1), streams);
  if (argv[0] === 'stories') return runStoriesCommand(argv.slice(1), streams);
  let command: Command;
  try {
    command = parseCommand(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    await write(streams.err, `dateline: ${error.message}\nTry 'dateline read --help' for the options.\n`);
    return 2;
  }
  if (command.kind === 'help') {
    await write(streams.out, `${HELP}\n`);
    return 0;
  }
  if (command.kind === 'version') {
    await write(streams.out, `${packageVersion()}\n`);
    return 0;
  }

  const heapEnv = Number(process.env['DATELINE_MAX_HEAP_MB']);
  const runner = new ReadRunner({
    timeoutMs: command.timeoutMs,
    ...(Number.isFinite(heapEnv) && heapEnv > 0 ? { maxHeapMb: heapEnv } : {}),
  });
  runner.warmUp();
  let closeNetwork: () => Promise<void> | undefined = () => undefined;
  try {
    const refs = await expandInputs(command.inputs);
    // One input named and read as itself: a single (optionally pretty) JSON object.
    const single = command.inputs.length === 1 && refs.length === 1 && refs[0]?.path === command.inputs[0];
    const pretty = command.pretty && single;
    let failed = 0;
    // Load one input ahead, so reading the next file overlaps the worker reading this one.
    let network: Network | null = null;
    const web = () => (network ??= new Network({ fetcher: { allowPrivate: command.allowPrivate } }));
    closeNetwork = () => network?.close();
    let next = refs[0] !== undefined ? load(refs[0], command.maxBytes, web) : undefined;
    for (let i = 0; i < refs.length; i++) {
      const ref = refs[i]!;
      const current = await next!;
      next = refs[i + 1] !== undefined ? load(refs[i + 1]!, command.maxBytes, web) : undefined;
      let result: RenderResult | { ok: false; error: { code: string; message: string } };
      if (!current.ok) {
        result = { ok: false, error: { code: current.error.code, message: current.error.message } };
      } else {
        result = await runner.run<RenderJob>(
          {
            mode: 'render',
            bytes: current.loaded.bytes,
            path: current.loaded.path,
            ...(command.url !== undefined ? { url: command.url } : current.loaded.url !== undefined ? { url: current.loaded.url } : {}),
            ...(command.contentType !== undefined ? { contentType: command.contentType } : current.loaded.contentType !== undefined ? { contentType: current.loaded.contentType } : {}),
            as: command.as,
            format: command.format,
            pretty,
            understand: command.understand,
          },
          // Loading counts against the input's time budget.
          performance.now() - current.loadMs,
        );
      }
      if (result.ok) {
        await write(streams.out, `${single ? '' : header(command.format, ref.path)}${result.output}\n`);
      } else {
        failed++;
        await write(streams.err, `dateline: ${ref.path}: ${result.error.message} [${result.error.code}]\n`);
        if (command.format === 'json') await write(streams.out, `${renderErrorJson(ref.path, result.error, pretty)}\n`);
      }
    }
    return failed > 0 ? 1 : 0;
  } finally {
    await Promise.all([runner.close(), closeNetwork()]);
  }
}

type Loaded =
  | { ok: true; loaded: LoadedInput & { url?: string; contentType?: string }; loadMs: number }
  | { ok: false; error: { code: string; message: string } };

/** Loads one input; never rejects. */
async function load(ref: InputRef, maxBytes: number, web: () => Network): Promise<Loaded> {
  const started = performance.now();
  try {
    if (ref.kind === 'url') {
      const page = await loadFromNetwork(ref.path, web(), { maxBytes });
      const url = page.url ?? ref.path;
      return { ok: true, loaded: { path: ref.path, bytes: page.bytes, gzipped: false, url, ...(page.contentType !== null ? { contentType: page.contentType } : {}) }, loadMs: performance.now() - started };
    }
    return { ok: true, loaded: await loadInput(ref, { maxBytes }), loadMs: performance.now() - started };
  } catch (error) {
    return { ok: false, error: error instanceof FetchError || error instanceof ItemError ? error : asDatelineError(error) };
  }
}

/** With several inputs and a non-JSON format, each document starts with a line naming it. */
function header(format: OutputFormat, path: string): string {
  if (format === 'json') return '';
  if (format === 'html') return `<!-- dateline: ${path.replace(/--/g, '- -')} -->\n`;
  return `==> ${path} <==\n`;
}

function isMain(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  // A closed pipe (`dateline read … | head`) ends the command quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  runCli(process.argv.slice(2)).then(
    (status) => {
      // Everything is written; exit now rather than wait for a timed-out worker to wind down.
      process.exit(status);
    },
    (error: unknown) => {
      process.stderr.write(`dateline: ${asDatelineError(error).message} [INTERNAL]\n`);
      process.exitCode = 1;
    },
  );
}
