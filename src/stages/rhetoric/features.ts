import type { Span } from '../../core/span.js';
import { tokenize, type RhetoricSentence, type RhetoricToken } from './tokenize.js';

/**
 * Features for the two linear models. Every feature is a string ("w=brutal", "p1=radical|w=left")
 * hashed into a fixed number of buckets, so the shipped weights carry no vocabulary at all.
 */

/** FNV-1a over UTF-16 code units; stable across platforms. */
export function hashFeature(feature: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < feature.length; i++) {
    h ^= feature.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** What the features of one article need, computed once. */
export interface ArticleContext {
  readonly text: string;
  readonly lowerText: string;
  readonly tokens: readonly RhetoricToken[];
  readonly sentences: readonly RhetoricSentence[];
  /** The article's word types (lower-cased), in order of first occurrence. */
  readonly types: readonly string[];
  /** Per token, the index of its word type. */
  readonly typeOf: Int32Array;
  /** Per word type, how often it occurs in the article. */
  readonly typeCounts: Int32Array;
  /** Per word type: 0 not yet decided, 1 a content word, 2 not (see {@link isContentType}). */
  readonly contentTypes: Uint8Array;
  /** 1 where the token lies inside double quotation marks of its sentence. */
  readonly inQuote: Uint8Array;
  /** Per sentence: bit 1 `!`, bit 2 `?`, bit 4 opens with a quotation mark, bit 8 has a `#`hashtag. */
  readonly sentenceFlags: Uint8Array;
  /** Per sentence, the unmasked hashes of its `sb=` (content word) features, filled on first use. */
  readonly sentenceBags: (Int32Array | undefined)[];
  /** Memo of {@link countOccurrences} (capped) per lower-cased span text. */
  readonly repeats?: Map<string, number>;
  /** Per sentence, the cue groups of its words in order of first appearance, filled on first use. */
  readonly sentenceCues?: (string[] | undefined)[];
  /** Per word type, its id in the shared lexicon (see {@link lexiconIds}); absent in a hand-made context. */
  readonly lexicon?: { generation: number; ids: Int32Array };
}

const QUOTE_MARKS = new Set(['"', '“', '”', '«', '»']);

export function articleContext(text: string): ArticleContext {
  const { tokens, sentences } = tokenize(text);
  if (lex.words.length === 0 || lex.words.length > LEXICON_LIMIT) resetLexicon();
  // Each token's word type through a small table of the article's own (open addressing over FNV
  // hashes, compared with the article's strings, which are in cache); a new type is looked up
  // once in the shared lexicon.
  let size = 64;
  while (size < tokens.length * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size); // type id + 1, 0 when empty
  const types: string[] = [];
  const typeOf = new Int32Array(tokens.length);
  let counts = new Int32Array(64);
  let ids = new Int32Array(64);
  for (let i = 0; i < tokens.length; i++) {
    const l = tokens[i]!.lower;
    const h = fnv(FNV0, l) | 0;
    let k = h & mask;
    let id = -1;
    for (;;) {
      const v = slots[k]!;
      if (v === 0) break;
      if (types[v - 1] === l) {
        id = v - 1;
        break;
      }
      k = (k + 1) & mask;
    }
    if (id < 0) {
      id = types.length;
      types.push(l);
      slots[k] = id + 1;
      if (id >= counts.length) {
        const grownCounts = new Int32Array(counts.length * 2);
        grownCounts.set(counts);
        counts = grownCounts;
        const grownIds = new Int32Array(ids.length * 2);
        grownIds.set(ids);
        ids = grownIds;
      }
      ids[id] = intern(l, h);
    }
    typeOf[i] = id;
    counts[id]!++;
  }
  const typeCounts = counts.subarray(0, types.length);
  ids = ids.slice(0, types.length);
  const contentTypes = new Uint8Array(types.length);
  for (let id = 0; id < types.length; id++) contentTypes[id] = lex.content[ids[id]!]!;
  const inQuote = new Uint8Array(tokens.length);
  const sentenceFlags = new Uint8Array(sentences.length);
  sentences.forEach((s, si) => {
    let open = false;
    let flags = 0;
    for (let i = s.firstToken; i < s.endToken; i++) {
      const raw = tokens[i]!.raw;
      if (raw.length === 1 && QUOTE_MARKS.has(raw)) {
        open = raw === '“' || raw === '«' ? true : raw === '”' || raw === '»' ? false : !open;
        continue;
      }
      if (open) inQuote[i] = 1;
      if (raw === '!') flags |= 1;
      else if (raw === '?') flags |= 2;
      else if (raw === '#') flags |= 8;
    }
    if (QUOTE_MARKS.has(tokens[s.firstToken]?.raw ?? '')) flags |= 4;
    sentenceFlags[si] = flags;
  });
  return { text, lowerText: text.toLowerCase(), tokens, sentences, types, typeOf, typeCounts, contentTypes, inQuote, sentenceFlags, sentenceBags: new Array(sentences.length), repeats: new Map(), sentenceCues: new Array(sentences.length), lexicon: { generation: lex.generation, ids } };
}

/**
 * Every lower-cased word seen, across articles, with what the features need of it alone (computed
 * once per word, not once per article): its first-stage bigram prefixes, `sb=` hash, shape hash,
 * `punct=` hash and whether it is a content word. Bounded: past {@link LEXICON_LIMIT} words it is
 * emptied before the next article (contexts made before then re-intern their words on use).
 */
const LEXICON_LIMIT = 1 << 17;
const lex = {
  generation: 0,
  /**
   * Open addressing over the words: slot k holds a word's FNV-1a hash at `2k` and its id + 1 at
   * `2k + 1` (0: empty); kept at most half full.
   */
  slots: new Int32Array(2 << 12),
  words: [] as string[],
  /** Per word, 1 a content word ({@link isContentWord}), 2 not. */
  content: new Uint8Array(1024),
  /** Per word, 1 when upper-casing leaves it as it is (no cased letters: `2016`, `—`). */
  caseless: new Uint8Array(1024),
  /** Per word, the FNV states of `p1w=w|`, `wn1=w|`, `p2p1=w|`, `n1n2=w|`, `p1n1=w|`. */
  bigram: new Int32Array(1024 * 5),
  /** Per word, the hash of `sb=w`, of `sh=` + its shape and of its `punct=` feature (unmasked). */
  sb: new Int32Array(1024),
  shape: new Int32Array(1024),
  punct: new Int32Array(1024),
};
/** The lexicon ids of the sentence-boundary words `<s>` and `</s>`. */
const LEX_START = 0;
const LEX_END = 1;
function resetLexicon(): void {
  lex.generation++;
  lex.slots = new Int32Array(2 << 12);
  lex.words = [];
  intern('<s>');
  intern('</s>');
}

/** Word `w`'s id in the shared lexicon, added if new; `h` is its FNV-1a hash (`fnv(FNV0, w) | 0`) when known. */
function intern(w: string, h = fnv(FNV0, w) | 0): number {
  let slots = lex.slots;
  let mask = (slots.length >> 1) - 1;
  let k = h & mask;
  for (;;) {
    const v = slots[2 * k + 1]!;
    if (v === 0) break;
    if (slots[2 * k] === h && lex.words[v - 1] === w) return v - 1;
    k = (k + 1) & mask;
  }
  const g = lex.words.length;
  if (g >= lex.content.length) {
    const grow = <T extends Uint8Array | Int32Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(a.length * 2);
      b.set(a);
      return b;
    };
    lex.content = grow(lex.content);
    lex.caseless = grow(lex.caseless);
    lex.bigram = grow(lex.bigram);
    lex.sb = grow(lex.sb);
    lex.shape = grow(lex.shape);
    lex.punct = grow(lex.punct);
  }
  if (2 * (g + 1) > mask + 1) {
    // over half full: twice the slots, every word placed again
    const bigger = new Int32Array(slots.length * 2);
    const bmask = (bigger.length >> 1) - 1;
    for (let j = 0; j < slots.length; j += 2) {
      if (slots[j + 1] === 0) continue;
      let b = slots[j]! & bmask;
      while (bigger[2 * b + 1] !== 0) b = (b + 1) & bmask;
      bigger[2 * b] = slots[j]!;
      bigger[2 * b + 1] = slots[j + 1]!;
    }
    lex.slots = slots = bigger;
    mask = bmask;
    k = h & mask;
    while (slots[2 * k + 1] !== 0) k = (k + 1) & mask;
  }
  slots[2 * k] = h;
  slots[2 * k + 1] = g + 1;
  lex.words.push(w);
  const content = isContentWord(w);
  lex.content[g] = content ? 1 : 2;
  lex.caseless[g] = w === w.toUpperCase() ? 1 : 0;
  lex.bigram[g * 5] = fnvBar(fnv(S_P1W, w));
  lex.bigram[g * 5 + 1] = fnvBar(fnv(S_WN1, w));
  lex.bigram[g * 5 + 2] = fnvBar(fnv(S_P2P1, w));
  lex.bigram[g * 5 + 3] = fnvBar(fnv(S_N1N2, w));
  lex.bigram[g * 5 + 4] = fnvBar(fnv(S_P1N1, w));
  lex.sb[g] = fnv(S_SB, w);
  lex.shape[g] = asciiShapeHash(w) ?? hashFeature('sh=' + shape(w));
  lex.punct[g] = hashFeature('punct=' + (/[\p{L}\p{N}]/u.test(w) ? 0 : w.length === 1 ? w : 'x'));
  return g;
}

