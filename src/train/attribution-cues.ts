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
import { scoreCandidate, type Candidate, type CueModel } from '../stages/quotes/learned-cues.js';
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
    epochs: { type: 'string', default: '4' },
    lr: { type: 'string', default: '0.05' },
    threshold: { type: 'string' },
    'min-count': { type: 'string', default: '3' },
    'min-precision': { type: 'string', default: '0.2' },
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

const PARTICLE = /^(?:out|up|for|on|about|of|with|against|down|to)$/;
// Words inside cues that do not head them (`has said`, `is expected`, `said on Monday`).
const FUNCTION_WORD = /^(?:\p{L}+n[’']t|to|has|have|had|having|is|was|are|were|be|been|being|am|on|about|for|also|not|no|never|an|a|the|in|of|at|by|from|with|as|and|or|but|would|will|did|do|does|could|can|should|may|might|must|out|up|down|against|that|this|these|those|he|she|they|it|we|i|you|his|her|their|its|our|my|your|who|which|what|then|again|still|just|even|only|more|most|very|so|now|already|long|recently|later|earlier|statement|interview|poll|polls|report|\p{N}+)$/u;

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
  readonly features: readonly number[];
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

/** One article's candidates, and what the held-out evaluation needs to score them end to end. */
interface ArticleData {
  readonly rows: Labelled[];
  readonly candidates: readonly { readonly cue: number; readonly words: Set<number> }[];
  /** Contents the quotations and the rules find without the learned cues. */
  readonly before: readonly Set<number>[];
  readonly gold: readonly Set<number>[];
}

function candidatesOf(a: Article, index: number, forms: ReadonlyMap<string, number>): ArticleData {
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
  const gold = a.gold.map((g) => wordChars(text, g.content));
  const open = a.gold.map((g, i) => ({ cue: g.cue, words: gold[i]! })).filter((g) => !before.some((p) => jaccard(p, g.words) >= 0.5));
  const candidates = cands.map((c) => ({ cue: c.cue.start, words: wordChars(text, [c.content]) }));
  const rows = cands.map((c, i): Labelled => {
    const words = candidates[i]!.words;
    const hit = open.some((g) => g.cue.some((s) => s.start < c.cue.end && c.cue.start < s.end) && jaccard(g.words, words) >= 0.5);
    return { article: index, features: c.features, label: hit ? 1 : 0 };
  });
  return { rows, candidates, before, gold };
}

/**
 * A-track content counts (EVAL.md §1) of one article when the candidates scoring at least
 * `threshold` are kept as `findReportedSpeech` keeps them: the best one a cue, none repeating a
 * content already found.
 */
function contentCounts(d: ArticleData, scores: readonly number[], threshold: number): { tp: number; pred: number; gold: number } {
  const order = scores.map((p, i) => [p, i] as const).filter(([p]) => p >= threshold).sort((x, y) => y[0] - x[0]);
  const preds = [...d.before];
  const cues = new Set<number>();
  for (const [, i] of order) {
    const c = d.candidates[i]!;
    if (cues.has(c.cue) || preds.some((p) => jaccard(p, c.words) >= 0.5)) continue;
    cues.add(c.cue);
    preds.push(c.words);
  }
  const pairs: [number, number, number][] = [];
  d.gold.forEach((g, gi) => preds.forEach((p, pi) => {
    const j = jaccard(g, p);
    if (j >= 0.5) pairs.push([j, gi, pi]);
  }));
  pairs.sort((x, y) => y[0] - x[0]);
  const ug = new Set<number>();
  const up = new Set<number>();
  for (const [, gi, pi] of pairs) {
    if (ug.has(gi) || up.has(pi)) continue;
    ug.add(gi);
    up.add(pi);
  }
  return { tp: ug.size, pred: preds.length, gold: d.gold.length };
}

// ── 3. model ─────────────────────────────────────────────────────────────────

function rowsOf(data: readonly Labelled[]): SparseRows {
  const rows = new SparseRows();
  const mask = (1 << BITS) - 1;
  for (const d of data) rows.push([...new Set(d.features.map((f) => f & mask))], d.label);
  return rows;
}

function score(weights: Float32Array, features: readonly number[]): number {
  return scoreCandidate({ version: '', forms: new Map(), bits: BITS, weights, threshold: 1 }, features);
}

function main(): void {
  const articles = readArticles();
  const { forms, table } = deriveLexicon(articles, Number(args['min-count']), Number(args['min-precision']));
  console.error(`${articles.length} train articles, ${articles.reduce((n, a) => n + a.gold.length, 0)} gold relations; lexicon of ${forms.size} cue forms`);
  const perArticle = articles.map((a, i) => candidatesOf(a, i, forms));
  const data = perArticle.flatMap((d) => d.rows);
  const positives = data.filter((d) => d.label === 1).length;
  console.error(`${data.length} candidates, ${positives} positive`);
  const rows = rowsOf(data);
  const offsets: number[] = [];
  perArticle.reduce((n, d) => (offsets.push(n), n + d.rows.length), 0);

  // Held-out end-to-end A-track content scores by threshold: k folds by article.
  const thresholds = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 1.01];
  const totals = thresholds.map(() => ({ tp: 0, pred: 0, gold: 0 }));
  for (let f = 0; f < FOLDS; f++) {
    const train: number[] = [];
    data.forEach((d, r) => {
      if (d.article % FOLDS !== f) train.push(r);
    });
    const w = trainLogistic(rows, train, BITS, OPTIONS);
    perArticle.forEach((d, ai) => {
      if (ai % FOLDS !== f) return;
      const scores = d.rows.map((r) => score(w, r.features));
      thresholds.forEach((t, i) => {
        const c = contentCounts(d, scores, t);
        totals[i]!.tp += c.tp;
        totals[i]!.pred += c.pred;
        totals[i]!.gold += c.gold;
      });
    });
  }
  console.log(`held-out A-track content (${FOLDS}-fold by article; 1.01 = rules only): threshold P R F1`);
  thresholds.forEach((t, i) => {
    const k = totals[i]!;
    console.log(`  ${t.toFixed(2)}  ${(k.tp / k.pred).toFixed(3)} ${(k.tp / k.gold).toFixed(3)} ${f1Of(k).toFixed(3)}`);
  });
  // The highest threshold within 0.002 of the best F1: precision counts for the attributed F1 too.
  const top = Math.max(...totals.map(f1Of));
  const best = totals.reduce((b, k, i) => (f1Of(k) >= top - 0.002 ? i : b), 0);
  const threshold = args.threshold ? Number(args.threshold) : thresholds[best]!;
  console.log(`threshold ${threshold}`);

  const weights = trainLogistic(rows, data.map((_, r) => r), BITS, OPTIONS);
  const model: CueModel = { version: '1', forms, bits: BITS, weights, threshold };
  const out = resolve(args.out!);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'cues.json'), JSON.stringify(cueModelToJson(model)) + '\n');
  writeFileSync(join(out, 'lexicon.tsv'), 'form\tas_cue\toccurrences\n' + table.map((r) => r.join('\t')).join('\n') + '\n');
  console.error(`wrote ${join(out, 'cues.json')} and lexicon.tsv`);
}

function f1Of(k: { tp: number; pred: number; gold: number }): number {
  const p = k.tp / k.pred;
  const r = k.tp / k.gold;
  return (2 * p * r) / (p + r);
}

main();
