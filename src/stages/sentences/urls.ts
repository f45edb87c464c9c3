import { QUOTE, WHITESPACE, classOf, isLetterOrDigit } from './chars.js';

/*
 * URLs as one token: "http://", "https://" or "www." up to the next space, less the
 * punctuation that ends the sentence around it ("see example.com/a." keeps no period).
 */

/** Matches ASCII `word` at `at`, ignoring case; `word` must be lower case. */
function matchesAscii(text: string, at: number, word: string, end: number): boolean {
  if (at + word.length > end) return false;
  for (let k = 0; k < word.length; k++) {
    if ((text.charCodeAt(at + k) | 0x20) !== word.charCodeAt(k)) return false;
  }
  return true;
}

function prefixLength(text: string, at: number, end: number): number {
  if (matchesAscii(text, at, 'http', end)) {
    let k = at + 4;
    if (k < end && (text.charCodeAt(k) | 0x20) === 0x73) k++;
    if (text.startsWith('://', k)) return k + 3 - at;
    return 0;
  }
  if (matchesAscii(text, at, 'www.', end)) return 4;
  return 0;
}

const TRAILING = '.,;:!?';

/** The end of the URL starting at `at`, or 0 when none starts there. */
export function urlEndAt(text: string, at: number, end: number): number {
  const prefix = prefixLength(text, at, end);
  if (prefix === 0 || at + prefix >= end || !isLetterOrDigit(text.charCodeAt(at + prefix))) return 0;
  let stop = at + prefix;
  let openParens = 0;
  while (stop < end) {
    const code = text.charCodeAt(stop);
    const cls = classOf(code);
    if (cls === WHITESPACE || (cls === QUOTE && code !== 0x27) || code === 0x3c || code === 0x3e) break;
    if (code === 0x28) openParens++;
    if (code === 0x29) {
      if (openParens === 0) break;
      openParens--;
    }
    stop++;
  }
  while (stop > at + prefix && TRAILING.includes(text[stop - 1]!)) stop--;
  while (stop > at + prefix && text.charCodeAt(stop - 1) === 0x27) stop--;
  return stop;
}
