/**
 * Where the tests find the repository and the read-only `shared/` beside it, whether
 * they run from source (tsx) or compiled (dist/test, dist/src).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRepoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('No package.json above the test helpers');
    dir = parent;
  }
  return dir;
}

/** The repository root: the nearest ancestor holding a package.json. */
export const REPO_ROOT = findRepoRoot();

/** `../shared` beside the checkout (override with DATELINE_SHARED). */
export const SHARED = process.env.DATELINE_SHARED ?? resolve(REPO_ROOT, '..', 'shared');

/** The project's seed example and its expected reading, kept in the repository. */
export const SEED_PAGE = join(REPO_ROOT, 'test', 'fixtures', 'seed', 'sco-summit-page.txt');
export const SEED_EXPECTED = join(REPO_ROOT, 'test', 'fixtures', 'seed', 'sco-summit-expected.json');

/** The Wikinews demo corpus shipped with the repository (CC BY 2.5, see demo/wikinews/README.md). */
export const WIKINEWS = join(REPO_ROOT, 'demo', 'wikinews', 'wikinews-en-2019-2020.jsonl');
