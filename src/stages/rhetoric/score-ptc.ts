import { codePointsToUtf16, utf16ToCodePoints } from '../../core/span.js';
import { TECHNIQUE_NAMES } from './types.js';

/**
 * The PTC (SemEval-2020 Task 11) measures of shared/EVAL.md §2, over code-point offsets.
 * Agrees with shared/tools/score_si.py.
 */

export type Range = readonly [start: number, end: number];

export interface LabelledRange {
  readonly start: number;
  readonly end: number;
  readonly technique: string;
}

/** Sorts and merges overlapping (and touching) ranges, as the reference scorer does. */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

export interface SiScore {
  readonly p: number;
  readonly r: number;
  readonly f1: number;
  readonly predSpans: number;
  readonly goldSpans: number;
}

/**
 * SI: spans merged within gold and within predictions; every predicted span s and gold span t
 * of one article add |s∩t|/|s| to precision and |s∩t|/|t| to recall; the sums are divided by
 * the numbers of predicted and gold spans over all articles. Articles absent from `gold` are ignored.
 */
export function scoreSi(gold: ReadonlyMap<string, readonly Range[]>, pred: ReadonlyMap<string, readonly Range[]>): SiScore {
  let pn = 0;
  let rn = 0;
  let np = 0;
  let ng = 0;
  for (const [id, goldRanges] of gold) {
    const g = mergeRanges(goldRanges);
    const p = mergeRanges(pred.get(id) ?? []);
    np += p.length;
    ng += g.length;
    for (const [s, e] of p) {
      for (const [t, u] of g) {
        const inter = Math.min(e, u) - Math.max(s, t);
        if (inter > 0) {
          pn += inter / (e - s);
          rn += inter / (u - t);
        }
      }
    }
  }
  const p = np ? pn / np : 0;
  const r = ng ? rn / ng : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, predSpans: np, goldSpans: ng };
}

export interface TcScore {
  /** Matched labels / gold labels (the SemEval TC measure, = accuracy when every gold line gets one prediction). */
  readonly microF1: number;
  readonly matched: number;
  readonly gold: number;
  readonly predicted: number;
  readonly perTechnique: readonly { technique: string; p: number; r: number; f1: number; gold: number; predicted: number }[];
}

/**
 * TC: per article and identical span, gold and predicted labels are matched as multisets;
 * micro-F1 = matched / gold labels. Per technique: P = matched / predicted, R = matched / gold.
 */
export function scoreTc(gold: ReadonlyMap<string, readonly LabelledRange[]>, pred: ReadonlyMap<string, readonly LabelledRange[]>): TcScore {
  const matchedBy = new Map<string, number>();
  const goldBy = new Map<string, number>();
  const predBy = new Map<string, number>();
  const inc = (m: Map<string, number>, k: string): void => {
    m.set(k, (m.get(k) ?? 0) + 1);
  };
  let matched = 0;
  let nGold = 0;
  let nPred = 0;
  for (const [id, goldLabels] of gold) {
    const bySpan = new Map<string, string[]>();
    for (const g of goldLabels) {
      const key = `${g.start}:${g.end}`;
      const list = bySpan.get(key) ?? [];
      list.push(g.technique);
      bySpan.set(key, list);
      inc(goldBy, g.technique);
      nGold++;
    }
    for (const p of pred.get(id) ?? []) {
      inc(predBy, p.technique);
      nPred++;
      const list = bySpan.get(`${p.start}:${p.end}`);
      const at = list ? list.indexOf(p.technique) : -1;
      if (list && at >= 0) {
        list.splice(at, 1);
        inc(matchedBy, p.technique);
        matched++;
      }
    }
  }
  const names = [...new Set<string>([...TECHNIQUE_NAMES, ...goldBy.keys(), ...predBy.keys()])];
  const perTechnique = names.map((technique) => {
    const m = matchedBy.get(technique) ?? 0;
    const g = goldBy.get(technique) ?? 0;
    const pr = predBy.get(technique) ?? 0;
    const p = pr ? m / pr : 0;
    const r = g ? m / g : 0;
    return { technique, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, gold: g, predicted: pr };
  });
  return { microF1: nGold ? matched / nGold : 0, matched, gold: nGold, predicted: nPred, perTechnique };
}

/** UTF-16 spans (claimtrace) → code-point ranges (PTC). */
export function toCodePointRanges(text: string, spans: readonly { readonly start: number; readonly end: number }[]): Range[] {
  const conv = utf16ToCodePoints(text);
  return spans.map((s) => [conv(s.start), conv(s.end)] as const);
}

/** Code-point ranges (PTC) → UTF-16 spans (claimtrace). */
export function toUtf16Spans(text: string, ranges: readonly Range[]): { start: number; end: number }[] {
  const conv = codePointsToUtf16(text);
  return ranges.map(([s, e]) => ({ start: conv(s), end: conv(e) }));
}
