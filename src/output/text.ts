import type { NewsDoc } from '../doc/news-doc.js';

/** The article as plain text: headline, blank line, body blocks separated by blank lines. */
export function toPlainText(doc: NewsDoc): string {
  const text = doc.text ?? '';
  return text.length === 0 ? '' : text.trimEnd() + '\n';
}
