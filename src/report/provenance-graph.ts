/**
 * The graph of who is quoted through whom: article → outlets → speakers, as inline SVG.
 *
 * Why hand-written and not Cytoscape.js: the graph is a layered DAG of fixed depth (article,
 * cited outlets, the outlets they relied on, speakers), which a column layout with barycentric
 * ordering draws cleanly in a hundred lines. Cytoscape's minified build (3.34.4,
 * dist/cytoscape.min.js) would add 436 KB of script to every report (the Darvan example's report
 * is 77 KB in all without it), draws on a canvas that screen
 * readers and the keyboard cannot reach and that prints as a bitmap, and shows nothing until its
 * script has run. SVG built at render time needs no script, prints as vectors, and each node
 * carries a `<title>` with its facts; a text list of the same edges follows for screen readers.
 */
import type { ReportContext } from './annotate.js';
import { affiliationOf } from './describe-sources.js';
import { escapeHtml } from './escape-html.js';
import type { ReportMap } from './optional-layers.js';

export interface GraphNode {
  readonly id: string;
  readonly kind: 'article' | 'outlet' | 'speaker';
  readonly label: string;
  readonly title: string;
  readonly column: number;
  readonly stateAffiliated: boolean;
  readonly speakerColour?: number;
}

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  /** How many quotations travel along the edge (0 for a citation that covers none). */
  readonly quotes: number;
}

export interface ProvenanceGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

/** Builds the nodes and edges; `layoutGraph` places them. */
export function buildProvenanceGraph(map: ReportMap, context: ReportContext): ProvenanceGraph {
  const edges = new Map<string, { from: string; to: string; quotes: number }>();
  const addEdge = (from: string, to: string, quotes: number) => {
    if (from === to) return;
    const key = `${from}\u0000${to}`;
    const e = edges.get(key);
    if (e) e.quotes += quotes;
    else edges.set(key, { from, to, quotes });
  };
  const outletNode = (id: string) => `o:${id}`;
  const usedOutlets = new Set<string>();
  const viaOf = new Map<string, string>(); // cited outlet → the outlet it relied on

  for (const c of map.citations) {
    if (c.outletId && context.outletsById.has(c.outletId)) {
      usedOutlets.add(c.outletId);
      addEdge('article', outletNode(c.outletId), 0);
      if (c.via?.outletId && context.outletsById.has(c.via.outletId)) {
        usedOutlets.add(c.via.outletId);
        viaOf.set(c.outletId, c.via.outletId);
        addEdge(outletNode(c.outletId), outletNode(c.via.outletId), 0);
      }
    }
  }

  for (const q of map.quotes) {
    const speaker = context.speakers.byQuote.get(q.id);
    if (!speaker) continue;
    const target = `s:${speaker.index}`;
    const outlets = q.via.outletIds.filter((o) => context.outletsById.has(o));
    const viaTargets = new Set(outlets.map((o) => viaOf.get(o)).filter((o): o is string => !!o && outlets.includes(o)));
    // The last outlets in each chain pass the quote to the speaker; the others pass it on.
    const lasts = outlets.filter((o) => !viaOf.has(o) || !viaTargets.has(viaOf.get(o)!));
    if (lasts.length === 0) addEdge('article', target, 1);
    for (const o of outlets) {
      usedOutlets.add(o);
      if (!viaTargets.has(o)) addEdge('article', outletNode(o), 1);
      const next = viaOf.get(o);
      if (next && viaTargets.has(next)) addEdge(outletNode(o), outletNode(next), 1);
    }
    for (const o of lasts) addEdge(outletNode(o), target, 1);
  }

  // Columns: cited outlets at 1, the outlets they relied on one further (cycles are cut at depth 3).
  const depth = new Map<string, number>([...usedOutlets].map((o) => [o, 1]));
  for (let round = 0; round < 3; round++) {
    for (const [from, to] of viaOf) {
      const d = (depth.get(from) ?? 1) + 1;
      if (d <= 3 && d > (depth.get(to) ?? 1)) depth.set(to, d);
    }
  }
  const speakerColumn = Math.max(1, ...depth.values()) + 1;

  const nodes: GraphNode[] = [
    { id: 'article', kind: 'article', label: 'Article', title: `The article${map.meta.title ? ` “${map.meta.title}”` : ''}${map.meta.outlet ? `, published by ${map.meta.outlet}` : ''}`, column: 0, stateAffiliated: false },
  ];
  for (const id of usedOutlets) {
    const o = context.outletsById.get(id)!;
    nodes.push({ id: outletNode(id), kind: 'outlet', label: o.name, title: `${o.name}: ${affiliationOf(o)}`, column: depth.get(id) ?? 1, stateAffiliated: o.stateAffiliated });
  }
  for (const s of context.speakers.speakers) {
    const quotes = `${s.quoteIds.length} quotation${s.quoteIds.length === 1 ? '' : 's'}`;
    const outlet = s.outletId ? context.outletsById.get(s.outletId) : undefined;
    const facts = outlet ? `, ${affiliationOf(outlet)}` : '';
    nodes.push({ id: `s:${s.index}`, kind: 'speaker', label: `${s.initials} · ${s.name}`, title: `${s.name}: ${quotes}${facts}`, column: speakerColumn, stateAffiliated: outlet?.stateAffiliated ?? false, speakerColour: s.colour });
  }
  return { nodes, edges: [...edges.values()] };
}

