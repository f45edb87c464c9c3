import { parentPort } from 'node:worker_threads';
import { asDatelineError } from '../doc/errors.js';
import { read } from '../read.js';
import { renderDoc } from './render.js';
import type { ReadJob, ReadResult } from './runner.js';

/**
 * The worker side of `ReadRunner`: reads one input per message and answers with the
 * rendered output or a `{code, message}` error. Runs with a heap limit and is
 * terminated by the main thread when an input overruns its time budget.
 */
const port = parentPort;
if (port === null) throw new Error('worker.ts runs only as a worker thread');

port.on('message', (job: ReadJob) => {
  let result: ReadResult;
  try {
    const doc = read({
      bytes: job.bytes,
      path: job.path,
      ...(job.url !== undefined ? { url: job.url } : {}),
      ...(job.contentType !== undefined ? { contentType: job.contentType } : {}),
      format: job.as,
    }, { understand: job.understand });
    result = { id: job.id, ok: true, output: renderDoc(doc, job.format, job.pretty) };
  } catch (error) {
    const e = asDatelineError(error);
    result = { id: job.id, ok: false, error: { code: e.code, message: oneLine(e.message) } };
  }
  port.postMessage(result);
});

function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ').trim();
}
