import type { ArticleMeta } from '../core/document.js';
import { toArray, type DomDocument } from './dom-types.js';
import { normaliseDate } from './normalise-date.js';
import { elementsAroundHeadline } from './elements-around-headline.js';
import { findByline } from './find-byline.js';
import { splitAuthors } from './split-authors.js';
import { findMarkedDate, findVisibleDate } from './find-visible-date.js';
import { decodeEntities } from './decode-entities.js';
import { repairMojibake } from './repair-mojibake.js';
import { pickTitle, type DeclaredTitles, type SiteIdentity } from './pick-title.js';
import { readJsonLd, typesOf, type JsonLd, type JsonObject } from './read-json-ld.js';

/** `<meta>` values by lower-cased `property`, `name` or `itemprop`, in document order. */
type MetaTags = ReadonlyMap<string, readonly string[]>;

function readMetaTags(doc: DomDocument): MetaTags {
  const tags = new Map<string, string[]>();
  for (const el of toArray(doc.querySelectorAll('meta'))) {
    const content = el.getAttribute('content');
    if (content === null || content.trim() === '') continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = el.getAttribute(attr);
      if (!key) continue;
      for (const k of key.toLowerCase().split(/\s+/)) {
        if (!k) continue;
        const list = tags.get(k) ?? [];
        list.push(content.trim());
        tags.set(k, list);
      }
    }
  }
  return tags;
}

const first = (tags: MetaTags, ...keys: string[]): string | null => {
  for (const k of keys) {
    const v = tags.get(k)?.[0];
    if (v) return v;
  }
  return null;
};

const clean = (s: unknown): string | null => {
  if (typeof s !== 'string') return null;
  const t = repairMojibake(decodeEntities(s)).replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
};

/** Names from a JSON-LD `author`/`creator` value (a string, a Person, a reference, or a list), organisations apart. */
function personNames(value: unknown, ld: JsonLd): { persons: string[]; organisations: string[] } {
  const persons: string[] = [];
  const organisations: string[] = [];
  for (const v0 of Array.isArray(value) ? value : [value]) {
    const v = ld.resolve(v0);
    if (typeof v === 'string') persons.push(...splitAuthors(v));
    else if (v && typeof v === 'object') {
      const name = clean((v as JsonObject)['name']);
      if (!name) continue;
      const isOrg = typesOf(v as JsonObject).some((t) => /Organi[sz]ation|NewsMediaOrganization|Corporation|WebSite|Brand/i.test(t));
      (isOrg ? organisations : persons).push(...splitAuthors(name));
    }
  }
  return { persons, organisations };
}

function unique(list: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const s of list) {
    const k = s.toLowerCase();
    if (!seen.has(k)) { seen.add(k); out.push(s); }
  }
  return out;
}

function jsonString(o: JsonObject | null, ...keys: string[]): string | null {
  if (!o) return null;
  for (const k of keys) {
    const v = o[k];
    const s = clean(Array.isArray(v) ? v[0] : v);
    if (s) return s;
  }
  return null;
}

function attrDate(doc: DomDocument, selectors: string): string | null {
  for (const el of toArray(doc.querySelectorAll(selectors))) {
    const d = normaliseDate(el.getAttribute('datetime') ?? el.getAttribute('content') ?? el.textContent);
    if (d) return d;
  }
  return null;
}

