import type { Token } from '../../doc/annotations.js';

/**
 * True when the words from two tokens before `k` to two after it have no lower-case
 * letter and at least two have capitals: text set all in capitals ("ON MONDAY THE
 * LEADERS WILL MEET"), where a capital tells neither a name nor a sentence start.
 */
export function isShoutedAt(text: string, tokens: readonly Token[], k: number): boolean {
  let capitals = 0;
  for (let i = Math.max(0, k - 2); i <= k + 2 && i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind !== 'word') continue;
    const raw = text.slice(token.start, token.end);
    if (raw !== raw.toUpperCase()) return false;
    if (raw !== raw.toLowerCase()) capitals++;
  }
  return capitals >= 2;
}
