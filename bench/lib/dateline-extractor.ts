import { read } from '../../src/read.js';
import { bodyText } from '../../src/output/json.js';
import type { Extraction, Extractor, PageInput } from './extractor.js';

/**
 * Dateline as a user calls it: `read()` on the raw bytes, so the timed work is decode +
 * parse + metadata + extract (+ the dateline stage), exactly the library's HTML path,
 * with understanding switched off (`--extract-only`): the peers only extract.
 */
export const datelineExtractor: Extractor<Uint8Array> = {
  id: 'dateline',
  prepare(page: PageInput): Uint8Array {
    return page.html;
  },
  extract(bytes: Uint8Array, page: PageInput): Extraction {
    const doc = read({ bytes, url: page.url, path: `${page.id}.html`, format: 'html' }, { understand: false });
    const m = doc.metadata;
    return {
      body: bodyText(doc),
      title: m.headline ?? null,
      authors: (m.authors ?? []).map((a) => a.name),
      published: m.published?.value ?? null,
    };
  },
};
