import { getDomain } from 'tldts';

/**
 * The site an article belongs to, as search filters and facets name it: the registrable
 * domain of its address (bbc.co.uk for www.bbc.co.uk), else its host (an address, a bare
 * name), else the site name the page gave, else null.
 */
export function articleSite(url: string | null, siteName: string | null): string | null {
  if (url !== null) {
    try {
      const host = new URL(url).hostname;
      if (host !== '') return getDomain(host, { allowPrivateDomains: false }) ?? host;
    } catch {
      // Not an absolute address (a path): fall back to the site name.
    }
  }
  const name = siteName?.trim();
  return name === undefined || name === '' ? null : name;
}
