/** `/outlet/:key`: whom an outlet quotes and cites, who cites it, what it published. */
import type { CorpusStore, OutletLink, UnsourcedCount } from '../store/types.js';
import { barChartSvg } from './charts.js';
import { articleLine, h, outletHref, pager, pageRows, plural, speakerHref } from './fragments.js';
import { renderPage, type HtmlPage } from './layout.js';
import type { Paging } from './params.js';

const LINKS = 25;
const UNSOURCED_PAGE = 200;
const UNSOURCED_PAGES = 5;

/**
 * The outlet's unsourced-claim counts from the store's ranking of outlets, read in pages of
 * 200 up to 1,000 outlets (the store ranks outlets but does not look one up). null: not among
 * them (no claims known for its articles, or ranked past the first 1,000).
 */
async function outletUnsourced(store: CorpusStore, key: string): Promise<UnsourcedCount | null> {
  for (let i = 0; i < UNSOURCED_PAGES; i++) {
    const rows = await store.unsourcedClaims({ by: 'outlet', limit: UNSOURCED_PAGE, offset: i * UNSOURCED_PAGE });
    const hit = rows.find((r) => r.outlet?.key === key);
    if (hit) return hit;
    if (rows.length < UNSOURCED_PAGE) return null;
  }
  return null;
}

/** The outlet key for what is in the URL: a key, else a name an outlet goes by; null when none. */
export async function resolveOutletKey(store: CorpusStore, keyOrName: string): Promise<string | null> {
  if (await store.outletProfile(keyOrName)) return keyOrName;
  const wanted = keyOrName.trim().toLowerCase();
  const found = await store.searchOutlets(keyOrName, { limit: 20 });
  return found.find((o) => o.name.toLowerCase() === wanted || o.key === wanted)?.key ?? null;
}

function linkTable(caption: string, links: readonly OutletLink[]): string {
  if (links.length === 0) return `<p class="muted">${h(caption)}: none.</p>`;
  const rows = links
    .map((l) => `<tr><td><a href="${h(outletHref(l.key))}">${h(l.name)}</a>${l.stateAffiliated ? ' <span class="tag">state-affiliated</span>' : ''}</td><td class="num">${l.count}</td><td class="num">${l.articles}</td></tr>`)
    .join('');
  return `<table><caption>${h(caption)}</caption><thead><tr><th>Outlet</th><th class="num">Citations</th><th class="num">Articles</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** null: no such outlet. */
export async function renderOutlet(store: CorpusStore, key: string, paging: Paging): Promise<HtmlPage | null> {
  const profile = await store.outletProfile(key);
  if (!profile) return null;
  const [speakers, cites, citedBy, articleRows, unsourced] = await Promise.all([
    // By name: the store folds the filter with normaliseOutletName, which turns a registry key
    // like `meridian-ledger` into `meridian ledger`, matching no key; the name matches as typed.
    store.topSpeakers({ outlet: profile.name, limit: 15 }),
    store.outletLinks(profile.key, 'cites', { limit: LINKS }),
    store.outletLinks(profile.key, 'cited-by', { limit: LINKS }),
    store.outletArticles(profile.key, { limit: paging.limit + 1, offset: paging.offset }),
    outletUnsourced(store, profile.key),
  ]);
  const [articles, more] = pageRows(articleRows, paging.limit);
  const facts = [
    profile.stateAffiliated ? '<span class="tag">state-affiliated</span>' : '',
    profile.country ? h(profile.country) : '',
    profile.inRegistry ? 'in the outlet registry' : 'not in the outlet registry (named in articles)',
    `${plural(profile.published, 'article')} published`,
    `named, cited or quoted in ${plural(profile.mentionedIn, 'article')}`,
  ].filter(Boolean);
  let sourcing: string;
  if (unsourced === null || unsourced.claims === 0) sourcing = '<p class="muted">No claims counted for its articles (none stored, or their maps predate claims).</p>';
  else sourcing = `<p><strong>${Math.round(unsourced.share * 100)}%</strong> of claims unsourced: ${unsourced.unsourced} of ${plural(unsourced.claims, 'claim')} in ${plural(unsourced.articles, 'article')} had no quote, reference or named source behind them in the text.</p>`;
  const speakerRows = speakers.map((s) => `<tr><td><a href="${h(speakerHref(s.key))}">${h(s.name)}</a></td><td class="num">${s.quotes}</td><td class="num">${s.articles}</td></tr>`).join('');
  const body = [
    `<h1>${h(profile.name)}</h1>`,
    `<p class="meta">${facts.join(' · ')}</p>`,
    '<h2>Sourcing</h2>',
    sourcing,
    '<h2>Whom it quotes</h2>',
    speakers.length > 0
      ? `<div class="charts"><figure><figcaption>Most quoted speakers in its articles</figcaption>${barChartSvg('quoted', `Most quoted speakers in ${profile.name}`, speakers.map((s) => ({ label: s.name, value: s.quotes })))}</figure>` +
        `<table><caption>Most quoted speakers</caption><thead><tr><th>Speaker</th><th class="num">Quotes</th><th class="num">Articles</th></tr></thead><tbody>${speakerRows}</tbody></table></div>`
      : '<p class="muted">No named speakers quoted in articles it published.</p>',
    '<h2>Whom it cites, and who cites it</h2>',
    '<div class="charts">',
    linkTable(`Outlets its articles cite (top ${LINKS})`, cites),
    linkTable(`Outlets whose articles cite it (top ${LINKS})`, citedBy),
    '</div>',
    '<h2>Articles it published</h2>',
    articles.length > 0 ? `<ol class="results" start="${paging.offset + 1}">${articles.map((a) => `<li>${articleLine(a)}</li>`).join('')}</ol>` : '<p class="muted">None stored.</p>',
    pager(outletHref(profile.key), {}, paging.page, more),
  ].join('\n');
  return renderPage({ title: profile.name, body });
}
