import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SearchPage, SearchQuery, Timeline } from '../../store/queries.js';
import { render } from './html.js';
import { layout } from './layout.js';
import { defaultExportHref, searchPage, type SearchView } from './search-page.js';
import { timelineChart } from './timeline-chart.js';
import { assertSafeMarkup, attributeValues, textOf } from './test-support.js';

const XSS_IMG = '<img src=x onerror=alert(1)>';
const XSS_SCRIPT = '"><script>alert(1)</script>';

/** What the server gives the page: the current search's URL with some parameters changed. */
function queryStringFor(query: SearchQuery): SearchView['queryString'] {
  return (changes) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) params.delete(key);
      else params.set(key, value);
    }
    const search = params.toString();
    return search === '' ? '/' : `/?${search}`;
  };
}

const page: SearchPage = {
  total: 42,
  next: 'CURSOR2',
  results: [
    {
      id: 7,
      headline: `Putin ${XSS_IMG} meets Xi`,
      url: 'javascript:alert(1)',
      published: '2020-03-01T10:00:00Z',
      site: XSS_SCRIPT,
      dateline: 'SAMARKAND',
      language: 'en',
      snippet: 'Russian leader Putin said <b>nothing</b> & left.',
      highlights: [
        [15, 20],
        [29, 32],
      ],
      quotes: 3,
      copies: 2,
    },
    { id: 8, headline: null, url: null, published: null, site: null, dateline: null, language: '"><x', snippet: '', highlights: [], quotes: 0, copies: 0 },
  ],
  facets: {
    people: [
      { value: 'Vladimir Putin', id: 11, count: 30 },
      { value: XSS_IMG, id: 12, count: 2 },
    ],
    organisations: [{ value: 'Shanghai Cooperation Organisation', id: 13, count: 5 }],
    places: [{ value: 'Samarkand', id: 14, count: 4 }],
    sites: [{ value: 'example.com', count: 40 }],
    over: 40,
  },
};

const timeline: Timeline = {
  interval: 'day',
  buckets: [
    { start: '2020-03-01', count: 5 },
    { start: '2020-03-02', count: 1 },
    { start: '2020-03-05', count: 2 },
  ],
  undated: 1,
};

const query: SearchQuery = { q: 'Putin', person: XSS_SCRIPT, hasQuotes: true, from: '2020-01-01' };

function renderSearch(overrides: Partial<SearchView> = {}): string {
  const view: SearchView = { query, page, timeline, queryString: queryStringFor(overrides.query ?? query), ...overrides };
  const out = render(searchPage(view));
  assertSafeMarkup(out);
  return out;
}

