/**
 * Dev loop for the quotes stage on PolNeAR (train by default: tune there, report dev):
 * prints the worst cases — quoted speech missed, found with the wrong speaker, and
 * predictions matching no gold content.
 *
 *   npx tsx scripts/eval-quotes.ts [--split train|dev] [--show wrong|missed|false|all] [--limit N] [--kind direct|partial|indirect]
 */
import { join } from 'node:path';
import type { Quote } from '../src/doc/annotations.js';
import { createDoc } from '../src/doc/news-doc.js';
import { sentencesStage } from '../src/stages/sentences/index.js';
import { quotesStage } from '../src/stages/quotes/index.js';
import { SHARED } from '../bench/lib/datasets.js';
import { linesAsBlocks, loadPolnear } from '../bench/lib/polnear.js';
import { groupInterrupted, isQuoted, judgeSpeaker, MATCH_SHARE, quotedTokenMask, tokenIndex, tokensOf } from '../bench/lib/polnear-score.js';

const args = process.argv.slice(2);
const option = (flag: string, fallback: string): string => {
  const at = args.indexOf(flag);
  return at >= 0 ? (args[at + 1] ?? fallback) : fallback;
};
const split = option('--split', 'train');
const show = option('--show', 'all');
const limit = Number(option('--limit', '40'));
const kindFilter = option('--kind', '');

const clip = (s: string, n = 140): string => (s.length > n ? `${s.slice(0, n)}…` : s).replace(/\n/gu, ' ⏎ ');
const shared = (a: number[], b: number[]): number => a.filter((t) => b.includes(t)).length;
const printed = { wrong: 0, missed: 0, false: 0 };

for (const article of loadPolnear(join(SHARED, 'data/quotes/polnear', split))) {
  const doc = createDoc({ format: 'text' }, article.text);
  doc.text = article.text;
  doc.layers.blocks = linesAsBlocks(article.text);
  sentencesStage.run(doc, undefined);
  quotesStage.run(doc, undefined);
  const index = tokenIndex(article.text);
  const mask = quotedTokenMask(article.text, index);
  const quotes: Quote[] = (doc.layers.quotes ?? []).filter((q) => kindFilter === '' || q.kind === kindFilter);
  // Scored as the benchmark scores them: an interrupted quotation is one prediction.
  const groups = groupInterrupted(article.text, quotes);
  const predictions = groups.map((g) => quotes[g[0]!]!);
  const predTokens = groups.map((g) => tokensOf(index, g.map((k) => quotes[k]!)));
  const goldTokens = article.attributions.map((g) => tokensOf(index, g.content));
  article.attributions.forEach((gold, k) => {
    const g = goldTokens[k]!;
    const quotedGold = isQuoted(mask, g);
    // Quoted speech by default; with --kind indirect, the reported speech only.
    if (quotedGold === (kindFilter === 'indirect')) return;
    let best = -1;
    let bestOverlap = 0;
    predTokens.forEach((p, j) => {
      // As in the benchmark: quoted speech is found by quotations, the rest by anything.
      if (quotedGold && predictions[j]!.kind === 'indirect') return;
      const o = shared(p, g);
      if (o > bestOverlap) [best, bestOverlap] = [j, o];
    });
    const content = gold.content.map((s) => article.text.slice(s.start, s.end)).join(' … ');
    if (best < 0 || bestOverlap < MATCH_SHARE * g.length) {
      if ((show === 'missed' || show === 'all') && printed.missed++ < limit) {
        console.log(`MISSED  ${article.name}\n  gold: ${clip(content)}\n  cue "${gold.cueText}" source "${gold.sourceText}"`);
      }
      return;
    }
    const q = predictions[best]!;
    const verdict = judgeSpeaker(
      {
        ...(q.speakerMention !== undefined ? { speaker: q.speakerMention, speakerText: q.speakerMention.text } : {}),
      },
      gold,
    );
    if (verdict === 'wrong' && (show === 'wrong' || show === 'all') && printed.wrong++ < limit) {
      const at = q.start;
      const context = article.text.slice(Math.max(0, at - 120), Math.min(article.text.length, q.end + 80));
      console.log(
        `WRONG   ${article.name}\n  gold source "${gold.sourceText}" cue "${gold.cueText}"\n  ours "${q.speakerMention?.text ?? '-'}" (${q.attribution ?? 'none'}, cue "${q.cue?.text ?? '-'}", ${q.kind})\n  ${clip(context, 320)}`,
      );
    }
  });
  predTokens.forEach((p, j) => {
    if (p.length === 0 || goldTokens.some((g) => shared(p, g) >= MATCH_SHARE * p.length)) return;
    const q = predictions[j]!;
    if ((show === 'false' || show === 'all') && printed.false++ < limit) {
      console.log(`FALSE   ${article.name} [${q.kind}] ${clip(q.text)}\n  speaker "${q.speakerMention?.text ?? '-'}" cue "${q.cue?.text ?? '-'}"`);
    }
  });
}
console.log(`\nprinted: ${JSON.stringify(printed)}`);
