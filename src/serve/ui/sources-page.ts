/**
 * How every input stands, as `dateline status` tells it: items per state, kind and
 * reason code, each source with its counts and its last success and error, feeds whose
 * last poll failed, and the latest errors. Locations are text: one becomes a link only
 * when it is an http(s) address.
 */
import type { SourceStatus, StateCounts, StatusReport } from '../../store/store.js';
import { html, type SafeHtml } from './html.js';
import { externalLink, plural, timestamp } from './parts.js';

const STATES: readonly (keyof StateCounts)[] = ['stored', 'duplicate', 'skipped', 'failed', 'pending'];

function stateHeaders(): SafeHtml[] {
  return STATES.map((state) => html`<th scope="col" class="num">${state}</th>`);
}

function stateCells(counts: Partial<StateCounts>): SafeHtml[] {
  return STATES.map((state) => html`<td class="num state-${state}">${counts[state] ?? 0}</td>`);
}

function tableSection(id: string, title: string, head: SafeHtml, rows: readonly SafeHtml[], empty: string): SafeHtml {
  return html`<section aria-labelledby="${id}">
<h2 id="${id}">${title}</h2>
${rows.length === 0 ? html`<p class="empty">${empty}</p>` : html`<div class="table-wrap" role="region" aria-labelledby="${id}" tabindex="0"><table><thead>${head}</thead><tbody>${rows}</tbody></table></div>`}
</section>`;
}

function totalsSection(report: StatusReport): SafeHtml {
  return html`<section aria-labelledby="totals-heading">
<h2 id="totals-heading">All inputs</h2>
<p>${plural(report.articles, 'article')} stored, from ${plural(report.sources.length, 'source')}.</p>
<div class="table-wrap" role="region" aria-labelledby="totals-heading" tabindex="0"><table>
<thead><tr><td></td>${stateHeaders()}</tr></thead>
<tbody><tr><th scope="row">Items</th>${stateCells(report.states)}</tr></tbody>
</table></div>
</section>`;
}

function kindsSection(report: StatusReport): SafeHtml {
  const rows = Object.entries(report.kinds)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, counts]) => html`<tr><th scope="row">${kind}</th>${stateCells(counts)}</tr>`);
  return tableSection('kinds-heading', 'Items per kind', html`<tr><th scope="col">Kind</th>${stateHeaders()}</tr>`, rows, 'No items yet.');
}

function codesSection(report: StatusReport): SafeHtml {
  const rows = Object.entries(report.codes)
    .sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b))
    .map(([code, count]) => html`<tr><th scope="row"><code>${code}</code></th><td class="num">${count}</td></tr>`);
  return tableSection('codes-heading', 'Reason codes', html`<tr><th scope="col">Code</th><th scope="col" class="num">Items</th></tr>`, rows, 'No item was skipped, failed, put off or found to be a duplicate.');
}

function lastError(error: SourceStatus['lastError']): SafeHtml {
  if (error === null) return html`—`;
  return html`<code>${error.code}</code> ${error.message} ${timestamp(error.at)}${error.url !== null && html` <span class="url">${error.url}</span>`}`;
}

function sourcesSection(report: StatusReport): SafeHtml {
  const rows = report.sources.map(
    (source) =>
      html`<tr><th scope="row" class="location">${externalLink(source.location)}</th><td>${source.kind}</td>${stateCells(source.states)}<td>${timestamp(source.lastSuccessAt) ?? '—'}</td><td class="error-cell">${lastError(source.lastError)}</td></tr>`,
  );
  const head = html`<tr><th scope="col">Location</th><th scope="col">Kind</th>${stateHeaders()}<th scope="col">Last success</th><th scope="col">Last error</th></tr>`;
  return tableSection('sources-heading', 'Sources', head, rows, 'No sources yet: add some with dateline ingest.');
}

function failedPollsSection(report: StatusReport): SafeHtml | null {
  if (report.failedPolls.length === 0) return null;
  const rows = report.failedPolls.map(
    (poll) => html`<tr><th scope="row" class="location">${externalLink(poll.url)}</th><td>${timestamp(poll.polledAt) ?? '—'}</td><td>${poll.error}</td></tr>`,
  );
  return tableSection('polls-heading', 'Feeds whose last poll failed', html`<tr><th scope="col">Feed or sitemap</th><th scope="col">Polled</th><th scope="col">Error</th></tr>`, rows, '');
}

function recentErrorsSection(report: StatusReport): SafeHtml | null {
  if (report.lastErrors.length === 0) return null;
  const rows = report.lastErrors.map(
    (error) =>
      html`<tr><th scope="row" class="location">${externalLink(error.url) ?? (error.path !== null ? html`<span class="url">${error.path}</span>` : `item ${error.id}`)}</th><td><code>${error.code}</code></td><td>${error.message}</td><td class="num">${error.attempts}</td><td>${timestamp(error.at)}</td></tr>`,
  );
  const head = html`<tr><th scope="col">Input</th><th scope="col">Code</th><th scope="col">Message</th><th scope="col" class="num">Attempts</th><th scope="col">When</th></tr>`;
  return tableSection('errors-heading', 'Recent errors', head, rows, '');
}

/** The sources page's content, for `layout` to frame (`active: 'sources'`). */
export function sourcesPage(report: StatusReport): SafeHtml {
  return html`<div class="sources-page">
<h1>Sources</h1>
${totalsSection(report)}
${sourcesSection(report)}
${kindsSection(report)}
${codesSection(report)}
${failedPollsSection(report)}
${recentErrorsSection(report)}
</div>`;
}
