/**
 * Splits scraped text into units: one per line, or one per paragraph when the text is
 * hard-wrapped (an `html2text`-style dump, an e-mail) and paragraphs are separated by
 * blank lines. Offsets are UTF-16 positions in the input, so every unit can be traced.
 */

export interface Unit {
  /** Start of the unit's trimmed text in the input. */
  readonly start: number;
  /** End of the unit's trimmed text in the input (exclusive). */
  readonly end: number;
  /** The unit's text: the trimmed line, or wrapped lines joined by single spaces. */
  readonly text: string;
  /** True when a blank line (or the start of the input) comes before it. */
  readonly blankBefore: boolean;
}

interface Line {
  start: number;
  end: number;
  text: string;
  blankBefore: boolean;
}

/** Lines that start a new block even in wrapped text: list items, headings, quotes. */
const BLOCK_START = /^(#{1,6}\s|[-*•+]\s|\d{1,3}[.)]\s|>\s?)/u;

function splitLines(input: string): Line[] {
  const lines: Line[] = [];
  const re = /\r\n|\r|\n|\u2028|\u2029/g;
  let lineStart = 0;
  let blank = true;
  const push = (from: number, to: number) => {
    const raw = input.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed.length === 0) {
      blank = true;
      return;
    }
    lines.push({ start: from + lead, end: from + lead + trimmed.length, text: trimmed, blankBefore: blank });
    blank = false;
  };
  for (let match = re.exec(input); match !== null; match = re.exec(input)) {
    push(lineStart, match.index);
    lineStart = match.index + match[0].length;
  }
  push(lineStart, input.length);
  return lines;
}

/**
 * The wrap width when the text looks hard-wrapped: many lines stop within a few columns
 * of the same width and hardly any line is longer. Undefined for unwrapped text (one line
 * per block, as scrapers and browsers save it).
 */
function wrapWidth(lines: readonly Line[]): number | undefined {
  const long = lines.map((l) => l.text.length).filter((n) => n >= 40);
  if (long.length < 5) return undefined;
  const counts = new Map<number, number>();
  for (const n of long) counts.set(n, (counts.get(n) ?? 0) + 1);
  // The width W with the most lines in [W - 12, W] and few beyond it.
  let best: { width: number; inside: number } | undefined;
  for (let width = 40; width <= 140; width++) {
    let inside = 0;
    for (let n = width - 12; n <= width; n++) inside += counts.get(n) ?? 0;
    if (best === undefined || inside > best.inside) best = { width, inside };
  }
  if (best === undefined) return undefined;
  const beyond = long.filter((n) => n > best.width + 3).length;
  if (best.inside < 5 || best.inside < long.length * 0.3 || beyond > best.inside * 0.25) return undefined;
  return best.width;
}

const SENTENCE_END = /[.!?…。！？:;]["'”’»)\]]*$/u;

/** Whether `next` continues the paragraph `previous` ends (a wrapped line). */
function continues(previous: string, next: Line, width: number | undefined): boolean {
  if (next.blankBefore || BLOCK_START.test(next.text) || /^#{1,6}\s/.test(previous)) return false;
  const words = previous.split(/\s+/).length;
  if (words < 5) return false;
  if (width !== undefined && previous.length >= width * 0.75) return true;
  return !SENTENCE_END.test(previous) && /^\p{Ll}/u.test(next.text);
}

/** The input's units, in order. */
export function splitUnits(input: string): Unit[] {
  const lines = splitLines(input);
  const width = wrapWidth(lines);
  const units: Unit[] = [];
  let group: Line[] = [];
  const close = () => {
    if (group.length === 0) return;
    const first = group[0]!;
    const last = group[group.length - 1]!;
    units.push({
      start: first.start,
      end: last.end,
      text: group.map((l) => l.text).join(' '),
      blankBefore: first.blankBefore,
    });
    group = [];
  };
  for (const line of lines) {
    const previous = group[group.length - 1];
    if (previous === undefined || !continues(previous.text, line, width)) close();
    group.push(line);
  }
  close();
  return units;
}
