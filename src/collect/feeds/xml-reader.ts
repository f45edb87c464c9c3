import { Parser } from 'htmlparser2';
import { decodeReferences } from './entities.js';
import { EMPTY_SCOPE, extendScope, namespaceKey, type NamespaceScope } from './namespaces.js';
import { resolveBase } from './links.js';
import { FeedError } from './types.js';

/**
 * What an element is to a format handler. Elements without a role are transparent:
 * their children belong to the nearest ancestor that has one, and their text (stray
 * markup inside a title, say) counts as that ancestor's.
 */
export type Role = 'entry' | 'channel' | 'field' | 'container';

/** An element's name and attributes, as a handler sees them before it has a role. */
export interface ElementName {
  /** Namespace key from namespaces.ts: '' for the core vocabularies, 'atom', 'dc', … */
  readonly ns: string;
  /** Local name, lower-cased (feeds are not consistent about `pubDate` vs `pubdate`). */
  readonly local: string;
  /** Attribute names lower-cased as written (`rdf:about`, `xml:base`), values decoded. */
  readonly attrs: Readonly<Record<string, string>>;
}

/** An open element as handlers see it: its name, the base URL in force, and its place among the roles. */
export interface XmlElement extends ElementName {
  /** The base URL in effect here: the document's, as changed by any `xml:base` on the way. */
  readonly base: string | undefined;
  readonly role: Role | undefined;
  /** The nearest ancestor with a role. */
  readonly owner: XmlElement | undefined;
}

/** One format's reading of the document, fed element by element. */
export interface ElementHandler {
  roleOf(element: ElementName, owner: XmlElement | undefined): Role | undefined;
  opened(element: XmlElement): void;
  /** `text` is the element's text when its role is 'field' (untrimmed), '' otherwise. */
  closed(element: XmlElement, text: string): void;
}

/**
 * Picks the handler for the document from a candidate root element. Returns undefined
 * to pass over stray markup before the real root; throws FeedError to refuse.
 */
export type RootChooser = (root: ElementName) => ElementHandler | undefined;

/** Deeper than this is an attack, not a feed: htmlparser2's stack costs O(depth) per tag. */
export const MAX_DEPTH = 512;

/**
 * HTML void elements that no feed or sitemap vocabulary uses (`link` and `source` are
 * RSS elements, so they are not here). Raw HTML pasted into a feed leaves them
 * unclosed; read as void, a thousand `<br>`s in one description do not nest.
 */
const VOID_NAMES = ['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'meta', 'param', 'track', 'wbr'];
// Lower and upper case listed up front: this is asked two or three times per tag.
const HTML_VOID = new Set([...VOID_NAMES, ...VOID_NAMES.map((name) => name.toUpperCase())]);

/** htmlparser2's stock parser, told about HTML void elements through its documented hook. */
class FeedParser extends Parser {
  protected override isVoidElement(name: string): boolean {
    return HTML_VOID.has(name);
  }
}

interface Frame extends XmlElement {
  role: Role | undefined;
  readonly scope: NamespaceScope;
  handler: ElementHandler | undefined;
  collects: boolean;
  text: string;
}

/**
 * Streams `text` through htmlparser2's XML mode with entity decoding off: we decode
 * text and attributes ourselves (decodeReferences), so DOCTYPE entities are never
 * expanded and nothing is fetched.
 */
export function readXml(text: string, baseUrl: string | undefined, chooseRoot: RootChooser): void {
  const stack: Frame[] = [];
  let rootChosen = false;
  let inCdata = false;

  const parser = new FeedParser(
    {
      onopentag(rawName, rawAttrs) {
        if (stack.length >= MAX_DEPTH) {
          throw new FeedError(`Elements are nested more than ${MAX_DEPTH} deep; this is not a feed we can read.`);
        }
        const parent = stack[stack.length - 1];
        const attrs = decodeAttributes(rawAttrs);
        const scope = extendScope(parent?.scope ?? EMPTY_SCOPE, attrs);
        const colon = rawName.indexOf(':');
        const parentBase = parent === undefined ? baseUrl : parent.base;
        const xmlBase = attrs['xml:base'];
        // One object per element, its role filled in once the handler has seen its name.
        const frame: Frame = {
          ns: namespaceKey(colon < 0 ? '' : rawName.slice(0, colon).toLowerCase(), scope),
          local: rawName.slice(colon + 1).toLowerCase(),
          attrs,
          base: xmlBase === undefined ? parentBase : resolveBase(xmlBase, parentBase),
          role: undefined,
          owner: parent === undefined ? undefined : parent.role === undefined ? parent.owner : parent,
          scope,
          handler: parent?.handler,
          collects: false,
          text: '',
        };
        // Everything after the root element has closed is ignored: its frames get no handler.
        if (frame.handler === undefined && !rootChosen) {
          frame.handler = chooseRoot(frame);
          rootChosen = frame.handler !== undefined;
        }
        frame.role = frame.handler?.roleOf(frame, frame.owner);
        frame.collects = frame.role === 'field' || (frame.role === undefined && parent?.collects === true);
        stack.push(frame);
        frame.handler?.opened(frame);
      },
      ontext(data) {
        const top = stack[stack.length - 1];
        if (top?.collects === true) top.text += inCdata ? data : decodeReferences(data);
      },
      oncdatastart() {
        inCdata = true;
      },
      oncdataend() {
        inCdata = false;
      },
      onclosetag() {
        const frame = stack.pop();
        if (frame?.handler === undefined) return;
        const parent = stack[stack.length - 1];
        if (frame.role !== undefined) frame.handler.closed(frame, frame.role === 'field' ? frame.text : '');
        else if (frame.collects && parent?.collects === true) parent.text += frame.text;
      },
    },
    { xmlMode: true, decodeEntities: false },
  );
  parser.end(text);
}

const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({});

function decodeAttributes(raw: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  let attrs: Record<string, string> | undefined;
  for (const [name, value] of Object.entries(raw)) {
    attrs ??= {};
    const lower = name.toLowerCase();
    if (!Object.hasOwn(attrs, lower)) attrs[lower] = decodeReferences(value);
  }
  return attrs ?? NO_ATTRIBUTES;
}
