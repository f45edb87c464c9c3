/** Removes a leading byte order mark (decoders usually do, but not all). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const MARKUP_DECLARATION = /<!(--|\[CDATA\[|doctype)/.source;

/**
 * Cuts every DOCTYPE declaration out, internal subset and all, wherever it appears
 * (some feeds carry several). The tokenizer would end a declaration at its first `>`,
 * so an entity value holding markup (`<!ENTITY x "<item>…">`) would otherwise come
 * out as elements. Comments and CDATA sections are stepped over, not searched, and
 * every step moves forward, so this is one linear pass.
 */
export function stripDoctypes(text: string): string {
  const declarations = new RegExp(MARKUP_DECLARATION, 'gi');
  let match = declarations.exec(text);
  if (match === null) return text;
  const kept: string[] = [];
  let copiedUpTo = 0;
  // After one DOCTYPE runs to the end of the text unterminated, later ones end at
  // their first `>`: scanning each to the end again would be quadratic.
  let strict = true;
  while (match !== null) {
    const start = match.index;
    const opener = match[1]?.toLowerCase();
    let end: number;
    if (opener === '--') {
      end = endAfter(text, '-->', start + 4);
    } else if (opener === '[cdata[') {
      end = endAfter(text, ']]>', start + 9);
    } else {
      const properEnd: number = strict ? doctypeEnd(text, start + 9) : -1;
      strict = properEnd >= 0;
      end = properEnd >= 0 ? properEnd : endAfter(text, '>', start + 9);
      kept.push(text.slice(copiedUpTo, start));
      copiedUpTo = end;
    }
    declarations.lastIndex = Math.max(end, start + 1);
    match = declarations.exec(text);
  }
  kept.push(text.slice(copiedUpTo));
  return kept.join('');
}

function endAfter(text: string, terminator: string, from: number): number {
  const at = text.indexOf(terminator, from);
  return at < 0 ? text.length : at + terminator.length;
}

/**
 * The end of a DOCTYPE starting at `from` (just past `<!DOCTYPE`): the first `>`
 * outside quotes and outside an internal subset `[…]`. Quotes inside the subset are
 * honoured too (entity values may hold `>` or `]`). -1 when it never ends properly;
 * the caller then ends it at its first `>`, as a lenient tokenizer would.
 */
export function doctypeEnd(text: string, from: number): number {
  let quote = '';
  let inSubset = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote !== '') {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (inSubset && c === '<' && text.startsWith('<!--', i)) {
      i = endAfter(text, '-->', i + 4) - 1;
    } else if (c === '[') {
      inSubset = true;
    } else if (c === ']') {
      inSubset = false;
    } else if (c === '>' && !inSubset) {
      return i + 1;
    }
  }
  return -1;
}
