import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import type { Extraction, Extractor, PageInput } from './extractor.js';

const utf8 = new TextDecoder('utf-8');

/**
 * The peer: Mozilla Readability.js on linkedom, default options. The pages are decoded
 * as UTF-8 before the clock starts (both benchmarks ship UTF-8 pages; the Zyte
 * benchmark's own Readability.js runner reads them the same way); the timed work is
 * `parseHTML` + `new Readability(document).parse()`. The scored body is `textContent`,
 * as in the Zyte benchmark's `readability-cli --properties=text-content` runner.
 * `parse()` returning null is an empty output.
 */
export const readabilityExtractor: Extractor<string> = {
  id: 'readability',
  prepare(page: PageInput): string {
    return utf8.decode(page.html);
  },
  extract(html: string): Extraction {
    const { document } = parseHTML(html);
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
