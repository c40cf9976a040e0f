/**
 * Trains and measures the rhetoric models on the Propaganda Techniques Corpus.
 *
 *   npx tsx src/train/rhetoric.ts [--folds 5] [--out models/rhetoric] [--seed 1]
 *   npx tsx src/train/rhetoric.ts --eval-only [--out models/rhetoric] [--pred-jsonl /tmp/dev.jsonl]
 *
 * Reads PTC from `$CLAIMTRACE_SHARED/datasets/ptc` (default `../shared`). Trains on `train`
 * only: k-fold by article for the k-fold scores and for tuning the decoding and thresholds on
 * out-of-fold predictions, then on all of `train` for the shipped weights; measures on `dev`.
 * Writes weights and a JSON header, never corpus text.
 */
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { utf16ToCodePoints } from '../core/span.js';
import { decodeSpans } from '../stages/rhetoric/decode-spans.js';
import { detectTechniques, rankTechniques, techniqueProbabilities } from '../stages/rhetoric/detect-techniques.js';
import { articleContext, spanFeatures, tokenFeatures, type ArticleContext } from '../stages/rhetoric/features.js';
import { loadRhetoricModel } from '../stages/rhetoric/load-model.js';
import type { DecodeParams, RhetoricModelHeader } from '../stages/rhetoric/model.js';
import { scoreSi, scoreTc, type LabelledRange, type Range, type SiScore } from '../stages/rhetoric/score-ptc.js';
import { TECHNIQUE_NAMES, type TechniqueName } from '../stages/rhetoric/types.js';
import { SparseRows, seededRandom, trainLogistic, trainSoftmax, type TrainOptions } from './linear.js';
import { readPtc, type PtcArticle } from './ptc.js';

const { values: args } = parseArgs({
  options: {
    folds: { type: 'string', default: '5' },
    out: { type: 'string', default: 'models/rhetoric' },
    seed: { type: 'string', default: '1' },
    'si-bits': { type: 'string', default: '20' },
    'tc-bits': { type: 'string', default: '16' },
    'si-epochs': { type: 'string', default: '6' },
    'tc-epochs': { type: 'string', default: '10' },
    'eval-only': { type: 'boolean', default: false },
    'pred-jsonl': { type: 'string' },
    'hp-precision': { type: 'string', default: '0.62' },
  },
});

const FOLDS = Number(args.folds);
const SEED = Number(args.seed);
const SI_BITS = Number(args['si-bits']);
const TC_BITS = Number(args['tc-bits']);
const SI_OPTIONS: TrainOptions = { epochs: Number(args['si-epochs']), learningRate: 0.1, l2: 1e-5, seed: SEED };
const TC_OPTIONS: TrainOptions = { epochs: Number(args['tc-epochs']), learningRate: 0.1, l2: 1e-5, seed: SEED };
const HP_PRECISION = Number(args['hp-precision']);
const OUT = resolve(args.out!);
const LABELS: readonly TechniqueName[] = TECHNIQUE_NAMES;

const f3 = (x: number): string => x.toFixed(3);
const log = (...parts: unknown[]): void => console.log(...parts);

interface Prepared {
  readonly articles: readonly PtcArticle[];
  readonly contexts: readonly ArticleContext[];
  readonly toCp: readonly ((offset: number) => number)[];
  readonly si: SparseRows;
  /** First SI row of each article (and one past the end). */
  readonly siStart: readonly number[];
  readonly tc: SparseRows;
  readonly tcStart: readonly number[];
}

function prepare(articles: readonly PtcArticle[]): Prepared {
  const contexts: ArticleContext[] = [];
  const si = new SparseRows();
  const tc = new SparseRows();
  const siStart: number[] = [];
  const tcStart: number[] = [];
  const feats: number[] = [];
  const siMask = (1 << SI_BITS) - 1;
  const tcMask = (1 << TC_BITS) - 1;
  for (const article of articles) {
    const ctx = articleContext(article.text);
    contexts.push(ctx);
    siStart.push(si.length);
    const spans = article.techniques;
    for (let i = 0; i < ctx.tokens.length; i++) {
      const tok = ctx.tokens[i]!;
      feats.length = 0;
      tokenFeatures(ctx, i, siMask, feats);
      si.push(feats, spans.some((s) => s.start < tok.end && tok.start < s.end) ? 1 : 0);
    }
    tcStart.push(tc.length);
    for (const t of spans) {
      feats.length = 0;
      spanFeatures(ctx, t, tcMask, feats);
      const label = LABELS.indexOf(t.technique as TechniqueName);
      if (label < 0) throw new Error(`Expected a PTC technique name, not \`${t.technique}\``);
      tc.push(feats, label);
    }
  }
  siStart.push(si.length);
  tcStart.push(tc.length);
  return { articles, contexts, toCp: articles.map((a) => utf16ToCodePoints(a.text)), si, siStart, tc, tcStart };
}

