import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StoryPage } from '../../store/queries.js';
import { render } from './html.js';
import { storiesPage, storyPage } from './story-page.js';
import { assertSafeMarkup, textOf, XSS_IMG, XSS_SCRIPT } from './test-support.js';

const ref = (id: number, headline: string, published: string | null) => ({ id, headline, url: null, published, site: 'site.test' });
const story: StoryPage = {
  id: 4,
  label: `Flood ${XSS_SCRIPT}`,
  articles: 3,
  copies: 1,
  first: '2024-08-01T08:00:00Z',
  last: '2024-08-03T10:00:00Z',
  timeline: [
    { ...ref(1, `Rivers rise ${XSS_IMG}`, '2024-08-01T08:00:00Z'), copies: [ref(3, 'Rivers rise (wire copy)', '2024-08-01T09:00:00Z')] },
    { ...ref(2, 'Rescue boats reach villages', '2024-08-03T10:00:00Z'), copies: [] },
  ],
  related: [
    {
      id: 7,
      label: `Dam repairs ${XSS_IMG}`,
      articles: 2,
      copies: 0,
      first: '2024-08-10T08:00:00Z',
      last: '2024-08-12T08:00:00Z',
      score: 0.31,
      shared: [{ id: 21, name: `River ${XSS_SCRIPT}`, type: 'place', articles: 5 }],
    },
  ],
  speakers: [{ id: 11, name: `Chief ${XSS_IMG}`, quotes: [{ id: 1, text: `We need boats ${XSS_SCRIPT}`, kind: 'direct', cue: 'said', speakerMention: 'Chief', start: 0, end: 10, article: ref(2, 'Rescue boats reach villages', '2024-08-03T10:00:00Z') }] }],
};

test('story page: its articles in order with copies folded, who said what; everything escaped', () => {
  const out = render(storyPage(story));
  assertSafeMarkup(out);
  assert.ok(out.includes('<h1>Flood &quot;&gt;&lt;script&gt;'));
  assert.ok(textOf(out).includes('3 articles (1 copy)'));
  const first = out.indexOf('/articles/1"');
  assert.ok(first > 0 && first < out.indexOf('/articles/3"') && out.indexOf('/articles/3"') < out.indexOf('/articles/2"'), 'the copy folded under its article, before the next one');
  assert.ok(out.includes('1 copy of this text'));
  assert.ok(out.includes('href="/entities/11"'));
  assert.ok(textOf(out).includes(`We need boats ${XSS_SCRIPT}`));
  assert.ok(textOf(out).includes(`Related storiesDam repairs ${XSS_IMG} 2 articles`), "related stories listed");
  assert.ok(out.includes('<a href="/stories/7">') && out.includes('<a href="/entities/21">'), 'each related story and what it shares link to their pages');
  assert.ok(!render(storyPage({ ...story, related: [] })).includes('Related stories'), 'no section without related stories');
});

test('stories page: each story links to its page; an empty collection says why there are none', () => {
  const out = render(storiesPage({ results: [story], next: 'abc' }, '/stories?cursor=abc'));
  assertSafeMarkup(out);
  assert.ok(out.includes('<a href="/stories/4">Flood &quot;&gt;&lt;script&gt;'));
  assert.ok(out.includes('rel="next"'));
  assert.match(render(storiesPage({ results: [], next: null }, null)), /No stories yet/u);
});
