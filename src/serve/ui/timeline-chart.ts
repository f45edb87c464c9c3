/**
 * The search timeline as an inline SVG bar chart: geometry in attributes, colours in
 * CSS classes (the CSP allows no inline style). Bars sit at their date's place, so the
 * days or weeks with no articles show as gaps. A table of the same numbers follows, for
 * screen readers and anyone who wants the figures.
 */
import type { Timeline } from '../../store/queries.js';
import { html, type SafeHtml } from './html.js';
import { plural } from './parts.js';

const DAY_MS = 86_400_000;
const CHART_HEIGHT = 100;
const SLOT_WIDTH = 10;

interface Bar {
  readonly start: string;
  readonly count: number;
  readonly slot: number;
}

/** Each bucket's slot on the time axis; in plain order when a date does not parse. */
function placeBars(timeline: Timeline): Bar[] {
  const step = timeline.interval === 'week' ? 7 * DAY_MS : DAY_MS;
  const times = timeline.buckets.map((bucket) => Date.parse(`${bucket.start.slice(0, 10)}T00:00:00Z`));
  const first = times[0];
  const parsed = first !== undefined && times.every((time, i) => Number.isFinite(time) && (i === 0 || time > times[i - 1]!));
  return timeline.buckets.map((bucket, index) => ({
    start: bucket.start,
    count: Math.max(0, bucket.count),
    slot: parsed ? Math.round((times[index]! - first) / step) : index,
  }));
}

function summary(timeline: Timeline, bars: readonly Bar[]): string {
  const first = bars[0];
  const last = bars[bars.length - 1];
  if (first === undefined || last === undefined) return 'Timeline: no dated articles.';
  const total = bars.reduce((sum, bar) => sum + bar.count, 0);
  const peak = bars.reduce((best, bar) => (bar.count > best.count ? bar : best), first);
  const per = timeline.interval === 'week' ? 'week (weeks start on Monday)' : 'day';
  const range = first === last ? `on ${first.start}` : `from ${first.start} to ${last.start}`;
  return `Bar chart of ${plural(total, 'dated article')} per ${per}, ${range}; the most, ${peak.count}, ${timeline.interval === 'week' ? 'in the week of' : 'on'} ${peak.start}.`;
}

/** The chart, its date axis, the count of undated articles, and the table of buckets. */
export function timelineChart(timeline: Timeline): SafeHtml {
  const bars = placeBars(timeline);
  const undated =
    timeline.undated > 0 ? html`<p class="timeline-undated">${plural(timeline.undated, 'article')} with no publication date ${timeline.undated === 1 ? 'is' : 'are'} not shown.</p>` : null;
  const first = bars[0];
  const last = bars[bars.length - 1];
  if (first === undefined || last === undefined) return html`<p class="timeline-empty">No dated articles to chart.</p>${undated}`;
  const slots = last.slot + 1;
  const max = Math.max(1, ...bars.map((bar) => bar.count));
  const width = slots * SLOT_WIDTH;
  // Narrow gaps keep a few bars apart; hundreds of bars need every unit of width.
  const barWidth = slots > 200 ? SLOT_WIDTH : SLOT_WIDTH - 2;
  const rects = bars.map((bar) => {
    const height = bar.count === 0 ? 0 : Math.max(2, Math.round((bar.count / max) * CHART_HEIGHT));
    const label = `${timeline.interval === 'week' ? 'Week of ' : ''}${bar.start}: ${plural(bar.count, 'article')}`;
    return html`<rect class="bar" x="${bar.slot * SLOT_WIDTH}" y="${CHART_HEIGHT - height}" width="${barWidth}" height="${height}"><title>${label}</title></rect>`;
  });
  const unit = timeline.interval === 'week' ? 'Week starting' : 'Day';
  const rows = bars.map((bar) => html`<tr><th scope="row">${bar.start}</th><td>${bar.count}</td></tr>`);
  return html`<figure class="timeline">
<svg class="timeline-chart" viewBox="0 0 ${width} ${CHART_HEIGHT}" preserveAspectRatio="none" role="img" aria-label="${summary(timeline, bars)}" xmlns="http://www.w3.org/2000/svg">
<line class="axis" x1="0" y1="${CHART_HEIGHT}" x2="${width}" y2="${CHART_HEIGHT}"></line>
${rects}
</svg>
<figcaption class="timeline-axis"><span>${first.start}</span><span>most: ${max}</span><span>${last.start}</span></figcaption>
</figure>
${undated}
<details class="timeline-table">
<summary>Timeline as a table</summary>
<table>
<caption>Matching articles per ${timeline.interval}</caption>
<thead><tr><th scope="col">${unit}</th><th scope="col">Articles</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</details>`;
}
