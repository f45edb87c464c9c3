/**
 * The JSON API over HTTP on loopback, on a real collection (the seed page and Wikinews
 * articles, ingested by the library): search and its filters, pagination, exports,
 * articles, entities, sources, posted ingest, errors, deadlines and rate limits.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { EntityPage, SearchHit, SearchPage, StoryList, StoryPage, StorySummary, Timeline } from '../src/store/queries.js';
import type { RunningServer } from '../src/serve/server.js';
import { openStore } from '../src/store/sqlite/index.js';
import { buildCollection, call, errorOf, FORMULA_WORD, postIngest, qs, serve, type Collection } from './helpers/served-store.js';

type Params = Record<string, string | number | boolean>;

const CSV_COLUMNS = 'id,headline,url,published,site,dateline,language,quotes,copies,snippet';
/** Newest first: dated articles by date, then the undated (as the store orders them). */
const notNewer = (a: string | null, b: string | null): boolean => (a ?? '') >= (b ?? '');

/** RFC 4180 records: fields quoted with doubled quotes inside, each record ended by CRLF (asserted). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      for (i++; !(text[i] === '"' && text[i + 1] !== '"'); i++) {
        assert.ok(i < text.length, 'a quoted field is closed');
        if (text[i] === '"') i++;
        field += text[i];
      }
      i++;
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') field += text[i++];
      assert.ok(!field.includes('"'), `a quote only in a quoted field: ${field}`);
    }
    record.push(field);
    if (text[i] === ',') i++;
    else {
      assert.equal(text.slice(i, i + 2), '\r\n', `records end with CRLF (at ${i})`);
      i += 2;
      records.push(record);
      record = [];
    }
  }
  return records;
}

describe('API: search, browse and ingest over HTTP', { timeout: 240_000 }, () => {
  let collection: Collection;
  let server: RunningServer;
  let seedId: number;
  let putinId: number;
  const api = (path: string): string => `${server.url}/api/v1${path}`;
  const search = async (params: Params): Promise<SearchPage> => {
    const answer = await call<SearchPage>(api(`/search${qs(params)}`));
    assert.equal(answer.status, 200, `${JSON.stringify(params)}: ${answer.text.slice(0, 200)}`);
    return answer.json;
  };
  /** Every result of a query, page by page through the cursor. */
  const walk = async (params: Params): Promise<SearchHit[]> => {
    const hits: SearchHit[] = [];
    for (let page = await search(params); ; page = await search({ ...params, cursor: page.next! })) {
      hits.push(...page.results);
      if (page.next === null) return hits;
    }
  };

  before(async () => {
    collection = await buildCollection();
    server = await serve(collection);
    seedId = (await search({ q: 'Samarkand' })).results[0]!.id;
    putinId = (await call<{ results: { id: number }[] }>(api('/entities?type=person&q=putin'))).json.results[0]!.id;
  });
  after(async () => {
    await server?.close();
    collection?.remove();
  });

  it('finds the seed for q=putin, with "Putin" highlighted in its snippet', async () => {
    const hit = (await search({ q: 'putin' })).results.find((result) => result.id === seedId);
    assert.ok(hit !== undefined, 'the seed is found');
    assert.ok(hit.highlights.length > 0);
    for (const [start, end] of hit.highlights) assert.equal(hit.snippet.slice(start, end).toLowerCase(), 'putin');
  });

  it('filters by person (surname or full name), speaker and place (the dateline)', async () => {
    const bySurname = await walk({ person: 'Putin' });
    const byName = await walk({ person: 'Vladimir Putin' });
    assert.deepEqual(byName.map((hit) => hit.id), bySurname.map((hit) => hit.id));
    assert.ok(bySurname.length >= 5 && bySurname.some((hit) => hit.id === seedId));
    for (const hit of bySurname) {
      const article = (await call<{ entities: { type: string; name: string }[] }>(api(`/articles/${hit.id}`))).json;
      assert.ok(article.entities.some((entity) => entity.type === 'PER' && entity.name.endsWith('Putin')), `${hit.headline} names Putin`);
    }
    const quoted = await search({ speaker: 'Blinken' });
    assert.ok(quoted.results.some((hit) => hit.id === seedId) && quoted.results.every((hit) => hit.quotes > 0));
    const datelined = await search({ place: 'Samarkand' });
    assert.ok(datelined.results.some((hit) => hit.id === seedId && hit.dateline === 'Samarkand'));
  });

  it('filters by quotes, site and dates, agreeing with the whole collection', async () => {
    const all = await walk({ limit: 100 });
    assert.equal(all.length, collection.articles);
    const count = (keep: (hit: SearchHit) => boolean): number => all.filter(keep).length;
    const quoted = await walk({ hasQuotes: true, limit: 100 });
    assert.ok(quoted.every((hit) => hit.quotes > 0) && quoted.length === count((hit) => hit.quotes > 0));
    const wikinews = await walk({ site: 'wikinews.org', limit: 100 });
    assert.ok(wikinews.length > 50 && wikinews.every((hit) => hit.site === 'wikinews.org') && wikinews.length === count((hit) => hit.site === 'wikinews.org'));
    const january = await walk({ from: '2020-01-01', to: '2020-01-31', limit: 100 });
    const inJanuary = (hit: SearchHit): boolean => hit.published !== null && hit.published.slice(0, 10) >= '2020-01-01' && hit.published.slice(0, 10) <= '2020-01-31';
    assert.ok(january.length > 0 && january.every(inJanuary) && january.length === count(inJanuary));
  });

  it('orders sort=newest by date, newest first', async () => {
    const hits = await walk({ q: 'said', sort: 'newest', limit: 100 });
    assert.ok(hits.length > 10);
    hits.slice(1).forEach((hit, i) => assert.ok(notNewer(hits[i]!.published, hit.published), `${hits[i]!.published} before ${hit.published}`));
  });

  it('walks every result through the cursor once, as one big page has them', async () => {
    for (const params of [{ q: 'said' }, { q: 'president OR minister' }, {}, { hasQuotes: true, sort: 'newest' }] as Params[]) {
      const big = await search({ ...params, limit: 100 });
      const walked = await walk({ ...params, limit: 7 });
      assert.ok(big.total <= 100 && big.next === null, 'one page holds them all');
      assert.deepEqual(walked.map((hit) => hit.id), big.results.map((hit) => hit.id), JSON.stringify(params));
      assert.equal(walked.length, big.total);
    }
  });

  it('refuses a tampered cursor, and a cursor of another query', async () => {
    const next = (await search({ q: 'said', limit: 5 })).next ?? '';
    assert.ok(next !== '');
    for (const cursor of [`${next.slice(0, -4)}AAAA`, `x${next}`, next.split('').reverse().join(''), 'not-a-cursor']) {
      const answer = await call(api(`/search${qs({ q: 'said', limit: 5, cursor })}`));
      assert.equal(answer.status, 400, cursor);
      assert.match(errorOf(answer).message, /cursor/u);
    }
    for (const other of [{ q: 'president' }, { q: 'said', sort: 'newest' }, { q: 'said', site: 'wikinews.org' }] as Params[]) {
      const answer = await call(api(`/search${qs({ ...other, limit: 5, cursor: next })}`));
      assert.equal(answer.status, 400, JSON.stringify(other));
      assert.match(errorOf(answer).message, /cursor/u);
    }
  });

  it('answers any text typed in the box with 200, and a 10 KB query with 400', async () => {
    for (const q of ['C++', 'e-mail', '"unbalanced', 'AND', 'NEAR(', '*', '😀', 'a OR OR b', 'title:putin', '^putin', '-', '""', 'putin OR', '(((']) {
      const page = await search({ q });
      if (['*', '😀', '-', '""', '((('].includes(q)) assert.ok(page.note !== undefined && page.total === 0, `${q}: a note says why nothing is searched`);
    }
    assert.ok((await search({ q: 'C++' })).total > 0, 'C++ searches the word C');
    const long = await call(api(`/search${qs({ q: 'putin '.repeat(1700) })}`));
    assert.equal(long.status, 400);
    assert.match(errorOf(long).message, /\bq\b/u);
  });

  it("lists the seed's people in the facets", async () => {
    const people = (await search({ q: 'Samarkand' })).facets.people.map((facet) => facet.value);
    for (const name of ['Vladimir Putin', 'Xi Jinping', 'Antony Blinken']) assert.ok(people.includes(name), `${name} in ${people.join(', ')}`);
  });

  it('counts the timeline by week: the buckets and the undated sum to the total', async () => {
    for (const params of [{}, { q: 'said' }, { person: 'Putin' }] as Params[]) {
      const { total } = await search(params);
      const timeline = (await call<Timeline>(api(`/timeline${qs({ ...params, interval: 'week' })}`))).json;
      assert.equal(timeline.buckets.reduce((sum, bucket) => sum + bucket.count, 0) + timeline.undated, total, JSON.stringify(params));
      for (const bucket of timeline.buckets) assert.equal(new Date(`${bucket.start}T00:00:00Z`).getUTCDay(), 1, `${bucket.start} is a Monday`);
    }
  });

  it('exports the search as CSV (RFC 4180, formulas defused) and JSON Lines, with the same results', async () => {
    const hits = await walk({ q: 'said', limit: 100 });
    const csv = await call(api(`/search/export${qs({ q: 'said', format: 'csv' })}`));
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/u);
    const [header, ...rows] = parseCsv(csv.text);
    assert.equal(header!.join(','), CSV_COLUMNS);
    assert.ok(rows.every((row) => row.length === 10));
    assert.deepEqual(rows.map((row) => Number(row[0])), hits.map((hit) => hit.id));
    const jsonl = await call(api(`/search/export${qs({ q: 'said', format: 'jsonl' })}`));
    assert.match(jsonl.headers.get('content-type') ?? '', /^application\/x-ndjson/u);
    assert.deepEqual(jsonl.text.trimEnd().split('\n').map((line) => JSON.parse(line) as SearchHit), hits);
    const formula = parseCsv((await call(api(`/search/export${qs({ q: FORMULA_WORD, format: 'csv' })}`))).text)[1]!;
    assert.match(formula[1]!, /^'=SUM\(A1:A9\), the "budget row"/u, 'a cell starting with = is prefixed, so no spreadsheet runs it');
  });

  it('returns an article as dateline read prints it, plus its id; an unknown id is a 404', async () => {
    const answer = await call<Record<string, unknown>>(api(`/articles/${seedId}`));
    assert.equal(answer.status, 200);
    const { id, ...article } = answer.json;
    assert.equal(id, seedId);
    const store = openStore(collection.db, { readonly: true });
    try {
      const exported = [...store.exportArticles()].find((line) => line.id === seedId);
      assert.deepEqual(article, JSON.parse(exported!.json));
    } finally {
      store.close();
    }
    assert.deepEqual((article['dateline'] as { place: string }).place, 'Samarkand');
    const missing = await call(api('/articles/999999'));
    assert.equal(missing.status, 404);
    assert.equal(errorOf(missing).code, 'NOT_FOUND');
  });

  it("gives an article's story, copies and related stories, as the story itself lists them; an unknown id is a 404", async () => {
    const links = (await call<{ story: { id: number; articles: number } | null; original: unknown; copies: unknown[]; related: { id: number }[] }>(api(`/articles/${seedId}/links`))).json;
    assert.ok(links.story !== null, 'the seed is linked into a story');
    const story = (await call<{ id: number; articles: number; timeline: { id: number; copies: { id: number }[] }[]; related: { id: number }[] }>(api(`/stories/${links.story.id}`))).json;
    assert.ok(story.timeline.some((article) => article.id === seedId || article.copies.some((copy) => copy.id === seedId)), 'the story lists the seed');
    assert.equal(links.story.articles, story.articles);
    assert.deepEqual(links.related.map((related) => related.id), story.related.map((related) => related.id));
    assert.ok(!links.related.some((related) => related.id === links.story!.id), 'never its own story');
    assert.equal(errorOf(await call(api('/articles/999999/links'))).code, 'NOT_FOUND');
  });

  it("lists Putin's quotes newest first, the seed's among them, each with its article and date", async () => {
    const entity = (await call<EntityPage>(api(`/entities/${putinId}`))).json;
    assert.equal(entity.name, 'Vladimir Putin');
    assert.equal(entity.quoteCount, entity.quotes.length);
    entity.quotes.slice(1).forEach((quote, i) => assert.ok(notNewer(entity.quotes[i]!.article.published, quote.article.published)));
    const seedQuotes = entity.quotes.filter((quote) => quote.article.id === seedId);
    assert.ok(seedQuotes.some((quote) => quote.text.startsWith('Our offensive operations in Donbas')), 'his press-conference quote');
    const seed = (await call<{ text: string; headline: string }>(api(`/articles/${seedId}`))).json;
    for (const quote of seedQuotes) {
      assert.equal(seed.text.slice(quote.start, quote.end), quote.text);
      assert.equal(quote.article.headline, seed.headline);
      assert.ok('published' in quote.article);
    }
    assert.equal((await call(api('/entities/999999'))).status, 404);
  });

  it("lists stories, every article in one; the seed's story holds it, and its speakers quote only its articles", async () => {
    const stories: StorySummary[] = [];
    let next: string | null = null;
    do {
      const page: StoryList = (await call<StoryList>(api(`/stories?limit=50${next !== null ? `&cursor=${encodeURIComponent(next)}` : ''}`))).json;
      stories.push(...page.results);
      next = page.next;
    } while (next !== null);
    assert.equal(stories.reduce((sum, story) => sum + story.articles, 0), collection.articles, 'each stored article is in exactly one story');
    stories.slice(1).forEach((story, i) => assert.ok(notNewer(stories[i]!.last, story.last), 'the most recently grown first'));
    const withSeed = await Promise.all(stories.map(async (story) => (await call<StoryPage>(api(`/stories/${story.id}`))).json));
    const seedStory = withSeed.find((story) => story.timeline.some((article) => article.id === seedId || article.copies.some((copy) => copy.id === seedId)));
    assert.ok(seedStory !== undefined, 'the seed is in a story');
    const inStory = new Set(seedStory.timeline.flatMap((article) => [article.id, ...article.copies.map((copy) => copy.id)]));
    assert.ok(seedStory.speakers.some((speaker) => speaker.id === putinId), 'Putin is quoted in the seed story');
    for (const speaker of seedStory.speakers) for (const quote of speaker.quotes) assert.ok(inStory.has(quote.article.id));
    assert.equal((await call(api('/stories/999999'))).status, 404);
  });

  it('counts sources: states per source add up to the totals', async () => {
    const sources = (await call<{ states: Record<string, number>; articles: number; sources: { kind: string; states: Record<string, number> }[] }>(api('/sources'))).json;
    assert.equal(sources.articles, (await search({})).total);
    assert.deepEqual(sources.sources.map((source) => source.kind).sort(), ['file', 'folder']);
    for (const state of Object.keys(sources.states)) assert.equal(sources.sources.reduce((sum, source) => sum + source.states[state]!, 0), sources.states[state], state);
  });

  it('ingests posted text: stored, found by search; the same text again is the same item', async () => {
    const text = 'Zelvanor council approves new bridge\n\nThe Zelvanor town council on Tuesday approved plans for a new bridge over the river, ending a decade of debate.\n\n"This is a great day for the town," said the mayor, Anna Brisk, after the vote.\n\nConstruction is expected to start next spring.';
    const first = await postIngest(server, { text });
    assert.equal(first.status, 200, first.text);
    const stored = first.json;
    assert.equal(stored.state, 'stored');
    assert.ok(typeof stored.article === 'number');
    assert.deepEqual((await search({ q: 'Zelvanor' })).results.map((hit) => hit.id), [stored.article]);
    const again = (await postIngest(server, { text })).json;
    assert.ok(again.item === stored.item || again.state === 'duplicate', JSON.stringify(again));
    assert.equal(again.article, stored.article);
    assert.equal((await search({ q: 'Zelvanor' })).total, 1);
  });

  it('skips a posted loopback URL as a blocked address, without connecting', async () => {
    const answer = await postIngest(server, { url: 'http://127.0.0.1:1/x' });
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.json.state, 'skipped');
    assert.equal(answer.json.code, 'FETCH_BLOCKED_ADDRESS');
  });

  it('refuses bad posts with JSON errors: two inputs 400, 13 MiB 413, broken JSON 400', async () => {
    const both = await postIngest(server, { html: '<p>x</p>', text: 'x' });
    assert.equal(both.status, 400);
    assert.equal(errorOf(both).code, 'QUERY_INVALID');
    const huge = await postIngest(server, { text: 'a'.repeat(13 * 1024 * 1024) });
    assert.equal(huge.status, 413);
    assert.equal(errorOf(huge).code, 'INPUT_TOO_LARGE');
    const broken = await postIngest(server, '{"text": "unterminated');
    assert.equal(broken.status, 400);
    assert.equal(errorOf(broken).code, 'QUERY_INVALID');
  });

  it('answers an unknown route with a JSON 404, and sends JSON with security headers', async () => {
    for (const [method, path] of [['GET', '/api/v1/nope'], ['POST', '/api/v1/search'], ['GET', '/api/v2/search']] as const) {
      const answer = await call(`${server.url}${path}`, { method });
      assert.equal(answer.status, 404, `${method} ${path}`);
      assert.equal(errorOf(answer).code, 'NOT_FOUND');
      assert.equal(answer.headers.get('x-powered-by'), null);
    }
    for (const path of ['/search?q=putin', `/articles/${seedId}`, '/nope', '/search?limit=abc']) {
      const answer = await call(api(path));
      assert.equal(answer.headers.get('content-type'), 'application/json; charset=utf-8', path);
      assert.equal(answer.headers.get('x-content-type-options'), 'nosniff', path);
      assert.match(answer.headers.get('content-security-policy') ?? '', /default-src 'none'/u, path);
      assert.equal(answer.headers.get('x-powered-by'), null);
    }
  });

  it('stops a query past its deadline with 503 QUERY_TIMEOUT, while another server on the store answers', async () => {
    const slow = await serve(collection, { deadlineMs: 1, threads: 1 });
    try {
      const slowQuery = `/api/v1/search${qs({ q: 's* OR t* OR a* OR p* OR m*' })}`;
      const [timedOut, normal] = await Promise.all([call(`${slow.url}${slowQuery}`), call(`${server.url}${slowQuery}`)]);
      assert.equal(timedOut.status, 503);
      assert.equal(errorOf(timedOut).code, 'QUERY_TIMEOUT');
      assert.ok(timedOut.headers.get('retry-after') !== null);
      assert.equal(normal.status, 200);
      // The stopped reader is replaced: later queries are still answered, promptly, never hung.
      for (let i = 0; i < 5; i++) {
        const started = Date.now();
        const later = await call(`${slow.url}/api/v1/search?limit=1&q=zzzz`);
        assert.ok([200, 503].includes(later.status) && Date.now() - started < 5000, `answer ${i}: ${later.status} in ${Date.now() - started} ms`);
      }
      assert.equal((await call(`${slow.url}/api/v1/openapi.json`)).status, 200);
    } finally {
      await slow.close();
    }
  });

  it('limits searches per minute: the sixth is a 429 RATE_LIMITED whose retry-after matches the window', async () => {
    const limited = await serve(collection, { searchesPerMinute: 5, threads: 1 });
    try {
      for (let i = 0; i < 5; i++) assert.equal((await call(`${limited.url}/api/v1/search?limit=1`)).status, 200);
      const refused = await call(`${limited.url}/api/v1/search?limit=1`);
      assert.equal(refused.status, 429);
      assert.equal(errorOf(refused).code, 'RATE_LIMITED');
      const retryAfter = Number(refused.headers.get('retry-after'));
      assert.ok(retryAfter > 0);
      assert.equal((await call(`${limited.url}/api/v1/articles/${seedId}`)).status, 200, 'reading an article is not a search');
      const reset = Number(refused.headers.get('x-ratelimit-reset'));
      assert.ok(retryAfter >= reset - 1, `retry-after ${retryAfter} s, but the window reopens in ${reset} s (and the message says ${errorOf(refused).message})`);
    } finally {
      await limited.close();
    }
  });
});
