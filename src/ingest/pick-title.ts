import { toArray, type DomDocument, type DomElement } from './dom-types.js';
import { decodeEntities } from './decode-entities.js';
import { findDateInText } from './find-visible-date.js';
import { htmlToBlocks, type DomNode } from './html-to-blocks.js';

/** An element's text on one line, with a space where blocks or `<br>` break it ("(US)<br>Your Guide"). */
function lineText(el: DomElement): string {
  return htmlToBlocks(el as unknown as DomNode, () => null).text.replace(/\s+/g, ' ').trim();
}

/** Separators between a headline and the site name in `<title>` and og:title ("Headline | Site"). */
const SITE_SEPARATOR = /\s+(?:\||-|–|—|•|::|»|·|\/)\s+/;

const words = (s: string): Set<string> => new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

export interface PickedTitle {
  readonly title: string | null;
  /** The visible headline element, when the title came from one (dates and bylines sit near it). */
  readonly element: DomElement | null;
}

/**
 * The headline as the reader sees it: the `<h1>` that best agrees with the page's declared
 * titles (JSON-LD headline, og:title, `<title>`), since those often carry a site suffix or an
 * SEO rewrite ("Best Movers in NYC 2025 | Top 19 Companies"). A site-name `<h1>` (a logo) is
 * skipped. Without a fitting `<h1>`, the declared title with its site suffix removed.
 */
export function pickTitle(doc: DomDocument, declared: readonly (string | null)[], siteName: string | null): PickedTitle {
  const metas = declared.filter((s): s is string => !!s);
  const metaWords = new Set(metas.flatMap((m) => [...words(m)]));
  const siteKeys = new Set([siteName, ...metas.map(siteSuffix)].filter((s): s is string => !!s).map(norm));

  let best: { el: DomElement; text: string; score: number } | null = null;
  for (const el of toArray(doc.querySelectorAll('h1')).slice(0, 8)) {
    const text = (el.textContent ?? '').length > 1000 ? '' : lineText(el);
    if (text === '' || text.length > 300 || siteKeys.has(norm(text))) continue;
    const w = words(text);
    if (w.size === 0) continue;
    let shared = 0;
    for (const x of w) if (metaWords.has(x)) shared++;
    const score = shared / w.size;
    if (!best || score > best.score) best = { el, text, score };
  }
  if (best) {
    const inner = declaredInside(best.text, metas, siteName);
    if (inner) return { title: inner, element: best.el };
  }
  if (best && (metas.length === 0 || best.score >= 0.3)) return { title: tidyHeadline(best.text, metas, siteName), element: best.el };
  const first = metas[0];
  return { title: first ? withoutSiteSuffix(first, siteName) : null, element: best?.el ?? null };
}

/**
 * A headline as the page declares it, when the visible one differs only by a site suffix
 * ("12 Tools for 2026 | Python, SQL & AI") or by typography ("Hasn’t" vs "Hasn't").
 */
function tidyHeadline(headline: string, metas: readonly string[], siteName: string | null): string {
  const text = decodeEntities(headline);
  const declared = metas.map((m) => withoutSiteSuffix(decodeEntities(m), siteName));
  const parts = text.split(SITE_SEPARATOR);
  const head = parts.length > 1 && declared.some((d) => norm(d) === norm(parts[0]!)) ? parts[0]!.trim() : text;
  const plain = (s: string) => norm(s).replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
  return declared.find((d) => d !== head && plain(d) === plain(head)) ?? head;
}

/** The part of "Headline | Site" that names the site (the last part), or null. */
function siteSuffix(title: string): string | null {
  const parts = title.split(SITE_SEPARATOR);
  return parts.length > 1 ? parts[parts.length - 1]! : null;
}

/** "Headline | Site" → "Headline": drops parts naming the site, then keeps the longest. */
export function withoutSiteSuffix(title: string, siteName: string | null): string {
  const parts = title.split(SITE_SEPARATOR);
  if (parts.length === 1) return title;
  const site = siteName ? norm(siteName) : null;
  const kept = parts.filter((p) => !site || (norm(p) !== site && !norm(p).includes(site)));
  const pool = kept.length > 0 ? kept : parts;
  return pool.reduce((a, b) => (b.length > a.length ? b : a)).trim();
}

/**
 * The declared title when the `<h1>` holds it plus page furniture around it: a byline or date
 * ("… Security Posted on July 1, 2024 by infuy", "Dec 18 2025 Preparing a transition"), a one-word
 * label ("Title:", "Blog:") or a comment count ("(latimes.com) 87").
 */
function declaredInside(headline: string, metas: readonly string[], siteName: string | null): string | null {
  const h = norm(decodeEntities(headline));
  for (const m of metas) {
    const d = withoutSiteSuffix(decodeEntities(m), siteName).replace(/\s+/g, ' ').trim();
    const nd = norm(d);
    if (nd.split(' ').length < 3 || nd === h) continue;
    const at = h.indexOf(nd);
    if (at < 0) continue;
    const before = h.slice(0, at).trim();
    const after = h.slice(at + nd.length).trim();
    const rest = `${before} ${after}`.trim();
    if (rest.split(/\s+/).length > 8) continue;
    const label = after === '' && /^\p{L}{1,12}:$/u.test(before);
    const source = before === '' && /^\(?[a-z0-9.-]+\.[a-z]{2,}\)?(?:\s+\d+)?$/.test(after);
    if (label || source || findDateInText(rest) !== null || /\bposted\b/.test(rest)) return d;
  }
  return null;
}
