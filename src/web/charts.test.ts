import { describe, expect, it } from 'vitest';
import { barChartSvg, fillMonths, timelineSvg } from './charts.js';
import { graphSvg, selectGraph } from './graph-svg.js';

describe('charts', () => {
  it('fills the months between the first and the last', () => {
    expect(fillMonths([{ month: '2025-11', value: 2 }, { month: '2026-02', value: 1 }, { month: 'bad', value: 9 }])).toEqual([
      { month: '2025-11', value: 2 },
      { month: '2025-12', value: 0 },
      { month: '2026-01', value: 0 },
      { month: '2026-02', value: 1 },
    ]);
    expect(fillMonths([{ month: '2000-01', value: 1 }, { month: '2026-01', value: 1 }], 12)).toHaveLength(12);
    expect(fillMonths([])).toEqual([]);
  });

  it('writes each number as text and escapes labels', () => {
    const svg = barChartSvg('c', 'Quotes <by> outlet', [{ label: '<script>alert(1)</script>', value: 7 }, { label: 'B', value: 3 }]);
    expect(svg).toContain('>7</text>');
    expect(svg).toContain('>3</text>');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('<title id="c-t">Quotes &lt;by&gt; outlet</title>');
    expect(timelineSvg('t', 'T', fillMonths([{ month: '2026-01', value: 4 }, { month: '2026-03', value: 2 }]))).toContain('>4</text>');
  });

  it('draws the graph with links to outlet pages, state outlets marked in words', () => {
    const graph = {
      nodes: [
        { id: 'a', name: 'A "News"', stateAffiliated: false, country: null },
        { id: 'rt', name: 'RT', stateAffiliated: true, country: 'RU' },
        { id: 'c', name: 'C', stateAffiliated: false, country: null },
      ],
      edges: [
        { from: 'a', to: 'rt', kind: 'cites' as const, count: 3, articles: 2 },
        { from: 'rt', to: 'c', kind: 'via' as const, count: 1, articles: 1 },
      ],
    };
    const view = selectGraph(graph, 2);
    expect(view.nodes.map((n) => n.id)).toEqual(['a', 'rt']);
    const svg = graphSvg(view);
    expect(svg).toContain('href="/outlet/rt"');
    expect(svg).toContain('RT (state)');
    expect(svg).toContain('A &quot;News&quot;');
    expect(selectGraph(graph, 1, 2).hiddenNodes).toBe(1);
    expect(selectGraph(graph, 1, 3, 1)).toMatchObject({ hiddenEdges: 1, edges: [{ from: 'a', to: 'rt' }] });
  });
});
