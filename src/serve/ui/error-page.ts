/** The page shown for an error: what went wrong, its stable code, and where to go next. */
import { html, type SafeHtml } from './html.js';
import { layout } from './layout.js';

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad request',
  401: 'Not authorised',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  413: 'Request too large',
  429: 'Too many requests',
  500: 'Something went wrong',
  503: 'Service unavailable',
  504: 'Timed out',
};

/** A short title for an HTTP status. */
export function statusTitle(status: number): string {
  return TITLES[status] ?? (status >= 500 ? 'Something went wrong' : 'Request not served');
}

/** The error page as a full document; `message` is a one-line message a user can act on, never a stack. */
export function errorPage(status: number, code: string, message: string): SafeHtml {
  const title = statusTitle(status);
  const body = html`<div class="error-page">
<h1>${title}</h1>
<p class="error-message">${message}</p>
<p class="error-code">Error <code>${code}</code> (HTTP ${status})</p>
<p><a href="/">Go to the search page</a> or <a href="/sources">see the sources</a>.</p>
</div>`;
  return layout({ title, body });
}
