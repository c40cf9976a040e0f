import { createHash } from 'node:crypto';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { LayerDescriptor } from './annotate.js';
import { emptyMap, hostileMap, sampleMap, spanOf } from './example-maps.js';
import { renderReport } from './index.js';

function dom(html: string) {
  return parseHTML(html).document;
}

/** The article as the page shows it, less the drawn chrome (markers, note numbers). */
function shownText(html: string): string {
  const doc = dom(html);
  const main = doc.querySelector('#ct-article')!;
  for (const el of main.querySelectorAll('.mk, .noteref, .anchor')) el.remove();
  return main.textContent ?? '';
}

describe('renderReport', () => {
  it('shows the text exactly, with overlapping layers as flat segments', () => {
    const map = sampleMap();
    const html = renderReport(map);
    expect(shownText(html)).toBe(map.text);
    const doc = dom(html);
    expect(doc.querySelectorAll('#ct-article mark mark').length).toBe(0);
    // The quotation "The deck is …" is also a claim: one segment carries both layers.
    const both = [...doc.querySelectorAll('mark.seg.l-quote.l-claim')];
    expect(both.map((m) => m.textContent)).toContain('The deck is no longer safe for heavy lorries,');
  });

  it('draws every layer the map has, and none it lacks', () => {
    const keys = (html: string) => [...dom(html).querySelectorAll('input[data-layer]')].map((i) => i.getAttribute('data-layer'));
    expect(keys(renderReport(sampleMap()))).toEqual(['quote', 'cue', 'speaker', 'citation', 'outlet', 'marked', 'claim', 'hedge', 'anonymous', 'technique', 'device']);
    const { claims: _c, hedges: _h, techniques: _t, devices: _d, evidence: _e, anonymousSources: _a, quoteStances: _q, ...plain } = sampleMap();
    const html = renderReport(plain);
    expect(keys(html)).toEqual(['quote', 'cue', 'speaker', 'citation', 'outlet', 'marked']);
    expect(html).not.toContain('Evidence summary');
  });

  it('links notes both ways and describes every highlight', () => {
    const doc = dom(renderReport(sampleMap()));
    const ref = doc.querySelector('a#ref-1')!;
    expect(ref.getAttribute('href')).toBe('#note-1');
    expect(doc.querySelector('#note-1 a.back')!.getAttribute('href')).toBe('#ref-1');
    expect(doc.getElementById('d-claim-2')!.textContent).toContain('Source named in the claim: “The agency RIA Novosti”');
    expect(doc.getElementById('d-claim-2')!.textContent).toContain('Outlet behind it: RIA Novosti, state-affiliated (State Media Matrix: state-controlled)');
    expect(doc.getElementById('d-claim-3')!.textContent).toContain('Qualified by “probably”');
    for (const mark of doc.querySelectorAll('#ct-article mark.seg')) {
      expect(mark.getAttribute('title')).toBeTruthy();
      for (const id of mark.getAttribute('aria-describedby')!.split(' ')) expect(doc.getElementById(id), id).not.toBeNull();
    }
  });

  it('words registry facts neutrally', () => {
    const html = renderReport(sampleMap());
    expect(html).toContain('state-affiliated (State Media Matrix: state-controlled)');
    expect(html).not.toMatch(/propaganda/i);
  });

  it('allows its own style and script by hash, and nothing from outside', () => {
    const html = renderReport(sampleMap());
    const doc = dom(html);
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!;
    const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    const scripts = [...doc.querySelectorAll('script')];
    expect(scripts.map((s) => s.getAttribute('type'))).toEqual(['application/json', null]);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src ${sha(scripts[1]!.textContent!)}`);
    expect(csp).toContain(`style-src ${sha(doc.querySelector('style')!.textContent!)}`);
    expect(csp).not.toContain('unsafe');
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
    expect(html).not.toMatch(/<link|\ssrc=|\sstyle=|url\((?!#ct-arrow\))|@import/i);
  });

  it.each([
    ['with its own evidence table', hostileMap()],
    ['with the evidence summarised from its claims', { ...hostileMap(), evidence: undefined }],
  ])('escapes every untrusted field and keeps no unsafe link (%s)', (_name, map) => {
    const html = renderReport(map);
    const doc = dom(html);
    expect(shownText(html)).toBe(map.text);
    expect(doc.querySelectorAll('script').length).toBe(2);
    expect(doc.querySelectorAll('img, iframe, object, embed, body svg:not(.graph)').length).toBe(0);
    for (const el of doc.querySelectorAll('*')) {
      for (const name of el.getAttributeNames()) expect(name.startsWith('on'), `${el.tagName} ${name}`).toBe(false);
    }
    for (const a of doc.querySelectorAll('a[href]')) expect(a.getAttribute('href')).toMatch(/^(#[a-z0-9-]+|https?:|mailto:)/);
    expect(doc.querySelector('h1')!.textContent).toContain("</script><script>window.__pwned&&window.__pwned.push('title')");
    expect(doc.documentElement.querySelector('main')!.getAttribute('lang')).toBe('en');
    const data = JSON.parse(doc.querySelector('#ct-data')!.textContent!);
    expect(Object.keys(data.annotations).length).toBeGreaterThan(0);
  });

  it('summarises the evidence from the claims when the map has no summary, and shows a summary it has', () => {
    const doc = dom(renderReport(sampleMap()));
    const evidence = doc.querySelector('dl.evidence')!.textContent!;
    expect(evidence).toContain('Claims3 (2 sourced, 1 unsourced)');
    expect(evidence).toContain('State-affiliated outletsRIA Novosti (Russia; State-controlled media)');
    expect(doc.querySelector('dl.evidence a')!.getAttribute('href')).toBe('#a-claim-3'); // the unsourced claim
    const generic = dom(renderReport(emptyMap('Text.', { evidence: { namedSources: 2, chains: ['A', 'B'] } })));
    expect(generic.querySelector('dl.evidence')!.textContent).toBe('Named sources2ChainsA, B');
  });

  it('renders an article with nothing found', () => {
    const html = renderReport(emptyMap('Just text, with <angle> brackets & no quotes.'));
    expect(shownText(html)).toBe('Just text, with <angle> brackets & no quotes.');
    expect(html).toContain('Nothing to highlight');
  });

  it('takes layers as data: a new descriptor draws without touching the renderer', () => {
    const map = emptyMap('One two three.');
    const numbers: LayerDescriptor = {
      key: 'number-word',
      label: 'Number words',
      signal: 'struck through',
      css: '.on-number-word .l-number-word{text-decoration-line:line-through}',
      collect: (m) => ['One', 'two'].map((w) => ({ spans: [spanOf(m.text, w)], classes: [], label: `Number word ${w}` })).map((a) => ({ ...a, details: [] })),
    };
    const doc = dom(renderReport(map, { layers: [numbers], hiddenLayers: ['number-word'] }));
    expect([...doc.querySelectorAll('#ct-article mark.l-number-word')].map((m) => m.textContent)).toEqual(['One', 'two']);
    expect(doc.querySelector('#ct-article')!.classList.contains('on-number-word')).toBe(false);
    expect(doc.querySelector('input[data-layer="number-word"]')!.hasAttribute('checked')).toBe(false);
  });

  it('throws on misuse, naming what it expected', () => {
    expect(() => renderReport(null as never)).toThrow('Expected a provenance map, not null');
    expect(() => renderReport({ ...sampleMap(), citations: undefined } as never)).toThrow('Expected a provenance map whose `citations` is an array, not undefined');
    const bad: LayerDescriptor = { key: 'Bad Key', label: '', signal: '', css: '', collect: () => [] };
    expect(() => renderReport(sampleMap(), { layers: [bad] })).toThrow(/Expected a layer key/);
  });
});
