import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { diagnostic, type Diagnostic } from '../core/diagnostics.js';
import type { ArticleMeta, Block, Link } from '../core/document.js';
import type { DomDocument, DomElement } from './dom-types.js';
import { flattenDeepHtml } from './flatten-deep-html.js';
import { htmlToBlocks, type BlocksText, type DomNode, type TextSources } from './html-to-blocks.js';
import { inputError } from './input-error-codes.js';
import { normaliseDate } from './normalise-date.js';
import { pruneBlocks } from './prune-blocks.js';
import { readPageMetadata } from './read-page-metadata.js';
import { elementRanges, markTextSources } from './source-positions.js';
import { splitAuthors } from './split-authors.js';

export interface ExtractHtmlOptions {
  /** The page's own URL, to resolve relative links against (a `<base>` in the page wins, as in browsers). */
  readonly url?: string | null;
  /** How to name the input in messages. */
  readonly name?: string;
  /**
   * Also return `sourceMap`, tracing each block to its element in `html` (default false: it
   * costs about a tenth more time, an extra tokenising pass and an attribute per element).
   */
  readonly sourceMap?: boolean;
}

export interface ExtractedHtml {
  readonly text: string;
  readonly blocks: readonly Block[];
  readonly links: readonly Link[];
  readonly meta: ArticleMeta;
  readonly diagnostics: readonly Diagnostic[];
  /**
   * Where each block came from in the HTML given (see docs/provenance-map.md, "Source map"):
   * one entry per block, in order. Null unless asked for (`options.sourceMap`), and when the
   * page could not be mapped (it was flattened because it nests too deep).
   */
  readonly sourceMap: readonly BlockSource[] | null;
}

/**
 * A block of the text (`start`/`end`, as in `blocks`) and the element it came from in the HTML
 * string given to `extractHtml` (`htmlStart`/`htmlEnd`, UTF-16 offsets from the element's `<`
 * to just past its end tag; null when the element was made by the extractor).
 */
export interface BlockSource {
  readonly start: number;
  readonly end: number;
  readonly htmlStart: number | null;
  readonly htmlEnd: number | null;
}

/** The fields of Readability's result we read (`content` is the element, via our serializer). */
interface ReadabilityArticle {
  readonly title?: string | null;
  readonly byline?: string | null;
  readonly lang?: string | null;
  readonly siteName?: string | null;
  readonly publishedTime?: string | null;
  readonly content?: DomElement | null;
}

/** Readability needs this much article text before it trusts a candidate (its default is 500). */
const CHAR_THRESHOLD = 500;

/**
 * Finds the article in an HTML page (Mozilla Readability on a linkedom DOM) and turns it into
 * one text with block and link spans, plus the page's metadata. When Readability finds nothing,
 * the whole body's text is used, with a diagnostic. A page with no visible text throws
 * `E_NO_ARTICLE`: the user asked for this page, so an empty document would hide the failure.
 */
