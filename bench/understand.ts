/**
 * bench:understand — the whole per-article understanding pipeline (sentences and
 * tokens, the entity tagger, entities, quotes, times) on the Wikinews demo corpus, in
 * tokens per CPU-second on one core, beside compromise's `nlp()` with people(),
 * organizations() and places() on the same texts in the same run.
 *
 * Each article becomes a document directly (headline block, then its paragraphs, and
 * its publication date), so what is timed is understanding alone, not reading. The
 * tagger's model is loaded before timing (its load time is printed on its own), and
 * both sides get an untimed warm-up on the first articles. Tokens are Dateline's
 * tokens; compromise is credited with the same count, so the two rates compare work on
 * the same text. A second row times `read()` on each article as scraped text, as a
 * user calls it (reading the text, then the same stages; no publication date then).
 *
 * Run: npm run bench:understand   (add -- --limit N for the first N articles)
 */
import { createRequire } from 'node:module';
import { buildPipeline } from '../src/pipeline/pipeline.js';
import { readNerModelFiles } from '../src/io/ner-model.js';
import { createNerStage, NerTagger } from '../src/stages/ner/index.js';
import { sentencesStage } from '../src/stages/sentences/index.js';
import { entitiesStage } from '../src/stages/entities/index.js';
import { quotesStage } from '../src/stages/quotes/index.js';
import { timesStage } from '../src/stages/times/index.js';
import { read } from '../src/read.js';
import { wikinewsArticles, wikinewsDoc } from './lib/wikinews.js';

interface CompromiseView {
  out(kind: 'array'): string[];
}
interface CompromiseDoc {
  people(): CompromiseView;
  organizations(): CompromiseView;
  places(): CompromiseView;
}
const nlp = createRequire(import.meta.url)('compromise') as (text: string) => CompromiseDoc;

const WARM_UP = 20;

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

function main(): void {
  const limitArg = process.argv.indexOf('--limit');
  const limit = limitArg >= 0 ? Number(process.argv[limitArg + 1]) : undefined;
  const set = wikinewsArticles(limit);

  const loadStart = performance.now();
  const tagger = NerTagger.load(readNerModelFiles());
  const loadMs = performance.now() - loadStart;
  const stages = [sentencesStage, createNerStage(tagger), entitiesStage, quotesStage, timesStage];
  const pipeline = buildPipeline(['text', 'blocks', 'metadata'], stages);

  for (const article of set.slice(0, WARM_UP)) {
    pipeline.run(wikinewsDoc(article), {});
    const parsed = nlp(article.text);
    parsed.people().out('array');
  }

  // Dateline: the pipeline, then per stage (a second pass), for where the time goes.
  const docs = set.map(wikinewsDoc);
  let tokens = 0;
  let entities = 0;
  let quotes = 0;
  let times = 0;
  const started = process.cpuUsage();
  for (const doc of docs) {
    const done = pipeline.run(doc, {});
    tokens += done.layers.tokens?.length ?? 0;
    entities += done.layers.entities?.length ?? 0;
    quotes += done.layers.quotes?.length ?? 0;
    times += done.layers.times?.length ?? 0;
  }
  const ours = cpuSeconds(started);

  const perStage = new Map<string, number>();
  for (const article of set) {
    let doc = wikinewsDoc(article);
    for (const stage of stages) {
      const before = process.cpuUsage();
      doc = stage.run(doc, {});
      perStage.set(stage.id, (perStage.get(stage.id) ?? 0) + cpuSeconds(before));
    }
  }

  // As a user calls it: `read()` on the article as scraped text, reading included.
  const readStart = process.cpuUsage();
  for (const article of set) read({ content: `${article.title}\n\n${article.text}\n`, format: 'text' });
  const viaRead = cpuSeconds(readStart);

  const theirsStart = process.cpuUsage();
  let theirNames = 0;
  for (const article of set) {
    const parsed = nlp(`${article.title}\n\n${article.text}`);
    theirNames += parsed.people().out('array').length + parsed.organizations().out('array').length + parsed.places().out('array').length;
  }
  const theirs = cpuSeconds(theirsStart);

  const ourRate = tokens / ours;
  const theirRate = tokens / theirs;
  console.log(`bench:understand · ${new Date().toISOString()} · Node ${process.version} · ${set.length} Wikinews articles, ${tokens.toLocaleString('en')} tokens`);
  console.log(`tagger model loaded in ${loadMs.toFixed(0)} ms (not timed below)`);
  console.log('');
  console.log('| pipeline | CPU s | tokens/CPU-s | found |');
  console.log('|---|---|---|---|');
  console.log(`| Dateline: sentences + tagger + entities + quotes + times | ${ours.toFixed(2)} | **${Math.round(ourRate).toLocaleString('en')}** | ${entities} entities, ${quotes} quotes, ${times} times |`);
  console.log(`| Dateline \`read()\` of the article as scraped text (reading + the same stages) | ${viaRead.toFixed(2)} | ${Math.round(tokens / viaRead).toLocaleString('en')} | |`);
  console.log(`| compromise nlp() + people/organizations/places | ${theirs.toFixed(2)} | ${Math.round(theirRate).toLocaleString('en')} | ${theirNames} names |`);
  console.log('');
  console.log(`Dateline does the whole job at ${(ourRate / theirRate).toFixed(1)}× compromise's rate for names alone.`);
  console.log('');
  console.log('Where the time goes (second pass, per stage):');
  const total = [...perStage.values()].reduce((a, b) => a + b, 0);
  for (const [id, seconds] of perStage) {
    console.log(`  ${id.padEnd(10)} ${(seconds * 1000).toFixed(0).padStart(6)} ms  ${((100 * seconds) / total).toFixed(0).padStart(3)} %  ${Math.round(tokens / seconds).toLocaleString('en')} tokens/s alone`);
  }
}

main();
