import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import robotsParserModule from 'robots-parser';
import { ClaimtraceError, isClaimtraceError } from '../../core/diagnostics.js';
import { VERSION } from '../../version.js';
import { sourceError } from '../source-error-codes.js';
import { charsetOf, headerValue, mediaTypeOf, type HeaderField } from '../warc/decode-http.js';
import { HostLimiter } from './host-limiter.js';
import { httpGet, isTransient, type RawResponse } from './http-get.js';
import type { WarcOutput, WrittenResponse } from './warc-output.js';

export const DEFAULT_USER_AGENT = `claimtrace/${VERSION} (+https://www.npmjs.com/package/claimtrace)`;

export interface FetcherOptions {
  /** Sent with every request and matched against robots.txt (by its first word, `claimtrace`). */
  readonly userAgent?: string;
  /** Requests in flight to one host (default 2). */
  readonly perHost?: number;
  /** Requests in flight overall (default 16). */
  readonly concurrency?: number;
  /** Least time between the starts of two requests to one host (default 1,000 ms); a robots.txt Crawl-delay raises it (up to 60 s). */
  readonly hostDelayMs?: number;
  /** DNS plus TCP/TLS connect (default 10 s). */
  readonly connectTimeoutMs?: number;
  /** One request from start to last byte (default 30 s). */
  readonly timeoutMs?: number;
  /** Tries after the first, on network errors, timeouts, 429 and 5xx (default 2). */
  readonly retries?: number;
  /** First backoff; doubled per try, with jitter (default 1,000 ms). */
  readonly backoffMs?: number;
  /** Longest backoff or Retry-After waited for; a server asking for more fails the URL (default 120 s). */
  readonly maxWaitMs?: number;
  /** Redirects followed (default 5). */
  readonly maxRedirects?: number;
  /** Largest body (default 20 MiB). */
  readonly maxBytes?: number;
  /** Obey robots.txt (default true). */
  readonly robots?: boolean;
  /** Certificate authorities trusted for HTTPS besides the system's (PEM), e.g. a private one; NODE_EXTRA_CA_CERTS does the same for a whole run. */
  readonly ca?: string | Buffer | readonly (string | Buffer)[];
  /** Every complete response (pages, feeds, redirects, errors, robots.txt) is written here. */
  readonly warc?: WarcOutput | null;
  /** Once aborted, no new request is sent and those in flight are stopped: their URLs fail with `E_INTERRUPTED`. */
  readonly signal?: AbortSignal;
}

/** What a URL gave: the final response (2xx) and where it was written, or a failure with a stable code. */
export type FetchOutcome =
  | {
      readonly ok: true;
      /** The URL asked for. */
      readonly url: string;
      /** After redirects. */
      readonly finalUrl: string;
      readonly status: number;
      readonly headers: readonly HeaderField[];
      readonly mediaType: string | null;
      readonly charset: string | null;
      /** As sent (content encodings not undone). */
      readonly body: Buffer;
      readonly written: WrittenResponse | null;
    }
  | { readonly ok: false; readonly url: string; readonly code: string; readonly message: string };

/** `page`: HTML only. `page-or-feed`: HTML, or XML for an RSS/Atom feed. */
export type Expect = 'page' | 'page-or-feed';

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/xml', 'text/xml', 'application/x-rss+xml']);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_ROBOTS_BYTES = 512 * 1024;
const MAX_CRAWL_DELAY_MS = 60_000;

export interface Fetcher {
  fetch(url: string, expect?: Expect): Promise<FetchOutcome>;
  /** Frees the kept-alive connections. */
  close(): void;
}

interface RobotRules {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}

// robots-parser is CommonJS (`module.exports = function`); its types describe an ES default export.
const robotsParser: (url: string, contents: string) => RobotRules =
  typeof robotsParserModule === 'function' ? robotsParserModule : (robotsParserModule as unknown as { default: (url: string, contents: string) => RobotRules }).default;

// `deny`: robots.txt answered 5xx (a full disallow); `unreachable`: the host did not answer at all.
type Robots = RobotRules | { readonly deny: string } | { readonly unreachable: { readonly code: string; readonly message: string } };
/**
 * A polite HTTP client for article pages and feeds: per-host and overall concurrency limits, a
 * delay between requests to one host, connect and total timeouts, retries with exponential
 * backoff and jitter (network errors, timeouts, 429, 5xx; Retry-After honoured), redirects
 * followed up to a limit, robots.txt fetched once per origin and obeyed, an honest User-Agent,
 * a size limit and a Content-Type check. Never throws for a URL: failures are outcomes with a
 * stable code. Every complete response is appended to the WARC, when one is given.
 */
