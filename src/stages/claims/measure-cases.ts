import type { SentenceLabel } from './cases.js';
import { classifyClause, type ClauseLabel } from './classify-clause.js';

export interface CaseScore {
  readonly total: number;
  /** Claim vs not-claim, a claim counting as found whatever its kind. */
  readonly precision: number;
  readonly recall: number;
  /** Among claims found that are claims, the share with the right kind. */
  readonly kindAccuracy: number;
  /** Share of all sentences with exactly the right label (kind or reason). */
  readonly labelAccuracy: number;
  readonly errors: readonly { readonly sentence: string; readonly expected: SentenceLabel; readonly got: ClauseLabel }[];
}

const NOT_CLAIM = new Set<string>(['opinion', 'exhortation', 'question', 'none']);

/** Scores {@link classifyClause} on a labelled table (each sentence read alone, no quotes layer). */
export function measureCases(cases: readonly (readonly [string, SentenceLabel])[]): CaseScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let kindRight = 0;
  let exact = 0;
  const errors: { sentence: string; expected: SentenceLabel; got: ClauseLabel }[] = [];
  for (const [sentence, expected] of cases) {
    const got = classifyClause(sentence);
    const isClaim = !NOT_CLAIM.has(expected);
    const found = !NOT_CLAIM.has(got);
    if (isClaim && found) {
      tp++;
      if (got === expected) kindRight++;
    } else if (found) fp++;
    else if (isClaim) fn++;
    if (got === expected) exact++;
    else errors.push({ sentence, expected, got });
  }
  return {
    total: cases.length,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    kindAccuracy: tp === 0 ? 1 : kindRight / tp,
    labelAccuracy: cases.length === 0 ? 1 : exact / cases.length,
    errors,
  };
}
