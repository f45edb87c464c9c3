/**
 * The tagger's word resources, parsed from the text files in models/ner: word
 * clusters (word → path in a 4-ary cluster tree, base 36) and gazetteers
 * (list → lowercased, space-separated entries). Both are read from strings: the
 * file reading lives in src/io/ner-model.ts.
 */

export class NerModelError extends Error {
  readonly code = 'NER_MODEL_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'NerModelError';
  }
}

/** Depth of the cluster tree the clusters file was built with (2 bits per level). */
export const CLUSTER_DEPTH = 7;

export function parseClusters(text: string): Map<string, number> {
  const clusters = new Map<string, number>();
  let at = 0;
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    if (text.charCodeAt(at) !== 35 /* # */) {
      const tab = text.indexOf('\t', at);
      if (tab > at && tab < end) clusters.set(text.slice(at, tab), parseInt(text.slice(tab + 1, end), 36));
    }
    at = end + 1;
  }
  return clusters;
}

export interface GazetteerMatch {
  /** Index of the list in `Gazetteer.lists`. */
  readonly list: number;
  /** Number of tokens matched from the start position. */
  readonly length: number;
}

interface TrieNode {
  children: Map<string, TrieNode> | undefined;
  /** Lists that end here, as a bit set over list indexes. */
  lists: number;
}

/** Multi-token gazetteers matched over lowercased tokens with a trie. */
export class Gazetteer {
  readonly lists: string[] = [];
  private readonly root: TrieNode = { children: undefined, lists: 0 };

  static parse(text: string): Gazetteer {
    const gazetteer = new Gazetteer();
    const listIndex = new Map<string, number>();
    for (const line of text.split('\n')) {
      if (line === '' || line.startsWith('#')) continue;
      const tab = line.indexOf('\t');
      if (tab < 0) continue;
      const name = line.slice(0, tab);
      let index = listIndex.get(name);
      if (index === undefined) {
        index = gazetteer.lists.length;
        if (index >= 30) throw new NerModelError('too many gazetteer lists (at most 30)');
        gazetteer.lists.push(name);
        listIndex.set(name, index);
      }
      gazetteer.insert(line.slice(tab + 1).split(' '), index);
    }
    return gazetteer;
  }

  private insert(words: readonly string[], list: number): void {
    let node = this.root;
    for (const word of words) {
      node.children ??= new Map();
      let child = node.children.get(word);
      if (child === undefined) {
        child = { children: undefined, lists: 0 };
        node.children.set(word, child);
      }
      node = child;
    }
    node.lists |= 1 << list;
  }

  /**
   * For each list, the longest entry starting at `start` over the lowercased tokens
   * (`lower`), calling `found(list, length)` once per list that matches.
   */
  matchAt(lower: readonly string[], start: number, found: (list: number, length: number) => void): void {
    let node: TrieNode | undefined = this.root;
    let seen = 0;
    const longest: number[] = [];
    for (let i = start; i < lower.length && i - start < 8; i++) {
      node = node.children?.get(lower[i]!);
      if (node === undefined) break;
      if (node.lists !== 0) {
        for (let list = 0; list < this.lists.length; list++) {
          if ((node.lists & (1 << list)) !== 0) longest[list] = i - start + 1;
        }
        seen |= node.lists;
      }
    }
    if (seen === 0) return;
    for (let list = 0; list < this.lists.length; list++) if ((seen & (1 << list)) !== 0) found(list, longest[list]!);
  }
}
