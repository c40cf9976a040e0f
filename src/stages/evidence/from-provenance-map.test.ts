import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAnalyzer, defaultStages } from '../../analyze.js';
import { emptyMeta } from '../../core/document.js';
import type { Layers } from '../../core/layers.js';
import { claimsStage } from '../claims/index.js';
import { serializeClaims } from '../../contract/serialize-claims.js';
import type { ClaimsLayer } from '../claims/types.js';
import { evidenceLayersFromMap } from './from-provenance-map.js';
import { summarizeEvidence } from './summarize-evidence.js';

describe('evidenceLayersFromMap', () => {
  it('summarises a provenance map as it summarises the pipeline layers', () => {
    const text = readFileSync(new URL('../../../test/fixtures/darvan-opinion/input.txt', import.meta.url), 'utf8');
    const stages = defaultStages.some((s) => (s.provides as string) === 'claims') ? defaultStages : [...defaultStages, claimsStage];
    const analyzer = createAnalyzer({ stages });
    const input = { text, source: { path: 'darvan', format: 'text' as const, encoding: 'utf-8', bytes: text.length }, meta: emptyMeta };
    const layers = analyzer.pipeline.run(input).layers as Layers & { claims: ClaimsLayer };
    const map = analyzer.analyze(input);
    const idByKey = new Map(map.outlets.map((o) => [o.key, o.id]));
    const claimsFields = serializeClaims(layers.claims, {
      text,
      paragraphIdAt: (offset) => map.paragraphs.find((p) => p.span.start <= offset && offset < p.span.end)?.id ?? null,
      outletIdOfKey: (key) => idByKey.get(key) ?? null,
    });
    const techniques = [{ technique: 'Slogans' }];
    const fromLayers = summarizeEvidence({ ...layers, techniques });
    const fromMap = summarizeEvidence(evidenceLayersFromMap({ ...map, ...claimsFields, techniques }));
    expect(fromMap).toEqual(fromLayers);
    expect(fromMap.claims.total).toBeGreaterThan(10);
  });
});
