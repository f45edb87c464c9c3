import { Tokenizer } from 'htmlparser2';

/**
 * htmlparser2's tokenizer, with its scans made native. The stock tokenizer steps one
 * character per turn of its state-machine loop through text, attribute values, scripts
 * and comments, though nothing happens until a `<`, `&` or closing quote (or, in scripts
 * and comments, the first character of the end sequence). These overrides jump to that
 * character with `String#indexOf` and let the stock code take it from there, so the
 * tokens are exactly the stock tokenizer's (parse.test.ts checks this) at about half
 * the cost.
 *
 * The overridden methods are private in htmlparser2's types, hence the cast to this
 * shape, and why package.json pins htmlparser2 to one exact version: update it only with
 * parse.test.ts passing. Should a future version rename them, `fastTokenizer` is null and
 * the stock tokenizer is used.
 */
interface TokenizerInternals {
  buffer: string;
  /** Position in the whole input; `buffer` starts at `offset` (0 for one `write`). */
  index: number;
  offset: number;
  fastForwardTo(c: number): boolean;
  stateText(c: number): void;
  handleInAttributeValue(c: number, quote: number): void;
  /**
   * Ours: the input position (like `index`) of the next `&` past some point, or the end
   * of the buffer when it holds no more. Positions only grow, so it stays good until passed.
   */
  nextAmpersand: number;
}

const LT = 0x3c;
const AMP = 0x26;
const DOUBLE_QUOTE = 0x22;

class FastTokenizer extends Tokenizer {}

function install(): typeof Tokenizer | null {
  const stock = Tokenizer.prototype as unknown as TokenizerInternals;
  if (
    typeof stock.fastForwardTo !== 'function' ||
    typeof stock.stateText !== 'function' ||
    typeof stock.handleInAttributeValue !== 'function'
  ) {
    return null;
  }
  const fast = FastTokenizer.prototype as unknown as TokenizerInternals;
  const stockText = stock.stateText;
  const stockAttributeValue = stock.handleInAttributeValue;

  // Not looked for yet; set per instance on first use.
  fast.nextAmpersand = -1;

  /** The buffer position of the next `&` at or after buffer position `from`, or the buffer's length. */
  const ampersandFrom = (t: TokenizerInternals, from: number): number => {
    if (t.nextAmpersand <= from + t.offset) {
      const at = t.buffer.indexOf('&', from);
      t.nextAmpersand = (at === -1 ? t.buffer.length : at) + t.offset;
    }
    return t.nextAmpersand - t.offset;
  };
  /** The next `char` at or after `from`, or the buffer's length. */
  const nextOf = (t: TokenizerInternals, char: string, from: number): number => {
    const at = t.buffer.indexOf(char, from);
    return at === -1 ? t.buffer.length : at;
  };

  fast.fastForwardTo = function (this: TokenizerInternals, c: number): boolean {
    const at = this.buffer.indexOf(String.fromCharCode(c), this.index + 1 - this.offset);
    if (at !== -1) {
      this.index = at + this.offset;
      return true;
    }
    // As the stock method: the main loop's increment then ends the buffer.
    this.index = this.buffer.length + this.offset - 1;
    return false;
  };
  fast.stateText = function (this: TokenizerInternals, c: number): void {
    if (c === LT || c === AMP) {
      stockText.call(this, c);
      return;
    }
    // Any other character is a no-op here: stop just before the next one that is not.
    const from = this.index - this.offset + 1;
    const stop = Math.min(nextOf(this, '<', from), ampersandFrom(this, from));
    this.index = stop + this.offset - 1;
  };
  fast.handleInAttributeValue = function (this: TokenizerInternals, c: number, quote: number): void {
    if (c === quote || c === AMP) {
      stockAttributeValue.call(this, c, quote);
      return;
    }
    const from = this.index - this.offset + 1;
    const stop = Math.min(nextOf(this, quote === DOUBLE_QUOTE ? '"' : "'", from), ampersandFrom(this, from));
    this.index = stop + this.offset - 1;
  };
  return FastTokenizer;
}

/** The faster tokenizer for `new Parser(…, { Tokenizer })`, or null to use the stock one. */
export const fastTokenizer: typeof Tokenizer | null = install();
