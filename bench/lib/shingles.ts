/** Exact word 5-shingle sets, for checking copy detection against the truth it estimates. */
export function exactShingles(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + 5 <= words.length; i++) out.add(words.slice(i, i + 5).join(' '));
  return out;
}

/** Pairs [i, j] (i < j) whose shorter text has at least `share` of its shingles in the other, found through an index of shingles. */
export function overlappingPairs(sets: readonly Set<string>[], share: number): [number, number][] {
  const holders = new Map<string, number[]>();
  sets.forEach((set, i) => {
    for (const s of set) {
      const list = holders.get(s);
      if (list === undefined) holders.set(s, [i]);
      else list.push(i);
    }
  });
  const out: [number, number][] = [];
  sets.forEach((set, i) => {
    const shared = new Map<number, number>();
    for (const s of set) for (const j of holders.get(s)!) if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1);
    for (const [j, n] of shared) if (n >= share * Math.min(set.size, sets[j]!.size)) out.push([i, j]);
  });
  return out;
}
