/**
 * bench:ner — the entity tagger on CoNLL-2003 test (and the non-tabular variant), with
 * compromise measured in the same run on the same documents.
 *
 * Scoring is conlleval's: a name counts only with its exact token span and type
 * (bench/lib/conll.ts). Speed is tokens per second on one core, after an untimed
 * warm-up on dev documents, model loading excluded (timed on its own).
 *
 * compromise (people()/organizations()/places()) is given each document as its tokens
 * joined by spaces, one sentence per line; each of its matches is mapped back to the
 * tokens it covers (a token counts when its characters lie inside the match), and is
 * scored on PER/ORG/LOC only, beside our tagger scored on the same three types.
 *
 * Run: npx tsx bench/ner.ts  (or node dist/bench/ner.js after a build)
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { readNerModelFiles } from '../src/io/ner-model.js';
import { NerTagger, tagMentions } from '../src/stages/ner/index.js';
import { segment } from '../src/stages/sentences/index.js';
import { SHARED } from './lib/datasets.js';
import { chunksOf, EntityScorer, parseConll, toIob2, type Chunk, type ConllDocument } from './lib/conll.js';
import { iob2BySentence, toLabelled } from './lib/conll-tagging.js';

const conllDir = join(SHARED, 'data', 'conll2003');
const THREE = new Set(['PER', 'ORG', 'LOC']);

interface CompromiseMatch {
  offset: { start: number; length: number };
}
interface CompromiseView {
  json(options: { offset: boolean }): CompromiseMatch[];
}
interface CompromiseDoc {
  people(): CompromiseView;
  organizations(): CompromiseView;
  places(): CompromiseView;
}
const nlp = createRequire(import.meta.url)('compromise') as (text: string) => CompromiseDoc;

function tokenCount(documents: readonly ConllDocument[]): number {
  return documents.reduce((sum, doc) => sum + doc.sentences.reduce((s, sentence) => s + sentence.words.length, 0), 0);
}

function report(name: string, scorer: EntityScorer): void {
  const o = scorer.overall();
  console.log(`  ${name.padEnd(26)} P ${o.precision.toFixed(2)}  R ${o.recall.toFixed(2)}  F1 ${o.f1.toFixed(2)}`);
  for (const [type, s] of scorer.perType()) {
    console.log(`    ${type.padEnd(24)} P ${s.precision.toFixed(2)}  R ${s.recall.toFixed(2)}  F1 ${s.f1.toFixed(2)}`);
  }
}

/** Wall and CPU seconds of `work` (CPU time is the fairer figure on a shared machine). */
function timed<T>(work: () => T): { result: T; seconds: number; cpuSeconds: number } {
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const result = work();
  const used = process.cpuUsage(cpu);
  return { result, seconds: Number(process.hrtime.bigint() - started) / 1e9, cpuSeconds: (used.user + used.system) / 1e6 };
}

function speed(tokens: number, time: { seconds: number; cpuSeconds: number }): string {
  return `${Math.round(tokens / time.seconds)} tokens/s (${Math.round(tokens / time.cpuSeconds)} per CPU second)`;
}

function runTagger(tagger: NerTagger, documents: ConllDocument[]): { all: EntityScorer; three: EntityScorer; seconds: number; cpuSeconds: number } {
  const labelled = documents.map(toLabelled);
  const { result: predictions, seconds, cpuSeconds } = timed(() => labelled.map((doc) => tagger.tag(doc.document)));
  const all = new EntityScorer();
  const three = new EntityScorer();
  labelled.forEach((doc, d) => {
    const predicted = iob2BySentence(doc.document, predictions[d]!);
    documents[d]!.sentences.forEach((sentence, s) => {
      const gold = toIob2(sentence.tags);
      all.add(gold, predicted[s]!);
      three.addChunks(chunksOf(gold), chunksOf(predicted[s]!), THREE);
    });
  });
  return { all, three, seconds, cpuSeconds };
}

