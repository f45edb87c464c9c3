import { doctypeEnd, stripBom } from './prolog.js';
import { kindOfRoot, RSS_1_NAMESPACE } from './roots.js';
import type { FeedKind } from './types.js';

/**
 * How far into the text sniffing may look. The root normally starts within a few
 * hundred bytes; the allowance is for long comments or stylesheet instructions ahead
 * of it. Past this the text is not searched, so sniffing stays cheap on large input.
 */
const SNIFF_LIMIT = 1024 * 1024;
/** How much of a JSON text may come before its `version` field. */
const JSON_WINDOW = 64 * 1024;
/** How far past an RDF root to look for an RSS channel or item. */
const RDF_WINDOW = 64 * 1024;

const JSON_FEED_MARKER = /"version"\s*:\s*"https?:(?:\\?\/){2}jsonfeed\.org\\?\/version\\?\//;
const TAG_NAME = /^<([A-Za-z_][\w.:-]*)/;
const RSS_1_ELEMENT = /<(?:[\w.-]+:)?(?:channel|item)[\s>/]/;

/**
 * What the text is, judged by its content (root element, or JSON Feed's version
 * field), not its name: null when it is none of the kinds. Comments, processing
 * instructions, DOCTYPEs and stray markup before the root are stepped over.
 */
export function sniffFeedKind(text: string): FeedKind | null {
  const head = stripBom(text.slice(0, SNIFF_LIMIT + 1));
  const start = head.search(/\S/);
  if (start < 0) return null;
  if (head[start] === '{') return JSON_FEED_MARKER.test(head.slice(start, start + JSON_WINDOW)) ? 'json-feed' : null;

  let at = start;
  for (;;) {
    at = head.indexOf('<', at);
    if (at < 0 || at >= SNIFF_LIMIT) return null;
    const skipTo = endOfNonElement(head, at);
    if (skipTo !== undefined) {
      if (skipTo < 0) return null;
      at = skipTo;
      continue;
    }
    const name = TAG_NAME.exec(head.slice(at, at + 256))?.[1];
    if (name === undefined) {
      at++;
      continue;
    }
    const kind = kindOfRoot(name.slice(name.indexOf(':') + 1));
    if (kind === 'stray') {
      at++;
      continue;
    }
    if (kind !== 'rdf') return kind;
    const tagEnd = head.indexOf('>', at);
    const rootTag = head.slice(at, tagEnd < 0 ? undefined : tagEnd);
    const after = head.slice(at, at + RDF_WINDOW);
    return RSS_1_NAMESPACE.test(rootTag) || RSS_1_ELEMENT.test(after.slice(1)) ? 'rdf' : null;
  }
}

/**
 * Where a comment, processing instruction, CDATA section, DOCTYPE or end tag at `at`
 * ends (-1: never, within the text); undefined when a start tag (or stray `<`) is there.
 */
function endOfNonElement(text: string, at: number): number | undefined {
  const after = (terminator: string, from: number): number => {
    const end = text.indexOf(terminator, from);
    return end < 0 ? -1 : end + terminator.length;
  };
  if (text.startsWith('<!--', at)) return after('-->', at + 4);
  if (text.startsWith('<?', at)) return after('?>', at + 2);
  if (text.startsWith('<![CDATA[', at)) return after(']]>', at + 9);
  if (text.startsWith('<!', at)) {
    const end = doctypeEnd(text, at + 2);
    return end >= 0 ? end : after('>', at + 2);
  }
  if (text.startsWith('</', at)) return after('>', at + 2);
  return undefined;
}
