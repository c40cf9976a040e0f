/**
 * Neutral by construction: an article and the same article with the political sides swapped
 * (country, adjective and speaker names exchanged both ways) must get the same structure — the
 * same claims, sourced/unsourced pattern, hedges, anonymous sources, quote and speaker kinds and
 * evidence counts — modulo the renamed names. Runs the full analyzer plus the claims stage.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAnalyzer, defaultStages } from '../../src/analyze.js';
import { emptyMeta, type ArticleInput } from '../../src/core/document.js';
import type { Layers } from '../../src/core/layers.js';
import type { Span } from '../../src/core/span.js';
import { claimsStage } from '../../src/stages/claims/index.js';
import { findClaims } from '../../src/stages/claims/find-claims.js';
import type { ClaimsLayer } from '../../src/stages/claims/types.js';
import { structureOf } from '../../src/stages/claims/test-layers.js';
import { formatEvidenceMarkdown, formatEvidenceTerminal, summarizeEvidence } from '../../src/stages/evidence/index.js';
import { SIDES, createSideSwap } from './swap-sides.js';

const swap = createSideSwap(SIDES);
const same = (s: string) => s;
const ARTICLES = ['border-clash.txt', 'pipeline-dispute.txt'];

// Until the lead adds the claims stage to the default stages, append it here.
const stages = defaultStages.some((s) => (s.provides as string) === 'claims') ? defaultStages : [...defaultStages, claimsStage];
const analyzer = createAnalyzer({ stages });

function inputOf(text: string, path: string): ArticleInput {
  return { text, source: { path, format: 'text', encoding: 'utf-8', bytes: Buffer.byteLength(text) }, meta: emptyMeta };
}

function run(text: string, path: string) {
  const result = analyzer.pipeline.run(inputOf(text, path));
  const layers = result.layers as Layers & { claims: ClaimsLayer };
  return { text, layers, map: analyzer.analyze(inputOf(text, path)) };
}

/** What must not change when the sides swap; `rename` maps one side's names onto the other's. */
function signature(r: ReturnType<typeof run>, rename: (s: string) => string) {
  const { text, layers } = r;
  const t = (s: Span) => rename(text.slice(s.start, s.end));
  const cueOf = new Map(layers.claims.hedges.map((h) => [h.id, `${h.kind}:${h.cue}`]));
  const summary = summarizeEvidence({ claims: layers.claims, quotes: layers.quotes, citations: layers.citations, outlets: layers.outlets });
  return {
    claims: layers.claims.claims.map((k) => ({
      kind: k.kind,
      text: t(k.span),
      status: k.support.status,
      quotes: k.support.quoteIds.length,
      citations: k.support.citationIds.length,
      attributions: k.support.attributions.map(t),
      anonymous: k.support.anonymousSourceIds.length,
      hedges: k.hedgeIds.map((id) => cueOf.get(id)),
      stance: k.stance,
    })),
    hedges: layers.claims.hedges.map((h) => [h.kind, h.cue, t(h.span)]),
    anonymous: layers.claims.anonymousSources.map((a) => [t(a.span), a.detectedBy, a.quoteId !== null]),
    quotes: layers.quotes.quotes.map((q) => ({
      kind: q.kind,
      speakerKind: q.speaker.kind,
      speaker: q.speaker.name === null ? null : rename(q.speaker.name),
      content: q.content.map(t),
    })),
    citations: layers.citations.citations.map((c) => ({
      outlet: c.outletName === null ? null : rename(c.outletName),
      ibid: c.ibidOf !== null,
      via: c.via === null ? null : rename(c.via.text),
      covers: c.covers.quotes.length,
    })),
    serialized: r.map.quotes.map((q) => [q.kind, q.speaker.kind, q.via.citationIds.length]),
    evidence: {
      claims: { ...summary.claims, hedgedIds: summary.claims.hedgedIds.length, unsourcedIds: summary.claims.unsourcedIds.length },
      hedges: summary.hedges,
      sources: summary.sources.byKind,
      stateAffiliated: summary.stateAffiliatedOutlets.length,
      chains: summary.chains.map((c) => c.links.map(rename)),
    },
  };
}

describe('the side swap', () => {
  it('is its own inverse and changes every side name', () => {
    const text = 'Varnian troops left Varnia; Kestria said Ilse Korva and Korva met Mara Drach.';
    expect(swap(text)).toBe('Kestrian troops left Kestria; Varnia said Mara Drach and Drach met Ilse Korva.');
    expect(swap(swap(text))).toBe(text);
  });
});

describe.each(ARTICLES)('%s with the sides swapped', (file) => {
  const original = readFileSync(new URL(file, import.meta.url), 'utf8');
  const swapped = swap(original);

  it('is a different text', () => {
    expect(swapped).not.toBe(original);
    expect(swap(swapped)).toBe(original);
  });

  it('gets the same structure from the full analyzer', () => {
    const a = run(original, file);
    const b = run(swapped, `swapped-${file}`);
    const sa = signature(a, swap);
    expect(sa.claims.length).toBeGreaterThan(4);
    expect(sa.claims.some((k) => k.status === 'unsourced')).toBe(true);
    expect(sa.hedges.length).toBeGreaterThan(1);
    expect(sa).toEqual(signature(b, same));
  });

  it('gets the same structure from the claims stage alone', () => {
    const claimsOf = (text: string) => findClaims({ text, structure: structureOf(text), quotes: { quotes: [], markedPhrases: [] }, citations: { citations: [] } });
    const shape = (text: string, layer: ClaimsLayer, rename: (s: string) => string) =>
      layer.claims.map((k) => [k.kind, k.support.status, k.hedgeIds.length, k.stance, rename(text.slice(k.span.start, k.span.end))]);
    expect(shape(original, claimsOf(original), swap)).toEqual(shape(swapped, claimsOf(swapped), same));
  });

  it('reports with the same neutral words on both sides', () => {
    for (const text of [original, swapped]) {
      const { layers } = run(text, file);
      const summary = summarizeEvidence({ claims: layers.claims, quotes: layers.quotes, citations: layers.citations, outlets: layers.outlets });
      const report = formatEvidenceTerminal(summary) + '\n' + formatEvidenceMarkdown(summary);
      expect(report).not.toMatch(/\b(?:false(?:ly)?|fake|lies?|lying|propaganda|disinformation|misinformation)\b/i);
    }
    const report = (text: string) => {
      const { layers } = run(text, file);
      return formatEvidenceTerminal(summarizeEvidence({ claims: layers.claims, quotes: layers.quotes, citations: layers.citations, outlets: layers.outlets }));
    };
    expect(swap(report(original))).toBe(report(swapped));
  });
});
