/**
 * One stored article: headline, byline and where it came from, the clean text with its
 * entities and quotes marked, then what Dateline understood of it (people, organisations,
 * places, quotes, times) and the page furniture it set aside.
 */
import type { ArticleJson } from '../../output/json.js';
import type { EntityJson } from '../../output/understanding.js';
import type { ArticleRef, EntityKind, StoredArticle } from '../../store/queries.js';
import type { CopyChanges } from '../../link/diff.js';
import { relatedStories, storyHref } from './story-page.js';
import { attrUrl, html, joinHtml, type SafeHtml } from './html.js';
import { articleBody, entityLink, speakerMarker, type EntityIds } from './article-body.js';
import { articleHref, dateTime, externalLink, headlineText, kindOfType, plural } from './parts.js';

/** What the article page shows: the stored article and its JSON, parsed. */
export interface ArticleView {
  readonly article: StoredArticle;
  /** The article JSON (`article.json`, parsed). */
  readonly json: ArticleJson;
  /** For a later copy of a text: what it changed against the earliest published copy. */
  readonly changes?: CopyChanges | null;
  /** For the earliest copy of a text: what each later copy (the first few, by id) changed against it. */
  readonly copyChanges?: ReadonlyMap<number, CopyChanges>;
}

const LICENCE_URL = 'https://creativecommons.org/licenses/by/2.5/';

function isWikinews(url: string | null): boolean {
  const safe = attrUrl(url);
  if (safe === null) return false;
  const host = new URL(safe).hostname.toLowerCase();
  return host === 'wikinews.org' || host.endsWith('.wikinews.org');
}

function header(article: StoredArticle, json: ArticleJson, original: string | null): SafeHtml {
  const authors = json.authors.map((author) => author.name).filter((name) => name.trim() !== '');
  const site = json.siteName ?? article.site;
  const facts = [
    site !== null && site !== '' && html`<span class="site">${site}</span>`,
    json.published !== null && html`<span>Published ${dateTime(json.published.value)}</span>`,
    json.modified !== null && json.modified.value !== json.published?.value && html`<span>Updated ${dateTime(json.modified.value)}</span>`,
  ].filter((part): part is SafeHtml => part !== false);
  const dateline = json.dateline;
  return html`<header class="article-header">
<h1>${headlineText(json.headline)}</h1>
${authors.length > 0 && html`<p class="byline">By ${joinHtml(authors, ', ')}</p>`}
${facts.length > 0 && html`<p class="article-meta">${joinHtml(facts, html`<span class="sep" aria-hidden="true"> · </span>`)}</p>`}
${dateline !== null && html`<p class="article-dateline">Dateline: <span class="dateline">${dateline.text}</span>${dateline.place !== '' && html` (place: ${dateline.place})`}</p>`}
${original !== null && html`<p class="original">${externalLink(original, 'Read the original')}${attrUrl(original) !== null && html` <span class="url">${original}</span>`}</p>`}
</header>`;
}

const ENTITY_SECTIONS: readonly { kind: EntityKind; title: string }[] = [
  { kind: 'person', title: 'People' },
  { kind: 'organisation', title: 'Organisations' },
  { kind: 'place', title: 'Places' },
  { kind: 'other', title: 'Other names' },
];

function entityItem(entity: EntityJson, entityIds: EntityIds): SafeHtml {
  const kind = kindOfType(entity.type);
  const roles = [...new Set(entity.roles.map((role) => role.text))];
  return html`<li>${entityLink(entityIds[entity.id], `entity entity-${kind}`, entity.name)}${roles.length > 0 && html` <span class="roles">(${joinHtml(roles, ', ')})</span>`} <span class="mention-count">${plural(entity.mentions.length, 'mention')}</span></li>`;
}

function entitySections(json: ArticleJson, entityIds: EntityIds): SafeHtml[] {
  return ENTITY_SECTIONS.flatMap(({ kind, title }) => {
    const entities = json.entities.filter((entity) => kindOfType(entity.type) === kind);
    if (entities.length === 0) return [];
    return [html`<section class="entity-list" aria-labelledby="list-${kind}"><h2 id="list-${kind}">${title}</h2><ul>${entities.map((entity) => entityItem(entity, entityIds))}</ul></section>`];
  });
}

function quotesSection(json: ArticleJson, entityIds: EntityIds): SafeHtml | null {
  if (json.quotes.length === 0) return null;
  const items = json.quotes.map(
    (quote) =>
      html`<li><q class="quote quote-${quote.kind}">${quote.text}</q> ${speakerMarker(quote, entityIds) ?? html`<span class="speaker">— speaker unknown</span>`} <span class="quote-kind">(${quote.kind})</span></li>`,
  );
  return html`<section class="quote-list" aria-labelledby="list-quotes"><h2 id="list-quotes">Quotes</h2><ol>${items}</ol></section>`;
}

