import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createAnalyzer, defaultStages } from '../analyze.js';
import { emptyMeta } from '../core/document.js';
import { claimsContractFields } from './claims-schema.js';
import { claimsStage } from '../stages/claims/index.js';
import { serializeClaims } from './serialize-claims.js';
import type { ClaimsLayer } from '../core/layers.js';

describe('serializeClaims', () => {
  it('gives fields that pass the proposed contract schema, spans with their text', () => {
    const text = readFileSync(new URL('../../test/fixtures/darvan-opinion/input.txt', import.meta.url), 'utf8');
    const stages = defaultStages.some((s) => (s.provides as string) === 'claims') ? defaultStages : [...defaultStages, claimsStage];
    const input = { text, source: { path: 'darvan', format: 'text' as const, encoding: 'utf-8', bytes: text.length }, meta: emptyMeta };
    const analyzer = createAnalyzer({ stages });
    const result = analyzer.pipeline.run(input);
    const map = analyzer.analyze(input);
    const idByKey = new Map(map.outlets.map((o) => [o.key, o.id]));
    const fields = serializeClaims((result.layers as unknown as { claims: ClaimsLayer }).claims, {
      text,
      paragraphIdAt: (offset) => map.paragraphs.find((p) => p.span.start <= offset && offset < p.span.end)?.id ?? null,
      outletIdOfKey: (key) => idByKey.get(key) ?? null,
    });
    expect(() => z.object(claimsContractFields).strict().parse(fields)).not.toThrow();
    expect(fields.claims.length).toBeGreaterThan(10);
    for (const k of fields.claims) expect(k.span.text).toBe(text.slice(k.span.start, k.span.end));
    const uncorroborated = fields.hedges.find((h) => h.cue === 'uncorroborated');
    expect(uncorroborated?.claimIds).toHaveLength(1);
    const claim = fields.claims.find((k) => k.id === uncorroborated?.claimIds[0]);
    expect(claim?.span.text).toContain('over a hundred');
    expect(fields.anonymousSources.map((a) => a.span.text)).toContain('Officials who asked not to be named');
    // The question and the slogan that close the article are not claims.
    expect(fields.claims.some((k) => /Who will speak|Justice for Darvan/.test(k.span.text))).toBe(false);
  });

  it('gives empty fields when the stage did not run', () => {
    expect(serializeClaims(undefined, { text: '', paragraphIdAt: () => null, outletIdOfKey: () => null })).toEqual({ claims: [], hedges: [], anonymousSources: [], quoteStances: [] });
  });
});
