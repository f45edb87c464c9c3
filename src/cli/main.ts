#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { asDatelineError } from '../doc/errors.js';
import { expandInputs, loadInput } from '../io/inputs.js';
import { packageVersion } from '../io/package-info.js';
import { HELP, parseCommand, UsageError, type Command } from './args.js';
import { renderErrorJson, type OutputFormat } from './render.js';
import { ReadRunner, type ReadResult } from './runner.js';

/** Where the command writes; replaceable for tests. */
export interface Streams {
  readonly out: NodeJS.WritableStream;
  readonly err: NodeJS.WritableStream;
}

/**
 * `dateline read <input...>`: argv → inputs (io) → `read()` in a worker → formatter.
 * Resolves to the exit status: 0 all read, 1 some input failed, 2 usage error.
 */
export async function runCli(argv: readonly string[], streams: Streams = { out: process.stdout, err: process.stderr }): Promise<number> {
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
  try {
    const refs = await expandInputs(command.inputs);
    // One input named and read as itself: a single (optionally pretty) JSON object.
    const single = command.inputs.length === 1 && refs.length === 1 && refs[0]?.path === command.inputs[0];
    const pretty = command.pretty && single;
    let failed = 0;
    for (const ref of refs) {
      let result: ReadResult | { ok: false; error: { code: string; message: string } };
      const startedAt = performance.now();
      try {
        const loaded = await loadInput(ref);
        result = await runner.run({
          bytes: loaded.bytes,
          path: loaded.path,
          ...(command.url !== undefined ? { url: command.url } : {}),
          ...(command.contentType !== undefined ? { contentType: command.contentType } : {}),
          as: command.as,
          format: command.format,
          pretty,
        }, startedAt);
      } catch (error) {
        const e = asDatelineError(error);
        result = { ok: false, error: { code: e.code, message: e.message } };
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
    await runner.close();
  }
}

/** With several inputs and a non-JSON format, each document starts with a line naming it. */
function header(format: OutputFormat, path: string): string {
  if (format === 'json') return '';
  if (format === 'html') return `<!-- dateline: ${path.replace(/--/g, '- -')} -->\n`;
  return `==> ${path} <==\n`;
}

function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    stream.write(text, () => resolve());
  });
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
