/**
 * The safe HTTP fetcher and the robots.txt policy (RELIABILITY.md §2 and §3).
 * Fetching untrusted URLs: only http(s), only public addresses (checked before DNS,
 * after DNS and on every redirect hop, and pinned for the connection), hard deadlines,
 * decoded-size caps. One attempt per call; retries are the caller's.
 */
export { createFetcher, defaultUserAgent, DEFAULT_MAX_BYTES, DEFAULT_TIMEOUTS, MAX_ERROR_BODY_BYTES } from './fetcher.js';
export type { BeforeRequest, Fetcher, FetcherOptions, FetchRequest, FetchResponse } from './fetcher.js';
export { FetchError, httpStatusError, parseRetryAfter, MAX_RETRY_AFTER_MS } from './errors.js';
export type { FetchErrorCode, FetchErrorDetail, SizeMeasure, TimeoutPhase } from './errors.js';
export { checkUrl } from './url.js';
export { judgeAddress } from './address.js';
export type { AddressVerdict } from './address.js';
export type { Resolver } from './connect.js';
export type { Timeouts } from './hop.js';
export { decodeContentEncoding, MAX_ENCODING_LAYERS } from './body.js';
export { createRobots, ROBOTS_MAX_BYTES, ROBOTS_TTL_MS } from './robots.js';
export type { Robots, RobotsOptions, RobotsVerdict } from './robots.js';
