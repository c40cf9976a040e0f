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
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { utf16ToCodePoints } from '../core/span.js';
import { coreOf, decodeSpans, rescore } from '../stages/rhetoric/decode-spans.js';
import { detectTechniques, lexiconSpans, techniqueProbabilities } from '../stages/rhetoric/detect-techniques.js';
import { articleContext, hashFeature, isContentWord, probabilityContext, spanFeatures, spanScoreFeatures, stackFeatures, tokenFeatures, type ArticleContext } from '../stages/rhetoric/features.js';
import { loadRhetoricModel } from '../stages/rhetoric/load-model.js';
import { mergeWithRules, ruleSpans, type RuleName } from '../stages/rhetoric/rule-detectors.js';
import { encodeQuantised, quantiseBlocks, type DecodeParams, type RhetoricModelHeader } from '../stages/rhetoric/model.js';
import { mergeRanges, scoreSi, scoreTc, type LabelledRange, type Range, type SiScore } from '../stages/rhetoric/score-ptc.js';
import { TECHNIQUE_NAMES, type TechniqueName } from '../stages/rhetoric/types.js';
import { predictSoftmax, SparseRows, seededRandom, trainLogistic, trainSoftmax, type TrainOptions } from './linear.js';
import { readPtc, type PtcArticle } from './ptc.js';
import { assignRanked, tuneClassOffsets } from './tc-priors.js';

const { values: args } = parseArgs({
  options: {
    folds: { type: 'string', default: '5' },
    out: { type: 'string', default: 'models/rhetoric' },
    seed: { type: 'string', default: '1' },
    'si-bits': { type: 'string', default: '18' },
    'tc-bits': { type: 'string', default: '18' },
    'si-epochs': { type: 'string', default: '4' },
    'tc-epochs': { type: 'string', default: '10' },
    'si-lr': { type: 'string', default: '0.02' },
    'tc-lr': { type: 'string', default: '0.03' },
    'eval-only': { type: 'boolean', default: false },
    'pred-jsonl': { type: 'string' },
    'hp-precision': { type: 'string', default: '0.65' },
    'no-stack': { type: 'boolean', default: false },
    'no-groups': { type: 'boolean', default: false },
    'compare-first-stage': { type: 'boolean', default: false },
  },
});

const FOLDS = Number(args.folds);
const SEED = Number(args.seed);
const SI_BITS = Number(args['si-bits']);
const TC_BITS = Number(args['tc-bits']);
const SI_OPTIONS: TrainOptions = { epochs: Number(args['si-epochs']), learningRate: Number(args['si-lr']), l2: 1e-5, seed: SEED };
const TC_OPTIONS: TrainOptions = { epochs: Number(args['tc-epochs']), learningRate: Number(args['tc-lr']), l2: 1e-5, seed: SEED };
const HP_PRECISION = Number(args['hp-precision']);
const STACK_BITS = 14;
const STACK_OPTIONS: TrainOptions = { epochs: 4, learningRate: 0.05, l2: 1e-5, seed: SEED };
const SPAN_BITS = 16;
/** Technique families with their own first-stage tagger: short lexical ones and clause-long ones. */
const GROUPS = args['no-groups']
  ? []
  : [
      {
        name: 'short',
        techniques: ['Loaded_Language', 'Name_Calling,Labeling', 'Repetition', 'Exaggeration,Minimisation', 'Slogans', 'Flag-Waving', 'Thought-terminating_Cliches', 'Bandwagon,Reductio_ad_hitlerum'],
      },
      {
        name: 'long',
        techniques: ['Doubt', 'Appeal_to_fear-prejudice', 'Causal_Oversimplification', 'Black-and-White_Fallacy', 'Whataboutism,Straw_Men,Red_Herring', 'Appeal_to_Authority'],
      },
    ];
const SPAN_OPTIONS: TrainOptions = { epochs: 8, learningRate: 0.03, l2: 1e-5, seed: SEED };
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
  /** Per technique family, the 0/1 label of every SI row. */
  readonly groupLabels: readonly number[][];
}

