import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

export interface ApiToken {
  readonly token: string;
  /** Made just now: the caller prints it, this once. */
  readonly created: boolean;
  /** Where it is kept, when it came from a file. */
  readonly path: string | null;
}

/**
 * The token writes need: DATELINE_TOKEN when set, else the one kept beside the store
 * (`<db>.token`, readable by its owner only), made on first start.
 */
export function apiToken(db: string, env: NodeJS.ProcessEnv = process.env): ApiToken {
  const fromEnv = env['DATELINE_TOKEN']?.trim();
  if (fromEnv !== undefined && fromEnv !== '') return { token: fromEnv, created: false, path: null };
  const path = `${db}.token`;
  try {
    return { token: readFileSync(path, 'utf8').trim(), created: false, path };
  } catch {
    const token = randomBytes(24).toString('base64url');
    // 'wx': if another process made it meanwhile, theirs wins and is read back.
    try {
      writeFileSync(path, `${token}\n`, { mode: 0o600, flag: 'wx' });
      return { token, created: true, path };
    } catch {
      return { token: readFileSync(path, 'utf8').trim(), created: false, path };
    }
  }
}
