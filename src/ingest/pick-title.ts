import { toArray, type DomDocument, type DomElement } from './dom-types.js';
import { decodeEntities } from './decode-entities.js';
import { findDateInText } from './find-visible-date.js';
import { htmlToBlocks, type DomNode } from './html-to-blocks.js';
import { namesSite, SITE_SEPARATOR, titleReadings, withoutSiteName, type SiteIdentity } from './strip-site-name.js';

export { SITE_SEPARATOR, type SiteIdentity };

/** An element's text on one line, with a space where blocks or `<br>` break it ("(US)<br>Your Guide"). */
function lineText(el: DomElement): string {
  return htmlToBlocks(el as unknown as DomNode, () => null).text.replace(/\s+/g, ' ').trim();
}

const STOP = new Set('a an the and or of for to in on at by with from is are be your our my you we it its this that these those how what why when who vs'.split(' '));
/** Content words, lower-cased ("The Best VPNs of 2026" → best, vpns, 2026). */
const words = (s: string): Set<string> => new Set((s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !STOP.has(w)));
const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
/** The letters and digits only, for comparing texts that differ in punctuation or typography. */
const letters = (s: string) => norm(s).replace(/&/g, 'and').replace(/[^\p{L}\p{N}]+/gu, '');

/** A declared title on one line, entities left in it decoded ("Plate &bull; The Nutrition Source"). */
const declaredText = (s: string) => decodeEntities(s).replace(/&bull;/g, '•').replace(/\s+/g, ' ').trim();

/** Share of words two texts have in common (Dice), over content words. */
function overlap(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (wa.size === 0 || wb.size === 0) return 0;
  let shared = 0;
  for (const x of wa) if (wb.has(x)) shared++;
  return (2 * shared) / (wa.size + wb.size);
}

/** The titles a page declares about itself: JSON-LD headline, og:title (or twitter: …), `<title>`. */
export interface DeclaredTitles {
  readonly jsonLd: string | null;
  readonly og: string | null;
  readonly html: string | null;
}

export interface PickedTitle {
  readonly title: string | null;
  /** The visible headline element, when the title came from one (dates and bylines sit near it). */
  readonly element: DomElement | null;
}

/** With fewer of its words in the declared titles, an `<h1>` is a logo, a label or a promo, not the headline. */
const MIN_COVERED = 0.3;

/** The share of a text's words (all of them) found in the declared titles. */
function covered(text: string, full: readonly string[]): number {
  const all = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const declared = new Set(full.flatMap(all));
  const w = new Set(all(text));
  let shared = 0;
  for (const x of w) if (declared.has(x)) shared++;
  return w.size === 0 ? 0 : shared / w.size;
}

/**
 * The headline as the reader sees it: the `<h1>` that best agrees with the page's declared
 * titles (JSON-LD headline, og:title, `<title>`), since those often carry a site suffix or an
 * SEO rewrite ("Best Movers in NYC 2025 | Top 19 Companies"). A site-name `<h1>` (a logo) is
 * skipped. Without a fitting `<h1>`, the declared title with its site name removed.
 */
export function pickTitle(doc: DomDocument, declared: DeclaredTitles, site: SiteIdentity): PickedTitle {
  const r = readTitle(doc, declared, site);
  // Where the two disagree, the visible headline: wcxb dev's titles follow it 104 times in 142
  // there, and no feature we tried told the rest apart (src/train/title-choice.ts).
  return 'title' in r ? r : { title: r.headline, element: r.element };
}

/** What the `<h1>` and the declared title look like where they disagree. */
export interface TitleChoiceInput {
  /** The `<h1>` as the title would read. */
  readonly headline: string;
  /** The declared headline the page would get instead (site name removed). */
  readonly declared: string;
  /** Every declared headline (JSON-LD, og:title, `<title>`), site names removed. */
  readonly heads: readonly string[];
  /** The JSON-LD headline, site name removed, or null. */
  readonly jsonLd: string | null;
  /** Whether the `<title>` carries a site name or section after a separator. */
  readonly titleHasSuffix: boolean;
  /** How many `<h1>` elements the page has. */
  readonly h1Count: number;
  /** Whether the `<h1>` sits inside `<article>` or `<main>`. */
  readonly inArticle: boolean;
}

