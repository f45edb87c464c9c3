import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { DatelineError, type ErrorCode } from '../doc/errors.js';
import { packageVersion } from '../io/package-info.js';
import { registerApi } from './api.js';
import type { IngestOne } from './ingest-one.js';
import { registerPages } from './pages.js';
import type { QueryPool } from './query-pool.js';
import { errorPage } from './ui/error-page.js';
import { render } from './ui/html.js';

export interface AppOptions {
  readonly pool: QueryPool;
  /** The API token writes must present (`Authorization: Bearer …`). */
  readonly token: string;
  /** Takes one posted input into the store. */
  readonly ingestOne: IngestOne;
  /** Requests per minute per client address; 0 turns a limit off (benchmarks). */
  readonly searchesPerMinute?: number;
  readonly writesPerMinute?: number;
}

/** The status each error code answers with. */
const STATUS_OF: Partial<Record<ErrorCode, number>> = {
  QUERY_INVALID: 400,
  INPUT_EMPTY: 400,
  INPUT_BINARY: 400,
  INPUT_TOO_LARGE: 413,
  UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  QUERY_TIMEOUT: 503,
  STORE_BUSY: 503,
};

/**
 * The HTTP application: the JSON API under /api/v1 and the web UI, both thin shells over
 * the store's read functions (run in the query pool). Every response carries a strict
 * Content-Security-Policy; errors are one JSON shape (or an HTML page), never a stack.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    bodyLimit: 64 * 1024,
    requestTimeout: 60_000,
    return503OnClosing: true,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: true, useDefaults: false, allErrors: false } },
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        requireTrustedTypesFor: ["'script'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    // Served over plain http on loopback: telling browsers to insist on https would lock users out.
    strictTransportSecurity: false,
    // Cross-Origin-Opener-Policy makes Chromium start a new renderer for a page opened in a
    // new tab (measured: about +100 ms to first paint). The pages run no script and hold no
    // secrets, which is what the header protects; frame-ancestors 'none' still applies.
    crossOriginOpenerPolicy: false,
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => Object.assign(new DatelineError('RATE_LIMITED', `Too many requests: at most ${context.max} a minute; try again in ${context.after}.`), { statusCode: 429 }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Dateline API', version: packageVersion(), description: 'Search and browse a Dateline news collection.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  });

  app.setErrorHandler((error: FastifyError | DatelineError, request, reply) => sendError(request, reply, asHttpError(error)));
  app.setNotFoundHandler((request, reply) => sendError(request, reply, { status: 404, code: 'NOT_FOUND', message: `Nothing at ${request.method} ${request.url.split('?')[0] ?? ''}.` }));

  const limits = { searches: options.searchesPerMinute ?? 1200, writes: options.writesPerMinute ?? 60 };
  await registerApi(app, { ...options, limits });
  await registerPages(app, options);
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, () => app.swagger());
  return app;
}

interface HttpError {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

function asHttpError(error: FastifyError | DatelineError): HttpError {
  if (error instanceof DatelineError) {
    const status = STATUS_OF[error.code] ?? 500;
    return { status, code: error.code, message: status === 500 ? 'The server failed to answer; the error has been noted.' : error.message };
  }
  if (error.validation !== undefined) return { status: 400, code: 'QUERY_INVALID', message: validationMessage(error) };
  const status = error.statusCode ?? 500;
  if (status === 413) return { status, code: 'INPUT_TOO_LARGE', message: 'The request body is larger than this endpoint accepts.' };
  if (status === 415) return { status, code: 'QUERY_INVALID', message: 'Send the request body as application/json.' };
  if (status >= 400 && status < 500) return { status, code: 'QUERY_INVALID', message: error.message };
  return { status: 500, code: 'INTERNAL', message: 'The server failed to answer; the error has been noted.' };
}

/** Ajv's first complaint, naming the parameter or field it is about. */
function validationMessage(error: FastifyError): string {
  const first = error.validation?.[0];
  const where = error.validationContext === 'body' ? 'field' : 'parameter';
  if (first === undefined) return error.message;
  const params = first.params as { additionalProperty?: string; missingProperty?: string };
  if (params.additionalProperty !== undefined) return `Unknown ${where} "${params.additionalProperty}".`;
  if (params.missingProperty !== undefined) return `Missing ${where} "${params.missingProperty}".`;
  const name = first.instancePath.replace(/^\//u, '').replace(/\//gu, '.');
  const label = name === '' ? (error.validationContext ?? 'request') : name;
  // A choice among words (sort, interval, copies) fails once per word: name them all.
  const allowed = (error.validation ?? []).flatMap((entry) => (entry.keyword === 'const' && entry.instancePath === first.instancePath ? [String((entry.params as { allowedValue?: unknown }).allowedValue)] : []));
  if (allowed.length > 0) return `${label}: must be one of ${allowed.join(', ')}.`;
  return `${label}: ${first.message ?? 'is not valid'}.`;
}

function sendError(request: FastifyRequest, reply: FastifyReply, error: HttpError): FastifyReply {
  reply.code(error.status);
  // The rate limiter sets its own Retry-After (the time left in its window); keep it.
  if ((error.status === 429 || error.status === 503) && !reply.hasHeader('retry-after')) reply.header('retry-after', '5');
  if (request.url.startsWith('/api/')) return reply.type('application/json; charset=utf-8').send({ error: { code: error.code, message: error.message } });
  return reply.type('text/html; charset=utf-8').send(render(errorPage(error.status, error.code, error.message)));
}
