/**
 * The persuasion-technique score of `npm run eval` (shared/EVAL.md §2) on the Propaganda
 * Techniques Corpus: the shipped rhetoric model over PTC `dev` (or `train`), SI precision,
 * recall and F1 in the balanced and high-precision settings, and TC micro-F1 on the gold spans.
 * The recorded figures live in `eval/rhetoric-scores.json`, apart from the quote scores.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { utf16ToCodePoints } from '../core/span.js';
import { detectTechniques, techniqueProbabilities } from '../stages/rhetoric/detect-techniques.js';
import { articleContext } from '../stages/rhetoric/features.js';
import { loadRhetoricModel } from '../stages/rhetoric/load-model.js';
import type { RhetoricModel } from '../stages/rhetoric/model.js';
import { scoreSi, scoreTc, type LabelledRange, type Range, type SiScore, type TcScore } from '../stages/rhetoric/score-ptc.js';
import { readPtc } from '../train/ptc.js';
import { assignRanked } from '../train/tc-priors.js';
import { repoRoot, type Split } from './paths.js';

/** The recorded PTC scores that `npm run eval -- --check` compares against. */
export const recordedRhetoricPath: string = resolve(repoRoot, 'eval', 'rhetoric-scores.json');

export function ptcDirOf(shared: string): string {
  return resolve(shared, 'datasets', 'ptc');
}

export function ptcAvailable(shared: string, split: Split): boolean {
  const dir = ptcDirOf(shared);
  return existsSync(resolve(dir, `${split}-articles`)) && existsSync(resolve(dir, `${split}-labels-task-flc-tc`));
}

export interface PtcReport {
  readonly articles: number;
  readonly goldSpans: number;
  readonly goldLines: number;
  readonly si: SiScore;
  readonly highPrecision: SiScore & { readonly minConfidence: number };
  readonly tc: TcScore;
  /** CPU time of the detector (balanced, a second pass over the split) per article, in ms; not guarded. */
  readonly cpuMsPerArticle: number;
  readonly model: string;
}

/** Runs the model over the split and scores it. */
export function scorePtc(shared: string, split: Split, model: RhetoricModel = loadRhetoricModel()): PtcReport {
  const articles = readPtc(split, ptcDirOf(shared));
  const gold = new Map<string, Range[]>(articles.map((a) => [a.id, a.spansCp.map((s) => [s[0], s[1]] as const)]));
  const balanced = new Map<string, Range[]>();
  const precise = new Map<string, Range[]>();
  const tcGold = new Map<string, LabelledRange[]>();
  const tcPred = new Map<string, LabelledRange[]>();
  for (const a of articles) {
    const conv = utf16ToCodePoints(a.text);
    const found = detectTechniques(a.text, model);
    balanced.set(a.id, found.map((t) => [conv(t.span.start), conv(t.span.end)] as const));
    precise.set(a.id, detectTechniques(a.text, model, { mode: 'high-precision' }).map((t) => [conv(t.span.start), conv(t.span.end)] as const));
    // TC: one label per gold line, given the gold spans; the k-th copy of a span gets the k-th label
    const ctx = articleContext(a.text);
    const probs = a.techniques.map((t) => techniqueProbabilities(ctx, t, model));
    const labels = assignRanked(a.techniquesCp, probs, new Float64Array(model.tc.labels.length));
    tcGold.set(a.id, [...a.techniquesCp]);
    tcPred.set(a.id, a.techniquesCp.map((l, j) => ({ start: l.start, end: l.end, technique: model.tc.labels[labels[j]!]! })));
  }
  // speed: a second pass, once the code is compiled and the tables built
  const c0 = process.cpuUsage();
  for (const a of articles) detectTechniques(a.text, model);
  const used = process.cpuUsage(c0);
  const cpu = (used.user + used.system) / 1000;
  const si = scoreSi(gold, balanced);
  return {
    articles: articles.length,
    goldSpans: si.goldSpans,
    goldLines: articles.reduce((n, a) => n + a.techniquesCp.length, 0),
    si,
    highPrecision: { ...scoreSi(gold, precise), minConfidence: model.si.modes.highPrecision.minConfidence },
    tc: scoreTc(tcGold, tcPred),
    cpuMsPerArticle: cpu / Math.max(1, articles.length),
    model: model.version,
  };
}

/** The guarded PTC scores. */
export function ptcHeadline(report: PtcReport): Record<string, number> {
  return {
    'rhetoric.si.f1': report.si.f1,
    'rhetoric.tc.microF1': report.tc.microF1,
    'rhetoric.highPrecision.p': report.highPrecision.p,
  };
}

const f3 = (x: number): string => x.toFixed(3);

/** The report as text lines for the eval table. */
export function formatPtc(report: PtcReport, split: Split): string {
  const hp = report.highPrecision;
  const lines = [
    `Persuasion techniques (EVAL.md §2; PTC ${split}, ${report.articles} articles, ${report.goldSpans} merged gold spans, ${report.goldLines} technique lines; model ${report.model})`,
    `  SI balanced         P ${f3(report.si.p)}  R ${f3(report.si.r)}  F1 ${f3(report.si.f1)}  (${report.si.predSpans} spans)`,
    `  SI high-precision   P ${f3(hp.p)}  R ${f3(hp.r)}  F1 ${f3(hp.f1)}  (${hp.predSpans} spans, min confidence ${hp.minConfidence})`,
    `  TC micro-F1 on gold spans ${f3(report.tc.microF1)} (${report.tc.matched}/${report.tc.gold})`,
    `  detector CPU ${report.cpuMsPerArticle.toFixed(2)} ms/article (balanced, one thread)`,
  ];
  return lines.join('\n');
}
