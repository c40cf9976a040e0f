import { defineStage } from '../../core/stage.js';
import { summarizeEvidence } from './summarize-evidence.js';

/**
 * The evidence summary: what the article rests on, counted from the other layers
 * (claims sourced and unsourced, sources by kind, state-affiliated outlets, chains, hedges).
 */
export const evidenceStage = defineStage({
  provides: 'evidence',
  version: '2',
  requires: ['quotes', 'citations', 'outlets', 'claims'],
  uses: ['rhetoric', 'devices'],
  run(_context, { quotes, citations, outlets, claims, rhetoric, devices }) {
    return {
      layer: summarizeEvidence({
        quotes,
        citations,
        outlets,
        claims,
        ...(rhetoric ? { techniques: rhetoric.techniques } : {}),
        ...(devices ? { devices } : {}),
      }),
    };
  },
});

export { summarizeEvidence, type EvidenceLayers } from './summarize-evidence.js';
export { formatEvidenceMarkdown, formatEvidenceTerminal, EVIDENCE_LABELS } from './format-evidence.js';
export { SOURCE_KINDS } from './types.js';
export type * from './types.js';
export { evidenceLayersFromMap, type MapWithClaims } from './from-provenance-map.js';