function rowsOf(starts: readonly number[], articleIndices: readonly number[]): number[] {
  const rows: number[] = [];
  for (const a of articleIndices) for (let r = starts[a]!; r < starts[a + 1]!; r++) rows.push(r);
  return rows;
}

function predictLogistic(data: SparseRows, rows: readonly number[], w: Float32Array, out: Float64Array): void {
  for (const r of rows) {
    let z = 0;
    for (let i = data.offs[r]!; i < data.offs[r + 1]!; i++) z += w[data.feats[i]!]!;
    out[r] = 1 / (1 + Math.exp(-z));
  }
}

function predictSoftmax(data: SparseRows, rows: readonly number[], w: Float32Array, out: Float64Array[]): void {
  for (const r of rows) {
    const s = new Float64Array(LABELS.length);
    let max = -Infinity;
    for (let k = 0; k < LABELS.length; k++) {
      let z = 0;
      for (let i = data.offs[r]!; i < data.offs[r + 1]!; i++) z += w[(k << TC_BITS) + data.feats[i]!]!;
      s[k] = z;
      max = Math.max(max, z);
    }
    let sum = 0;
    for (let k = 0; k < LABELS.length; k++) sum += s[k] = Math.exp(s[k]! - max);
    for (let k = 0; k < LABELS.length; k++) s[k]! /= sum;
    out[r] = s;
  }
}

/**
 * One label per gold line; when the same span appears n times (several techniques on one
 * fragment) its k-th copy gets the k-th most probable label, as the task allows.
 */
function assignLabels(lines: readonly { start: number; end: number }[], probs: readonly Float64Array[]): string[] {
  const seen = new Map<string, number>();
  return lines.map((l, i) => {
    const key = `${l.start}:${l.end}`;
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    const p = probs[i]!;
    const ranked = LABELS.map((name, j) => ({ name, p: p[j]! })).sort((a, b) => b.p - a.p);
    return ranked[Math.min(k, ranked.length - 1)]!.name;
  });
}

function goldSi(prep: Prepared, indices: readonly number[]): Map<string, Range[]> {
  return new Map(indices.map((a) => [prep.articles[a]!.id, prep.articles[a]!.spansCp.map((s) => [s[0], s[1]] as const)]));
}

function goldTc(articles: readonly PtcArticle[], indices: readonly number[]): Map<string, LabelledRange[]> {
  return new Map(indices.map((a) => [articles[a]!.id, [...articles[a]!.techniquesCp]]));
}

function scoreDecoding(prep: Prepared, indices: readonly number[], probs: Float64Array, threshold: number, params: DecodeParams, gold: Map<string, Range[]>): SiScore {
  const pred = new Map<string, Range[]>();
  for (const a of indices) {
    const p = probs.subarray(prep.siStart[a]!, prep.siStart[a + 1]!);
    const conv = prep.toCp[a]!;
    pred.set(
      prep.articles[a]!.id,
      decodeSpans(prep.contexts[a]!, p, threshold, params).map((s) => [conv(s.start), conv(s.end)] as const),
    );
  }
  return scoreSi(gold, pred);
}

const THRESHOLDS = Array.from({ length: 33 }, (_, i) => 0.1 + i * 0.025);

interface Tuned {
  params: DecodeParams;
  threshold: number;
  score: SiScore;
}

function tuneDecoding(prep: Prepared, indices: readonly number[], probs: Float64Array): { best: Tuned; bestToken: Tuned; bestSentence: Tuned; all: Tuned[] } {
  const gold = goldSi(prep, indices);
  const all: Tuned[] = [];
  for (const smooth of [0, 0.5])
    for (const gap of [0, 1, 2])
      for (const sentenceCover of [0.01, 0.5, 0.7, 0.9, 2])
        for (const minTokens of [1, 2])
          for (const threshold of THRESHOLDS) {
            const params = { smooth, gap, sentenceCover, minTokens };
            all.push({ params, threshold, score: scoreDecoding(prep, indices, probs, threshold, params, gold) });
          }
  const byF1 = (a: Tuned, b: Tuned): number => b.score.f1 - a.score.f1;
  const sorted = [...all].sort(byF1);
  return {
    best: sorted[0]!,
    bestToken: sorted.find((t) => t.params.sentenceCover > 1)!,
    bestSentence: sorted.find((t) => t.params.sentenceCover < 0.05)!,
    all,
  };
}

function describe(t: Tuned): string {
  const p = t.params;
  return `P ${f3(t.score.p)} R ${f3(t.score.r)} F1 ${f3(t.score.f1)} (threshold ${t.threshold.toFixed(3)}, smooth ${p.smooth}, gap ${p.gap}, sentenceCover ${p.sentenceCover}, minTokens ${p.minTokens}, ${t.score.predSpans} spans)`;
}