function absoluteUrl(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try {
    const u = new URL(href.trim(), base ?? undefined);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

export interface PageMetadata extends ArticleMeta {
  /** The site as its own author (see `siteAsAuthor`): the last resort, after any byline found. */
  readonly siteAuthors: readonly string[];
}

/**
 * Reads the article's metadata from the page before Readability changes it: JSON-LD first
 * (the publisher's own structured data), then Open Graph / article:* / Dublin Core / Parse.ly
 * `<meta>` tags, then microdata and `<time>` elements, then `<title>` and `<html lang>`.
 */
export function readPageMetadata(doc: DomDocument, pageUrl: string | null): PageMetadata {
  const ld = readJsonLd(doc);
  const tags = readMetaTags(doc);
  const art = ld.article;

  const publisher = art ? ld.resolve(art['publisher']) : null;
  const website = ld.nodes.find((n) => n['@type'] === 'WebSite') ?? null;
  const siteName =
    clean(first(tags, 'og:site_name', 'application-name', 'publisher', 'dc.publisher')) ??
    (publisher && typeof publisher === 'object' ? clean((publisher as JsonObject)['name']) : null) ??
    jsonString(website, 'name');

  const canonical = doc.querySelector('link[rel~="canonical"]')?.getAttribute('href') ?? null;
  const url =
    absoluteUrl(canonical, pageUrl) ??
    absoluteUrl(first(tags, 'og:url'), pageUrl) ??
    absoluteUrl(jsonString(art, 'url'), pageUrl) ??
    (pageUrl ? absoluteUrl(pageUrl, null) : null);

  const publisherName = publisher && typeof publisher === 'object' ? clean((publisher as JsonObject)['name']) : null;
  const sources = titleSources(doc, tags, ld, siteName, pageUrl ?? url);
  const picked = pickTitle(doc, sources.declared, sources.site);
  const title = picked.title;

  const ld_ = art ? personNames(art['author'] ?? art['creator'], ld) : { persons: [], organisations: [] };
  const around = elementsAroundHeadline(doc, picked.element);
  const siteNames = [siteName, publisherName].filter((x): x is string => !!x).map((x) => x.toLowerCase());
  // "Cleveland Clinic" as the author of a Cleveland Clinic page names the site, not a writer.
  const notSite = (name: string) => !siteNames.includes(name.toLowerCase());
  const metaAuthors = [
    ...(tags.get('author') ?? []), ...(tags.get('article:author') ?? []), ...(tags.get('parsely-author') ?? []),
    ...(tags.get('dc.creator') ?? []), ...(tags.get('sailthru.author') ?? []), ...(tags.get('byl') ?? []),
  ].flatMap(splitAuthors).concat((tags.get('citation_author') ?? []).map(firstLast).flatMap(splitAuthors), labelledAuthor(tags)).filter(notSite);
  const byline = findByline(doc, around.after, first(tags, 'description', 'og:description'), notSite);
  const nearAuthors = byline.nearHeadline ? splitAuthors(byline.nearHeadline) : [];
  const markedAuthors = byline.marked ? splitAuthors(byline.marked).filter(notSite) : [];
  const ldPersons = ld_.persons.filter(notSite);
  // The byline printed under the headline beats the CMS account in JSON-LD and <meta> (a post
  // "By: Paul Fenaroli" whose JSON-LD author is the editor who uploaded it).
  const candidates = [nearAuthors, ldPersons, metaAuthors, markedAuthors, ld_.organisations, ld_.persons];
  const authors = unique(candidates.find((c) => c.length > 0) ?? dataLayerAuthor(doc).filter(notSite));
  const siteAuthors = authors.length > 0 ? [] : siteAsAuthor([siteName, titleSuffix(doc.title)], pageUrl ?? url);

  const declaredPublished =
    normaliseDate(jsonString(art, 'datePublished', 'dateCreated', 'uploadDate')) ??
    normaliseDate(first(tags, 'article:published_time', 'og:article:published_time', 'datepublished', 'published_time', 'article.published',
      'publishdate', 'publish-date', 'publish_date', 'pubdate', 'parsely-pub-date', 'sailthru.date', 'dc.date.issued', 'dcterms.issued',
      'dc.date', 'dcterms.date', 'dcterms.created', 'citation_publication_date', 'citation_date', 'originalpublicationdate', 'date', 'og:published_time',
      'published', 'publication_date', 'publication-date', 'release_date')) ??
    normaliseDate(metaMatching(tags, /publish(ed)?[-_.:]?(date|time|on)|date[-_.:]?publish/)) ??
    attrDate(doc, 'time[pubdate], [itemprop~="datePublished"]') ??
    normaliseDate(jsonString(ld.page, 'datePublished')) ??
    // The CMS wrote the URL's date at publication: it beats a date read off the page, which
    // may be another story's or ambiguous ("03/10/2023" on a British page).
    dateInUrl(url) ??
    dateInUrl(pageUrl) ??
    findVisibleDate(around.after, around.before) ??
    findMarkedDate(around.all) ??
    firstTimeOutsideComments(doc);

  const published = localDayFromUrl(declaredPublished, dateInUrl(url) ?? dateInUrl(pageUrl));

  const modified =
    normaliseDate(jsonString(art, 'dateModified')) ??
    normaliseDate(first(tags, 'article:modified_time', 'og:updated_time', 'datemodified', 'modified_time', 'last-modified', 'dcterms.modified', 'article.updated')) ??
    attrDate(doc, '[itemprop~="dateModified"]') ??
    normaliseDate(jsonString(ld.page, 'dateModified'));

  const language = normaliseLanguage(
    doc.documentElement?.getAttribute('lang') ?? doc.documentElement?.getAttribute('xml:lang') ??
    jsonString(art, 'inLanguage') ?? first(tags, 'og:locale', 'content-language', 'language', 'dc.language'),
  );

  return { title, authors, published, modified, siteName, url, language, siteAuthors };
}

/** What `pickTitle` reads: the titles the page declares and the names it gives itself. */
function titleSources(doc: DomDocument, tags: MetaTags, ld: JsonLd, siteName: string | null, url: string | null): { declared: DeclaredTitles; site: SiteIdentity } {
  const publisher = ld.article ? ld.resolve(ld.article['publisher']) : null;
  const publisherName = publisher && typeof publisher === 'object' ? clean((publisher as JsonObject)['name']) : null;
  const website = ld.nodes.find((n) => n['@type'] === 'WebSite') ?? null;
  return {
    declared: {
      jsonLd: jsonString(ld.article, 'headline', 'name'),
      og: clean(first(tags, 'og:title', 'twitter:title', 'parsely-title', 'dc.title', 'sailthru.title', 'headline')),
      html: clean(doc.title),
    },
    site: { names: [siteName, publisherName, jsonString(website, 'name')].filter((s): s is string => !!s), url },
  };
}

/** `titleSources` for a page on its own (the title model's training reads pages this way). */
export function readTitleSources(doc: DomDocument, pageUrl: string | null): { declared: DeclaredTitles; site: SiteIdentity } {
  const meta = readPageMetadata(doc, pageUrl);
  const ld = readJsonLd(doc);
  return titleSources(doc, readMetaTags(doc), ld, meta.siteName, pageUrl ?? meta.url);
}

/** The last part of "Headline | Site" (`<title>`), or null. */
function titleSuffix(title: string): string | null {
  const parts = title.split(/\s+(?:\||-|–|—|•|::|»|·)\s+/);
  return parts.length > 1 ? clean(parts[parts.length - 1]) : null;
}

/**
 * A site named like its domain speaks for itself: a personal blog ("Erin Spain" on
 * erinspain.com, "Owain Brennan" on owain.bearblog.dev) or a company writing under its own name
 * ("Quiet Light" on quietlight.com). With no byline anywhere, that name is the author.
 */
function siteAsAuthor(names: readonly (string | null)[], url: string | null): string[] {
  if (!url) return [];
  let labels: string[];
  try {
    labels = new URL(url).hostname.toLowerCase().split('.').slice(0, -1).filter((l) => l !== 'www');
  } catch {
    return [];
  }
  for (const name of names) {
    if (!name || !/^\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){1,2}$/u.test(name)) continue;
    const words = name.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f'’-]/g, '').split(' ');
    if (labels.some((l) => l === words.join('') || l === words[0] || l === words[words.length - 1])) return [name];
  }
  return [];
}

/** Yoast SEO's reading card: `twitter:label1` "Written by" with the name in `twitter:data1`. */
function labelledAuthor(tags: MetaTags): string[] {
  for (const n of [1, 2, 3]) {
    if (/^(written by|author)$/i.test(tags.get(`twitter:label${n}`)?.[0] ?? '')) return splitAuthors(tags.get(`twitter:data${n}`)?.[0] ?? '');
  }
  return [];
}

/** WordPress's Google Tag Manager plugin writes the post's author into the page's data layer (`"pagePostAuthor":"Krystyna"`). */
function dataLayerAuthor(doc: DomDocument): string[] {
  for (const script of toArray(doc.querySelectorAll('script:not([src])')).slice(0, 40)) {
    const text = script.textContent ?? '';
    const at = text.indexOf('"pagePostAuthor"');
    if (at < 0) continue;
    const m = /^"pagePostAuthor"\s*:\s*"([^"\\]{1,80})"/.exec(text.slice(at, at + 120));
    return m ? splitAuthors(m[1]!) : [];
  }
  return [];
}

