import type { ArticleRef, PutArticleResult } from '../store/types.js';
import type { FileOutcome } from './analyze-file.js';

/** What the main thread sends an analysis worker. */
export type ToWorker =
  | { readonly type: 'job'; readonly id: number; readonly path: string; readonly maxBytes: number }
  | { readonly type: 'known'; readonly id: number; readonly result: PutArticleResult | null };

/** What an analysis worker sends back: ready once, then per job a check and an outcome. */
export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'check'; readonly id: number; readonly ref: ArticleRef }
  | { readonly type: 'outcome'; readonly id: number; readonly outcome: FileOutcome };

export interface WorkerSetup {
  /** A module exporting `createAnalyzer()`; null for claimtrace's own analyzer. */
  readonly analyzerModule: string | null;
}
