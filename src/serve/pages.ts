import type { Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { readFileSync } from 'node:fs';
import { DatelineError } from '../doc/errors.js';
import type { ArticleJson } from '../output/json.js';
import { dropUndefined, searchQuery } from './api.js';
import type { QueryPool } from './query-pool.js';
import { EntityParams, IdParams, NoParams, SearchParams, StoriesParams } from './schemas.js';
import { storiesPage, storyPage } from './ui/story-page.js';
import { copyChanges } from '../link/diff.js';
import { articlePage } from './ui/article-page.js';
import { entityPage } from './ui/entity-page.js';
import { render, type SafeHtml } from './ui/html.js';
import { layout } from './ui/layout.js';
import { searchPage } from './ui/search-page.js';
import { sourcesPage } from './ui/sources-page.js';

/** Later copies whose changes the earliest copy's page shows. */
const COPIES_COMPARED = 10;
// Copied beside the compiled code by `npm run build`.
const STYLE = readFileSync(new URL('./ui/static/style.css', import.meta.url), 'utf8');

/**
 * The web UI: server-rendered pages over the same query functions as the API, so a page
 * and its JSON twin (linked from each page) always agree.
 */
export async function registerPages(app: FastifyInstance, options: { readonly pool: QueryPool }): Promise<void> {
  const { pool } = options;
  const hidden = { hide: true };

  // Browsers ask for it on every page; there is no icon, and a 404 would be logged each time.
  app.get('/favicon.ico', { schema: hidden }, async (_request, reply) => reply.code(204).send());

  app.get('/static/style.css', { schema: hidden }, async (_request, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=300').send(STYLE));

  app.get(
    '/',
    {
      schema: { ...hidden, querystring: SearchParams },
      // A search form sends every field, empty ones too: an empty field is no filter.
      preValidation: async (request) => {
        const query = request.query as Record<string, unknown>;
        for (const [name, value] of Object.entries(query)) if (value === '') delete query[name];
      },
    },
    async (request, reply) => {
      const params = request.query as Static<typeof SearchParams>;
      const query = searchQuery(params);
      const { cursor: _cursor, limit: _limit, ...filters } = query;
      const [page, timeline] = await Promise.all([pool.run('search', query), pool.run('timeline', filters, 'week')]);
      const queryString = (changes: Record<string, string | null>) => hrefWith('/', params, changes);
      const title = query.q === undefined || query.q.trim() === '' ? 'Search' : `Search: ${query.q}`;
      return html(reply, layout({ title, body: searchPage({ query, page, timeline, queryString }), ...(query.q !== undefined ? { query: query.q } : {}), active: 'search' }));
    },
  );

  app.get('/articles/:id', { schema: { ...hidden, params: IdParams, querystring: NoParams } }, async (request, reply) => {
    const { id } = request.params as Static<typeof IdParams>;
    const article = await pool.run('article', id);
    if (article === null) throw new DatelineError('NOT_FOUND', `No article ${id}.`);
    const json = JSON.parse(article.json) as ArticleJson;
    // A later copy shows what it changed against the earliest published copy of its text.
    const original = article.links?.original === undefined || article.links.original === null ? null : await pool.run('article', article.links.original.id);
    const changes = original === null ? null : copyChanges((JSON.parse(original.json) as ArticleJson).body, json.body);
    // The earliest copy shows what each later copy changed: the first few, so a text carried by hundreds costs no more.
    const later = original === null ? (article.links?.copies ?? []).slice(0, COPIES_COMPARED) : [];
    const copies = await Promise.all(later.map((copy) => pool.run('article', copy.id)));
    const laterChanges = new Map(copies.flatMap((copy) => (copy === null ? [] : [[copy.id, copyChanges(json.body, (JSON.parse(copy.json) as ArticleJson).body)] as const])));
    reply.header('link', `</api/v1/articles/${id}>; rel="alternate"; type="application/json"`);
    return html(reply, layout({ title: json.headline ?? `Article ${id}`, body: articlePage({ article, json, changes, copyChanges: laterChanges }) }));
  });

  app.get('/stories', { schema: { ...hidden, querystring: StoriesParams } }, async (request, reply) => {
    const params = request.query as Static<typeof StoriesParams>;
    const list = await pool.run('stories', dropUndefined(params));
    const nextHref = list.next === null ? null : `/stories?cursor=${encodeURIComponent(list.next)}`;
    reply.header('link', '</api/v1/stories>; rel="alternate"; type="application/json"');
    return html(reply, layout({ title: 'Stories', body: storiesPage(list, nextHref), active: 'stories' }));
  });

  app.get('/stories/:id', { schema: { ...hidden, params: IdParams, querystring: NoParams } }, async (request, reply) => {
    const { id } = request.params as Static<typeof IdParams>;
    const story = await pool.run('story', id);
    if (story === null) throw new DatelineError('NOT_FOUND', `No story ${id}.`);
    reply.header('link', `</api/v1/stories/${id}>; rel="alternate"; type="application/json"`);
    return html(reply, layout({ title: story.label ?? `Story ${id}`, body: storyPage(story) }));
  });

  app.get('/entities/:id', { schema: { ...hidden, params: IdParams, querystring: EntityParams } }, async (request, reply) => {
    const { id } = request.params as Static<typeof IdParams>;
    const { cursor } = request.query as Static<typeof EntityParams>;
    const entity = await pool.run('entity', id, cursor);
    if (entity === null) throw new DatelineError('NOT_FOUND', `No entity ${id}.`);
    const nextQuotesHref = entity.nextQuotes === null ? null : `/entities/${id}?cursor=${encodeURIComponent(entity.nextQuotes)}`;
    reply.header('link', `</api/v1/entities/${id}>; rel="alternate"; type="application/json"`);
    return html(reply, layout({ title: entity.name, body: entityPage({ entity, nextQuotesHref }) }));
  });

  app.get('/sources', { schema: { ...hidden, querystring: NoParams } }, async (_request, reply) => {
    const report = await pool.run('status');
    return html(reply, layout({ title: 'Sources', body: sourcesPage(report), active: 'sources' }));
  });
}

function html(reply: FastifyReply, page: SafeHtml): FastifyReply {
  return reply.type('text/html; charset=utf-8').send(render(page));
}

/** The address of a page with some of its parameters changed (null removes one); a new search starts from its first page. */
export function hrefWith(path: string, params: Readonly<Record<string, unknown>>, changes: Readonly<Record<string, string | null>>): string {
  const search = new URLSearchParams();
  const merged: Record<string, unknown> = { ...params, ...changes };
  if (!('cursor' in changes)) delete merged['cursor'];
  for (const [name, value] of Object.entries(merged)) {
    if (value === null || value === undefined || value === '') continue;
    search.set(name, String(value));
  }
  const text = search.toString();
  return text === '' ? path : `${path}?${text}`;
}