/** The lexicon ids of the article's word types, re-interned if the lexicon was emptied since the context was made. */
function lexiconIds(ctx: ArticleContext): Int32Array {
  const own = ctx.lexicon;
  if (own && own.generation === lex.generation) return own.ids;
  if (lex.words.length === 0) resetLexicon();
  const ids = Int32Array.from(ctx.types, (w) => intern(w));
  if (own) {
    own.generation = lex.generation;
    own.ids = ids;
  }
  return ids;
}

/** Whether word type `id` of the article is a content word ({@link isContentWord}), decided once per type. */
export function isContentType(ctx: ArticleContext, id: number): boolean {
  let k = ctx.contentTypes[id]!;
  if (k === 0) ctx.contentTypes[id] = k = isContentWord(ctx.types[id]!) ? 1 : 2;
  return k === 1;
}

/** The hashed content words of sentence `k` (the same for every token of it, so computed once). */
function sentenceBag(ctx: ArticleContext, k: number): Int32Array {
  let bag = ctx.sentenceBags[k];
  if (!bag) {
    const s = ctx.sentences[k]!;
    const ids = lexiconIds(ctx);
    const hashes: number[] = [];
    for (let j = s.firstToken; j < s.endToken; j++) {
      const id = ctx.typeOf[j]!;
      if (isContentType(ctx, id)) hashes.push(lex.sb[ids[id]!]!);
    }
    bag = Int32Array.from(hashes);
    ctx.sentenceBags[k] = bag;
  }
  return bag;
}

export function shape(raw: string): string {
  let out = '';
  for (const ch of raw) {
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    const c = lower !== upper ? (ch === upper ? 'X' : 'x') : ch >= '0' && ch <= '9' ? 'd' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (out[out.length - 1] !== c || out.length < 2 || out[out.length - 2] !== c) out += c;
  }
  return out.length > 6 ? out.slice(0, 6) : out;
}

function bucket(n: number, edges: readonly number[]): number {
  let b = 0;
  while (b < edges.length && n > edges[b]!) b++;
  return b;
}

const STOP = new Set(
  'the a an and or but of to in on at for with by from as is are was were be been being it its this that these those he she they we you i his her their our your my me him them us not no so if then than there here which who whom what when where why how will would can could should may might must do does did has have had just also about into over after before more most very all any some such only other'.split(
    ' ',
  ),
);

export function isContentWord(lower: string): boolean {
  return lower.length > 2 && !STOP.has(lower) && /\p{L}/u.test(lower);
}

