/**
 * One entity of the collection: who or what it is, the roles articles give it, what a
 * person said (newest first, a page at a time), who is named beside it, its articles,
 * and for a place the articles datelined there.
 */
import type { AttributedQuote, EntityPage } from '../../store/queries.js';
import { html, type SafeHtml } from './html.js';
import { articleHref, articleItem, dateTime, entityHref, headlineText, kindLabel, plural, searchHrefFor } from './parts.js';

/** What the entity page shows. */
export interface EntityView {
  readonly entity: EntityPage;
  /** The URL of the next page of the person's quotes, or null on the last. */
  readonly nextQuotesHref: string | null;
}

function rolesSection(entity: EntityPage): SafeHtml | null {
  if (entity.roles.length === 0) return null;
  const rows = entity.roles.map(
    (role) => html`<tr><th scope="row">${role.text}</th><td>${role.count}</td><td>${dateTime(role.first) ?? '—'}</td><td>${dateTime(role.last) ?? '—'}</td></tr>`,
  );
  return html`<section aria-labelledby="roles-heading">
<h2 id="roles-heading">Roles</h2>
<div class="table-wrap" role="region" aria-labelledby="roles-heading" tabindex="0"><table>
<caption class="visually-hidden">Roles articles give ${entity.name}, with how many articles give each and when</caption>
<thead><tr><th scope="col">Role</th><th scope="col">Articles</th><th scope="col">First</th><th scope="col">Last</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>
</section>`;
}

function quoteItem(quote: AttributedQuote): SafeHtml {
  const tag = quote.kind === 'direct' || quote.kind === 'partial' ? html`<q class="quote quote-${quote.kind}">${quote.text}</q>` : html`<span class="quote quote-${quote.kind}">${quote.text}</span>`;
  return html`<li class="quote-item">
<p class="quote-text">${tag}</p>
<p class="quote-source"><span class="quote-kind">${quote.kind}</span>${quote.cue !== null && html` · cue: <span class="cue">${quote.cue}</span>`}${quote.speakerMention !== null && html` · named as <span class="speaker-mention">${quote.speakerMention}</span>`} · in <a href="${articleHref(quote.article.id)}">${headlineText(quote.article.headline)}</a>${quote.article.site !== null && html` <span class="site">${quote.article.site}</span>`}${quote.article.published !== null && html`, ${dateTime(quote.article.published)}`}</p>
</li>`;
}

function quotesSection(entity: EntityPage, nextQuotesHref: string | null): SafeHtml | null {
  if (entity.type !== 'person' && entity.quoteCount === 0) return null;
  if (entity.quotes.length === 0) {
    return html`<section aria-labelledby="quotes-heading"><h2 id="quotes-heading">Quotes</h2><p>No quotes attributed to ${entity.name}.</p></section>`;
  }
  return html`<section aria-labelledby="quotes-heading">
<h2 id="quotes-heading">Quotes <span class="count">(${entity.quoteCount})</span></h2>
<p class="section-note">Every quote attributed to ${entity.name}, newest first.</p>
<ol class="quotes">${entity.quotes.map(quoteItem)}</ol>
${nextQuotesHref !== null && html`<nav class="pagination" aria-label="Quote pages"><ul><li><a href="${nextQuotesHref}" rel="next">More quotes</a></li></ul></nav>`}
</section>`;
}

function coMentionedSection(entity: EntityPage): SafeHtml | null {
  if (entity.coMentioned.length === 0) return null;
  const items = entity.coMentioned.map(
    (other) => html`<li><a class="entity entity-${other.type}" href="${entityHref(other.id)}">${other.name}</a> <span class="count">${plural(other.shared, 'shared article')}</span></li>`,
  );
  return html`<section aria-labelledby="co-heading"><h2 id="co-heading">Often named with</h2><ul class="co-mentioned">${items}</ul></section>`;
}

function articlesSection(id: string, title: string, articles: EntityPage['recentArticles'], total: number): SafeHtml | null {
  if (articles.length === 0) return null;
  return html`<section aria-labelledby="${id}">
<h2 id="${id}">${title} <span class="count">(${total})</span></h2>
${total > articles.length && html`<p class="section-note">The newest ${articles.length} of ${plural(total, 'article')}.</p>`}
<ul class="article-list">${articles.map(articleItem)}</ul>
</section>`;
}

/** The entity page's content, for `layout` to frame. */
export function entityPage(view: EntityView): SafeHtml {
  const { entity, nextQuotesHref } = view;
  return html`<div class="entity-page">
<h1><span class="entity entity-${entity.type}">${entity.name}</span></h1>
<p class="entity-summary"><span class="entity-kind">${kindLabel(entity.type)}</span> · named in ${plural(entity.articles, 'article')}</p>
<p><a href="${searchHrefFor(entity.type, entity.name)}">Search the articles that name ${entity.name}</a></p>
${entity.aliases.length > 1 && html`<p class="aliases">Named in articles as ${entity.aliases.map((alias, index) => html`${index > 0 && ', '}<span class="alias">${alias.name}</span> (${alias.articles})`)}</p>`}
${entity.namesakes.length > 0 && html`<p class="namesakes">Not to be confused with ${entity.namesakes.map((other, index) => html`${index > 0 && '; '}<a href="${entityHref(other.id)}">${other.name}</a>${other.roles.length > 0 && html` (${other.roles.join(', ')})`}`)}.</p>`}
${rolesSection(entity)}
${quotesSection(entity, nextQuotesHref)}
${coMentionedSection(entity)}
${articlesSection('recent-heading', 'Recent articles', entity.recentArticles, entity.articles)}
${entity.type === 'place' && articlesSection('datelined-heading', 'Datelined here', entity.datelined, entity.datelinedCount)}
</div>`;
}
