/**
 * robots.txt policy per RFC 9309. robots-parser reads the rules; everything around
 * them is ours: status handling (§2.3.1), the 512 KiB read limit (§2.5), caching
 * (§2.4), redirects (§2.3.1.2) and sharing one fetch between concurrent checks.
 *
 * Decisions: 2xx → the rules, cached 24 h. 4xx other than 429 → "unavailable", allow
 * everything, 24 h. 429, 5xx, other statuses, and every network, TLS or address-guard
 * failure → "unreachable": disallow everything and say when to ask again (Retry-After,
 * or five minutes, at most one hour); the entry lives until then, so a retry refetches.
 * More than five redirects, or a redirect loop → "unavailable" (the RFC's MAY): allow.
 * Rules always apply to the host that was asked about, wherever the redirects led.
 */
import { createRequire } from 'node:module';
import { FetchError, MAX_RETRY_AFTER_MS, parseRetryAfter } from './errors.js';
import type { BeforeRequest, Fetcher } from './fetcher.js';

/** What the caller may do with one URL. */
export type RobotsVerdict =
  | { allowed: true; crawlDelayMs?: number }
  | { allowed: false; code: 'ROBOTS_DISALLOWED'; reason: string }
  | { allowed: false; code: 'ROBOTS_UNREACHABLE'; retryAfterMs: number; reason: string };

export interface RobotsOptions {
  fetcher: Pick<Fetcher, 'fetch'>;
  /** Our product token, matched case-insensitively; default `Dateline`. */
  userAgentToken?: string;
  now?: () => number;
  /** How long an unreachable robots.txt blocks its host before it is fetched again; default 5 min. */
  unreachableRetryMs?: number;
  /** Passed to the robots.txt fetch (per-host politeness). */
  beforeRequest?: BeforeRequest;
}

export interface Robots {
  check(url: URL): Promise<RobotsVerdict>;
  /** The `Sitemap:` URLs of an origin's robots.txt (none when it has no usable file). */
  sitemaps(origin: string): Promise<string[]>;
}

/** RFC 9309 §2.5 asks for at least 500 KiB. */
export const ROBOTS_MAX_BYTES = 512 * 1024;
export const ROBOTS_TTL_MS = 24 * 60 * 60 * 1000;
const DEFAULT_UNREACHABLE_RETRY_MS = 5 * 60 * 1000;
/** Origins remembered at once; the oldest entry goes first. */
const MAX_ENTRIES = 10_000;

/** The part of robots-parser's result we use. */
interface Parsed {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getMatchingLineNumber(url: string, ua?: string): number;
  getCrawlDelay(ua?: string): number | undefined;
  getSitemaps(): string[];
}

// robots-parser is CommonJS exporting a bare function; its typings declare an ES
// default export that NodeNext resolution cannot call, so load it as what it is.
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, text: string) => Parsed;

type Entry =
  | { kind: 'rules'; robot: Parsed; expiresAt: number }
  | { kind: 'allowAll'; expiresAt: number }
  | { kind: 'unreachable'; reason: string; expiresAt: number };

/** The file as text: UTF-8, BOM dropped, a line cut by the size limit dropped too. */
export function robotsText(body: Uint8Array, truncated: boolean): string {
  let text = new TextDecoder('utf-8').decode(body).replace(/^\uFEFF/, '');
  if (truncated) {
    const lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
    text = lastBreak < 0 ? '' : text.slice(0, lastBreak);
  }
  return text;
}

/** Creates the robots policy. Its cache is in memory, one entry per scheme+host+port. */
export function createRobots(options: RobotsOptions): Robots {
  const token = options.userAgentToken ?? 'Dateline';
  const now = options.now ?? Date.now;
  const unreachableMs = Math.min(options.unreachableRetryMs ?? DEFAULT_UNREACHABLE_RETRY_MS, MAX_RETRY_AFTER_MS);
  const cache = new Map<string, Entry>();
  const pending = new Map<string, Promise<Entry>>();

  const unreachable = (reason: string, retryMs: number = unreachableMs): Entry => ({
    kind: 'unreachable',
    reason,
    expiresAt: now() + retryMs,
  });

  async function download(origin: string): Promise<Entry> {
    const robotsUrl = `${origin}/robots.txt`;
    try {
      const response = await options.fetcher.fetch(robotsUrl, {
        maxBytes: ROBOTS_MAX_BYTES,
        truncate: true,
        accept: 'text/plain,*/*;q=0.5',
        ...(options.beforeRequest === undefined ? {} : { beforeRequest: options.beforeRequest }),
      });
      const { status } = response;
      if (status >= 200 && status < 300) {
        const robot = robotsParser(robotsUrl, robotsText(response.body, response.truncated));
        return { kind: 'rules', robot, expiresAt: now() + ROBOTS_TTL_MS };
      }
      if (status >= 400 && status < 500 && status !== 429) return { kind: 'allowAll', expiresAt: now() + ROBOTS_TTL_MS };
      const retryAfter = response.headers.find(([name]) => name === 'retry-after')?.[1];
      const retryMs = parseRetryAfter(retryAfter, now()) ?? unreachableMs;
      return unreachable(`${robotsUrl} answered HTTP ${status}; the host is off limits until it can be read`, Math.max(retryMs, 1000));
    } catch (error) {
      if (!(error instanceof FetchError) || error.code === 'FETCH_ABORTED') throw error;
      if (error.code === 'FETCH_TOO_MANY_REDIRECTS' || error.code === 'FETCH_REDIRECT_LOOP') {
        return { kind: 'allowAll', expiresAt: now() + ROBOTS_TTL_MS };
      }
      const what = error.code === 'FETCH_BLOCKED_ADDRESS' ? 'is on a blocked address' : 'could not be fetched';
      return unreachable(`${robotsUrl} ${what} (${error.code}: ${error.message}); the host is off limits until it can be read`);
    }
  }

  async function entryFor(origin: string): Promise<Entry> {
    const cached = cache.get(origin);
    if (cached !== undefined && cached.expiresAt > now()) return cached;
    const inFlight = pending.get(origin);
    if (inFlight !== undefined) return inFlight;
    const loading = download(origin)
      .then((entry) => {
        cache.delete(origin);
        cache.set(origin, entry);
        if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value ?? origin);
        return entry;
      })
      .finally(() => pending.delete(origin));
    pending.set(origin, loading);
    return loading;
  }

  return {
    async check(url) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return { allowed: true };
      if (url.pathname === '/robots.txt') return { allowed: true };
      const entry = await entryFor(url.origin);
      if (entry.kind === 'allowAll') return { allowed: true };
      if (entry.kind === 'unreachable') {
        return { allowed: false, code: 'ROBOTS_UNREACHABLE', retryAfterMs: Math.max(0, entry.expiresAt - now()), reason: entry.reason };
      }
      if (entry.robot.isAllowed(url.href, token) === false) {
        const line = entry.robot.getMatchingLineNumber(url.href, token);
        return { allowed: false, code: 'ROBOTS_DISALLOWED', reason: `${url.origin}/robots.txt line ${line} disallows ${url.pathname} for ${token}` };
      }
      const delay = entry.robot.getCrawlDelay(token);
      return typeof delay === 'number' && Number.isFinite(delay) && delay >= 0
        ? { allowed: true, crawlDelayMs: Math.round(delay * 1000) }
        : { allowed: true };
    },
    async sitemaps(origin) {
      const entry = await entryFor(new URL(origin).origin);
      return entry.kind === 'rules' ? entry.robot.getSitemaps() : [];
    },
  };
}
