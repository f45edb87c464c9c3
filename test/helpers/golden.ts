/**
 * Helpers for the golden fixture suite (`test/golden.test.ts`): finding the fixtures,
 * reading them, the invariants every output must keep, the `facts.json` checks and a
 * stable serialisation for `expected.json`.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { read, type ReadInput } from '../../src/read.js';
import { toArticleJson, type ArticleJson } from '../../src/output/json.js';
import { DIAGNOSTIC_CODES } from '../../src/doc/diagnostics.js';
import type { NewsDoc } from '../../src/doc/news-doc.js';

/** `input.json`: how the fixture is handed to `read()`. */
export interface FixtureInput {
  url?: string;
  format?: 'html' | 'text' | 'auto';
  contentType?: string;
  /** The source file's name in the fixture directory (default `source.html`, else `source.txt`). */
  source?: string;
  /** Pass the file as `bytes` (default, so decoding is exercised) or as a decoded UTF-8 `content` string. */
  as?: 'bytes' | 'content';
}

export interface Fixture {
  readonly slug: string;
  readonly dir: string;
  readonly sourceFile: string;
  readonly input: FixtureInput;
  readonly facts: Facts | undefined;
  readonly expectedFile: string;
}

export interface Facts {
  about?: string;
  headline?: string | null;
  authors?: { name: string; kind: string }[];
  published?: { value: string; source: string | string[] } | null;
  modified?: { value: string; source: string | string[] } | null;
  dateline?: { text?: string; place?: string; country?: string | null; agency?: string | null } | null;
  body?: {
    starts_with?: string;
    ends_with?: string;
    paragraphs?: number;
    kinds?: Record<string, number>;
    must_contain?: string[];
    must_not_contain?: string[];
  };
  text?: { must_contain?: string[]; must_not_contain?: string[] };
  captions?: { count?: number; must_contain?: string[] };
  isArticle?: boolean;
  language?: string | null;
  siteName?: string | null;
  canonicalUrl?: string | null;
  description?: string | null;
  image?: string | null;
  furniture?: { items?: number; starts_with?: string; must_contain?: string[] };
  diagnostics?: { must_include?: string[]; must_not_include?: string[] };
  decoding?: { encoding?: string; decidedBy?: string; declared?: string; replacements?: number };
}

export function loadFixtures(root: string): Fixture[] {
  const pagesDir = join(root, 'test', 'fixtures', 'pages');
  return readdirSync(pagesDir)
    .filter((slug) => statSync(join(pagesDir, slug)).isDirectory())
    .sort()
    .map((slug) => {
      const dir = join(pagesDir, slug);
      const inputPath = join(dir, 'input.json');
      const input: FixtureInput = existsSync(inputPath) ? (JSON.parse(readFileSync(inputPath, 'utf8')) as FixtureInput) : {};
      const candidates = input.source !== undefined ? [input.source] : ['source.html', 'source.txt'];
      const found = candidates.find((name) => existsSync(join(dir, name))) ?? candidates[0]!;
      const factsPath = join(dir, 'facts.json');
      const facts = existsSync(factsPath) ? (JSON.parse(readFileSync(factsPath, 'utf8')) as Facts) : undefined;
      return { slug, dir, sourceFile: join(dir, found), input, facts, expectedFile: join(dir, 'expected.json') };
    });
}

export interface FixtureResult {
  readonly doc: NewsDoc;
  readonly json: ArticleJson;
}

export function readFixture(fixture: Fixture): FixtureResult {
  const bytes = readFileSync(fixture.sourceFile);
  const input: ReadInput = {
    path: `test/fixtures/pages/${fixture.slug}/${fixture.sourceFile.split(/[\\/]/).pop()!}`,
    ...(fixture.input.as === 'content'
      ? { content: bytes.toString('utf8') }
      : { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) }),
    ...(fixture.input.url !== undefined ? { url: fixture.input.url } : {}),
    ...(fixture.input.format !== undefined ? { format: fixture.input.format } : {}),
    ...(fixture.input.contentType !== undefined ? { contentType: fixture.input.contentType } : {}),
  };
  const doc = read(input);
  return { doc, json: toArticleJson(doc) };
}

