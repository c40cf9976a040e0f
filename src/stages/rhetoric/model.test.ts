import { describe, expect, it } from 'vitest';
import { lexiconSpans } from './detect-techniques.js';
import { articleContext, hashFeature } from './features.js';
import { decodeQuantised, encodeQuantised, quantiseBlocks } from './model.js';

describe('8-bit weight tables', () => {
  it('quantise each block to its own scale and survive the file layout', () => {
    const w = Float32Array.from([0.5, -1, 0.25, 0, 4, -2, 1, 0.001]);
    const t = quantiseBlocks(w, 2);
    expect([...t.scales]).toEqual([1 / 127, 4 / 127]);
    expect([...t.q]).toEqual([64, -127, 32, 0, 127, -63, 32, 0]); // Math.round: halves go up
    for (let i = 0; i < w.length; i++) expect(Math.abs(t.q[i]! * t.scales[i < 4 ? 0 : 1]! - w[i]!)).toBeLessThanOrEqual(t.scales[i < 4 ? 0 : 1]! / 2 + 1e-9);
    const back = decodeQuantised(encodeQuantised(t));
    expect([...back.q]).toEqual([...t.q]);
    expect([...back.scales]).toEqual([...t.scales]);
  });

  it('refuses a table whose header does not fit', () => {
    expect(() => decodeQuantised(Uint8Array.from([255, 255, 0, 0, 1, 2]))).toThrow(/8-bit weight table/);
  });
});

describe('lexiconSpans', () => {
  // Written for the test; the lexicon is made up.
  const text = 'The radical extremist mob burned it.\nA calm, radical idea.';
  const lexicon = new Map([
    [hashFeature('hp=radical'), 0.8],
    [hashFeature('hp=extremist'), 0.9],
    [hashFeature('hp=mob'), 0.6],
  ]);
  const ctx = articleContext(text);
  const spans = (min: number): string[] => lexiconSpans(ctx, lexicon, min).map((s) => text.slice(s.start, s.end));

  it('joins neighbouring words of the lexicon within a sentence, scored by the lowest share', () => {
    expect(spans(0.5)).toEqual(['radical extremist mob', 'radical']);
    expect(lexiconSpans(ctx, lexicon, 0.5)[0]!.score).toBe(0.6);
  });

  it('keeps only words at or above the cut-off', () => {
    expect(spans(0.7)).toEqual(['radical extremist', 'radical']);
    expect(spans(0.85)).toEqual(['extremist']);
    expect(spans(0.95)).toEqual([]);
  });
});
