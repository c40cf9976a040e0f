/** The claims layer's types live in the core, beside the other layers. */
export type {
  ClaimKind,
  Stance,
  ClaimSupport,
  Claim,
  HedgeKind,
  Hedge,
  AnonymousSource,
  QuoteStance,
  ClaimsLayer,
} from '../../core/layers.js';
