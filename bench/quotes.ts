/**
 * `npm run bench:quotes`: the quotes stage on PolNeAR dev (shared/data/quotes/polnear/dev),
 * then on the annotated articles of other outlets, each set alone and both together (quotes-outlets.ts).
 * Each article's text is the document text and its non-empty lines are its paragraphs, so
 * offsets are the corpus offsets. Where several annotators annotated an article, the first
 * .ann file by name is used. Prints figures only; the metric is in lib/polnear-score.ts.
 *
 *   npx tsx bench/quotes.ts [--split dev|train] [--missed N] [--no-ner] [--polnear-only]
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Quote } from '../src/doc/annotations.js';
import { createDoc, type NewsDoc } from '../src/doc/news-doc.js';
import type { Stage } from '../src/pipeline/stage.js';
import { quotesStage } from '../src/stages/quotes/index.js';
import { sentencesStage } from '../src/stages/sentences/index.js';
import { createNerStage } from '../src/stages/ner/index.js';
import { entitiesStage } from '../src/stages/entities/index.js';
import { loadNerTagger } from '../src/io/ner-model.js';
import { SHARED } from './lib/datasets.js';
import { linesAsBlocks, loadPolnear, type PolnearArticle } from './lib/polnear.js';
import { MissedBreakdown } from './lib/polnear-missed.js';
import { printOutletFigures, scoreOutlets } from './quotes-outlets.js';
import { groupInterrupted, judgeSpeaker, quotedTokenMask, isQuoted, tokenIndex, tokensOf, Track, type Scores, type SpeakerVerdict } from './lib/polnear-score.js';

const args = process.argv.slice(2);
const split = valueOf('--split') ?? 'dev';
const missedToShow = Number(valueOf('--missed') ?? '12');

function valueOf(flag: string): string | undefined {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
}

/**
 * The stages before quotes: sentences, then (unless --no-ner, or when the model cannot be
 * loaded) the entity tagger and the entities stage, so speakers map to entities.
 */
function stagesBefore(): Stage[] {
  const out: Stage[] = [sentencesStage];
  if (args.includes('--no-ner')) return out;
  try {
    out.push(createNerStage(loadNerTagger()), entitiesStage);
  } catch (error) {
    console.log(`(tagger not loaded, running without mentions: ${(error as Error).message})`);
  }
  return out;
}

function documentOf(article: PolnearArticle): NewsDoc {
  const doc = createDoc({ format: 'text' }, article.text);
  doc.text = article.text;
  doc.layers.blocks = linesAsBlocks(article.text);
  return doc;
}

const isQuotation = (q: Quote): boolean => q.kind === 'direct' || q.kind === 'partial';

