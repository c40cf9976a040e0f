/** The evidence summary's types live in the core, beside the layers. */
export { SOURCE_KINDS } from '../../core/evidence-summary.js';
export type * from '../../core/evidence-summary.js';
