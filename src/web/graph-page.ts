/** `/graph?min=N&page=P`: the citation graph as a picture of the busiest outlets and a paged table of every edge. */
import type { CorpusStore } from '../store/types.js';
import { h, outletHref, pager } from './fragments.js';
import { graphSvg, selectGraph } from './graph-svg.js';
import { renderPage, type HtmlPage } from './layout.js';
import type { Paging } from './params.js';

export async function renderGraph(store: CorpusStore, minWeight: number, paging: Paging): Promise<HtmlPage> {
  const graph = await store.citationGraph();
  const view = selectGraph(graph, minWeight);
  const names = new Map(graph.nodes.map((n) => [n.id, n]));
  const edges = graph.edges.filter((e) => e.count >= minWeight).sort((a, b) => b.count - a.count || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  const shown = edges.slice(paging.offset, paging.offset + paging.limit);
  const cell = (key: string) => {
    const n = names.get(key);
    return `<a href="${h(outletHref(key))}">${h(n?.name ?? key)}</a>${n?.stateAffiliated ? ' <span class="tag">state-affiliated</span>' : ''}`;
  };
  const rows = shown
    .map((e) => `<tr><td>${cell(e.from)}</td><td>${e.kind === 'via' ? 'relied on (as cited)' : 'cites'}</td><td>${cell(e.to)}</td><td class="num">${e.count}</td><td class="num">${e.articles}</td></tr>`)
    .join('');
  const body = [
    '<h1>Citation graph</h1>',
    '<p>An arrow from one outlet to another: articles it published cite the other (solid), or, as cited, it relied on the other (dashed, “via”). Thicker arrows stand for more citations. Each outlet links to its page.</p>',
    `<form class="filter" action="/graph" method="get"><label for="min">Minimum citations per edge</label><input id="min" name="min" type="number" min="1" max="1000000" value="${minWeight}"><button type="submit">Filter</button></form>`,
    view.nodes.length > 0 ? graphSvg(view) : '<p class="muted">No citations between known outlets at this weight.</p>',
    view.hiddenNodes > 0 || view.hiddenEdges > 0
      ? `<p class="meta">The picture shows the ${view.nodes.length} outlets with the most citations and the ${view.edges.length} heaviest edges between them; the table lists every edge. Raise the minimum to thin it out.</p>`
      : '',
    `<h2>Edges (${edges.length})</h2>`,
    edges.length > 0
      ? `<table><thead><tr><th>From</th><th>Relation</th><th>To</th><th class="num">Citations</th><th class="num">Articles</th></tr></thead><tbody>${rows}</tbody></table>`
      : '',
    pager('/graph', minWeight > 1 ? { min: String(minWeight) } : {}, paging.page, edges.length > paging.offset + paging.limit),
  ].join('\n');
  return renderPage({ title: 'Citation graph', body });
}