export function extractHtml(html: string, options: ExtractHtmlOptions = {}): ExtractedHtml {
  if (typeof html !== 'string') throw new TypeError(`Expected HTML as a string, not \`${html === null ? 'null' : typeof html}\`.`);
  const name = options.name ?? 'the page';
  const shown = name === '-' ? 'standard input' : `\`${name}\``;
  const pageUrl = absoluteHttpUrl(options.url ?? null);
  const diagnostics: Diagnostic[] = [];

  const flat = flattenDeepHtml(html);
  if (flat.flattened) {
    diagnostics.push(diagnostic('input/html-flattened', `${shown} nests elements ${flat.depth} deep; tags below depth 200 were dropped (their text kept) before extraction.`));
  }
  const wantMap = options.sourceMap === true && !flat.flattened;
  const parsed = parseDocument(flat.html, wantMap);
  const doc = parsed.document;
  const base = documentBase(doc, pageUrl);
  const meta = readPageMetadata(doc, pageUrl);
  const resolveUrl = linkResolver(base);

  let extracted: BlocksText | null = null;
  let article: ReadabilityArticle | null = null;
  try {
    // Readability resolves links against `document.baseURI`, which linkedom leaves empty:
    // make them absolute first so what it keeps is what we resolve.
    absolutiseLinks(doc, resolveUrl);
    const reader = new Readability(doc as unknown as ConstructorParameters<typeof Readability>[0], {
      serializer: (el) => el as unknown as DomElement,
      charThreshold: CHAR_THRESHOLD,
    });
    article = reader.parse() as ReadabilityArticle | null;
  } catch (cause) {
    diagnostics.push(diagnostic('input/no-readable-article', `Readability failed on ${shown} (${cause instanceof Error ? cause.message : String(cause)}); used the whole page text instead.`));
  }
  if (article?.content) {
    extracted = htmlToBlocks(article.content as unknown as DomNode, resolveUrl, parsed.textSources);
    extracted = pruneBlocks(extracted);
    if (extracted.text.trim() === '') extracted = null;
  }
  if (!extracted) {
    // Readability changes the document it reads; take the body text from a fresh parse.
    // Same source, same element ordinals: the first parse's ranges serve this one's text too.
    const freshParse = parseDocument(flat.html, wantMap);
    const fresh = freshParse.document;
    const body = fresh.body ?? fresh.documentElement;
    extracted = body ? htmlToBlocks(body as unknown as DomNode, resolveUrl, freshParse.textSources) : null;
    if (!extracted || extracted.text.trim() === '') {
      throw inputError('E_NO_ARTICLE', `${shown} has no visible text (only scripts, styles or markup), so there is no article to read. If the page builds its text with JavaScript, save it from a browser first.`);
    }
    if (article !== null || diagnostics.every((d) => d.code !== 'input/no-readable-article')) {
      diagnostics.push(diagnostic('input/no-readable-article', `Readability found no article in ${shown}; used the whole page text instead, which may include navigation and other page furniture.`));
    }
  }
  if (extracted.unresolvedLinks > 0) {
    diagnostics.push(diagnostic('input/unresolved-links', `${extracted.unresolvedLinks} link(s) in ${shown} were dropped: their URL could not be made absolute (no page URL to resolve against, or a malformed href).`, { severity: 'info' }));
  }

  const byline = article?.byline ? splitAuthors(article.byline) : [];
  const merged: ArticleMeta = {
    title: meta.title ?? (article?.title?.trim() || null),
    authors: meta.authors.length > 0 ? meta.authors : byline.length > 0 ? byline : meta.siteAuthors,
    published: meta.published ?? normaliseDate(article?.publishedTime ?? null),
    modified: meta.modified,
    siteName: meta.siteName ?? (article?.siteName?.trim() || null),
    url: meta.url,
    language: meta.language ?? (article?.lang?.trim() || null),
  };
  return { text: extracted.text, blocks: extracted.blocks, links: extracted.links, meta: merged, diagnostics, sourceMap: sourceMapOf(extracted, parsed) };
}

function sourceMapOf(extracted: BlocksText, parsed: ParsedDocument): readonly BlockSource[] | null {
  const { ranges, toOriginal } = parsed;
  if (!ranges) return null;
  return extracted.blocks.map((b, i) => {
    const src = extracted.sources[i] ?? -1;
    const known = src >= 0 && 2 * src + 1 < ranges.length;
    return {
      start: b.start,
      end: b.end,
      htmlStart: known ? toOriginal(ranges[2 * src]!) : null,
      htmlEnd: known ? toOriginal(ranges[2 * src + 1]!) : null,
    };
  });
}

interface ParsedDocument {
  readonly document: DomDocument;
  /** Element ranges in the parsed source (see `elementRanges`) and its text nodes' elements, when mapped. */
  readonly ranges: Int32Array | null;
  readonly textSources: TextSources | undefined;
  /** A parsed-source offset → the offset in the HTML given (the source may have a `<body>` added). */
  readonly toOriginal: (offset: number) => number;
}

/**
 * Parses with linkedom, first giving body-less markup a `<body>` (linkedom has no HTML5 tree
 * builder to infer one). With `mark`, every element is marked with its ordinal in the source
 * (`markSourceElements`) before anything moves it, for the source map.
 */