/** FNV-1a continued from state `h` over `s` (so `fnv(fnv(FNV0, 'w='), x) >>> 0 === hashFeature('w=' + x)`). */
function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}
const FNV0 = 0x811c9dc5;
const BAR = 124; // '|'
function fnvBar(h: number): number {
  return Math.imul(h ^ BAR, 0x01000193);
}
const pre = (prefix: string): number => fnv(FNV0, prefix);
/** {@link fnv} over `s` from index `from` to its end (`s.slice(from)` without the slice). */
function fnvFrom(h: number, s: string, from: number): number {
  for (let i = Math.max(0, from); i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}
/** {@link fnv} over `s` from `from` to `to`. */
function fnvRange(h: number, s: string, from: number, to: number): number {
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

const table = (n: number, f: (k: number) => string): Int32Array => Int32Array.from({ length: n }, (_, k) => hashFeature(f(k)));

const H_BIAS = hashFeature('bias');
const S_W = pre('w=');
const S_P1 = pre('p1=');
const S_N1 = pre('n1=');
const S_P2 = pre('p2=');
const S_N2 = pre('n2=');
const S_P3 = pre('p3=');
const S_N3 = pre('n3=');
const S_P1W = pre('p1w=');
const S_WN1 = pre('wn1=');
const S_P2P1 = pre('p2p1=');
const S_N1N2 = pre('n1n2=');
const S_P1N1 = pre('p1n1=');
const S_S3 = pre('s3=');
const S_S4 = pre('s4=');
const S_PRE4 = pre('pre4=');
const POS_EDGES = [0, 1, 2, 4, 8, 16];
const END_EDGES = [0, 1, 2, 4, 8];
const SLEN_EDGES = [3, 6, 10, 15, 25, 40];
const SMALL_EDGES = [0, 2, 5, 10];
const SIDX_EDGES = [0, 1, 3, 6, 12, 25];
const CNT_EDGES = [1, 2, 3, 5, 9];
const T_POS = table(POS_EDGES.length + 1, (k) => 'pos=' + k);
const T_END = table(END_EDGES.length + 1, (k) => 'end=' + k);
const T_SLEN = table(SLEN_EDGES.length + 1, (k) => 'slen=' + k);
const T_SF = table(256, (k) => 'sf=' + k);
const T_EXCL = table(SMALL_EDGES.length + 1, (k) => 'excl|pos=' + k);
const T_QUES = table(SMALL_EDGES.length + 1, (k) => 'ques|end=' + k);
const H_SHORT_EXCL = hashFeature('short-excl');
const T_Q = table(2, (k) => 'q=' + k);
const T_SIDX = table(SIDX_EDGES.length + 1, (k) => 'sidx=' + k);
const T_CNT = table(CNT_EDGES.length + 1, (k) => 'cnt=' + k);
const H_MIDCAP = hashFeature('midcap');
const H_ALLCAPS = hashFeature('allcaps');

/** Bounded memo (so a pathological article cannot grow it without end). */
function memo<V>(limit: number, f: (key: string) => V): (key: string) => V {
  let cache = new Map<string, V>();
  return (key) => {
    let v = cache.get(key);
    if (v === undefined) {
      v = f(key);
      if (cache.size >= limit) cache = new Map();
      cache.set(key, v);
    }
    return v;
  };
}
const shapeHash = memo(20000, (raw) => hashFeature('sh=' + shape(raw)));
const contentWord = memo(50000, (lower) => isContentWord(lower));

/**
 * Token features for span identification: the word, its neighbours and pairs, affixes, shape,
 * place in the sentence, the sentence's punctuation, quotation, how often the word recurs in the
 * article, and the sentence's content words (so a token "knows" what its sentence is about).
 * (Hashes are computed incrementally or from tables; they equal `hashFeature` of the strings
 * `'w=' + word`, `'p1w=' + prev + '|' + word`, … in this order.)
 */
export function tokenFeatures(ctx: ArticleContext, i: number, mask: number, out: number[]): void {
  const t = ctx.tokens;
  const tok = t[i]!;
  const s = ctx.sentences[tok.sentence]!;
  const first = s.firstToken;
  const endT = s.endToken;
  const w = (k: number): string => {
    const j = i + k;
    if (j < first) return '<s>';
    if (j >= endT) return '</s>';
    return t[j]!.lower;
  };
  const w0 = tok.lower;
  const wm1 = w(-1);
  const wp1 = w(1);
  const wm2 = w(-2);
  const wp2 = w(2);
  out.push(H_BIAS & mask);
  out.push((fnv(S_W, w0) >>> 0) & mask);
  out.push((fnv(S_P1, wm1) >>> 0) & mask);
  out.push((fnv(S_N1, wp1) >>> 0) & mask);
  out.push((fnv(S_P2, wm2) >>> 0) & mask);
  out.push((fnv(S_N2, wp2) >>> 0) & mask);
  out.push((fnv(S_P3, w(-3)) >>> 0) & mask);
  out.push((fnv(S_N3, w(3)) >>> 0) & mask);
  out.push((fnv(fnvBar(fnv(S_P1W, wm1)), w0) >>> 0) & mask);
  out.push((fnv(fnvBar(fnv(S_WN1, w0)), wp1) >>> 0) & mask);
  out.push((fnv(fnvBar(fnv(S_P2P1, wm2)), wm1) >>> 0) & mask);
  out.push((fnv(fnvBar(fnv(S_N1N2, wp1)), wp2) >>> 0) & mask);
  out.push((fnv(fnvBar(fnv(S_P1N1, wm1)), wp1) >>> 0) & mask);
  if (w0.length > 4) {
    out.push((fnv(S_S3, w0.slice(-3)) >>> 0) & mask);
    out.push((fnv(S_S4, w0.slice(-4)) >>> 0) & mask);
    out.push((fnv(S_PRE4, w0.slice(0, 4)) >>> 0) & mask);
  }
  out.push(shapeHash(tok.raw) & mask);
  const pos = i - first;
  const len = endT - first;
  const fromEnd = endT - 1 - i;
  out.push(T_POS[bucket(pos, POS_EDGES)]! & mask);
  out.push(T_END[bucket(fromEnd, END_EDGES)]! & mask);
  out.push(T_SLEN[bucket(len, SLEN_EDGES)]! & mask);
  const flags = ctx.sentenceFlags[tok.sentence]!;
  out.push(T_SF[flags]! & mask);
  if (flags & 1) out.push(T_EXCL[bucket(pos, SMALL_EDGES)]! & mask);
  if (flags & 2) out.push(T_QUES[bucket(fromEnd, SMALL_EDGES)]! & mask);
  if (len <= 8 && flags & 1) out.push(H_SHORT_EXCL & mask);
  out.push(T_Q[ctx.inQuote[i]!]! & mask);
  out.push(T_SIDX[bucket(tok.sentence, SIDX_EDGES)]! & mask);
  if (contentWord(w0)) {
    out.push(T_CNT[bucket(ctx.typeCounts[ctx.typeOf[i]!]!, CNT_EDGES)]! & mask);
    if (tok.raw[0] !== tok.raw[0]!.toLowerCase() && pos > 0) out.push(H_MIDCAP & mask);
    if (tok.raw.length > 2 && tok.raw === tok.raw.toUpperCase()) out.push(H_ALLCAPS & mask);
  }
  // the sentence's content words, for context (PTC spans are often clause-long); a pathologically
  // long bag is left to the caller, which adds its weight once per sentence (see `LONG_BAG`)
  const bag = sentenceBag(ctx, tok.sentence);
  if (bag.length <= LONG_BAG) for (let k = 0; k < bag.length; k++) out.push(bag[k]! & mask);
}

/**
 * The features of {@link tokenFeatures} that depend on one word alone, by the role of that word
 * relative to the token: 0 the token itself (`w=` and, for words over four letters, `s3=` `s4=`
 * `pre4=`), 1 `p1=`, 2 `n1=`, 3 `p2=`, 4 `n2=`, 5 `p3=`, 6 `n3=`. Their weights can be summed once
 * per word and role and reused for every token (see `detect-techniques.ts`).
 */
export const WORD_ROLES = 7;
const ROLE_PREFIX = [S_W, S_P1, S_N1, S_P2, S_N2, S_P3, S_N3];
export function wordRoleFeatures(word: string, role: number, mask: number, out: number[]): void {
  out.push((fnv(ROLE_PREFIX[role]!, word) >>> 0) & mask);
  if (role === 0 && word.length > 4) {
    out.push((fnv(S_S3, word.slice(-3)) >>> 0) & mask);
    out.push((fnv(S_S4, word.slice(-4)) >>> 0) & mask);
    out.push((fnv(S_PRE4, word.slice(0, 4)) >>> 0) & mask);
  }
}

const S_SB = pre('sb=');
const S_SH = pre('sh=');

/** `hashFeature('sh=' + shape(raw))` without building strings, for ASCII words; undefined otherwise. */
function asciiShapeHash(raw: string, prefix = S_SH): number | undefined {
  let h = prefix;
  let n = 0;
  let last = -1;
  let last2 = -1;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw.charCodeAt(i);
    if (ch >= 128) return undefined;
    const c = ch >= 65 && ch <= 90 ? 88 : ch >= 97 && ch <= 122 ? 120 : ch >= 48 && ch <= 57 ? 100 : ch;
    if (last !== c || n < 2 || last2 !== c) {
      // shape() keeps the first six characters of the collapsed form
      if (n === 6) break;
      h = Math.imul(h ^ c, 0x01000193);
      n++;
      last2 = last;
      last = c;
    }
  }
  return h >>> 0;
}

/** `bucket(n, edges)` for n < 32, by table (every edge list below ends under 32). */
const lut = (edges: readonly number[]): Uint8Array => Uint8Array.from({ length: 32 }, (_, n) => bucket(n, edges));
const POS_LUT = lut(POS_EDGES);
const END_LUT = lut(END_EDGES);
const SMALL_LUT = lut(SMALL_EDGES);

const scratch = {
  types: 0,
  roles: 0,
  roleSums: new Float64Array(0),
  bigram: new Int32Array(0),
  content: new Uint8Array(0),
  shapeOfType: new Int32Array(0),
  sb: new Int32Array(0),
  caseless: new Uint8Array(0),
};

/**
 * Per model: each lexicon word's summed weights in each role (see {@link firstStageScores}),
 * kept across articles so that a word is summed once; sized with the lexicon (emptied with it).
 */
export interface WordSums {
  generation: number;
  all: ArrayLike<number> | null;
  stride: number;
  mask: number;
  /**
   * `sums[g * WORD_ROLES * stride + role * stride + k]`: 16-bit integers for 8-bit weights (a
   * role sums at most four of them, so exactly, in a quarter of the memory), else doubles.
   */
  sums: Float64Array | Int16Array;
  /** 1 where word g's sums are filled. */
  have: Uint8Array;
}

export function createWordSums(): WordSums {
  return { generation: -1, all: null, stride: 0, mask: 0, sums: new Float64Array(0), have: new Uint8Array(0) };
}

/**
 * The first-stage scores of every token under linear models whose weights are interleaved
 * (`all[h * stride + k]` is model k's weight of hash h): exactly the features of
 * {@link tokenFeatures}, summed in three parts — per word type and role (summed once per lexicon
 * word and kept in `memo` across articles), per sentence for the content-word bag, per token for
 * the rest. Returns `z[i * stride + k]`.
 */
export function firstStageScores(ctx: ArticleContext, all: Float32Array | Int16Array | Int8Array, stride: number, mask: number, memo: WordSums = createWordSums()): Float64Array {
  const t = ctx.tokens;
  const n = t.length;
  const nt = ctx.types.length;
  const SID = nt;
  const EID = nt + 1;
  const R = WORD_ROLES * stride;
  const ids = lexiconIds(ctx);
  // per-type scratch tables, reused from call to call (grown when an article has more types)
  if (scratch.types < nt + 2 || scratch.roles < R) {
    scratch.types = Math.max(nt + 2, scratch.types * 2);
    scratch.roles = Math.max(R, scratch.roles);
    scratch.roleSums = new Float64Array(scratch.types * scratch.roles);
    scratch.bigram = new Int32Array(scratch.types * 5);
    scratch.content = new Uint8Array(scratch.types);
    scratch.shapeOfType = new Int32Array(scratch.types);
    scratch.sb = new Int32Array(scratch.types);
    scratch.caseless = new Uint8Array(scratch.types);
  }
  if (memo.generation !== lex.generation || memo.all !== all || memo.stride !== stride || memo.mask !== mask) {
    memo.generation = lex.generation;
    memo.all = all;
    memo.stride = stride;
    memo.mask = mask;
    memo.have = new Uint8Array(0);
    memo.sums = all instanceof Int8Array ? new Int16Array(0) : new Float64Array(0);
  }
  const integer = all instanceof Int8Array;
  if (memo.have.length < lex.words.length) {
    const cap = Math.max(1024, lex.words.length * 2, memo.have.length * 2);
    const have = new Uint8Array(cap);
    have.set(memo.have);
    const sums = integer ? new Int16Array(cap * R) : new Float64Array(cap * R);
    if (memo.sums.length > 0) sums.set(memo.sums);
    memo.have = have;
    memo.sums = sums;
  }
  const { roleSums, bigram, content, shapeOfType, sb, caseless } = scratch;
  const have = memo.have;
  const feats: number[] = [];
  for (let id = 0; id < nt + 2; id++) {
    const g = id < nt ? ids[id]! : id === SID ? LEX_START : LEX_END;
    const at = g * R;
    const to = id * R;
    // 16-bit sums for 8-bit weights (exact), doubles otherwise: one loop for both.
    const sums = memo.sums;
    if (have[g] === 0) {
      const w = lex.words[g]!;
      for (let role = 0; role < WORD_ROLES; role++) {
        feats.length = 0;
        wordRoleFeatures(w, role, mask, feats);
        for (const f of feats) for (let k = 0; k < stride; k++) sums[at + role * stride + k]! += all[f * stride + k]!;
      }
      have[g] = 1;
    }
    for (let r = 0; r < R; r++) roleSums[to + r] = sums[at + r]!;
    bigram[id * 5] = lex.bigram[g * 5]!;
    bigram[id * 5 + 1] = lex.bigram[g * 5 + 1]!;
    bigram[id * 5 + 2] = lex.bigram[g * 5 + 2]!;
    bigram[id * 5 + 3] = lex.bigram[g * 5 + 3]!;
    bigram[id * 5 + 4] = lex.bigram[g * 5 + 4]!;
    const c = id < nt && isContentType(ctx, id) ? 1 : 0;
    content[id] = c;
    // the sentence bag: each content word's `sb=` hash, per type
    if (c) sb[id] = lex.sb[g]! & mask;
    shapeOfType[id] = lex.shape[g]!;
    caseless[id] = lex.caseless[g]!;
  }
  const z = new Float64Array(n * stride);
  const typeOf = ctx.typeOf;
  const types = ctx.types;
  const words = [...types, '<s>', '</s>'];
  // per-token hashes of everything but the word roles, then one pass summing them for all models
  const hashes = new Int32Array(32);
  const bagSums = new Float64Array(stride);
  const hShortExcl = (H_SHORT_EXCL & mask) * stride;
  for (let si = 0; si < ctx.sentences.length; si++) {
    const s = ctx.sentences[si]!;
    const first = s.firstToken;
    const endT = s.endToken;
    if (stride === 3) {
      // the shipped model: three running sums in registers, the same additions in the same order
      let b0 = 0;
      let b1 = 0;
      let b2 = 0;
      for (let j = first; j < endT; j++) {
        const id = typeOf[j]!;
        if (content[id]) {
          const at = sb[id]! * 3;
          b0 += all[at]!;
          b1 += all[at + 1]!;
          b2 += all[at + 2]!;
        }
      }
      bagSums[0] = b0;
      bagSums[1] = b1;
      bagSums[2] = b2;
    } else {
      bagSums.fill(0);
      for (let j = first; j < endT; j++) {
        const id = typeOf[j]!;
        if (content[id]) {
          const at = sb[id]! * stride;
          for (let k = 0; k < stride; k++) bagSums[k] = bagSums[k]! + all[at + k]!;
        }
      }
    }
    const len = endT - first;
    const flags = ctx.sentenceFlags[si]!;
    const hSlen = T_SLEN[bucket(len, SLEN_EDGES)]! & mask;
    const hSf = T_SF[flags]! & mask;
    const hSidx = T_SIDX[bucket(si, SIDX_EDGES)]! & mask;
    const hBias = H_BIAS & mask;
    // the features every token of the sentence shares, summed once with the bag
    // (a short exclamation's weight is multiplied by 0 or 1, not added in a branch: a branch that
    // the first articles never take makes V8 throw away and recompile this whole function)
    const shortExcl = len <= 8 && (flags & 1) !== 0 ? 1 : 0;
    for (let k = 0; k < stride; k++) {
      const x = bagSums[k]! + all[hBias * stride + k]! + all[hSlen * stride + k]! + all[hSf * stride + k]! + all[hSidx * stride + k]!;
      bagSums[k] = x + all[hShortExcl + k]! * shortExcl;
    }
    for (let i = first; i < endT; i++) {
      const tok = t[i]!;
      const id0 = typeOf[i]!;
      const idm1 = i - 1 >= first ? typeOf[i - 1]! : SID;
      const idm2 = i - 2 >= first ? typeOf[i - 2]! : SID;
      const idm3 = i - 3 >= first ? typeOf[i - 3]! : SID;
      const idp1 = i + 1 < endT ? typeOf[i + 1]! : EID;
      const idp2 = i + 2 < endT ? typeOf[i + 2]! : EID;
      const idp3 = i + 3 < endT ? typeOf[i + 3]! : EID;
      const w0 = types[id0]!;
      const wm1 = words[idm1]!;
      const wp1 = words[idp1]!;
      let nh = 0;
      hashes[nh++] = fnv(bigram[idm1 * 5]!, w0) & mask;
      hashes[nh++] = fnv(bigram[id0 * 5 + 1]!, wp1) & mask;
      hashes[nh++] = fnv(bigram[idm2 * 5 + 2]!, wm1) & mask;
      hashes[nh++] = fnv(bigram[idp1 * 5 + 3]!, words[idp2]!) & mask;
      hashes[nh++] = fnv(bigram[idm1 * 5 + 4]!, wp1) & mask;
      const raw = tok.raw;
      let sh: number;
      if (raw === w0) sh = shapeOfType[id0]!;
      else sh = asciiShapeHash(raw) ?? shapeHash(raw);
      hashes[nh++] = sh & mask;
      const pos = i - first;
      const fromEnd = endT - 1 - i;
      hashes[nh++] = T_POS[pos < 32 ? POS_LUT[pos]! : POS_EDGES.length]! & mask;
      hashes[nh++] = T_END[fromEnd < 32 ? END_LUT[fromEnd]! : END_EDGES.length]! & mask;
      if (flags & 1) hashes[nh++] = T_EXCL[pos < 32 ? SMALL_LUT[pos]! : SMALL_EDGES.length]! & mask;
      if (flags & 2) hashes[nh++] = T_QUES[fromEnd < 32 ? SMALL_LUT[fromEnd]! : SMALL_EDGES.length]! & mask;
      hashes[nh++] = T_Q[ctx.inQuote[i]!]! & mask;
      if (content[id0]) {
        hashes[nh++] = T_CNT[bucket(ctx.typeCounts[id0]!, CNT_EDGES)]! & mask;
        if (raw !== w0 || raw.charCodeAt(0) >= 128) {
          if (raw[0] !== raw[0]!.toLowerCase() && pos > 0) hashes[nh++] = H_MIDCAP & mask;
          if (raw.length > 2 && raw === raw.toUpperCase()) hashes[nh++] = H_ALLCAPS & mask;
        } else if (raw.length > 2 && caseless[id0]) hashes[nh++] = H_ALLCAPS & mask; // a lower-case ASCII start: no capital; raw is its word type
      }
      const o0 = id0 * R;
      const o1 = idm1 * R + stride; // p1
      const o2 = idp1 * R + 2 * stride; // n1
      const o3 = idm2 * R + 3 * stride; // p2
      const o4 = idp2 * R + 4 * stride; // n2
      const o5 = idm3 * R + 5 * stride; // p3
      const o6 = idp3 * R + 6 * stride; // n3
      const out = i * stride;
      if (stride === 3) {
        // the shipped model (a tagger and two family taggers): one pass, the same sums
        let a0 = bagSums[0]! + roleSums[o0]! + roleSums[o1]! + roleSums[o2]! + roleSums[o3]! + roleSums[o4]! + roleSums[o5]! + roleSums[o6]!;
        let a1 = bagSums[1]! + roleSums[o0 + 1]! + roleSums[o1 + 1]! + roleSums[o2 + 1]! + roleSums[o3 + 1]! + roleSums[o4 + 1]! + roleSums[o5 + 1]! + roleSums[o6 + 1]!;
        let a2 = bagSums[2]! + roleSums[o0 + 2]! + roleSums[o1 + 2]! + roleSums[o2 + 2]! + roleSums[o3 + 2]! + roleSums[o4 + 2]! + roleSums[o5 + 2]! + roleSums[o6 + 2]!;
        for (let f = 0; f < nh; f++) {
          const h = hashes[f]! * 3;
          a0 += all[h]!;
          a1 += all[h + 1]!;
          a2 += all[h + 2]!;
        }
        z[out] = a0;
        z[out + 1] = a1;
        z[out + 2] = a2;
        continue;
      }
      for (let k = 0; k < stride; k++) {
        let acc = bagSums[k]! + roleSums[o0 + k]! + roleSums[o1 + k]! + roleSums[o2 + k]! + roleSums[o3 + k]! + roleSums[o4 + k]! + roleSums[o5 + k]! + roleSums[o6 + k]!;
        for (let f = 0; f < nh; f++) acc += all[hashes[f]! * stride + k]!;
        z[out + k] = acc;
      }
    }
  }
  return z;
}

/**
 * Sentences with more content words than this (none in PolNeAR has more than 133) do not list
 * their bag in every token's features: the bag's summed weight is computed once per sentence
 * (the same terms, summed in another order), so one endless "sentence" costs linear time.
 */
export const LONG_BAG = 512;

/** The sentence's content-word hashes when it is longer than {@link LONG_BAG}, else undefined. */
export function longSentenceBag(ctx: ArticleContext, k: number): Int32Array | undefined {
  const bag = sentenceBag(ctx, k);
  return bag.length > LONG_BAG ? bag : undefined;
}

/**
 * Hand-written cue words per technique family (ours, from the technique definitions of
 * Da San Martino et al. 2019, not from the corpus), so rare classes share evidence across words.
 */
const CUES: Readonly<Record<string, readonly string[]>> = {
  flag: ['america', 'american', 'americans', 'nation', 'national', 'nations', 'country', 'patriot', 'patriots', 'patriotic', 'flag', 'homeland', 'freedom', 'liberty', 'troops', 'heritage', 'sovereignty', 'people'],
  hitler: ['hitler', 'nazi', 'nazis', 'fascist', 'fascists', 'fascism', 'stalin', 'mao', 'totalitarian', 'gestapo', 'holocaust', 'communist', 'communists'],
  bandwagon: ['everyone', 'everybody', 'majority', 'millions', 'all', 'nobody', 'consensus', 'popular'],
  doubt: ['allegedly', 'alleged', 'so-called', 'supposedly', 'questionable', 'doubt', 'doubts', 'really', 'claims', 'claimed', 'whether', 'credibility', 'suspicious'],
  exaggeration: ['never', 'always', 'ever', 'every', 'all', 'most', 'huge', 'massive', 'enormous', 'totally', 'completely', 'entire', 'only', 'mere', 'merely', 'just', 'nothing', 'biggest', 'worst', 'best', 'greatest', 'unprecedented'],
  fear: ['threat', 'threats', 'danger', 'dangerous', 'destroy', 'destruction', 'kill', 'killed', 'terror', 'terrorist', 'risk', 'fear', 'war', 'invasion', 'collapse', 'catastrophe', 'disaster', 'die', 'death'],
  causal: ['because', 'cause', 'caused', 'causes', 'result', 'therefore', 'thus', 'blame', 'blamed', 'due', 'led', 'responsible', 'reason', 'so'],
  blackwhite: ['either', 'or', 'only', 'choice', 'alternative', 'unless', 'whether', 'side', 'against'],
  authority: ['according', 'said', 'says', 'expert', 'experts', 'professor', 'study', 'scientists', 'officials', 'report', 'doctor', 'pope', 'president'],
  cliche: ['period', 'enough', 'simple', 'simply', 'end', 'move', 'matter', 'facts', 'fact', 'truth'],
  whatabout: ['what', 'about', 'hypocrisy', 'hypocrite', 'hypocritical', 'yet', 'while', 'double', 'standard', 'instead'],
};
const CUE_INDEX = new Map<string, string[]>();
for (const [group, words] of Object.entries(CUES)) for (const w of words) CUE_INDEX.set(w, [...(CUE_INDEX.get(w) ?? []), group]);

/** Token index range [a, b) of the tokens a span overlaps. */
export function tokenRange(ctx: ArticleContext, span: Span): [number, number] {
  const t = ctx.tokens;
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t[mid]!.end <= span.start) lo = mid + 1;
    else hi = mid;
  }
  let b = lo;
  while (b < t.length && t[b]!.start < span.end) b++;
  return [lo, b];
}

