import type { LayerName } from '../../core/layers.js';
import { defineStage, type Stage } from '../../core/stage.js';
import { findClaims } from './find-claims.js';
import type { ClaimsLayer } from './types.js';

/**
 * The claims stage: checkable claims with their support, hedges, anonymous sources and the
 * author's stance on attributions. `'claims'` is not yet a member of `Layers`; until it is, the
 * stage is typed loosely (as the rhetoric stage is) and the layer is cast.
 */
export const claimsStage = defineStage({
  provides: 'claims' as LayerName,
  version: '1',
  requires: ['structure', 'quotes', 'citations'],
  run(context, needs) {
    const { structure, quotes, citations } = needs as Pick<import('../../core/layers.js').Layers, 'structure' | 'quotes' | 'citations'>;
    const registry = context.resources?.outlets;
    const layer: ClaimsLayer = findClaims({
      text: context.input.text,
      structure,
      quotes,
      citations,
      outletKeyOf: registry ? (name) => registry.byName(name)?.key ?? null : undefined,
    });
    return { layer: layer as never };
  },
} as Stage<LayerName, LayerName>);

export { findClaims, type ClaimsInput } from './find-claims.js';
export { classifyClause, clauseFeatures, type ClauseLabel, type NotClaimReason } from './classify-clause.js';
export { findHedges } from './find-hedges.js';
export { findAnonymousSources } from './find-anonymous-sources.js';
export { findStanceCues } from './find-stance-cues.js';
export { findAttributions } from './find-attributions.js';
export type * from './types.js';
