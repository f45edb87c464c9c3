/**
 * The quotes stage of this build against another build's, in one process: each Wikinews
 * article goes through the sentences, tagger and entities stages once, then through both
 * quotes stages in turn (the order alternating), so both meet the same heap, the same
 * caches and the same machine noise. Prints, over the passes, the sum per article of the
 * fastest and of the median time of each stage, and this build's speed as a ratio.
 *
 * `bench:understand` times each stage in a pass of its own per build, where the rest of
 * the pipeline (its garbage, its compiler threads) weighs on the figure; this script
 * isolates the stage's own code.
 *
 * Run: node dist/bench/quotes-ab.js --other /path/to/other/dist [--passes 8]
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { NewsDoc } from '../src/doc/news-doc.js';
import type { Stage } from '../src/pipeline/stage.js';
import { readNerModelFiles } from '../src/io/ner-model.js';
import { createNerStage, NerTagger } from '../src/stages/ner/index.js';
import { sentencesStage } from '../src/stages/sentences/index.js';
import { entitiesStage } from '../src/stages/entities/index.js';
import { quotesStage } from '../src/stages/quotes/index.js';
import { wikinewsArticles, wikinewsDoc } from './lib/wikinews.js';

/** A shallow copy, so that neither stage sees the other's quotes layer. */
const copyOf = (doc: NewsDoc): NewsDoc => ({ ...doc, layers: { ...doc.layers } });

const sumOf = (perArticle: readonly number[][], pick: (sorted: readonly number[]) => number): number =>
  perArticle.reduce((sum, times) => sum + pick([...times].sort((a, b) => a - b)), 0);

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { other: { type: 'string' }, passes: { type: 'string', default: '8' } } });
  if (values.other === undefined) throw new Error('--other: the dist folder of the build to compare with');
  const otherUrl = pathToFileURL(join(resolve(values.other), 'src/stages/quotes/index.js')).href;
  const other = ((await import(otherUrl)) as { quotesStage: Stage }).quotesStage;
  const passes = Number(values.passes);
  const articles = wikinewsArticles();
  const ner = createNerStage(NerTagger.load(readNerModelFiles()));
  const stages = { ours: quotesStage, other };
  const times = { ours: articles.map((): number[] => []), other: articles.map((): number[] => []) };
  for (let pass = 0; pass < passes; pass++) {
    articles.forEach((article, k) => {
      let doc = wikinewsDoc(article);
      for (const stage of [sentencesStage, ner, entitiesStage]) doc = stage.run(doc, {});
      const order: (keyof typeof stages)[] = (k + pass) % 2 === 0 ? ['ours', 'other'] : ['other', 'ours'];
      for (const name of order) {
        const started = performance.now();
        stages[name].run(copyOf(doc), {});
        times[name][k]!.push(performance.now() - started);
      }
    });
  }
  console.log(`quotes stage, this build against ${values.other}: ${articles.length} Wikinews articles, ${passes} passes, each article through both in turn`);
  for (const [label, pick] of [
    ['fastest', (sorted: readonly number[]) => sorted[0]!],
    ['median', (sorted: readonly number[]) => sorted[sorted.length >> 1]!],
  ] as const) {
    const ours = sumOf(times.ours, pick);
    const theirs = sumOf(times.other, pick);
    console.log(`  per article, ${label}: this build ${ours.toFixed(1)} ms, the other ${theirs.toFixed(1)} ms; this build's speed ${(theirs / ours).toFixed(3)}×`);
  }
}

await main();