/** Non-overlapping occurrences of `needle` in `haystack`, counted up to `limit`. */
function countOccurrences(haystack: string, needle: string, limit = Infinity): number {
  if (needle.length === 0) return 0;
  let n = 0;
  let at = haystack.indexOf(needle);
  while (at !== -1 && n < limit) {
    n++;
    at = haystack.indexOf(needle, at + needle.length);
  }
  return n;
}

/** Past this many characters an article is not a news article: repetitions are counted near the span only. */
const LONG_TEXT = 1 << 18;
const REPEAT_WINDOW = 1 << 15;
const REPEAT_EDGES = [1, 2, 3, 5];

/**
 * How often the span's text recurs in the article, counted only as far as the `rep=` buckets
 * tell apart (6), memoised per text; in a text over {@link LONG_TEXT} characters only within
 * {@link REPEAT_WINDOW} of the span, so that many spans cost linear time (a deliberate cap for
 * pathological input: no news article is that long).
 */
function repeatCount(ctx: ArticleContext, lower: string, span: Span): number {
  const limit = REPEAT_EDGES[REPEAT_EDGES.length - 1]! + 1;
  if (ctx.lowerText.length > LONG_TEXT) {
    return countOccurrences(ctx.lowerText.slice(Math.max(0, span.start - REPEAT_WINDOW), span.end + REPEAT_WINDOW), lower, limit);
  }
  let n = ctx.repeats?.get(lower);
  if (n === undefined) {
    n = countOccurrences(ctx.lowerText, lower, limit);
    ctx.repeats?.set(lower, n);
  }
  return n;
}

