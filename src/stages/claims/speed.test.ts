import { describe, expect, it } from 'vitest';
import { findClaims } from './find-claims.js';
import { structureOf } from './test-layers.js';

const MB = 1 << 20;
const empty = { quotes: { quotes: [], markedPhrases: [] }, citations: { citations: [] } };

// Inputs that make careless patterns quadratic: one long line, nothing but `(`, `)))…)a`,
// a cue repeated with nothing to close it. Each must stay linear (generous bounds: shared CI cores).
describe('findClaims on pathological input', () => {
  it.each([
    ['1 MB of prose on one line', 'Officials who asked not to be named said 40 people were reportedly killed on 4 June, according to the ministry (uncorroborated). '.repeat(MB / 120)],
    ['1 MB of (', '('.repeat(MB)],
    ['1 MB of ) then a letter', ')'.repeat(MB) + 'a'],
    ['1 MB of "according to"', 'according to '.repeat(MB / 13)],
    ['1 MB of commas before "he said"', 'x, '.repeat(MB / 3) + 'he said'],
    ['1 MB of "officials who"', 'officials who '.repeat(MB / 14)],
  ])('%s', (_name, text) => {
    const structure = structureOf(text);
    const t = performance.now();
    findClaims({ text, structure, ...empty });
    expect(performance.now() - t).toBeLessThan(8000);
  });
});
