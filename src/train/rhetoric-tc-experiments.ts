/**
 * Technique-classifier experiments: 5-fold by article on PTC train (the choice) and, for the
 * record only, dev. Prints micro-F1 (k-th copy of a repeated span gets the k-th label) raw and
 * with per-class score offsets tuned on the out-of-fold predictions (class priors).
 *
 *   npx tsx src/train/rhetoric-tc-experiments.ts [variant …]
 */
import { articleContext } from '../stages/rhetoric/features.js';
import { TECHNIQUE_NAMES, type TechniqueName } from '../stages/rhetoric/types.js';
import { predictSoftmax, seededRandom, trainSoftmax, type TrainOptions } from './linear.js';
import { readPtc, techniqueRows, type PtcArticle } from './ptc.js';
import { assignRanked, tuneClassOffsets } from './tc-priors.js';

const LABELS: readonly TechniqueName[] = TECHNIQUE_NAMES;
const FOLDS = 5;
const BITS = Number(process.env['TC_BITS'] ?? 18);
const train = readPtc('train');
const dev = readPtc('dev');
const ctxTrain = train.map((a) => articleContext(a.text));
const ctxDev = dev.map((a) => articleContext(a.text));
const random = seededRandom(1);
const order = train.map((_, i) => ({ i, r: random() })).sort((a, b) => a.r - b.r).map((x) => x.i);
const fold = new Int32Array(train.length);
order.forEach((a, k) => (fold[a] = k % FOLDS));

function rowsOf(starts: readonly number[], idx: readonly number[]): number[] {
  const out: number[] = [];
  for (const a of idx) for (let r = starts[a]!; r < starts[a + 1]!; r++) out.push(r);
  return out;
}


function microF1(articles: readonly PtcArticle[], starts: readonly number[], probs: readonly Float64Array[], offsets: Float64Array): number {
  let ok = 0;
  let n = 0;
  articles.forEach((a, i) => {
    const lines = a.techniquesCp;
    const labels = assignRanked(lines, probs.slice(starts[i]!, starts[i + 1]!), offsets);
    // multiset match within identical spans
    const gold = new Map<string, string[]>();
    for (const l of lines) {
      const key = `${l.start}:${l.end}`;
      gold.set(key, [...(gold.get(key) ?? []), l.technique]);
    }
    lines.forEach((l, j) => {
      const g = gold.get(`${l.start}:${l.end}`)!;
      const at = g.indexOf(LABELS[labels[j]!]!);
      if (at >= 0) {
        g.splice(at, 1);
        ok++;
      }
    });
    n += lines.length;
  });
  return ok / n;
}

const opts: TrainOptions = { epochs: Number(process.env['TC_EPOCHS'] ?? 10), learningRate: Number(process.env['TC_LR'] ?? 0.03), l2: Number(process.env['TC_L2'] ?? 1e-5), seed: 1 };
const t0 = Date.now();
const tr = techniqueRows(train, ctxTrain, BITS);
const dv = techniqueRows(dev, ctxDev, BITS);
const all = train.map((_, i) => i);
const oof: Float64Array[] = new Array(tr.data.length);
for (let f = 0; f < FOLDS; f++) {
  const w = trainSoftmax(tr.data, rowsOf(tr.starts, all.filter((i) => fold[i] !== f)), BITS, LABELS.length, opts);
  predictSoftmax(tr.data, rowsOf(tr.starts, all.filter((i) => fold[i] === f)), w, LABELS.length, BITS, oof);
}
const wAll = trainSoftmax(tr.data, rowsOf(tr.starts, all), BITS, LABELS.length, opts);
const devProbs: Float64Array[] = new Array(dv.data.length);
predictSoftmax(dv.data, rowsOf(dv.starts, dev.map((_, i) => i)), wAll, LABELS.length, BITS, devProbs);
const zero = new Float64Array(LABELS.length);
const offsets = tuneClassOffsets(LABELS.length, (o) => microF1(train, tr.starts, oof, o));
console.log(
  `${process.argv.slice(2).join(' ') || 'base'} bits ${BITS} ${JSON.stringify(opts)}: 5-fold ${microF1(train, tr.starts, oof, zero).toFixed(3)} → offsets ${microF1(train, tr.starts, oof, offsets).toFixed(3)}; dev ${microF1(dev, dv.starts, devProbs, zero).toFixed(3)} → offsets ${microF1(dev, dv.starts, devProbs, offsets).toFixed(3)} (${((Date.now() - t0) / 1000).toFixed(0)} s) offsets ${[...offsets].map((x) => x.toFixed(2)).join(' ')}`,
);
