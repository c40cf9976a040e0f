import { readFileSync } from 'node:fs';
import type { CueModel } from './learned-cues.js';

/** The JSON file `npx tsx src/train/attribution-cues.ts` writes to `models/attribution/`. */
export interface CueModelFile {
  readonly format: 'claimtrace-attribution-cues';
  readonly version: string;
  /** Form and its share of train occurrences inside a gold cue, in thousandths. */
  readonly forms: readonly (readonly [string, number])[];
  readonly bits: number;
  readonly threshold: number;
  /** Little-endian Float32 weights, base64. */
  readonly weights: string;
}

export function cueModelFromJson(file: CueModelFile): CueModel {
  if (file.format !== 'claimtrace-attribution-cues') throw new Error(`Expected an attribution cue model, not \`${String(file.format)}\``);
  const bytes = Buffer.from(file.weights, 'base64');
  const weights = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  if (weights.length !== 1 << file.bits) throw new Error(`Expected ${1 << file.bits} weights, not ${weights.length}`);
  return { version: file.version, forms: new Map(file.forms.map(([f, p]) => [f, p / 1000])), bits: file.bits, weights, threshold: file.threshold };
}

export function cueModelToJson(model: CueModel): CueModelFile {
  const bytes = Buffer.from(model.weights.buffer, model.weights.byteOffset, model.weights.byteLength);
  return { format: 'claimtrace-attribution-cues', version: model.version, forms: [...model.forms].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([f, p]) => [f, Math.round(p * 1000)] as const), bits: model.bits, threshold: model.threshold, weights: bytes.toString('base64') };
}

const SHIPPED = new URL('../../../models/attribution/cues.json', import.meta.url);

let shipped: CueModel | null | undefined;

/**
 * The shipped model, read once on first use (like a gazetteer, before any text is analysed).
 * Null when the file is absent, and then only the rule-based cues run.
 */
export function shippedCueModel(): CueModel | null {
  if (shipped === undefined) {
    try {
      shipped = cueModelFromJson(JSON.parse(readFileSync(SHIPPED, 'utf8')) as CueModelFile);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      shipped = null;
    }
  }
  return shipped;
}
