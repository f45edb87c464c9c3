/**
 * Namespaces are matched by URI, not by the prefix a feed happens to use, so
 * `<a:link>` is an Atom link when `a` is bound to Atom. Each URI we care about maps
 * to one short key; RSS, RDF-RSS and sitemap vocabularies all map to '' (the core).
 */
const KNOWN_NAMESPACES: ReadonlyMap<string, string> = new Map([
  ['http://www.w3.org/2005/Atom', 'atom'],
  ['http://purl.org/atom/ns#', 'atom'],
  ['http://purl.org/rss/1.0/', ''],
  ['http://my.netscape.com/rdf/simple/0.9/', ''],
  ['http://backend.userland.com/rss2', ''],
  ['http://blogs.law.harvard.edu/tech/rss', ''],
  ['http://www.sitemaps.org/schemas/sitemap/0.9', ''],
  ['http://www.google.com/schemas/sitemap/0.9', ''],
  ['http://www.google.com/schemas/sitemap/0.84', ''],
  ['http://www.w3.org/1999/02/22-rdf-syntax-ns#', 'rdf'],
  ['http://purl.org/dc/elements/1.1/', 'dc'],
  ['http://purl.org/dc/terms/', 'dcterms'],
  ['http://purl.org/rss/1.0/modules/content/', 'content'],
  ['http://www.google.com/schemas/sitemap-news/0.9', 'news'],
  ['http://www.google.com/schemas/sitemap-image/1.1', 'image'],
  ['http://www.google.com/schemas/sitemap-video/1.1', 'video'],
  ['http://search.yahoo.com/mrss/', 'media'],
  ['http://www.w3.org/1999/xhtml', 'xhtml'],
]);

/** Prefixes used without a declaration are read as their usual meaning. */
const CONVENTIONAL_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['atom', 'atom'],
  ['a10', 'atom'],
  ['rdf', 'rdf'],
  ['dc', 'dc'],
  ['dcterms', 'dcterms'],
  ['content', 'content'],
  ['news', 'news'],
  ['image', 'image'],
  ['video', 'video'],
  ['media', 'media'],
  ['xhtml', 'xhtml'],
]);

/**
 * Prefix → namespace key for the bindings in scope ('' is the default namespace).
 * Keys, not URIs, are kept: they are all that is ever looked up.
 */
export type NamespaceScope = ReadonlyMap<string, string>;

/** The scope outside the root: nothing declared. */
export const EMPTY_SCOPE: NamespaceScope = new Map();

/** The scope inside an element, given its (lower-cased) attributes. */
export function extendScope(scope: NamespaceScope, attrs: Readonly<Record<string, string>>): NamespaceScope {
  let extended: Map<string, string> | undefined;
  for (const name in attrs) {
    if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
    extended ??= new Map(scope);
    const prefix = name === 'xmlns' ? '' : name.slice(6);
    extended.set(prefix, keyForBinding(prefix, (attrs[name] ?? '').trim()));
  }
  return extended ?? scope;
}

/**
 * An unprefixed name in an unknown default namespace counts as core: feeds declare
 * all sorts of home-made default namespaces, and their `<item>` is still an item.
 * A prefix bound to an unknown URI gets a key no handler matches.
 */
function keyForBinding(prefix: string, uri: string): string {
  const key = KNOWN_NAMESPACES.get(uri) ?? KNOWN_NAMESPACES.get(uri.replace(/\/$/, '')) ?? KNOWN_NAMESPACES.get(`${uri}/`);
  return key ?? (prefix === '' ? '' : `{${uri}}`);
}

/**
 * The namespace key of an element prefix: a known key ('' for the core vocabularies),
 * or one no handler matches. A prefix used without a declaration is read as its
 * conventional meaning (`atom:`, `dc:` …).
 */
export function namespaceKey(prefix: string, scope: NamespaceScope): string {
  return scope.get(prefix) ?? (prefix === '' ? '' : (CONVENTIONAL_PREFIXES.get(prefix) ?? `${prefix}:`));
}
