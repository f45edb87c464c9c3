/**
 * The API against its own OpenAPI document, over HTTP on loopback: every documented
 * operation answers a valid request as documented (status, content type, body schema),
 * every route the server has under /api/ is documented, every parameter is checked
 * (unknown or malformed: a 400 naming it), and writes need the token.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../src/serve/server.js';
import { buildCollection, call, errorOf, postIngest, serve, TOKEN, type Answer, type Collection } from './helpers/served-store.js';

/** The JSON Schema keywords the document uses; the checker refuses any other, so a new one cannot be skipped silently. */
interface Schema {
  type?: string;
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: Schema | Schema[];
  additionalItems?: boolean;
  minItems?: number;
  maxItems?: number;
  anyOf?: Schema[];
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
}
const ANNOTATIONS = new Set(['description', 'title', 'example', 'examples']);
const KEYWORDS = new Set(['type', 'nullable', 'properties', 'required', 'additionalProperties', 'items', 'additionalItems', 'minItems', 'maxItems', 'anyOf', 'enum', 'minimum', 'maximum', 'minLength', 'maxLength', 'pattern']);

/** What is wrong with `value` under `schema` (empty when it conforms). */
function violations(schema: Schema, value: unknown, at = '$'): string[] {
  const unknown = Object.keys(schema).filter((key) => !KEYWORDS.has(key) && !ANNOTATIONS.has(key));
  if (unknown.length > 0) return [`${at}: the checker does not know ${unknown.join(', ')}`];
  if (schema.anyOf !== undefined) {
    const tries = schema.anyOf.map((option) => violations(option, value, at));
    return tries.some((found) => found.length === 0) || (value === null && schema.nullable === true) ? [] : [`${at}: matches no anyOf option (${tries.map((t) => t[0]).join(' | ')})`];
  }
  if (value === null) return schema.nullable === true || schema.type === 'null' || schema.type === undefined ? [] : [`${at}: null is not ${schema.type}`];
  if (schema.enum !== undefined && !schema.enum.includes(value)) return [`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`];
  const found: string[] = [];
  switch (schema.type) {
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return [`${at}: not an object`];
      const record = value as Record<string, unknown>;
      for (const name of schema.required ?? []) if (!(name in record)) found.push(`${at}.${name}: missing`);
      for (const [name, item] of Object.entries(record)) {
        const property = schema.properties?.[name];
        if (property !== undefined) found.push(...violations(property, item, `${at}.${name}`));
        else if (schema.additionalProperties === false) found.push(`${at}.${name}: not in the schema`);
      }
      return found;
    }
    case 'array': {
      if (!Array.isArray(value)) return [`${at}: not an array`];
      if (schema.minItems !== undefined && value.length < schema.minItems) found.push(`${at}: fewer than ${schema.minItems} items`);
      if (schema.maxItems !== undefined && value.length > schema.maxItems) found.push(`${at}: more than ${schema.maxItems} items`);
      const items = schema.items;
      value.forEach((item: unknown, i) => {
        const itemSchema = Array.isArray(items) ? items[i] : items;
        if (itemSchema !== undefined) found.push(...violations(itemSchema, item, `${at}[${i}]`));
        else if (schema.additionalItems === false) found.push(`${at}[${i}]: beyond the tuple`);
      });
      return found;
    }
    case 'string':
      if (typeof value !== 'string') return [`${at}: not a string`];
      if (schema.minLength !== undefined && value.length < schema.minLength) found.push(`${at}: shorter than ${schema.minLength}`);
      if (schema.maxLength !== undefined && value.length > schema.maxLength) found.push(`${at}: longer than ${schema.maxLength}`);
      if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) found.push(`${at}: does not match ${schema.pattern}`);
      return found;
    case 'integer':
    case 'number':
      if (typeof value !== 'number' || (schema.type === 'integer' && !Number.isInteger(value))) return [`${at}: not an ${schema.type}`];
      if (schema.minimum !== undefined && value < schema.minimum) found.push(`${at}: below ${schema.minimum}`);
      if (schema.maximum !== undefined && value > schema.maximum) found.push(`${at}: above ${schema.maximum}`);
      return found;
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${at}: not a boolean`];
    case undefined:
      return [];
    default:
      return [`${at}: the checker does not know type ${schema.type}`];
  }
}

interface Parameter {
  name: string;
  in: 'query' | 'path';
  required?: boolean;
  schema: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
  security?: unknown[];
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
}
interface OpenApi {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
}

/** Asserts the answer is one the document gives for the operation: its status, content type and (for JSON) body schema. */
function assertDocumented(operation: Operation, answer: Answer, label: string): void {
  const documented = operation.responses[String(answer.status)];
  assert.ok(documented !== undefined, `${label}: status ${answer.status} is not documented (documented: ${Object.keys(operation.responses).join(', ')})`);
  const type = (answer.headers.get('content-type') ?? '').split(';')[0]!.trim();
  const content = documented.content?.[type];
  assert.ok(content !== undefined, `${label}: ${answer.status} answered as ${type}, documented as ${Object.keys(documented.content ?? {}).join(', ') || 'nothing'}`);
  if (type === 'application/json') assert.deepEqual(violations(content.schema, answer.json), [], `${label}: the body does not match the documented schema`);
}

/** The server's routes, as `printRoutes` draws the tree: path and methods, HEAD left out. */
function registeredRoutes(server: RunningServer): { path: string; methods: string[] }[] {
  const stack: string[] = [];
  const routes: { path: string; methods: string[] }[] = [];
  for (const line of server.app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+)(?: \(([^)]*)\))?/u.exec(line);
    if (match === null) continue;
    const depth = match[1]!.length / 4;
    stack.length = depth;
    stack.push(match[2]!);
    const path = stack.join('').replace(/^\/+/u, '/');
    if (match[3] !== undefined) routes.push({ path, methods: match[3].split(', ').filter((m) => m !== 'HEAD') });
  }
  return routes;
}

/** Malformed values for parameters wherever an operation has them. */
const MALFORMED: readonly [string, string][] = [
  ['limit', 'abc'],
  ['limit', '1000'],
  ['from', '2020-13-45'],
  ['to', '2020-13-45'],
  ['sort', 'sideways'],
  ['type', 'planet'],
  ['hasQuotes', 'maybe'],
  ['interval', 'month'],
  ['copies', 'some'],
  ['format', 'xml'],
  ['max', '0'],
  ['lang', 'not a language'],
];

/** The words a choice parameter takes, as its 400 lists them. */
const CHOICES: Readonly<Record<string, string>> = { sort: 'relevance, newest', interval: 'day, week', copies: 'fold, all', format: 'csv, jsonl' };

describe('API contract: the OpenAPI document and what the server does', { timeout: 180_000 }, () => {
  let collection: Collection;
  let server: RunningServer;
  let doc: OpenApi;
  const pathIds: Record<string, number> = {};

  /** A valid request for one operation: path ids from the collection, required parameters from their schema, the token for writes. */
  function requestFor(path: string, method: string, operation: Operation, extra: Record<string, string> = {}): { url: string; init: RequestInit } {
    let url = path;
    const query = new URLSearchParams();
    for (const parameter of operation.parameters ?? []) {
      if (parameter.in === 'path') {
        const id = pathIds[path];
        assert.ok(id !== undefined, `no sample id for ${path}`);
        url = url.replace(`{${parameter.name}}`, String(id));
      } else if (parameter.required === true) {
        const sample = parameter.schema.enum?.[0] ?? parameter.schema.anyOf?.[0]?.enum?.[0];
        assert.ok(sample !== undefined, `no sample value for the required parameter ${parameter.name} of ${path}`);
        query.set(parameter.name, String(sample));
      }
    }
    for (const [name, value] of Object.entries(extra)) query.set(name, value);
    const headers: Record<string, string> = {};
    if (operation.security !== undefined) headers['authorization'] = `Bearer ${TOKEN}`;
    let body: string | undefined;
    if (operation.requestBody?.required === true) {
      assert.ok(path === '/api/v1/ingest', `no sample body for ${path}`);
      headers['content-type'] = 'application/json';
      body = JSON.stringify({ text: 'Contract test council meets\n\nThe Ostrava contract test council met on Monday to discuss the new timetable for the tram line.\n\nMembers said the plan would be published next week.' });
    }
    return { url: `${server.url}${url}${query.size > 0 ? `?${query.toString()}` : ''}`, init: { method: method.toUpperCase(), headers, ...(body !== undefined ? { body } : {}) } };
  }

  const operations = (): [string, string, Operation][] => Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]): [string, string, Operation] => [path, method, op]));
  const gets = (): [string, string, Operation][] => operations().filter(([, method]) => method === 'get');

  before(async () => {
    collection = await buildCollection();
    server = await serve(collection);
    doc = (await call<OpenApi>(`${server.url}/api/v1/openapi.json`)).json;
    const seed = await call<{ results: { id: number }[] }>(`${server.url}/api/v1/search?q=Samarkand`);
    const putin = await call<{ results: { id: number }[] }>(`${server.url}/api/v1/entities?type=person&q=putin`);
    pathIds['/api/v1/articles/{id}'] = seed.json.results[0]!.id;
    pathIds['/api/v1/articles/{id}/links'] = seed.json.results[0]!.id;
    pathIds['/api/v1/entities/{id}'] = putin.json.results[0]!.id;
    const stories = await call<{ results: { id: number }[] }>(`${server.url}/api/v1/stories`);
    pathIds['/api/v1/stories/{id}'] = stories.json.results[0]!.id;
  });
  after(async () => {
    await server?.close();
    collection?.remove();
  });

  it('is an OpenAPI 3 document of the API', () => {
    assert.match(doc.openapi, /^3\./u);
    for (const path of ['/api/v1/search', '/api/v1/search/export', '/api/v1/timeline', '/api/v1/articles/{id}', '/api/v1/articles/{id}/links', '/api/v1/entities', '/api/v1/entities/{id}', '/api/v1/stories', '/api/v1/stories/{id}', '/api/v1/sources', '/api/v1/ingest']) {
      assert.ok(doc.paths[path] !== undefined, `${path} is documented`);
    }
  });

  it('has a schema checker that catches a wrong body (so the checks below are not vacuous)', async () => {
    const schema = doc.paths['/api/v1/search']!['get']!.responses['200']!.content!['application/json']!.schema;
    const good = (await call<Record<string, unknown>>(`${server.url}/api/v1/search?q=putin`)).json;
    assert.deepEqual(violations(schema, good), []);
    const results = good['results'] as Record<string, unknown>[];
    for (const bad of [{ ...good, total: 'many' }, { ...good, facets: undefined }, { ...good, results: [{ ...results[0], id: null }] }, { ...good, results: [{ ...results[0], highlights: [[1]] }] }]) {
      assert.notDeepEqual(violations(schema, JSON.parse(JSON.stringify(bad))), [], JSON.stringify(bad).slice(0, 120));
    }
  });

  it('documents every route the server has under /api/ (the document itself aside)', () => {
    const routes = registeredRoutes(server).filter((route) => route.path.startsWith('/api/'));
    assert.ok(routes.length >= 8, `routes found in printRoutes: ${JSON.stringify(routes)}`);
    for (const route of routes) {
      if (route.path === '/api/v1/openapi.json') continue;
      const documented = doc.paths[route.path.replace(/:(\w+)/gu, '{$1}')];
      assert.ok(documented !== undefined, `${route.path} is served but not documented`);
      for (const method of route.methods) assert.ok(documented[method.toLowerCase()] !== undefined, `${method} ${route.path} is served but not documented`);
    }
    for (const [path, method] of operations()) assert.ok(server.app.hasRoute({ method: method.toUpperCase() as 'GET', url: path.replace(/\{(\w+)\}/gu, ':$1') }), `${method} ${path} is documented but not served`);
  });

  it('answers a valid request to every documented operation as documented', async (t) => {
    for (const [path, method, operation] of operations()) {
      await t.test(`${method.toUpperCase()} ${path}`, async () => {
        const { url, init } = requestFor(path, method, operation);
        const answer = await call(url, init);
        assert.equal(answer.status, 200, `${method} ${url}: ${answer.text.slice(0, 300)}`);
        assertDocumented(operation, answer, `${method.toUpperCase()} ${path}`);
      });
    }
  });

  it('answers an unknown parameter with a 400 naming it, as documented', async (t) => {
    for (const [path, method, operation] of gets()) {
      await t.test(`GET ${path}`, async () => {
        const { url, init } = requestFor(path, method, operation, { bogusParam: '1' });
        const answer = await call(url, init);
        assert.equal(answer.status, 400, answer.text.slice(0, 300));
        const error = errorOf(answer);
        assert.equal(error.code, 'QUERY_INVALID');
        assert.match(error.message, /bogusParam/u);
        assertDocumented(operation, answer, `GET ${path} (400)`);
      });
    }
  });

  it('answers a malformed value with a 400 naming the parameter', async (t) => {
    for (const [path, method, operation] of gets()) {
      const names = new Set((operation.parameters ?? []).map((parameter) => parameter.name));
      for (const [name, value] of MALFORMED.filter(([parameter]) => names.has(parameter))) {
        await t.test(`GET ${path}?${name}=${value}`, async () => {
          const { url, init } = requestFor(path, method, operation, { [name]: value });
          const answer = await call(url, init);
          assert.equal(answer.status, 400, answer.text.slice(0, 300));
          assert.match(errorOf(answer).message, new RegExp(`\\b${name}\\b`, 'u'));
          // A choice among words names the words a user may send.
          const choices = CHOICES[name];
          if (choices !== undefined) assert.match(errorOf(answer).message, new RegExp(`must be one of ${choices}`, 'u'));
        });
      }
    }
    for (const id of ['abc', '0', '-1', '1.5']) {
      await t.test(`GET /api/v1/articles/${id}`, async () => {
        const answer = await call(`${server.url}/api/v1/articles/${id}`);
        assert.equal(answer.status, 400, answer.text.slice(0, 300));
        assert.match(errorOf(answer).message, /\bid\b/u);
      });
    }
  });

  it('refuses an impossible day (2020-02-31) instead of rolling it over into March', async () => {
    for (const name of ['from', 'to']) {
      const answer = await call(`${server.url}/api/v1/search?${name}=2020-02-31`);
      assert.equal(answer.status, 400, `${name}=2020-02-31: ${answer.text.slice(0, 200)}`);
      assert.match(errorOf(answer).message, new RegExp(`\\b${name}\\b`, 'u'));
    }
  });

  it('refuses writes without the token, with a wrong one, or with it in the query string', async () => {
    const body = { text: 'Unauthorised write\n\nThis text must never be stored, whoever sends it, without the token in the header.' };
    const cases: [string, Promise<Answer>][] = [
      ['no token', postIngest(server, body, null)],
      ['a wrong token', postIngest(server, body, `${TOKEN}x`)],
      ['an empty bearer', postIngest(server, body, '')],
      ['the token in the query string', call(`${server.url}/api/v1/ingest?token=${TOKEN}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })],
      ['the token as a cookie', call(`${server.url}/api/v1/ingest`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: `token=${TOKEN}` }, body: JSON.stringify(body) })],
    ];
    for (const [label, pending] of cases) {
      const answer = await pending;
      assert.ok(answer.status === 401 || (label.includes('query') && answer.status === 400), `${label}: ${answer.status} ${answer.text.slice(0, 200)}`);
      if (answer.status === 401) assert.equal(errorOf(answer).code, 'UNAUTHORIZED', label);
    }
    const search = await call<{ total: number }>(`${server.url}/api/v1/search?q=${encodeURIComponent('"must never be stored"')}`);
    assert.equal(search.json.total, 0, 'nothing was stored');
  });
});