/**
 * A UTC timestamp just after midnight falls on the next day in the publisher's own time zone:
 * when the URL, which the CMS wrote in local time, names the day before (`/2025/12/18/…` with
 * `2025-12-19T02:41:41+00:00`), the URL's day is the one the page was published on.
 */
function localDayFromUrl(published: string | null, urlDay: string | null): string | null {
  if (!published || !urlDay) return published;
  if (!/T\d{2}:\d{2}(?::\d{2})?(?:Z|\+00:00)$/.test(published)) return published;
  const next = new Date(`${urlDay}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10) === published.slice(0, 10) ? urlDay : published;
}

/** Highwire `citation_author` is "Last, First": "Roy, Aniruddha" → "Aniruddha Roy". */
function firstLast(name: string): string {
  const m = /^([^,]+),\s*([^,]+)$/.exec(name.trim());
  return m ? `${m[2]} ${m[1]}` : name;
}

/** Last resort: the first `<time datetime>` that is not in comments, a sidebar or the footer. */
function firstTimeOutsideComments(doc: DomDocument): string | null {
  for (const el of toArray(doc.querySelectorAll('time[datetime]')).slice(0, 20)) {
    if (el.closest('aside, footer, nav, [class*="comment"], [id*="comment"], [class*="related"]')) continue;
    const d = normaliseDate(el.getAttribute('datetime'));
    if (d) return d;
  }
  return null;
}

/** The first `<meta>` value whose name matches (`w-published-date`, `article.publishDate`…). */
function metaMatching(tags: MetaTags, name: RegExp): string | null {
  for (const [key, values] of tags) if (name.test(key) && !/modif|updat/.test(key) && values[0]) return values[0];
  return null;
}

/** A date in the article's URL path (`/2025/12/17/slug`, `/blog/2025-12-17-slug`), which CMSs write at publication. */
export function dateInUrl(url: string | null): string | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = /(?:^|\/)((?:19|20)\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?=$|[/_.+-])/.exec(path);
  if (m) return normaliseDate(`${m[1]}-${m[2]}-${m[3]}`);
  // `/blog/2023/october/03/slug`
  const w = /(?:^|\/)((?:19|20)\d{2})\/([a-z]{3,9})\/(0?[1-9]|[12]\d|3[01])(?=$|\/)/i.exec(path);
  return w ? normaliseDate(`${w[3]} ${w[2]} ${w[1]}`) : null;
}

/** `en_US` → `en-US`; rejects values that are not language tags. */
function normaliseLanguage(raw: string | null): string | null {
  if (!raw) return null;
  const t = raw.trim().split(/[,;\s]/)[0]!.replace(/_/g, '-');
  if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(t)) return null;
  const [lang, ...rest] = t.split('-');
  return [lang!.toLowerCase(), ...rest.map((p) => (p.length === 2 ? p.toUpperCase() : p))].join('-');
}
