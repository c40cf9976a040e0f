/** `/speaker/:key`: every quote of one speaker, with counts by outlet and by month. */
import type { CorpusStore } from '../store/types.js';
import { barChartSvg, fillMonths, timelineSvg } from './charts.js';
import { h, outletHref, pager, pageRows, plural, quoteItem, speakerHref } from './fragments.js';
import { renderPage, type HtmlPage } from './layout.js';
import type { Paging } from './params.js';

/**
 * The speaker key for what is in the URL: the key itself when it has quotes, else the full
 * name a short form is linked to (`muallem` → `walid al muallem`); null when neither.
 */
export async function resolveSpeakerKey(store: CorpusStore, key: string): Promise<string | null> {
  const profile = await store.speakerProfile(key);
  if (profile && profile.quotes > 0) return key;
  const linked = await store.speakerLinks(key);
  return linked?.key ?? (profile ? key : null);
}

/** null: no such speaker. */
export async function renderSpeaker(store: CorpusStore, key: string, paging: Paging): Promise<HtmlPage | null> {
  const profile = await store.speakerProfile(key);
  if (!profile) return null;
  // Aliases and descriptions, when the name resolves to this very speaker.
  const linked = await store.speakerLinks(profile.name);
  const links = linked?.key === profile.key ? linked : null;
  const [shown, more] = pageRows(await store.speakerQuotesByKey(profile.key, { limit: paging.limit + 1, offset: paging.offset }), paging.limit);
  const bars = profile.byOutlet.map((o) => ({ label: o.name, value: o.quotes }));
  const months = fillMonths(profile.byMonth.map((m) => ({ month: m.month, value: m.quotes })));
  const outletRows = profile.byOutlet
    .map((o) => `<tr><td>${o.key ? `<a href="${h(outletHref(o.key))}">${h(o.name)}</a>` : h(o.name)}</td><td class="num">${o.quotes}</td></tr>`)
    .join('');
  const monthRows = profile.byMonth.map((m) => `<tr><td>${h(m.month)}</td><td class="num">${m.quotes}</td></tr>`).join('');
  const body = [
    `<h1>${h(profile.name)}</h1>`,
    `<p class="meta">${h(profile.kind)} · ${plural(profile.quotes, 'quote')} in ${plural(profile.articles, 'article')} · key <code>${h(profile.key)}</code></p>`,
    '<h2>Where and when quoted</h2>',
    '<div class="charts">',
    `<figure><figcaption id="by-outlet-c">Quotes by publishing outlet${profile.byOutlet.length === 25 ? ' (top 25)' : ''}</figcaption>${barChartSvg('by-outlet', `Quotes of ${profile.name} by outlet`, bars)}`,
    `<details><summary>As a table</summary><table aria-labelledby="by-outlet-c"><thead><tr><th>Outlet</th><th class="num">Quotes</th></tr></thead><tbody>${outletRows}</tbody></table></details></figure>`,
    `<figure><figcaption id="by-month-c">Quotes by month (published date, else first seen)</figcaption>${months.length > 0 ? timelineSvg('by-month', `Quotes of ${profile.name} by month`, months) : '<p class="muted">No dates.</p>'}`,
    `<details><summary>As a table</summary><table aria-labelledby="by-month-c"><thead><tr><th>Month</th><th class="num">Quotes</th></tr></thead><tbody>${monthRows}</tbody></table></details></figure>`,
    '</div>',
    links && links.aliases.length > 0 ? `<p>Also quoted as: ${links.aliases.map((a) => `<code>${h(a)}</code>`).join(', ')} <span class="meta">(short forms linked to this name; their quotes are counted here)</span></p>` : '',
    links && links.descriptions.length > 0 ? `<p>Described as: ${links.descriptions.slice(0, 20).map((d) => `“${h(d)}”`).join('; ')}</p>` : '',
    `<h2>Quotes, oldest first</h2>`,
    shown.length > 0 ? `<ol class="results" start="${paging.offset + 1}">${shown.map((q) => quoteItem(q, { speaker: false })).join('')}</ol>` : '<p class="muted">No quotes on this page.</p>',
    pager(speakerHref(profile.key), {}, paging.page, more),
  ].join('\n');
  return renderPage({ title: profile.name, body });
}
