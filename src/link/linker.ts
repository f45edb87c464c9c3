import { areCopies, bandKeys, compareSketches, sketchOf, type CopySketch } from './copies.js';
import { StoryLinker, type LinkArticle } from './stories.js';

/** An article as linking takes it: its id, what it says, and when it was first seen (ISO 8601). */
export interface ArticleToLink extends LinkArticle {
  readonly id: number;
  readonly firstSeen: string;
}

/** Where linking put an article. */
export interface ArticleLinks {
  readonly story: number;
  /** The copy group: the id of its first member to arrive (the article's own id when it is no copy). */
  readonly copyGroup: number;
}

interface GroupMember {
  readonly id: number;
  /** Publication date, or first seen, as ms; then arrival order breaks ties. */
  readonly date: number;
  readonly arrival: number;
}

/**
 * Links articles as they arrive: each is first checked for being a copy of one already
 * seen (then it joins that copy group and its story, and adds nothing to the story's
 * description: fifty copies of one wire story are one voice), else it joins or starts a
 * story. In memory: the store keeps the same state in its tables.
 */
export class CollectionLinker {
  private readonly stories = new StoryLinker();
  private readonly sketches = new Map<number, CopySketch>();
  private readonly buckets = new Map<number, number[]>();
  private readonly links = new Map<number, ArticleLinks>();
  private readonly groups = new Map<number, GroupMember[]>();
  private arrivals = 0;

  add(article: ArticleToLink): ArticleLinks {
    const sketch = sketchOf(article.body);
    const original = this.copyOf(sketch);
    const keys = bandKeys(sketch);
    this.sketches.set(article.id, sketch);
    for (const key of keys) {
      const ids = this.buckets.get(key);
      if (ids === undefined) this.buckets.set(key, [article.id]);
      else ids.push(article.id);
    }
    const member = { id: article.id, date: dateOf(article.date ?? article.firstSeen), arrival: this.arrivals++ };
    let links: ArticleLinks;
    if (original !== undefined) {
      links = this.links.get(original)!;
      this.groups.get(links.copyGroup)!.push(member);
    } else {
      links = { story: this.stories.add(article).story, copyGroup: article.id };
      this.groups.set(article.id, [member]);
    }
    this.links.set(article.id, links);
    return links;
  }

  /** The earliest copy of an article's group (published first, then seen first); undefined for an article not linked. */
  firstCopy(id: number): number | undefined {
    const links = this.links.get(id);
    if (links === undefined) return undefined;
    return earliest(this.groups.get(links.copyGroup)!).id;
  }

  /** The id of the earliest copy when the article is a later copy of it, else null (as `dateline export` gives `duplicateOf`). */
  duplicateOf(id: number): number | null {
    const first = this.firstCopy(id);
    return first === undefined || first === id ? null : first;
  }

  /** The article already seen that holds most of this one's text, if any holds enough to be a copy. */
  private copyOf(sketch: CopySketch): number | undefined {
    const seen = new Set<number>();
    let best: { id: number; containment: number } | undefined;
    for (const key of bandKeys(sketch)) {
      for (const id of this.buckets.get(key) ?? []) {
        if (seen.has(id)) continue;
        seen.add(id);
        const other = this.sketches.get(id)!;
        if (!areCopies(sketch, other)) continue;
        const { containment } = compareSketches(sketch, other);
        if (best === undefined || containment > best.containment) best = { id, containment };
      }
    }
    return best?.id;
  }
}

function dateOf(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
}

function earliest(members: readonly GroupMember[]): GroupMember {
  return members.reduce((a, b) => (b.date < a.date || (b.date === a.date && b.arrival < a.arrival) ? b : a));
}
