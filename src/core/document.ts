import type { Diagnostic } from './diagnostics.js';
import type { Span } from './span.js';

/** Metadata of an article, from the HTML page or the caller. Unknown fields are null. */
export interface ArticleMeta {
  readonly title: string | null;
  readonly authors: readonly string[];
  /** ISO 8601 date or date-time of publication, when known. */
  readonly published: string | null;
  readonly modified: string | null;
  /** Outlet or site name as the page gives it ("The Guardian"). */
  readonly siteName: string | null;
  readonly url: string | null;
  readonly language: string | null;
}

export const emptyMeta: ArticleMeta = Object.freeze({
  title: null,
  authors: Object.freeze([]) as readonly string[],
  published: null,
  modified: null,
  siteName: null,
  url: null,
  language: null,
});

export type BlockKind = 'paragraph' | 'blockquote' | 'heading' | 'list-item' | 'preformatted';

/** A block of the article as the source marked it up (HTML) or laid it out (blank lines). */
export interface Block extends Span {
  readonly kind: BlockKind;
}

/** A hyperlink kept from HTML: the anchor text's span and its absolute URL. */
export interface Link extends Span {
  readonly url: string;
}

export interface SourceInfo {
  /** The input path as the user gave it (`-` for stdin). */
  readonly path: string;
  readonly format: 'text' | 'html';
  /** The encoding the bytes were decoded from (`utf-8`, `utf-16le`, `windows-1252` …). */
  readonly encoding: string;
  readonly bytes: number;
}

/**
 * The unit of work: one immutable text plus what the reader found around it.
 * Every stage reads this and adds a layer; nothing rewrites `text`.
 */
export interface ArticleInput {
  readonly text: string;
  readonly source: SourceInfo;
  readonly meta: ArticleMeta;
  /** Block structure from HTML; for plain text the structure stage derives it. */
  readonly blocks?: readonly Block[];
  readonly links?: readonly Link[];
  /** Problems met while reading (encoding guessed, no article found …). */
  readonly diagnostics?: readonly Diagnostic[];
  /**
   * For HTML read with a source map: each block's span in `text` and the range of its element in
   * the decoded page (UTF-16 offsets; null when the text was not in the page as parsed).
   */
  readonly sourceMap?: readonly HtmlSourceRange[];
}

export interface HtmlSourceRange {
  readonly start: number;
  readonly end: number;
  readonly htmlStart: number | null;
  readonly htmlEnd: number | null;
}
