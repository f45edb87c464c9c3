import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Block, NewsDoc } from '../../src/doc/news-doc.js';
import { createDoc } from '../../src/doc/news-doc.js';
import { SHARED } from './datasets.js';

/** One article of the Wikinews demo corpus (`../shared/data/wikinews`). */
export interface WikinewsArticle {
  readonly id: string;
  readonly title: string;
  readonly date_published: string;
  readonly text: string;
}

/** The corpus's articles, in file order (the first `limit` when given). */
export function wikinewsArticles(limit?: number): WikinewsArticle[] {
  const lines = readFileSync(join(SHARED, 'data/wikinews/wikinews-en-2019-2020.jsonl'), 'utf8').split('\n');
  const all = lines.filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as WikinewsArticle);
  return limit === undefined ? all : all.slice(0, limit);
}

/** The article as the text reader would leave it: headline block, blank line, paragraphs, and its publication date. */
export function wikinewsDoc(article: WikinewsArticle): NewsDoc {
  const paragraphs = article.text.split(/\n\n+/).map((p) => p.trim()).filter((p) => p !== '');
  const blocks: Block[] = [];
  let text = '';
  for (const [index, paragraph] of [article.title, ...paragraphs].entries()) {
    if (text !== '') text += '\n\n';
    blocks.push({ start: text.length, end: text.length + paragraph.length, kind: index === 0 ? 'headline' : 'paragraph' });
    text += paragraph;
  }
  const doc = createDoc({ format: 'text' });
  doc.text = text;
  doc.layers.blocks = blocks;
  doc.metadata.headline = article.title;
  doc.metadata.published = { value: article.date_published, source: 'meta' };
  return doc;
}
