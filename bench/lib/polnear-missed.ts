import { CUE_VERBS } from '../../src/stages/quotes/lexicon.js';
import type { GoldAttribution } from './polnear.js';

/** Why a gold attribution was missed, as far as its cue tells. */
export type MissReason =
  | 'speech verb we know'
  | 'belief/finding verb we know'
  | 'verb or phrase outside our lexicon'
  | 'punctuation cue (colon, dash)'
  | 'no cue';

/**
 * Counts of missed gold attributions: by the kind of cue the annotators marked, whether a
 * prediction overlapped the content at all (then the boundaries disagreed) or nothing was
 * found there, and the commonest cue words per kind.
 */
export class MissedBreakdown {
  private readonly reasons = new Map<MissReason, { total: number; overlapped: number; noSource: number; cues: Map<string, number> }>();

  add(gold: GoldAttribution, overlapped: boolean): void {
    const cue = gold.cueText.toLowerCase().replace(/\s+/gu, ' ').trim();
    const reason = reasonOf(cue);
    const entry = this.reasons.get(reason) ?? { total: 0, overlapped: 0, noSource: 0, cues: new Map<string, number>() };
    entry.total++;
    if (overlapped) entry.overlapped++;
    if (gold.source === undefined) entry.noSource++;
    const key = cue === '' ? '(none)' : cue.length > 30 ? `${cue.slice(0, 30)}…` : cue;
    entry.cues.set(key, (entry.cues.get(key) ?? 0) + 1);
    this.reasons.set(reason, entry);
  }

  lines(topCues: number): string[] {
    const out: string[] = [];
    for (const [reason, entry] of [...this.reasons].sort((a, b) => b[1].total - a[1].total)) {
      const top = [...entry.cues].sort((a, b) => b[1] - a[1]).slice(0, topCues).map(([c, n]) => `${c} ${n}`);
      out.push(`  ${String(entry.total).padStart(5)}  ${reason}: ${entry.overlapped} partly overlapped by a prediction (boundaries differ), ${entry.noSource} without a source; top cues: ${top.join(', ')}`);
    }
    return out;
  }
}

export function reasonOf(cue: string): MissReason {
  if (cue === '') return 'no cue';
  if (!/\p{L}/u.test(cue)) return 'punctuation cue (colon, dash)';
  if (cue.includes('according to')) return 'speech verb we know';
  const words = cue.match(/\p{L}+/gu) ?? [];
  for (const word of words) {
    const verb = CUE_VERBS.get(word);
    if (verb !== undefined) return verb.act === 'speech' ? 'speech verb we know' : 'belief/finding verb we know';
  }
  return 'verb or phrase outside our lexicon';
}
