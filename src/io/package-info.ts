import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Dateline's own version, from the nearest package.json named `dateline` above this
 * module (it sits at a different depth in `src/` and in `dist/src/`).
 */
export function packageVersion(): string {
  return packageJson()?.pkg.version ?? 'unknown';
}

/** The folder Dateline is installed in (where `demo/` and `examples/` are). */
export function packageRoot(): string {
  const found = packageJson();
  if (found === null) throw new Error('Dateline cannot find its own package.json');
  return fileURLToPath(found.url);
}

function packageJson(): { url: URL; pkg: { version: string } } | null {
  let url = new URL('./', import.meta.url);
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('package.json', url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'dateline' && typeof pkg.version === 'string') return { url, pkg: { version: pkg.version } };
    } catch {
      // Not here: look one folder up.
    }
    url = new URL('../', url);
  }
  return null;
}
