/**
 * Throughput of the sentences stage (tokenizing and sentence splitting) and of the
 * times stage on the text of the Wikinews articles in ../shared/data/wikinews: each
 * article's headline and paragraphs become blocks, as the read pipeline would give
 * them, and its `date_published` is the publication date.
 *
 *   npx tsx scripts/measure-sentences.ts [--rounds N] [--show N]
 *
 * Prints tokens, sentences, times found and tokens per second for each stage (best of
 * N timed rounds after one untimed warm-up round, so the figures are the JIT-compiled
 * steady state on one core). `--show N` also prints the sentences of the first N
 * articles, for reading by eye.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Block } from '../src/doc/news-doc.js';
import { segment, type Segmentation } from '../src/stages/sentences/index.js';
import { findTimeExpressions } from '../src/stages/times/index.js';
import { SHARED } from '../bench/lib/datasets.js';

interface Article {
  readonly text: string;
  readonly blocks: Block[];
  readonly published: string;
}

const args = process.argv.slice(2);
const rounds = args.includes('--rounds') ? Number(args[args.indexOf('--rounds') + 1]) : 5;
const show = args.includes('--show') ? Number(args[args.indexOf('--show') + 1]) : 0;

function loadArticles(): Article[] {
  const path = join(SHARED, 'data', 'wikinews', 'wikinews-en-2019-2020.jsonl');
  const articles: Article[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const record = JSON.parse(line) as { title: string; text: string; date_published: string };
    const parts = [record.title, ...record.text.split(/\n\n+/)].filter((part) => part.trim() !== '');
    const blocks: Block[] = [];
    let text = '';
    for (const [index, part] of parts.entries()) {
      if (index > 0) text += '\n\n';
      blocks.push({ kind: index === 0 ? 'headline' : 'paragraph', start: text.length, end: text.length + part.length });
      text += part;
    }
    articles.push({ text, blocks, published: record.date_published });
  }
  return articles;
}

const articles = loadArticles();
let tokens = 0;
let sentences = 0;
let times = 0;
const segmented: Segmentation[] = [];
for (const article of articles) {
  const result = segment(article.text, article.blocks);
  segmented.push(result);
  tokens += result.tokens.length;
  sentences += result.sentences.length;
  times += findTimeExpressions(article.text, result.tokens, result.sentences, article.published).length;
}

function bestOf(run: () => void): number {
  let best = Infinity;
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

const sentencesMs = bestOf(() => {
  for (const article of articles) segment(article.text, article.blocks);
});
const timesMs = bestOf(() => {
  articles.forEach((article, index) => {
    const { tokens: articleTokens, sentences: articleSentences } = segmented[index]!;
    findTimeExpressions(article.text, articleTokens, articleSentences, article.published);
  });
});

const characters = articles.reduce((sum, article) => sum + article.text.length, 0);
const perSecond = (ms: number): string => Math.round(tokens / (ms / 1000)).toLocaleString('en-US');
console.log(`articles ${articles.length}, characters ${characters}, tokens ${tokens}, sentences ${sentences}, times ${times}`);
console.log(`sentences stage, best of ${rounds} rounds: ${sentencesMs.toFixed(1)} ms → ${perSecond(sentencesMs)} tokens/s`);
console.log(`times stage, best of ${rounds} rounds: ${timesMs.toFixed(1)} ms → ${perSecond(timesMs)} tokens/s`);

for (const article of articles.slice(0, show)) {
  console.log('');
  for (const sentence of segment(article.text, article.blocks).sentences) {
    console.log(`[${sentence.block}] ${article.text.slice(sentence.start, sentence.end)}`);
  }
}
