import { readFileSync } from 'node:fs';
import { loadNerTagger } from '../io/ner-model.js';
import type { NerTagger } from '../stages/ner/index.js';
import { namesOf } from '../stages/ner/tags.js';
import { write, type Streams } from './streams.js';

export const TAG_HELP = `Usage: dateline tag --conll FILE

Reads a CoNLL file (one token per line, the word in the first column, a blank line
between sentences, -DOCSTART- lines between documents) and writes it back with the
predicted entity tag (IOB2: B-PER, I-ORG, O, ...) appended to each token line, so it
can be scored with conlleval or any other scorer. FILE may be - for standard input.
Only the word column is read; POS, chunk and gold columns are kept as they are.`;


/** `dateline tag --conll FILE` (argv after `tag`). Resolves to the exit status. */
export async function runTagCommand(argv: readonly string[], streams: Streams): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    await write(streams.out, `${TAG_HELP}\n`);
    return 0;
  }
  const at = argv.indexOf('--conll');
  const file = at >= 0 ? argv[at + 1] : undefined;
  const unknown = argv.filter((arg, i) => i !== at && i !== at + 1);
  if (file === undefined || unknown.length > 0) {
    await write(streams.err, `dateline: tag needs --conll FILE${unknown.length > 0 ? ` (unknown: ${unknown.join(' ')})` : ''}\n${TAG_HELP}\n`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    await write(streams.err, `dateline: ${file}: ${(error as Error).message} [INPUT_UNREADABLE]\n`);
    return 1;
  }
  await write(streams.out, tagConllText(text, loadNerTagger()));
  return 0;
}

/** The CoNLL text with each token line's predicted IOB2 tag appended (same separator as the line). */
export function tagConllText(text: string, tagger: NerTagger): string {
  const lines = text.split('\n');
  const out = lines.slice();
  // Token lines of the current document, sentence by sentence.
  let lineOf: number[] = [];
  let words: string[] = [];
  let bounds: number[] = [];
  let sentenceStarts = true;
  const flush = (): void => {
    sentenceStarts = true;
    if (words.length === 0) return;
    bounds.push(words.length);
    const tags = tagger.tag({ words, sentenceBounds: bounds });
    const strings = words.map(() => 'O');
    for (let s = 0; s + 1 < bounds.length; s++) {
      for (const name of namesOf(tags.subarray(bounds[s]!, bounds[s + 1]!))) {
        for (let i = name.start; i < name.end; i++) strings[bounds[s]! + i] = `${i === name.start ? 'B' : 'I'}-${name.type}`;
      }
    }
    lineOf.forEach((line, k) => { out[line] = appendColumn(lines[line]!, strings[k]!); });
    lineOf = [];
    words = [];
    bounds = [];
  };
  lines.forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    const word = line.trim().split(/\s+/)[0] ?? '';
    if (word === '') {
      sentenceStarts = true;
      return;
    }
    if (word === '-DOCSTART-') {
      flush();
      out[index] = appendColumn(lines[index]!, 'O');
      return;
    }
    if (sentenceStarts) bounds.push(words.length);
    sentenceStarts = false;
    lineOf.push(index);
    words.push(word);
  });
  flush();
  return out.join('\n');
}

function appendColumn(line: string, tag: string): string {
  const cr = line.endsWith('\r');
  const body = cr ? line.slice(0, -1) : line;
  return `${body}${body.includes('\t') ? '\t' : ' '}${tag}${cr ? '\r' : ''}`;
}
