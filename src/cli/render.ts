import type { NewsDoc } from '../doc/news-doc.js';
import { toSafeHtml } from '../output/html.js';
import { toArticleJson } from '../output/json.js';
import { toMarkdown } from '../output/markdown.js';
import { toPlainText } from '../output/text.js';

export const OUTPUT_FORMATS = ['json', 'markdown', 'text', 'html'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** One document in the chosen output format, without a trailing newline. */
export function renderDoc(doc: NewsDoc, format: OutputFormat, pretty: boolean): string {
  switch (format) {
    case 'json':
      return JSON.stringify(toArticleJson(doc), null, pretty ? 2 : undefined);
    case 'markdown':
      return toMarkdown(doc).replace(/\n+$/, '');
    case 'text':
      return toPlainText(doc).replace(/\n+$/, '');
    case 'html':
      return toSafeHtml(doc).replace(/\n+$/, '');
  }
}

/** The JSON line printed for an input that could not be read. */
export function renderErrorJson(path: string, error: { code: string; message: string }, pretty: boolean): string {
  return JSON.stringify({ source: { path }, error: { code: error.code, message: error.message } }, null, pretty ? 2 : undefined);
}
