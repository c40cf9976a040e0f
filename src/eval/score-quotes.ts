/**
 * Scores quotations and attribution against PolNeAR-style gold: the protocol of
 * shared/EVAL.md §1, ported from the reference scorer `shared/tools/score_quotes.py`
 * so that both give the same figures on the same predictions (checked in docs/quality.md).
 *
 * Gold offsets count Unicode code points (Python style); predictions carry UTF-16 offsets
 * into their own `text`, converted here with `utf16ToCodePoints`. Pure: no I/O.
 */
import { utf16ToCodePoints } from '../core/span.js';
import { seededRandom } from '../core/seeded-random.js';

/** A gold span, half-open, in code points. */
export interface GoldSpan {
  readonly start: number;
  readonly end: number;
  readonly text?: string;
}

export interface GoldRelation {
  readonly id?: string;
  readonly cue: readonly GoldSpan[];
  readonly sources: readonly GoldSpan[];
  readonly contents: readonly GoldSpan[];
}

/** One line of `polnear/jsonl/{train,dev}.jsonl`. */
export interface GoldDocument {
  readonly id: string;
  readonly text: string;
  readonly quotes: readonly GoldRelation[];
}

/** A predicted span, half-open, in UTF-16 code units into the prediction's `text`. */
export interface PredSpan {
  readonly start: number;
  readonly end: number;
}

/** The part of a provenance-map quote the scorer reads. */
export interface PredQuote {
  readonly kind?: string | null;
  readonly content?: readonly PredSpan[] | PredSpan | null;
  readonly cue?: PredSpan | readonly PredSpan[] | null;
  readonly speaker?: { readonly mention?: PredSpan | readonly PredSpan[] | null } | null;
}

/** The part of a provenance map (one `--format jsonl` line) the scorer reads. */
export interface PredDocument {
  readonly text?: string;
  readonly source?: { readonly path?: string } | null;
  readonly quotes?: readonly PredQuote[] | null;
}

export type Track = 'Q' | 'A';

/** Counts for one document and one track; they add up across documents. */
export interface DocCounts {
  readonly gold: number;
  readonly pred: number;
  readonly contentTp: number;
  readonly attrTp: number;
  readonly cueTp: number;
}

export interface TrackScores extends DocCounts {
  readonly contentP: number;
  readonly contentR: number;
  readonly contentF1: number;
  readonly attrP: number;
  readonly attrR: number;
  readonly attrF1: number;
  /** Matched pairs whose speaker matches, among pairs matched on content. */
  readonly speakerAcc: number;
  /** Matched pairs whose cue overlaps the gold cue, among pairs matched on content. */
  readonly cueAcc: number;
}

export type ScoreName = 'contentP' | 'contentR' | 'contentF1' | 'attrP' | 'attrR' | 'attrF1' | 'speakerAcc' | 'cueAcc';
export const SCORE_NAMES: readonly ScoreName[] = ['attrP', 'attrR', 'attrF1', 'contentP', 'contentR', 'contentF1', 'speakerAcc', 'cueAcc'];

export interface TrackReport {
  readonly scores: TrackScores;
  /** 95% bootstrap interval of each score, resampling documents. */
  readonly ci95: Readonly<Record<ScoreName, readonly [number, number]>>;
}

export interface QuoteReport {
  readonly Q: TrackReport;
  readonly A: TrackReport;
  readonly docs: number;
  /** Gold documents with no prediction (scored as predicting nothing). */
  readonly missingDocs: number;
  /** Predictions whose `text` differs from the gold text (scored as predicting nothing). */
  readonly textMismatchDocs: number;
  readonly bootstrap: { readonly draws: number; readonly seed: number };
}

/**
 * Double marks only: a single `’` is far more often an apostrophe than a quotation mark.
 * The same set as the reference scorer (which also counts `‟`).
 */
const QUOTE_MARKS = new Set(['"', '\u201c', '\u201d', '\u00ab', '\u00bb', '\u201e', '\u201f']);
const WORD_CHAR = /^[\p{L}\p{N}_]$/u;

/** A text split into code points, with which of them are word characters. */
interface CodePointText {
  readonly chars: readonly string[];
  readonly word: Uint8Array;
}

function toCodePointText(text: string): CodePointText {
  const chars = Array.from(text);
  const word = new Uint8Array(chars.length);
  for (let i = 0; i < chars.length; i++) if (WORD_CHAR.test(chars[i]!)) word[i] = 1;
  return { chars, word };
}

function wordPositions(t: CodePointText, spans: readonly GoldSpan[]): Set<number> {
  const out = new Set<number>();
  for (const s of spans) {
    const end = Math.min(t.chars.length, s.end);
    for (let i = Math.max(0, s.start); i < end; i++) if (t.word[i]) out.add(i);
  }
  return out;
}