export function createFetcher(options: FetcherOptions = {}): Fetcher {
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  if (/[\r\n]/.test(userAgent) || userAgent.trim() === '') throw new TypeError(`Expected a one-line User-Agent, not \`${userAgent}\`.`);
  const robotsAgent = userAgent.split(/[/\s]/)[0]!;
  const hostDelayMs = options.hostDelayMs ?? 1000;
  const limiter = new HostLimiter({ perHost: options.perHost ?? 2, total: options.concurrency ?? 16, delayMs: hostDelayMs });
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const retries = options.retries ?? 2;
  const backoffMs = options.backoffMs ?? 1000;
  const maxWaitMs = options.maxWaitMs ?? 120_000;
  const maxRedirects = options.maxRedirects ?? 5;
  const maxBytes = options.maxBytes ?? 20 * 1024 * 1024;
  const ca = options.ca === undefined ? undefined : Array.isArray(options.ca) ? [...tls.rootCertificates, ...options.ca] : [...tls.rootCertificates, options.ca as string | Buffer];
  const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true, ...(ca ? { ca } : {}) }) };
  const robotsByOrigin = new Map<string, Promise<Robots>>();

  const requestHeaders = (accept: string): [string, string][] => [
    ['User-Agent', userAgent],
    ['Accept', accept],
    ['Accept-Encoding', 'gzip, deflate, br'],
    // Sent by node's keep-alive agent anyway; named here so the WARC request record is what was sent.
    ['Connection', 'keep-alive'],
  ];

  /** One GET in a turn at its host, retried on transient failures; the last response, whatever its status. */
  async function getWithRetries(
    url: URL,
    accept: string,
    checkHead?: (status: number, headers: readonly HeaderField[]) => void,
    limit = maxBytes,
    requestedUrl?: string,
  ): Promise<{ response: RawResponse; written: WrittenResponse | null }> {
    const headers = requestHeaders(accept);
    for (let attempt = 0; ; attempt++) {
      let response: RawResponse | null = null;
      let error: unknown = null;
      try {
        response = await limiter.run(url.host, () => {
          if (options.signal?.aborted) throw new ClaimtraceError('E_INTERRUPTED', `Stopped before ${url.href} was asked for.`);
          return httpGet(url, { headers, connectTimeoutMs, timeoutMs, maxBytes: limit, checkHead, agents, signal: options.signal });
        });
      } catch (e) {
        error = e;
      }
      const written = response && options.warc ? await options.warc.writeExchange({ url: url.href, headers }, response, requestedUrl) : null;
      const retryable = (response ? response.status === 429 || response.status >= 500 : isTransient(error)) && !options.signal?.aborted;
      if (!retryable || attempt >= retries) {
        if (response) return { response, written };
        throw error;
      }
      let wait = Math.min(maxWaitMs, backoffMs * 2 ** attempt) * (0.5 + Math.random() / 2);
      const retryAfter = response ? parseRetryAfter(headerValue(response.headers, 'retry-after')) : null;
      if (retryAfter !== null) {
        if (retryAfter > maxWaitMs) return { response: response!, written };
        wait = Math.max(wait, retryAfter);
        // The whole host is asked to wait, not only this URL.
        limiter.pauseUntil(url.host, Date.now() + retryAfter);
      }
      await new Promise((ok) => setTimeout(ok, wait));
    }
  }

  async function robotsFor(url: URL): Promise<Robots> {
    let robots = robotsByOrigin.get(url.origin);
    if (!robots) {
      robots = loadRobots(url);
      robotsByOrigin.set(url.origin, robots);
    }
    return robots;
  }

  async function loadRobots(url: URL): Promise<Robots> {
    let at = new URL('/robots.txt', url.origin);
    // RFC 9309: follow at least five redirects; 4xx means no rules; 5xx or no answer, a full disallow.
    for (let hop = 0; hop <= 5; hop++) {
      let response: RawResponse;
      try {
        response = (await getWithRetries(at, 'text/plain, */*;q=0.5', undefined, MAX_ROBOTS_BYTES)).response;
      } catch (e) {
        if (isClaimtraceError(e) && e.code === 'E_FETCH_TOO_LARGE') return robotsParser(at.href, '');
        // RFC 9309 takes an unreachable robots.txt as a full disallow: nothing is fetched. The
        // URL's failure says why the host could not be reached (E_FETCH_NETWORK, E_FETCH_TIMEOUT).
        if (isClaimtraceError(e)) return { unreachable: { code: e.code, message: e.message } };
        throw e;
      }
      const location = headerValue(response.headers, 'location');
      if (REDIRECTS.has(response.status) && location) {
        at = new URL(location, at);
        continue;
      }
      if (response.status >= 200 && response.status < 300) {
        const robots = robotsParser(at.href, response.body.toString('utf8'));
        const delay = robots.getCrawlDelay(robotsAgent);
        if (typeof delay === 'number' && delay > 0) limiter.setDelay(url.host, Math.min(MAX_CRAWL_DELAY_MS, delay * 1000));
        return robots;
      }
      if (response.status >= 400 && response.status < 500) return robotsParser(at.href, '');
      return { deny: `its robots.txt answered ${response.status}, which counts as a full disallow` };
    }
    return robotsParser(at.href, '');
  }

  /** Null when robots.txt lets us fetch `url`; else the failure. */
  async function allowed(url: URL): Promise<{ code: string; message: string } | null> {
    if (options.robots === false) return null;
    const robots = await robotsFor(url);
    if ('unreachable' in robots) return { code: robots.unreachable.code, message: `${robots.unreachable.message} (asking for robots.txt)` };
    if ('deny' in robots) return { code: 'E_FETCH_ROBOTS', message: `${url.host}: ${robots.deny}.` };
    // robots.txt rules are matched against the request as sent.
    return robots.isAllowed(url.href, robotsAgent) === false ? { code: 'E_FETCH_ROBOTS', message: `${url.origin}/robots.txt does not allow ${robotsAgent} to fetch ${url.pathname}${url.search}.` } : null;
  }

  async function fetchUrl(url: string, expect: Expect = 'page'): Promise<FetchOutcome> {
    const failed = (code: string, message: string): FetchOutcome => ({ ok: false, url, code, message });
    let at: URL;
    try {
      at = new URL(url);
    } catch {
      return failed('E_FETCH_URL', `\`${url}\` is not a URL.`);
    }
    if (at.protocol !== 'http:' && at.protocol !== 'https:') return failed('E_FETCH_URL', `\`${url}\` is not an http: or https: URL.`);
    at.hash = '';
    const accept = expect === 'page' ? 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1' : 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.1';
    const checkHead = (status: number, headers: readonly HeaderField[]) => {
      if (status < 200 || status > 299) return;
      const type = mediaTypeOf(headerValue(headers, 'content-type'));
      if (type === null || HTML_TYPES.has(type) || (expect === 'page-or-feed' && FEED_TYPES.has(type))) return;
      throw sourceError('E_FETCH_NOT_HTML', `${at.href} is \`${type}\`, not an HTML page${expect === 'page-or-feed' ? ' or a feed' : ''}.`);
    };
    const seen = new Set<string>();
    try {
      for (let hop = 0; ; hop++) {
        const denied = await allowed(at);
        if (denied) return failed(denied.code, denied.message);
        seen.add(at.href);
        const { response, written } = await getWithRetries(at, accept, checkHead, maxBytes, url);
        const location = headerValue(response.headers, 'location');
        if (REDIRECTS.has(response.status)) {
          if (!location) return failed('E_FETCH_REDIRECTS', `${at.href} redirects (${response.status}) without a Location.`);
          let next: URL;
          try {
            next = new URL(location, at);
          } catch {
            return failed('E_FETCH_REDIRECTS', `${at.href} redirects to \`${location}\`, which is not a URL.`);
          }
          next.hash = '';
          if (next.protocol !== 'http:' && next.protocol !== 'https:') return failed('E_FETCH_REDIRECTS', `${at.href} redirects to ${next.href}, not an http: or https: URL.`);
          if (seen.has(next.href)) return failed('E_FETCH_REDIRECTS', `${url} redirects in a loop (back to ${next.href}).`);
          if (hop >= maxRedirects) return failed('E_FETCH_REDIRECTS', `${url} redirects more than ${maxRedirects} times.`);
          at = next;
          continue;
        }
        if (response.status < 200 || response.status > 299) {
          const retryAfter = parseRetryAfter(headerValue(response.headers, 'retry-after'));
          const why = retryAfter !== null && retryAfter > maxWaitMs ? ` and asks to wait ${Math.round(retryAfter / 1000)} s, longer than we wait` : response.status === 429 || response.status >= 500 ? ` after ${retries + 1} tries` : '';
          return failed('E_FETCH_HTTP', `${at.href} answered ${response.status}${response.reason ? ` ${response.reason}` : ''}${why}.`);
        }
        const contentType = headerValue(response.headers, 'content-type');
        return { ok: true, url, finalUrl: at.href, status: response.status, headers: response.headers, mediaType: mediaTypeOf(contentType), charset: charsetOf(contentType), body: response.body, written };
      }
    } catch (e) {
      if (isClaimtraceError(e) && (e.code.startsWith('E_FETCH_') || e.code === 'E_INTERRUPTED')) return failed(e.code, e.message);
      throw e;
    }
  }

  return {
    fetch: fetchUrl,
    close() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

/** Retry-After in milliseconds: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
