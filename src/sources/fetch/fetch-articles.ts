import { isClaimtraceError } from '../../core/diagnostics.js';
import { decodeBytes } from '../../ingest/decode-bytes.js';
import { readFeed } from '../feeds/read-feed.js';
import { decodeHttpBody, type HeaderField } from '../warc/decode-http.js';
import { looksLikeHtml } from '../warc/read-warc.js';
import type { Expect, Fetcher } from './fetcher.js';

/** A URL to fetch: named on the command line, a line of a URL list, or a feed item's link. */
export interface UrlToFetch {
  readonly url: string;
  /** `page-or-feed` for URLs the user gave (a feed's items are then fetched too); `page` for feed links. */
  readonly expect: Expect;
  /** True when the user named this URL on the command line: its failure fails the command. */
  readonly named: boolean;
}

/** A fetched page, named by its place in the WARC (`<warc>#offset=N`), or a URL that failed. */
export type FetchedArticle =
  | { readonly kind: 'article'; readonly location: string; readonly url: string; readonly fromWarc: boolean; readonly named: boolean }
  | { readonly kind: 'failure'; readonly location: string; readonly code: string; readonly message: string; readonly named: boolean };

export interface FetchArticlesOptions {
  readonly fetcher: Fetcher;
  /** Pages an earlier run wrote to the WARC, by URL (`pagesInWarc`): taken from there, not fetched. */
  readonly known?: ReadonlyMap<string, string>;
  readonly maxBytes?: number;
  /** Each page or failure as soon as its URL is done (in the order they finish), before `onFetched`. */
  readonly onResult?: (found: FetchedArticle) => void;
  /** Called as each URL is done (fetched, taken from the WARC, or failed). */
  readonly onFetched?: (progress: { readonly done: number; readonly total: number; readonly url: string; readonly ok: boolean }) => void;
  /** Once aborted, no URL is started (give the fetcher the same signal to stop those waiting for a turn); URLs not reached are left out. */
  readonly signal?: AbortSignal;
}

// URLs being worked on at once (each waits for its host's turn in the fetcher, which keeps to its own limits).
const IN_FLIGHT = 256;
const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/xml', 'text/xml', 'application/x-rss+xml']);

/**
 * Fetches every URL (each once) and the links of the feeds among them, politely (see
 * `createFetcher`), and returns the pages as WARC locations for the corpus to analyse, in the
 * order the URLs were given (feeds' links after them), and a failure with a stable code for each
 * URL that could not be fetched. The WARC must be given to the fetcher. At most 256 URLs are
 * worked on at once, so a long list is not all in flight.
 */
