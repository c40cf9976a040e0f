import { ClaimtraceError } from '../core/diagnostics.js';

/**
 * Codes for problems in article sources (WARC archives, feeds, fetched URLs). A bad record is a failure item
 * for that record and reading goes on; only a source that cannot be read at all throws.
 * Codes are stable: add new ones, never rename.
 */
export const SOURCE_ERROR_CODES = Object.freeze({
  E_WARC_TRUNCATED: 'A WARC record or gzip member ends before its declared length (a cut-off download); reading stops there.',
  E_WARC_CORRUPT: 'A WARC record or gzip member is malformed (bad header, wrong length, broken compression or encoding); reading goes on at the next record.',
  E_WARC_ENCODING: 'A response body uses a Content-Encoding that cannot be undone (unknown, such as zstd, or damaged); the record is skipped.',
  E_WARC_UNSEEKABLE: 'The WARC is gzipped as one whole file, so its records cannot be read one by one for a corpus; recompress it one record per gzip member (e.g. `warcio recompress`).',
  E_NEEDS_FETCH: 'A feed item carries only a link (or a teaser), or a URL was given, and fetching is off (`--no-fetch`): its page must be fetched.',
  E_FEED_INVALID: 'The input is not a well-formed RSS 2.0, RSS 1.0 (RDF) or Atom feed.',
  E_FETCH_URL: 'Not a URL that can be fetched (only http: and https:), or a line of a URL list that is not a URL.',
  E_FETCH_NETWORK: 'The host could not be reached: its name does not resolve (DNS), or the connection was refused or broken; retried first when it may pass.',
  E_WARC_LOCKED: 'Another claimtrace run is appending fetched pages to the same WARC (its lock file `<warc>.lock` names the process); two writers would interleave records. Wait for it, or choose another --warc-out.',
  E_FETCH_TLS: "The HTTPS server's certificate did not verify (self-signed, expired, wrong host, unknown authority); not retried. A private authority can be trusted with NODE_EXTRA_CA_CERTS.",
  E_FETCH_TIMEOUT: 'The server did not connect or answer in time (connect and total timeouts); retried first.',
  E_FETCH_HTTP: 'The server answered with an error status (4xx, 5xx) or asked to wait longer than we do; 429 and 5xx are retried first.',
  E_FETCH_ROBOTS: "The site's robots.txt does not allow claimtrace to fetch this URL (or robots.txt answered 5xx, which RFC 9309 says to take as a full disallow).",
  E_FETCH_TOO_LARGE: 'The response is larger than the size limit (`--max-bytes`, default 20 MiB); its download was stopped.',
  E_FETCH_NOT_HTML: 'The response is not an HTML page (nor, for a feed URL, an RSS or Atom feed): its Content-Type says otherwise.',
  E_FETCH_REDIRECTS: 'Too many redirects (more than 5), a redirect loop, or a redirect without a usable Location.',
} as const);

export type SourceErrorCode = keyof typeof SOURCE_ERROR_CODES;

export function sourceError(code: SourceErrorCode, message: string, cause?: unknown): ClaimtraceError {
  return new ClaimtraceError(code, message, cause === undefined ? undefined : { cause });
}