function prepare(articles: readonly PtcArticle[]): Prepared {
  const contexts: ArticleContext[] = [];
  const si = new SparseRows();
  const tc = new SparseRows();
  const siStart: number[] = [];
  const tcStart: number[] = [];
  const groupLabels: number[][] = GROUPS.map(() => []);
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
      GROUPS.forEach((g, k) =>
        groupLabels[k]!.push(spans.some((s) => g.techniques.includes(s.technique) && s.start < tok.end && tok.start < s.end) ? 1 : 0),
      );
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
  return { articles, contexts, toCp: articles.map((a) => utf16ToCodePoints(a.text)), si, siStart, tc, tcStart, groupLabels };
}

/** Second-stage rows from first-stage probabilities (out-of-fold ones when training). */
function stackRows(prep: Prepared, probs: Float64Array, groupProbs: readonly Float64Array[]): SparseRows {
  const rows = new SparseRows();
  const feats: number[] = [];
  const mask = (1 << STACK_BITS) - 1;
  prep.contexts.forEach((ctx, a) => {
    const from = prep.siStart[a]!;
    const pc = probabilityContext(ctx, probs.subarray(from, prep.siStart[a + 1]!));
    const gcs = groupProbs.map((g) => probabilityContext(ctx, g.subarray(from, prep.siStart[a + 1]!)));
    for (let i = 0; i < ctx.tokens.length; i++) {
      feats.length = 0;
      stackFeatures(ctx, pc, i, mask, feats, gcs);
      rows.push(feats, prep.si.labels[from + i]!);
    }
  });
  return rows;
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


/**
 * One label per gold line; when the same span appears n times (several techniques on one
 * fragment) its k-th copy gets the k-th most probable label, as the task allows. `offsets` are
 * added to the log-probabilities first (class priors; see tc-priors.ts).
 */
function assignLabels(lines: readonly { start: number; end: number }[], probs: readonly Float64Array[], offsets: ArrayLike<number> = new Float64Array(LABELS.length)): string[] {
  return assignRanked(lines, probs, offsets).map((k) => LABELS[k]!);
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

const THRESHOLDS = Array.from({ length: 17 }, (_, i) => 0.1 + i * 0.025);
const HP_THRESHOLDS = Array.from({ length: 11 }, (_, i) => 0.4 + i * 0.05);

interface Tuned {
  params: DecodeParams;
  threshold: number;
  score: SiScore;
}

function tuneDecoding(prep: Prepared, indices: readonly number[], probs: Float64Array): { best: Tuned; bestToken: Tuned; bestSentence: Tuned; all: Tuned[] } {
  const gold = goldSi(prep, indices);
  const all: Tuned[] = [];
  const run = (params: DecodeParams, thresholds: readonly number[]): void => {
    for (const threshold of thresholds) all.push({ params, threshold, score: scoreDecoding(prep, indices, probs, threshold, params, gold) });
  };
  for (const smooth of [0, 0.5])
    for (const gap of [1, 2])
      for (const sentenceCover of [0.01, 0.5, 0.7, 2])
        for (const clauseCover of sentenceCover < 0.05 ? [2] : [0.5, 0.7, 2]) run({ smooth, gap, sentenceCover, clauseCover, minTokens: 2 }, THRESHOLDS);
  // short, confident spans for the high-precision setting
  for (const minTokens of [1, 2]) for (const gap of [0, 1]) run({ smooth: 0, gap, sentenceCover: 2, clauseCover: 2, minTokens }, HP_THRESHOLDS);
  const byF1 = (a: Tuned, b: Tuned): number => b.score.f1 - a.score.f1;
  const sorted = [...all].sort(byF1);
  return {
    best: sorted[0]!,
    bestToken: sorted.find((t) => t.params.sentenceCover > 1 && t.params.clauseCover > 1)!,
    bestSentence: sorted.find((t) => t.params.sentenceCover < 0.05)!,
    all,
  };
}

function describe(t: Tuned): string {
  const p = t.params;
  return `P ${f3(t.score.p)} R ${f3(t.score.r)} F1 ${f3(t.score.f1)} (threshold ${t.threshold.toFixed(3)}, ${JSON.stringify(p)}, ${t.score.predSpans} spans)`;
}

/** The 8-bit file of the first-stage taggers and the technique classifier (one scale per block), as the detector holds them. */
function writeQuantised(path: string, w: Float32Array, blocks: number): void {
  writeFileSync(path, gzipSync(encodeQuantised(quantiseBlocks(w, blocks)), { level: 9 }));
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
  const oofGroups = GROUPS.map(() => new Float64Array(prep.si.length));
  const groupRows = prep.groupLabels.map((labels) => ({ feats: prep.si.feats, offs: prep.si.offs, labels }));
  const oofTc: Float64Array[] = new Array(prep.tc.length);
  for (let f = 0; f < FOLDS; f++) {
    const trainIdx = articles.map((_, i) => i).filter((i) => fold[i] !== f);
    const testIdx = articles.map((_, i) => i).filter((i) => fold[i] === f);
    const wSi = trainLogistic(prep.si, rowsOf(prep.siStart, trainIdx), SI_BITS, SI_OPTIONS);
    predictLogistic(prep.si, rowsOf(prep.siStart, testIdx), wSi, oofSi);
    groupRows.forEach((rows, k) =>
      predictLogistic(prep.si, rowsOf(prep.siStart, testIdx), trainLogistic(rows, rowsOf(prep.siStart, trainIdx), SI_BITS, SI_OPTIONS), oofGroups[k]!),
    );
    const wTc = trainSoftmax(prep.tc, rowsOf(prep.tcStart, trainIdx), TC_BITS, LABELS.length, TC_OPTIONS);
    predictSoftmax(prep.tc, rowsOf(prep.tcStart, testIdx), wTc, LABELS.length, TC_BITS, oofTc);
    log(`fold ${f + 1}/${FOLDS} done (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
  }
  const all = articles.map((_, i) => i);
  const secs = (): string => ((Date.now() - t0) / 1000).toFixed(1) + 's';

  // second stage on out-of-fold first-stage probabilities, same folds
  const stack = args['no-stack'] ? null : stackRows(prep, oofSi, oofGroups);
  let oofFinal = oofSi;
  if (stack) {
    oofFinal = new Float64Array(prep.si.length);
    for (let f = 0; f < FOLDS; f++) {
      const trainIdx = all.filter((i) => fold[i] !== f);
      const testIdx = all.filter((i) => fold[i] === f);
      predictLogistic(stack, rowsOf(prep.siStart, testIdx), trainLogistic(stack, rowsOf(prep.siStart, trainIdx), STACK_BITS, STACK_OPTIONS), oofFinal);
    }
    log(`stacked stage done (${secs()})`);
  }

  // TC k-fold, then per-class offsets (priors) tuned on the out-of-fold predictions
  const tcScoreWith = (offsets: ArrayLike<number>): ReturnType<typeof scoreTc> => {
    const tcPred = new Map<string, LabelledRange[]>();
    articles.forEach((a, i) => {
      const probs = oofTc.slice(prep.tcStart[i]!, prep.tcStart[i + 1]!);
      const labels = assignLabels(a.techniquesCp, probs, offsets);
      tcPred.set(a.id, a.techniquesCp.map((l, j) => ({ start: l.start, end: l.end, technique: labels[j]! })));
    });
    return scoreTc(goldTc(articles, all), tcPred);
  };
  const tcK = tcScoreWith(new Float64Array(LABELS.length));
  log(`\n${FOLDS}-fold TC micro-F1 ${f3(tcK.microF1)} (${tcK.matched}/${tcK.gold})`);
  const tcOffsets = tuneClassOffsets(LABELS.length, (o) => tcScoreWith(o).microF1);
  const tcKOffsets = tcScoreWith(tcOffsets);
  log(`${FOLDS}-fold TC micro-F1 with class offsets ${f3(tcKOffsets.microF1)} (offsets ${[...tcOffsets].map((x, k) => `${LABELS[k]} ${x.toFixed(1)}`).join(', ')})`);
  log('  (the offsets are tuned and scored on the same out-of-fold predictions, so this figure is optimistic; dev is the check)');

  // SI k-fold: decoding and thresholds tuned on out-of-fold token probabilities
  if (stack && args['compare-first-stage']) log(`${FOLDS}-fold SI first stage only: ${describe(tuneDecoding(prep, all, oofSi).best)}`);
  const tuned = tuneDecoding(prep, all, oofFinal);
  log(`tuned (${secs()})`);
  log(`${FOLDS}-fold SI best         ${describe(tuned.best)}`);
  log(`${FOLDS}-fold SI token-level  ${describe(tuned.bestToken)}`);
  log(`${FOLDS}-fold SI sentence-level ${describe(tuned.bestSentence)}`);
  const hp =
    tuned.all.filter((t) => t.score.p >= HP_PRECISION).sort((a, b) => b.score.r - a.score.r)[0] ?? [...tuned.all].sort((a, b) => b.score.p - a.score.p)[0]!;
  log(`${FOLDS}-fold SI high-precision by token threshold ${describe(hp)}`);
  const sameParams = tuned.all.filter((t) => JSON.stringify(t.params) === JSON.stringify(tuned.best.params));
  for (const t of sameParams) log(`  threshold ${t.threshold.toFixed(3)}  P ${f3(t.score.p)} R ${f3(t.score.r)} F1 ${f3(t.score.f1)}`);
  const hpParams = tuned.all.filter((t) => JSON.stringify(t.params) === JSON.stringify(hp.params));
  log('high-precision decoding by token threshold:');
  for (const t of hpParams) log(`  threshold ${t.threshold.toFixed(3)}  P ${f3(t.score.p)} R ${f3(t.score.r)} F1 ${f3(t.score.f1)}`);

  // deterministic detectors, each measured alone on top of the tuned decoding (rules need no training)
  const goldRules = goldSi(prep, all);
  const withRules = (rules: readonly RuleName[]): SiScore => {
    const pred = new Map<string, Range[]>();
    all.forEach((a) => {
      const ctx = prep.contexts[a]!;
      const conv = prep.toCp[a]!;
      const decoded = decodeSpans(ctx, oofFinal.subarray(prep.siStart[a]!, prep.siStart[a + 1]!), tuned.best.threshold, tuned.best.params);
      pred.set(prep.articles[a]!.id, mergeWithRules(decoded, ruleSpans(ctx, rules), 1).map((s) => [conv(s.start), conv(s.end)] as const));
    });
    return scoreSi(goldRules, pred);
  };
  const ruleChoices: RuleName[] = [];
  const base = withRules([]);
  log(`rules: none  P ${f3(base.p)} R ${f3(base.r)} F1 ${f3(base.f1)}`);
  for (const rule of ['short-exclamation', 'exclamation', 'question', 'hashtag'] as const) {
    const sc = withRules([rule]);
    log(`rules: +${rule}  P ${f3(sc.p)} R ${f3(sc.r)} F1 ${f3(sc.f1)} (${sc.f1 >= base.f1 + 0.001 ? 'kept' : 'not kept'})`);
    if (sc.f1 >= base.f1 + 0.001) ruleChoices.push(rule);
  }
  if (ruleChoices.length > 1) {
    const sc = withRules(ruleChoices);
    log(`rules: ${ruleChoices.join(' + ')}  P ${f3(sc.p)} R ${f3(sc.r)} F1 ${f3(sc.f1)}`);
  }

  // span scorer: predicts the share of each balanced-decoded span that lies inside gold,
  // trained on out-of-fold spans; high-precision mode keeps the spans it is sure of
  const spanRows = new SparseRows();
  const spanStart: number[] = [];
  const spanCp: Range[][] = [];
  const coreCp = new Map<number, Range[][]>([[0.5, []], [0.7, []], [0.85, []]]);
  const feats: number[] = [];
  const spanMask = (1 << SPAN_BITS) - 1;
  all.forEach((a) => {
    spanStart.push(spanRows.length);
    const ctx = prep.contexts[a]!;
    const gold = mergeRanges(prep.articles[a]!.techniques.map((t) => [t.start, t.end] as const));
    const conv = prep.toCp[a]!;
    const articleProbs = oofFinal.subarray(prep.siStart[a]!, prep.siStart[a + 1]!);
    const decoded = rescore(ctx, articleProbs, mergeWithRules(decodeSpans(ctx, articleProbs, tuned.best.threshold, tuned.best.params), ruleSpans(ctx, ruleChoices), 0));
    spanCp.push(decoded.map((s) => [conv(s.start), conv(s.end)] as const));
    const tokenProbs = oofFinal.subarray(prep.siStart[a]!, prep.siStart[a + 1]!);
    for (const [ratio, list] of coreCp) list.push(decoded.map((s) => coreOf(ctx, tokenProbs, s, ratio)).map((s) => [conv(s.start), conv(s.end)] as const));
    for (const s of decoded) {
      let inside = 0;
      for (const [gs, ge] of gold) inside += Math.max(0, Math.min(s.end, ge) - Math.max(s.start, gs));
      feats.length = 0;
      spanScoreFeatures(ctx, s, s.score, spanMask, feats);
      spanRows.push(feats, inside / (s.end - s.start));
    }
  });
  spanStart.push(spanRows.length);
  const oofSpan = new Float64Array(spanRows.length);
  for (let f = 0; f < FOLDS; f++) {
    const w = trainLogistic(spanRows, rowsOf(spanStart, all.filter((i) => fold[i] !== f)), SPAN_BITS, SPAN_OPTIONS);
    predictLogistic(spanRows, rowsOf(spanStart, all.filter((i) => fold[i] === f)), w, oofSpan);
  }
  const goldAll = goldSi(prep, all);
  const hpCuts = Array.from({ length: 15 }, (_, i) => 0.3 + i * 0.05).map((cut) => {
    const pred = new Map<string, Range[]>();
    all.forEach((a) => pred.set(prep.articles[a]!.id, spanCp[a]!.filter((_, j) => oofSpan[spanStart[a]! + j]! >= cut)));
    return { cut, score: scoreSi(goldAll, pred) };
  });
  for (const [ratio, list] of coreCp) {
    for (const cut of [0.4, 0.5, 0.6, 0.7]) {
      const pred = new Map<string, Range[]>();
      all.forEach((a) => pred.set(prep.articles[a]!.id, list[a]!.filter((_, j) => oofSpan[spanStart[a]! + j]! >= cut)));
      const sc = scoreSi(goldAll, pred);
      log(`  core ${ratio} min confidence ${cut.toFixed(2)}  P ${f3(sc.p)} R ${f3(sc.r)} F1 ${f3(sc.f1)} spans ${sc.predSpans}`);
    }
  }
  const balancedCuts = Array.from({ length: 11 }, (_, i) => i * 0.03).map((cut) => {
    const pred = new Map<string, Range[]>();
    all.forEach((a) => pred.set(prep.articles[a]!.id, spanCp[a]!.filter((_, j) => oofSpan[spanStart[a]! + j]! >= cut)));
    return { cut, score: scoreSi(goldAll, pred) };
  });
  log('balanced: dropping spans below a span confidence (out-of-fold):');
  for (const h of balancedCuts) log(`  min confidence ${h.cut.toFixed(2)}  P ${f3(h.score.p)} R ${f3(h.score.r)} F1 ${f3(h.score.f1)} spans ${h.score.predSpans}`);
  const balancedCut = [...balancedCuts].sort((a, b) => b.score.f1 - a.score.f1)[0]!;
  log(`${FOLDS}-fold SI balanced with span filter ${f3(balancedCut.score.p)} R ${f3(balancedCut.score.r)} F1 ${f3(balancedCut.score.f1)} (min confidence ${balancedCut.cut.toFixed(2)})`);
  log('high-precision by span confidence (out-of-fold):');
  for (const h of hpCuts) log(`  min confidence ${h.cut.toFixed(2)}  P ${f3(h.score.p)} R ${f3(h.score.r)} F1 ${f3(h.score.f1)} spans ${h.score.predSpans}`);
  const hpSpan = hpCuts.filter((h) => h.score.p >= HP_PRECISION).sort((a, b) => b.score.r - a.score.r)[0] ?? hpCuts[hpCuts.length - 1]!;
  log(`${FOLDS}-fold SI high-precision ${f3(hpSpan.score.p)} R ${f3(hpSpan.score.r)} (min confidence ${hpSpan.cut.toFixed(2)})  (${secs()})`);

  // high precision: a word lexicon, the share of each word's occurrences inside a technique,
  // learned on the training folds and measured on the held-out fold
  const lexiconStats = (indices: readonly number[]): Map<string, { n: number; k: number; articles: number }> => {
    const stats = new Map<string, { n: number; k: number; articles: number }>();
    for (const a of indices) {
      const ctx = prep.contexts[a]!;
      const spans = prep.articles[a]!.techniques;
      const seen = new Set<string>();
      for (const t of ctx.tokens) {
        if (!isContentWord(t.lower)) continue;
        let e = stats.get(t.lower);
        if (!e) stats.set(t.lower, (e = { n: 0, k: 0, articles: 0 }));
        e.n++;
        if (spans.some((s) => s.start <= t.start && t.end <= s.end)) e.k++;
        if (!seen.has(t.lower)) {
          seen.add(t.lower);
          e.articles++;
        }
      }
    }
    return stats;
  };
  const lexiconOf = (stats: Map<string, { n: number; k: number; articles: number }>, minArticles: number, floor: number): Map<number, number> => {
    const lexicon = new Map<number, number>();
    for (const [w, e] of stats) {
      const share = e.k / (e.n + 1);
      if (e.articles >= minArticles && share >= floor) lexicon.set(hashFeature('hp=' + w), round3(share));
    }
    return lexicon;
  };
  const LEX_FLOOR = 0.5;
  const lexCuts = Array.from({ length: 9 }, (_, i) => 0.5 + i * 0.05);
  const lexResults: { minArticles: number; cut: number; score: SiScore }[] = [];
  for (const minArticles of [2, 3, 5]) {
    const preds = lexCuts.map(() => new Map<string, Range[]>());
    for (let f = 0; f < FOLDS; f++) {
      const lexicon = lexiconOf(lexiconStats(all.filter((i) => fold[i] !== f)), minArticles, LEX_FLOOR);
      for (const a of all.filter((i) => fold[i] === f)) {
        const conv = prep.toCp[a]!;
        lexCuts.forEach((cut, c) => preds[c]!.set(prep.articles[a]!.id, lexiconSpans(prep.contexts[a]!, lexicon, cut).map((s) => [conv(s.start), conv(s.end)] as const)));
      }
    }
    lexCuts.forEach((cut, c) => lexResults.push({ minArticles, cut, score: scoreSi(goldAll, preds[c]!) }));
  }
  log('high-precision word lexicon (out-of-fold):');
  for (const r of lexResults) log(`  seen in >= ${r.minArticles} articles, share >= ${r.cut.toFixed(2)}  P ${f3(r.score.p)} R ${f3(r.score.r)} spans ${r.score.predSpans}`);
  const hpLex = lexResults.filter((r) => r.score.p >= HP_PRECISION).sort((a, b) => b.score.r - a.score.r)[0] ?? [...lexResults].sort((a, b) => b.score.p - a.score.p)[0]!;
  log(`${FOLDS}-fold SI high-precision (lexicon) P ${f3(hpLex.score.p)} R ${f3(hpLex.score.r)} (seen in >= ${hpLex.minArticles} articles, share >= ${hpLex.cut.toFixed(2)})`);
  const finalLexicon = lexiconOf(lexiconStats(all), hpLex.minArticles, LEX_FLOOR);

  // final weights on all of train
  const wSi = trainLogistic(prep.si, rowsOf(prep.siStart, all), SI_BITS, SI_OPTIONS);
  const wTc = trainSoftmax(prep.tc, rowsOf(prep.tcStart, all), TC_BITS, LABELS.length, TC_OPTIONS);
  mkdirSync(OUT, { recursive: true });
  writeQuantised(join(OUT, 'si.i8.gz'), wSi, 1);
  groupRows.forEach((rows, k) => writeQuantised(join(OUT, `si-${GROUPS[k]!.name}.i8.gz`), trainLogistic(rows, rowsOf(prep.siStart, all), SI_BITS, SI_OPTIONS), 1));
  writeQuantised(join(OUT, 'tc.i8.gz'), wTc, LABELS.length);
  if (stack) writeFloat32(join(OUT, 'stack.f32.gz'), trainLogistic(stack, rowsOf(prep.siStart, all), STACK_BITS, STACK_OPTIONS));
  writeFloat32(join(OUT, 'spans.f32.gz'), trainLogistic(spanRows, rowsOf(spanStart, all), SPAN_BITS, SPAN_OPTIONS));
  const header: RhetoricModelHeader = {
    format: 'claimtrace-rhetoric',
    version: `ptc-train-s${SEED}`,
    si: {
      bits: SI_BITS,
      file: 'si.i8.gz',
      stack: stack ? { bits: STACK_BITS, file: 'stack.f32.gz' } : null,
      rules: ruleChoices,
      groups: GROUPS.map((g) => ({ name: g.name, techniques: g.techniques, file: `si-${g.name}.i8.gz` })),
      modes: {
        balanced: { threshold: round3(tuned.best.threshold), decode: tuned.best.params, minConfidence: round3(balancedCut.cut) },
        highPrecision: { minConfidence: round3(hpLex.cut), lexicon: [...finalLexicon].sort((a, b) => a[0] - b[0]) },
      },
    },
    tc: { bits: TC_BITS, file: 'tc.i8.gz', labels: LABELS, offsets: [...tcOffsets].map(round3) },
    spans: { bits: SPAN_BITS, file: 'spans.f32.gz' },
    trainedOn: 'PTC v2 (SemEval-2020 Task 11) train, 371 articles; research use only, see MODEL_CARD.md',
    scores: {
      kfold: {
        folds: FOLDS,
        tcMicroF1: round3(tcK.microF1),
        tcMicroF1WithOffsets: round3(tcKOffsets.microF1),
        si: { p: round3(balancedCut.score.p), r: round3(balancedCut.score.r), f1: round3(balancedCut.score.f1) },
        siWithoutSpanFilter: { p: round3(tuned.best.score.p), r: round3(tuned.best.score.r), f1: round3(tuned.best.score.f1) },
        siHighPrecisionSpanScorer: { p: round3(hpSpan.score.p), r: round3(hpSpan.score.r), f1: round3(hpSpan.score.f1), minConfidence: round3(hpSpan.cut) },
        siHighPrecision: { p: round3(hpLex.score.p), r: round3(hpLex.score.r), f1: round3(hpLex.score.f1), minConfidence: round3(hpLex.cut), minArticles: hpLex.minArticles },
      },
    },
  };
  writeFileSync(join(OUT, 'model.json'), headerJson(header));
  log(`\nwrote ${OUT} in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
}

/** The header as JSON, two-space indented, with the high-precision lexicon's pairs one line each. */
function headerJson(header: RhetoricModelHeader): string {
  const lexicon = header.si.modes.highPrecision.lexicon;
  const text = JSON.stringify(header, (key, value: unknown) => (key === 'lexicon' ? '@LEXICON@' : value), 2);
  if (!lexicon) return text + '\n';
  const lines = lexicon.map((pair) => '          ' + JSON.stringify(pair)).join(',\n');
  return text.replace('"@LEXICON@"', lexicon.length ? `[\n${lines}\n        ]` : '[]') + '\n';
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function evaluate(): void {
  const model = loadRhetoricModel(pathToFileURL(OUT + '/'));
  const dev = readPtc('dev');
  const gold = new Map(dev.map((a) => [a.id, a.spansCp.map((s) => [s[0], s[1]] as const)]));

  // speed: the whole detector (tokenise, both models, decoding), best of three passes
  // CPU time as well as wall time: on a shared machine the wall clock measures the neighbours
  let best = Infinity;
  let bestCpu = Infinity;
  let predictions = dev.map(() => [] as ReturnType<typeof detectTechniques>);
  for (let pass = 0; pass < 3; pass++) {
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    predictions = dev.map((a) => detectTechniques(a.text, model));
    const cpu = process.cpuUsage(c0);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
    bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1e6);
  }
  const chars = dev.reduce((n, a) => n + a.text.length, 0);

  const siAt = (mode: 'balanced' | 'high-precision', threshold?: number): SiScore => {
    const pred = new Map<string, Range[]>();
    dev.forEach((a) => {
      const conv = utf16ToCodePoints(a.text);
      const found = mode === 'balanced' && threshold === undefined ? predictions[dev.indexOf(a)]! : detectTechniques(a.text, model, threshold === undefined ? { mode } : { mode, threshold });
      pred.set(a.id, found.map((t) => [conv(t.span.start), conv(t.span.end)] as const));
    });
    return scoreSi(gold, pred);
  };
  const balPred = new Map<string, Range[]>();
  dev.forEach((a, i) => {
    const conv = utf16ToCodePoints(a.text);
    balPred.set(a.id, predictions[i]!.map((t) => [conv(t.span.start), conv(t.span.end)] as const));
  });
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

  // 95% bootstrap intervals over articles (1,000 draws, seeded)
  const random = seededRandom(SEED);
  const siDraws: number[] = [];
  const tcDraws: number[] = [];
  for (let d = 0; d < 1000; d++) {
    const g = new Map<string, Range[]>();
    const p = new Map<string, Range[]>();
    const gt = new Map<string, LabelledRange[]>();
    const pt = new Map<string, LabelledRange[]>();
    for (let k = 0; k < dev.length; k++) {
      const a = dev[Math.floor(random() * dev.length)]!;
      const key = `${a.id}#${k}`;
      g.set(key, gold.get(a.id)!);
      p.set(key, balPred.get(a.id)!);
      gt.set(key, [...a.techniquesCp]);
      pt.set(key, tcPred.get(a.id)!);
    }
    siDraws.push(scoreSi(g, p).f1);
    tcDraws.push(scoreTc(gt, pt).microF1);
  }
  const ci = (xs: number[]): string => {
    const sorted = [...xs].sort((a, b) => a - b);
    return `[${f3(sorted[24]!)}, ${f3(sorted[974]!)}]`;
  };
  const size = readdirSync(OUT).reduce((n, f) => n + statSync(join(OUT, f)).size, 0);
  log(`dev (${dev.length} articles, gold ${bal.goldSpans} merged spans, ${tc.gold} technique lines)`);
  log(`SI balanced        P ${f3(bal.p)} R ${f3(bal.r)} F1 ${f3(bal.f1)}  (${JSON.stringify(model.si.modes.balanced)}, ${bal.predSpans} spans)`);
  log(`SI high-precision  P ${f3(hp.p)} R ${f3(hp.r)} F1 ${f3(hp.f1)}  (min confidence ${model.si.modes.highPrecision.minConfidence}, lexicon of ${model.si.modes.highPrecision.lexicon?.size ?? 0} word hashes, ${hp.predSpans} spans)`);
  log(`TC micro-F1 ${f3(tc.microF1)} (${tc.matched}/${tc.gold})`);
  log(`95% bootstrap intervals (articles, 1,000 draws): SI F1 ${ci(siDraws)}, TC micro-F1 ${ci(tcDraws)}`);
  log('\ntechnique                              gold  pred     P     R    F1');
  for (const t of [...tc.perTechnique].sort((a, b) => b.gold - a.gold)) {
    log(`${t.technique.padEnd(37)} ${String(t.gold).padStart(5)} ${String(t.predicted).padStart(5)} ${f3(t.p)} ${f3(t.r)} ${f3(t.f1)}`);
  }
  log('\nSI threshold sweep on dev (for reference; the shipped thresholds come from train folds)');
  for (const th of [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7]) {
    const s = siAt('balanced', th);
    log(`  ${th.toFixed(2)}  P ${f3(s.p)} R ${f3(s.r)} F1 ${f3(s.f1)} spans ${s.predSpans}`);
  }
  log('\nhigh-precision sweep on dev (for reference; the shipped cut-off comes from train folds)');
  for (const cut of [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85]) {
    const s = siAt('high-precision', cut);
    log(`  min confidence ${cut.toFixed(2)}  P ${f3(s.p)} R ${f3(s.r)} F1 ${f3(s.f1)} spans ${s.predSpans}`);
  }
  log(
    `\nspeed (one thread, ${dev.length} dev articles, best of 3): ${(dev.length / bestCpu).toFixed(1)} articles/s of CPU time (${(chars / bestCpu / 1e6).toFixed(2)} M chars/s); ${(dev.length / best).toFixed(1)} articles/s wall clock at load ${loadavg()[0]!.toFixed(1)}`,
  );
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
