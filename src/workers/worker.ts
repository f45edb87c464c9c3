import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { articleFacts } from '../collect/article-facts.js';
import { asDatelineError } from '../doc/errors.js';
import { read } from '../read.js';
import { renderDoc } from '../cli/render.js';
import type { ReadJob, ReadResult } from './runner.js';

/**
 * The worker side of `ReadRunner`: reads one input per message and answers with the
 * rendered output (`dateline read`) or what the store keeps of the article (`ingest`),
 * or a `{code, message}` error. Runs with a heap limit and is terminated by the main
 * thread when an input overruns its time budget.
 */
const port = parentPort;
if (port === null) throw new Error('worker.ts runs only as a worker thread');

port.on('message', (job: ReadJob) => {
  let result: ReadResult;
  const transfer: ArrayBuffer[] = [];
  try {
    const doc = read(
      {
        bytes: job.bytes,
        ...(job.path !== undefined ? { path: job.path } : {}),
        ...(job.url !== undefined ? { url: job.url } : {}),
        ...(job.contentType !== undefined ? { contentType: job.contentType } : {}),
        format: job.as,
      },
      { understand: job.understand, onlyArticles: job.mode === 'ingest' },
    );
    if (job.mode === 'render') {
      result = { id: job.id, ok: true, output: renderDoc(doc, job.format, job.pretty) };
    } else {
      const article = articleFacts(doc, job.bytes, { link: job.link === true });
      transfer.push(article.doc.buffer as ArrayBuffer, article.raw.buffer as ArrayBuffer);
      result = { id: job.id, ok: true, article };
    }
  } catch (error) {
    const e = asDatelineError(error);
    result = { id: job.id, ok: false, error: { code: e.code, message: oneLine(e.message) } };
  }
  port.postMessage({ ...result, heapBytes: getHeapStatistics().total_heap_size }, transfer);
});

function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ').trim();
}
