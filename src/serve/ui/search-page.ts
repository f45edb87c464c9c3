/** The search page: the filters, the results with highlighted snippets, facets, the timeline and downloads. */
import type { FacetValue, SearchHit, SearchPage, SearchQuery, Timeline } from '../../store/queries.js';
import { html, type SafeHtml } from './html.js';
import { highlight } from './marks.js';
import { articleHref, dateTime, entityHref, headlineText, plural } from './parts.js';
import { activeFilters, filterForm, hasFilters, hasText, sortToggle, type QueryStringFn } from './search-filters.js';
import { timelineChart } from './timeline-chart.js';

/** The formats search results download in. */
export type ExportFormat = 'csv' | 'jsonl';

/** What the search page shows, and how it builds links to other searches. */
export interface SearchView {
  readonly query: SearchQuery;
  readonly page: SearchPage;
  readonly timeline: Timeline;
  /** The URL (`/?…`) of the current search with some parameters changed, or removed (null). */
  readonly queryString: QueryStringFn;
  /**
   * The download URL of the current search in a format. Optional: by default it is
   * `queryString({ format, cursor: null })` with its path swapped for `/api/v1/search/export`.
   */
  readonly exportHref?: (format: ExportFormat) => string;
}

/** The path the downloads are served from. */
export const EXPORT_PATH = '/api/v1/search/export';

/** The download URL for a format, from the search's own URL with its path swapped. */
export function defaultExportHref(queryString: QueryStringFn, format: ExportFormat): string {
  const url = queryString({ format, cursor: null });
  const question = url.indexOf('?');
  return question < 0 ? `${EXPORT_PATH}?${new URLSearchParams({ format }).toString()}` : `${EXPORT_PATH}${url.slice(question)}`;
}

/** A language tag fit for a `lang` attribute, or null. */
function langAttribute(language: string | null): SafeHtml | null {
  return language !== null && /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(language) ? html` lang="${language}"` : null;
}

function resultItem(hit: SearchHit): SafeHtml {
  const meta = [
    hit.site !== null && html`<span class="site">${hit.site}</span>`,
    dateTime(hit.published),
    hit.dateline !== null && html`<span class="dateline">${hit.dateline}</span>`,
    hit.quotes > 0 && html`<span class="quote-count">${plural(hit.quotes, 'quote')}</span>`,
    hit.copies > 0 && html`<a class="copy-count" href="${articleHref(hit.id)}#links-heading">${plural(hit.copies, 'other copy', 'other copies')}</a>`,
  ].filter((part): part is SafeHtml => part !== false && part !== null);
  return html`<li class="result">
<article>
<h3 class="result-headline"><a href="${articleHref(hit.id)}">${headlineText(hit.headline)}</a></h3>
${meta.length > 0 && html`<p class="result-meta">${meta.map((part, index) => (index > 0 ? html`<span class="sep" aria-hidden="true"> · </span>${part}` : part))}</p>`}
${hit.snippet !== '' && html`<p class="snippet"${langAttribute(hit.language)}>${highlight(hit.snippet, hit.highlights)}</p>`}
</article>
</li>`;
}

function emptyMessage(query: SearchQuery): SafeHtml {
  if (!hasText(query) && !hasFilters(query)) {
    return html`<div class="empty"><p>The collection has no articles yet.</p><p>Add some with <code>dateline ingest</code>, then come back.</p></div>`;
  }
  return html`<div class="empty">
<p>No articles match${hasText(query) && html` <strong>${query.q ?? ''}</strong>`}${hasFilters(query) && ' with these filters'}.</p>
<ul>
${hasFilters(query) && html`<li>Remove a filter above, or widen the dates.</li>`}
${hasText(query) && html`<li>Check the spelling, use fewer words, or end a word with <code>*</code> to match its beginning (<code>elect*</code>).</li>`}
<li>Search for a phrase with quotation marks (<code>"climate change"</code>), or either word with <code>OR</code>.</li>
</ul>
</div>`;
}

type FacetParam = 'person' | 'org' | 'place' | 'site';

