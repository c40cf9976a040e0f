/** `/quote/:id`: one quote, where it first appeared and how it spread (the store's quote trail). */
import type { CorpusStore, QuoteTrailHit } from '../store/types.js';
import { fillMonths, timelineSvg } from './charts.js';
import { articleHref, articleLine, h, plural, quoteHref, shorten, sourceLink, speakerHref, speakerLink } from './fragments.js';
import { renderPage, type HtmlPage } from './layout.js';

/** Appearances read (the trail's own default): enough to see a spread, bounded on any corpus. */
const TRAIL_LIMIT = 200;

function appearance(hit: QuoteTrailHit, current: number): string {
  const self = hit.quoteId === current ? ' <span class="tag">this quote</span>' : '';
  const alike = hit.similarity < 1 ? `, ${Math.round(hit.similarity * 100)}% alike` : ', same words';
  const when = `${hit.dateSource === 'published' ? 'published' : 'first seen'} ${hit.date.slice(0, 10)}`;
  // The speaker as grouped across articles when the store linked a short form to a full name.
  const who = hit.speakerName && hit.speaker.key && hit.speakerName !== hit.speaker.name
    ? `<a href="${h(speakerHref(hit.speaker.key))}">${h(hit.speakerName)}</a> <span class="meta">(as “${h(hit.speaker.name ?? '')}”)</span>`
    : speakerLink(hit);
  return [
    `<li>${articleLine(hit.article)}${self}`,
    `<br><span class="meta">${h(when)}${h(alike)} ·</span> ${who}: <a href="${h(quoteHref(hit.quoteId))}">“${h(shorten(hit.content, 200))}”</a></li>`,
  ].join('');
}

function spreadChart(hits: readonly QuoteTrailHit[]): string {
  const counts = new Map<string, number>();
  for (const x of hits) {
    const m = x.date.slice(0, 7);
    if (/^\d{4}-\d{2}$/.test(m)) counts.set(m, (counts.get(m) ?? 0) + 1);
  }
  const months = fillMonths([...counts].map(([month, value]) => ({ month, value })));
  if (months.length < 2) return '';
  const rows = [...counts].sort().map(([m, n]) => `<tr><td>${h(m)}</td><td class="num">${n}</td></tr>`).join('');
  return [
    '<figure><figcaption>Appearances by month</figcaption>',
    timelineSvg('spread', 'Appearances of this quote by month', months),
    `<details><summary>As a table</summary><table><thead><tr><th>Month</th><th class="num">Appearances</th></tr></thead><tbody>${rows}</tbody></table></details>`,
    '</figure>',
  ].join('');
}

/** null: no such quote. */
export async function renderQuote(store: CorpusStore, id: number): Promise<HtmlPage | null> {
  const quote = await store.getQuote(id);
  if (!quote) return null;
  const trail = await store.quoteTrail(id, { limit: TRAIL_LIMIT });
  const all = trail.first ? [trail.first, ...trail.later] : [...trail.later];
  const body = [
    '<h1>Quote</h1>',
    `<blockquote class="big" dir="auto">“${h(quote.content)}”</blockquote>`,
    `<p>${speakerLink(quote)}${quote.cue ? ` (${h(quote.cue)})` : ''}, ${h(quote.kind)} quote, in ${articleLine(quote.article)}</p>`,
    `<p class="meta">Source: ${sourceLink(quote.article)} · <a href="${h(articleHref(quote.article.articleId))}">Read it in the article</a></p>`,
    '<h2>First appearance</h2>',
    '<p class="meta">The same quotation despite other quotation marks, punctuation, case, elisions or a changed word, and partial quotes of a longer original; dated by publication, else by when the corpus first saw the article.</p>',
    trail.first ? `<ol class="results">${appearance(trail.first, id)}</ol>` : '<p class="muted">No stored appearance found.</p>',
    `<h2>Spread: ${plural(trail.later.length, 'later appearance')}</h2>`,
    spreadChart(all),
    trail.later.length > 0 ? `<ol class="results" start="2">${trail.later.map((x) => appearance(x, id)).join('')}</ol>` : '<p class="muted">None in other articles.</p>',
    all.length >= TRAIL_LIMIT ? `<p class="meta">The first ${TRAIL_LIMIT} appearances are shown.</p>` : '',
  ].join('\n');
  return renderPage({ title: `Quote: ${shorten(quote.content, 60)}`, body });
}
