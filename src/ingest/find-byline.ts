import { toArray, type DomDocument, type DomElement } from './dom-types.js';
import { findDateInText } from './find-visible-date.js';
import { splitAuthors } from './split-authors.js';

/** Selectors for elements that name the author, most specific first. */
const BYLINE_SELECTORS = [
  '[itemprop~="author"] [itemprop~="name"]',
  '[itemprop~="author"]',
  'a[rel~="author"]',
  // A link to the writer's page (`/author/jane-doe`, `/authors/jane-doe`) names the writer.
  'a[href*="/author/"], a[href*="/authors/"]',
  '[class*="author-name"], [class*="authorName"], [class*="author__name"], [class*="byline__name"], [class*="byline-name"]',
  '[class*="byline"] a, [class*="author"] a[href*="author"]',
  // An author box's name line: `<div class="author-info"><div class="name">Rachel MacDonald</div>`.
  '[class*="author"] [class~="name"], [class*="author"] [class$="-name"], [class*="author"] [class$="__name"]',
  '[class*="byline"], [class~="author"], [class*="post-author"], [class*="entry-author"], [class*="article-author"], [class*="__author"], [class*="_author"]',
  // The portrait in an author box, named by its alt text.
  '[class*="author"] img[alt]',
];

/** Text of an element with a space between child elements (`<span>By</span><span>Ann</span>` → "By Ann"). */
function spacedText(el: DomElement): string {
  const parts: string[] = [];
  const stack: DomElement[] = [el];
  let budget = 200;
  while (stack.length > 0 && budget-- > 0) {
    const n = stack.pop()!;
    if (n.nodeType === 3) parts.push(n.textContent ?? '');
    else if (n.nodeType === 1) {
      const tag = n.nodeName.toUpperCase();
      if (tag === 'SCRIPT' || tag === 'STYLE') continue;
      parts.push(' ');
      const children = n.childNodes;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** A byline from the page: a "By …" line right after the headline, then elements marked as author. */
export function findByline(
  doc: DomDocument,
  afterHeadline: readonly DomElement[],
  description: string | null,
  accept: (name: string) => boolean = () => true,
): { nearHeadline: string | null; marked: string | null } {
  const ok = (raw: string): string | null => {
    const names = splitAuthors(raw).filter(accept);
    return names.length > 0 ? names.join(' and ') : null;
  };
  // "By 3i Global" printed under the headline is the page's own word, even when it names only the site.
  const printed = (raw: string): string | null => {
    const names = splitAuthors(raw);
    const people = names.filter(accept);
    return people.length > 0 ? people.join(' and ') : names.length > 0 ? names.join(' and ') : null;
  };
  return { nearHeadline: findBylineNearHeadline(afterHeadline, printed), marked: findMarkedByline(doc, description, ok) };
}

/**
 * A "By Jane Doe" line among the first elements after the headline, also after a date
 * ("Published August 7, 2023 by Nicole Burke"), but not a credit ("Photo by …").
 */
function findBylineNearHeadline(afterHeadline: readonly DomElement[], cleanByline: (raw: string) => string | null): string | null {
  const atStart = /^(?:(?:written|posted|authored)\s+)?by\s*:?\s*(?=[\p{Lu}\p{Ll}])/iu;
  const afterDate = /[\s|·•,–—-](?:(?:written|posted|authored)\s+)?[Bb]y\s*:?\s*(?=\p{Lu})/u;
  const credit = /(photo|photos|image|images|illustration|video|graphic|edited|reviewed|checked|produced|designed|design|powered|sponsored|made|built|translated|narrated|read|presented|hosted)\s*$/i;
  for (const el of afterHeadline.slice(0, 40)) {
    const raw = el.textContent ?? '';
    if (raw.length > 300) continue;
    const text = spacedText(el);
    if (text.length > 150 || text.length < 4) continue;
    const m = atStart.exec(text) ?? afterDate.exec(text);
    if (!m || m.index > 60) continue;
    const before = text.slice(0, m.index);
    // Only "Published <date> by …" / "<date> | by …" before the name: not "Photo by", not "Posted in Tips by".
    if (credit.test(before) || (m.index > 0 && !(findDateInText(before) && /^[\s\p{L}\d|·•,:.–—-]*$/u.test(before) && !/\bin\b/i.test(before)))) continue;
    const name = cleanByline(text.slice(m.index));
    if (name) return name;
  }
  return null;
}

/** An element the page marks as the author (itemprop, rel, class), a wire-copy description, an author box. */
function findMarkedByline(doc: DomDocument, description: string | null, cleanByline: (raw: string) => string | null): string | null {
  for (const selector of BYLINE_SELECTORS) {
    for (const el of toArray(doc.querySelectorAll(selector)).slice(0, 5)) {
      const content = el.getAttribute('content') ?? (el.nodeName.toUpperCase() === 'IMG' ? portraitName(el.getAttribute('alt') ?? '') : null);
      const name = cleanByline(content ?? (el.textContent && el.textContent.length < 300 ? spacedText(el) : ''));
      if (name) return name;
    }
  }
  // "By Md Aynal Haque\r\n\r\nRAJSHAHI, Dec 20 (BSS) – …": wire copy often starts its description with the byline.
  const lead = description ? /^by\s+([^\n\r]{2,60}?)(?:\r?\n|\s{2,}|$)/i.exec(description.trim()) : null;
  if (lead) {
    const name = cleanByline(lead[1]!);
    if (name) return name;
  }
  // A caption and the name in the element after it: `<div>Author</div><div>Isaiah Shelton</div>`.
  for (const el of toArray(doc.querySelectorAll('p, span, div, dt, strong, small, h3, h4, h5, h6')).slice(0, 3000)) {
    const raw = el.textContent ?? '';
    if (raw.length > 20 || !/^\s*(?:written by|posted by|by|authors?|writer|words)\s*:?\s*$/i.test(raw)) continue;
    const next = el.nextElementSibling;
    const text = next?.textContent ?? '';
    if (!next || text.length > 80) continue;
    const name = cleanByline(spacedText(next));
    if (name) return name;
  }
  // An author box anywhere: "Written by Cassidy Horton".
  for (const el of toArray(doc.querySelectorAll('h2, h3, h4, h5, h6, p, span, div, strong'))) {
    const raw = el.textContent ?? '';
    if (raw.length > 80 || !/^\s*written by\s/i.test(raw)) continue;
    const name = cleanByline(spacedText(el));
    if (name) return name;
  }
  return null;
}

/** The name in a portrait's alt text ("Headshot of Justin C. Meserole, a … lawyer" → the name), or '' when it is not a name. */
function portraitName(alt: string): string {
  // "Headshot of Justin C. Meserole, a New York City-based … lawyer": the name before the comma.
  const name = alt.replace(/^\s*(?:headshot|photo|portrait|picture|image|avatar)\s+of\s+/i, '').split(/,\s/)[0]!.replace(/\s+/g, ' ').trim();
  // Every word capitalised, at most four (a name, not "Vortex for Performance and Scale").
  return /^\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){1,3}$/u.test(name) ? name : '';
}
