/**
 * The search box's syntax (words, "phrases", OR, -exclusions, prefix*) translated into
 * SQLite FTS5 MATCH expressions. FTS5's own query language is unforgiving: `C++`,
 * `e-mail`, an unbalanced quote or a stray `NEAR(` is a syntax error, and `title:x`
 * or `^x` means something else. So nothing the user typed reaches FTS5 as syntax:
 * every term is emitted as a double-quoted string of the tokens FTS5 would have made
 * of it, and anything that does not parse as our syntax is searched as plain words.
 * `parseSearch` never throws, and every expression it returns is accepted by FTS5.
 */

export interface ParsedSearch {
  /** FTS5 MATCH expression for what must match, or null when nothing positive remains. */
  readonly match: string | null;
  /** FTS5 MATCH expression of the excluded terms OR-ed together, or null. */
  readonly exclude: string | null;
  /** The positive words (lower-case tokens, prefixes without the star), for highlighting. */
  readonly terms: readonly string[];
  /** True when the text had nothing searchable at all (only punctuation, emoji, `*`). Blank text is not `empty`; it is simply no query. */
  readonly empty: boolean;
}

/**
 * Words and phrases kept from one query; further terms are ignored. Each term costs FTS5
 * a doclist (a prefix term, many), so this keeps pathological input cheap. The API
 * separately refuses queries over 1,000 characters.
 */
const MAX_TERMS = 64;

/*
 * The tokenizer is `unicode61`, whose character tables are Unicode 6.1's. A token is a
 * run of letters (L*), numbers (N*) and private-use characters (Co); everything else
 * separates tokens. Two quirks matter, both found by sweeping every code point through
 * the real tokenizer (the test repeats the sweep, so a new Node or SQLite that moves
 * them fails loudly):
 * - A code point Unicode 6.1 had not assigned is a token character, whatever it became
 *   later: 🤔 (Unicode 8) is a token where 😀 (6.1) is punctuation, and so are the
 *   combining marks of scripts added since. Hence \p{Cn} below, and the ranges of
 *   characters assigned after 6.1 that are not letters today (each range widened over
 *   the letters around it, which are token characters anyway, to keep the list short).
 * - Some combining accents (a subset of U+0300–U+0331) continue a token but cannot start
 *   one, so `cafe\u0301` is one token; every other combining mark splits a word, which
 *   is why Devanagari words come apart at their vowel signs.
 * Only how a word splits depends on this: FTS5 re-tokenizes every quoted string, so a
 * mistake here could change what a query finds, never make it invalid.
 */
