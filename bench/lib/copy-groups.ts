import { seededRandom } from '../../scripts/lib/seeded-random.js';

/** An article of the wire-copy benchmark: its text, date, and the copy group it truly belongs to. */
export interface CopyCase {
  readonly id: number;
  readonly body: string;
  readonly date: string;
  /** The id of the group's original; the article's own id for one with no copies. */
  readonly group: number;
  /** How the copy was made from its original ('original' for the original, 'unrelated' for the rest). */
  readonly change: string;
}

const CHANGES = ['retitled', 'trimmed', 'extended', 'edited', 'furniture', 'trimmed+edited'] as const;
const FURNITURE = ['Advertisement', 'Sign up for our newsletter', 'Share this article', 'Read more', 'Follow us on social media', 'Story continues below'];

/**
 * Copy groups made from real article texts: `groups` originals each republished one to four
 * times, retitled (the body unchanged), trimmed to its first 40–80 % of paragraphs,
 * extended with paragraphs of another article, lightly edited (3 % of words changed, a
 * sentence dropped), with furniture lines inserted, or trimmed and edited. Copies are
 * dated after their original and the whole set is shuffled, so copies often arrive first.
 * The other texts stay single. Deterministic for a seed.
 */
export function makeCopyCases(texts: readonly string[], groups: number, seed = 11): CopyCase[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const order = texts.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const cases: Omit<CopyCase, 'id'>[] = [];
  const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 3_600_000).toISOString();
  order.forEach((index, k) => {
    const hour = Math.floor(random() * 24 * 365);
    if (k >= groups) {
      cases.push({ body: texts[index]!, date: day(hour), group: -1, change: 'unrelated' });
      return;
    }
    const first = cases.length;
    cases.push({ body: texts[index]!, date: day(hour), group: first, change: 'original' });
    const copies = 1 + Math.floor(random() * 4);
    for (let c = 0; c < copies; c++) {
      const change = pick(CHANGES);
      const other = texts[order[groups + Math.floor(random() * (order.length - groups))]!]!;
      cases.push({ body: changed(texts[index]!, change, other, random), date: day(hour + 1 + Math.floor(random() * 72)), group: first, change });
    }
  });
  const withIds = cases.map((c, i) => ({ ...c, id: i + 1, group: c.group < 0 ? i + 1 : c.group + 1 }));
  for (let i = withIds.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [withIds[i], withIds[j]] = [withIds[j]!, withIds[i]!];
  }
  return withIds;
}

function changed(text: string, change: string, other: string, random: () => number): string {
  let paragraphs = text.split('\n').filter((p) => p.trim() !== '');
  if (change.includes('trimmed')) paragraphs = paragraphs.slice(0, Math.max(1, Math.ceil(paragraphs.length * (0.4 + 0.4 * random()))));
  if (change === 'extended') {
    const added = other.split('\n').filter((p) => p.trim() !== '').slice(0, 1 + Math.floor(random() * 3));
    paragraphs = random() < 0.5 ? [...paragraphs, ...added] : [...added.slice(0, 1), ...paragraphs];
  }
  if (change.includes('edited')) paragraphs = edited(paragraphs, random);
  if (change === 'furniture') {
    for (let n = 2 + Math.floor(random() * 3); n > 0; n--) paragraphs.splice(Math.floor(random() * (paragraphs.length + 1)), 0, FURNITURE[Math.floor(random() * FURNITURE.length)]!);
  }
  return paragraphs.join('\n');
}

/** About 3 % of words replaced or dropped, and one sentence of a long paragraph left out. */
function edited(paragraphs: string[], random: () => number): string[] {
  const out = paragraphs.map((p) =>
    p
      .split(' ')
      .flatMap((word) => (random() < 0.015 ? [] : random() < 0.015 ? ['reportedly'] : [word]))
      .join(' '),
  );
  const long = out.findIndex((p) => p.split('. ').length > 2);
  if (long >= 0) {
    const sentences = out[long]!.split('. ');
    sentences.splice(1 + Math.floor(random() * (sentences.length - 1)), 1);
    out[long] = sentences.join('. ');
  }
  return out;
}
