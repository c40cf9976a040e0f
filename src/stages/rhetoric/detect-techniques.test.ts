import { describe, expect, it } from 'vitest';
import { createRhetoricStage, detectTechniques, loadRhetoricModel, TECHNIQUE_NAMES } from './index.js';

// Written by us for the test (no corpus text).
const TEXT =
  'The mayor opened the new library on Tuesday.\n' +
  'These corrupt, treacherous thugs are destroying our great nation!\n' +
  'Make our country great again!\n' +
  'Only a fool would believe their pathetic lies.';

describe('detectTechniques with the shipped model', () => {
  const model = loadRhetoricModel();

  it('returns sorted, in-bounds, trimmed spans with known techniques and confidences in [0, 1]', () => {
    const found = detectTechniques(TEXT, model);
    expect(found.length).toBeGreaterThan(0);
    let last = -1;
    for (const t of found) {
      expect(t.span.start).toBeGreaterThanOrEqual(0);
      expect(t.span.end).toBeGreaterThan(t.span.start);
      expect(t.span.end).toBeLessThanOrEqual(TEXT.length);
      expect(t.span.start).toBeGreaterThanOrEqual(last);
      last = t.span.end;
      expect(TECHNIQUE_NAMES).toContain(t.technique);
      expect(t.confidence).toBeGreaterThanOrEqual(0);
      expect(t.confidence).toBeLessThanOrEqual(1);
      expect(t.techniqueProbability).toBeGreaterThan(0);
      expect(t.techniqueProbability).toBeLessThanOrEqual(1);
      const slice = TEXT.slice(t.span.start, t.span.end);
      expect(slice).toBe(slice.trim());
      expect(slice).not.toMatch(/^[.,:;]|[.,:;]$/);
    }
  });

  it('marks the loaded sentence and the slogan, not the neutral one', () => {
    const found = detectTechniques(TEXT, model);
    const neutralEnd = TEXT.indexOf('\n');
    const loaded = TEXT.indexOf('corrupt');
    const slogan = TEXT.indexOf('Make our country');
    expect(found.some((t) => t.span.start < TEXT.indexOf('\n', loaded) && t.span.end > loaded)).toBe(true);
    expect(found.some((t) => t.span.start < slogan + 28 && t.span.end > slogan)).toBe(true);
    // in a four-sentence text the article-level context lifts every token a little, so the
    // neutral sentence may come out, but less confident than the loaded one and not when precise
    const onLoaded = found.find((t) => t.span.start <= loaded && t.span.end > loaded)!;
    for (const t of found.filter((t) => t.span.end <= neutralEnd)) expect(t.confidence).toBeLessThan(onLoaded.confidence);
    const precise = detectTechniques(TEXT, model, { mode: 'high-precision' });
    expect(precise.filter((t) => t.span.end <= neutralEnd)).toEqual([]);
  });

  it('keeps fewer spans in high-precision mode, each at least as confident as the cut-off', () => {
    const balanced = detectTechniques(TEXT, model);
    const precise = detectTechniques(TEXT, model, { mode: 'high-precision' });
    expect(precise.length).toBeLessThanOrEqual(balanced.length);
    for (const t of precise) expect(t.confidence).toBeGreaterThanOrEqual(model.si.modes.highPrecision.minConfidence - 1e-4);
  });

  it('is pure and handles empty text', () => {
    expect(detectTechniques(TEXT, model)).toEqual(detectTechniques(TEXT, model));
    expect(detectTechniques('', model)).toEqual([]);
    expect(detectTechniques(' \n ', model)).toEqual([]);
  });

  it('throws on a bad option', () => {
    expect(() => detectTechniques(TEXT, model, { threshold: 2 })).toThrow(/threshold between 0 and 1/);
    expect(() => detectTechniques(TEXT, model, { mode: 'loud' as never })).toThrow(/Expected mode/);
    expect(() => createRhetoricStage(model, { threshold: -1 })).toThrow(/threshold between 0 and 1/);
  });

  it('wraps into a stage that provides the rhetoric layer', () => {
    const stage = createRhetoricStage(model);
    expect(stage.provides).toBe('rhetoric');
    expect(stage.requires).toEqual([]);
    const input = { text: TEXT, source: { path: '-', format: 'text', encoding: 'utf-8', bytes: TEXT.length }, meta: {} } as never;
    const result = stage.run({ input, resources: {} as never }, {} as never) as unknown as { layer: { techniques: unknown[] } };
    expect(result.layer.techniques).toEqual(detectTechniques(TEXT, model));
  });
});
