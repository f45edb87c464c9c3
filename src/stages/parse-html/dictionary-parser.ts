import { Parser } from 'htmlparser2';

/**
 * htmlparser2's parser, with each element's attributes gathered in a prototype-less
 * object (`Object.create(null)`), which V8 keeps in dictionary mode. The stock `{}`
 * grows a new hidden class for every new mix and order of attribute names a page uses,
 * and every stage that reads `attrs.class`, `attrs.id` … then misses V8's property
 * caches on those hundreds of shapes: reading ten attributes of every element costs
 * about three times what it costs on dictionaries. The values are the same; an
 * attribute named like an Object.prototype member (`constructor`) no longer inherits one.
 *
 * `emitOpenTag` is private in htmlparser2's types, hence the cast. Should a future
 * version rename it, `DictionaryParser` is the stock parser.
 */
interface ParserInternals {
  emitOpenTag(name: string): void;
  attribs: Record<string, string> | null;
}

export class DictionaryParser extends Parser {}

const stock = Parser.prototype as unknown as ParserInternals;
if (typeof stock.emitOpenTag === 'function') {
  const stockEmitOpenTag = stock.emitOpenTag;
  (DictionaryParser.prototype as unknown as ParserInternals).emitOpenTag = function (this: ParserInternals, name: string): void {
    stockEmitOpenTag.call(this, name);
    // The stock method sets `{}` when an element is opened (and leaves null otherwise).
    if (this.attribs !== null) this.attribs = Object.create(null) as Record<string, string>;
  };
}
