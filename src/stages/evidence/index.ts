export { summarizeEvidence, type EvidenceLayers } from './summarize-evidence.js';
export { formatEvidenceMarkdown, formatEvidenceTerminal, EVIDENCE_LABELS } from './format-evidence.js';
export { SOURCE_KINDS } from './types.js';
export type * from './types.js';
export { evidenceLayersFromMap, type MapWithClaims } from './from-provenance-map.js';
