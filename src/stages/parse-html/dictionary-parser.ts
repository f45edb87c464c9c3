import { Parser } from 'htmlparser2';

/**
 * htmlparser2's parser, with each element's attributes gathered in a prototype-less
 * object (`Object.create(null)`), which V8 keeps in dictionary mode. The stock `{}`
 * grows a new hidden class for every new mix and order of attribute names a page uses,
 * and every stage that reads `attrs.class`, `attrs.id` … then misses V8's property
 * caches on those hundreds of shapes: reading ten attributes of every element costs
 * about three times what it costs on dictionaries. The values are the same; an
 * attribute named like an Object.prototype member (`constructor`) no longer inherits one.
 * Elements without attributes (about half) share one frozen empty object.
 *
 * `emitOpenTag` and `onattribend` are private or internal in htmlparser2's types, hence
 * the cast. Should a future version rename them, `DictionaryParser` is the stock parser.
 */
interface ParserInternals {
  emitOpenTag(name: string): void;
  onattribend(quote: number, endIndex: number): void;
  attribs: Record<string, string> | null;
}

/** The attributes of every element that has none; frozen, so nothing can write into it. */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze(Object.create(null) as Record<string, string>);

export class DictionaryParser extends Parser {}

const stock = Parser.prototype as unknown as ParserInternals;
if (typeof stock.emitOpenTag === 'function' && typeof stock.onattribend === 'function') {
  const ours = DictionaryParser.prototype as unknown as ParserInternals;
  const stockEmitOpenTag = stock.emitOpenTag;
  const stockAttributeEnd = stock.onattribend;
  ours.emitOpenTag = function (this: ParserInternals, name: string): void {
    stockEmitOpenTag.call(this, name);
    // The stock method sets `{}` when an element is opened (and leaves null otherwise).
    if (this.attribs !== null) this.attribs = NO_ATTRIBUTES;
  };
  ours.onattribend = function (this: ParserInternals, quote: number, endIndex: number): void {
    // The first attribute of an element: now it needs an object of its own.
    if (this.attribs === NO_ATTRIBUTES) this.attribs = Object.create(null) as Record<string, string>;
    stockAttributeEnd.call(this, quote, endIndex);
  };
}