type LayoutKind = GraphNode['kind'] | 'direct' | 'bend';

interface LayoutNode extends Omit<GraphNode, 'kind'> {
  readonly kind: LayoutKind;
}

interface Placed extends LayoutNode {
  readonly x: number;
  readonly y: number;
  readonly w: number;
}

interface LaidEdge {
  readonly from: string;
  readonly to: string;
  quotes: number;
}

export interface GraphLayout {
  readonly nodes: readonly Placed[];
  readonly edges: readonly LaidEdge[];
  readonly width: number;
  readonly height: number;
}

const NODE_H = 22;
const ROW = 28;
const COL_GAP = 22;
/** Narrow enough that four columns fit the side panel unscaled (about 500 px). */
const WIDTH: Readonly<Record<LayoutKind, number>> = { article: 72, outlet: 118, direct: 118, speaker: 140, bend: 24 };

/**
 * Column layout. An edge that skips a column (a speaker quoted with no outlet in between) is
 * routed through a waypoint in each column it crosses, so it never runs behind another box;
 * the article's waypoint in the outlet column is drawn as a "quoted directly" node. Nodes in a
 * column are ordered by the mean row of their predecessors, which keeps crossings few.
 */
export function layoutGraph(graph: ProvenanceGraph): GraphLayout {
  const columnOf = new Map(graph.nodes.map((n) => [n.id, n.column]));
  const nodes: LayoutNode[] = [...graph.nodes];
  const edges = new Map<string, LaidEdge>();
  const addEdge = (from: string, to: string, quotes: number) => {
    const key = `${from}\u0000${to}`;
    const e = edges.get(key);
    if (e) e.quotes += quotes;
    else edges.set(key, { from, to, quotes });
  };
  const waypoints = new Set<string>();
  for (const e of graph.edges) {
    const a = columnOf.get(e.from);
    const b = columnOf.get(e.to);
    if (a === undefined || b === undefined) continue;
    let previous = e.from;
    for (let c = a + 1; c < b; c++) {
      const id = `w:${e.from}:${c}`;
      if (!waypoints.has(id)) {
        waypoints.add(id);
        const direct = e.from === 'article' && c === a + 1;
        nodes.push({
          id,
          kind: direct ? 'direct' : 'bend',
          label: direct ? 'quoted directly' : '',
          title: direct ? 'Quoted in the article with no outlet in between' : '',
          column: c,
          stateAffiliated: false,
        });
      }
      addEdge(previous, id, e.quotes);
      previous = id;
    }
    addEdge(previous, e.to, e.quotes);
  }
  const laid = [...edges.values()];

  const columns = new Map<number, LayoutNode[]>();
  for (const n of nodes) columns.set(n.column, [...(columns.get(n.column) ?? []), n]);
  const row = new Map<string, number>();
  const placed: Placed[] = [];
  const keys = [...columns.keys()].sort((a, b) => a - b);
  const tallest = Math.max(1, ...[...columns.values()].map((c) => c.length));
  let x = 8;
  for (const column of keys) {
    const members = columns.get(column)!;
    const centre = (n: LayoutNode) => {
      const rows = laid.filter((e) => e.to === n.id && row.has(e.from)).map((e) => row.get(e.from)!);
      return rows.length ? rows.reduce((a, b) => a + b, 0) / rows.length : Number.MAX_SAFE_INTEGER;
    };
    const ordered = members.map((n, i) => ({ n, i, c: centre(n) })).sort((a, b) => a.c - b.c || a.i - b.i);
    const offset = (tallest - ordered.length) / 2;
    const w = Math.max(...members.map((n) => WIDTH[n.kind]));
    for (const [i, { n }] of ordered.entries()) {
      row.set(n.id, offset + i);
      placed.push({ ...n, x, y: 8 + (offset + i) * ROW, w });
    }
    x += w + COL_GAP;
  }
  return { nodes: placed, edges: laid, width: x - COL_GAP + 8, height: 16 + (tallest - 1) * ROW + NODE_H };
}

