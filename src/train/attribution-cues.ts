/**
 * Learns the attribution cues beyond the speech-verb lexicon from PolNeAR train.
 *
 *   npx tsx src/train/attribution-cues.ts [--out models/attribution] [--folds 4] [--threshold 0.4]
 *
 * Reads `$CLAIMTRACE_SHARED/datasets/polnear/jsonl/train.jsonl` (default `../shared`), train only.
 * 1. Lexicon: lower-cased word forms (and form + particle pairs) inside gold cues at least
 *    `--min-count` times whose share of occurrences inside a gold cue reaches `--min-precision`.
 * 2. Candidates: the quotes stage's own finder (`findReportedSpeech` with `collect`) proposes a
 *    relation for each lexicon word it can give a subject and a clause; a candidate is positive
 *    when a gold relation's cue overlaps its cue and its content matches the gold content
 *    (word-character Jaccard ≥ 0.5, EVAL.md §1).
 * 3. Logistic regression over hashed features (`learned-cues.ts`); k-fold by article prints
 *    held-out precision and recall by threshold, then all of train gives the shipped weights.
 * Writes word forms and weights only, never corpus text.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { emptyMeta } from '../core/document.js';
import { createPipeline } from '../core/pipeline.js';
import { codePointsToUtf16, compareSpans, type Span } from '../core/span.js';
import type { OutletRegistry } from '../core/stage.js';
import { attributeQuotes } from '../stages/quotes/attribute-quotes.js';
import { findReportedSpeech } from '../stages/quotes/find-reported-speech.js';
import { cueModelToJson } from '../stages/quotes/learned-cue-model.js';
import { hashFeature, type Candidate, type CueModel } from '../stages/quotes/learned-cues.js';
import { pairQuoteMarks } from '../stages/quotes/pair-quote-marks.js';
import { findPeople } from '../stages/quotes/resolve-pronoun.js';
import { wordsIn } from '../stages/quotes/words.js';
import { structureStage } from '../stages/structure/index.js';
import { SparseRows, trainLogistic, type TrainOptions } from './linear.js';

const { values: args } = parseArgs({
  options: {
    out: { type: 'string', default: 'models/attribution' },
    folds: { type: 'string', default: '4' },
    bits: { type: 'string', default: '16' },
    epochs: { type: 'string', default: '8' },
    lr: { type: 'string', default: '0.05' },
    threshold: { type: 'string', default: '0.4' },
    'min-count': { type: 'string', default: '3' },
    'min-precision': { type: 'string', default: '0.05' },
    seed: { type: 'string', default: '1' },
  },
});
const BITS = Number(args.bits);
const OPTIONS: TrainOptions = { epochs: Number(args.epochs), learningRate: Number(args.lr), l2: 1e-5, seed: Number(args.seed) };
const FOLDS = Number(args.folds);
const shared = process.env.CLAIMTRACE_SHARED ?? resolve('../shared');
const goldPath = join(shared, 'datasets/polnear/jsonl/train.jsonl');

interface GoldRelation {
  readonly cue: readonly Span[];
  readonly content: readonly Span[];
}
interface Article {
  readonly id: string;
  readonly text: string;
  readonly gold: readonly GoldRelation[];
}

function readArticles(): Article[] {
  const out: Article[] = [];
  for (const line of readFileSync(goldPath, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const a = JSON.parse(line) as { id: string; text: string; quotes: { cue: Span[]; contents: Span[] }[] };
    const to16 = codePointsToUtf16(a.text);
    const conv = (s: Span): Span => ({ start: to16(s.start), end: to16(s.end) });
    out.push({ id: a.id, text: a.text, gold: a.quotes.map((q) => ({ cue: q.cue.map(conv), content: q.contents.map(conv) })) });
  }
  return out;
}

// ── 1. lexicon ───────────────────────────────────────────────────────────────

const PARTICLE = /^(?:out|up|for|on|about|of|with|against|down)$/;
// Words inside cues that do not head them (`has said`, `is expected`, `said on Monday`).
const FUNCTION_WORD = /^(?:to|has|have|had|having|is|was|are|were|be|been|being|am|on|about|for|also|not|no|never|an|a|the|in|of|at|by|from|with|as|and|or|but|would|will|did|do|does|could|can|should|may|might|must|out|up|down|against|that|this|these|those|he|she|they|it|we|i|you|his|her|their|its|our|my|your|who|which|what|then|again|still|just|even|only|more|most|very|so|now|already|long|recently|later|earlier|statement|interview|poll|polls|report|\p{N}+)$/u;

function deriveLexicon(articles: readonly Article[], minCount: number, minPrecision: number): { forms: Map<string, number>; table: [string, number, number][] } {
  const seen = new Map<string, number>();
  const asCue = new Map<string, number>();
  for (const a of articles) {
    const cues = a.gold.flatMap((g) => g.cue).sort(compareSpans);
    const words = wordsIn(a.text, 0, a.text.length);
    let t = 0;
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if (!/^\p{L}/u.test(w.text) || FUNCTION_WORD.test(w.lower)) continue;
      const next = words[i + 1];
      const pair = next && PARTICLE.test(next.lower) ? `${w.lower} ${next.lower}` : null;
      while (t < cues.length && cues[t]!.end <= w.start) t++;
      const inCue = t < cues.length && cues[t]!.start <= w.start;
      seen.set(w.lower, (seen.get(w.lower) ?? 0) + 1);
      if (pair) seen.set(pair, (seen.get(pair) ?? 0) + 1);
      if (inCue) {
        asCue.set(w.lower, (asCue.get(w.lower) ?? 0) + 1);
        if (pair && next && next.end <= cues[t]!.end) asCue.set(pair, (asCue.get(pair) ?? 0) + 1);
      }
    }
  }
  const table: [string, number, number][] = [];
  for (const [form, n] of asCue) {
    const total = seen.get(form) ?? n;
    if (n >= minCount && n / total >= minPrecision) table.push([form, n, total]);
  }
  table.sort((x, y) => y[1] - x[1]);
  return { forms: new Map(table.map((r) => [r[0], r[1] / r[2]])), table };
}

// ── 2. candidates ────────────────────────────────────────────────────────────

const noOutlets: OutletRegistry = { byName: () => null, byHost: () => null, findMentions: () => [] };
const structure = createPipeline([structureStage], { outlets: noOutlets });

interface Labelled {
  readonly article: number;
  readonly features: readonly string[];
  readonly label: 0 | 1;
}

function wordChars(text: string, spans: readonly Span[]): Set<number> {
  const s = new Set<number>();
  for (const sp of spans) for (let i = sp.start; i < sp.end; i++) if (/[\p{L}\p{N}_]/u.test(text[i]!)) s.add(i);
  return s;
}

function jaccard(a: Set<number>, b: Set<number>): number {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter || 1);
}

function candidatesOf(a: Article, index: number, forms: ReadonlyMap<string, number>): Labelled[] {
  const text = a.text;
  const layers = structure.run({ text, source: { path: a.id, format: 'text', encoding: 'utf-8', bytes: text.length }, meta: emptyMeta }).layers;
  const { paragraphs, sentences } = layers.structure;
  const paired = pairQuoteMarks(text, paragraphs);
  const people = findPeople(text);
  const found = attributeQuotes({ text, paragraphs, sentences, marked: paired.spans, people, outlets: noOutlets });
  const taken = found.quotes.map((q) => q.covers).sort(compareSpans);
  const cands: Candidate[] = [];
  const model: CueModel = { version: 'lexicon', forms, bits: 1, weights: new Float32Array(2), threshold: 1 };
  findReportedSpeech({ text, sentences, taken, people, outlets: noOutlets, model, collect: (c) => cands.push(c) });
  // Gold relations the quotations and the rules already find are not the candidates' to find:
  // a candidate matching one would be a duplicate, a false positive.
  const rules = findReportedSpeech({ text, sentences, taken, people, outlets: noOutlets, model: null });
  const before = [...found.quotes.map((q) => q.content), ...rules.map((r) => r.content)].map((c) => wordChars(text, c));
  const golds = a.gold.map((g) => ({ cue: g.cue, words: wordChars(text, g.content) })).filter((g) => !before.some((p) => jaccard(p, g.words) >= 0.5));
  return cands.map((c) => {
    const words = wordChars(text, [c.content]);
    const hit = golds.some((g) => g.cue.some((s) => s.start < c.cue.end && c.cue.start < s.end) && jaccard(g.words, words) >= 0.5);
    return { article: index, features: c.features, label: hit ? 1 : 0 };
  });
}

// ── 3. model ─────────────────────────────────────────────────────────────────

function rowsOf(data: readonly Labelled[]): SparseRows {
  const rows = new SparseRows();
  for (const d of data) rows.push([...new Set(d.features.map((f) => hashFeature(f, BITS)))], d.label);
  return rows;
}

function score(weights: Float32Array, features: readonly string[]): number {
  let z = 0;
  for (const f of features) z += weights[hashFeature(f, BITS)] ?? 0;
  return 1 / (1 + Math.exp(-z));
}

function main(): void {
  const articles = readArticles();
  const { forms, table } = deriveLexicon(articles, Number(args['min-count']), Number(args['min-precision']));
  console.error(`${articles.length} train articles, ${articles.reduce((n, a) => n + a.gold.length, 0)} gold relations; lexicon of ${forms.size} cue forms`);
  const data = articles.flatMap((a, i) => candidatesOf(a, i, forms));
  const positives = data.filter((d) => d.label === 1).length;
  console.error(`${data.length} candidates, ${positives} positive`);
  const rows = rowsOf(data);

  // Held-out scores by threshold: k folds by article.
  const thresholds = [0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7];
  const kept = thresholds.map(() => ({ tp: 0, fp: 0 }));
  for (let f = 0; f < FOLDS; f++) {
    const train: number[] = [];
    const test: number[] = [];
    data.forEach((d, r) => (d.article % FOLDS === f ? test : train).push(r));
    const w = trainLogistic(rows, train, BITS, OPTIONS);
    for (const r of test) {
      const p = score(w, data[r]!.features);
      thresholds.forEach((t, i) => {
        if (p >= t) data[r]!.label ? kept[i]!.tp++ : kept[i]!.fp++;
      });
    }
  }
  console.log(`held-out (${FOLDS}-fold by article): threshold, kept, precision, positives found`);
  thresholds.forEach((t, i) => {
    const k = kept[i]!;
    console.log(`  ${t.toFixed(2)}  ${k.tp + k.fp}  ${(k.tp / (k.tp + k.fp || 1)).toFixed(3)}  ${k.tp}/${positives}`);
  });

  const weights = trainLogistic(rows, data.map((_, r) => r), BITS, OPTIONS);
  const model: CueModel = { version: '1', forms, bits: BITS, weights, threshold: Number(args.threshold) };
  const out = resolve(args.out!);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'cues.json'), JSON.stringify(cueModelToJson(model)) + '\n');
  writeFileSync(join(out, 'lexicon.tsv'), 'form\tas_cue\toccurrences\n' + table.map((r) => r.join('\t')).join('\n') + '\n');
  console.error(`wrote ${join(out, 'cues.json')} and lexicon.tsv`);
}

main();