/** Q-track gold: content that holds a double quotation mark or is directly preceded or followed by one. */
function isQuotationGold(t: CodePointText, contents: readonly GoldSpan[]): boolean {
  for (const c of contents) {
    const end = Math.min(t.chars.length, c.end + 1);
    for (let i = Math.max(0, c.start - 1); i < end; i++) if (QUOTE_MARKS.has(t.chars[i]!)) return true;
  }
  return false;
}

function spansOf(x: unknown): PredSpan[] {
  if (x === null || x === undefined) return [];
  if (Array.isArray(x)) return x.flatMap(spansOf);
  if (typeof x === 'object') {
    const o = x as Record<string, unknown>;
    if ('start' in o && 'end' in o) return [o as unknown as PredSpan];
    if ('spans' in o) return spansOf(o.spans);
    if ('span' in o) return spansOf(o.span);
  }
  return [];
}

function anyOverlap(a: readonly GoldSpan[], b: readonly GoldSpan[]): boolean {
  return a.some((x) => b.some((y) => x.start < y.end && y.start < x.end));
}

function normalise(s: string): string {
  return s.trim().toLowerCase().replace(/\s+/g, ' ');
}

function sliceText(t: CodePointText, spans: readonly GoldSpan[]): string {
  return spans.map((s) => t.chars.slice(Math.max(0, s.start), Math.max(0, s.end)).join('')).join(' ');
}

interface Item {
  readonly words: Set<number>;
  readonly source: readonly GoldSpan[];
  readonly cue: readonly GoldSpan[];
}

/** Kinds that are not attributions at all, whatever a prediction file calls them. */
const NOT_QUOTES = new Set(['scare', 'title', 'scare-quote']);

function predictedItems(t: CodePointText, pred: PredDocument, track: Track): Item[] {
  const toCp = utf16ToCodePoints(pred.text ?? '');
  const cp = (s: PredSpan): GoldSpan => ({ start: toCp(s.start), end: toCp(s.end) });
  const items: Item[] = [];
  for (const q of pred.quotes ?? []) {
    const kind = (q.kind ?? '').toLowerCase();
    if (NOT_QUOTES.has(kind)) continue;
    if (track === 'Q' && kind === 'indirect') continue;
    const raw = q as Record<string, unknown>;
    const content = spansOf(raw.content ?? raw.contents).map(cp);
    const mention = q.speaker && typeof q.speaker === 'object' ? spansOf(q.speaker.mention).map(cp) : [];
    items.push({ words: wordPositions(t, content), source: mention, cue: spansOf(q.cue).map(cp) });
  }
  return items;
}

/**
 * EVAL.md §1's content pairing: gold and predicted contents (as sets of word-character
 * positions) with Jaccard ≥ 0.5, paired one-to-one greedily, highest Jaccard first; ties broken as
 * the reference scorer's reverse tuple sort breaks them (later gold, then later prediction,
 * first). Returns `[gold index, prediction index]` pairs.
 */
export function matchContents(golds: readonly ReadonlySet<number>[], preds: readonly ReadonlySet<number>[]): [number, number][] {
  const pairs: [number, number, number][] = [];
  golds.forEach((g, gi) => {
    preds.forEach((p, pi) => {
      let inter = 0;
      for (const w of p) if (g.has(w)) inter++;
      if (inter === 0) return;
      const jaccard = inter / (g.size + p.size - inter);
      if (jaccard >= 0.5) pairs.push([jaccard, gi, pi]);
    });
  });
  pairs.sort((a, b) => b[0] - a[0] || b[1] - a[1] || b[2] - a[2]);
  const usedGold = new Set<number>();
  const usedPred = new Set<number>();
  const out: [number, number][] = [];
  for (const [, gi, pi] of pairs) {
    if (usedGold.has(gi) || usedPred.has(pi)) continue;
    usedGold.add(gi);
    usedPred.add(pi);
    out.push([gi, pi]);
  }
  return out;
}

function scoreWithText(t: CodePointText, gold: GoldDocument, pred: PredDocument | null, track: Track): DocCounts {
  const golds: Item[] = [];
  for (const g of gold.quotes) {
    if (track === 'Q' && !isQuotationGold(t, g.contents)) continue;
    golds.push({ words: wordPositions(t, g.contents), source: g.sources, cue: g.cue });
  }
  const preds = pred ? predictedItems(t, pred, track) : [];

  let contentTp = 0;
  let attrTp = 0;
  let cueTp = 0;
  for (const [gi, pi] of matchContents(golds.map((g) => g.words), preds.map((p) => p.words))) {
    contentTp++;
    const g = golds[gi]!;
    const p = preds[pi]!;
    const speakerOk =
      g.source.length === 0
        ? p.source.length === 0
        : anyOverlap(g.source, p.source) || (p.source.length > 0 && normalise(sliceText(t, p.source)) === normalise(sliceText(t, g.source)));
    if (speakerOk) attrTp++;
    if (g.cue.length > 0 && p.cue.length > 0 && anyOverlap(g.cue, p.cue)) cueTp++;
  }
  return { gold: golds.length, pred: preds.length, contentTp, attrTp, cueTp };
}

