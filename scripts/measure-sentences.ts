/**
 * Throughput of the sentences stage (tokenizing and sentence splitting) on the text of
 * the Wikinews articles in ../shared/data/wikinews: each article's headline and
 * paragraphs become blocks, as the read pipeline would give them.
 *
 *   npx tsx scripts/measure-sentences.ts [--rounds N] [--show N]
 *
 * Prints tokens, sentences and tokens per second (best of N timed rounds after one
 * untimed warm-up round, so the figure is the JIT-compiled steady state on one core).
 * `--show N` also prints the sentences of the first N articles, for reading by eye.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Block } from '../src/doc/news-doc.js';
import { segment } from '../src/stages/sentences/index.js';
import { SHARED } from '../bench/lib/datasets.js';

interface Article {
  readonly text: string;
  readonly blocks: Block[];
}

const args = process.argv.slice(2);
const rounds = args.includes('--rounds') ? Number(args[args.indexOf('--rounds') + 1]) : 5;
const show = args.includes('--show') ? Number(args[args.indexOf('--show') + 1]) : 0;

function loadArticles(): Article[] {
  const path = join(SHARED, 'data', 'wikinews', 'wikinews-en-2019-2020.jsonl');
  const articles: Article[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const record = JSON.parse(line) as { title: string; text: string };
    const parts = [record.title, ...record.text.split(/\n\n+/)].filter((part) => part.trim() !== '');
    const blocks: Block[] = [];
    let text = '';
    for (const [index, part] of parts.entries()) {
      if (index > 0) text += '\n\n';
      blocks.push({ kind: index === 0 ? 'headline' : 'paragraph', start: text.length, end: text.length + part.length });
      text += part;
    }
    articles.push({ text, blocks });
  }
  return articles;
}

const articles = loadArticles();
let tokens = 0;
let sentences = 0;
for (const article of articles) {
  const result = segment(article.text, article.blocks);
  tokens += result.tokens.length;
  sentences += result.sentences.length;
}

let best = Infinity;
for (let round = 0; round < rounds; round++) {
  const started = performance.now();
  for (const article of articles) segment(article.text, article.blocks);
  best = Math.min(best, performance.now() - started);
}

const characters = articles.reduce((sum, article) => sum + article.text.length, 0);
console.log(`articles ${articles.length}, characters ${characters}, tokens ${tokens}, sentences ${sentences}`);
console.log(`best of ${rounds} rounds: ${best.toFixed(1)} ms → ${Math.round(tokens / (best / 1000)).toLocaleString('en-US')} tokens/s`);

for (const article of articles.slice(0, show)) {
  console.log('');
  for (const sentence of segment(article.text, article.blocks).sentences) {
    console.log(`[${sentence.block}] ${article.text.slice(sentence.start, sentence.end)}`);
  }
}
