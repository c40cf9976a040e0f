import type { ProvenanceMap } from '../../contract/schema.js';
import type { Citation, OutletRef, Quote } from '../../core/layers.js';
import type { Span } from '../../core/span.js';
import type { SerializedClaims } from '../../contract/claims-schema.js';
import type { ClaimsLayer } from '../claims/types.js';
import type { EvidenceLayers } from './summarize-evidence.js';

/**
 * A provenance map, possibly from an older claimtrace: claims fields from schema 1.1.0,
 * techniques when the rhetoric stage ran, devices from schema 1.2.0.
 */
export type MapWithClaims = Omit<ProvenanceMap, 'techniques' | 'devices'> &
  Partial<SerializedClaims> & { readonly techniques?: readonly { readonly technique: string }[]; readonly devices?: ProvenanceMap['devices'] };

/**
 * The layers {@link summarizeEvidence} reads, rebuilt from a provenance map, so the reports
 * (which get the map, not the pipeline) can summarise: ids become registry keys and indices again.
 */
export function evidenceLayersFromMap(map: MapWithClaims): EvidenceLayers {
  const span = (s: { start: number; end: number }): Span => ({ start: s.start, end: s.end });
  const keyOf = new Map(map.outlets.map((o) => [o.id, o.key]));
  const key = (id: string | null) => (id === null ? null : (keyOf.get(id) ?? null));
  const paragraphIndex = new Map(map.paragraphs.map((p, i) => [p.id, i]));

  const quotes: Quote[] = map.quotes.map((q) => ({
    id: q.id,
    kind: q.kind,
    content: q.content.map(span),
    cue: q.cue ? span(q.cue) : null,
    speaker: {
      mention: q.speaker.mention ? span(q.speaker.mention) : null,
      name: q.speaker.name,
      description: q.speaker.description ?? null,
      kind: q.speaker.kind,
      organisation: q.speaker.organisation ?? null,
      antecedent: q.speaker.antecedent ? span(q.speaker.antecedent) : null,
    },
    confidence: q.confidence,
  }));
  const citations: Citation[] = map.citations.map((c) => ({
    id: c.id,
    kind: c.kind,
    span: span(c.span),
    authors: c.authors,
    title: c.title,
    outletName: c.outlet,
    outletKey: key(c.outletId),
    date: c.date,
    ibidOf: c.ibidOf,
    via: c.via ? { text: c.via.text, outletName: c.via.outlet, outletKey: key(c.via.outletId) } : null,
    url: c.url,
    covers: { quotes: c.covers.quoteIds, paragraph: c.covers.paragraphId === null ? null : (paragraphIndex.get(c.covers.paragraphId) ?? null) },
  }));
  const outlets: OutletRef[] = map.outlets.map((o) => ({
    id: o.id,
    facts: { key: o.key, name: o.name, aliases: [], domains: o.domains, country: o.country, stateAffiliated: o.stateAffiliated, registry: o.registry },
    aliasesSeen: o.aliasesSeen,
    mentions: o.mentions.map(span),
    roles: o.roles,
  }));
  const claims: ClaimsLayer | undefined = map.claims
    ? {
        claims: map.claims.map((k) => ({
          id: k.id,
          span: span(k.span),
          kind: k.kind,
          support: {
            quoteIds: k.support.quoteIds,
            citationIds: k.support.citationIds,
            outletKeys: k.support.outletIds.map(key).filter((x): x is string => x !== null),
            attributions: k.support.attributions.map(span),
            anonymousSourceIds: k.support.anonymousSourceIds,
            status: k.support.status,
          },
          hedgeIds: k.hedgeIds,
          stance: k.stance,
          stanceCue: k.stanceCue ? span(k.stanceCue) : null,
        })),
        hedges: (map.hedges ?? []).map((h) => ({ id: h.id, span: span(h.span), kind: h.kind, cue: h.cue })),
        anonymousSources: (map.anonymousSources ?? []).map((a) => ({ id: a.id, span: span(a.span), quoteId: a.quoteId, detectedBy: a.detectedBy })),
        quoteStances: (map.quoteStances ?? []).map((s) => ({ quoteId: s.quoteId, stance: s.stance, cue: span(s.cue) })),
      }
    : undefined;
  return { quotes: { quotes, markedPhrases: [] }, citations: { citations }, outlets: { outlets }, ...(claims ? { claims } : {}), ...(map.techniques ? { techniques: map.techniques } : {}), ...(map.devices ? { devices: { devices: map.devices } } : {}) };
}