function writeFloat32(path: string, w: Float32Array): void {
  const buf = Buffer.alloc(w.length * 4);
  for (let i = 0; i < w.length; i++) buf.writeFloatLE(w[i]!, i * 4);
  writeFileSync(path, gzipSync(buf, { level: 9 }));
}

function train(): void {
  const t0 = Date.now();
  const articles = readPtc('train');
  const prep = prepare(articles);
  log(`train: ${articles.length} articles, ${prep.si.length} tokens (${prep.si.labels.filter((l) => l === 1).length} inside spans), ${prep.tc.length} technique lines; features in ${((Date.now() - t0) / 1000).toFixed(1)}s`);

  // k-fold by article
  const random = seededRandom(SEED);
  const order = articles.map((_, i) => ({ i, r: random() })).sort((a, b) => a.r - b.r).map((x) => x.i);
  const fold = new Int32Array(articles.length);
  order.forEach((a, k) => (fold[a] = k % FOLDS));
  const oofSi = new Float64Array(prep.si.length);
  const oofTc: Float64Array[] = new Array(prep.tc.length);
  for (let f = 0; f < FOLDS; f++) {
    const trainIdx = articles.map((_, i) => i).filter((i) => fold[i] !== f);
    const testIdx = articles.map((_, i) => i).filter((i) => fold[i] === f);
    const wSi = trainLogistic(prep.si, rowsOf(prep.siStart, trainIdx), SI_BITS, SI_OPTIONS);
    predictLogistic(prep.si, rowsOf(prep.siStart, testIdx), wSi, oofSi);
    const wTc = trainSoftmax(prep.tc, rowsOf(prep.tcStart, trainIdx), TC_BITS, LABELS.length, TC_OPTIONS);
    predictSoftmax(prep.tc, rowsOf(prep.tcStart, testIdx), wTc, oofTc);
    log(`fold ${f + 1}/${FOLDS} done (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
  }
  const all = articles.map((_, i) => i);

  // TC k-fold
  const tcPred = new Map<string, LabelledRange[]>();
  articles.forEach((a, i) => {
    const probs = oofTc.slice(prep.tcStart[i]!, prep.tcStart[i + 1]!);
    const labels = assignLabels(a.techniquesCp, probs);
    tcPred.set(a.id, a.techniquesCp.map((l, j) => ({ start: l.start, end: l.end, technique: labels[j]! })));
  });
  const tcK = scoreTc(goldTc(articles, all), tcPred);
  log(`\n${FOLDS}-fold TC micro-F1 ${f3(tcK.microF1)} (${tcK.matched}/${tcK.gold})`);

  // SI k-fold: decoding and thresholds tuned on out-of-fold token probabilities
  const tuned = tuneDecoding(prep, all, oofSi);
  log(`${FOLDS}-fold SI best         ${describe(tuned.best)}`);
  log(`${FOLDS}-fold SI token-level  ${describe(tuned.bestToken)}`);
  log(`${FOLDS}-fold SI sentence-level ${describe(tuned.bestSentence)}`);
  const sameParams = tuned.all.filter((t) => JSON.stringify(t.params) === JSON.stringify(tuned.best.params));
  const hp = sameParams.filter((t) => t.score.p >= HP_PRECISION).sort((a, b) => b.score.r - a.score.r)[0] ?? sameParams.sort((a, b) => b.score.p - a.score.p)[0]!;
  log(`${FOLDS}-fold SI high-precision ${describe(hp)}`);
  for (const t of sameParams) log(`  threshold ${t.threshold.toFixed(3)}  P ${f3(t.score.p)} R ${f3(t.score.r)} F1 ${f3(t.score.f1)}`);

  // final weights on all of train
  const wSi = trainLogistic(prep.si, rowsOf(prep.siStart, all), SI_BITS, SI_OPTIONS);
  const wTc = trainSoftmax(prep.tc, rowsOf(prep.tcStart, all), TC_BITS, LABELS.length, TC_OPTIONS);
  mkdirSync(OUT, { recursive: true });
  writeFloat32(join(OUT, 'si.f32.gz'), wSi);
  writeFloat32(join(OUT, 'tc.f32.gz'), wTc);
  const header: RhetoricModelHeader = {
    format: 'claimtrace-rhetoric',
    version: `ptc-train-s${SEED}`,
    si: { bits: SI_BITS, file: 'si.f32.gz', thresholds: { balanced: tuned.best.threshold, highPrecision: hp.threshold }, decode: tuned.best.params },
    tc: { bits: TC_BITS, file: 'tc.f32.gz', labels: LABELS },
    trainedOn: 'PTC v2 (SemEval-2020 Task 11) train, 371 articles; research use only, see MODEL_CARD.md',
    scores: {
      kfold: {
        folds: FOLDS,
        tcMicroF1: round3(tcK.microF1),
        si: { p: round3(tuned.best.score.p), r: round3(tuned.best.score.r), f1: round3(tuned.best.score.f1) },
        siHighPrecision: { p: round3(hp.score.p), r: round3(hp.score.r), f1: round3(hp.score.f1) },
      },
    },
  };
  writeFileSync(join(OUT, 'model.json'), JSON.stringify(header, null, 2) + '\n');
  log(`\nwrote ${OUT} in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function evaluate(): void {
  const model = loadRhetoricModel(pathToFileURL(OUT + '/'));
  const dev = readPtc('dev');
  const gold = new Map(dev.map((a) => [a.id, a.spansCp.map((s) => [s[0], s[1]] as const)]));

  // speed: the whole detector (tokenise, both models, decoding), best of three passes
  let best = Infinity;
  let predictions = dev.map(() => [] as ReturnType<typeof detectTechniques>);
  for (let pass = 0; pass < 3; pass++) {
    const t0 = process.hrtime.bigint();
    predictions = dev.map((a) => detectTechniques(a.text, model));
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  const chars = dev.reduce((n, a) => n + a.text.length, 0);

  const siAt = (mode: 'balanced' | 'high-precision', threshold?: number): SiScore => {
    const pred = new Map<string, Range[]>();
    dev.forEach((a) => {
      const conv = utf16ToCodePoints(a.text);
      const found = mode === 'balanced' && threshold === undefined ? predictions[dev.indexOf(a)]! : detectTechniques(a.text, model, threshold === undefined ? { mode } : { threshold });
      pred.set(a.id, found.map((t) => [conv(t.span.start), conv(t.span.end)] as const));
    });
    return scoreSi(gold, pred);
  };
  const bal = siAt('balanced');
  const hp = siAt('high-precision');

  // TC on the gold spans
  const tcPred = new Map<string, LabelledRange[]>();
  for (const a of dev) {
    const ctx = articleContext(a.text);
    const probs = a.techniques.map((t) => techniqueProbabilities(ctx, t, model));
    const labels = assignLabels(a.techniquesCp, probs);
    tcPred.set(a.id, a.techniquesCp.map((l, j) => ({ start: l.start, end: l.end, technique: labels[j]! })));
  }
  const tc = scoreTc(goldTc(dev, dev.map((_, i) => i)), tcPred);
  void rankTechniques;

  const size = readdirSync(OUT).reduce((n, f) => n + statSync(join(OUT, f)).size, 0);
  log(`dev (${dev.length} articles, gold ${bal.goldSpans} merged spans, ${tc.gold} technique lines)`);
  log(`SI balanced        P ${f3(bal.p)} R ${f3(bal.r)} F1 ${f3(bal.f1)}  (threshold ${model.si.thresholds.balanced}, ${bal.predSpans} spans)`);
  log(`SI high-precision  P ${f3(hp.p)} R ${f3(hp.r)} F1 ${f3(hp.f1)}  (threshold ${model.si.thresholds.highPrecision}, ${hp.predSpans} spans)`);
  log(`TC micro-F1 ${f3(tc.microF1)} (${tc.matched}/${tc.gold})`);
  log('\ntechnique                              gold  pred     P     R    F1');
  for (const t of [...tc.perTechnique].sort((a, b) => b.gold - a.gold)) {
    log(`${t.technique.padEnd(37)} ${String(t.gold).padStart(5)} ${String(t.predicted).padStart(5)} ${f3(t.p)} ${f3(t.r)} ${f3(t.f1)}`);
  }
  log('\nSI threshold sweep on dev (for reference; the shipped thresholds come from train folds)');
  for (const th of [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7]) {
    const s = siAt('balanced', th);
    log(`  ${th.toFixed(2)}  P ${f3(s.p)} R ${f3(s.r)} F1 ${f3(s.f1)} spans ${s.predSpans}`);
  }
  log(`\nspeed: ${(dev.length / best).toFixed(1)} articles/s, ${(chars / best / 1e6).toFixed(2)} M chars/s on one core (${dev.length} dev articles, best of 3)`);
  log(`model size: ${(size / 1e6).toFixed(2)} MB on disk in ${OUT}`);
  if (args['pred-jsonl']) {
    const path = resolve(args['pred-jsonl']);
    if (path.startsWith(resolve('.') + '/')) throw new Error(`Expected --pred-jsonl outside the repository (it holds corpus text), not ${path}`);
    writeFileSync(path, dev.map((a, i) => JSON.stringify({ id: `article${a.id}`, text: a.text, techniques: predictions[i] })).join('\n') + '\n');
    log(`predictions written to ${path}`);
  }
}

if (!args['eval-only']) train();
evaluate();