/** Scores one document on one track. `pred` null means the tool said nothing about it. */
export function scoreDocument(gold: GoldDocument, pred: PredDocument | null, track: Track): DocCounts {
  return scoreWithText(toCodePointText(gold.text), gold, pred, track);
}

function prf(tp: number, npred: number, ngold: number): [number, number, number] {
  const p = npred ? tp / npred : 0;
  const r = ngold ? tp / ngold : 0;
  return [p, r, p + r ? (2 * p * r) / (p + r) : 0];
}

/** Micro-averages document counts into scores. */
export function aggregate(rows: readonly DocCounts[]): TrackScores {
  let gold = 0;
  let pred = 0;
  let contentTp = 0;
  let attrTp = 0;
  let cueTp = 0;
  for (const r of rows) {
    gold += r.gold;
    pred += r.pred;
    contentTp += r.contentTp;
    attrTp += r.attrTp;
    cueTp += r.cueTp;
  }
  const [contentP, contentR, contentF1] = prf(contentTp, pred, gold);
  const [attrP, attrR, attrF1] = prf(attrTp, pred, gold);
  return {
    gold,
    pred,
    contentTp,
    attrTp,
    cueTp,
    contentP,
    contentR,
    contentF1,
    attrP,
    attrR,
    attrF1,
    speakerAcc: contentTp ? attrTp / contentTp : 0,
    cueAcc: contentTp ? cueTp / contentTp : 0,
  };
}

export { seededRandom };

/** Percentile bootstrap over documents: 95% interval of every score. */
export function bootstrap(rows: readonly DocCounts[], draws: number, seed: number): Record<ScoreName, readonly [number, number]> {
  const random = seededRandom(seed);
  const samples = Object.fromEntries(SCORE_NAMES.map((n) => [n, [] as number[]])) as Record<ScoreName, number[]>;
  const sample: DocCounts[] = new Array<DocCounts>(rows.length);
  for (let d = 0; d < draws; d++) {
    for (let i = 0; i < rows.length; i++) sample[i] = rows[Math.floor(random() * rows.length)]!;
    const s = aggregate(sample);
    for (const n of SCORE_NAMES) samples[n].push(s[n]);
  }
  const k = Math.floor(draws * 0.025);
  const out = {} as Record<ScoreName, readonly [number, number]>;
  for (const n of SCORE_NAMES) {
    const sorted = samples[n].sort((a, b) => a - b);
    out[n] = draws > 0 ? [sorted[k]!, sorted[draws - 1 - k]!] : [Number.NaN, Number.NaN];
  }
  return out;
}

/** The name a prediction is matched to gold by: the base name of its input file, without extension. */
export function documentKey(pred: unknown): string | null {
  const paths = [['source', 'path'], ['source', 'file'], ['path'], ['meta', 'path'], ['meta', 'source'], ['file'], ['id']];
  for (const path of paths) {
    let v: unknown = pred;
    for (const k of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
    if (typeof v === 'string' && v) {
      const base = v.split(/[\\/]/).pop() ?? v;
      const dot = base.lastIndexOf('.');
      return dot > 0 ? base.slice(0, dot) : base;
    }
  }
  return null;
}

export interface ScoreQuotesOptions {
  /** Bootstrap draws (default 1,000). */
  readonly draws?: number;
  readonly seed?: number;
}

/** Scores predictions (matched to gold by {@link documentKey}) on both tracks. */
export function scoreQuotes(gold: readonly GoldDocument[], predictions: Iterable<PredDocument>, options: ScoreQuotesOptions = {}): QuoteReport {
  const draws = options.draws ?? 1000;
  const seed = options.seed ?? 7;
  const byKey = new Map<string, PredDocument>();
  for (const p of predictions) {
    const key = documentKey(p);
    if (key) byKey.set(key, p);
  }
  let missingDocs = 0;
  let textMismatchDocs = 0;
  const rows: Record<Track, DocCounts[]> = { Q: [], A: [] };
  for (const g of gold) {
    let p = byKey.get(g.id) ?? null;
    if (!p) missingDocs++;
    else if (p.text !== g.text) {
      textMismatchDocs++;
      p = null;
    }
    const t = toCodePointText(g.text);
    rows.Q.push(scoreWithText(t, g, p, 'Q'));
    rows.A.push(scoreWithText(t, g, p, 'A'));
  }
  const report = (track: Track): TrackReport => ({ scores: aggregate(rows[track]), ci95: bootstrap(rows[track], draws, seed) });
  return { Q: report('Q'), A: report('A'), docs: gold.length, missingDocs, textMismatchDocs, bootstrap: { draws, seed } };
}
