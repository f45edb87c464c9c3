/**
 * What class names and ids say about an element. Names are split into words
 * (`post-body__text` → post, body, text) and matched word by word, so `comment`
 * matches `comments-area` but `ad` does not match `header` or `shadow`.
 */

/** Words marking furniture: navigation, promotion, social, comments, related links. */
const NEGATIVE_WORDS: ReadonlySet<string> = new Set([
  'nav', 'navbar', 'navigation', 'menu', 'menubar', 'footer', 'sidebar', 'sidebars', 'aside', 'widget', 'widgets',
  'comment', 'comments', 'disqus', 'related', 'recommended', 'recommendations', 'recirc', 'recirculation',
  'share', 'sharing', 'sharebar', 'social', 'socials', 'promo', 'promotion', 'promoted', 'advert', 'advertisement',
  'ad', 'ads', 'adslot', 'adunit', 'dfp', 'sponsor', 'sponsored', 'newsletter', 'subscribe', 'subscription',
  'signup', 'cookie', 'cookies', 'consent', 'gdpr', 'breadcrumb', 'breadcrumbs', 'pagination', 'pager', 'tags',
  'tagcloud', 'taglist', 'popular', 'trending', 'outbrain', 'taboola', 'popup', 'toolbar', 'modal', 'lightbox',
  'masthead', 'banner', 'skiplink', 'byline', 'author', 'bio', 'dateline', 'timestamp', 'meta', 'metadata',
  'caption', 'credit', 'credits', 'copyright', 'disclaimer', 'teaser', 'teasers', 'readmore', 'toc', 'login', 'signin', 'paywall', 'reactions', 'feedback', 'survey', 'upsell', 'marketing', 'carousel', 'slider', 'ticker',
  'filter', 'filters', 'facet', 'facets', 'refinement', 'refinements', 'sorting', 'sortby',
]);

/** Words marking the article body. */
const POSITIVE_WORDS: ReadonlySet<string> = new Set([
  'article', 'articlebody', 'body', 'content', 'entry', 'post', 'story', 'text', 'main', 'prose', 'richtext',
  'blog', 'news', 'page', 'copy', 'paragraph', 'paragraphs', 'detail', 'details', 'single', 'markdown',
]);

/**
 * The furniture words that hold on any page, article or not: navigation, footers,
 * consent and sign-in prompts, ads, sharing. Landing and product pages use "promo",
 * "banner", "slider", "cta" for their main content, and a forum's posts are its
 * "comments", so those are furniture only around an article.
 */
const STRUCTURAL_WORDS: ReadonlySet<string> = new Set([
  'nav', 'navbar', 'navigation', 'menu', 'menubar', 'footer', 'sidebar', 'sidebars', 'aside', 'breadcrumb',
  'breadcrumbs', 'pagination', 'pager', 'cookie', 'cookies', 'consent', 'gdpr', 'skiplink', 'login', 'signin',
  'signup', 'popup', 'modal', 'lightbox', 'toolbar', 'share', 'sharing', 'sharebar', 'social', 'socials', 'newsletter', 'subscribe',
  'ad', 'ads', 'adslot', 'adunit', 'advert', 'advertisement', 'dfp', 'outbrain',
  'taboola', 'masthead', 'related', 'recommended', 'recommendations', 'recirc', 'recirculation',
  'filter', 'filters', 'facet', 'facets', 'refinement', 'refinements', 'sorting', 'sortby',
]);

const LAYOUT_MODIFIERS: ReadonlySet<string> = new Set([
  'has', 'with', 'w', 'no', 'without', 'and', 'l', 'layout', 'enabled', 'disabled',
]);

const STRONG_WORDS: ReadonlySet<string> = new Set([
  'comment', 'comments', 'disqus', 'outbrain', 'taboola', 'related', 'recommended', 'recirc', 'respond',
]);

/**
 * The furniture and content flags of a name's words, the name split at
 * non-alphanumerics and at camelCase humps and read in lower case. Layout modifiers
 * describe the page around the element, not the element: a name holding one ("has-sidebar",
 * "and-w-sidebar", "l-sidebar-fixed", "no-comments") says nothing. One pass, no word list:
 * class names are read for every element of every page.
 */
function wordFlags(value: string): number {
  let flags = 0;
  let start = -1;
  let upperInWord = false;
  let prevLower = false;
  for (let k = 0; k <= value.length; k++) {
    const c = k < value.length ? value.charCodeAt(k) : 32;
    const lower = c >= 97 && c <= 122;
    const upper = c >= 65 && c <= 90;
    const digit = c >= 48 && c <= 57;
    if ((lower || upper || digit) && !(upper && prevLower)) {
      if (start < 0) {
        start = k;
        upperInWord = upper;
      } else if (upper) upperInWord = true;
      prevLower = lower;
      continue;
    }
    // A word ends here: at a separator, or at a camelCase hump.
    if (start >= 0 && k - start <= LONGEST_WORD) {
      const slice = value.slice(start, k);
      flags |= WORD_FLAGS.get(upperInWord ? slice.toLowerCase() : slice) ?? 0;
    }
    start = upper ? k : -1;
    upperInWord = upper;
    prevLower = false;
  }
  return (flags & MODIFIER) !== 0 ? 0 : flags;
}

