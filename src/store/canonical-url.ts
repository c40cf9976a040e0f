/**
 * One form for the URL of an article, so the same page fetched twice meets itself:
 * `HTTPS://Example.com:443/a/?utm_source=x#top` → `https://example.com/a`.
 * Returns null for anything that is not an absolute http(s) URL.
 */
export function canonicalUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  u.username = '';
  u.password = '';
  u.hostname = u.hostname.toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
  // Tracking parameters name the route a reader took, not the page.
  for (const key of [...u.searchParams.keys()]) {
    if (TRACKING_PARAMS.has(key.toLowerCase()) || key.toLowerCase().startsWith('utm_')) u.searchParams.delete(key);
  }
  u.searchParams.sort();
  let s = u.toString();
  // `https://a.com/x/` and `https://a.com/x` are the same article; keep the root's slash.
  if (u.pathname.length > 1 && u.pathname.endsWith('/')) s = s.replace(/\/(\?|$)/, '$1');
  // http and https copies of a page are one page.
  return s.replace(/^http:/, 'https:');
}

const TRACKING_PARAMS = new Set(['fbclid', 'gclid', 'dclid', 'mc_cid', 'mc_eid', 'ocid', 'cmpid', 'smid', 'ref', 'ref_src', 'guccounter']);