function main(): void {
  const articles = loadPolnear(join(SHARED, 'data/quotes/polnear', split));
  const before = stagesBefore();
  const quoted = new Track();
  const reported = new Track();
  const all = new Track();
  const verdicts = { quoted: new Map<SpeakerVerdict, number>(), all: new Map<SpeakerVerdict, number>() };
  const missed = { quoted: new MissedBreakdown(), reported: new MissedBreakdown() };
  const kinds = new Map<string, { predicted: number; correct: number }>();
  let tokens = 0;
  let quoteMs = 0;
  let several = 0;
  for (const article of articles) {
    if (article.annotators > 1) several++;
    let doc = documentOf(article);
    for (const stage of before) doc = stage.run(doc, undefined);
    const t0 = performance.now();
    doc = quotesStage.run(doc, undefined);
    quoteMs += performance.now() - t0;
    const index = tokenIndex(article.text);
    tokens += index.starts.length;
    const mask = quotedTokenMask(article.text, index);
    const quotes = doc.layers.quotes ?? [];
    const groups = groupInterrupted(article.text, quotes);
    const predictions = groups.map((g) => quotes[g[0]!]!);
    const predTokens = groups.map((g) => tokensOf(index, g.map((k) => quotes[k]!)));
    const golds = article.attributions;
    const goldTokens = golds.map((g) => tokensOf(index, g.content));
    const goldQuoted = goldTokens.map((g) => isQuoted(mask, g));

    const quotationIdx = predictions.map((q, k) => (isQuotation(q) ? k : -1)).filter((k) => k >= 0);
    const reportedIdx = predictions.map((q, k) => (isQuotation(q) ? -1 : k)).filter((k) => k >= 0);
    const quotedGoldIdx = golds.map((_, k) => (goldQuoted[k] ? k : -1)).filter((k) => k >= 0);
    const reportedGoldIdx = golds.map((_, k) => (goldQuoted[k] ? -1 : k)).filter((k) => k >= 0);

    const qMatches = quoted.add(quotationIdx.map((k) => predTokens[k]!), quotedGoldIdx.map((k) => goldTokens[k]!), goldTokens);
    reported.add(reportedIdx.map((k) => predTokens[k]!), reportedGoldIdx.map((k) => goldTokens[k]!), goldTokens);
    const aMatches = all.add(predTokens, goldTokens, goldTokens);
    for (const [k, q] of predictions.entries()) {
      const entry = kinds.get(q.kind) ?? { predicted: 0, correct: 0 };
      entry.predicted++;
      const p = predTokens[k]!;
      if (p.length > 0 && goldTokens.some((g) => g.filter((t) => p.includes(t)).length >= 0.5 * p.length)) entry.correct++;
      kinds.set(q.kind, entry);
    }
    const mentions = doc.layers.mentions ?? [];
    const judge = (matches: number[], goldIdx: number[], predIdx: number[], into: Map<SpeakerVerdict, number>): void => {
      matches.forEach((m, k) => {
        if (m < 0) return;
        const q = predictions[predIdx[m]!]!;
        const g = golds[goldIdx[k]!]!;
        const sourceEntity = g.source !== undefined ? mentions.find((x) => x.start < g.source!.end && g.source!.start < x.end)?.entity : undefined;
        const verdict = judgeSpeaker(
          {
            ...(q.speakerMention !== undefined ? { speaker: q.speakerMention, speakerText: q.speakerMention.text } : {}),
            ...(q.speaker !== undefined ? { entity: q.speaker } : {}),
          },
          { ...g, ...(sourceEntity !== undefined ? { entity: sourceEntity } : {}) },
        );
        into.set(verdict, (into.get(verdict) ?? 0) + 1);
      });
    };
    judge(qMatches, quotedGoldIdx, quotationIdx, verdicts.quoted);
    judge(aMatches, golds.map((_, k) => k), predictions.map((_, k) => k), verdicts.all);
    aMatches.forEach((m, k) => {
      if (m >= 0) return;
      const g = goldTokens[k]!;
      const overlapped = predTokens.some((p) => p.some((t) => g.includes(t)));
      missed[goldQuoted[k] ? 'quoted' : 'reported'].add(golds[k]!, overlapped);
    });
  }

  const line = (label: string, s: Scores): string =>
    `${label.padEnd(34)} P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}`;
  const speakerLine = (m: Map<SpeakerVerdict, number>): string => {
    const judged = ['span', 'name', 'entity', 'wrong'].reduce((n, v) => n + (m.get(v as SpeakerVerdict) ?? 0), 0);
    const right = (m.get('span') ?? 0) + (m.get('name') ?? 0) + (m.get('entity') ?? 0);
    const pct = (n: number): string => (judged === 0 ? '-' : `${((100 * n) / judged).toFixed(1)}%`);
    return `speaker right ${pct(right)} of ${judged} found with a gold source (span overlap ${pct(m.get('span') ?? 0)}, +last-name match ${pct(m.get('name') ?? 0)}, +same entity ${pct(m.get('entity') ?? 0)}); no gold source: ${m.get('none') ?? 0}`;
  };
  console.log(`PolNeAR ${split}: ${articles.length} articles (${several} with several annotators: first .ann by name), ${all.gold} gold attributions`);
  console.log(`stages before quotes: ${before.map((s) => s.id).join(', ') || 'none'}; quotes stage ${((tokens / quoteMs) * 1000).toFixed(0)} tokens/s`);
  console.log(`\nQuoted speech (gold content ≥ 50% inside “…”, "…" or ''…''; predictions of kind direct/partial): ${quoted.gold} gold, ${quoted.predicted} predicted`);
  console.log(line('  content, span match (≥50% overlap)', quoted.spanScores()));
  console.log(line('  content, token overlap', quoted.tokenScores()));
  console.log(`  ${speakerLine(verdicts.quoted)}`);
  console.log(`\nReported speech and beliefs (other gold; predictions of kind indirect): ${reported.gold} gold, ${reported.predicted} predicted`);
  console.log(line('  content, span match (≥50% overlap)', reported.spanScores()));
  console.log(line('  content, token overlap', reported.tokenScores()));
  console.log(`\nAll attributions: ${all.gold} gold, ${all.predicted} predicted`);
  console.log(line('  content, span match (≥50% overlap)', all.spanScores()));
  console.log(line('  content, token overlap', all.tokenScores()));
  console.log(`  ${speakerLine(verdicts.all)}`);
  console.log(`  precision by predicted kind: ${[...kinds].map(([k, v]) => `${k} ${(v.correct / v.predicted).toFixed(3)} (${v.predicted})`).join(', ')}`);
  for (const which of ['reported', 'quoted'] as const) {
    console.log(`\nMissed ${which === 'quoted' ? 'quoted' : 'reported'} attributions, by the annotated cue (not found by any prediction at ≥50% of their tokens):`);
    for (const text of missed[which].lines(missedToShow)) console.log(text);
  }
  if (split === 'dev' && !args.includes('--polnear-only')) {
    for (const sets of [['first'], ['second'], ['first', 'second']] as const) {
      console.log('');
      printOutletFigures(scoreOutlets(before, { sets }), sets);
    }
  }
}

main();
