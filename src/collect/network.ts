import { FetchError } from './fetch/errors.js';
import { ItemError } from './outcomes.js';
import { createFetcher, type Fetcher, type FetcherOptions, type FetchResponse } from './fetch/index.js';
import { createRobots, type Robots } from './fetch/robots.js';
import { HostGate, type HostPolicy, DEFAULT_HOST_POLICY } from './hosts.js';

/** How ingest reaches the web: the guarded fetcher, robots.txt, and politeness per host. */
export interface NetworkOptions {
  /** Passed to the fetcher: resolver, allowPrivate, allowAddresses, timeouts, userAgent, ca… */
  readonly fetcher?: Partial<FetcherOptions>;
  readonly hosts?: Partial<HostPolicy>;
  /** A robots.txt Crawl-delay above this (default 30 s) skips the host's items rather than crawl that slowly. */
  readonly maxCrawlDelayMs?: number;
}

export const DEFAULT_MAX_CRAWL_DELAY_MS = 30_000;

/**
 * Every request of an ingest goes through `get`: before each hop of a redirect chain the
 * host's robots.txt is consulted (a refusal ends the fetch with ROBOTS_DISALLOWED,
 * ROBOTS_UNREACHABLE or ROBOTS_CRAWL_DELAY_TOO_LONG) and the host's turn is awaited.
 * Requests from a user's own command (`dateline read URL`) go the same way: there is no
 * path around robots.txt or the delays.
 */
export class Network {
  readonly gate: HostGate;
  private readonly fetcher: Fetcher;
  private readonly robots: Robots;
  private readonly maxCrawlDelayMs: number;

  constructor(options: NetworkOptions = {}) {
    this.fetcher = createFetcher(options.fetcher ?? {});
    this.robots = createRobots({ fetcher: this.fetcher, userAgentToken: 'Dateline' });
    this.gate = new HostGate({ ...DEFAULT_HOST_POLICY, ...options.hosts });
    this.maxCrawlDelayMs = options.maxCrawlDelayMs ?? DEFAULT_MAX_CRAWL_DELAY_MS;
  }

  async get(url: string, request: { headers?: Record<string, string>; maxBytes?: number; signal?: AbortSignal } = {}): Promise<FetchResponse> {
    const touched = new Set<string>();
    try {
      const response = await this.fetcher.fetch(url, {
        ...request,
        beforeRequest: async (hop: URL) => {
          const verdict = await this.robots.check(hop);
          if (!verdict.allowed) {
            throw new ItemError(verdict.code, robotsMessage(verdict.code, hop), verdict.code === 'ROBOTS_UNREACHABLE' ? verdict.retryAfterMs : undefined);
          }
          if (verdict.crawlDelayMs !== undefined) {
            if (verdict.crawlDelayMs > this.maxCrawlDelayMs) {
              throw new ItemError(
                'ROBOTS_CRAWL_DELAY_TOO_LONG',
                `${hop.host} asks for ${Math.round(verdict.crawlDelayMs / 1000)} s between requests (robots.txt Crawl-delay), over the ${Math.round(this.maxCrawlDelayMs / 1000)} s limit.`,
              );
            }
            this.gate.setCrawlDelay(hop.hostname, verdict.crawlDelayMs);
          }
          touched.add(hop.hostname);
          return this.gate.acquire(hop.hostname, request.signal);
        },
      });
      const ok = response.status < 500 && response.status !== 429;
      for (const host of touched) this.gate.record(host, ok);
      return response;
    } catch (error) {
      const transient = (error instanceof FetchError && error.retryable) || (error instanceof ItemError && error.retryAfterMs !== undefined);
      if (transient) for (const host of touched) this.gate.record(host, false);
      throw error;
    }
  }

  /** The sitemaps a site's robots.txt lists. */
  sitemaps(origin: string): Promise<string[]> {
    return this.robots.sitemaps(origin);
  }

  close(): Promise<void> {
    return this.fetcher.close();
  }
}

function robotsMessage(code: string, url: URL): string {
  if (code === 'ROBOTS_DISALLOWED') return `${url.host}'s robots.txt does not allow ${url.pathname} for Dateline.`;
  return `${url.host}'s robots.txt could not be fetched (server error or unreachable); the host is left alone until it can.`;
}
