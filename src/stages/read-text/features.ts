/**
 * What the reader measures on each unit of scraped text: length, function-word density,
 * sentence punctuation, title case, block markers and boilerplate-lexicon matches.
 */
import {
  COMMENT_PATTERNS,
  COMMENT_SECTION,
  END_MARKER,
  END_OF_ARTICLE,
  FURNITURE_PATTERNS,
  SEPARATOR_LINE,
  STOPWORDS,
  type FurniturePattern,
} from '../../rules/lexicons/furniture.js';
import type { Unit } from './lines.js';

const STOP = new Set(Object.values(STOPWORDS).flat());
const WORD = /[\p{L}\p{N}_][\p{L}\p{N}\p{M}_'’-]*/gu;
/** Scripts written without spaces: each character counts as about half a word. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/gu;
const SENTENCE_END = /[.!?…。！？:;]["'”’»)\]]*$/u;
const FINAL_PERIOD = /[.。]["'”’»)\]]*$/u;
const DATE_LINE =
  /^((mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?((\d{1,2}(st|nd|rd|th)?\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(\s+\d{1,2}(st|nd|rd|th)?)?,?\s+\d{4}|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4})([\s,|·•-]+(at\s+)?\d{1,2}[:.]\d{2}\s*([ap]\.?m\.?)?(\s*[A-Z]{2,4})?)?$/i;
/** An ISO 8601 date-time as a line of its own ("2024-05-03T10:02:00+01:00"). */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}([.,]\d+)?)?\s*(Z|[+-]\d{2}(:?\d{2})?)?$/i;
const TIME_LINE = /^\d{1,2}[:.]\d{2}\s*([ap]\.?m\.?)?(\s*[A-Z]{2,4})?$/i;

export type Marker = 'heading' | 'list-item' | 'quote';

export interface Features {
  /** Word count (CJK characters count as half a word each). */
  readonly words: number;
  readonly chars: number;
  /** Share of words that are function words (any language of the lexicon). */
  readonly stopDensity: number;
  /** Ends like a sentence (. ! ? … : ;). */
  readonly sentenceEnd: boolean;
  /** Ends with a full stop. */
  readonly finalPeriod: boolean;
  /** Share of words that start with a capital letter. */
  readonly titleCase: number;
  /** No letters or digits at all: "-", "***", "—". */
  readonly separator: boolean;
  /** A wire-copy end marker ("ENDS", "-30-"). */
  readonly endMarker: boolean;
  /** A bare date or time line. */
  readonly dateLine: boolean;
  /** The boilerplate pattern the line matches, when it is short enough to be one. */
  readonly lexicon: FurniturePattern | undefined;
  /** A table row (cells separated by tabs, as browsers copy tables). */
  readonly tabular: boolean;
  /** Looks like source code or a command line (brackets, operators, semicolons). */
  readonly codeLike: boolean;
  /** Ends with a dangling list delimiter (" -", " |", " •") as scraped link lists do. */
  readonly danglingDelimiter: boolean;
  /** A short line that closes the article: "Comments", "Related posts", "About the author". */
  readonly endOfArticle: boolean;
  /** A line of a comment thread ("Reply", "jsmith says:", "3 days ago"). */
  readonly commentMarker: boolean;
  /** An end-of-article line that opens a comment section. */
  readonly opensComments: boolean;
  readonly marker: Marker | undefined;
  readonly headingLevel: number | undefined;
  /** The text without its block marker (`# `, `- `, `> `). */
  readonly content: string;
}

const MARKDOWN_LINK = /!?\[([^\]]*)\]\([^)\s]*(?:\s+"[^"]*")?\)/gu;
/** A line of nothing but markdown links (and separators between them). */
const LINKS_ONLY = /^(?:[\s|·•,/>»-]*!?\[[^\]]*\]\([^)\s]*(?:\s+"[^"]*")?\))+[\s|·•,/>»-]*$/u;
const LINK_LINE: FurniturePattern = {
  kind: 'navigation',
  pattern: LINKS_ONLY,
  label: 'a line of links only (a menu or link list)',
  maxWords: Number.POSITIVE_INFINITY,
};
const LEXICON: readonly FurniturePattern[] = [...FURNITURE_PATTERNS, ...COMMENT_PATTERNS];
const HEADING = /^(#{1,6})\s+(.*?)\s*#*$/u;
const BULLET = /^[-*•+▪●◦‣]\s+(.*)$/u;
const ORDERED = /^\d{1,3}[.)]\s+\S/u;
const QUOTE = /^>\s?(.*)$/u;

