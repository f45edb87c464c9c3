/*
 * Word shapes: each character as X (upper), x (lower), d (digit) or itself. The long
 * shape caps runs at four ("Xxxxx" for "Washington"), the short shape collapses
 * runs ("Xx"), so all-caps headlines and tables read alike across words.
 */

function classOf(code: number): number {
  if (code >= 65 && code <= 90) return 88; // X
  if (code >= 97 && code <= 122) return 120; // x
  if (code >= 48 && code <= 57) return 100; // d
  if (code < 128) return code;
  const char = String.fromCharCode(code);
  if (char !== char.toLowerCase()) return 88;
  if (char !== char.toUpperCase()) return 120;
  return 111; // o: other non-ASCII
}

export function wordShapes(word: string): { long: string; short: string } {
  let long = '';
  let short = '';
  let previous = -1;
  let run = 0;
  const limit = Math.min(word.length, 40);
  for (let i = 0; i < limit; i++) {
    const code = classOf(word.charCodeAt(i));
    run = code === previous ? run + 1 : 1;
    if (run <= 4) long += String.fromCharCode(code);
    if (run === 1) short += String.fromCharCode(code);
    previous = code;
  }
  return { long, short };
}

export function isCapitalised(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code >= 65 && code <= 90) return true;
  if (code < 128) return false;
  const first = word.charAt(0);
  return first !== first.toLowerCase();
}

export function hasLowercase(word: string): boolean {
  return word !== word.toUpperCase();
}
