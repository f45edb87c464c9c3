import type { BlockContext, QuotedWords } from './context.js';
import type { Cue } from './cues.js';
import { SUBJECT_STOPS } from './lexicon.js';
import { subjectAfter, subjectBefore, type Subject } from './speaker.js';

/** Words a subject may take between the closing mark and an unknown verb. */
const MAX_SUBJECT_WORDS = 6;

/**
 * A speech verb we do not list, known by its place: “Go back to Univision,” Trump barked.
 * / “…!” beamed Donald Hartley. The quotation must end its clause (, ! ? inside the
 * marks) and a past-tense word must follow it with its subject.
 */
export function positionalCue(ctx: BlockContext, q: QuotedWords, limit: number): { cue: Cue; subject: Subject } | undefined {
  const { words } = ctx;
  const lastInside = words[q.end - 1];
  if (lastInside === undefined || lastInside.isWord || !/^[,!?]$/u.test(lastInside.text)) return undefined;
  let i = q.end + 1;
  while (i < limit && !words[i]!.isWord && words[i]!.text !== '.') i++;
  for (let j = i; j < limit && j - i <= MAX_SUBJECT_WORDS; j++) {
    const w = words[j]!;
    if (!w.isWord) return undefined;
    if (w.text !== w.lower || !w.lower.endsWith('ed') || SUBJECT_STOPS.has(w.lower)) continue;
    const after = words[j + 1];
    // “…,” Toomey fumed on Tuesday / LeVell assured the crowd: whatever follows, but not a passive's agent.
    const endsClause = after === undefined || !after.isWord || after.lower !== 'by';
    const cue: Cue = { first: j, last: j, lemma: w.lower, act: 'speech', takesObject: false, according: false, quoteOnly: true };
    if (j === i) {
      // Inverted: “…!” beamed Donald Hartley.
      const subject = subjectAfter(words, j + 1, limit);
      return subject !== undefined && words[j + 1]!.capitalised ? { cue, subject } : undefined;
    }
    const subject = endsClause ? subjectBefore(words, j, i) : undefined;
    return subject !== undefined && subject.first === i ? { cue, subject } : undefined;
  }
  return undefined;
}
