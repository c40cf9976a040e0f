import type { ArticleRef, PutArticleResult } from '../store/types.js';
import type { FileOutcome } from './analyze-file.js';

/**
 * What a worker sends back for one file: a {@link FileOutcome}, or with `WorkerSetup.serialize`
 * the provenance map already written as one JSON line (a string crosses threads by a plain copy,
 * a map by a structured clone that costs the receiving thread about as much as the JSON).
 */
export type WorkerOutcome = FileOutcome | { readonly kind: 'json'; readonly json: string };

/** What the main thread sends an analysis worker. */
export type ToWorker =
  | { readonly type: 'job'; readonly id: number; readonly path: string; readonly maxBytes: number }
  | { readonly type: 'known'; readonly id: number; readonly result: PutArticleResult | null };

/** What an analysis worker sends back: ready once, then per job a check and an outcome. */
export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'check'; readonly id: number; readonly ref: ArticleRef }
  | { readonly type: 'outcome'; readonly id: number; readonly outcome: WorkerOutcome };

export interface WorkerSetup {
  /** A module exporting `createAnalyzer()`; null for claimtrace's own analyzer. */
  readonly analyzerModule: string | null;
  /** Passed to claimtrace's own `createAnalyzer` (`analyze --techniques`); default: its default. */
  readonly rhetoric?: false | { readonly mode: 'balanced' | 'high-precision' };
  /** HTML inputs: add `sourceMap[]` (`analyze --source-map`). */
  readonly sourceMap?: boolean;
  /** `json`: send each map as `JSON.stringify(map)` (see {@link WorkerOutcome}). */
  readonly serialize?: 'json';
}