const CODE_CHARS = /[{}();=<>[\]$`|&\\]/g;

function isCodeLike(text: string): boolean {
  if (/^(\$ |> |#!|\/\/|\/\*|<\/?[a-z]+[\s>]|(import|export|const|let|var|function|def|class|return|if|for|while|public|private|SELECT|FROM|WHERE|git|npm|pip|sudo|cd|docker|kubectl)\b)/.test(text)) {
    return (text.match(CODE_CHARS) ?? []).length >= 1 || /^(git|npm|pip|sudo|cd|docker|kubectl) /.test(text);
  }
  const symbols = (text.match(CODE_CHARS) ?? []).length;
  return symbols >= 3 && symbols / Math.max(1, text.length) > 0.04 || /[;{}]\s*$/.test(text);
}

export function measure(unit: Unit): Features {
  const text = unit.text;
  let marker: Marker | undefined;
  let headingLevel: number | undefined;
  let content = text;
  const heading = HEADING.exec(text);
  const bullet = BULLET.exec(text);
  const quote = QUOTE.exec(text);
  if (heading !== null) {
    marker = 'heading';
    headingLevel = heading[1]!.length;
    content = heading[2]!;
  } else if (bullet !== null) {
    marker = 'list-item';
    content = bullet[1]!;
  } else if (ORDERED.test(text)) {
    marker = 'list-item';
  } else if (quote !== null && quote[1]!.trim().length > 0) {
    marker = 'quote';
    content = quote[1]!;
  }
  // Markdown link targets (html2text-style dumps) are not words of the text.
  const visible = content.replace(MARKDOWN_LINK, '$1');
  const tokens = visible.match(WORD) ?? [];
  const cjk = (content.match(CJK) ?? []).length;
  const words = tokens.length + cjk / 2;
  let stops = 0;
  let capitals = 0;
  let alphabetic = 0;
  for (const token of tokens) {
    const lower = token.toLowerCase();
    if (STOP.has(lower)) stops++;
    if (/^\p{L}/u.test(token)) {
      alphabetic++;
      if (/^\p{Lu}/u.test(token)) capitals++;
    }
  }
  const endOfArticle = words <= 25 && END_OF_ARTICLE.test(content) && (words <= 8 || /^\d+ /.test(content));
  const separator = !/[\p{L}\p{N}]/u.test(text) && SEPARATOR_LINE.test(text);
  let lexicon: FurniturePattern | undefined;
  for (const pattern of LEXICON) {
    if (words <= pattern.maxWords && pattern.pattern.test(visible)) {
      lexicon = pattern;
      break;
    }
  }
  if (lexicon === undefined && LINKS_ONLY.test(content)) lexicon = LINK_LINE;
  return {
    words,
    chars: visible.length,
    stopDensity: tokens.length === 0 ? (cjk > 0 ? 0.35 : 0) : stops / tokens.length,
    sentenceEnd: SENTENCE_END.test(content),
    finalPeriod: FINAL_PERIOD.test(content),
    titleCase: alphabetic === 0 ? 0 : capitals / alphabetic,
    separator,
    endMarker: END_MARKER.test(text),
    dateLine: DATE_LINE.test(content) || TIME_LINE.test(content) || ISO_DATE_TIME.test(content),
    lexicon,
    tabular: /\S\t+\S/u.test(text),
    codeLike: isCodeLike(text),
    danglingDelimiter: /\s[-–—|•·»]$/u.test(text),
    endOfArticle,
    commentMarker: lexicon !== undefined && COMMENT_PATTERNS.includes(lexicon),
    opensComments: endOfArticle && COMMENT_SECTION.test(content),
    marker,
    headingLevel,
    content,
  };
}