function facetGroup(title: string, param: FacetParam, values: readonly FacetValue[], current: string | undefined, queryString: QueryStringFn): SafeHtml | null {
  if (values.length === 0) return null;
  const items = values.map((facet) => {
    const active = current !== undefined && current.toLowerCase() === facet.value.toLowerCase();
    const filterLink = active
      ? html`<a class="facet-link" href="${queryString({ [param]: null, cursor: null })}" aria-current="true"><span class="facet-value">${facet.value}</span> <span class="facet-count">${facet.count}</span><span class="visually-hidden"> (filter in force; remove it)</span></a>`
      : html`<a class="facet-link" href="${queryString({ [param]: facet.value, cursor: null })}"><span class="facet-value">${facet.value}</span> <span class="facet-count">${facet.count}</span><span class="visually-hidden"> articles</span></a>`;
    const about = facet.id !== undefined && html` <a class="facet-entity" href="${entityHref(facet.id)}">about<span class="visually-hidden"> ${facet.value}</span></a>`;
    return html`<li>${filterLink}${about}</li>`;
  });
  return html`<section class="facet" aria-labelledby="facet-${param}"><h3 id="facet-${param}">${title}</h3><ul class="facet-list">${items}</ul></section>`;
}

function facetsSection(view: SearchView): SafeHtml | null {
  const { facets, total } = view.page;
  const { query, queryString } = view;
  const groups = [
    facetGroup('People', 'person', facets.people, query.person, queryString),
    facetGroup('Organisations', 'org', facets.organisations, query.org, queryString),
    facetGroup('Places', 'place', facets.places, query.place, queryString),
    facetGroup('Sites', 'site', facets.sites, query.site, queryString),
  ].filter((group) => group !== null);
  if (groups.length === 0) return null;
  return html`<section class="facets" aria-labelledby="facets-heading">
<h2 id="facets-heading">Narrow down</h2>
${facets.over < total && html`<p class="facets-over">Counts over the best ${plural(facets.over, 'result')}.</p>`}
${groups}
</section>`;
}

function pagination(view: SearchView): SafeHtml | null {
  const { query, page, queryString } = view;
  const first = query.cursor !== undefined && query.cursor !== '';
  if (!first && page.next === null) return null;
  return html`<nav class="pagination" aria-label="Result pages"><ul>
${first && html`<li><a href="${queryString({ cursor: null })}">First page</a></li>`}
${page.next !== null && html`<li><a href="${queryString({ cursor: page.next })}" rel="next">Next page</a></li>`}
</ul></nav>`;
}

/** Each text once with its copies counted (the default), or every copy listed: a link to the other. */
function copiesToggle(query: SearchQuery, queryString: SearchView['queryString']): SafeHtml {
  return query.copies === 'all'
    ? html`<p class="copies-toggle">Every copy listed · <a href="${queryString({ copies: null, cursor: null })}">Fold copies</a></p>`
    : html`<p class="copies-toggle">Copies folded · <a href="${queryString({ copies: 'all', cursor: null })}">List every copy</a></p>`;
}

function downloads(view: SearchView): SafeHtml {
  const href = (format: ExportFormat): string => (view.exportHref !== undefined ? view.exportHref(format) : defaultExportHref(view.queryString, format));
  return html`<p class="downloads">Download all matching articles: <a href="${href('csv')}" download>CSV</a> · <a href="${href('jsonl')}" download>JSON Lines</a></p>`;
}

/** The search page's content, for `layout` to frame (title, search box text, `active: 'search'`). */
export function searchPage(view: SearchView): SafeHtml {
  const { query, page, timeline, queryString } = view;
  const words = hasText(query) ? (query.q ?? '').trim() : '';
  const heading = words !== '' ? html`Articles matching <q>${words}</q>` : html`All articles`;
  return html`<div class="search-page">
<div class="search-main">
<h1>${heading}</h1>
${activeFilters(query, queryString)}
<div class="results-bar">
<p class="total">${plural(page.total, 'article')}</p>
${page.total > 0 && sortToggle(query, queryString)}
${page.total > 0 && copiesToggle(query, queryString)}
</div>
${page.note !== undefined && page.note !== '' && html`<p class="note">${page.note}</p>`}
${page.total > 0 && html`<section class="timeline-section" aria-labelledby="timeline-heading"><h2 id="timeline-heading">When they were published</h2>${timelineChart(timeline)}</section>`}
<section class="results-section" aria-labelledby="results-heading">
<h2 id="results-heading" class="visually-hidden">Results</h2>
${page.results.length > 0 ? html`<ol class="results">${page.results.map(resultItem)}</ol>` : emptyMessage(query)}
${pagination(view)}
${page.total > 0 && downloads(view)}
</section>
</div>
<aside class="search-side" aria-label="Filters and facets">
${filterForm(query, page.facets)}
${facetsSection(view)}
</aside>
</div>`;
}
