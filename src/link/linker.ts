import { bandKeys, copyContainment, sketchOf, type CopySketch } from './copies.js';
import { MemoryStoryState, StoryLinker, type LinkArticle, type StoryState } from './stories.js';

/** An article as linking takes it: its id, what it says, and when it was first seen (ISO 8601). */
export interface ArticleToLink extends LinkArticle {
  readonly id: number;
  readonly firstSeen: string;
  /** Its copy sketch, when worked out already (see linkFeatures). */
  readonly sketch?: CopySketch;
}

/** Where linking put an article. */
export interface ArticleLinks {
  readonly story: number;
  /** The copy group: the id of its first member to arrive (the article's own id when it is no copy). */
  readonly copyGroup: number;
}

/** Where links live between articles: memory (MemoryLinkState) or the store's tables. */
export interface LinkState {
  readonly stories: StoryState;
  /** The sketches of articles filed under any of these LSH keys. */
  sketchesUnder(keys: readonly number[]): { readonly id: number; readonly sketch: CopySketch }[];
  /** Files an article's sketch under its keys, and records where it was linked. */
  saveLinks(article: ArticleToLink, sketch: CopySketch, keys: readonly number[], links: ArticleLinks): void;
  /** Where an article already linked went. */
  linksOf(id: number): ArticleLinks | undefined;
}

/**
 * Links articles as they arrive: each is first checked for being a copy of one already
 * seen (then it joins that copy group and its story, and adds nothing to the story's
 * description: fifty copies of one wire story are one voice), else it joins or starts a
 * story.
 */
export class CollectionLinker<State extends LinkState = LinkState> {
  private readonly stories: StoryLinker;

  constructor(readonly state: State) {
    this.stories = new StoryLinker(state.stories);
  }

  add(article: ArticleToLink): ArticleLinks {
    const sketch = article.sketch ?? sketchOf(article.body);
    const keys = bandKeys(sketch);
    const original = copyOf(sketch, this.state.sketchesUnder(keys));
    const links = (original === undefined ? undefined : this.state.linksOf(original)) ?? { story: this.stories.add(article).story, copyGroup: article.id };
    this.state.saveLinks(article, sketch, keys, links);
    return links;
  }
}

/** The article that holds most of this one's text, of those holding enough of it to be a copy. */
function copyOf(sketch: CopySketch, candidates: readonly { readonly id: number; readonly sketch: CopySketch }[]): number | undefined {
  let best: { id: number; containment: number } | undefined;
  for (const candidate of candidates) {
    const containment = copyContainment(sketch, candidate.sketch);
    if (containment === null) continue;
    if (best === undefined || containment > best.containment || (containment === best.containment && candidate.id < best.id)) best = { id: candidate.id, containment };
  }
  return best?.id;
}

interface GroupMember {
  readonly id: number;
  /** Publication date, or first seen, as ms; then arrival order breaks ties. */
  readonly date: number;
  readonly arrival: number;
}

/** Link state in memory: for a program that links articles it holds, and for measuring. */
export class MemoryLinkState implements LinkState {
  readonly stories = new MemoryStoryState();
  private readonly sketches = new Map<number, CopySketch>();
  private readonly buckets = new Map<number, number[]>();
  private readonly links = new Map<number, ArticleLinks>();
  private readonly groups = new Map<number, GroupMember[]>();

  sketchesUnder(keys: readonly number[]): { id: number; sketch: CopySketch }[] {
    const ids = new Set<number>();
    for (const key of keys) for (const id of this.buckets.get(key) ?? []) ids.add(id);
    return [...ids].map((id) => ({ id, sketch: this.sketches.get(id)! }));
  }

  saveLinks(article: ArticleToLink, sketch: CopySketch, keys: readonly number[], links: ArticleLinks): void {
    this.sketches.set(article.id, sketch);
    for (const key of keys) {
      const ids = this.buckets.get(key);
      if (ids === undefined) this.buckets.set(key, [article.id]);
      else ids.push(article.id);
    }
    this.links.set(article.id, links);
    const member = { id: article.id, date: dateOf(article.date ?? article.firstSeen), arrival: this.links.size };
    const group = this.groups.get(links.copyGroup);
    if (group === undefined) this.groups.set(links.copyGroup, [member]);
    else group.push(member);
  }

  linksOf(id: number): ArticleLinks | undefined {
    return this.links.get(id);
  }

  /** The earliest copy of an article's group (published first, then seen first); undefined for an article not linked. */
  firstCopy(id: number): number | undefined {
    const links = this.links.get(id);
    return links === undefined ? undefined : earliest(this.groups.get(links.copyGroup)!).id;
  }

  /** The id of the earliest copy when the article is a later copy of it, else null (as `dateline export` gives `duplicateOf`). */
  duplicateOf(id: number): number | null {
    const first = this.firstCopy(id);
    return first === undefined || first === id ? null : first;
  }
}

function dateOf(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
}

function earliest(members: readonly GroupMember[]): GroupMember {
  return members.reduce((a, b) => (b.date < a.date || (b.date === a.date && b.arrival < a.arrival) ? b : a));
}
