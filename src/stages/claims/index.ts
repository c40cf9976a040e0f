import { defineStage } from '../../core/stage.js';
import { findClaims } from './find-claims.js';
import type { ClaimsLayer } from './types.js';

/**
 * The claims stage: checkable claims with their support, hedges, anonymous sources and the
 * author's stance on attributions.
 */
export const claimsStage = defineStage({
  provides: 'claims',
  version: '1',
  requires: ['structure', 'quotes', 'citations'],
  run(context, { structure, quotes, citations }) {
    const registry = context.resources?.outlets;
    const layer: ClaimsLayer = findClaims({
      text: context.input.text,
      structure,
      quotes,
      citations,
      outletKeyOf: registry ? (name) => registry.byName(name)?.key ?? null : undefined,
    });
    return { layer };
  },
});

export { findClaims, type ClaimsInput } from './find-claims.js';
export { classifyClause, clauseFeatures, type ClauseLabel, type NotClaimReason } from './classify-clause.js';
export { findHedges } from './find-hedges.js';
export { findAnonymousSources } from './find-anonymous-sources.js';
export { findStanceCues } from './find-stance-cues.js';
export { findAttributions } from './find-attributions.js';
export type * from './types.js';
