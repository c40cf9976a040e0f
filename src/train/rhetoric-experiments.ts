/**
 * Model choices for the rhetoric models, by k-fold on PTC train only (no dev):
 *   npx tsx src/train/rhetoric-experiments.ts tc [skip]  — technique classifier: hashing size
 *       (16/17/18 bits, `skip` drops the first sizes) × epochs and learning rate, 3 folds, top-1 accuracy
 *   npx tsx src/train/rhetoric-experiments.ts si         — token tagger (first stage): log-loss, best
 *       SI F1 over thresholds, and the precision reachable by a plain token threshold
 * Prints one line per setting; the winners are the defaults of src/train/rhetoric.ts. Feature
 * ablations were run by editing features.ts and rerunning (numbers in models/rhetoric/MODEL_CARD.md).
 */
import { utf16ToCodePoints } from '../core/span.js';
import { decodeSpans } from '../stages/rhetoric/decode-spans.js';
import { articleContext, tokenFeatures, type ArticleContext } from '../stages/rhetoric/features.js';
import { scoreSi, type Range } from '../stages/rhetoric/score-ptc.js';
import { TECHNIQUE_NAMES, type TechniqueName } from '../stages/rhetoric/types.js';
import { SparseRows, seededRandom, trainLogistic, trainSoftmax, type TrainOptions } from './linear.js';
import { readPtc, techniqueRows } from './ptc.js';

const what = process.argv[2] ?? 'tc';
const FOLDS = 3;
const articles = readPtc('train');
const contexts: ArticleContext[] = articles.map((a) => articleContext(a.text));
const random = seededRandom(1);
const fold = articles.map(() => Math.floor(random() * FOLDS));
const LABELS: readonly TechniqueName[] = TECHNIQUE_NAMES;

function rows(starts: number[], pick: (a: number) => boolean): number[] {
  const out: number[] = [];
  for (let a = 0; a < articles.length; a++) if (pick(a)) for (let r = starts[a]!; r < starts[a + 1]!; r++) out.push(r);
  return out;
}

if (what === 'tc') {
  for (const bits of [16, 17, 18].slice(Number(process.argv[3] ?? 0))) {
    const { data, starts } = techniqueRows(articles, contexts, bits);
    for (const [seeds, epochs, learningRate] of [[[1], 10, 0.03], [[1], 10, 0.05], [[1], 16, 0.02], [[1], 6, 0.05]] as [number[], number, number][]) {
      let correct = 0;
      for (let f = 0; f < FOLDS; f++) {
        const ws = seeds.map((seed) => trainSoftmax(data, rows(starts, (a) => fold[a] !== f), bits, LABELS.length, { epochs, learningRate, l2: 1e-5, seed }));
        for (const r of rows(starts, (a) => fold[a] === f)) {
          const avg = new Float64Array(LABELS.length);
          for (const w of ws) {
            const z = new Float64Array(LABELS.length);
            let max = -Infinity;
            for (let k = 0; k < LABELS.length; k++) {
              for (let i = data.offs[r]!; i < data.offs[r + 1]!; i++) z[k]! += w[(k << bits) + data.feats[i]!]!;
              max = Math.max(max, z[k]!);
            }
            let sum = 0;
            for (let k = 0; k < LABELS.length; k++) sum += z[k] = Math.exp(z[k]! - max);
            for (let k = 0; k < LABELS.length; k++) avg[k]! += z[k]! / sum;
          }
          let best = 0;
          for (let k = 1; k < LABELS.length; k++) if (avg[k]! > avg[best]!) best = k;
          if (best === data.labels[r]) correct++;
        }
      }
      console.log(`tc bits ${bits} seeds ${seeds.join(',')} epochs ${epochs} lr ${learningRate}: top-1 accuracy ${(correct / data.length).toFixed(3)}`);
    }
  }
} else {
  const bits = 20;
  const data = new SparseRows();
  const starts: number[] = [];
  const feats: number[] = [];
  articles.forEach((a, i) => {
    starts.push(data.length);
    const ctx = contexts[i]!;
    ctx.tokens.forEach((tok, j) => {
      feats.length = 0;
      tokenFeatures(ctx, j, (1 << bits) - 1, feats);
      data.push(feats, a.techniques.some((s) => s.start < tok.end && tok.start < s.end) ? 1 : 0);
    });
  });
  starts.push(data.length);
  const gold = new Map(articles.map((a) => [a.id, a.spansCp.map((s) => [s[0], s[1]] as const)]));
  for (const [epochs, learningRate, l2] of [
    [4, 0.02, 1e-5],
  ] as const) {
    const probs = new Float64Array(data.length);
    let logLoss = 0;
    for (let f = 0; f < FOLDS; f++) {
      const w = trainLogistic(data, rows(starts, (a) => fold[a] !== f), bits, { epochs, learningRate, l2, seed: 1 });
      for (const r of rows(starts, (a) => fold[a] === f)) {
        let z = 0;
        for (let i = data.offs[r]!; i < data.offs[r + 1]!; i++) z += w[data.feats[i]!]!;
        const p = 1 / (1 + Math.exp(-z));
        probs[r] = p;
        logLoss -= Math.log(Math.max(1e-9, data.labels[r] ? p : 1 - p));
      }
    }
    let best = { f1: 0, th: 0, p: 0, r: 0 };
    for (let th = 0.1; th < 0.5; th += 0.025) {
      const pred = new Map<string, Range[]>();
      articles.forEach((a, i) => {
        const conv = utf16ToCodePoints(a.text);
        const spans = decodeSpans(contexts[i]!, probs.subarray(starts[i]!, starts[i + 1]!), th, { smooth: 0.5, gap: 2, sentenceCover: 0.5, clauseCover: 2, minTokens: 2 });
        pred.set(a.id, spans.map((s) => [conv(s.start), conv(s.end)] as const));
      });
      const s = scoreSi(gold, pred);
      if (s.f1 > best.f1) best = { f1: s.f1, th, p: s.p, r: s.r };
    }
    for (let th = 0.3; th < 0.95; th += 0.05) {
      const pred = new Map<string, Range[]>();
      articles.forEach((a, i) => {
        const conv = utf16ToCodePoints(a.text);
        const spans = decodeSpans(contexts[i]!, probs.subarray(starts[i]!, starts[i + 1]!), th, { smooth: 0, gap: 0, sentenceCover: 2, clauseCover: 2, minTokens: 1 });
        pred.set(a.id, spans.map((s) => [conv(s.start), conv(s.end)] as const));
      });
      const s = scoreSi(gold, pred);
      console.log(`  first-stage token threshold ${th.toFixed(2)}: P ${s.p.toFixed(3)} R ${s.r.toFixed(3)} spans ${s.predSpans}`);
    }
    console.log(
      `si epochs ${epochs} lr ${learningRate} l2 ${l2}: log-loss ${(logLoss / data.length).toFixed(4)}, SI F1 ${best.f1.toFixed(3)} (P ${best.p.toFixed(3)} R ${best.r.toFixed(3)} at ${best.th.toFixed(3)})`,
    );
  }
}
