/**
 * Folders of news pages for ingest tests, built at test time from the Wikinews demo
 * corpus (CC BY 2.5, demo/wikinews): each page an HTML article with its headline,
 * date and paragraphs, on a made-up site. A share of the folder is what a real crawl
 * also holds: byte-identical copies, pages that are not articles, binary files saved as
 * .html, empty files.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../../scripts/lib/seeded-random.js';
import { WIKINEWS } from './repo.js';

export interface WikinewsArticle {
  readonly id: string;
  readonly url: string;
  readonly title: string;
  readonly date_published: string;
  readonly text: string;
}

let corpus: WikinewsArticle[] | undefined;

export function wikinews(): WikinewsArticle[] {
  corpus ??= readFileSync(WIKINEWS, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as WikinewsArticle);
  return corpus;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** One article page: the n-th variant of a Wikinews article (variants reorder paragraphs, so each page's text is its own). */
export function articlePage(article: WikinewsArticle, variant: number, url: string): string {
  const paragraphs = article.text.split(/\n\n+/).filter((p) => p.trim() !== '');
  const next = seededRandom(variant + 1);
  if (variant > 0) {
    for (let i = paragraphs.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [paragraphs[i], paragraphs[j]] = [paragraphs[j]!, paragraphs[i]!];
    }
  }
  const title = variant > 0 ? `${article.title} (${variant})` : article.title;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(title)} - Test News</title>
<link rel="canonical" href="${escape(url)}">
<meta property="og:site_name" content="Test News">
<meta property="article:published_time" content="${article.date_published}T09:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a></nav>
<article><h1>${escape(title)}</h1>
<p class="byline">By Staff Reporter</p>
${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}
</article>
<footer>Copyright Test News. Text from Wikinews, CC BY 2.5.</footer>
</body></html>
`;
}

/** A section front: a list of links, no article. */
export function listPage(n: number): string {
  const links = wikinews()
    .slice(n % 200, (n % 200) + 25)
    .map((a, i) => `<li><a href="/story/${n}-${i}">${escape(a.title)}</a></li>`)
    .join('\n');
  return `<!doctype html><html><head><title>Latest news ${n}</title></head><body><h1>Latest</h1><ul>${links}</ul></body></html>\n`;
}

export interface FolderPlan {
  readonly articles: number;
  /** Byte-identical copies of earlier pages, under other names. */
  readonly copies: number;
  readonly lists: number;
  readonly binaries: number;
  readonly empties: number;
}

/** Writes the pages into `dir` (in sub-folders of 100, as a crawl would); returns how many files. */
export function writePageFolder(dir: string, plan: FolderPlan, seed = 7): number {
  const next = seededRandom(seed);
  const articles = wikinews();
  const files: { name: string; bytes: string | Uint8Array }[] = [];
  const pages: string[] = [];
  for (let i = 0; i < plan.articles; i++) {
    const article = articles[i % articles.length]!;
    const variant = Math.floor(i / articles.length);
    const html = articlePage(article, variant, `https://news.test/${article.date_published}/${i}`);
    pages.push(html);
    files.push({ name: `article-${i}.html`, bytes: html });
  }
  for (let i = 0; i < plan.copies; i++) files.push({ name: `copy-${i}.html`, bytes: pages[Math.floor(next() * pages.length)]! });
  for (let i = 0; i < plan.lists; i++) files.push({ name: `list-${i}.html`, bytes: listPage(i) });
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array<number>(200).fill(0)]);
  for (let i = 0; i < plan.binaries; i++) files.push({ name: `image-${i}.html`, bytes: png });
  for (let i = 0; i < plan.empties; i++) files.push({ name: `empty-${i}.html`, bytes: '' });
  // Shuffle, so copies, lists and binaries sit among the articles as in a real crawl.
  for (let i = files.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [files[i], files[j]] = [files[j]!, files[i]!];
  }
  files.forEach((file, i) => {
    const sub = join(dir, String(Math.floor(i / 100)).padStart(3, '0'));
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, file.name), file.bytes);
  });
  return files.length;
}
