import type { ProvenanceMap } from '../contract/schema.js';
import type { ArticleInput } from '../core/document.js';
import { isClaimtraceError } from '../core/diagnostics.js';
import { readArticle } from '../ingest/read-article.js';
import { isArticleLocation, readArticleAt } from '../sources/locate-articles.js';
import { contentHash } from '../store/content-hash.js';
import type { ArticleRef, PutArticleResult } from '../store/types.js';

/** What `ingestPaths` needs of an analyzer: `createAnalyzer()` from `src/analyze.ts` fits. */
export interface ArticleAnalyzer {
  analyze(input: ArticleInput): ProvenanceMap;
}

/** The result of one input, before it is written: a map to store, a known text, or a failure. */
export type FileOutcome =
  | { readonly kind: 'map'; readonly map: ProvenanceMap }
  | { readonly kind: 'unchanged'; readonly result: PutArticleResult }
  | { readonly kind: 'failed'; readonly code: string; readonly message: string };

export interface AnalyzeFileOptions {
  readonly maxBytes: number;
  readonly analyzer: ArticleAnalyzer;
  /** Asked once the text is read: a result means the text is stored already and analysis is skipped. */
  readonly checkUnchanged: (ref: ArticleRef) => Promise<PutArticleResult | null>;
  /** HTML files: add `sourceMap[]` (see `readArticle`). */
  readonly sourceMap?: boolean;
}

/**
 * Reads one file, skips it when its text is already stored, else analyses it. Never throws for
 * a bad input: read errors and analyzer bugs become a `failed` outcome with a stable code, so one
 * article cannot stop a run. Runs in a worker thread or in the calling thread alike.
 */
export async function analyzeFile(path: string, options: AnalyzeFileOptions): Promise<FileOutcome> {
  let input: ArticleInput;
  try {
    input = isArticleLocation(path) ? await readArticleAt(path, { maxBytes: options.maxBytes }) : await readArticle(path, { maxBytes: options.maxBytes, sourceMap: options.sourceMap === true });
  } catch (e) {
    return failure(e);
  }
  // Store errors from the check are not this article's fault: let them stop the run.
  const known = await options.checkUnchanged({ url: input.meta.url, sourcePath: path, contentHash: contentHash(input.text) });
  if (known) return { kind: 'unchanged', result: known };
  try {
    return { kind: 'map', map: options.analyzer.analyze(input) };
  } catch (e) {
    return failure(e, 'E_ANALYSIS');
  }
}

/** `E_ANALYSIS`: the analyzer threw on this input (a bug, reported with the input's path). */
export function failure(e: unknown, fallbackCode = 'E_INTERNAL'): Extract<FileOutcome, { kind: 'failed' }> {
  return {
    kind: 'failed',
    code: isClaimtraceError(e) ? e.code : fallbackCode,
    message: e instanceof Error ? e.message : String(e),
  };
}
