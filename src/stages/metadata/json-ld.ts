/**
 * JSON-LD, read robustly: pages ship it wrapped in HTML comments or CDATA, with
 * trailing commas, raw control characters, several objects back to back, or simply
 * broken. Nothing here throws.
 */

export type JsonObject = Record<string, unknown>;

const ARTICLE_TYPES = new Set([
  'article', 'newsarticle', 'reportagenewsarticle', 'analysisnewsarticle', 'opinionnewsarticle',
  'reviewnewsarticle', 'backgroundnewsarticle', 'askpublicnewsarticle', 'blogposting', 'liveblogposting',
  'techarticle', 'scholarlyarticle', 'report', 'socialmediaposting', 'discussionforumposting', 'satiricalarticle',
  'advertisercontentarticle', 'medicalscholarlyarticle', 'posting', 'review', 'criticreview', 'recipe', 'howto',
  'medicalwebpage', 'videoobject', 'podcastepisode', 'qapage', 'creativework', 'event', 'course', 'jobposting',
]);
/** Among article types, the ones that are really articles (preferred over recipes, videos, …). */
const CORE_ARTICLE_TYPES = new Set([
  'article', 'newsarticle', 'reportagenewsarticle', 'analysisnewsarticle', 'opinionnewsarticle',
  'reviewnewsarticle', 'backgroundnewsarticle', 'askpublicnewsarticle', 'blogposting', 'liveblogposting',
  'techarticle', 'scholarlyarticle', 'report', 'satiricalarticle', 'advertisercontentarticle', 'medicalscholarlyarticle',
]);
const PAGE_TYPES = new Set([
  'webpage', 'itempage', 'aboutpage', 'collectionpage', 'profilepage', 'searchresultspage', 'faqpage',
  'contactpage', 'checkoutpage', 'realestatelisting',
]);

/** Parses one script's text into values; invalid input yields what could be salvaged. */
export function parseJsonLd(raw: string): unknown[] {
  let text = raw
    .replace(/^\s*(?:\/\/\s*)?<!\[CDATA\[/, '')
    .replace(/(?:\/\/\s*)?\]\]>\s*$/, '')
    .replace(/^\s*<!--/, '')
    .replace(/-->\s*$/, '')
    .trim();
  if (text === '') return [];
  const first = tryParse(text);
  if (first !== undefined) return [first];
  // Raw control characters (newlines in strings, mostly): JSON forbids them; spaces do no harm.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  text = text.replace(/[\u0000-\u001f\u2028\u2029]+/g, ' ');
  // Trailing commas before a closing bracket.
  text = text.replace(/,(\s*[}\]])/g, '$1');
  const second = tryParse(text);
  if (second !== undefined) return [second];
  // Several objects back to back.
  if (/}\s*{/.test(text)) {
    const third = tryParse(`[${text.replace(/}\s*{/g, '},{')}]`);
    if (third !== undefined) return [third];
  }
  // Unescaped inner quotes and similar damage: salvage flat "key": "value" pairs.
  const salvaged = salvage(text);
  return salvaged === undefined ? [] : [salvaged];
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const SALVAGE_KEYS = ['@type', 'headline', 'datePublished', 'dateModified', 'dateCreated', 'articleBody', 'name', 'inLanguage'];

