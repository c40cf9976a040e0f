/**
 * The citation graph drawn on the server: outlets on a circle (the busiest first, clockwise
 * from the top), an arrow for each edge with its width growing with the citations behind it,
 * each outlet a link to its page. State-affiliated outlets have a dashed ring and "(state)" in
 * their label; `via` edges are dashed and named in the table the page puts beside the picture.
 */
import { escapeHtml } from '../report/escape-html.js';
import type { CitationGraph, GraphEdge, GraphNode } from '../store/types.js';

export interface GraphView {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  /** Nodes left out to keep the picture readable. */
  readonly hiddenNodes: number;
  /** Edges between the drawn nodes left out (the weakest) to keep the picture readable. */
  readonly hiddenEdges: number;
}

/**
 * Keeps the edges of at least `minWeight` citations, then the `maxNodes` outlets with the most,
 * then the `maxEdges` heaviest edges between them.
 */
export function selectGraph(graph: CitationGraph, minWeight: number, maxNodes = 40, maxEdges = 150): GraphView {
  const edges = graph.edges.filter((e) => e.count >= minWeight);
  const weight = new Map<string, number>();
  for (const e of edges) {
    weight.set(e.from, (weight.get(e.from) ?? 0) + e.count);
    weight.set(e.to, (weight.get(e.to) ?? 0) + e.count);
  }
  const ranked = graph.nodes.filter((n) => weight.has(n.id)).sort((a, b) => weight.get(b.id)! - weight.get(a.id)! || a.id.localeCompare(b.id));
  const kept = new Set(ranked.slice(0, maxNodes).map((n) => n.id));
  const between = edges.filter((e) => kept.has(e.from) && kept.has(e.to)).sort((a, b) => b.count - a.count || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  return {
    nodes: ranked.filter((n) => kept.has(n.id)),
    edges: between.slice(0, maxEdges),
    hiddenNodes: Math.max(0, ranked.length - kept.size),
    hiddenEdges: Math.max(0, between.length - maxEdges),
  };
}

export function outletHref(key: string): string {
  return `/outlet/${encodeURIComponent(key)}`;
}

export function graphSvg(view: GraphView): string {
  // Labels run outward along the radius (so 40 of them do not overlap): leave room for them.
  const width = 920;
  const height = 920;
  const [cx, cy] = [width / 2, height / 2];
  const radius = view.nodes.length <= 1 ? 0 : width / 2 - 180;
  const at = new Map(
    view.nodes.map((n, i) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, view.nodes.length);
      return [n.id, { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle), angle }] as const;
    }),
  );
  const maxCount = Math.max(1, ...view.edges.map((e) => e.count));
  const r = 9;
  const edges = view.edges.map((e) => {
    const a = at.get(e.from)!;
    const b = at.get(e.to)!;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy) || 1;
    // Stop short of the circles so the arrow head shows; bend a little so a↔b pairs do not overlap.
    const [x1, y1] = [a.x + (dx / len) * r, a.y + (dy / len) * r];
    const [x2, y2] = [b.x - (dx / len) * (r + 4), b.y - (dy / len) * (r + 4)];
    const [mx, my] = [(x1 + x2) / 2 - (dy / len) * 18, (y1 + y2) / 2 + (dx / len) * 18];
    const width = (1 + 4 * Math.sqrt(e.count / maxCount)).toFixed(1);
    const label = `${e.from} ${e.kind === 'via' ? 'relied on' : 'cites'} ${e.to}: ${e.count} citations in ${e.articles} articles`;
    return `<path class="edge ${e.kind}" d="M${x1.toFixed(1)},${y1.toFixed(1)} Q${mx.toFixed(1)},${my.toFixed(1)} ${x2.toFixed(1)},${y2.toFixed(1)}" stroke-width="${width}" marker-end="url(#arrow)"><title>${escapeHtml(label)}</title></path>`;
  });
  const nodes = view.nodes.map((n) => {
    const p = at.get(n.id)!;
    const cos = Math.cos(p.angle);
    const deg = (p.angle * 180) / Math.PI;
    // Right half: text reads outward from the node; left half: turned 180° so it is not upside down.
    const [lx, ly] = radius === 0 ? [p.x, p.y + r + 14] : [p.x + cos * (r + 5), p.y + Math.sin(p.angle) * (r + 5)];
    const anchor = radius === 0 ? 'middle' : cos >= 0 ? 'start' : 'end';
    const rotate = radius === 0 ? '' : ` transform="rotate(${(cos >= 0 ? deg : deg + 180).toFixed(1)} ${lx.toFixed(1)} ${ly.toFixed(1)})" dy="0.35em"`;
    const name = `${n.name.length > 28 ? `${[...n.name].slice(0, 27).join('')}…` : n.name}${n.stateAffiliated ? ' (state)' : ''}`;
    return [
      `<a href="${escapeHtml(outletHref(n.id))}" class="${n.stateAffiliated ? 'state' : 'outlet'}">`,
      `<title>${escapeHtml(`${n.name}${n.stateAffiliated ? ', state-affiliated' : ''}`)}</title>`,
      `<circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="${r}"></circle>`,
      `<text x="${lx.toFixed(1)}" y="${ly.toFixed(1)}" text-anchor="${anchor}"${rotate}>${escapeHtml(name)}</text>`,
      '</a>',
    ].join('');
  });
  return [
    `<svg class="graph" role="group" aria-labelledby="graph-t" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">`,
    '<title id="graph-t">Citation graph: which outlets cite which (the table below lists every edge)</title>',
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="11" markerHeight="11" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"></path></marker></defs>',
    ...edges,
    ...nodes,
    '</svg>',
  ].join('\n');
}
