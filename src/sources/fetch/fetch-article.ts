import type { ArticleInput } from '../../core/document.js';
import { ClaimtraceError } from '../../core/diagnostics.js';
import { sourceError } from '../source-error-codes.js';
import { decodeHttpBody } from '../warc/decode-http.js';
import { htmlResponseToArticle } from '../warc/articles-from-warc.js';
import { createFetcher, type FetcherOptions } from './fetcher.js';

/**
 * One page fetched politely (robots.txt, timeouts, retries; see `createFetcher`) and read as an
 * article, for `claimtrace analyze <url>` and `claimtrace report <url>`: the body's content
 * encoding undone, its charset taken from the HTTP header (else the page's own), the main text
 * extracted with the URL for links and metadata. Throws `ClaimtraceError` with an `E_FETCH_*`
 * code, or the input codes of a page (`E_NO_ARTICLE`, `E_BINARY`, …).
 */
export async function fetchArticle(url: string, options: FetcherOptions = {}): Promise<ArticleInput> {
  const fetcher = createFetcher(options);
  try {
    const outcome = await fetcher.fetch(url, 'page');
    if (!outcome.ok) throw new ClaimtraceError(outcome.code, outcome.message);
    const maxBytes = options.maxBytes ?? 20 * 1024 * 1024;
    const body = decodeHttpBody(outcome.body, outcome.headers, maxBytes);
    if (!body.ok) throw body.code === 'E_TOO_LARGE' ? sourceError('E_FETCH_TOO_LARGE', `${url}: ${body.message}`) : sourceError(body.code, `${url}: ${body.message}`);
    return htmlResponseToArticle({ url: outcome.finalUrl, charset: outcome.charset, body: body.bytes }, url);
  } finally {
    fetcher.close();
  }
}
