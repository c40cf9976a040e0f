/**
 * Small pieces of HTML the pages share: links to an article, a speaker, an outlet, a quote;
 * a quote as a list item; a pager. Everything from the store is escaped here, and article URLs
 * go through `safeUrl`, so `javascript:` and `data:` addresses never become links.
 */
import { escapeHtml, linkOrText } from '../report/escape-html.js';
import type { ArticleSummary, QuoteHit } from '../store/types.js';

export const h = escapeHtml;

export function articleHref(id: number): string {
  return `/article/${id}`;
}
export function quoteHref(id: number): string {
  return `/quote/${id}`;
}
export function speakerHref(key: string): string {
  return `/speaker/${encodeURIComponent(key)}`;
}
/** By key or by name: the outlet route resolves a name to its key. */
export function outletHref(keyOrName: string): string {
  return `/outlet/${encodeURIComponent(keyOrName)}`;
}

/** The title, else the URL, else the file name it was read from. */
export function articleTitle(a: ArticleSummary): string {
  return a.title ?? a.url ?? a.sourcePath.split(/[\\/]/).pop() ?? a.sourcePath;
}

/** The title linking to the article page, then outlet and date. */
export function articleLine(a: ArticleSummary): string {
  const facts: string[] = [];
  if (a.outlet) facts.push(`<a href="${h(outletHref(a.outlet))}">${h(a.outlet)}</a>`);
  facts.push(h(a.published ? a.published.slice(0, 10) : `first seen ${a.firstSeen.slice(0, 10)}`));
  return `<a href="${h(articleHref(a.articleId))}">${h(articleTitle(a))}</a> <span class="meta">${facts.join(' · ')}</span>`;
}

export function speakerLink(q: Pick<QuoteHit, 'speaker'>): string {
  const name = q.speaker.name ?? (q.speaker.kind === 'anonymous' ? 'an anonymous source' : 'unknown speaker');
  return q.speaker.key ? `<a href="${h(speakerHref(q.speaker.key))}">${h(name)}</a>` : `<span class="muted">${h(name)}</span>`;
}

export function quoteItem(q: QuoteHit, options: { speaker?: boolean } = {}): string {
  const who = options.speaker === false ? '' : `${speakerLink(q)}, `;
  return [
    '<li>',
    `<blockquote><a href="${h(quoteHref(q.quoteId))}">“${h(shorten(q.content, 280))}”</a></blockquote>`,
    `<span class="meta">${who}${q.kind === 'direct' ? '' : `${h(q.kind)} quote, `}in</span> ${articleLine(q.article)}`,
    '</li>',
  ].join('');
}

export function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** The article's URL as a link when it is http(s), else as text. */
export function sourceLink(a: ArticleSummary): string {
  return a.url ? linkOrText(a.url) : h(a.sourcePath);
}

/**
 * Previous / next links. `hasMore`: the store returned a row past this page (pages ask for one
 * more than they show, so no count query is needed).
 */
export function pager(path: string, params: Readonly<Record<string, string>>, page: number, hasMore: boolean): string {
  if (page === 1 && !hasMore) return '';
  const href = (p: number) => {
    const q = new URLSearchParams({ ...params, page: String(p) });
    return `${path}?${q.toString()}`;
  };
  const links: string[] = [];
  if (page > 1) links.push(`<a href="${h(href(page - 1))}" rel="prev">← Previous page</a>`);
  links.push(`<span class="muted">Page ${page}</span>`);
  if (hasMore) links.push(`<a href="${h(href(page + 1))}" rel="next">Next page →</a>`);
  return `<nav class="pager" aria-label="Pages">${links.join('')}</nav>`;
}

/** Splits a page of `limit + 1` rows into the rows to show and whether there are more. */
export function pageRows<T>(rows: readonly T[], limit: number): [T[], boolean] {
  return [rows.slice(0, limit), rows.length > limit];
}

/** `1 quote`, `2 quotes`. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? word : many}`;
}

export function pending(text: string): string {
  return `<p class="pending">${h(text)}</p>`;
}
