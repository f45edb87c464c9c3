import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout's root (the folder with package.json), from scripts/ or dist/scripts/. */
export function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    dir = resolve(dir, '..');
  }
  throw new Error('package.json not found above scripts/');
}

/** The folder of the tagger's files, models/ner in the checkout. */
export const MODEL_DIR = join(repositoryRoot(), 'models', 'ner');
