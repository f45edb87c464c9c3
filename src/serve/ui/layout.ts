/** The frame every page sits in: header with search, navigation, main content, footer with credits. */
import { html, type SafeHtml } from './html.js';

/** What a page puts in the frame. */
export interface LayoutOptions {
  /** The page's own title; " · Dateline" is added. */
  readonly title: string;
  readonly body: SafeHtml;
  /** The search box's text, so it keeps what was searched for. */
  readonly query?: string;
  /** The navigation item for this page, marked as current. */
  readonly active?: 'search' | 'stories' | 'sources';
}

/** The product's name, as the header and titles show it. */
export const PRODUCT_NAME = 'Dateline';

/** A full HTML document around the page's body. No script, no inline style: it runs under a strict CSP. */
export function layout(options: LayoutOptions): SafeHtml {
  const { title, body, query, active } = options;
  const current = (item: 'search' | 'stories' | 'sources'): SafeHtml | null => (active === item ? html` aria-current="page"` : null);
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title} · ${PRODUCT_NAME}</title>
<link rel="stylesheet" href="/static/style.css">
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
<div class="site-header-inner">
<a class="brand" href="/">${PRODUCT_NAME}</a>
<form class="site-search" role="search" method="get" action="/">
<label for="site-q">Search articles</label>
<input id="site-q" type="search" name="q" value="${query ?? ''}" maxlength="500" autocomplete="off">
<button type="submit">Search</button>
</form>
<nav class="site-nav" aria-label="Site">
<ul>
<li><a href="/"${current('search')}>Search</a></li>
<li><a href="/stories"${current('stories')}>Stories</a></li>
<li><a href="/sources"${current('sources')}>Sources</a></li>
</ul>
</nav>
</div>
</header>
<main id="main" tabindex="-1">
${body}
</main>
<footer class="site-footer">
<p>Demo articles from <a href="https://en.wikinews.org">Wikinews</a>, licensed under
<a href="https://creativecommons.org/licenses/by/2.5/" rel="license">CC BY 2.5</a>.</p>
</footer>
</body>
</html>
`;
}
