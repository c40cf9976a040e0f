import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import type { DomDocument } from './dom-types.js';
import { elementRanges, markTextSources } from './source-positions.js';

const slices = (html: string) => {
  const r = elementRanges(html);
  return Array.from({ length: r.length / 2 }, (_, i) => html.slice(r[2 * i]!, r[2 * i + 1]!));
};

describe('elementRanges', () => {
  it('gives each element its markup, with implied and void ends', () => {
    const html = '<html><body><p>a<b>b</b><p>c<img src=x><br>d</p><ul><li>1<li>2</ul><svg><path/></svg></body></html>';
    expect(slices(html)).toEqual([
      html,
      '<body><p>a<b>b</b><p>c<img src=x><br>d</p><ul><li>1<li>2</ul><svg><path/></svg></body>',
      '<p>a<b>b</b>', // closed by the next <p>
      '<b>b</b>',
      '<p>c<img src=x><br>d</p>',
      '<img src=x>',
      '<br>',
      '<ul><li>1<li>2</ul>',
      '<li>1',
      '<li>2',
      '<svg><path/></svg>',
      '<path/>',
    ]);
  });

  it('ends unclosed elements at the end of the markup', () => {
    expect(slices('<div><p>never closed')).toEqual(['<div><p>never closed', '<p>never closed']);
  });
});

describe('markTextSources', () => {
  it('maps text nodes to their block-level element, counting <template> contents like the parser', () => {
    const html = '<html><body><template><p>t</p></template><div>x <b>y</b></div>loose</body></html>';
    const { document } = parseHTML(html) as unknown as { document: DomDocument };
    const el = (selector: string) => document.querySelector(selector) as unknown as { firstChild: object; lastChild: object };
    const ranges = elementRanges(html);
    const map = markTextSources(document, ranges)!;
    expect(map).not.toBeNull();
    const div = el('div');
    const b = el('b');
    const body = el('body');
    const at = (n: object) => html.slice(ranges[2 * map.get(n)!]!, ranges[2 * map.get(n)! + 1]!);
    expect(at(div.firstChild)).toBe('<div>x <b>y</b></div>');
    expect(at(b.firstChild)).toBe('<div>x <b>y</b></div>');
    expect(at(body.lastChild)).toMatch(/^<body>/);
  });

  it('gives no map when the document does not match the ranges', () => {
    const { document } = parseHTML('<html><body><p>a</p></body></html>') as unknown as { document: DomDocument };
    expect(markTextSources(document, elementRanges('<html><body><p>a</p><p>b</p></body></html>'))).toBeNull();
  });
});
