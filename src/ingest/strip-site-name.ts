/**
 * Telling a headline from the site name printed beside it in `<title>` and og:title
 * ("Best Bread Machines - My Favorites! - Bread Dad", "Tastify | Top 7 Catering Trends").
 */

/** Separators between a headline and the site name ("Headline | Site"). */
export const SITE_SEPARATOR = /\s+(?:\||-|–|—|•|::|»|·|\/)\s+/;

/** What a page says about its own name: `og:site_name`, the publisher, and the page's address. */
export interface SiteIdentity {
  readonly names: readonly string[];
  readonly url: string | null;
}

const alnum = (s: string) => s.toLowerCase().normalize('NFD').replace(/[^\p{L}\p{N}]/gu, '');

/** Host labels worth comparing with a name: `www.breaddad.com` → `breaddad`, `breaddadcom`. */
function hostKeys(url: string | null): string[] {
  if (!url) return [];
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return [];
  }
  const labels = host.split('.').filter((l) => l !== 'www');
  const keys = labels.slice(0, -1).map(alnum);
  if (labels.length >= 2) keys.push(alnum(labels.slice(-2).join('')), alnum(labels.join('')));
  return keys.filter((k) => k.length >= 3);
}

/**
 * Whether one part of a title names the site: a declared site name, or the domain written out
 * ("Bread Dad" on breaddad.com, "Move.org", "TP-Link" on tp-link.com, "Shopify App Store" on
 * apps.shopify.com, "ESFI" or "Electrical Safety Foundation International" on esfi.org).
 * `exactly`: only the whole name or domain (for a visible headline, which may well start with the site's name).
 */
export function namesSite(part: string, site: SiteIdentity, exactly = false): boolean {
  const p = alnum(part);
  if (p.length < 3) return false;
  for (const name of site.names) {
    const n = alnum(name);
    if (n.length >= 3 && (p === n || (!exactly && (p.includes(n) || (n.includes(p) && p.length >= 5))))) return true;
  }
  if (exactly) return hostKeys(site.url).includes(p);
  const initials = alnum(part.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join(''));
  for (const key of hostKeys(site.url)) {
    if (p === key || (key.length >= 5 && p.startsWith(key)) || (p.length >= 5 && key.startsWith(p))) return true;
    if (initials.length >= 3 && part.split(/\s+/).length >= 3 && key.startsWith(initials)) return true;
  }
  return false;
}

/** The parts of a title between separators, each with its place in the title. */
function partsOf(title: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  const re = new RegExp(SITE_SEPARATOR.source, 'g');
  let at = 0;
  for (let m = re.exec(title); m; m = re.exec(title)) {
    out.push({ text: title.slice(at, m.index), start: at, end: m.index });
    at = m.index + m[0].length;
  }
  out.push({ text: title.slice(at), start: at, end: title.length });
  return out;
}

/**
 * "Headline | Site" → "Headline". Parts that name the site are dropped from either end; when
 * none does, a `<title>` (`guess`) loses its last part, where sites put their name ("Website
 * Design Portfolio | Thrive Internet Marketing"), while og:title and JSON-LD, which usually
 * hold the bare headline, keep theirs ("I Tried Amp — and It May Replace My Gym Membership").
 */
export function withoutSiteName(title: string, site: SiteIdentity, guess = false): string {
  const parts = partsOf(title);
  if (parts.length === 1) return title.trim();
  let from = 0;
  let to = parts.length;
  while (to - from > 1 && namesSite(parts[to - 1]!.text, site)) to--;
  while (to - from > 1 && namesSite(parts[from]!.text, site)) from++;
  // Unnamed, the site is most often last and the headline first ("History of coffee | Origin, Spread … | Britannica").
  if (guess && to - from > 1) to = from === 0 && to === parts.length ? 1 : from + 1;
  return title.slice(parts[from]!.start, parts[to - 1]!.end).trim();
}

/**
 * Every way of reading a title as a headline plus site parts: each run of consecutive parts
 * (of the first eight, so a hostile title with thousands of bars stays cheap).
 */
export function titleReadings(title: string): string[] {
  const parts = partsOf(title).slice(0, 8);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) for (let j = i + 1; j <= parts.length; j++) out.push(title.slice(parts[i]!.start, parts[j - 1]!.end).trim());
  return out;
}