/** Where the `<h1>` and a declared headline disagree: both, and what a choice between them could look at. */
export interface TitleChoice {
  readonly choice: TitleChoiceInput;
  /** The `<h1>` as the title would read. */
  readonly headline: string;
  readonly element: DomElement;
}

/** The title, or the two readings to choose from (`src/train/title-choice.ts` studies that choice). */
export function readTitle(doc: DomDocument, declared: DeclaredTitles, site: SiteIdentity): PickedTitle | TitleChoice {
  const full = [declared.jsonLd, declared.og, declared.html].map((s) => (s ? declaredText(s) : '')).filter((s) => s !== '');
  const heads = declaredHeadlines(declared, site);
  const fallback = mostDeclared(heads);

  const h1s = toArray(doc.querySelectorAll('h1'));
  let best: { el: DomElement; text: string; score: number; covered: number } | null = null;
  for (const el of h1s.slice(0, 8)) {
    const text = (el.textContent ?? '').length > 1000 ? '' : lineText(el);
    if (text === '' || text.length > 300 || words(text).size === 0) continue;
    // The site's name as a logo; only the whole name, as a headline may start with it ("Digjitale Signal #18 – …" on digjitale.com).
    if (namesSite(text, site, true) || full.some((f) => isSitePart(text, f, site))) continue;
    const score = Math.max(0, ...full.flatMap((f) => titleReadings(f).map((r) => overlap(text, r))));
    if (!best || score > best.score) best = { el, text, score, covered: covered(text, full) };
  }
  if (!best) return { title: fallback, element: null };
  if (full.length === 0 || !fallback) return { title: decodeEntities(best.text), element: best.el };

  const inner = declaredInside(best.text, heads);
  if (inner) return { title: inner, element: best.el };
  if (best.covered < MIN_COVERED || isLabel(best.text, fallback)) return { title: fallback, element: best.el };
  const headline = tidyHeadline(best.text, heads, site);
  if (letters(headline) === letters(fallback)) return { title: headline, element: best.el };
  const jsonLd = declared.jsonLd ? withoutSiteName(declaredText(declared.jsonLd), site, true) : null;
  return {
    headline,
    element: best.el,
    choice: {
      headline, declared: fallback, heads, jsonLd,
      titleHasSuffix: declared.html !== null && SITE_SEPARATOR.test(declared.html),
      h1Count: h1s.length,
      inArticle: best.el.closest('article, main, [itemprop~="articleBody"]') !== null,
    },
  };
}

/** The declared headline most of the others agree with, the more trusted on a tie ("Actuary's Industry Choice" in `<title>` and og:title over JSON-LD's longer one). */
function mostDeclared(heads: readonly string[]): string | null {
  let best: string | null = null;
  let votes = 0;
  for (const h of heads) {
    const v = heads.filter((o) => letters(o) === letters(h)).length;
    if (v > votes) { best = h; votes = v; }
  }
  return best;
}

/** Whether `text` is the part of a declared "Headline | Site" title that names the site ("Filmmaker" beside "… - Filmmaker Magazine"). */
function isSitePart(text: string, title: string, site: SiteIdentity): boolean {
  const parts = title.split(SITE_SEPARATOR);
  return parts.slice(1).some((p) => norm(p) === norm(text) && namesSite(p, site));
}

/**
 * The declared titles without their site names, most trusted first. A headline cut short
 * ("… (Including", "Reflections on…") gives way to a declared title that continues it.
 */
