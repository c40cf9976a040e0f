import { ClaimtraceError } from '../core/diagnostics.js';

/**
 * Codes for problems in article sources (WARC archives, feeds). A bad record is a failure item
 * for that record and reading goes on; only a source that cannot be read at all throws.
 * Codes are stable: add new ones, never rename.
 */
export const SOURCE_ERROR_CODES = Object.freeze({
  E_WARC_TRUNCATED: 'A WARC record or gzip member ends before its declared length (a cut-off download); reading stops there.',
  E_WARC_CORRUPT: 'A WARC record or gzip member is malformed (bad header, wrong length, broken compression or encoding); reading goes on at the next record.',
  E_WARC_ENCODING: 'A response body uses a Content-Encoding that cannot be undone (unknown, such as zstd, or damaged); the record is skipped.',
  E_WARC_UNSEEKABLE: 'The WARC is gzipped as one whole file, so its records cannot be read one by one for a corpus; recompress it one record per gzip member (e.g. `warcio recompress`).',
  E_NEEDS_FETCH: 'A feed item carries only a link (or a teaser): its page must be fetched, which ingest does not do yet.',
  E_FEED_INVALID: 'The input is not a well-formed RSS 2.0, RSS 1.0 (RDF) or Atom feed.',
} as const);

export type SourceErrorCode = keyof typeof SOURCE_ERROR_CODES;

export function sourceError(code: SourceErrorCode, message: string, cause?: unknown): ClaimtraceError {
  return new ClaimtraceError(code, message, cause === undefined ? undefined : { cause });
}
