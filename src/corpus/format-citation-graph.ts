import type { CitationGraph } from '../store/types.js';
import { toCsv } from './to-csv.js';

/**
 * The citation graph in the formats graph tools read: GraphML (yEd, Gephi, NetworkX, igraph),
 * GEXF 1.3 (Gephi) and CSV edge lists (spreadsheets, pandas). Nodes are outlets keyed by their
 * registry key; edges are directed, weighted by the number of citations behind them.
 */
export type GraphFormat = 'graphml' | 'gexf' | 'csv' | 'json';

export function formatCitationGraph(graph: CitationGraph, format: GraphFormat): string {
  switch (format) {
    case 'graphml':
      return toGraphml(graph);
    case 'gexf':
      return toGexf(graph);
    case 'csv':
      return toEdgeCsv(graph);
    case 'json':
      return JSON.stringify(graph, null, 2) + '\n';
  }
}

export function toGraphml(graph: CitationGraph): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="name" for="node" attr.name="name" attr.type="string"/>',
    '  <key id="stateAffiliated" for="node" attr.name="stateAffiliated" attr.type="boolean"/>',
    '  <key id="country" for="node" attr.name="country" attr.type="string"/>',
    '  <key id="kind" for="edge" attr.name="kind" attr.type="string"/>',
    '  <key id="weight" for="edge" attr.name="weight" attr.type="int"/>',
    '  <key id="articles" for="edge" attr.name="articles" attr.type="int"/>',
    '  <graph id="citations" edgedefault="directed">',
  ];
  for (const n of graph.nodes) {
    lines.push(`    <node id="${xml(n.id)}">`);
    lines.push(`      <data key="name">${xml(n.name)}</data>`);
    lines.push(`      <data key="stateAffiliated">${n.stateAffiliated}</data>`);
    if (n.country) lines.push(`      <data key="country">${xml(n.country)}</data>`);
    lines.push('    </node>');
  }
  graph.edges.forEach((e, i) => {
    lines.push(`    <edge id="e${i}" source="${xml(e.from)}" target="${xml(e.to)}">`);
    lines.push(`      <data key="kind">${e.kind}</data>`);
    lines.push(`      <data key="weight">${e.count}</data>`);
    lines.push(`      <data key="articles">${e.articles}</data>`);
    lines.push('    </edge>');
  });
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

export function toGexf(graph: CitationGraph): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    '  <meta>',
    '    <creator>claimtrace</creator>',
    '    <description>Outlets citing outlets: publisher → cited outlet (cites), cited outlet → its source (via)</description>',
    '  </meta>',
    '  <graph defaultedgetype="directed" mode="static">',
    '    <attributes class="node">',
    '      <attribute id="stateAffiliated" title="stateAffiliated" type="boolean"/>',
    '      <attribute id="country" title="country" type="string"/>',
    '    </attributes>',
    '    <attributes class="edge">',
    '      <attribute id="articles" title="articles" type="integer"/>',
    '    </attributes>',
    '    <nodes>',
  ];
  for (const n of graph.nodes) {
    lines.push(`      <node id="${xml(n.id)}" label="${xml(n.name)}">`);
    lines.push('        <attvalues>');
    lines.push(`          <attvalue for="stateAffiliated" value="${n.stateAffiliated}"/>`);
    if (n.country) lines.push(`          <attvalue for="country" value="${xml(n.country)}"/>`);
    lines.push('        </attvalues>');
    lines.push('      </node>');
  }
  lines.push('    </nodes>', '    <edges>');
  graph.edges.forEach((e, i) => {
    lines.push(`      <edge id="e${i}" source="${xml(e.from)}" target="${xml(e.to)}" kind="${e.kind}" label="${e.kind}" weight="${e.count}">`);
    lines.push(`        <attvalues><attvalue for="articles" value="${e.articles}"/></attvalues>`);
    lines.push('      </edge>');
  });
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}

export function toEdgeCsv(graph: CitationGraph): string {
  const names = new Map(graph.nodes.map((n) => [n.id, n]));
  return toCsv(
    ['from', 'from_name', 'to', 'to_name', 'kind', 'count', 'articles', 'to_state_affiliated'],
    graph.edges.map((e) => [e.from, names.get(e.from)?.name, e.to, names.get(e.to)?.name, e.kind, e.count, e.articles, names.get(e.to)?.stateAffiliated]),
  );
}

/**
 * Escapes text for XML content and attribute values, and drops the characters XML 1.0 cannot
 * hold at all (C0 controls other than tab, LF and CR; lone surrogates; U+FFFE/U+FFFF), which a
 * scraped outlet name can carry.
 */
export function xml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
