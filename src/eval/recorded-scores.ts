/**
 * Recorded scores (`eval/scores.json`): the figures of the last `npm run eval -- --record`,
 * with the commit and date they were measured at, per split. `--check` compares a fresh run
 * against them and fails when a headline score drops by more than a tolerance.
 */
import type { QuoteReport } from './score-quotes.js';
import type { Split } from './paths.js';

export interface RecordedRun {
  readonly recordedAt: string;
  /** `git rev-parse HEAD` when measured; `dirty` when src/, data/ or bin/ had uncommitted changes. */
  readonly commit: string;
  readonly dirty: boolean;
  readonly command: string;
  readonly data: { readonly corpus: string; readonly split: Split; readonly docs: number; readonly gold: string };
  /** The scores `--check` guards, by dotted name (`quotes.A.attrF1`). */
  readonly headline: Readonly<Record<string, number>>;
  readonly quotes: QuoteReport;
  readonly citations: unknown;
}

export interface RecordedScores {
  readonly note: string;
  readonly splits: Partial<Record<Split, RecordedRun>>;
}

export const DEFAULT_TOLERANCE = 0.005;

/** The guarded quote scores: attributed-quote F1 (the headline of EVAL.md §1) and content F1, both tracks. */
export function quoteHeadline(report: QuoteReport): Record<string, number> {
  return {
    'quotes.Q.attrF1': report.Q.scores.attrF1,
    'quotes.A.attrF1': report.A.scores.attrF1,
    'quotes.Q.contentF1': report.Q.scores.contentF1,
    'quotes.A.contentF1': report.A.scores.contentF1,
  };
}

/**
 * The guarded citation scores, whatever shape their owner gives the result: every finite number
 * whose name ends in `f1` (`citations.detection.f1`), and every number inside a `fields` object
 * (per-field accuracies, `citations.fields.outlet`). Counts and per-case rows are not guarded.
 */
export function citationHeadline(result: unknown, prefix = 'citations'): Record<string, number> {
  const out: Record<string, number> = {};
  const walk = (v: unknown, path: string, depth: number, inFields: boolean): void => {
    if (depth > 4 || v === null || typeof v !== 'object' || Array.isArray(v)) return;
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      const name = `${path}.${k}`;
      if (typeof x === 'number' && Number.isFinite(x) && (inFields || /f1$/i.test(k))) out[name] = x;
      else walk(x, name, depth + 1, k === 'fields');
    }
  };
  walk(result, prefix, 0, false);
  return out;
}

/** A citation result without its per-case rows (top-level arrays), for printing and recording. */
export function citationSummary(result: unknown): unknown {
  if (result === null || typeof result !== 'object' || Array.isArray(result)) return result;
  return Object.fromEntries(Object.entries(result as Record<string, unknown>).filter(([, v]) => !Array.isArray(v)));
}

export interface Comparison {
  readonly name: string;
  readonly recorded: number | null;
  readonly current: number | null;
  readonly status: 'ok' | 'improved' | 'dropped' | 'missing' | 'new';
}

/** Compares current headline scores with recorded ones; a drop beyond `tolerance`, or a vanished score, fails. */
export function compareHeadline(recorded: Readonly<Record<string, number>>, current: Readonly<Record<string, number>>, tolerance = DEFAULT_TOLERANCE): Comparison[] {
  const names = [...new Set([...Object.keys(recorded), ...Object.keys(current)])];
  return names.map((name): Comparison => {
    const r = recorded[name];
    const c = current[name];
    if (r === undefined) return { name, recorded: null, current: c ?? null, status: 'new' };
    if (c === undefined) return { name, recorded: r, current: null, status: 'missing' };
    // Rounded to 1e-9 so that a float of exactly `tolerance` below is not a failure.
    const delta = Math.round((c - r) * 1e9) / 1e9;
    return { name, recorded: r, current: c, status: delta < -tolerance ? 'dropped' : delta > tolerance ? 'improved' : 'ok' };
  });
}

export function checkFailed(comparisons: readonly Comparison[]): boolean {
  return comparisons.some((c) => c.status === 'dropped' || c.status === 'missing');
}
