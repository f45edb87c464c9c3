/**
 * The search page's controls: the filter form, the chips of the filters in force (each
 * with a link that removes it), and the sort toggle. Parameter names are the ones
 * `SearchQuery` uses, so the form submits straight to `/`.
 */
import type { Facets, SearchQuery, SearchSort } from '../../store/queries.js';
import { html, type SafeHtml } from './html.js';

/** The URL of the current search with some parameters changed, or removed (null). */
export type QueryStringFn = (changes: Record<string, string | null>) => string;

/** The text filters, in the order the form and the chips show them. */
const TEXT_FILTERS = [
  { param: 'person', label: 'Person', list: 'people' },
  { param: 'org', label: 'Organisation', list: 'organisations' },
  { param: 'place', label: 'Place', list: 'places' },
  { param: 'site', label: 'Site', list: 'sites' },
  { param: 'speaker', label: 'Quoted speaker', list: 'people' },
  { param: 'lang', label: 'Language', list: null },
] as const;

type TextFilter = (typeof TEXT_FILTERS)[number]['param'];

/** The value the checkbox submits for `hasQuotes`. */
export const HAS_QUOTES_VALUE = 'true';

/** The sort in force: as asked, else relevance for a text query and newest without one. */
export function effectiveSort(query: SearchQuery): SearchSort {
  return query.sort ?? (hasText(query) ? 'relevance' : 'newest');
}

/** True when the search has words to search for. */
export function hasText(query: SearchQuery): boolean {
  return query.q !== undefined && query.q.trim() !== '';
}

function filterValue(query: SearchQuery, param: TextFilter): string | undefined {
  const value = query[param];
  return value !== undefined && value.trim() !== '' ? value : undefined;
}

/** True when any filter beyond the words is in force. */
export function hasFilters(query: SearchQuery): boolean {
  return (
    TEXT_FILTERS.some(({ param }) => filterValue(query, param) !== undefined) ||
    (query.from ?? '') !== '' ||
    (query.to ?? '') !== '' ||
    query.hasQuotes === true
  );
}

/** The filters in force as chips, each with a link that removes it (and starts again from the first page). */
export function activeFilters(query: SearchQuery, queryString: QueryStringFn): SafeHtml | null {
  const chips: { param: string; label: string; value: string }[] = [];
  for (const { param, label } of TEXT_FILTERS) {
    const value = filterValue(query, param);
    if (value !== undefined) chips.push({ param, label, value });
  }
  if ((query.from ?? '') !== '') chips.push({ param: 'from', label: 'From', value: query.from ?? '' });
  if ((query.to ?? '') !== '') chips.push({ param: 'to', label: 'To', value: query.to ?? '' });
  if (query.hasQuotes === true) chips.push({ param: 'hasQuotes', label: 'Has quotes', value: 'yes' });
  if (chips.length === 0) return null;
  const items = chips.map(
    ({ param, label, value }) =>
      html`<li class="chip"><span class="chip-label">${label}:</span> <span class="chip-value">${value}</span> <a class="chip-remove" href="${queryString({ [param]: null, cursor: null })}"><span aria-hidden="true">×</span><span class="visually-hidden">Remove filter ${label}: ${value}</span></a></li>`,
  );
  const clearAll: Record<string, null> = { cursor: null, from: null, to: null, hasQuotes: null };
  for (const { param } of TEXT_FILTERS) clearAll[param] = null;
  return html`<div class="active-filters">
<h2 class="visually-hidden">Filters in force</h2>
<ul class="chips">${items}</ul>
${chips.length > 1 && html`<a class="clear-filters" href="${queryString(clearAll)}">Remove all filters</a>`}
</div>`;
}

/** Links that switch between relevance and newest first; the one in force is marked current. */
export function sortToggle(query: SearchQuery, queryString: QueryStringFn): SafeHtml {
  const current = effectiveSort(query);
  const option = (sort: SearchSort, label: string): SafeHtml =>
    current === sort
      ? html`<li><a href="${queryString({ sort, cursor: null })}" aria-current="true">${label}</a></li>`
      : html`<li><a href="${queryString({ sort, cursor: null })}">${label}</a></li>`;
  return html`<nav class="sort" aria-label="Sort results"><span class="sort-label">Sort by</span> <ul>${option('relevance', 'Relevance')}${option('newest', 'Newest first')}</ul></nav>`;
}

function datalists(facets: Facets): SafeHtml {
  const list = (id: string, values: readonly { value: string }[]): SafeHtml =>
    html`<datalist id="facet-${id}">${values.map(({ value }) => html`<option value="${value}"></option>`)}</datalist>`;
  return html`${list('people', facets.people)}${list('organisations', facets.organisations)}${list('places', facets.places)}${list('sites', facets.sites)}`;
}

/** The form of every filter, filled with the ones in force; it submits GET to `/`. */
export function filterForm(query: SearchQuery, facets: Facets): SafeHtml {
  const textFields = TEXT_FILTERS.map(
    ({ param, label, list }) =>
      html`<div class="field"><label for="filter-${param}">${label}</label><input id="filter-${param}" type="text" name="${param}" value="${filterValue(query, param) ?? ''}"${list !== null && html` list="facet-${list}"`} maxlength="200" autocomplete="off"></div>`,
  );
  const sort = effectiveSort(query);
  const selected = (value: SearchSort): SafeHtml | null => (sort === value ? html` selected` : null);
  return html`<form class="filters" method="get" action="/">
<h2 id="filters-heading">Filters</h2>
<div class="field"><label for="filter-q">Words</label><input id="filter-q" type="search" name="q" value="${query.q ?? ''}" maxlength="500" autocomplete="off"></div>
${textFields}
<fieldset class="dates">
<legend>Published</legend>
<div class="field"><label for="filter-from">From</label><input id="filter-from" type="date" name="from" value="${query.from ?? ''}"></div>
<div class="field"><label for="filter-to">To</label><input id="filter-to" type="date" name="to" value="${query.to ?? ''}"></div>
</fieldset>
<div class="field field-check"><input id="filter-hasQuotes" type="checkbox" name="hasQuotes" value="${HAS_QUOTES_VALUE}"${query.hasQuotes === true && html` checked`}><label for="filter-hasQuotes">Only articles with quotes</label></div>
<div class="field"><label for="filter-sort">Sort by</label><select id="filter-sort" name="sort"><option value="relevance"${selected('relevance')}>Relevance</option><option value="newest"${selected('newest')}>Newest first</option></select></div>${query.copies === 'all' && html`<input type="hidden" name="copies" value="all">`}
${datalists(facets)}
<div class="form-actions"><button type="submit">Apply filters</button> <a href="/">Start over</a></div>
</form>`;
}
