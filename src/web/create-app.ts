/**
 * The web app as one request handler: `createApp(store).fetch(request)` answers a standard
 * `Request` with a `Response`, so tests call it without a socket and `serve` plugs it into
 * node:http. Every route checks its parameters first (400 page), answers an unknown id with a
 * 404 page, and turns a store error into a 503 page without its internals.
 */
import { isClaimtraceError } from '../core/diagnostics.js';
import type { CorpusStore } from '../store/types.js';
import { renderArticle } from './article-page.js';
import { outletHref, speakerHref } from './fragments.js';
import { renderGraph } from './graph-page.js';
import { renderHome, renderSearch } from './home-page.js';
import { renderErrorPage, type HtmlPage } from './layout.js';
import { renderOutlet, resolveOutletKey } from './outlet-page.js';
import { BadRequest, readId, readKey, readMinWeight, readPaging, readQuery, readScope } from './params.js';
import { renderQuote } from './quote-page.js';
import { renderSpeaker, resolveSpeakerKey } from './speaker-page.js';

export interface App {
  fetch(request: Request): Promise<Response>;
}

export interface CreateAppOptions {
  /** Called with errors that became a 500 page (the page itself says nothing of them). */
  readonly onError?: (error: unknown) => void;
  /**
   * Which `Host` headers to answer (the name without the port). The server on a loopback
   * address answers loopback names only, so a web page that rebinds its own domain name to
   * 127.0.0.1 (DNS rebinding) cannot read the corpus through the visitor's browser.
   */
  readonly allowHost?: (hostname: string) => boolean;
}

type Route = (store: CorpusStore, params: URLSearchParams, segment: string) => Promise<HtmlPage | Response | null>;

const ROUTES: Readonly<Record<string, Route>> = {
  '': (store, params) => renderHome(store, readPaging(params)),
  search: (store, params) => renderSearch(store, readQuery(params), readScope(params), readPaging(params)),
  graph: (store, params) => renderGraph(store, readMinWeight(params), readPaging(params, 50)),
  article: (store, _params, segment) => renderArticle(store, readId(segment, 'the article id')),
  quote: (store, _params, segment) => renderQuote(store, readId(segment, 'the quote id')),
  speaker: async (store, params, segment) => {
    const asked = readKey(segment, 'the speaker key');
    const paging = readPaging(params);
    const key = await resolveSpeakerKey(store, asked);
    if (key === null) return null;
    if (key !== asked) return redirect(speakerHref(key) + (paging.page > 1 ? `?page=${paging.page}` : ''));
    return renderSpeaker(store, key, paging);
  },
  outlet: async (store, params, segment) => {
    const asked = readKey(segment, 'the outlet key');
    const paging = readPaging(params);
    const key = await resolveOutletKey(store, asked);
    if (key === null) return null;
    if (key !== asked) return redirect(outletHref(key) + (paging.page > 1 ? `?page=${paging.page}` : ''));
    return renderOutlet(store, key, paging);
  },
};

/** Routes taking one path segment after their name (`/article/12`); the others take none. */
const WITH_SEGMENT = new Set(['article', 'quote', 'speaker', 'outlet']);

const NOT_FOUND: Readonly<Record<string, string>> = {
  article: 'No article with this id in the corpus.',
  quote: 'No quote with this id in the corpus (a quote’s id changes when its article is stored again in a new version).',
  speaker: 'No speaker with this key in the corpus.',
  outlet: 'No outlet with this key or name in the corpus.',
};

function redirect(location: string): Response {
  return new Response(null, { status: 302, headers: { location, 'cache-control': 'no-store' } });
}

function respond(page: HtmlPage, head: boolean): Response {
  return new Response(head ? null : page.html, {
    status: page.status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': page.csp,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'cache-control': 'no-store',
    },
  });
}

export function createApp(store: CorpusStore, options: CreateAppOptions = {}): App {
  return {
    async fetch(request: Request): Promise<Response> {
      const head = request.method === 'HEAD';
      if (request.method !== 'GET' && !head) {
        const page = renderErrorPage(405, 'Method not allowed', `This app only reads: ${request.method} is not answered here.`);
        const res = respond(page, false);
        res.headers.set('allow', 'GET, HEAD');
        return res;
      }
      let url: URL;
      try {
        url = new URL(request.url);
      } catch {
        return respond(renderErrorPage(400, 'Bad request', 'The address could not be read.'), head);
      }
      if (options.allowHost && !options.allowHost(url.hostname)) {
        return respond(renderErrorPage(421, 'Wrong host name', 'This server answers requests to its loopback address only (localhost, 127.0.0.1 or [::1]).'), head);
      }
      const parts = url.pathname.split('/').slice(1);
      if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop(); // `/graph/` as `/graph`
      const [name = '', segment = ''] = parts;
      const route = Object.hasOwn(ROUTES, name) ? ROUTES[name] : undefined;
      const shapeOk = WITH_SEGMENT.has(name) ? parts.length === 2 && segment !== '' : parts.length === 1;
      if (!route || !shapeOk) return respond(renderErrorPage(404, 'Not found', 'There is no page at this address.'), head);
      try {
        const result = await route(store, url.searchParams, segment);
        if (result === null) return respond(renderErrorPage(404, 'Not found', NOT_FOUND[name] ?? 'Not found.'), head);
        return result instanceof Response ? result : respond(result, head);
      } catch (e) {
        if (e instanceof BadRequest) return respond(renderErrorPage(400, 'Bad request', e.message), head);
        if (isClaimtraceError(e) && e.code.startsWith('E_STORE_')) {
          options.onError?.(e);
          return respond(renderErrorPage(503, 'The corpus cannot be read', `${e.code}: the corpus database could not answer; try again, or check it with claimtrace stats.`), head);
        }
        options.onError?.(e);
        return respond(renderErrorPage(500, 'Something went wrong', 'This page could not be made. The server log says more.'), head);
      }
    },
  };
}
