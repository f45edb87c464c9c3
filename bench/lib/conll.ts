/**
 * CoNLL-2003 column files: reading, writing and conlleval-style entity scoring.
 *
 * A file is `word POS chunk NER` lines, a blank line between sentences and
 * `-DOCSTART-` lines between documents. Only the first (word) and last (tag) columns
 * are used; the POS and chunk columns are never given to the tagger.
 */

export interface ConllSentence {
  readonly words: string[];
  /** Gold tags as written in the file (IOB1 or IOB2). */
  readonly tags: string[];
  /** The full lines, kept so a tagged copy can be written back. */
  readonly lines: string[];
}

export interface ConllDocument {
  readonly sentences: ConllSentence[];
}

export function parseConll(text: string): ConllDocument[] {
  const documents: ConllDocument[] = [];
  let current: ConllDocument | undefined;
  let sentence: ConllSentence | undefined;
  const closeSentence = (): void => {
    if (sentence !== undefined && sentence.words.length > 0) {
      if (current === undefined) {
        current = { sentences: [] };
        documents.push(current);
      }
      current.sentences.push(sentence);
    }
    sentence = undefined;
  };
  for (const rawLine of text.split('\n')) {
    const line = rawLine.replace(/\r$/, '');
    if (line.trim() === '') {
      closeSentence();
      continue;
    }
    const columns = line.trim().split(/\s+/);
    if (columns[0] === '-DOCSTART-') {
      closeSentence();
      current = { sentences: [] };
      documents.push(current);
      continue;
    }
    sentence ??= { words: [], tags: [], lines: [] };
    sentence.words.push(columns[0]!);
    sentence.tags.push(columns.length > 1 ? columns[columns.length - 1]! : 'O');
    sentence.lines.push(line);
  }
  closeSentence();
  return documents.filter((document) => document.sentences.length > 0);
}

export interface Chunk {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
  readonly type: string;
}

/**
 * Chunks of one sentence's tags by conlleval's rules, which read IOB1 and IOB2 alike:
 * a chunk starts at B-X, or at I-X after O or after a tag of another type; it ends
 * before any tag that is not I- of the same type. BILOU tags (L-, U-) are read too.
 */
export function chunksOf(tags: readonly string[]): Chunk[] {
  const chunks: Chunk[] = [];
  let start = -1;
  let type = '';
  for (let i = 0; i <= tags.length; i++) {
    const tag = i < tags.length ? tags[i]! : 'O';
    const prefix = tag === 'O' ? 'O' : tag.slice(0, 1);
    const tagType = tag === 'O' ? '' : tag.slice(2);
    const continues = start >= 0 && (prefix === 'I' || prefix === 'L') && tagType === type;
    if (!continues && start >= 0) {
      chunks.push({ start, end: i, type });
      start = -1;
    }
    if (!continues && prefix !== 'O') {
      start = i;
      type = tagType;
    }
    if (start >= 0 && (prefix === 'L' || prefix === 'U')) {
      chunks.push({ start, end: i + 1, type });
      start = -1;
    }
  }
  return chunks;
}

export interface Counts {
  correct: number;
  predicted: number;
  gold: number;
}

export interface Scores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly counts: Counts;
}

export class EntityScorer {
  private readonly byType = new Map<string, Counts>();
  private readonly total: Counts = { correct: 0, predicted: 0, gold: 0 };

  /** Adds one sentence: gold and predicted tags, one per token. */
  add(goldTags: readonly string[], predictedTags: readonly string[]): void {
    this.addChunks(chunksOf(goldTags), chunksOf(predictedTags));
  }

  addChunks(gold: readonly Chunk[], predicted: readonly Chunk[], types?: ReadonlySet<string>): void {
    const keep = (chunk: Chunk): boolean => types === undefined || types.has(chunk.type);
    const goldKeys = new Set(gold.filter(keep).map((c) => `${c.start}:${c.end}:${c.type}`));
    for (const chunk of gold.filter(keep)) this.count(chunk.type, 'gold');
    for (const chunk of predicted.filter(keep)) {
      this.count(chunk.type, 'predicted');
      if (goldKeys.has(`${chunk.start}:${chunk.end}:${chunk.type}`)) this.count(chunk.type, 'correct');
    }
  }

  overall(): Scores {
    return scoresOf(this.total);
  }

  perType(): Map<string, Scores> {
    const out = new Map<string, Scores>();
    for (const type of [...this.byType.keys()].sort()) out.set(type, scoresOf(this.byType.get(type)!));
    return out;
  }

  private count(type: string, field: keyof Counts): void {
    let counts = this.byType.get(type);
    if (counts === undefined) {
      counts = { correct: 0, predicted: 0, gold: 0 };
      this.byType.set(type, counts);
    }
    counts[field]++;
    this.total[field]++;
  }
}

function scoresOf(counts: Counts): Scores {
  const precision = counts.predicted === 0 ? 0 : counts.correct / counts.predicted;
  const recall = counts.gold === 0 ? 0 : counts.correct / counts.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision: precision * 100, recall: recall * 100, f1: f1 * 100, counts: { ...counts } };
}

/** Tags in IOB2 (every chunk starts with B-), from any scheme chunksOf reads. */
export function toIob2(tags: readonly string[]): string[] {
  const out: string[] = tags.map(() => 'O');
  for (const chunk of chunksOf(tags)) {
    for (let i = chunk.start; i < chunk.end; i++) out[i] = `${i === chunk.start ? 'B' : 'I'}-${chunk.type}`;
  }
  return out;
}
