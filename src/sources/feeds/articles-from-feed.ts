import type { ArticleInput } from '../../core/document.js';
import { isClaimtraceError } from '../../core/diagnostics.js';
import { extractHtml } from '../../ingest/extract-html.js';
import type { SourcedArticle } from '../warc/articles-from-warc.js';
import { htmlToText, type Feed, type FeedItem } from './read-feed.js';

/** A feed item that carries no full text: its page has to be fetched. */
export interface FeedLink {
  readonly id: string;
  readonly url: string;
  readonly fetch: true;
  readonly item: FeedItem;
}

export type FeedEntry = SourcedArticle | FeedLink;

export interface FeedEntriesOptions {
  /** How to name the feed in ids and messages (its path or URL). */
  readonly name?: string;
  /** Content with less text than this is a teaser, and the item's page is fetched instead (default 400 characters). */
  readonly minFullText?: number;
}

const MIN_FULL_TEXT = 400;

/**
 * Sorts a feed's items into articles to analyse now (the feed carries the full text in
 * `content:encoded` or Atom `content`) and links to fetch (only a teaser or a link). An item with
 * neither link nor usable text is an `E_NO_ARTICLE` error. Feed metadata (title, authors,
 * date, link) wins over what extraction finds in the content, which has no page head.
 */
export function feedEntries(feed: Feed, options: FeedEntriesOptions = {}): FeedEntry[] {
  const name = options.name ?? 'feed';
  const minFullText = options.minFullText ?? MIN_FULL_TEXT;
  return feed.items.map((item, index): FeedEntry => {
    const id = `${name}#${item.id ?? item.url ?? `item=${index + 1}`}`;
    const html = item.content ?? item.summary;
    const textLength = html ? htmlToText(html).length : 0;
    const full = item.content !== null && textLength >= minFullText;
    if (!full && item.url) return { id, url: item.url, fetch: true, item };
    if (!html || textLength === 0) {
      return { id, url: item.url, error: { code: 'E_NO_ARTICLE', message: `The item ${index + 1} of \`${name}\` has neither a link nor any text.` } };
    }
    try {
      return { id, url: item.url, input: itemToArticle(item, html, id) };
    } catch (e) {
      if (!isClaimtraceError(e)) throw e;
      return { id, url: item.url, error: { code: e.code, message: e.message } };
    }
  });
}

/** One item's HTML as an `ArticleInput`, with the feed's metadata. */
export function itemToArticle(item: FeedItem, html: string, name: string): ArticleInput {
  const title = item.title ? `<title>${escapeHtml(item.title)}</title>` : '';
  const page = `<!doctype html><html><head><meta charset="utf-8">${title}</head><body><article>${html}</article></body></html>`;
  const extracted = extractHtml(page, { url: item.url, name });
  const meta = extracted.meta;
  return {
    text: extracted.text,
    source: { path: name, format: 'html', encoding: 'utf-8', bytes: Buffer.byteLength(html) },
    meta: {
      ...meta,
      title: item.title ?? meta.title,
      authors: item.authors.length > 0 ? item.authors : meta.authors,
      published: item.published ?? meta.published,
      url: item.url ?? meta.url,
    },
    blocks: extracted.blocks,
    links: extracted.links,
    diagnostics: extracted.diagnostics,
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
