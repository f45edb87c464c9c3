import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Block } from '../../src/doc/news-doc.js';
import type { Span } from '../../src/doc/span.js';

/**
 * PolNeAR (brat standoff, see shared/data/quotes/README.md): one text per article and
 * one .ann file per annotator. Spans are UTF-16 offsets into the text as read by Node
 * (the corpus is UTF-8 text; its offsets count characters, and the texts hold no
 * astral characters we rely on).
 */

/** One attribution event: its content (with any discontinuous Content2), cue and source. */
export interface GoldAttribution {
  readonly content: Span[];
  readonly cue?: Span;
  readonly source?: Span;
  readonly cueText: string;
  readonly sourceText: string;
}

export interface PolnearArticle {
  readonly name: string;
  readonly text: string;
  /** Which annotator's file was used (the first by name when there are several). */
  readonly annotation: string;
  /** How many annotators' files the article has. */
  readonly annotators: number;
  readonly attributions: GoldAttribution[];
}

export function loadPolnear(dir: string): PolnearArticle[] {
  const files = readdirSync(join(dir, 'attributions')).filter((f) => f.endsWith('.ann')).sort();
  const byArticle = new Map<string, string[]>();
  for (const file of files) {
    const name = file.replace(/_[^_]+\.ann$/u, '');
    byArticle.set(name, [...(byArticle.get(name) ?? []), file]);
  }
  const out: PolnearArticle[] = [];
  for (const [name, annFiles] of [...byArticle].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const file = annFiles[0]!;
    const text = readFileSync(join(dir, 'text', `${name}.txt`), 'utf8');
    const ann = readFileSync(join(dir, 'attributions', file), 'utf8');
    out.push({ name, text, annotation: file, annotators: annFiles.length, attributions: parseAnn(ann, text) });
  }
  return out;
}

/** Parses the T (span) and E (event) lines of a brat file into attributions. */
export function parseAnn(ann: string, text: string): GoldAttribution[] {
  const spans = new Map<string, Span[]>();
  const events: string[] = [];
  for (const line of ann.split('\n')) {
    const [id, body] = line.split('\t');
    if (id === undefined || body === undefined) continue;
    if (id.startsWith('T')) {
      const space = body.indexOf(' ');
      // A fragmented span is written "start end;start end".
      const parts = body.slice(space + 1).split(';').map((p) => p.trim().split(' ').map(Number));
      const list: Span[] = [];
      for (const [start, end] of parts) {
        if (start !== undefined && end !== undefined && Number.isFinite(start) && Number.isFinite(end)) list.push({ start, end });
      }
      spans.set(id, list);
    } else if (id.startsWith('E')) {
      events.push(body);
    }
  }
  const out: GoldAttribution[] = [];
  for (const body of events) {
    const content: Span[] = [];
    let cue: Span | undefined;
    let source: Span | undefined;
    for (const arg of body.trim().split(/\s+/u)) {
      const [role, ref] = arg.split(':');
      const found = ref !== undefined ? spans.get(ref) : undefined;
      if (role === undefined || found === undefined || found.length === 0) continue;
      if (role.startsWith('Content')) content.push(...found);
      else if (role === 'Cue') cue = found[0];
      else if (role === 'Source') source = found[0];
    }
    if (content.length === 0) continue;
    out.push({
      content,
      ...(cue !== undefined ? { cue } : {}),
      ...(source !== undefined ? { source } : {}),
      cueText: cue !== undefined ? text.slice(cue.start, cue.end) : '',
      sourceText: source !== undefined ? text.slice(source.start, source.end) : '',
    });
  }
  return out;
}

/** The brief's layout for the benchmark: every non-empty line is a paragraph. */
export function linesAsBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let at = 0;
  while (at < text.length) {
    let nl = text.indexOf('\n', at);
    if (nl < 0) nl = text.length;
    let start = at;
    let end = nl;
    while (start < end && /\s/u.test(text[start]!)) start++;
    while (end > start && /\s/u.test(text[end - 1]!)) end--;
    if (end > start) blocks.push({ kind: 'paragraph', start, end });
    at = nl + 1;
  }
  return blocks;
}
