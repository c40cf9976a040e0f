import { describe, expect, it } from 'vitest';
import { sharedDir } from './paths.js';
import { formatPtc, ptcAvailable, ptcHeadline, scorePtc } from './ptc-score.js';

describe('ptcAvailable', () => {
  it('is false where there is no PTC', () => {
    expect(ptcAvailable('/nonexistent-claimtrace-shared', 'dev')).toBe(false);
  });
});

// Needs ../shared/datasets/ptc (never copied into the repository); skipped without it.
describe.skipIf(!ptcAvailable(sharedDir(), 'dev'))('scorePtc on PTC dev', () => {
  it('scores SI, high-precision SI and TC of the shipped model, with the guarded headline', () => {
    const report = scorePtc(sharedDir(), 'dev');
    expect(report.articles).toBe(75);
    expect(report.tc.gold).toBe(report.goldLines);
    for (const x of [report.si.f1, report.tc.microF1, report.highPrecision.p]) {
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThanOrEqual(1);
    }
    // the high-precision setting predicts fewer spans, more precisely
    expect(report.highPrecision.predSpans).toBeLessThan(report.si.predSpans);
    expect(report.highPrecision.p).toBeGreaterThan(report.si.p);
    expect(Object.keys(ptcHeadline(report)).sort()).toEqual(['rhetoric.highPrecision.p', 'rhetoric.si.f1', 'rhetoric.tc.microF1']);
    expect(formatPtc(report, 'dev')).toMatch(/TC micro-F1 on gold spans 0\.\d{3}/);
  }, 60_000);
});
