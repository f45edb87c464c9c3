/** Turns extractor runs into the figures the report prints (quality, speed, memory, metadata). */
import { aggregate, aggregateWcxb, wcxbScore, zyteScore, type Aggregate, type PageScore } from './metrics.js';
import { scoreMetadata, type MetaAccuracy } from './meta-score.js';
import type { BenchPage } from './datasets.js';
import type { ExtractorRun, PageRun } from './child-run.js';
import type { ExtractorId } from './extractor.js';

export interface Memory {
  peakRssMb: number;
  baselineRssMb: number;
  children: number;
  chunks: number;
}

export interface Speed {
  pages: number;
  cpuSeconds: number;
  /** Pages per CPU-second (user + system). */
  pagesPerCpuSecond: number;
  medianMs: number;
  slowest: { id: string; ms: number; timeout: boolean } | null;
}

export interface Health {
  errors: number;
  timeouts: number;
  /** Up to three distinct error messages, for the notes. */
  sampleErrors: string[];
}

export interface PageRow {
  id: string;
  precision: number;
  recall: number;
  f1: number;
  empty: boolean;
  ms: number;
  cpuMs: number;
  error?: string;
  timeout?: true;
}

export interface ZyteResult {
  extractor: ExtractorId;
  quality: Aggregate;
  speed: Speed;
  health: Health;
  memory: Memory;
  perPage: PageRow[];
}

export interface WcxbResult {
  extractor: ExtractorId;
  articles: Aggregate;
  all: Aggregate;
  speed: { articles: Speed; all: Speed };
  health: Health;
  memory: Memory;
  metadata: MetaAccuracy;
  perPage: (PageRow & { pageType: string | null })[];
}

export function speedOf(pages: readonly PageRun[], ids: readonly string[]): Speed {
  const cpuMs = pages.reduce((sum, p) => sum + p.cpuMs, 0);
  const walls = pages.map((p) => p.wallMs).sort((a, b) => a - b);
  let slowest: Speed['slowest'] = null;
  for (const p of pages) {
    if (slowest === null || p.wallMs > slowest.ms) slowest = { id: ids[p.index] ?? p.id, ms: p.wallMs, timeout: p.timeout === true };
  }
  const mid = walls.length === 0 ? 0 : walls.length % 2 ? walls[(walls.length - 1) / 2]! : (walls[walls.length / 2 - 1]! + walls[walls.length / 2]!) / 2;
  return {
    pages: pages.length,
    cpuSeconds: cpuMs / 1000,
    pagesPerCpuSecond: cpuMs === 0 ? 0 : pages.length / (cpuMs / 1000),
    medianMs: mid,
    slowest,
  };
}

function healthOf(pages: readonly PageRun[]): Health {
  const messages = new Set<string>();
  for (const p of pages) if (p.error !== undefined && messages.size < 3) messages.add(p.error);
  return {
    errors: pages.filter((p) => p.error !== undefined).length,
    timeouts: pages.filter((p) => p.timeout === true).length,
    sampleErrors: [...messages],
  };
}

function memoryOf(run: ExtractorRun): Memory {
  return { peakRssMb: run.peakRssKb / 1024, baselineRssMb: run.baselineRssKb / 1024, children: run.children, chunks: run.chunks };
}

function row(truth: BenchPage, page: PageRun, score: PageScore): PageRow {
  const f1 = score.f1 ?? (score.precision + score.recall === 0 ? 0 : (2 * score.precision * score.recall) / (score.precision + score.recall));
  const r: PageRow = {
    id: truth.id,
    precision: round(score.precision),
    recall: round(score.recall),
    f1: round(f1),
    empty: score.empty,
    ms: round(page.wallMs, 1),
    cpuMs: round(page.cpuMs, 1),
  };
  if (page.error !== undefined) r.error = page.error;
  if (page.timeout) r.timeout = true;
  return r;
}

function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Every truth page has a run (a missing one would be a harness bug: scored as empty). */
function aligned(truth: readonly BenchPage[], run: ExtractorRun): PageRun[] {
  return truth.map(
    (page, index) =>
      run.pages[index] ?? { index, id: page.id, out: { body: '', title: null, authors: [], published: null }, error: 'no result', cpuMs: 0, wallMs: 0 },
  );
}

export function summarizeZyte(truth: readonly BenchPage[], run: ExtractorRun): ZyteResult {
  const pages = aligned(truth, run);
  const scores = pages.map((p, i) => zyteScore(truth[i]!.body, p.out.body));
  const ids = truth.map((t) => t.id);
  return {
    extractor: run.extractor,
    quality: aggregate(scores),
    speed: speedOf(pages, ids),
    health: healthOf(pages),
    memory: memoryOf(run),
    perPage: pages.map((p, i) => row(truth[i]!, p, scores[i]!)),
  };
}

export function summarizeWcxb(truth: readonly BenchPage[], run: ExtractorRun): WcxbResult {
  const pages = aligned(truth, run);
  const scores = pages.map((p, i) => wcxbScore(truth[i]!.body, p.out.body));
  const ids = truth.map((t) => t.id);
  const isArticle = truth.map((t) => t.pageType === 'article');
  return {
    extractor: run.extractor,
    articles: aggregateWcxb(scores.filter((_, i) => isArticle[i])),
    all: aggregateWcxb(scores),
    speed: { articles: speedOf(pages.filter((_, i) => isArticle[i]), ids), all: speedOf(pages, ids) },
    health: healthOf(pages),
    memory: memoryOf(run),
    metadata: scoreMetadata(
      pages.map((p, i) => ({
        truth: truth[i]!,
        predicted: { title: p.out.title, authors: p.out.authors, published: p.out.published },
      })),
    ),
    perPage: pages.map((p, i) => ({ ...row(truth[i]!, p, scores[i]!), pageType: truth[i]!.pageType ?? null })),
  };
}