function declaredHeadlines(declared: DeclaredTitles, site: SiteIdentity): string[] {
  const list = [
    declared.jsonLd, declared.og, declared.html,
  ].filter((s): s is string => !!s).map((s) => withoutSiteName(declaredText(s), site, true)).filter((s) => s !== '');
  return list.map((h) => {
    const cut = /(?:\.\.\.|…)$/.test(h);
    const stem = norm(h).replace(/\s*(?:\.\.\.|…)$/, '');
    // Cut short: it ends in an ellipsis, or the other goes on with a word mid-sentence.
    return list.find((o) => o.length > h.length && norm(o).startsWith(stem) && (cut || (!/[.!?:]$/.test(stem) && /^ [\p{L}\p{N}]/u.test(norm(o).slice(stem.length))))) ?? h;
  });
}

/**
 * A one-to-three-word `<h1>` beside a declared headline that says more, and does not begin
 * or end it, is a section label ("VPN Services" on "Private VPN Service Recommendations and
 * Comparison", "Discord" on "How we pwned X, Vercel, Cursor, Discord, and hundreds of
 * companies"), where "The Fold-and-Cut Problem" in "The Fold-and-Cut Problem (Erik Demaine)"
 * is the headline in short.
 */
function isLabel(headline: string, declaredHeadline: string): boolean {
  const h = headline.split(/\s+/).length;
  const d = letterWords(declaredHeadline);
  const w = letterWords(headline);
  return h <= 3 && words(declaredHeadline).size >= words(headline).size + 2 && !d.startsWith(`${w} `) && !d.endsWith(` ${w}`);
}

const letterWords = (s: string) => (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');

/**
 * The `<h1>` without a site name printed after it ("Critics’ Choice: Best UK Art Exhibitions
 * 2025 – Artlyst"), and as the page declares it when the visible one differs only by typography
 * ("Hasn’t" vs "Hasn't").
 */
function tidyHeadline(headline: string, heads: readonly string[], site: SiteIdentity): string {
  const text = withoutSiteName(decodeEntities(headline), site);
  // Only a bar or a bullet sets a site or section name apart in a visible headline; a dash
  // belongs to it ("Best Bread Machines – My Favorites!").
  const parts = text.split(/\s+(?:\||•|·|»|::)\s+/);
  const head = parts.length > 1 && heads.some((d) => norm(d) === norm(parts[0]!)) ? parts[0]!.trim() : text;
  const plain = (s: string) => norm(s).replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
  if (heads.includes(head)) return head;
  return heads.find((d) => plain(d) === plain(head)) ?? unbroken(head, heads) ?? head;
}

/**
 * The declared headline where the visible one has lost characters to a wrong encoding, each
 * shown as "?" or "�" ("Event Planning? Beginner? Guide" for "Event Planning: Beginner's Guide").
 */
function unbroken(headline: string, heads: readonly string[]): string | null {
  const broken = (s: string) => (s.match(/[?\ufffd]/g) ?? []).length;
  // A few lost characters at most: each one multiplies the ways the pattern can match.
  if (broken(headline) === 0 || broken(headline) > 4) return null;
  const escaped = norm(headline).replace(/[.*+^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^${escaped.replace(/[?\ufffd]/g, '(?:[?\ufffd]|[^?\ufffd]{1,2})')}$`, 'u');
  return heads.find((d) => broken(d) < broken(headline) && pattern.test(norm(d))) ?? null;
}

/**
 * The declared title when the `<h1>` holds it plus page furniture around it: a byline or date
 * ("… Security Posted on July 1, 2024 by infuy", "Dec 18 2025 Preparing a transition"), a one-word
 * label ("Title:", "Blog:") or a comment count ("(latimes.com) 87").
 */
function declaredInside(headline: string, heads: readonly string[]): string | null {
  const h = norm(decodeEntities(headline));
  for (const d of heads) {
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

/** "Headline | Site" → "Headline", kept for callers that know only the site's name. */
export function withoutSiteSuffix(title: string, siteName: string | null): string {
  return withoutSiteName(title, { names: siteName ? [siteName] : [], url: null }, true);
}
