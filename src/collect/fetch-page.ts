import { httpStatusError } from './fetch/errors.js';
import { MAX_PAGE_BYTES } from './loaders.js';
import type { Network } from './network.js';

/** One page fetched for `dateline read URL`: robots.txt, politeness and the address checks apply as in ingest. */
export async function fetchPage(url: string, network: Network, maxBytes: number = MAX_PAGE_BYTES): Promise<{ bytes: Uint8Array; url: string; contentType: string | null }> {
  const response = await network.get(url, { maxBytes });
  if (response.status < 200 || response.status > 299) throw httpStatusError(response);
  return { bytes: response.body, url: response.url, contentType: response.headers.find(([name]) => name === 'content-type')?.[1] ?? null };
}
