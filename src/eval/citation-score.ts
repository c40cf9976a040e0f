/**
 * The citation score lives in `src/eval/citations.ts` (owned separately). It is loaded
 * dynamically so that `npm run eval` works before that module exists, and says so.
 * `scoreCitations()` is given the context below; the current one ignores it and scores the
 * hand-written set `test/citations/cases.jsonl` (no external citation corpus exists here).
 */
import type { ProvenanceMap } from '../contract/schema.js';
import type { Split } from './paths.js';
import { citationHeadline, citationSummary } from './recorded-scores.js';

export interface CitationContext {
  readonly sharedDir: string;
  readonly repoRoot: string;
  readonly split: Split;
  /** The analyzer's provenance maps of the split's texts, already computed for the quote score. */
  readonly maps: readonly ProvenanceMap[];
}

export type CitationOutcome =
  | { readonly status: 'absent'; readonly reason: string }
  | { readonly status: 'failed'; readonly reason: string }
  | { readonly status: 'ok'; readonly result: unknown; readonly headline: Record<string, number> };

export async function runCitationScore(context: CitationContext): Promise<CitationOutcome> {
  // A specifier TypeScript does not resolve: the module may not exist yet.
  const specifier = './citations.js';
  let mod: Record<string, unknown>;
  try {
    mod = (await import(specifier)) as Record<string, unknown>;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ERR_MODULE_NOT_FOUND' && String((e as Error).message).includes('citations.js')) {
      return { status: 'absent', reason: 'src/eval/citations.ts does not exist yet' };
    }
    return { status: 'failed', reason: `could not load src/eval/citations.ts: ${(e as Error).message}` };
  }
  const score = mod.scoreCitations;
  if (typeof score !== 'function') return { status: 'absent', reason: 'src/eval/citations.ts exports no scoreCitations()' };
  try {
    const result: unknown = await (score as (c: CitationContext) => unknown)(context);
    return { status: 'ok', result: citationSummary(result), headline: citationHeadline(result) };
  } catch (e) {
    return { status: 'failed', reason: `scoreCitations() threw: ${e instanceof Error ? e.message : String(e)}` };
  }
}
