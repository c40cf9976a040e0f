import { toArray, type DomDocument, type DomElement } from './dom-types.js';

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
