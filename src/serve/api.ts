import type { Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { Readable } from 'node:stream';
import { DatelineError } from '../doc/errors.js';
import type { SearchQuery } from '../store/queries.js';
import { exportLines } from './export.js';
import type { IngestOne } from './ingest-one.js';
import type { QueryPool } from './query-pool.js';
import {
  ArticleLinksResponse,
  ArticleResponse,
  EntitiesParams,
  EntitiesResponse,
  EntityParams,
  EntityResponse,
  StoriesParams,
  StoriesResponse,
  StoryResponse,
  ErrorResponse,
  ExportParams,
  IdParams,
  IngestBody,
  IngestResponse,
  NoParams,
  SearchParams,
  SearchResponse,
  SourcesResponse,
  TimelineParams,
  TimelineResponse,
} from './schemas.js';

export interface ApiOptions {
  readonly pool: QueryPool;
  readonly token: string;
  readonly ingestOne: IngestOne;
  readonly limits: { readonly searches: number; readonly writes: number };
}

const errors = { 400: ErrorResponse, 404: ErrorResponse, 429: ErrorResponse, 503: ErrorResponse };
/** Largest posted page: the size ingest reads, plus JSON escaping. */
const INGEST_BODY_LIMIT = 12 * 1024 * 1024;

/** The JSON API, /api/v1. Reads are open; writes need the token. */
export async function registerApi(app: FastifyInstance, options: ApiOptions): Promise<void> {
  const { pool } = options;
  const limited = (max: number) => (max > 0 ? { rateLimit: { max, timeWindow: '1 minute' } } : {});

  app.get(
    '/api/v1/search',
    { schema: { summary: 'Search articles', querystring: SearchParams, response: { 200: SearchResponse, ...errors } }, config: limited(options.limits.searches) },
    async (request) => pool.run('search', searchQuery(request.query as Static<typeof SearchParams>)),
  );

  app.get(
    '/api/v1/search/export',
    {
      schema: {
        summary: 'Download search results as CSV or JSON Lines',
        querystring: ExportParams,
        response: {
          200: {
            description: 'Every result, up to `max`: CSV with a header row, or one JSON object a line (the fields of a search result).',
            content: { 'text/csv': { schema: { type: 'string' } }, 'application/x-ndjson': { schema: { type: 'string' } } },
          },
          ...errors,
        },
      },
      config: limited(options.limits.searches),
    },
    async (request, reply) => {
      const { format, max, ...rest } = request.query as Static<typeof ExportParams>;
      const query = searchQuery(rest);
      reply.type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="dateline-search.${format}"`);
      const lines = await exportLines(pool, query, format, max ?? 10_000);
      return reply.send(Readable.from(lines));
    },
  );

  app.get(
    '/api/v1/timeline',
    { schema: { summary: 'Matching articles per day or week', querystring: TimelineParams, response: { 200: TimelineResponse, ...errors } }, config: limited(options.limits.searches) },
    async (request) => {
      const { interval, ...rest } = request.query as Static<typeof TimelineParams>;
      return pool.run('timeline', searchQuery(rest), interval ?? 'day');
    },
  );

  app.get(
    '/api/v1/articles/:id',
    { schema: { summary: 'One article as `dateline read` prints it, plus its id', params: IdParams, querystring: NoParams, response: { 200: ArticleResponse, ...errors } } },
    async (request, reply) => {
      const { id } = request.params as Static<typeof IdParams>;
      const article = await pool.run('article', id);
      if (article === null) throw new DatelineError('NOT_FOUND', `No article ${id}.`);
      // The stored JSON is sent as stored (it can be large): only the id is added in front.
      reply.type('application/json; charset=utf-8');
      return reply.send(`{"id":${article.id},${article.json.slice(1)}`);
    },
  );

  app.get(
    '/api/v1/articles/:id/links',
    {
      schema: {
        summary: "An article's story, its copies (and the earliest, when it is a later copy) and the stories related to its story",
        params: IdParams,
        querystring: NoParams,
        response: { 200: ArticleLinksResponse, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      const article = await pool.run('article', id);
      if (article === null) throw new DatelineError('NOT_FOUND', `No article ${id}.`);
      return article.links ?? { story: null, original: null, copies: [], related: [] };
    },
  );

  app.get(
    '/api/v1/entities',
    { schema: { summary: 'People, organisations, places, most mentioned first', querystring: EntitiesParams, response: { 200: EntitiesResponse, ...errors } } },
    async (request) => pool.run('entities', dropUndefined(request.query as Static<typeof EntitiesParams>)),
  );

  app.get(
    '/api/v1/entities/:id',
    { schema: { summary: 'An entity: roles, articles, and for a person every quote attributed to them, newest first', params: IdParams, querystring: EntityParams, response: { 200: EntityResponse, ...errors } } },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      const { cursor } = request.query as Static<typeof EntityParams>;
      const entity = await pool.run('entity', id, cursor);
      if (entity === null) throw new DatelineError('NOT_FOUND', `No entity ${id}.`);
      return entity;
    },
  );

  app.get(
    '/api/v1/stories',
    { schema: { summary: 'Stories, the most recently grown first', querystring: StoriesParams, response: { 200: StoriesResponse, ...errors } } },
    async (request) => pool.run('stories', dropUndefined(request.query as Static<typeof StoriesParams>)),
  );

  app.get(
    '/api/v1/stories/:id',
    { schema: { summary: 'A story: its articles in order, copies folded, and who is quoted in it', params: IdParams, querystring: NoParams, response: { 200: StoryResponse, ...errors } } },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      const story = await pool.run('story', id);
      if (story === null) throw new DatelineError('NOT_FOUND', `No story ${id}.`);
      return story;
    },
  );

  app.get('/api/v1/sources', { schema: { summary: 'Ingest health per source', querystring: NoParams, response: { 200: SourcesResponse, ...errors } } }, async () => pool.run('status'));

  app.post(
    '/api/v1/ingest',
    {
      bodyLimit: INGEST_BODY_LIMIT,
      schema: { summary: 'Ingest a URL, a page or text', security: [{ bearer: [] }], querystring: NoParams, body: IngestBody, response: { 200: IngestResponse, 401: ErrorResponse, ...errors } },
      config: limited(options.limits.writes),
      // Checked before the body is read: no one without the token makes the server parse 12 MiB.
      onRequest: async (request) => checkToken(request, options.token),
    },
    async (request) => {
      const body = request.body as Static<typeof IngestBody>;
      const given = [body.url !== undefined && body.html === undefined && body.text === undefined, body.html !== undefined, body.text !== undefined].filter(Boolean).length;
      if (given !== 1 || (body.html !== undefined && body.text !== undefined)) {
        throw new DatelineError('QUERY_INVALID', 'Send one of {"url"}, {"html", "url"?} or {"text"}.');
      }
      return options.ingestOne(body);
    },
  );
}

/** A search's parameters as the store takes them (absent ones left out). */
export function searchQuery(params: Omit<Static<typeof SearchParams>, never>): SearchQuery {
  return dropUndefined(params) as SearchQuery;
}

export function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The token is compared in constant time, as digests (equal length whatever was sent). */
async function checkToken(request: FastifyRequest, token: string): Promise<void> {
  const header = request.headers.authorization ?? '';
  const sent = /^Bearer (\S+)$/u.exec(header)?.[1] ?? '';
  const digest = (value: string) => createHash('sha256').update(value).digest();
  if (sent === '' || !timingSafeEqual(digest(sent), digest(token))) {
    throw new DatelineError('UNAUTHORIZED', 'Writes need the API token: send "Authorization: Bearer <token>" (DATELINE_TOKEN, printed when the server first started).');
  }
}
