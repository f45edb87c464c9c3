import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ArticleRef, EntityPage } from '../../store/queries.js';
import type { StatusReport } from '../../store/store.js';
import { html, render } from './html.js';
import { entityPage } from './entity-page.js';
import { errorPage } from './error-page.js';
import { layout } from './layout.js';
import { sourcesPage } from './sources-page.js';
import { assertSafeMarkup, attributeValues, textOf, XSS_IMG, XSS_SCRIPT } from './test-support.js';


function check(out: string): string {
  assertSafeMarkup(out);
  assert.ok(!out.includes('<img') && !out.includes('<script'));
  return out;
}

test('layout: a full document with landmarks, a labelled search form, skip link and the corpus credit', () => {
  const out = check(render(layout({ title: XSS_SCRIPT, body: html`<h1>Hi</h1>`, query: XSS_IMG, active: 'sources' })));
  assert.ok(out.startsWith('<!doctype html>\n<html lang="en">'));
  assert.ok(out.includes('<meta charset="utf-8">'));
  assert.ok(out.includes('<meta name="viewport" content="width=device-width, initial-scale=1">'));
  assert.ok(out.includes('<link rel="stylesheet" href="/static/style.css">'));
  assert.ok(out.includes('<title>&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; · Dateline</title>'));
  for (const landmark of ['<header', '<nav', '<main id="main"', '<footer']) assert.ok(out.includes(landmark), landmark);
  assert.ok(out.includes('<a class="skip-link" href="#main">'));
  assert.ok(out.includes('<label for="site-q">') && out.includes('id="site-q"') && out.includes('name="q"'));
  assert.deepEqual(attributeValues(out, 'input', 'value'), [XSS_IMG]);
  assert.ok(out.includes('<a href="/sources" aria-current="page">'));
  assert.ok(textOf(out).includes('Demo articles from Wikinews, licensed under\nCC BY 2.5.'));
  assert.ok(attributeValues(out, 'a', 'href').includes('https://creativecommons.org/licenses/by/2.5/'));
  assert.ok(attributeValues(out, 'a', 'href').includes('https://en.wikinews.org'));
});

const ref = (id: number, headline: string | null, published: string | null = '2020-01-0' + String(id % 9 + 1)): ArticleRef => ({ id, headline, url: 'javascript:alert(1)', published, site: XSS_SCRIPT });

const person: EntityPage = {
  id: 11,
  name: `Vladimir ${XSS_IMG} Putin`,
  type: 'person',
  articles: 120,
  roles: [{ text: `Russian ${XSS_SCRIPT} President`, count: 80, first: '2019-01-02', last: null }],
  namesakes: [{ id: 99, name: `Vladimir ${XSS_IMG} Putin`, type: 'person', articles: 2, roles: [`chess ${XSS_SCRIPT} player`] }],
  aliases: [
    { name: `Vladimir ${XSS_IMG} Putin`, articles: 100 },
    { name: `Putin ${XSS_SCRIPT}`, articles: 20 },
  ],
  recentArticles: [ref(1, XSS_IMG), ref(2, null)],
  datelined: [],
  datelinedCount: 0,
  quotes: [
    {
      id: 900,
      text: `we stand ${XSS_SCRIPT}`,
      kind: 'direct',
      cue: 'said',
      speakerMention: 'he',
      start: 10,
      end: 20,
      article: ref(3, 'Summit'),
    },
    { id: 901, text: 'it went well', kind: 'indirect', cue: null, speakerMention: null, start: 0, end: 12, article: ref(4, 'Talks', null) },
  ],
  quoteCount: 57,
  nextQuotes: 'Q2',
  coMentioned: [{ id: 12, name: `Xi ${XSS_IMG}`, type: 'person', articles: 40, shared: 33 }],
};

