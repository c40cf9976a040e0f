import { createReadStream } from 'node:fs';
import { ClaimtraceError, isClaimtraceError } from '../core/diagnostics.js';
import type { ArticleInput } from '../core/document.js';
import { feedEntries } from './feeds/articles-from-feed.js';
import { readFeedFile } from './feeds/read-feed.js';
import { sourceError } from './source-error-codes.js';
import { pageToArticle } from './warc/articles-from-warc.js';
import { readWarc, type ReadWarcOptions } from './warc/read-warc.js';

/**
 * Articles inside container files, named by a location string that fits where a file path goes
 * (a corpus stores it as the article's source path): `<warc>#offset=<byte>` for a WARC record
 * (its gzip member in a `.warc.gz`), `<feed>#item=<n>` for a feed item. Listing reads the whole
 * container once, holding only locations; each article is then read on its own, in any thread.
 */
export type ArticleLocation =
  | { readonly kind: 'article'; readonly location: string; readonly url: string | null }
  /** A feed item with only a link (or a teaser), with `links: true`: its page is to be fetched. */
  | { readonly kind: 'link'; readonly location: string; readonly url: string }
  | { readonly kind: 'failure'; readonly location: string; readonly code: string; readonly message: string };

const WARC_FILE = /\.warc(\.gz)?$/i;
const FEED_FILE = /\.(rss|atom|xml)$/i;
const LOCATION = /^(.*)#(offset|item)=(\d+)$/;

/** True for a file that holds many articles (`.warc`, `.warc.gz`, `.rss`, `.atom`, `.xml`). */
export function isContainerFile(path: string): boolean {
  return WARC_FILE.test(path) || FEED_FILE.test(path);
}

/** True for a location made by `listArticleLocations` (`…#offset=N`, `…#item=N`). */
export function isArticleLocation(location: string): boolean {
  return LOCATION.test(location) && isContainerFile(LOCATION.exec(location)![1]!);
}

export interface ListArticleLocationsOptions extends ReadWarcOptions {
  /** Feed items with only a link come as `link` items (to fetch) instead of `E_NEEDS_FETCH` failures. */
  readonly links?: boolean;
}

/**
 * The articles in a WARC or feed file, as locations, and what could not be read, as failures.
 * Throws only when the file cannot be opened (`E_NOT_FOUND` …).
 */
export async function* listArticleLocations(path: string, options: ListArticleLocationsOptions = {}): AsyncGenerator<ArticleLocation, void, undefined> {
  if (!isContainerFile(path)) throw new TypeError(`Expected a .warc, .warc.gz, .rss, .atom or .xml file, not \`${path}\`.`);
  if (FEED_FILE.test(path)) {
    yield* listFeed(path, options.links ?? false);
    return;
  }
  for await (const record of readWarc(path, options)) {
    if (record.kind === 'failure') {
      yield { kind: 'failure', location: `${path}#offset=${record.fileOffset ?? record.offset}`, code: record.code, message: record.message };
    } else if (record.kind === 'page') {
      if (record.header.fileOffset === null) {
        const e = sourceError('E_WARC_UNSEEKABLE', `\`${path}\` is gzipped as one whole file: its records cannot be read one by one. Recompress it one record per gzip member (\`warcio recompress\`) or gunzip it.`);
        yield { kind: 'failure', location: path, code: e.code, message: e.message };
        return;
      }
      yield { kind: 'article', location: `${path}#offset=${record.header.fileOffset}`, url: record.header.targetUri };
    }
  }
}

async function* listFeed(path: string, links: boolean): AsyncGenerator<ArticleLocation, void, undefined> {
  let entries;
  try {
    entries = feedEntries(await readFeedFile(path), { name: path });
  } catch (e) {
    if (!isClaimtraceError(e)) throw e;
    yield { kind: 'failure', location: path, code: e.code, message: e.message };
    return;
  }
  for (const [index, entry] of entries.entries()) {
    const location = `${path}#item=${index + 1}`;
    if ('input' in entry) yield { kind: 'article', location, url: entry.url };
    else if ('error' in entry) yield { kind: 'failure', location, code: entry.error.code, message: entry.error.message };
    else if (links) yield { kind: 'link', location, url: entry.url };
    else yield { kind: 'failure', location, code: 'E_NEEDS_FETCH', message: `The feed item ${index + 1} has no full text; its page ${entry.url} must be fetched.` };
  }
}

/** Reads the article at a location; throws `ClaimtraceError` with the record's or item's code. */
export async function readArticleAt(location: string, options: ReadWarcOptions = {}): Promise<ArticleInput> {
  const m = LOCATION.exec(location);
  if (!m || !isContainerFile(m[1]!)) throw new TypeError(`Expected a location like \`file.warc.gz#offset=123\` or \`feed.xml#item=2\`, not \`${location}\`.`);
  const path = m[1]!;
  const n = Number(m[3]);
  if (m[2] === 'item') {
    const entry = feedEntries(await readFeedFile(path), { name: path })[n - 1];
    if (entry && 'input' in entry) return entry.input;
    throw entry && 'error' in entry ? new ClaimtraceError(entry.error.code, entry.error.message) : sourceError('E_NEEDS_FETCH', `\`${location}\` is not an article the feed carries in full.`);
  }
  const stream = createReadStream(path, { start: n, highWaterMark: 64 * 1024 });
  try {
    for await (const record of readWarc(stream, options)) {
      if (record.kind === 'page') return pageToArticle(record, location);
      if (record.kind === 'failure') throw new ClaimtraceError(record.code, record.message);
      break;
    }
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') throw new ClaimtraceError('E_NOT_FOUND', `\`${path}\` does not exist.`, { cause: e });
    throw e;
  } finally {
    stream.destroy();
  }
  throw sourceError('E_WARC_CORRUPT', `There is no HTML page record at \`${location}\`.`);
}
