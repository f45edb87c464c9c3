import { readFileSync } from 'node:fs';

/**
 * Dateline's own version, from the nearest package.json named `dateline` above this
 * module (it sits at a different depth in `src/` and in `dist/src/`).
 */
export function packageVersion(): string {
  let url = new URL('./', import.meta.url);
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('package.json', url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'dateline' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // Not here: look one folder up.
    }
    url = new URL('../', url);
  }
  return 'unknown';
}