const ASSIGNED_AFTER_6_1 = String.raw`
  \u{58b}-\u{58e}\u{605}\u{61c}\u{61d}\u{7fa}-\u{815}\u{85f}-\u{8e3}\u{8ff}\u{9fc}-\u{a00}
  \u{a76}-\u{a80}\u{af2}-\u{b00}\u{b4e}-\u{b55}\u{bfb}-\u{c00}\u{c04}-\u{c3d}\u{c64}-\u{c7e}
  \u{c80}\u{c81}\u{c84}-\u{cbb}\u{ce4}-\u{d01}\u{d04}-\u{d3d}\u{d4e}-\u{d56}\u{d7a}-\u{d81}\u{eba}
  \u{ece}-\u{f00}\u{1715}-\u{1731}\u{180f}-\u{18a8}\u{1aae}-\u{1aff}\u{1b45}-\u{1b59}\u{1b7d}-\u{1b7f}
  \u{1cf5}-\u{1dbf}\u{1de7}-\u{1dfb}\u{2065}-\u{2069}\u{20ba}-\u{20cf}\u{2150}-\u{218f}
  \u{23f4}-\u{23ff}\u{2427}-\u{243f}\u{2700}\u{2b4d}-\u{2b4f}\u{2b5a}-\u{2ce4}\u{2e3c}-\u{2e7f}
  \u{2ffc}-\u{2fff}\u{31e4}-\u{31ff}\u{32ff}\u{a67f}-\u{a69e}\u{a82c}-\u{a835}\u{a8c5}-\u{a8cd}
  \u{a8fb}-\u{a925}\u{a9e0}-\u{aa28}\u{aa7c}-\u{aaaf}\u{aaf7}-\u{abe2}\u{fbc2}-\u{fd3d}
  \u{fd40}-\u{fdfb}\u{fdfe}\u{fdff}\u{fe27}-\u{fe2f}\u{1018a}-\u{1018f}\u{1019c}-\u{101cf}
  \u{101fe}-\u{1039e}\u{103d1}-\u{10856}\u{10858}-\u{1091e}\u{10a80}-\u{10b38}\u{10b40}-\u{10fff}
  \u{1104e}-\u{1107f}\u{110c2}-\u{110ff}\u{11144}-\u{1117f}\u{111c9}-\u{116aa}\u{116b8}-\u{1246f}
  \u{12474}-\u{16f50}\u{16f7f}-\u{16f8e}\u{16f93}-\u{1cfff}\u{1d1de}-\u{1d1ff}\u{1d7c4}-\u{1eeef}
  \u{1f0bf}\u{1f0c0}\u{1f0e0}-\u{1f10f}\u{1f12f}\u{1f16c}-\u{1f16f}\u{1f19b}-\u{1f1e5}
  \u{1f23b}-\u{1f23f}\u{1f252}-\u{1f2ff}\u{1f321}-\u{1f32f}\u{1f336}\u{1f37d}-\u{1f37f}
  \u{1f394}-\u{1f39f}\u{1f3c5}\u{1f3cb}-\u{1f3df}\u{1f3f1}-\u{1f3ff}\u{1f43f}\u{1f441}\u{1f4f8}
  \u{1f4fd}-\u{1f4ff}\u{1f53e}\u{1f53f}\u{1f544}-\u{1f54f}\u{1f568}-\u{1f5fa}\u{1f641}-\u{1f644}
  \u{1f650}-\u{1f67f}\u{1f6c6}-\u{1f6ff}\u{1f774}-\u{e0000}
`.replace(/\s+/g, '');
/** Letters to today's Unicode that were combining marks in 6.1 (New Tai Lue, Vedic), and two non-characters. */
const NOT_TOKEN_CHAR = String.raw`\u{19b0}-\u{19c0}\u{19c8}\u{19c9}\u{1cf2}\u{1cf3}\u{fffe}\u{ffff}`;
const CONTINUING_ACCENT = String.raw`\u{300}-\u{304}\u{306}-\u{30c}\u{30f}\u{311}\u{31b}\u{323}-\u{328}\u{32d}\u{32e}\u{330}\u{331}`;
const TOKEN_START = `(?![${NOT_TOKEN_CHAR}])[\\p{L}\\p{N}\\p{Co}\\p{Cn}${ASSIGNED_AFTER_6_1}]`;
const TOKEN = new RegExp(`${TOKEN_START}(?:${TOKEN_START}|[${CONTINUING_ACCENT}])*`, 'gu');
const SPACE = /\s/;

/** Splits text as unicode61 does; `end` is where the last token ends (0 without tokens). */
function tokenize(text: string): { tokens: string[]; end: number } {
  const tokens: string[] = [];
  let end = 0;
  // exec on the one shared regex: matchAll would clone (and recompile) it for every word.
  TOKEN.lastIndex = 0;
  for (let found = TOKEN.exec(text); found !== null; found = TOKEN.exec(text)) {
    tokens.push(found[0]);
    end = TOKEN.lastIndex;
  }
  return { tokens, end };
}

/** One space-separated piece of the query, with the tokens FTS5 will see in it. */
interface Term {
  readonly tokens: readonly string[];
  readonly prefix: boolean;
  readonly negated: boolean;
  /** A bare `OR` or `AND`: an operator if it stands between two terms, else a plain word. */
  readonly keyword: 'OR' | 'AND' | null;
}