function runCompromise(documents: ConllDocument[]): { three: EntityScorer; seconds: number; cpuSeconds: number } {
  const three = new EntityScorer();
  let seconds = 0;
  let cpuSeconds = 0;
  for (const doc of documents) {
    // Lay the tokens out as text, remembering where each one starts.
    const starts: number[] = [];
    const sentenceOfToken: number[] = [];
    const firstToken: number[] = [];
    let text = '';
    doc.sentences.forEach((sentence, s) => {
      firstToken.push(starts.length);
      sentence.words.forEach((word, w) => {
        if (w > 0) text += ' ';
        starts.push(text.length);
        sentenceOfToken.push(s);
        text += word;
      });
      text += '\n';
    });
    const run = timed((): [CompromiseMatch[], string][] => {
      const parsed = nlp(text);
      return [
        [parsed.people().json({ offset: true }), 'PER'],
        [parsed.organizations().json({ offset: true }), 'ORG'],
        [parsed.places().json({ offset: true }), 'LOC'],
      ];
    });
    const found = run.result;
    seconds += run.seconds;
    cpuSeconds += run.cpuSeconds;
    const predicted: Chunk[][] = doc.sentences.map(() => []);
    for (const [matches, type] of found) {
      for (const match of matches) {
        const from = match.offset.start;
        const to = from + match.offset.length;
        const covered: number[] = [];
        starts.forEach((start, t) => {
          const word = doc.sentences[sentenceOfToken[t]!]!.words[t - firstToken[sentenceOfToken[t]!]!]!;
          if (start >= from && start + word.length <= to) covered.push(t);
        });
        if (covered.length === 0) continue;
        const s = sentenceOfToken[covered[0]!]!;
        const base = firstToken[s]!;
        const last = covered.filter((t) => sentenceOfToken[t] === s).pop()!;
        predicted[s]!.push({ start: covered[0]! - base, end: last - base + 1, type });
      }
    }
    doc.sentences.forEach((sentence, s) => three.addChunks(chunksOf(toIob2(sentence.tags)), predicted[s]!, THREE));
  }
  return { three, seconds, cpuSeconds };
}

function main(): void {
  const load = timed(() => NerTagger.load(readNerModelFiles()));
  const tagger = load.result;
  console.log(`model read and loaded in ${(load.seconds * 1000).toFixed(0)} ms (${(load.cpuSeconds * 1000).toFixed(0)} ms of CPU)`);
  const dev = parseConll(readFileSync(join(conllDir, 'valid.txt'), 'utf8'));
  runTagger(tagger, dev.slice(0, 30)); // warm-up, untimed
  nlp('Warm up compromise with Peter Blackburn in Brussels.');

  for (const [name, file] of [
    ['CoNLL-2003 test', 'test.txt'],
    ['CoNLL-2003 test, non-tabular (Liu & Ritter 2023)', 'variants/test.non_tabular.txt'],
    ['CoNLL-2003 dev (in the committed model\'s training data: not a held-out score)', 'valid.txt'],
  ] as const) {
    const documents = parseConll(readFileSync(join(conllDir, file), 'utf8'));
    const tokens = tokenCount(documents);
    console.log(`\n${name}: ${documents.length} documents, ${tokens} tokens`);
    const ours = runTagger(tagger, documents);
    report('dateline, all four types', ours.all);
    report('dateline, PER/ORG/LOC', ours.three);
    console.log(`  dateline: ${speed(tokens, ours)}`);
    if (file === 'valid.txt') continue;
    const theirs = runCompromise(documents);
    report('compromise, PER/ORG/LOC', theirs.three);
    const ratio = theirs.cpuSeconds / ours.cpuSeconds;
    console.log(`  compromise: ${speed(tokens, theirs)}; dateline is ${ratio.toFixed(1)}x as fast (CPU time)`);
  }
  measureArticles(tagger);
}

/**
 * The stage as the pipeline runs it, on real articles: the Wikinews texts, tokenized by
 * the sentences stage, tagged by `tagMentions` (tokenizing not timed).
 */
function measureArticles(tagger: NerTagger): void {
  const path = join(SHARED, 'data', 'wikinews', 'wikinews-en-2019-2020.jsonl');
  const articles = readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const record = JSON.parse(line) as { title: string; text: string };
      const text = `${record.title}\n\n${record.text}`;
      return { text, ...segment(text, []) };
    });
  const tokens = articles.reduce((sum, article) => sum + article.tokens.length, 0);
  const byType = new Map<string, number>();
  const time = timed(() => {
    for (const article of articles) {
      for (const mention of tagMentions(tagger, article.text, article.tokens, article.sentences)) {
        byType.set(mention.type, (byType.get(mention.type) ?? 0) + 1);
      }
    }
  });
  const found = [...byType].map(([type, count]) => `${type} ${count}`).join(', ');
  console.log(`\nWikinews articles (the stage on the sentences stage's tokens): ${articles.length} articles, ${tokens} tokens`);
  console.log(`  mentions: ${found}; ${speed(tokens, time)}`);
}

main();
