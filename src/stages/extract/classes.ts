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
  'tagcloud', 'taglist', 'popular', 'trending', 'outbrain', 'taboola', 'popup', 'toolbar',
  'masthead', 'banner', 'skiplink', 'byline', 'author', 'bio', 'dateline', 'timestamp', 'meta', 'metadata',
  'caption', 'credit', 'credits', 'copyright', 'disclaimer', 'teaser', 'teasers', 'readmore', 'toc', 'login', 'signin', 'paywall', 'reactions', 'feedback', 'survey', 'upsell', 'marketing', 'carousel', 'slider', 'ticker', ]);

/** Words marking the article body. */
const POSITIVE_WORDS: ReadonlySet<string> = new Set([
  'article', 'articlebody', 'body', 'content', 'entry', 'post', 'story', 'text', 'main', 'prose', 'richtext',
  'blog', 'news', 'page', 'copy', 'paragraph', 'paragraphs', 'detail', 'details', 'single', 'markdown',
]);

function words(value: string | undefined): string[] {
  if (value === undefined || value.length === 0) return [];
  // Split camelCase too: articleBody → article body.
  return value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

const LAYOUT_MODIFIERS: ReadonlySet<string> = new Set([
  'has', 'with', 'w', 'no', 'without', 'and', 'l', 'layout', 'template', 'tmpl', 'page', 'body', 'js', 'is',
]);

const STRONG_WORDS: ReadonlySet<string> = new Set([
  'comment', 'comments', 'disqus', 'outbrain', 'taboola', 'related', 'recommended', 'recirc', 'respond',
]);

export interface ClassSignal {
  negative: boolean;
  positive: boolean;
  /** Comments and recirculation: furniture even when they hold long prose. */
  strong: boolean;
}

const NONE: ClassSignal = { negative: false, positive: false, strong: false };

/** Class strings repeat across a page and across pages; their signal is cached. */
const cache = new Map<string, ClassSignal>();

function nameSignal(value: string): ClassSignal {
  let hit = cache.get(value);
  if (hit !== undefined) return hit;
  let negative = false;
  let positive = false;
  let strong = false;
  for (const token of value.split(/\s+/)) {
    const parts = words(token);
    // Layout modifiers describe the page around the element, not the element:
    // "has-sidebar", "and-w-sidebar", "l-sidebar-fixed", "no-comments".
    if (parts.some((w) => LAYOUT_MODIFIERS.has(w))) continue;
    for (const w of parts) {
      if (NEGATIVE_WORDS.has(w)) {
        negative = true;
        if (STRONG_WORDS.has(w)) strong = true;
      } else if (POSITIVE_WORDS.has(w)) positive = true;
    }
  }
  hit = negative || positive ? { negative, positive, strong } : NONE;
  if (cache.size > 20_000) cache.clear();
  cache.set(value, hit);
  return hit;
}

/** The class/id/role signal of an element. */
export function classSignal(attrs: Readonly<Record<string, string>>): ClassSignal {
  const cls = attrs.class;
  const id = attrs.id;
  const role = attrs.role;
  if (cls === undefined && id === undefined && role === undefined) return NONE;
  let negative = false;
  let positive = false;
  let strong = false;
  if (cls !== undefined && cls.length > 0) {
    const sig = nameSignal(cls);
    negative = sig.negative;
    positive = sig.positive;
    strong = sig.strong;
  }
  if (id !== undefined && id.length > 0) {
    const sig = nameSignal(id);
    negative ||= sig.negative;
    positive ||= sig.positive;
    strong ||= sig.strong;
  }
  if (role !== undefined) {
    const r = role.toLowerCase();
    if (r === 'navigation' || r === 'banner' || r === 'contentinfo' || r === 'complementary' || r === 'menu' ||
      r === 'menubar' || r === 'dialog' || r === 'alertdialog' || r === 'search' || r === 'toolbar') negative = true;
    if (r === 'main' || r === 'article') positive = true;
  }
  if (negative || positive) return { negative, positive, strong };
  return NONE;
}
