import { toArray, type DomDocument, type DomElement } from './dom-types.js';

/** Selectors for elements that name the author, most specific first. */
const BYLINE_SELECTORS = [
  '[itemprop~="author"] [itemprop~="name"]',
  '[itemprop~="author"]',
  'a[rel~="author"]',
  '[class*="author-name"], [class*="authorName"], [class*="author__name"], [class*="byline__name"], [class*="byline-name"]',
  '[class*="byline"] a, [class*="author"] a[href*="author"]',
  '[class*="byline"], [class~="author"], [class*="post-author"], [class*="entry-author"], [class*="article-author"]',
];

const PREFIX = /^(?:written |posted |reported |reviewed |words |story |article )?by\s*:?\s+|^(?:author|authors|writer|posted by)\s*:\s*/i;

/**
 * Cleans a byline to the name(s) it gives: "By Jane Doe | March 4, 2025" → "Jane Doe".
 * Returns null when what is left does not look like a name (a date, a sentence, a URL).
 */
export function cleanByline(raw: string): string | null {
  let s = raw.replace(/\s+/g, ' ').trim().replace(PREFIX, '');
  s = s.split(/\s+(?:[|•·—–]|-\s|on\s+(?=[A-Z\d])|updated\b|published\b|posted\b)/i)[0]!.trim();
  s = s.replace(/[,;:|•·–—-]+$/, '').trim();
  if (s.length < 2 || s.length > 60) return null;
  if (/https?:|www\.|@.*\.|\d{4}|\d{1,2}:\d{2}/i.test(s)) return null;
  if (s.split(' ').length > 7) return null;
  if (/^(by|author|share|follow|more|about|read more|view all|posts?|staff|admin|comments?)$/i.test(s)) return null;
  return s;
}

/** A byline from the page: a "By …" line right after the headline, then elements marked as author. */
export function findByline(doc: DomDocument, afterHeadline: readonly DomElement[]): string | null {
  for (const el of afterHeadline.slice(0, 40)) {
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length > 150 || text.length < 4) continue;
    if (/^(?:written |posted )?by\s*:?\s+\S/i.test(text)) {
      const name = cleanByline(text);
      if (name) return name;
    }
  }
  for (const selector of BYLINE_SELECTORS) {
    for (const el of toArray(doc.querySelectorAll(selector)).slice(0, 5)) {
      const name = cleanByline(el.getAttribute('content') ?? el.textContent ?? '');
      if (name) return name;
    }
  }
  return null;
}

/**
 * The elements after (nearest first) and before (nearest first) the headline, in document order.
 * Without a headline, the start of the `<article>`/`<main>` or the body stands in for it.
 */
export function elementsAroundHeadline(doc: DomDocument, headline: DomElement | null, before = 30, after = 120): { after: DomElement[]; before: DomElement[]; all: DomElement[] } {
  const all = toArray((doc.body ?? doc.documentElement)?.querySelectorAll('*') ?? []);
  const anchor = headline ?? doc.querySelector('article') ?? doc.querySelector('main');
  let i = anchor ? all.indexOf(anchor) : -1;
  if (i < 0) return { after: all.slice(0, after), before: [], all };
  const inside = anchor === headline ? (headline?.querySelectorAll('*').length ?? 0) : 0;
  i += inside;
  return { after: all.slice(i + 1, i + 1 + after), before: all.slice(Math.max(0, i - inside - before), i - inside).reverse(), all };
}