function salvage(text: string): JsonObject | undefined {
  const obj: JsonObject = {};
  let found = false;
  for (const key of SALVAGE_KEYS) {
    const re = new RegExp(`"${key.replace('@', '@')}"\\s*:\\s*"((?:[^"\\\\]|\\\\.)*)"`);
    const m = re.exec(text);
    if (m === null) continue;
    const value = tryParse(`"${m[1]!}"`);
    obj[key] = typeof value === 'string' ? value : m[1]!;
    found = true;
  }
  // An author name in a nested object: "author": {"@type": "Person", "name": "…"}
  const author = /"author"\s*:\s*\[?\s*\{[^{}]*?"name"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(text);
  if (author !== null) {
    obj.author = { name: author[1]! };
    found = true;
  }
  return found ? obj : undefined;
}

/** Every object in the parsed values (through arrays, @graph and nested properties), iteratively. */
export function flattenObjects(values: unknown[], limit = 5000): JsonObject[] {
  const out: JsonObject[] = [];
  const stack: unknown[] = [...values].reverse();
  let seen = 0;
  while (stack.length > 0 && seen < limit) {
    const value = stack.pop();
    seen++;
    if (Array.isArray(value)) {
      for (let k = value.length - 1; k >= 0; k--) stack.push(value[k]);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    const obj = value as JsonObject;
    out.push(obj);
    const nested: unknown[] = [];
    for (const [key, v] of Object.entries(obj)) {
      if (v !== null && typeof v === 'object' && key !== 'articleBody') nested.push(v);
    }
    for (let k = nested.length - 1; k >= 0; k--) stack.push(nested[k]);
  }
  return out;
}

/** The object's @type values, lower-cased, without schema.org prefixes. */
export function typesOf(obj: JsonObject): string[] {
  const t = obj['@type'];
  const list = Array.isArray(t) ? t : [t];
  const out: string[] = [];
  for (const x of list) {
    if (typeof x !== 'string') continue;
    out.push(x.replace(/^https?:\/\/schema\.org\//i, '').replace(/^schema:/i, '').toLowerCase());
  }
  return out;
}

export function isArticle(obj: JsonObject): boolean {
  return typesOf(obj).some((t) => ARTICLE_TYPES.has(t));
}
export function isCoreArticle(obj: JsonObject): boolean {
  return typesOf(obj).some((t) => CORE_ARTICLE_TYPES.has(t));
}
export function isPage(obj: JsonObject): boolean {
  return typesOf(obj).some((t) => PAGE_TYPES.has(t));
}

/** All JSON-LD on the page, parsed, flattened and indexed by @id. */
export interface JsonLdGraph {
  readonly objects: JsonObject[];
  readonly byId: Map<string, JsonObject>;
  /** Article-like objects, real articles first. */
  readonly articles: JsonObject[];
  readonly pages: JsonObject[];
}

export function buildGraph(scripts: readonly string[]): JsonLdGraph {
  const values: unknown[] = [];
  for (const script of scripts) values.push(...parseJsonLd(script));
  const objects = flattenObjects(values);
  const byId = new Map<string, JsonObject>();
  for (const obj of objects) {
    const id = obj['@id'];
    if (typeof id === 'string' && !byId.has(id) && Object.keys(obj).length > 1) byId.set(id, obj);
  }
  const core = objects.filter(isCoreArticle);
  const other = objects.filter((o) => !isCoreArticle(o) && isArticle(o));
  return { objects, byId, articles: [...core, ...other], pages: objects.filter(isPage) };
}

/** Follows an {"@id": …} reference to the full object when the graph has it. */
export function deref(graph: JsonLdGraph, value: unknown): unknown {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as JsonObject;
    const id = obj['@id'];
    if (typeof id === 'string' && Object.keys(obj).length <= 2) return graph.byId.get(id) ?? value;
  }
  return value;
}

/** A string out of a JSON-LD value: a string, a number, the first of an array, or an object's @value / name. */
export function asString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) {
    for (const v of value) {
      const s = asString(v);
      if (s !== undefined && s.trim() !== '') return s;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    const obj = value as JsonObject;
    return asString(obj['@value']) ?? asString(obj.name);
  }
  return undefined;
}

/** An image URL out of a JSON-LD image value (string, ImageObject, array). */
export function asUrl(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    for (const v of value) {
      const s = asUrl(v);
      if (s !== undefined) return s;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    const obj = value as JsonObject;
    return asUrl(obj.url) ?? asUrl(obj.contentUrl) ?? asUrl(obj['@id']);
  }
  return undefined;
}