function timesSection(json: ArticleJson): SafeHtml | null {
  if (json.times.length === 0) return null;
  const items = json.times.map((time) => {
    const resolved = time.value !== undefined ? html` → ${dateTime(time.value)}` : time.unresolved !== undefined && html` <span class="unresolved">(not resolved: ${time.unresolved})</span>`;
    return html`<li>${time.text}${resolved}${time.relative && html` <span class="relative">relative</span>`}</li>`;
  });
  return html`<section class="time-list" aria-labelledby="list-times"><h2 id="list-times">Times</h2><ul>${items}</ul></section>`;
}

function furnitureSection(json: ArticleJson): SafeHtml | null {
  const furniture = json.furniture;
  if (furniture.length === 0) return null;
  const items = furniture.map(
    (block) =>
      html`<li><span class="furniture-kind">${block.kind}</span>: <span class="furniture-text">${block.text}</span> <span class="furniture-reason">Why: ${block.reason}</span></li>`,
  );
  return html`<details class="furniture"><summary>${plural(furniture.length, 'block')} set aside as page furniture</summary><ul>${items}</ul></details>`;
}

function wikinewsCredit(json: ArticleJson, url: string): SafeHtml {
  const date = json.published !== null ? json.published.value.slice(0, 10) : 'undated';
  return html`<p class="credit">"${headlineText(json.headline)}", Wikinews, ${date}, ${externalLink(url)}, <a href="${LICENCE_URL}" rel="license">CC BY 2.5</a></p>`;
}

/** The article page's content, for `layout` to frame. */
/** What a copy changed against the earliest copy, in paragraphs. */
function changesText(changes: CopyChanges): SafeHtml {
  return joinHtml(
    [
      plural(changes.unchanged, 'paragraph') + ' the same',
      changes.edited > 0 ? `${plural(changes.edited, 'paragraph')} reworded` : null,
      changes.added > 0 ? `${plural(changes.added, 'paragraph')} added` : null,
      changes.removed > 0 ? `${plural(changes.removed, 'paragraph')} left out` : null,
    ]
      .filter((part): part is string => part !== null)
      .map((part) => html`${part}`),
    ', ',
  );
}

/** The article's story, and its copies: the earliest with what this copy changed, or the later ones. */
function linksSection(article: StoredArticle, changes: CopyChanges | null, copyChanges: ReadonlyMap<number, CopyChanges>): SafeHtml | null {
  const links = article.links;
  if (links === null) return null;
  const ref = (copy: ArticleRef) =>
    html`<a href="${articleHref(copy.id)}">${headlineText(copy.headline)}</a>${copy.site !== null && html` <span class="site">${copy.site}</span>`}${copy.published !== null && html`, ${dateTime(copy.published)}`}`;
  const changed = changes === null ? null : html`: ${changesText(changes)}`;
  const copyItem = (copy: ArticleRef) => {
    const its = copyChanges.get(copy.id);
    return html`<li>${ref(copy)}${its !== undefined && html`: ${changesText(its)}`}</li>`;
  };
  return html`<section aria-labelledby="links-heading">
<h2 id="links-heading">Story and copies</h2>
<p>Part of the story <a href="${storyHref(links.story.id)}">${headlineText(links.story.label)}</a> <span class="count">(${plural(links.story.articles, 'article')})</span>.</p>
${links.original !== null && html`<p class="copy-of">A copy of ${ref(links.original)}, published first${changed}.</p>`}
${links.copies.length > 0 && html`<details class="copies"${links.original === null ? html` open` : null}><summary>${plural(links.copies.length, 'other copy', 'other copies')} of this text</summary><ul>${links.copies.map(copyItem)}</ul></details>`}
</section>
${relatedStories(links.related, 'related-heading')}`;
}

export function articlePage(view: ArticleView): SafeHtml {
  const { article, json } = view;
  const entityIds = article.entityIds;
  const original = article.url ?? json.canonicalUrl ?? json.source.url ?? null;
  const language = json.language !== null && /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(json.language) ? html` lang="${json.language}"` : null;
  return html`<article class="article">
${header(article, json, original)}
<div class="article-text"${language}>
${articleBody(json, entityIds)}
</div>
${original !== null && isWikinews(original) && wikinewsCredit(json, original)}
</article>
<div class="understanding">
${linksSection(article, view.changes ?? null, view.copyChanges ?? new Map())}
${entitySections(json, entityIds)}
${quotesSection(json, entityIds)}
${timesSection(json)}
${furnitureSection(json)}
</div>`;
}
