/** The overview (`/`) and search results (`/search?q=…&in=…&page=…`). */
import type { CorpusStore } from '../store/types.js';
import { articleLine, h, plural, outletHref, pager, pageRows, quoteItem, speakerHref } from './fragments.js';
import { renderPage, type HtmlPage, type SearchScope } from './layout.js';
import type { Paging } from './params.js';

export async function renderHome(store: CorpusStore, paging: Paging): Promise<HtmlPage> {
  const [stats, speakers, recent] = await Promise.all([
    store.stats(),
    paging.page === 1 ? store.topSpeakers({ limit: 10 }) : Promise.resolve([]),
    store.recentArticles({ limit: paging.limit + 1, offset: paging.offset }),
  ]);
  const [articles, more] = pageRows(recent, paging.limit);
  const counts = (
    [
      ['articles', stats.articles],
      ['quotes', stats.quotes],
      ['speakers', stats.speakers],
      ['citations', stats.citations],
      ['outlets', stats.outlets],
      ['claims', stats.claims],
      ['unsourced claims', stats.unsourcedClaims],
    ] as const
  ).map(([k, v]) => `<li><strong>${v.toLocaleString('en')}</strong> ${k}</li>`);
  const body = [
    '<h1>Corpus overview</h1>',
    `<ul class="stats" aria-label="What the corpus holds">${counts.join('')}</ul>`,
    stats.articles === 0 ? '<p>The corpus is empty. Add articles with <code>claimtrace ingest FILES --db …</code>.</p>' : '',
    speakers.length > 0
      ? `<h2>Most quoted speakers</h2><ol class="results">${speakers
          .map((s) => `<li><a href="${h(speakerHref(s.key))}">${h(s.name)}</a> <span class="meta">${plural(s.quotes, 'quote')} in ${plural(s.articles, 'article')}</span></li>`)
          .join('')}</ol>`
      : '',
    `<h2>Latest articles</h2>`,
    articles.length > 0 ? `<ol class="results" start="${paging.offset + 1}">${articles.map((a) => `<li>${articleLine(a)}</li>`).join('')}</ol>` : '<p class="muted">No articles on this page.</p>',
    pager('/', {}, paging.page, more),
  ].join('\n');
  return renderPage({ title: 'Corpus overview', body });
}

const ALL_LIMIT = 5;

export async function renderSearch(store: CorpusStore, query: string, scope: SearchScope, paging: Paging): Promise<HtmlPage> {
  if (query === '') {
    return renderPage({ title: 'Search', body: '<h1>Search</h1><p>Type words to find in quotes, speaker and outlet names, and article text.</p>', scope });
  }
  const sections: string[] = [];
  const limit = scope === 'all' ? ALL_LIMIT : paging.limit;
  const page = scope === 'all' ? { limit: limit + 1, offset: 0 } : { limit: limit + 1, offset: paging.offset };
  const want = (s: SearchScope) => scope === 'all' || scope === s;
  const [quotes, speakers, outlets, articles] = await Promise.all([
    want('quotes') ? store.searchQuotes(query, page) : null,
    want('speakers') ? store.searchSpeakers(query, page) : null,
    want('outlets') ? store.searchOutlets(query, page) : null,
    want('articles') ? store.searchArticles(query, page) : null,
  ]);
  let more = false;
  const section = <T>(key: SearchScope, heading: string, rows: readonly T[] | null, item: (row: T) => string) => {
    if (rows === null) return;
    const [shown, hasMore] = pageRows(rows, limit);
    if (scope !== 'all') more = hasMore;
    const list = shown.length > 0 ? `<ol class="results" start="${scope === 'all' ? 1 : paging.offset + 1}">${shown.map(item).join('')}</ol>` : '<p class="muted">Nothing found.</p>';
    const all = scope === 'all' && hasMore ? `<p><a href="/search?${h(new URLSearchParams({ q: query, in: key }).toString())}">All ${h(heading.toLowerCase())} matching “${h(query)}”</a></p>` : '';
    sections.push(`<section aria-labelledby="r-${key}"><h2 id="r-${key}">${h(heading)}</h2>${list}${all}</section>`);
  };
  section('quotes', 'Quotes', quotes, (q) => quoteItem(q));
  section('speakers', 'Speakers', speakers, (s) => `<li><a href="${h(speakerHref(s.key))}">${h(s.name)}</a> <span class="meta">${plural(s.quotes, 'quote')} in ${plural(s.articles, 'article')}</span></li>`);
  section('outlets', 'Outlets', outlets, (o) => `<li><a href="${h(outletHref(o.key))}">${h(o.name)}</a>${o.stateAffiliated ? ' <span class="tag">state-affiliated</span>' : ''} <span class="meta">${plural(o.published, 'article')} published</span></li>`);
  section('articles', 'Articles', articles, (a) => `<li>${articleLine(a)}<br><span class="meta">${h(a.snippet).replace(/«/g, '<mark>').replace(/»/g, '</mark>')}</span></li>`);
  const body = [
    `<h1>Search: “${h(query)}”</h1>`,
    ...sections,
    scope === 'all' ? '' : pager('/search', { q: query, in: scope }, paging.page, more),
  ].join('\n');
  return renderPage({ title: `Search: ${query}`, body, query, scope });
}
