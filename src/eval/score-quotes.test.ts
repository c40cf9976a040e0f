import { describe, expect, it } from 'vitest';
import { aggregate, bootstrap, documentKey, scoreDocument, scoreQuotes, type GoldDocument, type PredDocument } from './score-quotes.js';

// Four astral characters (two UTF-16 code units each, one code point each) before everything
// else: a prediction's UTF-16 offsets sit 4 units after the gold's code-point offsets, enough
// to break speaker and cue overlap if the conversion were skipped.
const text = '🦀🦀🦀🦀 Mayor Ann Lee said "we will rebuild the bridge" on Monday. Critics argue the cost is too high. 🦀 "Nonsense," he added.';

/** UTF-16 span of the first occurrence of `s` (after `from`). */
function u16(s: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(s, from);
  if (start < 0) throw new Error(`not in text: ${s}`);
  return { start, end: start + s.length };
}

/** The same span in code points, as PolNeAR counts (computed independently with Array.from). */
function cp(s: string, from = 0): { start: number; end: number; text: string } {
  const { start, end } = u16(s, from);
  return { start: Array.from(text.slice(0, start)).length, end: Array.from(text.slice(0, end)).length, text: s };
}

const gold: GoldDocument = {
  id: 'article-1',
  text,
  quotes: [
    { id: 'E1', sources: [cp('Mayor Ann Lee')], cue: [cp('said')], contents: [cp('we will rebuild the bridge')] },
    { id: 'E2', sources: [cp('Critics')], cue: [cp('argue')], contents: [cp('the cost is too high')] },
    { id: 'E3', sources: [cp('he', u16('Nonsense').end)], cue: [cp('added')], contents: [cp('Nonsense')] },
  ],
};

const pred: PredDocument = {
  text,
  source: { path: '/data/dev/text/article-1.txt' },
  quotes: [
    // Matches E1; the speaker mention overlaps the gold source.
    { kind: 'direct', content: [u16('we will rebuild the bridge')], cue: u16('said'), speaker: { mention: u16('Ann Lee') } },
    // Matches E2 on content, but names no speaker: content yes, attribution no.
    { kind: 'indirect', content: [u16('the cost is too high')], cue: u16('argue'), speaker: { mention: null } },
    // Matches E3 and its speaker; the cue is missing.
    { kind: 'direct', content: [u16('Nonsense')], cue: null, speaker: { mention: u16('he', u16('Nonsense').end) } },
    // A spurious mixed quote.
    { kind: 'mixed', content: [u16('on Monday')], cue: null, speaker: { mention: null } },
  ],
};

describe('scoreDocument', () => {
  it('converts UTF-16 predictions to code points before matching (astral characters)', () => {
    expect(cp('Mayor').start).toBe(u16('Mayor').start - 4);
    expect(scoreDocument(gold, pred, 'A')).toEqual({ gold: 3, pred: 4, contentTp: 3, attrTp: 2, cueTp: 2 });
  });

  it('keeps quotation-mark gold and direct or mixed predictions on the Q-track', () => {
    // E2 has no quotation mark next to it; the indirect prediction is dropped.
    expect(scoreDocument(gold, pred, 'Q')).toEqual({ gold: 2, pred: 3, contentTp: 2, attrTp: 2, cueTp: 1 });
  });

  it('fails to match when offsets are left in UTF-16', () => {
    const raw: PredDocument = { ...pred, text: 'x'.repeat(text.length) }; // no astral characters: no conversion
    const counts = scoreDocument(gold, raw, 'A');
    expect(counts.attrTp).toBeLessThan(2);
  });

  it('matches on word characters with Jaccard ≥ 0.5, one to one', () => {
    const half: PredDocument = { text, quotes: [{ kind: 'direct', content: [u16('we will rebuild')], speaker: { mention: u16('Mayor Ann Lee') } }] };
    // 3 of 5 words: 0.6 ≥ 0.5.
    expect(scoreDocument(gold, half, 'A').attrTp).toBe(1);
    const less: PredDocument = { text, quotes: [{ kind: 'direct', content: [u16('we will')], speaker: { mention: u16('Mayor Ann Lee') } }] };
    expect(scoreDocument(gold, less, 'A').contentTp).toBe(0);
    const twice: PredDocument = { text, quotes: [pred.quotes![0]!, pred.quotes![0]!] };
    expect(scoreDocument(gold, twice, 'A')).toMatchObject({ pred: 2, contentTp: 1 });
  });

  it('accepts a speaker written the same way elsewhere, and no speaker only for unsourced gold', () => {
    const elsewhere = text + ' Mayor Ann Lee';
    const g: GoldDocument = { ...gold, text: elsewhere };
    const p: PredDocument = {
      text: elsewhere,
      quotes: [{ kind: 'direct', content: [{ start: u16('we will rebuild the bridge').start, end: u16('we will rebuild the bridge').end }], speaker: { mention: { start: elsewhere.length - 13, end: elsewhere.length } } }],
    };
    expect(scoreDocument(g, p, 'A').attrTp).toBe(1);
    const unsourced: GoldDocument = { ...gold, quotes: [{ sources: [], cue: [], contents: [cp('the cost is too high')] }] };
    expect(scoreDocument(unsourced, pred, 'A').attrTp).toBe(1);
  });
});

describe('scoreQuotes', () => {
  it('aggregates both tracks and matches documents by base name', () => {
    const report = scoreQuotes([gold], [pred], { draws: 50, seed: 1 });
    expect(report.missingDocs).toBe(0);
    expect(report.A.scores).toMatchObject({ attrP: 0.5, attrR: 2 / 3, contentF1: (2 * 0.75 * 1) / 1.75, speakerAcc: 2 / 3, cueAcc: 2 / 3 });
    expect(report.Q.scores.attrF1).toBeCloseTo(0.8, 10);
    // One document: every resample is that document.
    expect(report.A.ci95.attrF1).toEqual([report.A.scores.attrF1, report.A.scores.attrF1]);
  });

  it('scores a missing or mismatched document as predicting nothing', () => {
    const other = { ...gold, id: 'article-2' };
    const report = scoreQuotes([gold, other], [pred, { ...pred, source: { path: 'x/article-2.txt' }, text: 'changed' }], { draws: 0 });
    expect(report.textMismatchDocs).toBe(1);
    expect(report.A.scores.gold).toBe(6);
    expect(scoreQuotes([gold], [], { draws: 0 }).missingDocs).toBe(1);
  });

  it('resamples reproducibly', () => {
    const rows = [scoreDocument(gold, pred, 'A'), { gold: 4, pred: 1, contentTp: 1, attrTp: 0, cueTp: 0 }, { gold: 1, pred: 1, contentTp: 1, attrTp: 1, cueTp: 1 }];
    const a = bootstrap(rows, 200, 7);
    expect(bootstrap(rows, 200, 7)).toEqual(a);
    expect(a.attrF1[0]).toBeLessThanOrEqual(aggregate(rows).attrF1);
    expect(a.attrF1[1]).toBeGreaterThanOrEqual(aggregate(rows).attrF1);
  });
});

describe('documentKey', () => {
  it('uses the base name of source.path without its extension', () => {
    expect(documentKey({ source: { path: '../shared/datasets/polnear/dev/text/nyt_2016-x.txt' } })).toBe('nyt_2016-x');
    expect(documentKey({ id: 'abc' })).toBe('abc');
    expect(documentKey({})).toBeNull();
  });
});
