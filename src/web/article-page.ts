/**
 * `/article/:id`: the single-article report (`renderReport`), as `claimtrace report` writes it,
 * with a line of links back into the corpus: home, the outlet, each quote's page and speaker.
 * The report keeps its own stylesheet and script, allowed by hash; the header policy sent with
 * it is the report's own, so the added links carry no style or script of their own.
 */
import { renderReport, type ReportMap } from '../report/index.js';
import type { CorpusStore } from '../store/types.js';
import { h, outletHref, quoteHref, shorten, speakerLink } from './fragments.js';
import type { HtmlPage } from './layout.js';

const QUOTE_LINKS = 100;

const CSP_META = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/;

function unescapeAttribute(value: string): string {
  return value.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#96;/g, '`').replace(/&amp;/g, '&');
}

/** null: no such article. */
export async function renderArticle(store: CorpusStore, id: number): Promise<HtmlPage | null> {
  const article = await store.getArticle(id);
  if (!article) return null;
  const quotes = await store.articleQuotes(id, { limit: QUOTE_LINKS + 1 });
  const report = renderReport(article.map as ReportMap);
  const meta = CSP_META.exec(report);
  if (!meta) throw new Error('Expected renderReport to declare a Content-Security-Policy');
  const csp = `${unescapeAttribute(meta[1]!)}; frame-ancestors 'none'`;

  const nav = [
    '<nav aria-label="Corpus" class="meta">',
    '<a href="/">← claimtrace corpus</a>',
    article.outlet ? ` · <a href="${h(outletHref(article.outlet))}">${h(article.outlet)}</a>` : '',
    quotes.length > 0 ? ' · <a href="#ct-corpus">Quotes in the corpus</a>' : '',
    '</nav>',
  ].join('');
  // Wrapped in the report's own layout classes, so its stylesheet lays them out.
  const list = quotes.length === 0 ? '' : [
    '<div class="layout"><aside aria-labelledby="ct-corpus-h"><section id="ct-corpus">',
    '<h2 id="ct-corpus-h">Quotes of this article in the corpus</h2>',
    '<p>Each quote’s page shows where it first appeared and how it spread; each speaker’s, all their quotes.</p>',
    `<ol>${quotes.slice(0, QUOTE_LINKS).map((q) => `<li><a href="${h(quoteHref(q.quoteId))}">“${h(shorten(q.content, 160))}”</a> — ${speakerLink(q)}</li>`).join('')}</ol>`,
    quotes.length > QUOTE_LINKS ? `<p>And more: the first ${QUOTE_LINKS} are listed.</p>` : '',
    '</section></aside></div>',
  ].join('');
  // Inserted at fixed markers of the report's own markup, never inside article content.
  const html = report.replace('<header class="top">\n', () => `<header class="top">\n${nav}\n`).replace(/\n<footer>/, () => `\n${list}\n<footer>`);
  if (!html.includes(nav)) throw new Error('Expected the report to open with <header class="top">');
  return { status: 200, html, csp };
}