function sentenceCueGroups(ctx: ArticleContext, k: number): string[] {
  let cues = ctx.sentenceCues?.[k];
  if (!cues) {
    const s = ctx.sentences[k]!;
    const set = new Set<string>();
    for (let j = s.firstToken; j < s.endToken; j++) for (const g of CUE_INDEX.get(ctx.tokens[j]!.lower) ?? []) set.add(g);
    cues = [...set];
    if (ctx.sentenceCues) ctx.sentenceCues[k] = cues;
  }
  return cues;
}

const P_U = pre('u=');
const P_B = pre('b=');
const P_S4 = pre('s4=');
const P_F = pre('f=');
const P_L = pre('l=');
const P_ONE = pre('one=');
const P_LS3 = pre('ls3=');
const P_LS2 = pre('ls2=');
const P_FNTOK = pre('f|ntok=');
const P_C4 = pre('c4=');
const P_FSH = pre('fsh=');
const P_LSH = pre('lsh=');
const P_LK = [0, 1, 2, 3].map((k) => pre('L' + k + '='));
const P_RK = [0, 1, 2, 3].map((k) => pre('R' + k + '='));

/**
 * Span features for technique classification: the span's words, pairs, first and last word,
 * length, neighbours, its sentence's content words, how often the span recurs in the article
 * (Repetition), punctuation (Slogans, Doubt) and how much of its sentence it covers.
 */