function parseDocument(html: string, mark: boolean): ParsedDocument {
  let source = html;
  // Characters inserted at `insertedAt` (a `<body>` tag or a wrapper), to map offsets back.
  let insertedAt = 0;
  let inserted = 0;
  if (!/<body[\s>]/i.test(html)) {
    const headEnd = /<\/head\s*>/i.exec(html);
    const htmlStart = /<html\b[^>]*>/i.exec(html);
    const at = headEnd ? headEnd.index + headEnd[0].length : htmlStart ? htmlStart.index + htmlStart[0].length : -1;
    if (at >= 0) {
      source = html.slice(0, at) + '<body>' + html.slice(at) + '</body>';
      insertedAt = at;
      inserted = '<body>'.length;
    } else {
      source = `${WRAPPER}${html}</body></html>`;
      inserted = WRAPPER.length;
    }
  }
  let { document } = parseHTML(source) as unknown as { document: DomDocument };
  if (document.documentElement?.nodeName.toUpperCase() !== 'HTML' || !document.querySelector('body')) {
    source = `${WRAPPER}${html}</body></html>`;
    insertedAt = 0;
    inserted = WRAPPER.length;
    ({ document } = parseHTML(source) as unknown as { document: DomDocument });
  }
  let ranges: Int32Array | null = null;
  let textSources: TextSources | undefined;
  if (mark) {
    const found = elementRanges(source);
    textSources = markTextSources(document, found) ?? undefined;
    if (textSources) ranges = found;
  }
  repairBody(document);
  const end = html.length;
  const toOriginal = (offset: number): number => {
    // Offsets inside the added markup fall on the point where it was added.
    const o = offset <= insertedAt ? offset : offset < insertedAt + inserted ? insertedAt : offset - inserted;
    return Math.max(0, Math.min(o, end));
  };
  return { document, ranges, textSources, toOriginal };
}

const WRAPPER = '<!DOCTYPE html><html><head></head><body>';

/**
 * linkedom's `document.body` is whatever element follows `<head>`: a `<script>` between
 * `</head>` and `<body>` (common on WordPress pages) would become "the body" and hide the page.
 * Move such strays into the real `<body>`, keeping their order.
 */
function repairBody(document: DomDocument): void {
  const body = document.querySelector('body') as unknown as MutableNode | null;
  const head = document.head as unknown as MutableNode | null;
  if (!body || !head || (document.body as unknown) === body || head.parentNode !== body.parentNode) return;
  const firstChild = body.firstChild;
  for (let n = head.nextSibling; n && n !== body; ) {
    const next = n.nextSibling;
    body.insertBefore(n, firstChild);
    n = next;
  }
}

interface MutableNode {
  readonly parentNode: MutableNode | null;
  readonly firstChild: MutableNode | null;
  readonly nextSibling: MutableNode | null;
  insertBefore(node: MutableNode, before: MutableNode | null): void;
}

function absoluteHttpUrl(raw: string | null): string | null {
  if (!raw) return null;
  try {
    const u = new URL(raw);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** The URL relative links resolve against: `<base href>` (itself resolved against the page URL), the page URL, then the canonical URL. */
function documentBase(doc: DomDocument, pageUrl: string | null): string | null {
  const baseHref = doc.querySelector('base[href]')?.getAttribute('href')?.trim();
  if (baseHref) {
    try {
      const u = new URL(baseHref, pageUrl ?? undefined);
      if (u.protocol === 'http:' || u.protocol === 'https:') return u.href;
    } catch {
      // a relative <base> without a page URL: fall through
    }
  }
  if (pageUrl) return pageUrl;
  const canonical = doc.querySelector('link[rel~="canonical"]')?.getAttribute('href') ?? doc.querySelector('meta[property="og:url"]')?.getAttribute('content');
  return absoluteHttpUrl(canonical?.trim() ?? null);
}

const KEPT_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'ftp:']);

/** Resolves an `href` to an absolute URL; null for in-page anchors, `javascript:`/`data:` and unresolvable ones. */
function linkResolver(base: string | null): (href: string) => string | null {
  return (href) => {
    const h = href.trim();
    if (h === '' || h.startsWith('#')) return null;
    try {
      const u = new URL(h, base ?? undefined);
      return KEPT_SCHEMES.has(u.protocol) ? u.href : null;
    } catch {
      return null;
    }
  };
}

function absolutiseLinks(doc: DomDocument, resolveUrl: (href: string) => string | null): void {
  const anchors = doc.querySelectorAll('a[href]');
  for (let i = 0; i < anchors.length; i++) {
    const a = anchors[i]!;
    const url = resolveUrl(a.getAttribute('href') ?? '');
    if (url) a.setAttribute('href', url);
  }
}
