import { readFile } from 'node:fs/promises';
import { DomHandler, DomUtils, Parser, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { decodeBytes } from '../../ingest/decode-bytes.js';
import { inputError } from '../../ingest/input-error-codes.js';
import { normaliseDate } from '../../ingest/normalise-date.js';
import { sourceError } from '../source-error-codes.js';

export type FeedKind = 'rss' | 'rdf' | 'atom';

/** One item (RSS) or entry (Atom). Missing fields are null. */
export interface FeedItem {
  /** `<guid>`, `<id>` or `rdf:about`, as written. */
  readonly id: string | null;
  /** The article's absolute URL. */
  readonly url: string | null;
  /** Plain text. */
  readonly title: string | null;
  /** ISO 8601, from `pubDate`, `dc:date`, `published` (or `updated`). */
  readonly published: string | null;
  readonly authors: readonly string[];
  /** HTML: `description` or Atom `summary`. */
  readonly summary: string | null;
  /** HTML: `content:encoded` or Atom `content`; the full article when the feed carries it. */
  readonly content: string | null;
}

export interface Feed {
  readonly kind: FeedKind;
  readonly title: string | null;
  /** The site's URL, as the feed gives it. */
  readonly url: string | null;
  readonly items: readonly FeedItem[];
}

export interface ReadFeedOptions {
  /** The feed's own URL, to resolve relative links against. */
  readonly url?: string | null;
  /** How to name the feed in messages. */
  readonly name?: string;
}

/**
 * Reads an RSS 2.0, RSS 1.0 (RDF) or Atom feed with htmlparser2 in XML mode. Throws
 * `E_FEED_INVALID` (a `ClaimtraceError`) for input that is not XML, XML that is not a feed, and
 * elements left open (a cut-off download): a feed read halfway would silently lose items.
 */
export function readFeed(xml: string, options: ReadFeedOptions = {}): Feed {
  if (typeof xml !== 'string') throw new TypeError(`Expected the feed as a string, not \`${xml === null ? 'null' : typeof xml}\`.`);
  const shown = `\`${options.name ?? 'the feed'}\``;
  const text = xml.replace(/^\uFEFF/, '').trimStart();
  if (!text.startsWith('<')) {
    throw sourceError('E_FEED_INVALID', `${shown} is not XML: it starts with \`${text.slice(0, 30)}\`${text.length > 30 ? '…' : ''}, not a tag. Expected an RSS or Atom feed.`);
  }
  const root = parseXml(text, shown);
  const kind: FeedKind | null = root.name === 'rss' ? 'rss' : root.name === 'rdf:RDF' ? 'rdf' : root.name === 'feed' ? 'atom' : null;
  if (!kind) throw sourceError('E_FEED_INVALID', `${shown} is not a feed: its root element is <${root.name}>, not <rss>, <rdf:RDF> or <feed>.`);
  const base = absoluteUrl(options.url ?? null, null);
  return kind === 'atom' ? readAtom(root, base) : readRss(root, kind, base);
}

/** Reads a feed file (any encoding `decodeBytes` knows; the XML declaration's is used when the bytes are not UTF-8). */
export async function readFeedFile(path: string, options: Omit<ReadFeedOptions, 'name'> = {}): Promise<Feed> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw inputError(code === 'ENOENT' ? 'E_NOT_FOUND' : code === 'EISDIR' ? 'E_IS_DIRECTORY' : 'E_UNREADABLE', `\`${path}\` ${code === 'ENOENT' ? 'does not exist' : 'could not be read'}.`, e);
  }
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)/.exec(bytes.subarray(0, 200).toString('latin1'))?.[1] ?? null;
  const { text } = decodeBytes(bytes, { name: path, declaredCharset: declared });
  return readFeed(text, { ...options, name: path });
}

/** Parses XML into a tree and returns the root element; throws when an element is left open. */
function parseXml(text: string, shown: string): Element {
  const unclosed: string[] = [];
  let parser: Parser | null = null;
  // htmlparser2 forgives what XML forbids: it closes open elements itself and reports them as
  // "implied". A self-closing tag (`<link href="…"/>`) is reported the same way, so tell them apart by the source.
  class CheckedHandler extends DomHandler {
    override onclosetag(name?: string, implied?: boolean): void {
      if (implied && parser && !(text[parser.endIndex - 1] === '/' && text[parser.endIndex] === '>')) unclosed.push(name ?? '?');
      super.onclosetag();
    }
  }
  const handler = new CheckedHandler();
  parser = new Parser(handler, { xmlMode: true });
  parser.end(text);
  if (unclosed.length > 0) {
    throw sourceError('E_FEED_INVALID', `${shown} is not well-formed XML: <${unclosed[0]}> is never closed${unclosed.length > 1 ? ` (nor ${unclosed.length - 1} more)` : ''}; the feed is cut off or broken.`);
  }
  const root = handler.root.children.find((n): n is Element => n.type === 'tag');
  if (!root) throw sourceError('E_FEED_INVALID', `${shown} holds no XML element.`);
  return root;
}

