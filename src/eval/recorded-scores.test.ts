import { describe, expect, it } from 'vitest';
import { checkFailed, citationHeadline, compareHeadline } from './recorded-scores.js';

describe('compareHeadline', () => {
  it.each([
    [0.6, 0.6, 'ok'],
    [0.6, 0.595, 'ok'], // exactly the tolerance: not a drop
    [0.6, 0.5949, 'dropped'],
    [0.6, 0.62, 'improved'],
  ] as const)('recorded %d, now %d: %s', (recorded, current, status) => {
    expect(compareHeadline({ f1: recorded }, { f1: current })[0]?.status).toBe(status);
  });

  it('fails on a vanished score, not on a new one', () => {
    const c = compareHeadline({ a: 0.5, b: 0.5 }, { a: 0.5, c: 0.1 });
    expect(c.map((x) => x.status)).toEqual(['ok', 'missing', 'new']);
    expect(checkFailed(c)).toBe(true);
    expect(checkFailed(compareHeadline({ a: 0.5 }, { a: 0.5, c: 0.1 }))).toBe(false);
  });
});

describe('citationHeadline', () => {
  it('keeps the F1 figures of whatever shape the citation score has', () => {
    expect(citationHeadline({ f1: 0.4, precision: 0.5, outlet: { F1: 0.3, n: 3 }, rows: [{ f1: 1 }] })).toEqual({
      'citations.f1': 0.4,
      'citations.outlet.F1': 0.3,
    });
    // The shape of src/eval/citations.ts: detection P/R/F1 and counts, per-field accuracies, cases.
    expect(citationHeadline({ detection: { p: 1, r: 0.5, f1: 0.667, tp: 1, fp: 0, fn: 1 }, fields: { date: 1, outlet: 0.5 }, cases: [] })).toEqual({
      'citations.detection.f1': 0.667,
      'citations.fields.date': 1,
      'citations.fields.outlet': 0.5,
    });
    expect(citationHeadline(null)).toEqual({});
  });
});