test('entity page: a person with roles, quotes newest first, paging, co-mentions, articles and a search link', () => {
  const out = check(render(entityPage({ entity: person, nextQuotesHref: '/entities/11?cursor=Q2' })));
  const plain = textOf(out);
  assert.ok(out.includes('<h1><span class="entity entity-person">Vladimir &lt;img src=x onerror=alert(1)&gt; Putin</span></h1>'));
  assert.ok(plain.includes('Person · named in 120 articles'));
  assert.ok(plain.includes(`Not to be confused with Vladimir ${XSS_IMG} Putin (chess ${XSS_SCRIPT} player).`), 'a namesake, told apart by role');
  assert.ok(attributeValues(out, 'a', 'href').includes('/entities/99'));
  assert.ok(plain.includes(`Named in articles as Vladimir ${XSS_IMG} Putin (100), Putin ${XSS_SCRIPT} (20)`), 'the names articles give it');
  assert.ok(!textOf(render(entityPage({ entity: { ...person, aliases: [person.aliases[0]!] }, nextQuotesHref: null }))).includes('Named in articles as'), 'one name is no list of names');
  assert.ok(out.includes('<th scope="row">Russian &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; President</th><td>80</td><td><time datetime="2019-01-02">2019-01-02</time></td><td>—</td>'));
  assert.ok(plain.includes('Quotes (57)'));
  assert.ok(plain.indexOf('we stand') < plain.indexOf('it went well'), 'in the order given (newest first)');
  assert.ok(out.includes('<q class="quote quote-direct">we stand &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</q>'));
  assert.ok(out.includes('<span class="quote quote-indirect">it went well</span>'));
  const hrefs = attributeValues(out, 'a', 'href');
  assert.ok(hrefs.includes('/entities/11?cursor=Q2'));
  assert.ok(hrefs.includes('/articles/3') && hrefs.includes('/articles/1'));
  assert.ok(hrefs.includes('/entities/12'));
  assert.ok(plain.includes('33 shared articles'));
  assert.ok(hrefs.includes('/?person=Vladimir+%3Cimg+src%3Dx+onerror%3Dalert%281%29%3E+Putin'));
  assert.ok(!hrefs.some((href) => href.startsWith('javascript')));
  assert.ok(plain.includes('The newest 2 of 120 articles.'));
  assert.ok(!out.includes('Datelined here'));
  const last = check(render(entityPage({ entity: { ...person, quotes: [], quoteCount: 0, nextQuotes: null }, nextQuotesHref: null })));
  assert.ok(textOf(last).includes('No quotes attributed to'));
  assert.ok(!last.includes('More quotes'));
});

test('entity page: a place lists articles datelined there and searches by place; an organisation by org', () => {
  const place: EntityPage = { ...person, id: 14, name: 'Samarkand', type: 'place', quotes: [], quoteCount: 0, nextQuotes: null, datelined: [ref(5, 'From Samarkand')], datelinedCount: 9, coMentioned: [] };
  const out = check(render(entityPage({ entity: place, nextQuotesHref: null })));
  assert.ok(textOf(out).includes('Datelined here (9)'));
  assert.ok(attributeValues(out, 'a', 'href').includes('/?place=Samarkand'));
  assert.ok(!out.includes('>Quotes'), 'a place has no quotes section');
  const org = check(render(entityPage({ entity: { ...place, name: 'SCO', type: 'organisation', datelined: [] }, nextQuotesHref: null })));
  assert.ok(attributeValues(org, 'a', 'href').includes('/?org=SCO'));
  const other = check(render(entityPage({ entity: { ...place, name: 'Olympics "2020"', type: 'other', datelined: [] }, nextQuotesHref: null })));
  assert.ok(attributeValues(other, 'a', 'href').includes('/?q=%22Olympics+2020%22'));
});

