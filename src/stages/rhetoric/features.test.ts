import { describe, expect, it } from 'vitest';
import { articleContext, createWordSums, firstStageScores, LONG_BAG, longSentenceBag, probabilityContext, stackFeatures, stackScores, tokenFeatures } from './features.js';

// Written for the test: capitals, all-caps, digits, non-ASCII words and shapes, quotes, `!` `?` `#`.
const TEXT =
  'The SENATOR said "this is a disgrace!" on Tuesday.\n' +
  'Why would anyone trust these Élite bureaucrats? They lie, and lie, and lie again.\n' +
  'Make America great again! #MAGA 2020 Ωmega-point … naïve café owners, über-rich x1y2z3abcdef.\n' +
  'Short!';

/** Seeded pseudo-random weights. */
function weights(n: number, seed: number): Float32Array {
  const w = new Float32Array(n);
  let a = seed;
  for (let i = 0; i < n; i++) {
    a = (Math.imul(a, 1664525) + 1013904223) >>> 0;
    w[i] = (a / 2 ** 32 - 0.5) * 2;
  }
  return w;
}

describe('firstStageScores', () => {
  it('sums exactly the weights of tokenFeatures for every token and model', () => {
    for (const text of [TEXT, 'word '.repeat(LONG_BAG + 50)]) {
      const ctx = articleContext(text);
      const bits = 12;
      const mask = (1 << bits) - 1;
      const stride = 3;
      const float = weights((1 << bits) * stride, 7);
      // 8-bit weights as shipped (summed as 16-bit integers per word) and float ones
      for (const all of [float, Int8Array.from(float, (x) => Math.round(x * 127))]) {
        const z = firstStageScores(ctx, all, stride, mask, createWordSums());
        const feats: number[] = [];
        for (let i = 0; i < ctx.tokens.length; i++) {
          feats.length = 0;
          tokenFeatures(ctx, i, mask, feats);
          const long = longSentenceBag(ctx, ctx.tokens[i]!.sentence);
          if (long) for (const h of long) feats.push(h & mask);
          for (let k = 0; k < stride; k++) {
            let sum = 0;
            for (const h of feats) sum += all[h * stride + k]!;
            expect(z[i * stride + k]).toBeCloseTo(sum, 9);
          }
        }
      }
    }
  });

  it('gives the same scores with a warm word memo', () => {
    const ctx = articleContext(TEXT);
    const all = weights((1 << 10) * 2, 3);
    const memo = createWordSums();
    const cold = firstStageScores(ctx, all, 2, (1 << 10) - 1, memo);
    expect(memo.have.some((x) => x === 1)).toBe(true);
    expect(firstStageScores(ctx, all, 2, (1 << 10) - 1, memo)).toEqual(cold);
  });
});

describe('articleContext', () => {
  it('numbers word types in order of first occurrence and counts them', () => {
    const ctx = articleContext('The cat saw the Cat. A cat!');
    expect(ctx.types).toEqual(['the', 'cat', 'saw', '.', 'a', '!']);
    expect([...ctx.typeOf]).toEqual([0, 1, 2, 0, 1, 3, 4, 1, 5]);
    expect([...ctx.typeCounts]).toEqual([2, 3, 1, 1, 1, 1]);
  });

  it('gives the same scores after the shared lexicon has grown past its limit and been emptied', () => {
    const all = weights((1 << 10) * 3, 5);
    const before = articleContext(TEXT);
    const cold = firstStageScores(before, all, 3, (1 << 10) - 1, createWordSums());
    // 140,000 distinct words (over the 2^17 limit): the lexicon's table grows many times, then
    // the next context empties it
    const many = Array.from({ length: 140_000 }, (_, i) => `w${i.toString(36)}`).join(' ');
    const big = articleContext(many);
    expect(big.types.length).toBe(140_000);
    expect(new Set(big.typeOf).size).toBe(140_000);
    const after = articleContext(TEXT);
    expect(after.types).toEqual(before.types);
    expect([...after.typeOf]).toEqual([...before.typeOf]);
    expect(firstStageScores(after, all, 3, (1 << 10) - 1, createWordSums())).toEqual(cold);
    // a context made before the lexicon was emptied is re-interned on use
    expect(firstStageScores(before, all, 3, (1 << 10) - 1, createWordSums())).toEqual(cold);
  });
});

describe('stackScores', () => {
  it('sums exactly the weights of stackFeatures for every token', () => {
    const ctx = articleContext(TEXT);
    const n = ctx.tokens.length;
    const rnd = weights(n * 3, 11).map((x) => (x + 1) / 2); // probabilities in [0, 1)
    const pc = probabilityContext(ctx, rnd.subarray(0, n));
    const groups = [probabilityContext(ctx, rnd.subarray(n, 2 * n)), probabilityContext(ctx, rnd.subarray(2 * n))];
    const mask = (1 << 14) - 1;
    const w = weights(1 << 14, 5);
    const z = stackScores(ctx, pc, groups, w, mask);
    const feats: number[] = [];
    for (let i = 0; i < n; i++) {
      feats.length = 0;
      stackFeatures(ctx, pc, i, mask, feats, groups);
      let sum = 0;
      for (const h of feats) sum += w[h]!;
      expect(z[i]).toBeCloseTo(sum, 9);
    }
  });
});