test('search page: hostile headline, site, facet values and query are escaped; nothing active gets through', () => {
  const out = renderSearch();
  assert.ok(!out.includes('<img'), 'no img tag');
  assert.ok(!out.includes('<script'), 'no script tag');
  assert.ok(!/href="javascript:/i.test(out));
  assert.ok(out.includes('&lt;img src=x onerror=alert(1)&gt;'));
  assert.ok(out.includes('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(!out.includes('lang="&quot;'), 'a bad language tag is left out');
  const hostileWords = renderSearch({ query: { q: XSS_SCRIPT, site: XSS_IMG } });
  assert.ok(hostileWords.includes('<h1>Articles matching <q>&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</q></h1>'));
  assert.ok(attributeValues(hostileWords, 'input', 'value').includes(XSS_SCRIPT), 'the filter form keeps the words');
});

test('search page: results link to their article, show meta, and highlight exactly the given ranges', () => {
  const out = renderSearch();
  assert.deepEqual(attributeValues(out, 'a', 'href').filter((href) => href.startsWith('/articles/')), ['/articles/7', '/articles/7#links-heading', '/articles/8']);
  assert.ok(textOf(out).includes('2 other copies'), 'a folded text says how many copies it has');
  assert.ok(!textOf(out).includes('0 other copies'));
  assert.ok(out.includes('Russian leader <mark>Putin</mark> said &lt;b&gt;<mark>not</mark>hing&lt;/b&gt; &amp; left.'));
  assert.ok(out.includes('<time datetime="2020-03-01T10:00:00Z">2020-03-01</time>'));
  assert.ok(textOf(out).includes('3 quotes'));
  assert.ok(textOf(out).includes('Untitled article'));
  assert.ok(textOf(out).includes('42 articles'));
});

test('search page: facets add a filter, link to the entity, and the filter form keeps every parameter', () => {
  const out = renderSearch();
  const hrefs = attributeValues(out, 'a', 'href');
  assert.ok(hrefs.includes('/?q=Putin&person=Vladimir+Putin&hasQuotes=true&from=2020-01-01'), 'facet link replaces the person filter');
  assert.ok(hrefs.includes('/?q=Putin&person=%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E&hasQuotes=true&from=2020-01-01&org=Shanghai+Cooperation+Organisation'));
  assert.ok(hrefs.includes('/?q=Putin&person=%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E&hasQuotes=true&from=2020-01-01&site=example.com'));
  for (const id of [11, 12, 13, 14]) assert.ok(hrefs.includes(`/entities/${id}`), `entity ${id}`);
  assert.ok(textOf(out).includes('Counts over the best 40 results.'));
  const names = attributeValues(out, 'input', 'name').concat(attributeValues(out, 'select', 'name'));
  for (const name of ['q', 'person', 'org', 'place', 'site', 'lang', 'from', 'to', 'speaker', 'hasQuotes', 'sort']) assert.ok(names.includes(name), name);
  assert.deepEqual(attributeValues(out, 'input', 'type').filter((type) => type === 'date').length, 2);
  assert.deepEqual(attributeValues(out, 'form', 'action'), ['/']);
  assert.ok(attributeValues(out, 'input', 'value').includes(XSS_SCRIPT), 'the filter value reads back as typed');
  assert.ok(out.includes('name="hasQuotes" value="true" checked'));
  // In its frame, as the server sends it: every control has a label pointing at it, and ids are unique.
  const framed = render(layout({ title: 'Search', body: searchPage({ query, page, timeline, queryString: queryStringFor(query) }), query: query.q ?? '', active: 'search' }));
  assertSafeMarkup(framed);
  const ids = attributeValues(framed, 'input', 'id').concat(attributeValues(framed, 'select', 'id'));
  const labelled = attributeValues(framed, 'label', 'for');
  for (const id of ids) assert.ok(labelled.includes(id), `label for ${id}`);
  assert.equal(new Set(attributeValues(framed, '*', 'id')).size, attributeValues(framed, '*', 'id').length, 'ids are unique');
});

test('search page: chips remove one filter, sort toggles, next page and downloads keep the search', () => {
  const out = renderSearch();
  const hrefs = attributeValues(out, 'a', 'href');
  assert.ok(hrefs.includes('/?q=Putin&hasQuotes=true&from=2020-01-01'), 'remove the person filter');
  assert.ok(hrefs.includes('/?q=Putin&person=%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E&from=2020-01-01'), 'remove has-quotes');
  assert.ok(textOf(out).includes('Remove filter Person: "><script>alert(1)</script>'));
  assert.ok(hrefs.some((href) => href.endsWith('&sort=newest')));
  assert.ok(out.includes('aria-current="true">Relevance</a>'), 'relevance is the default with words');
  assert.ok(hrefs.some((href) => href.endsWith('&cursor=CURSOR2')));
  assert.ok(hrefs.includes('/?q=Putin&person=%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E&hasQuotes=true&from=2020-01-01&copies=all'), 'list every copy');
  assert.ok(hrefs.includes('/api/v1/search/export?q=Putin&person=%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E&hasQuotes=true&from=2020-01-01&format=csv'));
  assert.ok(hrefs.some((href) => href.startsWith('/api/v1/search/export?') && href.endsWith('format=jsonl')));
  const custom = renderSearch({ exportHref: (format) => `/download.${format}` });
  assert.ok(attributeValues(custom, 'a', 'href').includes('/download.jsonl'));
  assert.equal(defaultExportHref(() => '/', 'csv'), '/api/v1/search/export?format=csv');
});

test('search page: the timeline is an accessible SVG bar chart with a bar per bucket', () => {
  const out = renderSearch();
  assert.equal(out.match(/<rect /g)?.length, 3);
  assert.ok(out.includes('<title>2020-03-01: 5 articles</title>'));
  assert.ok(out.includes('role="img"'));
  const label = attributeValues(out, 'svg', 'aria-label')[0] ?? '';
  assert.match(label, /8 dated articles per day, from 2020-03-01 to 2020-03-05; the most, 5, on 2020-03-01/);
  assert.ok(textOf(out).includes('1 article with no publication date is not shown.'));
  // Bars sit at their date: the 5th is four days after the 1st.
  assert.deepEqual(attributeValues(out, 'rect', 'x'), ['0', '10', '40']);
  assert.deepEqual(attributeValues(out, 'rect', 'height'), ['100', '20', '40']);
  assert.ok(out.includes('<th scope="row">2020-03-05</th><td>2</td>'), 'the table has the same numbers');
  const weekly = render(timelineChart({ interval: 'week', buckets: [{ start: '2020-03-02', count: 1 }, { start: '2020-03-16', count: 2 }], undated: 0 }));
  assertSafeMarkup(weekly);
  assert.deepEqual(attributeValues(weekly, 'rect', 'x'), ['0', '20']);
  assert.ok(render(timelineChart({ interval: 'day', buckets: [], undated: 0 })).includes('No dated articles'));
});

test('search page: empty results say what to try; an empty collection says how to fill it', () => {
  const empty: SearchPage = { total: 0, next: null, results: [], facets: { people: [], organisations: [], places: [], sites: [], over: 0 }, note: 'Nothing to search for in "*".' };
  const out = renderSearch({ page: empty, timeline: { interval: 'day', buckets: [], undated: 0 } });
  assert.ok(textOf(out).includes('No articles match Putin with these filters.'));
  assert.ok(textOf(out).includes('Nothing to search for in "*".'));
  assert.ok(!out.includes('<svg'), 'no chart without results');
  const none = renderSearch({ query: {}, page: { ...empty, note: '' }, timeline: { interval: 'day', buckets: [], undated: 0 } });
  assert.ok(textOf(none).includes('The collection has no articles yet.'));
  assert.ok(textOf(none).includes('All articles'));
});
