import { withText, type Span } from '../core/span.js';
import type { SerializedClaims } from './claims-schema.js';
import type { ClaimsLayer } from '../core/layers.js';

export interface SerializeClaimsContext {
  readonly text: string;
  /** `p3` for an offset, as the serializer's `paragraphAt`. */
  readonly paragraphIdAt: (offset: number) => string | null;
  /** `o2` for a registry key, as the serializer's `outletIdByKey`. */
  readonly outletIdOfKey: (key: string) => string | null;
}

/**
 * The claims layer as provenance-map fields: spans gain their text, outlet keys become outlet ids,
 * and each hedge lists the claims it qualifies. To be called from `toProvenanceMap`.
 */
export function serializeClaims(layer: ClaimsLayer | undefined, ctx: SerializeClaimsContext): SerializedClaims {
  if (!layer) return { claims: [], hedges: [], anonymousSources: [], quoteStances: [] };
  const s = (sp: Span) => withText(ctx.text, sp);
  const claimsOfHedge = new Map<string, string[]>();
  for (const k of layer.claims) for (const h of k.hedgeIds) claimsOfHedge.set(h, [...(claimsOfHedge.get(h) ?? []), k.id]);
  return {
    claims: layer.claims.map((k) => ({
      id: k.id,
      kind: k.kind,
      span: s(k.span),
      paragraphId: ctx.paragraphIdAt(k.span.start),
      support: {
        quoteIds: [...k.support.quoteIds],
        citationIds: [...k.support.citationIds],
        outletIds: [...new Set(k.support.outletKeys.map(ctx.outletIdOfKey).filter((x): x is string => x !== null))].sort(),
        attributions: k.support.attributions.map(s),
        anonymousSourceIds: [...k.support.anonymousSourceIds],
        status: k.support.status,
      },
      hedgeIds: [...k.hedgeIds],
      stance: k.stance,
      stanceCue: k.stanceCue ? s(k.stanceCue) : null,
    })),
    hedges: layer.hedges.map((h) => ({ id: h.id, kind: h.kind, cue: h.cue, span: s(h.span), claimIds: claimsOfHedge.get(h.id) ?? [] })),
    anonymousSources: layer.anonymousSources.map((a) => ({ id: a.id, span: s(a.span), quoteId: a.quoteId, detectedBy: a.detectedBy })),
    quoteStances: layer.quoteStances.map((q) => ({ quoteId: q.quoteId, stance: q.stance, cue: s(q.cue) })),
  };
}