export function spanFeatures(ctx: ArticleContext, span: Span, mask: number, out: number[]): void {
  const add = (f: string): void => {
    out.push(hashFeature(f) & mask);
  };
  const t = ctx.tokens;
  const [a, b] = tokenRange(ctx, span);
  add('bias');
  const n = b - a;
  add('ntok=' + bucket(n, [1, 2, 3, 4, 6, 9, 14, 20, 30]));
  add('nchr=' + bucket(span.end - span.start, [5, 10, 20, 40, 80, 160]));
  if (n === 0) return;
  // hashes continued from the prefix's state (no strings built): fnv(P, x) is hashFeature(prefix + x)
  const addp = (state: number, x: string): void => {
    out.push((fnv(state, x) >>> 0) & mask);
  };
  for (let i = a; i < b; i++) {
    const l = t[i]!.lower;
    addp(P_U, l);
    if (i + 1 < b) addp(fnvBar(fnv(P_B, l)), t[i + 1]!.lower);
    if (l.length > 4) out.push((fnvFrom(P_S4, l, l.length - 4) >>> 0) & mask);
  }
  const first = t[a]!;
  const last = t[b - 1]!;
  addp(P_F, first.lower);
  addp(P_L, last.lower);
  out.push((asciiShapeHash(first.raw, P_FSH) ?? hashFeature('fsh=' + shape(first.raw))) & mask);
  if (n === 1) addp(P_ONE, first.lower);
  // the head (last) word's ending and shape: nouns of labels (`-ists`, `-ers`) vs emotive adjectives (`-ous`, `-ful`)
  if (last.lower.length > 3) {
    out.push((fnvFrom(P_LS3, last.lower, last.lower.length - 3) >>> 0) & mask);
    addp(fnvBar(fnvFrom(P_LS2, last.lower, last.lower.length - 2)), String(bucket(n, [1, 2, 4])));
  }
  out.push((asciiShapeHash(last.raw, P_LSH) ?? hashFeature('lsh=' + shape(last.raw))) & mask);
  addp(fnvBar(fnv(P_FNTOK, first.lower)), String(bucket(n, [1, 2, 4, 8])));
  if (n <= 2) {
    const chars = ' ' + ctx.lowerText.slice(span.start, span.end) + ' ';
    for (let i = 0; i + 4 <= chars.length; i++) out.push((fnvRange(P_C4, chars, i, i + 4) >>> 0) & mask);
  }
  for (let k = 1; k <= 3; k++) {
    addp(P_LK[k]!, a - k >= 0 ? t[a - k]!.lower : '<d>');
    addp(P_RK[k]!, b - 1 + k < t.length ? t[b - 1 + k]!.lower : '</d>');
  }
  const sent = ctx.sentences[first.sentence]!;
  const sentLen = sent.endToken - sent.firstToken;
  add('cover=' + bucket(n / Math.max(1, sentLen), [0.2, 0.5, 0.8, 0.95]));
  add('atstart=' + (a === sent.firstToken ? 1 : 0));
  add('sf=' + ctx.sentenceFlags[first.sentence]);
  add('q=' + ctx.inQuote[a]);
  const bag = sentenceBag(ctx, first.sentence);
  if (bag.length <= LONG_BAG) for (let k = 0; k < bag.length; k++) out.push(bag[k]! & mask);
  const groups = new Set<string>();
  for (let i = a; i < b; i++) for (const g of CUE_INDEX.get(t[i]!.lower) ?? []) groups.add(g);
  for (const g of groups) add('cue=' + g);
  for (const g of sentenceCueGroups(ctx, first.sentence)) add('scue=' + g);
  const raw = ctx.text.slice(span.start, span.end);
  if (raw.includes('!')) add('has!');
  if (raw.includes('?')) add('has?');
  if (raw.includes('#')) add('has#');
  if (/[\p{L}]{3}/u.test(raw) && raw === raw.toUpperCase()) add('allcaps');
  if (/^["“'‘]/.test(raw) || /["”'’]$/.test(raw)) add('quoted');
  const lower = raw.toLowerCase().trim();
  const rep = bucket(repeatCount(ctx, lower, span), REPEAT_EDGES);
  const ntok = bucket(n, [1, 2, 3, 5, 9]);
  add('rep=' + rep);
  add('rep|ntok=' + rep + '|' + ntok);
  add('sf|ntok=' + ctx.sentenceFlags[first.sentence] + '|' + ntok);
  if (n <= 4) add('span=' + lower);
  let titled = 0;
  for (let i = a; i < b; i++) {
    const c = t[i]!.raw.charCodeAt(0);
    if (c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(t[i]!.raw)) titled++;
  }
  add('titled|ntok=' + bucket(titled / n, [0, 0.5, 0.99]) + '|' + ntok);
  let maxCount = 0;
  for (let i = a; i < b; i++) {
    const count = ctx.typeCounts[ctx.typeOf[i]!]!;
    if (count > maxCount && isContentType(ctx, ctx.typeOf[i]!)) maxCount = count;
  }
  add('wrep=' + bucket(maxCount, [1, 2, 3, 5, 9]));
}

/** Per-sentence summaries of first-stage token probabilities, for {@link stackFeatures}. */
export interface ProbabilityContext {
  readonly probs: ArrayLike<number>;
  readonly sentenceMean: Float64Array;
  readonly sentenceMax: Float64Array;
  readonly articleMean: number;
}

export function probabilityContext(ctx: ArticleContext, probs: ArrayLike<number>): ProbabilityContext {
  const sentenceMean = new Float64Array(ctx.sentences.length);
  const sentenceMax = new Float64Array(ctx.sentences.length);
  let total = 0;
  ctx.sentences.forEach((s, k) => {
    let sum = 0;
    let max = 0;
    for (let i = s.firstToken; i < s.endToken; i++) {
      sum += probs[i]!;
      max = Math.max(max, probs[i]!);
    }
    total += sum;
    sentenceMean[k] = sum / Math.max(1, s.endToken - s.firstToken);
    sentenceMax[k] = max;
  });
  return { probs, sentenceMean, sentenceMax, articleMean: total / Math.max(1, ctx.tokens.length) };
}

const bin = (p: number, n: number): number => Math.min(n - 1, Math.floor(p * n));

/** Code of a binned probability: 0 for none (outside the sentence), else `bin(x, n) + 1`. */
const code = (x: number, n: number): number => (x < 0 ? 0 : bin(x, n) + 1);
const codeName = (c: number): string => (c === 0 ? 'none' : String(c - 1));
const codeTable = (prefix: string, n: number): Int32Array => table(n + 1, (c) => prefix + codeName(c));
const pairTable = (prefix: string): Int32Array => table(36, (c) => prefix + codeName(Math.floor(c / 6)) + '|' + codeName(c % 6));
const T_SP0 = codeTable('p0=', 20);
const T_SPK = [-3, -2, -1, 1, 2, 3].map((k) => codeTable('p' + k + '=', 10));
const T_SPM1P0 = pairTable('p-1p0=');
const T_SP0P1 = pairTable('p0p1=');
const T_SPM1P1 = pairTable('p-1p1=');
const T_SWIN = codeTable('win=', 10);
const T_SMEAN = codeTable('smean=', 10);
const T_SMAX = codeTable('smax=', 10);
const T_SMEANP0 = pairTable('smean|p0=');
const T_SMAXP0 = pairTable('smax|p0=');
const T_AMEAN = codeTable('amean=', 10);
const T_SPOS = table((POS_EDGES.length + 1) * 6, (c) => 'pos=' + Math.floor(c / 6) + '|' + codeName(c % 6));
const T_SEND = table((END_EDGES.length + 1) * 6, (c) => 'end=' + Math.floor(c / 6) + '|' + codeName(c % 6));
interface GroupTables {
  readonly p0: Int32Array;
  readonly pm1: Int32Array;
  readonly p1: Int32Array;
  readonly smean: Int32Array;
  readonly smax: Int32Array;
  readonly p0p0: Int32Array;
}
const groupTables: GroupTables[] = [];
function groupTable(k: number): GroupTables {
  return (groupTables[k] ??= {
    p0: codeTable(`g${k}p0=`, 20),
    pm1: codeTable(`g${k}p-1=`, 10),
    p1: codeTable(`g${k}p1=`, 10),
    smean: codeTable(`g${k}smean=`, 10),
    smax: codeTable(`g${k}smax=`, 10),
    p0p0: pairTable(`g${k}p0|p0=`),
  });
}
const punctHash = memo(20000, (raw) => hashFeature('punct=' + (/[\p{L}\p{N}]/u.test(raw) ? 0 : raw.length === 1 ? raw : 'x')));

/**
 * Second-stage features: the first-stage probability of the token, of its neighbours and of its
 * sentence, binned, so a small logistic model can smooth and calibrate them (a stacked tagger,
 * cheaper than a CRF and trained on out-of-fold probabilities). The hashes come from tables of
 * `hashFeature('p0=' + bin …)` and so on, in the order the strings were once built.
 */
export function stackFeatures(
  ctx: ArticleContext,
  pc: ProbabilityContext,
  i: number,
  mask: number,
  out: number[],
  groups: readonly ProbabilityContext[] = [],
): void {
  const tok = ctx.tokens[i]!;
  const s = ctx.sentences[tok.sentence]!;
  const first = s.firstToken;
  const endT = s.endToken;
  const probs = pc.probs;
  const p = (k: number): number => {
    const j = i + k;
    return j < first || j >= endT ? -1 : probs[j]!;
  };
  const p0 = p(0);
  const pm1 = p(-1);
  const pp1 = p(1);
  const c0 = code(p0, 5);
  out.push(H_BIAS & mask);
  out.push(T_SP0[code(p0, 20)]! & mask);
  out.push(T_SPK[0]![code(p(-3), 10)]! & mask);
  out.push(T_SPK[1]![code(p(-2), 10)]! & mask);
  out.push(T_SPK[2]![code(pm1, 10)]! & mask);
  out.push(T_SPK[3]![code(pp1, 10)]! & mask);
  out.push(T_SPK[4]![code(p(2), 10)]! & mask);
  out.push(T_SPK[5]![code(p(3), 10)]! & mask);
  out.push(T_SPM1P0[code(pm1, 5) * 6 + c0]! & mask);
  out.push(T_SP0P1[c0 * 6 + code(pp1, 5)]! & mask);
  out.push(T_SPM1P1[code(pm1, 5) * 6 + code(pp1, 5)]! & mask);
  let win = 0;
  let n = 0;
  for (let k = -4; k <= 4; k++) {
    const x = p(k);
    if (x >= 0) {
      win += x;
      n++;
    }
  }
  out.push(T_SWIN[code(win / n, 10)]! & mask);
  const sm = pc.sentenceMean[tok.sentence]!;
  const sx = pc.sentenceMax[tok.sentence]!;
  out.push(T_SMEAN[code(sm, 10)]! & mask);
  out.push(T_SMAX[code(sx, 10)]! & mask);
  out.push(T_SMEANP0[code(sm, 5) * 6 + c0]! & mask);
  out.push(T_SMAXP0[code(sx, 5) * 6 + c0]! & mask);
  out.push(T_AMEAN[code(pc.articleMean, 10)]! & mask);
  // technique-family taggers (short lexical techniques vs clause-long ones)
  for (let k = 0; k < groups.length; k++) {
    const g = groups[k]!;
    const gt = groupTable(k);
    const q = (d: number): number => {
      const j = i + d;
      return j < first || j >= endT ? -1 : g.probs[j]!;
    };
    const q0 = q(0);
    out.push(gt.p0[code(q0, 20)]! & mask);
    out.push(gt.pm1[code(q(-1), 10)]! & mask);
    out.push(gt.p1[code(q(1), 10)]! & mask);
    out.push(gt.smean[code(g.sentenceMean[tok.sentence]!, 10)]! & mask);
    out.push(gt.smax[code(g.sentenceMax[tok.sentence]!, 10)]! & mask);
    out.push(gt.p0p0[code(q0, 5) * 6 + c0]! & mask);
  }
  out.push(punctHash(tok.raw) & mask);
  out.push(T_SLEN[bucket(endT - first, SLEN_EDGES)]! & mask);
  out.push(T_SPOS[bucket(i - first, POS_EDGES) * 6 + c0]! & mask);
  out.push(T_SEND[bucket(endT - 1 - i, END_EDGES) * 6 + c0]! & mask);
}

/**
 * The stacked model's score of every token: the sum of `weights[h & mask]` over exactly the
 * features of {@link stackFeatures}, without building the feature lists.
 */
export function stackScores(ctx: ArticleContext, pc: ProbabilityContext, groups: readonly ProbabilityContext[], weights: Float32Array, mask: number): Float64Array {
  const t = ctx.tokens;
  const n = t.length;
  const z = new Float64Array(n);
  const probs = pc.probs;
  const ng = groups.length;
  // (arrays built by loops, not `map`: V8 can give `map`'s results other element kinds from one
  // call to the next, and each new kind throws away this function's optimised code)
  const gts: GroupTables[] = [];
  for (let k = 0; k < ng; k++) gts.push(groupTable(k));
  const ids = lexiconIds(ctx);
  const punct = new Int32Array(ctx.types.length);
  for (let id = 0; id < ctx.types.length; id++) punct[id] = lex.punct[ids[id]!]! & mask;
  // each token's probability binned once (it is read by its six neighbours too)
  const c5 = new Uint8Array(n);
  const c10 = new Uint8Array(n);
  const c20 = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const p = probs[i]!;
    c5[i] = code(p, 5);
    c10[i] = code(p, 10);
    c20[i] = code(p, 20);
  }
  // the same for each family tagger k, at k * n + i
  const g5 = new Uint8Array(ng * n);
  const g10 = new Uint8Array(ng * n);
  const g20 = new Uint8Array(ng * n);
  for (let k = 0; k < ng; k++) {
    const gp = groups[k]!.probs;
    for (let i = 0; i < n; i++) {
      const p = gp[i]!;
      g5[k * n + i] = code(p, 5);
      g10[k * n + i] = code(p, 10);
      g20[k * n + i] = code(p, 20);
    }
  }
  const wBias = weights[H_BIAS & mask]!;
  const wAmean = weights[T_AMEAN[code(pc.articleMean, 10)]! & mask]!;
  const T1 = T_SPK[0]!;
  const T2 = T_SPK[1]!;
  const T3 = T_SPK[2]!;
  const T4 = T_SPK[3]!;
  const T5 = T_SPK[4]!;
  const T6 = T_SPK[5]!;
  for (let si = 0; si < ctx.sentences.length; si++) {
    const s = ctx.sentences[si]!;
    const first = s.firstToken;
    const endT = s.endToken;
    const sm = pc.sentenceMean[si]!;
    const sx = pc.sentenceMax[si]!;
    const sm5 = code(sm, 5) * 6;
    const sx5 = code(sx, 5) * 6;
    let sentenceSum = wBias + wAmean + weights[T_SMEAN[code(sm, 10)]! & mask]! + weights[T_SMAX[code(sx, 10)]! & mask]! + weights[T_SLEN[bucket(endT - first, SLEN_EDGES)]! & mask]!;
    for (let k = 0; k < ng; k++) {
      const g = groups[k]!;
      sentenceSum += weights[gts[k]!.smean[code(g.sentenceMean[si]!, 10)]! & mask]! + weights[gts[k]!.smax[code(g.sentenceMax[si]!, 10)]! & mask]!;
    }
    for (let i = first; i < endT; i++) {
      const c0 = c5[i]!;
      let acc = sentenceSum;
      acc += weights[T_SP0[c20[i]!]! & mask]!;
      acc += weights[T1[i - 3 >= first ? c10[i - 3]! : 0]! & mask]!;
      acc += weights[T2[i - 2 >= first ? c10[i - 2]! : 0]! & mask]!;
      acc += weights[T3[i - 1 >= first ? c10[i - 1]! : 0]! & mask]!;
      acc += weights[T4[i + 1 < endT ? c10[i + 1]! : 0]! & mask]!;
      acc += weights[T5[i + 2 < endT ? c10[i + 2]! : 0]! & mask]!;
      acc += weights[T6[i + 3 < endT ? c10[i + 3]! : 0]! & mask]!;
      const cm1 = i - 1 >= first ? c5[i - 1]! : 0;
      const cp1 = i + 1 < endT ? c5[i + 1]! : 0;
      acc += weights[T_SPM1P0[cm1 * 6 + c0]! & mask]!;
      acc += weights[T_SP0P1[c0 * 6 + cp1]! & mask]!;
      acc += weights[T_SPM1P1[cm1 * 6 + cp1]! & mask]!;
      let win = 0;
      const lo = Math.max(first, i - 4);
      const hi = Math.min(endT - 1, i + 4);
      for (let j = lo; j <= hi; j++) win += probs[j]!;
      acc += weights[T_SWIN[code(win / (hi - lo + 1), 10)]! & mask]!;
      acc += weights[T_SMEANP0[sm5 + c0]! & mask]!;
      acc += weights[T_SMAXP0[sx5 + c0]! & mask]!;
      for (let k = 0; k < ng; k++) {
        const gt = gts[k]!;
        const at = k * n + i;
        acc += weights[gt.p0[g20[at]!]! & mask]!;
        acc += weights[gt.pm1[i - 1 >= first ? g10[at - 1]! : 0]! & mask]!;
        acc += weights[gt.p1[i + 1 < endT ? g10[at + 1]! : 0]! & mask]!;
        acc += weights[gt.p0p0[g5[at]! * 6 + c0]! & mask]!;
      }
      acc += weights[punct[ctx.typeOf[i]!]!]!;
      acc += weights[T_SPOS[bucket(i - first, POS_EDGES) * 6 + c0]! & mask]!;
      acc += weights[T_SEND[bucket(endT - 1 - i, END_EDGES) * 6 + c0]! & mask]!;
      z[i] = acc;
    }
  }
  return z;
}

/**
 * Features of a detected span for the span scorer, which predicts the share of the span that
 * lies inside a technique: the technique-classifier features plus the span's mean token probability.
 */
export function spanScoreFeatures(ctx: ArticleContext, span: Span, meanProbability: number, mask: number, out: number[]): void {
  spanFeatures(ctx, span, mask, out);
  spanScoreExtraFeatures(ctx, span, meanProbability, mask, out);
}

/** What {@link spanScoreFeatures} adds to {@link spanFeatures}: the span's mean token probability, binned. */
export function spanScoreExtraFeatures(ctx: ArticleContext, span: Span, meanProbability: number, mask: number, out: number[]): void {
  const p = bin(meanProbability, 20);
  const [a, b] = tokenRange(ctx, span);
  out.push(hashFeature('mp=' + p) & mask);
  out.push(hashFeature('mp|ntok=' + bin(meanProbability, 5) + '|' + bucket(b - a, [1, 2, 3, 5, 9, 15, 25])) & mask);
}

const longBagSums = new WeakMap<ArticleContext, Map<ArrayLike<number>, Map<number, number>>>();

/**
 * What {@link spanFeatures} leaves out for a span in a sentence longer than {@link LONG_BAG}:
 * the summed weights `weights[(h & mask) * stride + offset]` of the sentence's bag, once per sentence; else 0.
 */
export function longBagSum(ctx: ArticleContext, span: Span, weights: ArrayLike<number>, offset: number, mask: number, stride = 1): number {
  const [a, b] = tokenRange(ctx, span);
  if (b === a) return 0;
  const sentence = ctx.tokens[a]!.sentence;
  const bag = longSentenceBag(ctx, sentence);
  if (!bag) return 0;
  let perWeights = longBagSums.get(ctx);
  if (!perWeights) longBagSums.set(ctx, (perWeights = new Map()));
  let sums = perWeights.get(weights);
  if (!sums) perWeights.set(weights, (sums = new Map()));
  const key = sentence * 4096 + offset;
  let sum = sums.get(key);
  if (sum === undefined) {
    sum = 0;
    for (let k = 0; k < bag.length; k++) sum += weights[(bag[k]! & mask) * stride + offset]!;
    sums.set(key, sum);
  }
  return sum;
}

/** Whether the span starts in a sentence longer than {@link LONG_BAG} (see {@link longBagSum}). */
export function spanInLongSentence(ctx: ArticleContext, span: Span): boolean {
  const [a, b] = tokenRange(ctx, span);
  return b > a && longSentenceBag(ctx, ctx.tokens[a]!.sentence) !== undefined;
}
