import { describe, expect, it } from 'vitest';
import { mergeRanges, scoreSi, scoreTc, toCodePointRanges, toUtf16Spans, type LabelledRange, type Range } from './score-ptc.js';

describe('mergeRanges', () => {
  it.each([
    [[[5, 15], [0, 10], [20, 30]], [[0, 15], [20, 30]]],
    // touching ranges merge, as in score_si.py (`s <= last end`)
    [[[0, 5], [5, 8]], [[0, 8]]],
    [[[0, 5], [6, 8]], [[0, 5], [6, 8]]],
    [[], []],
  ] as [Range[], Range[]][])('%j → %j', (input, expected) => {
    expect(mergeRanges(input)).toEqual(expected);
  });
});

describe('scoreSi', () => {
  it('gives partial credit per overlap, on merged spans', () => {
    const gold = new Map<string, Range[]>([['a', [[0, 10], [5, 15], [20, 30]]]]);
    const pred = new Map<string, Range[]>([['a', [[10, 25]]]]);
    const s = scoreSi(gold, pred);
    // one predicted span: 5/15 inside [0,15) and 5/15 inside [20,30)
    expect(s.p).toBeCloseTo(10 / 15, 10);
    // two gold spans: 5/15 and 5/10 covered
    expect(s.r).toBeCloseTo((5 / 15 + 5 / 10) / 2, 10);
    expect(s.f1).toBeCloseTo((2 * s.p * s.r) / (s.p + s.r), 10);
    expect(s).toMatchObject({ predSpans: 1, goldSpans: 2 });
  });

  it('counts gold spans of articles without predictions, and ignores articles absent from gold', () => {
    const gold = new Map<string, Range[]>([
      ['a', [[0, 4]]],
      ['b', [[0, 4]]],
    ]);
    const pred = new Map<string, Range[]>([
      ['a', [[0, 4]]],
      ['z', [[0, 100]]],
    ]);
    expect(scoreSi(gold, pred)).toEqual({ p: 1, r: 0.5, f1: 2 / 3, predSpans: 1, goldSpans: 2 });
  });

  it('is zero, not NaN, with nothing predicted', () => {
    expect(scoreSi(new Map([['a', [[0, 4] as Range]]]), new Map()).f1).toBe(0);
  });
});

describe('scoreTc', () => {
  const g = (start: number, end: number, technique: string): LabelledRange => ({ start, end, technique });
  it('matches labels as a multiset within identical spans', () => {
    const gold = new Map([['a', [g(0, 5, 'Loaded_Language'), g(0, 5, 'Repetition'), g(7, 9, 'Doubt')]]]);
    const pred = new Map([['a', [g(0, 5, 'Repetition'), g(0, 5, 'Repetition'), g(7, 9, 'Slogans')]]]);
    const s = scoreTc(gold, pred);
    expect(s.matched).toBe(1);
    expect(s.microF1).toBeCloseTo(1 / 3, 10);
    const repetition = s.perTechnique.find((t) => t.technique === 'Repetition')!;
    expect(repetition).toMatchObject({ gold: 1, predicted: 2, p: 0.5, r: 1 });
    expect(s.perTechnique.find((t) => t.technique === 'Doubt')).toMatchObject({ gold: 1, predicted: 0, f1: 0 });
  });
  it('needs the exact span', () => {
    const s = scoreTc(new Map([['a', [g(0, 5, 'Doubt')]]]), new Map([['a', [g(0, 6, 'Doubt')]]]));
    expect(s.microF1).toBe(0);
  });
});

describe('offset conversion (PTC counts code points, claimtrace UTF-16 units)', () => {
  // 😀 is one code point and two UTF-16 code units
  const text = 'Go 😀 now! Never surrender.';
  it('maps UTF-16 spans after an emoji one code point back', () => {
    const now = { start: text.indexOf('now'), end: text.indexOf('now') + 3 };
    expect(now).toEqual({ start: 6, end: 9 });
    expect(toCodePointRanges(text, [now])).toEqual([[5, 8]]);
    expect([...text].slice(5, 8).join('')).toBe('now');
  });
  it('round-trips, and spans before the emoji are unchanged', () => {
    const ranges: Range[] = [[0, 2], [3, 4], [5, 8], [10, 26]];
    const spans = toUtf16Spans(text, ranges);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['Go', '😀', 'now', 'Never surrender.']);
    expect(toCodePointRanges(text, spans)).toEqual(ranges);
  });
});
