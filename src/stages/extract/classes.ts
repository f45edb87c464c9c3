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

export interface ClassSignal {
  negative: boolean;
  positive: boolean;
}

const NONE: ClassSignal = { negative: false, positive: false };

/** The class/id/role signal of an element. */
export function classSignal(attrs: Readonly<Record<string, string>>): ClassSignal {
  const cls = attrs.class;
  const id = attrs.id;
  const role = attrs.role;
  if (cls === undefined && id === undefined && role === undefined) return NONE;
  let negative = false;
  let positive = false;
  for (const w of words(cls)) {
    if (NEGATIVE_WORDS.has(w)) negative = true;
    else if (POSITIVE_WORDS.has(w)) positive = true;
  }
  for (const w of words(id)) {
    if (NEGATIVE_WORDS.has(w)) negative = true;
    else if (POSITIVE_WORDS.has(w)) positive = true;
  }
  if (role !== undefined) {
    const r = role.toLowerCase();
    if (r === 'navigation' || r === 'banner' || r === 'contentinfo' || r === 'complementary' || r === 'menu' ||
      r === 'menubar' || r === 'dialog' || r === 'alertdialog' || r === 'search' || r === 'toolbar') negative = true;
    if (r === 'main' || r === 'article') positive = true;
  }
  if (negative || positive) return { negative, positive };
  return NONE;
}
