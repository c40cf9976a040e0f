/** Inputs built to expose worse-than-linear behaviour: long runs of one mark, one endless line. */
import { createAnalyzer } from '../analyze.js';
import { emptyMeta } from '../core/document.js';

export type PathologicalKind = 'double-quotes' | 'open-parens' | 'single-line';

export interface PathologicalSpec {
  readonly kind: PathologicalKind;
  readonly bytes: number;
}

export const PATHOLOGICAL_KINDS: readonly PathologicalKind[] = ['double-quotes', 'open-parens', 'single-line'];

export function pathologicalText(spec: PathologicalSpec): string {
  switch (spec.kind) {
    case 'double-quotes':
      return '"'.repeat(spec.bytes);
    case 'open-parens':
      return '('.repeat(spec.bytes);
    case 'single-line': {
      // Ordinary prose with quotes and attributions, but never a line break.
      const sentence = 'The minister said "the plan will work" (Reuters, 2016), according to officials. ';
      return sentence.repeat(Math.ceil(spec.bytes / sentence.length)).slice(0, spec.bytes);
    }
  }
}

export function analyzePathological(spec: PathologicalSpec): { ms: number; quotes: number } {
  const text = pathologicalText(spec);
  const analyzer = createAnalyzer();
  const t0 = performance.now();
  const map = analyzer.analyze({ text, source: { path: `<${spec.kind}>`, format: 'text', encoding: 'utf-8', bytes: text.length }, meta: emptyMeta });
  return { ms: performance.now() - t0, quotes: map.quotes.length };
}