function truncate(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}

/** The SVG and a text list of its edges; every label is escaped. */
export function renderProvenanceGraph(graph: ProvenanceGraph): string {
  if (graph.nodes.length <= 1) return '<p class="muted">No quotations or cited sources to draw.</p>';
  const layout = layoutGraph(graph);
  const { width, height } = layout;
  const at = new Map(layout.nodes.map((n) => [n.id, n]));
  const nodes = layout.nodes.filter((n) => n.kind !== 'bend');
  const paths = layout.edges.flatMap((e) => {
    const a = at.get(e.from);
    const b = at.get(e.to);
    if (!a || !b) return [];
    const x1 = a.x + a.w;
    const y1 = a.y + NODE_H / 2;
    const y2 = b.y + NODE_H / 2;
    const w = e.quotes > 1 ? 2.5 : 1.5;
    if (b.kind === 'bend') {
      // Into the waypoint and straight across its column.
      const mid = (x1 + b.x) / 2;
      return [`<path class="edge" d="M${x1},${y1} C${mid},${y1} ${mid},${y2} ${b.x},${y2} L${b.x + b.w},${y2}" stroke-width="${w}"/>`];
    }
    const x2 = b.x - 4;
    const mid = (x1 + x2) / 2;
    return [`<path class="edge" d="M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}" stroke-width="${w}" marker-end="url(#ct-arrow)"/>`];
  });
  const logical = new Map(graph.nodes.map((n) => [n.id, n]));
  const boxes = nodes.map((n) => {
    const cls = ['node', `node-${n.kind}`, n.stateAffiliated ? 'node-state' : '', n.speakerColour !== undefined ? `spk-${n.speakerColour}` : ''].filter(Boolean).join(' ');
    const mark = n.stateAffiliated ? '◆ ' : '';
    return `<g class="${cls}"><title>${escapeHtml(n.title)}</title><rect x="${n.x}" y="${n.y}" width="${n.w}" height="${NODE_H}" rx="4"/><text x="${n.x + 5}" y="${n.y + 15}">${escapeHtml(mark + truncate(n.label, Math.floor((n.w - 8) / 6)))}</text></g>`;
  });
  const list = graph.edges
    .map((e) => {
      const a = logical.get(e.from);
      const b = logical.get(e.to);
      if (!a || !b) return '';
      const q = e.quotes > 0 ? ` (${e.quotes} quotation${e.quotes === 1 ? '' : 's'})` : '';
      return `<li>${escapeHtml(`${a.label} → ${b.label}${q}`)}</li>`;
    })
    .join('');
  return [
    `<svg class="graph" role="img" aria-labelledby="ct-graph-title" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">`,
    '<title id="ct-graph-title">Who is quoted through whom: the article, the outlets it cites, and the speakers</title>',
    '<defs><marker id="ct-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0 L8,4 L0,8 z"/></marker></defs>',
    ...paths,
    ...boxes,
    '</svg>',
    '<p class="graph-key">◆ and a dashed border: state-affiliated outlet. Thicker line: more than one quotation.</p>',
    `<details class="graph-list"><summary>The same graph as a list</summary><ul>${list}</ul></details>`,
  ].join('\n');
}
