import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import type { Extraction, Extractor, PageInput } from './extractor.js';

const utf8 = new TextDecoder('utf-8');

/**
 * The peer: Mozilla Readability.js on linkedom, default options. Like Dateline, it is
 * timed from the page's bytes, as a user pays: the timed work is UTF-8 decoding (Node's
 * own decoder; both benchmarks ship UTF-8 pages, and Dateline's decoding does more:
 * charset sniffing and checks) + `parseHTML` + `new Readability(document).parse()`. The scored body is `textContent`,
 * as in the Zyte benchmark's `readability-cli --properties=text-content` runner.
 * `parse()` returning null is an empty output.
 */
export const readabilityExtractor: Extractor<Uint8Array> = {
  id: 'readability',
  prepare(page: PageInput): Uint8Array {
    return page.html;
  },
  extract(bytes: Uint8Array): Extraction {
    const { document } = parseHTML(utf8.decode(bytes));
    // linkedom's Document is not lib.dom's; Readability only uses the DOM subset linkedom has.
    const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
    if (article === null) return { body: '', title: null, authors: [], published: null };
    return {
      body: article.textContent ?? '',
      title: article.title ?? null,
      authors: article.byline ? [article.byline] : [],
      published: article.publishedTime ?? null,
    };
  },
};
