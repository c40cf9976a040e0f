import { describe, expect, it } from 'vitest';
import { emptyMap, sampleMap, spanOf } from './example-maps.js';
import { buildProvenanceGraph, layoutGraph, renderProvenanceGraph } from './provenance-graph.js';
import { buildContext } from './render-report.js';

function edgesOf(map: ReturnType<typeof sampleMap>): string[] {
  const graph = buildProvenanceGraph(map, buildContext(map));
  const label = new Map(graph.nodes.map((n) => [n.id, n.label]));
  return graph.edges.map((e) => `${label.get(e.from)} → ${label.get(e.to)} (${e.quotes})`).sort();
}

describe('the provenance graph', () => {
  it('draws article → outlet → speaker, and speakers quoted directly from the article', () => {
    expect(edgesOf(sampleMap())).toEqual([
      'Article → DO · Dana Okafor (2)',
      'Article → Harbour Radio (1)',
      'Article → OF · Officials who asked not to be named (1)',
      'Article → RIA Novosti (1)',
      'Harbour Radio → HR · Harbour Radio (1)',
      'RIA Novosti → RN · RIA Novosti (1)',
    ]);
  });

  it('puts the outlet a cited source relied on one column further, between it and the speaker', () => {
    const text = 'The toll rose, the site said (Front Page, citing Fars).';
    const s = (needle: string) => spanOf(text, needle);
    const outlet = (id: string, name: string) => ({ id, key: name.toLowerCase(), name, aliasesSeen: [], domains: [], country: null, stateAffiliated: id === 'o2', registry: null, roles: ['cited' as const], mentions: [] });
    const map = emptyMap(text, {
      quotes: [{ id: 'q1', kind: 'indirect', content: [s('The toll rose')], cue: s('said'), speaker: { mention: s('the site'), name: null, description: null, kind: 'outlet', organisation: null, antecedent: null, entityId: null, outletId: null }, via: { citationIds: ['c1'], outletIds: ['o1', 'o2'] }, paragraphId: null, confidence: 0.8 }],
      citations: [{ id: 'c1', kind: 'parenthetical', span: s('(Front Page, citing Fars)'), authors: [], title: null, outlet: 'Front Page', outletId: 'o1', date: null, ibidOf: null, via: { text: 'citing Fars', outlet: 'Fars', outletId: 'o2' }, url: null, covers: { quoteIds: ['q1'], paragraphId: null } }],
      outlets: [outlet('o1', 'Front Page'), outlet('o2', 'Fars')],
    });
    expect(edgesOf(map)).toEqual(['Article → Front Page (1)', 'Fars → SI · the site (1)', 'Front Page → Fars (1)']);
    const graph = buildProvenanceGraph(map, buildContext(map));
    expect(graph.nodes.map((n) => [n.label, n.column])).toEqual([['Article', 0], ['Front Page', 1], ['Fars', 2], ['SI · the site', 3]]);
  });

  it('routes an edge that skips columns through waypoints, never behind another box', () => {
    const map = sampleMap();
    const layout = layoutGraph(buildProvenanceGraph(map, buildContext(map)));
    const columns = new Map<number, number[]>();
    for (const n of layout.nodes) columns.set(n.x, [...(columns.get(n.x) ?? []), n.y]);
    for (const ys of columns.values()) expect(new Set(ys).size).toBe(ys.length); // no two boxes share a place
    expect(layout.nodes.some((n) => n.kind === 'direct')).toBe(true);
    for (const e of layout.edges) {
      const a = layout.nodes.find((n) => n.id === e.from)!;
      const b = layout.nodes.find((n) => n.id === e.to)!;
      expect(b.column - a.column).toBe(1);
    }
  });

  it('says so when there is nothing to draw', () => {
    const map = emptyMap('Nothing here.');
    expect(renderProvenanceGraph(buildProvenanceGraph(map, buildContext(map)))).toContain('No quotations or cited sources');
  });
});
