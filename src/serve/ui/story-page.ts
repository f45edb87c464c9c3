/**
 * Stories: the list, most recently grown first, and one story — its articles in order
 * with the copies of each text folded under the earliest, and who is quoted in it.
 */
import type { RelatedStorySummary, StoryArticle, StoryList, StoryPage, StorySummary } from '../../store/queries.js';
import { html, type SafeHtml } from './html.js';
import { articleHref, dateTime, entityHref, headlineText, plural } from './parts.js';

export function storyHref(id: number): string {
  return `/stories/${id}`;
}

function span(story: StorySummary): SafeHtml {
  const first = dateTime(story.first);
  const last = dateTime(story.last);
  if (first === null) return html`undated`;
  return last === null || story.first?.slice(0, 10) === story.last?.slice(0, 10) ? html`${first}` : html`${first} – ${last}`;
}

function size(story: StorySummary): SafeHtml {
  return html`${plural(story.articles, 'article')}${story.copies > 0 && html` (${plural(story.copies, 'copy', 'copies')})`}`;
}

/** The stories page's content. */
export function storiesPage(list: StoryList, nextHref: string | null): SafeHtml {
  if (list.results.length === 0) return html`<h1>Stories</h1><p>No stories yet: articles are linked into stories as they are ingested.</p>`;
  const items = list.results.map(
    (story) => html`<li class="story-item"><a href="${storyHref(story.id)}">${headlineText(story.label)}</a> <span class="story-meta">${size(story)} · ${span(story)}</span></li>`,
  );
  return html`<h1>Stories</h1>
<p class="section-note">Articles on one event or development, linked as they arrived; the most recently grown first.</p>
<ol class="story-list">${items}</ol>
${nextHref !== null && html`<nav class="pagination" aria-label="Story pages"><ul><li><a href="${nextHref}" rel="next">More stories</a></li></ul></nav>`}`;
}

function timelineItem(article: StoryArticle): SafeHtml {
  const copies =
    article.copies.length === 0
      ? null
      : html`<details class="copies"><summary>${plural(article.copies.length, 'copy', 'copies')} of this text</summary><ul>${article.copies.map(
          (copy) => html`<li><a href="${articleHref(copy.id)}">${headlineText(copy.headline)}</a>${copy.site !== null && html` <span class="site">${copy.site}</span>`}${copy.published !== null && html`, ${dateTime(copy.published)}`}</li>`,
        )}</ul></details>`;
  return html`<li class="timeline-item"><p><span class="date">${dateTime(article.published) ?? 'undated'}</span> <a href="${articleHref(article.id)}">${headlineText(article.headline)}</a>${article.site !== null && html` <span class="site">${article.site}</span>`}</p>${copies}</li>`;
}

function speakersSection(story: StoryPage): SafeHtml | null {
  if (story.speakers.length === 0) return null;
  const people = story.speakers.map(
    (speaker) => html`<li class="speaker"><h3><a class="entity entity-person" href="${entityHref(speaker.id)}">${speaker.name}</a></h3>
<ul class="quotes">${speaker.quotes.map(
      (quote) =>
        html`<li class="quote-item"><p class="quote-text">${quote.kind === 'direct' || quote.kind === 'partial' ? html`<q class="quote quote-${quote.kind}">${quote.text}</q>` : html`<span class="quote quote-${quote.kind}">${quote.text}</span>`}</p><p class="quote-source">in <a href="${articleHref(quote.article.id)}">${headlineText(quote.article.headline)}</a>${quote.article.published !== null && html`, ${dateTime(quote.article.published)}`}</p></li>`,
    )}</ul></li>`,
  );
  return html`<section aria-labelledby="speakers-heading"><h2 id="speakers-heading">Who said what</h2><ul class="speakers">${people}</ul></section>`;
}

/** Stories related to one (its own or an article's), with the people, organisations and places they share; null when there are none. */
export function relatedStories(related: readonly RelatedStorySummary[], headingId: string): SafeHtml | null {
  if (related.length === 0) return null;
  const items = related.map(
    (story) => html`<li class="story-item"><a href="${storyHref(story.id)}">${headlineText(story.label)}</a> <span class="story-meta">${size(story)} · ${span(story)}</span>${
      story.shared.length > 0 &&
      html`<br><span class="shared">Also names ${story.shared.map((entity, index) => html`${index > 0 && ', '}<a href="${entityHref(entity.id)}">${entity.name}</a>`)}</span>`
    }</li>`,
  );
  return html`<section aria-labelledby="${headingId}"><h2 id="${headingId}">Related stories</h2><ol class="story-list related">${items}</ol></section>`;
}

/** One story's page content. */
export function storyPage(story: StoryPage): SafeHtml {
  return html`<div class="story-page">
<h1>${headlineText(story.label)}</h1>
<p class="story-meta">Story · ${size(story)} · ${span(story)}</p>
<section aria-labelledby="timeline-heading">
<h2 id="timeline-heading">Timeline</h2>
${story.articles > story.timeline.reduce((sum, article) => sum + 1 + article.copies.length, 0) && html`<p class="section-note">The first ${plural(story.timeline.length, 'article')} of ${story.articles}.</p>`}
<ol class="timeline">${story.timeline.map(timelineItem)}</ol>
</section>
${speakersSection(story)}
${relatedStories(story.related, 'related-heading')}
</div>`;
}
