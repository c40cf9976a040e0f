import { describe, expect, it } from 'vitest';
import { segmentText } from './segment-text.js';

const cut = (text: string, annotations: { id: string; spans: { start: number; end: number }[] }[]) =>
  segmentText(text.length, annotations).map((s) => [text.slice(s.start, s.end), s.ids.join(',')]);

describe('segmentText', () => {
  it.each([
    ['no annotations: one plain segment', 'abcdef', [], [['abcdef', '']]],
    ['disjoint', 'abcdef', [{ id: 'a', spans: [{ start: 1, end: 2 }] }, { id: 'b', spans: [{ start: 4, end: 5 }] }], [['a', ''], ['b', 'a'], ['cd', ''], ['e', 'b'], ['f', '']]],
    ['nested', 'abcdef', [{ id: 'o', spans: [{ start: 0, end: 6 }] }, { id: 'i', spans: [{ start: 2, end: 4 }] }], [['ab', 'o'], ['cd', 'o,i'], ['ef', 'o']]],
    ['crossing', 'abcdef', [{ id: 'x', spans: [{ start: 0, end: 4 }] }, { id: 'y', spans: [{ start: 2, end: 6 }] }], [['ab', 'x'], ['cd', 'x,y'], ['ef', 'y']]],
    ['same span twice', 'abc', [{ id: 'x', spans: [{ start: 0, end: 3 }] }, { id: 'y', spans: [{ start: 0, end: 3 }] }], [['abc', 'x,y']]],
    ['several spans of one annotation', 'abcdef', [{ id: 'q', spans: [{ start: 4, end: 6 }, { start: 0, end: 2 }] }], [['ab', 'q'], ['cd', ''], ['ef', 'q']]],
    ['spans of one annotation that touch or overlap', 'abcdef', [{ id: 'q', spans: [{ start: 0, end: 3 }, { start: 2, end: 5 }] }], [['ab', 'q'], ['c', 'q'], ['de', 'q'], ['f', '']]],
    ['out of range and empty spans are clipped or dropped', 'abc', [{ id: 'z', spans: [{ start: 2, end: 99 }, { start: 1, end: 1 }, { start: 3, end: 2 }] }], [['ab', ''], ['c', 'z']]],
  ] as const)('%s', (_name, text, annotations, expected) => {
    expect(cut(text, annotations.map((a) => ({ id: a.id, spans: [...a.spans] })))).toEqual(expected);
  });

  it('marks where each annotation starts and ends, once', () => {
    const segments = segmentText(6, [{ id: 'q', spans: [{ start: 0, end: 2 }, { start: 4, end: 6 }] }]);
    expect(segments.map((s) => [s.starts.join(), s.ends.join()])).toEqual([['q', ''], ['', ''], ['', 'q']]);
  });

  it('covers the whole text with no gaps', () => {
    const text = 'x'.repeat(50);
    const annotations = Array.from({ length: 20 }, (_, i) => ({ id: `a${i}`, spans: [{ start: (i * 7) % 45, end: ((i * 7) % 45) + 1 + (i % 6) }] }));
    const segments = segmentText(text.length, annotations);
    expect(segments[0]!.start).toBe(0);
    expect(segments.at(-1)!.end).toBe(50);
    for (let i = 1; i < segments.length; i++) expect(segments[i]!.start).toBe(segments[i - 1]!.end);
  });
});