/** Bit flags of a class name or id. */
export const C_NEG = 1;
export const C_POS = 2;
/** Comments and recirculation: furniture even when they hold long prose. */
export const C_STRONG = 4;
/** A utility class that hides the element (`hidden`, `sr-only`, `d-none`). */
export const C_HIDDEN = 8;
/** A responsive utility that shows it on some screens (`md:block`, `d-lg-flex`). */
export const C_SHOWN = 16;
/** Furniture on any kind of page (see STRUCTURAL_WORDS). */
export const C_STRUCT = 32;

/** A layout modifier (see wordFlags), in WORD_FLAGS only. */
const MODIFIER = 64;

/** Each vocabulary word's flags: one lookup per word of a name instead of one per list. */
const WORD_FLAGS: ReadonlyMap<string, number> = (() => {
  const flags = new Map<string, number>();
  for (const w of POSITIVE_WORDS) flags.set(w, C_POS);
  for (const w of NEGATIVE_WORDS) {
    flags.set(w, C_NEG | (STRONG_WORDS.has(w) ? C_STRONG : 0) | (STRUCTURAL_WORDS.has(w) ? C_STRUCT : 0));
  }
  for (const w of LAYOUT_MODIFIERS) flags.set(w, MODIFIER);
  return flags;
})();
/** Longer words are in no list: no need to cut them out and look them up. */
const LONGEST_WORD = Math.max(...[...WORD_FLAGS.keys()].map((w) => w.length));

/** Class names that hide an element from sighted readers on virtually every site. */
const HIDDEN_CLASSES: ReadonlySet<string> = new Set([
  'hidden', 'hide', 'sr-only', 'visually-hidden', 'visuallyhidden', 'screen-reader-text', 'screen-reader-only',
  'screenreader', 'sr-text', 'is-hidden', 'u-hidden', 'a11y-hidden', 'offscreen', 'element-invisible', 'invisible',
  'd-none',
]);
const SHOWN = /(?::|^d-\w+-)(?:block|flex|grid|inline|table|contents)/;

const tokenCache = new Map<string, number>();
const valueCache = new Map<string, number>();

function tokenFlags(token: string, cache = true): number {
  let flags = cache ? tokenCache.get(token) : undefined;
  if (flags !== undefined) return flags;
  flags = 0;
  const lower = token.toLowerCase();
  if (HIDDEN_CLASSES.has(lower)) flags |= C_HIDDEN;
  // SHOWN needs a ':' or a leading 'd-': most names have neither, and skip the regex.
  if ((lower.includes(':') || lower.startsWith('d-')) && SHOWN.test(lower)) flags |= C_SHOWN;
  flags |= wordFlags(token);
  if (cache) {
    if (tokenCache.size > 50_000) tokenCache.clear();
    tokenCache.set(token, flags);
  }
  return flags;
}

/** The flags of a class attribute (or an id): the union over its tokens, cached. */
export function nameFlags(value: string): number {
  let flags = valueCache.get(value);
  if (flags !== undefined) return flags;
  flags = 0;
  let start = 0;
  const n = value.length;
  for (let k = 0; k <= n; k++) {
    const c = k < n ? value.charCodeAt(k) : 32;
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12) {
      if (k > start) flags |= tokenFlags(value.slice(start, k));
      start = k + 1;
    }
  }
  if (valueCache.size > 50_000) valueCache.clear();
  valueCache.set(value, flags);
  return flags;
}

const ROLE_NEGATIVE: ReadonlySet<string> = new Set([
  'navigation', 'banner', 'contentinfo', 'complementary', 'menu', 'menubar', 'dialog', 'alertdialog', 'search', 'toolbar',
]);

/** The flags of an element's class attribute (0 without one). */
export function classAttrFlags(attrs: Readonly<Record<string, string>>): number {
  const cls = attrs.class;
  return cls !== undefined && cls.length > 0 ? nameFlags(cls) : 0;
}

/**
 * The class/id/role flags of an element (C_NEG, C_POS, C_STRONG, C_STRUCT).
 * `classNameFlags` is `classAttrFlags(attrs)`, passed in by callers that have it already.
 */
export function classFlags(attrs: Readonly<Record<string, string>>, classNameFlags = classAttrFlags(attrs)): number {
  const id = attrs.id;
  const role = attrs.role;
  let flags = classNameFlags & (C_NEG | C_POS | C_STRONG | C_STRUCT);
  if (id !== undefined && id.length > 0) flags |= tokenFlags(id, false) & (C_NEG | C_POS | C_STRONG | C_STRUCT);
  if (role !== undefined) {
    const r = role.toLowerCase();
    if (ROLE_NEGATIVE.has(r)) flags |= C_NEG | C_STRUCT;
    else if (r === 'main' || r === 'article') flags |= C_POS;
  }
  return flags;
}
