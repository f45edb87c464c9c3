import { textOf } from './headline.js';
import { firstChildIndex, type PageIndex } from './page-index.js';

/**
 * Repeated-structure detection: lists of teasers (a linked headline, perhaps a line of
 * summary) for other stories. Three or more sibling elements of one kind (same tag and
 * class), most of them short and opening with a link, are a teaser list: related
 * stories, "more from", breaking-news tickers. Paragraphs are never teasers.
 */
export function markTeasers(index: PageIndex, root: number): Uint8Array {
  const marks = new Uint8Array(index.elements.length);
  const rootText = Math.max(1, index.textLen[root]!);
  const end = index.end[root]!;
  for (let e = root; e < end; e++) {
    if (index.hidden[e] === 1 || index.textLen[e]! < 60) continue;
    const groups = new Map<string, number[]>();
    let next = firstChildIndex(e);
    for (const child of index.elements[e]!.children) {
      if (child.type !== 'element') continue;
      const c = next;
      next = index.end[c]!;
      if (index.hidden[c] === 1 || index.textLen[c]! === 0) continue;
      if (child.tag === 'p' || child.tag === 'a' || child.tag === 'br') continue;
      const key = `${child.tag}.${(child.attrs.class ?? '').replace(/\d+/g, '')}`;
      let g = groups.get(key);
      if (g === undefined) groups.set(key, (g = []));
      g.push(c);
    }
    for (const members of groups.values()) {
      if (members.length < 3) continue;
      let teaserLike = 0;
      let text = 0;
      for (const m of members) {
        text += index.textLen[m]!;
        if (isTeaser(index, m)) teaserLike++;
      }
      if (teaserLike < 0.6 * members.length || text > 0.6 * rootText) continue;
      for (const m of members) marks[m] = 1;
    }
  }
  return marks;
}

/** Short, opening with a link of headline length (three words or more). */
function isTeaser(index: PageIndex, m: number): boolean {
  const text = index.textLen[m]!;
  if (text > 600 || index.linkLen[m]! < 15 || index.linkLen[m]! < 0.15 * text) return false;
  const end = index.end[m]!;
  for (let k = m; k < end; k++) {
    if (index.hidden[k] === 1) {
      k = index.end[k]! - 1;
      continue;
    }
    if (index.ownText[k]! > 0) {
      if (index.inLink[k] !== 1) return false;
      let a = k;
      while (a > m && index.elements[a]!.tag !== 'a') a = index.parent[a]!;
      // A headline, not a user name, a tag or an identifier.
      const words = textOf(index.elements[a]!).split(' ').filter((w) => /\p{L}/u.test(w)).length;
      return words >= 3 && index.linkLen[a]! >= 20;
    }
  }
  return false;
}