function toTerm(text: string, quoted: boolean, negated: boolean): Term {
  const keyword = !quoted && !negated && (text === 'OR' || text === 'AND') ? text : null;
  // `word*` is a prefix only when the star directly follows a token character: `C++*`
  // and `*` alone are punctuation, and the star is a separator either way.
  const starred = !quoted && text.endsWith('*');
  const body = starred ? text.slice(0, -1) : text;
  const { tokens, end } = tokenize(body);
  return { tokens, prefix: starred && tokens.length > 0 && end === body.length, negated, keyword };
}

/**
 * Cuts the text into terms. A `"` opens a phrase only where a term starts and only if it
 * is closed; otherwise it is punctuation. A `-` excludes only where a term starts and
 * something follows it. Terms without tokens (`*`, `-`, `😀`) are dropped here, so they
 * neither search for anything nor stand between an OR and its operands.
 */
function lex(text: string): Term[] {
  const terms: Term[] = [];
  let i = 0;
  // Room for MAX_TERMS terms with an operator between each; the rest is never read.
  while (i < text.length && terms.length < 2 * MAX_TERMS + 1) {
    if (SPACE.test(text[i]!)) {
      i++;
      continue;
    }
    const negated = text[i] === '-' && i + 1 < text.length && !SPACE.test(text[i + 1]!);
    if (negated) i++;
    const close = text[i] === '"' ? text.indexOf('"', i + 1) : -1;
    let term: Term;
    if (close > i) {
      term = toTerm(text.slice(i + 1, close), true, negated);
      i = close + 1;
    } else {
      let end = i;
      while (end < text.length && !SPACE.test(text[end]!)) end++;
      term = toTerm(text.slice(i, end), false, negated);
      i = end;
    }
    if (term.tokens.length > 0) terms.push(term);
  }
  return terms;
}

/**
 * A quoted FTS5 string: keywords, column filters and `^` inside it are just text. Tokens
 * cannot hold a `"` (it separates), but doubling it keeps that true by construction.
 */
function render(term: Term): string {
  return `"${term.tokens.join(' ').replaceAll('"', '""')}"${term.prefix ? '*' : ''}`;
}

/** Translates search-box text into FTS5 MATCH expressions; see the module comment. */
export function parseSearch(text: string): ParsedSearch {
  const terms = lex(text);
  const operand = (term: Term | undefined): term is Term => term !== undefined && term.keyword === null;
  const groups: Term[][] = [];
  const excluded: Term[] = [];
  let kept = 0;
  let joinNext = false;
  for (let k = 0; k < terms.length && kept < MAX_TERMS; k++) {
    const term = terms[k]!;
    const prev = terms[k - 1];
    const next = terms[k + 1];
    // Operators only between two real terms; a lone, leading, trailing or doubled one
    // (`OR b`, `a AND`, `a OR OR b`) is searched as the word it is. An OR's operands
    // must be positive: `a OR -b` has no meaning FTS5 could express.
    if (term.keyword === 'AND' && operand(prev) && operand(next)) continue;
    if (term.keyword === 'OR' && operand(prev) && operand(next) && !prev.negated && !next.negated) {
      joinNext = true;
      continue;
    }
    kept++;
    if (term.negated) excluded.push(term);
    else if (joinNext && groups.length > 0) groups[groups.length - 1]!.push(term);
    else groups.push([term]);
    joinNext = false;
  }
  // FTS5 binds AND tighter than OR, so each OR group is bracketed to keep ours the other way round.
  const match = groups.map((group) => (group.length === 1 ? render(group[0]!) : `(${group.map(render).join(' OR ')})`)).join(' AND ');
  const words = new Set(groups.flat().flatMap((term) => term.tokens.map((token) => token.toLowerCase())));
  return {
    match: match === '' ? null : match,
    exclude: excluded.length > 0 ? excluded.map(render).join(' OR ') : null,
    terms: [...words],
    empty: terms.length === 0 && text.trim() !== '',
  };
}