// ---------------------------------------------------------------------------
// Golden serialisation

/** Paths (dot-separated) dropped from the golden output because they vary by machine or run. */
export const VOLATILE_PATHS: readonly string[] = ['source.path'];
/** Keys dropped wherever they appear, should a stage ever report timings. */
const VOLATILE_KEYS = /^(elapsedMs|durationMs|timings?)$/;

/** The output with volatile fields dropped, as plain JSON data with keys sorted. */
export function goldenValue(json: ArticleJson): unknown {
  const value = JSON.parse(JSON.stringify(json)) as Record<string, unknown>;
  for (const path of VOLATILE_PATHS) {
    const parts = path.split('.');
    let node: unknown = value;
    for (const part of parts.slice(0, -1)) node = isObject(node) ? node[part] : undefined;
    if (isObject(node)) delete node[parts[parts.length - 1]!];
  }
  return sortKeys(value);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (isObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      if (VOLATILE_KEYS.test(key)) continue;
      out[key] = sortKeys(value[key]);
    }
    return out;
  }
  return value;
}

/** Stable text for a golden file: sorted keys, two-space indent, trailing newline. */
export function stableStringify(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Where two JSON values differ, as `path: expected → actual` lines (at most `limit`). */
export function jsonDifferences(expected: unknown, actual: unknown, limit = 12): string[] {
  const out: string[] = [];
  const walk = (a: unknown, b: unknown, path: string): void => {
    if (out.length >= limit) return;
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length) out.push(`${path}: length ${a.length} → ${b.length}`);
      for (let i = 0; i < Math.min(a.length, b.length); i++) walk(a[i], b[i], `${path}[${i}]`);
      return;
    }
    if (isObject(a) && isObject(b)) {
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
        if (!(key in b)) out.push(`${path}.${key}: removed`);
        else if (!(key in a)) out.push(`${path}.${key}: added ${brief(b[key])}`);
        else walk(a[key], b[key], `${path}.${key}`);
      }
      return;
    }
    if (a !== b) out.push(`${path}: ${brief(a)} → ${brief(b)}`);
  };
  walk(expected, actual, '$');
  return out;
}