export async function fetchArticles(urls: readonly UrlToFetch[], options: FetchArticlesOptions): Promise<FetchedArticle[]> {
  const seen = new Set<string>();
  const results: (FetchedArticle[] | undefined)[] = [];
  // URLs waiting for a runner; taken ones are cleared so a long list is not held twice.
  const queue: ({ readonly item: UrlToFetch; readonly index: number } | undefined)[] = [];
  let head = 0;
  let active = 0;
  let done = 0;
  let failure: { error: unknown } | null = null;
  let idle: (() => void)[] = [];
  const wakeAll = () => {
    const waiting = idle;
    idle = [];
    for (const wake of waiting) wake();
  };

  const add = (given: UrlToFetch): void => {
    // `HTTP://Example.org/a#top` and `http://example.org/a` are one page.
    const key = normalise(given.url);
    const item = key === null ? given : { ...given, url: key };
    if (seen.has(item.url)) return;
    seen.add(item.url);
    queue.push({ item, index: results.length });
    results.push(undefined);
    wakeAll();
  };

  // Runners take URLs in order; each waits for its host's turn in the fetcher. A feed adds its
  // links to the queue, so a runner finding it empty waits while others are still working.
  const runner = async (): Promise<void> => {
    while (!failure) {
      if (head < queue.length) {
        const { item, index } = queue[head]!;
        queue[head++] = undefined;
        active++;
        try {
          const found = await fetchOne(item);
          results[index] = found;
          for (const f of found) options.onResult?.(f);
          done++;
          options.onFetched?.({ done, total: results.length, url: item.url, ok: found.every((f) => f.kind === 'article') });
        } catch (error) {
          // A WARC that cannot be written: stop every runner.
          failure ??= { error };
        } finally {
          active--;
          if (failure || (head >= queue.length && active === 0)) wakeAll();
        }
        continue;
      }
      if (active === 0) return;
      await new Promise<void>((wake) => idle.push(wake));
    }
  };

  for (const item of urls) add(item);
  await Promise.all(Array.from({ length: IN_FLIGHT }, runner));
  if (failure) throw (failure as { error: unknown }).error;
  return results.flatMap((r) => r ?? []);

  async function fetchOne(item: UrlToFetch): Promise<FetchedArticle[]> {
    const failed = (code: string, message: string): FetchedArticle[] => [{ kind: 'failure', location: item.url, code, message, named: item.named }];
    const known = options.known?.get(item.url);
    if (known) return [{ kind: 'article', location: known, url: item.url, fromWarc: true, named: item.named }];
    if (options.signal?.aborted) return [];
    const outcome = await options.fetcher.fetch(item.url, item.expect);
    // Not reached before the stop: left out, to be fetched by the next run.
    if (!outcome.ok && outcome.code === 'E_INTERRUPTED') return [];
    if (!outcome.ok) return failed(outcome.code, outcome.message);
    const feed = item.expect === 'page-or-feed' ? looksLikeFeed(outcome.mediaType, outcome.body, outcome.headers, options.maxBytes) : null;
    if (feed !== null) {
      let items;
      try {
        const declared = outcome.charset ?? /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)/.exec(feed.subarray(0, 200).toString('latin1'))?.[1] ?? null;
        items = readFeed(decodeBytes(feed, { name: item.url, declaredCharset: declared }).text, { url: outcome.finalUrl, name: item.url }).items;
      } catch (e) {
        if (!isClaimtraceError(e)) throw e;
        return failed(e.code, e.message);
      }
      const out: FetchedArticle[] = [];
      for (const [n, feedItem] of items.entries()) {
        if (feedItem.url) add({ url: feedItem.url, expect: 'page', named: false });
        else out.push({ kind: 'failure', location: `${item.url}#item=${n + 1}`, code: 'E_NO_ARTICLE', message: `The item ${n + 1} of the feed ${item.url} has no link to fetch.`, named: false });
      }
      return out;
    }
    // As the WARC reader will decide when it reads the page back.
    if (outcome.mediaType === null && !looksLikeHtml(outcome.body)) {
      return failed('E_FETCH_NOT_HTML', `${outcome.finalUrl} has no Content-Type and does not look like an HTML page.`);
    }
    if (!outcome.written) throw new TypeError('Expected the fetcher to write to a WARC: fetched pages are read back from it.');
    return [{ kind: 'article', location: outcome.written.location, url: item.url, fromWarc: false, named: item.named }];
  }
}

/** The decoded body when the response is an RSS/Atom/RDF feed (by Content-Type, else by its root element); null for a page. */
function looksLikeFeed(mediaType: string | null, body: Buffer, headers: readonly HeaderField[], maxBytes = 20 * 1024 * 1024): Buffer | null {
  if (mediaType !== null && !FEED_TYPES.has(mediaType)) return null;
  const decoded = decodeHttpBody(body, headers, maxBytes);
  const bytes = decoded.ok ? decoded.bytes : body;
  if (mediaType !== null) return bytes;
  const head = bytes.subarray(0, 1024).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart();
  return /^(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:RDF)[\s>]/i.test(head) ? bytes : null;
}

/** The URL as the fetcher will ask for it (WHATWG-normalised, no fragment); null when it is not one (the fetcher says why). */
function normalise(url: string): string | null {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}
