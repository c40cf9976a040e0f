/**
 * The shell of every app page but the article view: header with the search form, navigation,
 * main content, footer. One stylesheet allowed by its hash, no script at all
 * (`script-src 'none'`), forms only to this server, nothing loaded from elsewhere.
 */
import { createHash } from 'node:crypto';
import { escapeHtml } from '../report/escape-html.js';
import { APP_STYLE } from './app-style.js';

/** A rendered page: what the handler sends, before headers. */
export interface HtmlPage {
  readonly status: number;
  readonly html: string;
  /** The Content-Security-Policy sent with it. */
  readonly csp: string;
}

export const SEARCH_SCOPES = ['all', 'quotes', 'speakers', 'outlets', 'articles'] as const;
export type SearchScope = (typeof SEARCH_SCOPES)[number];

const STYLE_HASH = `'sha256-${createHash('sha256').update(APP_STYLE, 'utf8').digest('base64')}'`;

export const APP_CSP = [
  "default-src 'none'",
  "script-src 'none'",
  `style-src ${STYLE_HASH}`,
  "img-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface PageOptions {
  readonly title: string;
  /** HTML of the main content, already escaped. */
  readonly body: string;
  readonly status?: number;
  /** The search box's current words and scope. */
  readonly query?: string;
  readonly scope?: SearchScope;
}

const SCOPE_LABELS: Readonly<Record<SearchScope, string>> = {
  all: 'Everything',
  quotes: 'Quotes',
  speakers: 'Speakers',
  outlets: 'Outlets',
  articles: 'Articles',
};

export function renderPage(options: PageOptions): HtmlPage {
  const scope = options.scope ?? 'all';
  const scopes = SEARCH_SCOPES.map((s) => `<option value="${s}"${s === scope ? ' selected' : ''}>${SCOPE_LABELS[s]}</option>`).join('');
  const html = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(options.title)} · claimtrace</title>`,
    `<style>${APP_STYLE}</style>`,
    '</head>',
    '<body>',
    '<a class="skip" href="#main">Skip to the content</a>',
    '<header class="app">',
    '<a class="brand" href="/">claimtrace corpus</a>',
    '<form class="search" role="search" action="/search" method="get">',
    '<label for="q">Search</label>',
    `<input id="q" name="q" type="search" maxlength="200" value="${escapeHtml(options.query ?? '')}" placeholder="quotes, speakers, outlets, articles">`,
    `<label for="in" class="muted">in</label><select id="in" name="in">${scopes}</select>`,
    '<button type="submit">Search</button>',
    '</form>',
    '<nav aria-label="Sections"><ul><li><a href="/">Overview</a></li><li><a href="/graph">Citation graph</a></li></ul></nav>',
    '</header>',
    `<main id="main">${options.body}</main>`,
    '<footer>claimtrace, served from your own computer. What it shows describes wording, attribution and sourcing found by rules and models; it does not say whether anything is true.</footer>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return { status: options.status ?? 200, html, csp: APP_CSP };
}

/** An error page: what went wrong in a sentence, and a way back. */
export function renderErrorPage(status: number, heading: string, message: string): HtmlPage {
  const body = `<h1>${escapeHtml(heading)}</h1><p>${escapeHtml(message)}</p><p><a href="/">Back to the overview</a></p>`;
  return renderPage({ title: heading, body, status });
}