const report: StatusReport = {
  states: { pending: 1, stored: 10, duplicate: 2, skipped: 3, failed: 4 },
  kinds: { page: { stored: 10, failed: 4 }, feed: { stored: 1 } },
  codes: { FETCH_TIMEOUT: 4, [XSS_SCRIPT]: 1 },
  articles: 10,
  sources: [
    { id: 1, kind: 'url', location: 'javascript:alert(1)', states: { pending: 0, stored: 1, duplicate: 0, skipped: 0, failed: 0 }, lastSuccessAt: '2024-05-01T10:15:00Z', lastError: null },
    {
      id: 2,
      kind: 'url',
      location: 'https://example.com/feed.xml',
      states: { pending: 1, stored: 9, duplicate: 2, skipped: 3, failed: 4 },
      lastSuccessAt: null,
      lastError: { code: 'FETCH_TIMEOUT', message: XSS_IMG, at: '2024-05-02T00:00:00Z', url: 'https://example.com/a' },
    },
    { id: 3, kind: 'folder', location: `/data/${XSS_IMG}`, states: { pending: 0, stored: 0, duplicate: 0, skipped: 0, failed: 0 }, lastSuccessAt: null, lastError: null },
  ],
  failedPolls: [{ url: 'data:text/html,<script>alert(1)</script>', polledAt: null, error: XSS_SCRIPT }],
  lastErrors: [{ id: 77, url: null, path: `/tmp/${XSS_SCRIPT}`, code: 'INPUT_UNREADABLE', message: 'cannot read', attempts: 3, at: '2024-05-02T00:00:00Z' }],
};

test('sources page: totals, kinds, codes, sources, failed polls and errors in tables; locations are links only when http(s)', () => {
  const out = check(render(sourcesPage(report)));
  const plain = textOf(out);
  assert.ok(plain.includes('10 articles stored, from 3 sources.'));
  assert.ok(out.includes('<th scope="row">Items</th><td class="num state-stored">10</td><td class="num state-duplicate">2</td><td class="num state-skipped">3</td><td class="num state-failed">4</td><td class="num state-pending">1</td>'));
  assert.ok(out.includes('<th scope="row">page</th>'));
  assert.ok(out.includes('<th scope="row"><code>FETCH_TIMEOUT</code></th><td class="num">4</td>'));
  const hrefs = attributeValues(out, 'a', 'href');
  assert.ok(hrefs.includes('https://example.com/feed.xml'));
  assert.ok(!hrefs.some((href) => /^(javascript|data):/i.test(href)));
  assert.ok(out.includes('<span class="url">javascript:alert(1)</span>'));
  assert.ok(out.includes('<time datetime="2024-05-01T10:15:00Z">2024-05-01 10:15 UTC</time>'));
  assert.ok(plain.includes(`FETCH_TIMEOUT ${XSS_IMG}`));
  assert.ok(plain.includes('Feeds whose last poll failed'));
  assert.ok(plain.includes(`/tmp/${XSS_SCRIPT}`));
  for (const scope of attributeValues(out, 'th', 'scope')) assert.ok(scope === 'col' || scope === 'row');
  assert.equal(out.match(/<th(?=[\s>])(?![^>]*scope=)/g), null, 'every header cell has a scope');
});

test('sources page: an empty store says how to start', () => {
  const empty: StatusReport = { states: { pending: 0, stored: 0, duplicate: 0, skipped: 0, failed: 0 }, kinds: {}, codes: {}, articles: 0, sources: [], failedPolls: [], lastErrors: [] };
  const out = check(render(sourcesPage(empty)));
  assert.ok(textOf(out).includes('No sources yet'));
  assert.ok(!out.includes('Recent errors'));
});

test('error page: status, code and message, escaped, with a way back', () => {
  const out = check(render(errorPage(404, 'NOT_FOUND', `No article ${XSS_SCRIPT}`)));
  assert.ok(out.includes('<h1>Not found</h1>'));
  assert.ok(textOf(out).includes(`No article ${XSS_SCRIPT}`));
  assert.ok(out.includes('<code>NOT_FOUND</code> (HTTP 404)'));
  assert.ok(attributeValues(out, 'a', 'href').includes('/'));
  assert.ok(render(errorPage(503, 'QUERY_TIMEOUT', 'x')).includes('<h1>Service unavailable</h1>'));
  assert.ok(render(errorPage(418, 'X', 'x')).includes('<h1>Request not served</h1>'));
});