function brief(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

// ---------------------------------------------------------------------------
// Invariants every output keeps, whatever the page

const NON_BODY_KINDS = new Set(['headline', 'caption']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isWellFormed(text: string): boolean {
  const native = (text as unknown as { isWellFormed?: () => boolean }).isWellFormed;
  const nativeAnswer = typeof native === 'function' ? native.call(text) : undefined;
  const ours = !LONE_SURROGATE.test(text);
  return nativeAnswer ?? ours;
}

/** Every problem with the output's internal consistency; empty when it is consistent. */
export function invariantProblems(doc: NewsDoc, json: ArticleJson): string[] {
  const problems: string[] = [];
  const text = json.text;
  const blocks = json.blocks;

  // Blocks: valid, non-empty spans inside `text`, sorted and disjoint, trimmed.
  blocks.forEach((block, i) => {
    if (!Number.isInteger(block.start) || !Number.isInteger(block.end) || block.start < 0 || block.end > text.length || block.start >= block.end) {
      problems.push(`block ${i} (${block.kind}) has span [${block.start}, ${block.end}) outside text of length ${text.length} or empty`);
      return;
    }
    const slice = text.slice(block.start, block.end);
    if (!isWellFormed(slice)) problems.push(`block ${i} (${block.kind}) span [${block.start}, ${block.end}) splits a surrogate pair`);
    if (block.kind !== 'preformatted') {
      if (slice.trim() !== slice) problems.push(`block ${i} (${block.kind}) has leading/trailing whitespace: ${brief(slice)}`);
      if (slice.includes('\n\n')) problems.push(`block ${i} (${block.kind}) holds a blank line: ${brief(slice)}`);
    }
    if (block.kind === 'heading' && (block.level === undefined || block.level < 1 || block.level > 6)) {
      problems.push(`heading block ${i} has level ${String(block.level)}, not 1–6`);
    }
    if (i > 0 && block.start < blocks[i - 1]!.end) problems.push(`block ${i} starts at ${block.start}, before block ${i - 1} ends at ${blocks[i - 1]!.end}`);
  });

  // Nothing in `text` lies outside the blocks but whitespace.
  let cursor = 0;
  for (const block of blocks) {
    if (block.start > cursor && text.slice(cursor, block.start).trim() !== '') {
      problems.push(`text [${cursor}, ${block.start}) is in no block: ${brief(text.slice(cursor, block.start))}`);
    }
    cursor = Math.max(cursor, block.end);
  }
  if (text.slice(cursor).trim() !== '') problems.push(`text after the last block is in no block: ${brief(text.slice(cursor))}`);

  // `body` is the body blocks joined by blank lines.
  const body = blocks
    .filter((block) => !NON_BODY_KINDS.has(block.kind))
    .map((block) => text.slice(block.start, block.end))
    .join('\n\n');
  if (json.body !== body) problems.push(`body is not the body blocks joined by blank lines (first difference at ${firstDifference(json.body, body)})`);

  // The headline block, when there is one, comes first and matches the headline field.
  const headlineBlocks = blocks.filter((block) => block.kind === 'headline');
  if (headlineBlocks.length > 1) problems.push(`${headlineBlocks.length} headline blocks`);
  if (headlineBlocks.length === 1) {
    if (blocks[0]!.kind !== 'headline') problems.push('the headline block is not the first block');
    const headlineText = text.slice(headlineBlocks[0]!.start, headlineBlocks[0]!.end);
    if (json.headline !== headlineText) problems.push(`headline ${brief(json.headline)} differs from the headline block ${brief(headlineText)}`);
  }

  // The dateline's span covers its text, inside a body block.
  const dateline = json.dateline;
  if (dateline !== null) {
    const slice = text.slice(dateline.start, dateline.end);
    if (dateline.start < 0 || dateline.end > text.length || dateline.start >= dateline.end) problems.push(`dateline span [${dateline.start}, ${dateline.end}) is outside text`);
    else if (slice !== dateline.text) problems.push(`dateline text ${brief(dateline.text)} but its span covers ${brief(slice)}`);
    const inBlock = blocks.some((b) => !NON_BODY_KINDS.has(b.kind) && b.start <= dateline.start && dateline.end <= b.end);
    if (!inBlock) problems.push('dateline span is not inside a body block');
    if (dateline.place.trim() === '') problems.push('dateline has an empty place');
  }

  // Dates are ISO 8601.
  for (const field of ['published', 'modified'] as const) {
    const date = json[field];
    if (date !== null && !ISO_DATE.test(date.value)) problems.push(`${field} ${brief(date.value)} is not an ISO 8601 date or date-time`);
  }

  // Diagnostics: known codes, spans inside text.
  json.diagnostics.forEach((d, i) => {
    if (!(d.code in DIAGNOSTIC_CODES)) problems.push(`diagnostic ${i} has unknown code ${d.code}`);
    if (!['info', 'warning', 'error'].includes(d.severity)) problems.push(`diagnostic ${i} has severity ${String(d.severity)}`);
    if (d.span !== undefined && (d.span.start < 0 || d.span.end > text.length || d.span.start > d.span.end)) {
      problems.push(`diagnostic ${i} (${d.code}) span [${d.span.start}, ${d.span.end}) is outside text`);
    }
  });

  // Furniture: non-empty, spans inside the decoded input.
  const input = doc.input ?? '';
  json.furniture.forEach((f, i) => {
    if (f.text.trim() === '') problems.push(`furniture ${i} (${f.kind}) has no text`);
    if (f.reason.trim() === '') problems.push(`furniture ${i} (${f.kind}) gives no reason`);
    const s = f.inputSpan;
    if (s !== undefined && (s.start < 0 || s.end > input.length || s.start > s.end)) {
      problems.push(`furniture ${i} inputSpan [${s.start}, ${s.end}) is outside the input of length ${input.length}`);
    }
  });

  // Stages are `id@version`.
  for (const stage of json.stages) if (!/^[\w.-]+@\d+$/.test(stage)) problems.push(`stage ${brief(stage)} is not id@version`);

  // The output is plain JSON: no lone surrogates, nothing lost by serialising, no bytes.
  walkStrings(json, '$', (value, path) => {
    if (!isWellFormed(value)) problems.push(`${path} holds a lone surrogate`);
  });
  const roundTrip = JSON.parse(JSON.stringify(json)) as unknown;
  const lost = jsonDifferences(roundTrip, json, 5);
  if (lost.length > 0) problems.push(`output is not plain JSON: ${lost.join('; ')}`);
  if ('bytes' in json.source) problems.push('source carries the raw bytes');
  return problems;
}

function walkStrings(value: unknown, path: string, visit: (value: string, path: string) => void): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((item, i) => walkStrings(item, `${path}[${i}]`, visit));
  else if (isObject(value)) for (const [key, item] of Object.entries(value)) walkStrings(item, `${path}.${key}`, visit);
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `${i}: ${brief(a.slice(i, i + 40))} vs ${brief(b.slice(i, i + 40))}`;
}

// ---------------------------------------------------------------------------
// Facts

/** The checks for one `facts.json` field: problems found, empty when the fact holds. */
export function factProblems(field: keyof Facts, facts: Facts, json: ArticleJson): string[] {
  const p: string[] = [];
  const eq = (what: string, want: unknown, got: unknown): void => {
    if (JSON.stringify(want) !== JSON.stringify(got)) p.push(`${what}: want ${brief(want)}, got ${brief(got)}`);
  };
  const contains = (what: string, haystack: string, needles: string[] | undefined, want: boolean): void => {
    for (const needle of needles ?? []) {
      if (haystack.includes(needle) !== want) p.push(`${what} ${want ? 'lacks' : 'holds'} ${brief(needle)}`);
    }
  };
  const bodyBlocks = json.blocks.filter((b) => !NON_BODY_KINDS.has(b.kind));
  switch (field) {
    case 'about':
      break;
    case 'headline':
    case 'isArticle':
    case 'language':
    case 'siteName':
    case 'canonicalUrl':
    case 'description':
    case 'image':
      eq(field, facts[field], json[field]);
      break;
    case 'authors':
      eq('authors', facts.authors, json.authors.map((a) => ({ name: a.name, kind: a.kind })));
      break;
    case 'published':
    case 'modified': {
      const want = facts[field];
      const got = json[field];
      if (want === null || want === undefined || got === null) {
        eq(field, want ?? null, got === null ? null : { value: got.value, source: got.source });
        break;
      }
      if (sameDate(want.value, got.value) === false) eq(`${field}.value`, want.value, got.value);
      const sources = Array.isArray(want.source) ? want.source : [want.source];
      if (!sources.includes(got.source)) p.push(`${field}.source: want ${sources.join(' or ')}, got ${got.source}`);
      break;
    }
    case 'dateline': {
      const want = facts.dateline;
      const got = json.dateline;
      if (want === null || want === undefined || got === null) {
        eq('dateline', want ?? null, got === null ? null : { text: got.text, place: got.place, country: got.country, agency: got.agency });
        break;
      }
      for (const key of ['text', 'place', 'country', 'agency'] as const) {
        if (key in want) eq(`dateline.${key}`, want[key] ?? null, got[key] ?? null);
      }
      break;
    }
    case 'body': {
      const want = facts.body ?? {};
      if (want.starts_with !== undefined && !json.body.startsWith(want.starts_with)) {
        p.push(`body starts ${brief(json.body.slice(0, want.starts_with.length + 20))}, want ${brief(want.starts_with)}`);
      }
      if (want.ends_with !== undefined && !json.body.endsWith(want.ends_with)) {
        p.push(`body ends ${brief(json.body.slice(-(want.ends_with.length + 20)))}, want ${brief(want.ends_with)}`);
      }
      if (want.paragraphs !== undefined) eq('body paragraphs (body blocks)', want.paragraphs, bodyBlocks.length);
      if (want.kinds !== undefined) {
        const counts: Record<string, number> = {};
        for (const b of bodyBlocks) counts[b.kind] = (counts[b.kind] ?? 0) + 1;
        eq('body block kinds', sortKeys(want.kinds), sortKeys(counts));
      }
      contains('body', json.body, want.must_contain, true);
      contains('body', json.body, want.must_not_contain, false);
      break;
    }
    case 'text':
      contains('text', json.text, facts.text?.must_contain, true);
      contains('text', json.text, facts.text?.must_not_contain, false);
      break;
    case 'captions': {
      const captions = json.blocks.filter((b) => b.kind === 'caption').map((b) => json.text.slice(b.start, b.end));
      if (facts.captions?.count !== undefined) eq('caption blocks', facts.captions.count, captions.length);
      for (const needle of facts.captions?.must_contain ?? []) {
        if (!captions.some((c) => c.includes(needle))) p.push(`no caption block holds ${brief(needle)}`);
      }
      break;
    }
    case 'furniture': {
      const want = facts.furniture ?? {};
      const items = json.furniture.filter((f) => f.kind !== 'separator');
      if (want.items !== undefined) eq('furniture items (not separators)', want.items, items.length);
      if (want.starts_with !== undefined && !(items[0]?.text ?? '').startsWith(want.starts_with)) {
        p.push(`first furniture item is ${brief(items[0]?.text ?? null)}, want it to start ${brief(want.starts_with)}`);
      }
      for (const needle of want.must_contain ?? []) {
        if (!items.some((f) => f.text.includes(needle))) p.push(`no furniture item holds ${brief(needle)}`);
      }
      break;
    }
    case 'diagnostics': {
      const codes = json.diagnostics.map((d) => d.code as string);
      for (const code of facts.diagnostics?.must_include ?? []) if (!codes.includes(code)) p.push(`diagnostic ${code} missing (got ${codes.join(', ') || 'none'})`);
      for (const code of facts.diagnostics?.must_not_include ?? []) if (codes.includes(code)) p.push(`diagnostic ${code} present`);
      break;
    }
    case 'decoding': {
      const got = json.source.decoding;
      for (const [key, value] of Object.entries(facts.decoding ?? {})) {
        eq(`decoding.${key}`, value, got === undefined ? undefined : (got as unknown as Record<string, unknown>)[key]);
      }
      break;
    }
    default: {
      const unknown: never = field;
      p.push(`facts.json has a field the suite does not know: ${String(unknown)}`);
    }
  }
  return p;
}

/** Same date or date-time, `Z` and `+00:00` being the same offset. */
function sameDate(want: string, got: string): boolean {
  const norm = (value: string): string => value.replace(/Z$/, '+00:00');
  return norm(want) === norm(got);
}

export const FACT_FIELDS: readonly (keyof Facts)[] = [
  'about',
  'headline',
  'authors',
  'published',
  'modified',
  'dateline',
  'body',
  'text',
  'captions',
  'isArticle',
  'language',
  'siteName',
  'canonicalUrl',
  'description',
  'image',
  'furniture',
  'diagnostics',
  'decoding',
];