function readRss(root: Element, kind: 'rss' | 'rdf', feedUrl: string | null): Feed {
  const channel = child(root, 'channel');
  const siteUrl = absoluteUrl(text(child(channel, 'link')), feedUrl);
  const base = siteUrl ?? feedUrl;
  // RSS 2.0 nests items in the channel; RSS 1.0 puts them beside it.
  const itemElements = kind === 'rss' ? children(channel, 'item') : children(root, 'item');
  const items = itemElements.map((item): FeedItem => {
    const guid = child(item, 'guid');
    const permalink = guid && guid.attribs['isPermaLink'] !== 'false' ? text(guid) : null;
    return {
      id: text(guid) ?? item.attribs['rdf:about'] ?? null,
      url: absoluteUrl(text(child(item, 'link')) ?? permalink ?? item.attribs['rdf:about'] ?? null, base),
      title: plain(text(child(item, 'title'))),
      published: normaliseDate(text(child(item, 'pubDate')) ?? text(child(item, 'dc:date'))),
      authors: unique([...children(item, 'dc:creator').map(text), ...children(item, 'author').map((a) => rssAuthor(text(a)))]),
      summary: text(child(item, 'description')),
      content: text(child(item, 'content:encoded')),
    };
  });
  return { kind, title: plain(text(child(channel, 'title'))), url: siteUrl, items };
}

function readAtom(root: Element, feedUrl: string | null): Feed {
  const feedBase = absoluteUrl(root.attribs['xml:base'] ?? null, feedUrl) ?? feedUrl;
  const siteUrl = atomLink(root, feedBase);
  const feedAuthors = atomAuthors(root);
  const items = children(root, 'entry').map((entry): FeedItem => {
    const base = absoluteUrl(entry.attribs['xml:base'] ?? null, feedBase) ?? feedBase;
    const authors = atomAuthors(entry);
    return {
      id: text(child(entry, 'id')),
      url: atomLink(entry, base),
      title: plain(atomText(child(entry, 'title'))),
      published: normaliseDate(text(child(entry, 'published')) ?? text(child(entry, 'updated'))),
      // An entry without authors has the feed's (RFC 4287 §4.2.1).
      authors: authors.length > 0 ? authors : feedAuthors,
      summary: atomText(child(entry, 'summary'), true),
      content: atomText(child(entry, 'content'), true),
    };
  });
  return { kind: 'atom', title: plain(atomText(child(root, 'title'))), url: siteUrl, items };
}

function atomAuthors(el: Element): string[] {
  return unique(children(el, 'author').map((a) => text(child(a, 'name'))));
}

/** The `alternate` link (the page itself), preferring HTML; else the first link with no `rel`. */
function atomLink(el: Element, base: string | null): string | null {
  const links = children(el, 'link').filter((l) => (l.attribs['rel'] ?? 'alternate') === 'alternate' && l.attribs['href']);
  const best = links.find((l) => /html/i.test(l.attribs['type'] ?? 'text/html')) ?? links[0];
  return absoluteUrl(best?.attribs['href'] ?? null, base);
}

/**
 * An Atom text construct as HTML (`asHtml`) or as written: `type="xhtml"` holds markup in a
 * `<div>`, `type="html"` escaped markup, `text` (the default) plain text, escaped for HTML.
 * `<content src="…">` has no text: null.
 */
function atomText(el: Element | null, asHtml = false): string | null {
  if (!el) return null;
  const type = el.attribs['type'] ?? 'text';
  if (type === 'xhtml') {
    const div = el.children.find((n): n is Element => n.type === 'tag');
    return nonEmpty(DomUtils.getInnerHTML(div ?? el, { xmlMode: false, decodeEntities: true }));
  }
  const value = text(el);
  if (value === null || !asHtml || type === 'html' || /html/i.test(type)) return value;
  return value.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** RSS `<author>` is an e-mail address, often with the name in brackets: `jo@example.com (Jo Bloggs)`. */
function rssAuthor(value: string | null): string | null {
  if (!value) return null;
  return /\(([^)]+)\)\s*$/.exec(value)?.[1]?.trim() ?? value;
}

/** The text of markup (a title may hold `<b>` or `&amp;amp;`). */
export function htmlToText(html: string): string {
  return DomUtils.textContent(parseDocument(html)).replace(/\s+/g, ' ').trim();
}

function plain(value: string | null): string | null {
  return value === null ? null : nonEmpty(/[<&]/.test(value) ? htmlToText(value) : value.replace(/\s+/g, ' ').trim());
}

function child(el: Element | null, name: string): Element | null {
  return el?.children.find((n): n is Element => n.type === 'tag' && n.name === name) ?? null;
}

function children(el: Element | null, name: string): Element[] {
  return el?.children.filter((n): n is Element => n.type === 'tag' && n.name === name) ?? [];
}

/** Text content (CDATA included), trimmed; null when empty or missing. */
function text(el: Element | null): string | null {
  return el ? nonEmpty(DomUtils.textContent(el)) : null;
}

function nonEmpty(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function unique(values: readonly (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== null && v.trim() !== '').map((v) => v.trim()))];
}

/** An absolute http(s) URL, resolved against `base`; null when there is none. */
function absoluteUrl(value: string | null, base: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim(), base ?? undefined);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
