import type { Span } from '../../core/span.js';
import { PRONOUNS, speakerAfter, speakerBefore, type SpeakerPhrase } from './find-speaker.js';
import { inTitledReference, isCapitalised, isLetterWord, lowerForms, type Word } from './words.js';

/**
 * Attribution cues beyond the speech-verb lexicon, as PolNeAR annotates them: beliefs, wishes,
 * findings, refusals, endorsements (`Clinton wants to …`, `The poll found that …`, `Gore declined
 * an interview request`, `Men under 35 support Sanders`). A word becomes a candidate when its
 * form is in a lexicon learned from PolNeAR train; the rules below build the relation it would
 * head (subject before it, governed clause after it), and a logistic model over hashed features
 * of the cue, its neighbours and the relation's shape decides whether to keep it.
 */

/** A learned cue model: the candidate forms and the weights of the classifier. */
export interface CueModel {
  readonly version: string;
  /** Lower-cased word forms that may head a cue, with the share of their train occurrences inside a gold cue. */
  readonly forms: ReadonlyMap<string, number>;
  readonly bits: number;
  readonly weights: Float32Array;
  /** Candidates scoring at least this are kept. */
  readonly threshold: number;
}

/** A relation one candidate cue would head, with the features the classifier reads. */
export interface Candidate {
  readonly cue: Span;
  readonly speaker: SpeakerPhrase;
  readonly content: Span;
  /** Hashed features (`feature`), 32 bits each. */
  readonly features: readonly number[];
}

/** Helpers the finder of reported speech shares with the candidates (clause edges, adjuncts). */
export interface ClauseHelpers {
  clauseStart(words: readonly Word[], c: number): Word[];
  clauseEnd(words: readonly Word[], k: number): number;
  skipAdjunct(words: readonly Word[], k: number): number;
  skipAddressee(words: readonly Word[], k: number): number;
  takesAddressee(lower: string): boolean;
}

const DETERMINER = /^(?:the|a|an|his|her|their|its|this|these|those|our|my|your|some|many|most|no|all|any|each|every|both)$/;
const AUX = /^(?:is|was|are|were|be|been|being|has|have|had|will|would|can|could|should|may|might|must|did|does|do)$/;
const WH = /^(?:how|why|what|whether|if|when|where|who|which)$/;
const PARTICLE = /^(?:out|up|for|on|to|about|of|with|against|down)$/;
const MIN_CONTENT_WORDS = 1;
const ANONYMITY = /^(?:not to be (?:named|identified|quoted)|anonymity|that (?:his|her|their) names? not)/;
const FEELING_TO = /^(?:thrilled|excited|happy|delighted|pleased|proud|glad|honou?red|grateful|thankful|sorry|afraid|disappointed|committed|prepared|ready|willing|able|sad|saddened|relieved)$/;
const COPULA = /^(?:is|are|was|were|am|be|been|being|['’]m|['’]re|['’]s|so|very|really|truly|too|more|most|not|always|also|just|all|deeply|extremely|incredibly|especially|particularly)$/;
// Not `to`: `wants to avoid …` keeps it (PolNeAR's content is the infinitive); `referring to` is a lexicon pair.
const PREPOSITION = /^(?:for|about|against|on|of|with|by|at|in|into|over|toward|towards|from)$/;

// The cue tells `speakerBefore` a progressive (`Trump is thanking`) from a passive (`Smith was
// asked`); typed loosely so this compiles whether or not that parameter has landed.
const subjectBefore: (words: readonly Word[], cue: Word) => SpeakerPhrase | null = speakerBefore;

/** A coarse shape of a word for features: pron, cap, det, aux, to, that, wh, punct, num, low. */
function shape(w: Word | undefined): string {
  if (!w) return '∅';
  if (!isLetterWord(w)) return w.text === ',' || w.text === ':' || w.text === ';' ? w.text : 'punct';
  if (PRONOUNS.has(w.lower)) return 'pron';
  if (w.lower === 'that') return 'that';
  if (w.lower === 'to') return 'to';
  if (DETERMINER.test(w.lower)) return 'det';
  if (AUX.test(w.lower)) return 'aux';
  if (WH.test(w.lower)) return 'wh';
  if (/^\d/.test(w.text)) return 'num';
  if (isCapitalised(w)) return 'cap';
  return w.lower.endsWith('ly') ? 'adv' : 'low';
}

function headShape(text: string, sp: SpeakerPhrase): string {
  const h = text.slice(sp.head.start, sp.head.end);
  if (/^(?:he|she|they|i|we|you|it|who)$/i.test(h)) return h.toLowerCase() === 'it' ? 'it' : 'pron';
  if (/^(?:the|a|an)\s/i.test(h)) return /\s\p{Lu}/u.test(h) ? 'det-cap' : 'det';
  return /^\p{Lu}/u.test(h) ? 'cap' : 'low';
}

function bucket(n: number): string {
  return n <= 2 ? String(n) : n <= 4 ? '3-4' : n <= 8 ? '5-8' : n <= 16 ? '9-16' : '17+';
}

/**
 * Candidate relations of one sentence's words: every word whose form is in `forms`, outside the
 * cues already found, with a subject before it and a clause or object after it. `found` are the
 * relations the rules already made for this sentence (their cues are not candidates again).
 */
export function cueCandidates(text: string, words: readonly Word[], forms: ReadonlyMap<string, number>, found: readonly { cue: Span; content: readonly Span[] }[], quoted: readonly Span[], h: ClauseHelpers): Candidate[] {
  const out: Candidate[] = [];
  const question = words[words.length - 1]?.text === '?';
  const maybe = formFilter(forms);
  for (let c = 1; c < words.length - 1; c++) {
    const w = words[c]!;
    const l = w.lower;
    // most words fail the filter, which reads three characters instead of hashing the word
    if (maybe[filterKey(l)] === 0 || !forms.has(l)) continue;
    if (found.some((f) => f.cue.start <= w.start && w.end <= f.cue.end + 1 + 4)) continue;
    if (quoted.some((q) => q.start <= w.start && w.end <= q.end)) continue;
    const prev = words[c - 1]!;
    if (prev.lower === 'the' || prev.lower === 'a' || prev.lower === 'an') continue; // a noun here
    if (inTitledReference(words, c)) continue;
    // `Experience is thrilled to have …`, `I'm proud to endorse`: a feeling about doing something
    // reports no words (in PolNeAR train 8 of about 120 such uses are cues; `eager to` is one).
    if (FEELING_TO.test(w.lower) && words[c + 1]?.lower === 'to' && COPULA.test(prev.lower.replace(/^\p{L}+(?=['’])/u, ''))) continue;
    // The cue may take a particle (`called for`, `pointed out`): the content starts after it.
    let cueEnd = c;
    if (PARTICLE.test(words[c + 1]?.lower ?? '') && forms.has(`${w.lower} ${words[c + 1]!.lower}`)) cueEnd = c + 1;
    let k = cueEnd + 1;
    if (words[k]?.lower !== 'that') k = h.takesAddressee(w.lower) ? h.skipAddressee(words, k) : h.skipAdjunct(words, k);
    // The content's start first: it is cheap, and most words of the lexicon have none.
    if (k >= words.length || !(isLetterWord(words[k]!) || words[k]!.text === '$')) continue;
    // `who asked not to be named`, `requested anonymity`: a source's request for anonymity
    // describes the source, it reports nothing they said.
    if (ANONYMITY.test(lowerForms(words, k, k + 4))) continue;
    const participle = w.lower.endsWith('ing') && (prev.text === ',' || prev.lower === 'and');
    const subjectWords = participle ? words.slice(0, c - 1) : h.clauseStart(words, c);
    // `The figure was first reported by Reuters, citing …`: after a passive, the participle's
    // subject is the agent after `by`.
    const agent = participle ? passiveAgent(subjectWords) : null;
    const ruled = agent ?? subjectBefore(subjectWords, w);
    const speaker = ruled ?? (participle ? null : plainSubject(subjectWords));
    if (!speaker) continue;
    if (!participle && speaker.head.start < (subjectWords[0]?.start ?? 0)) continue;
    // Words between the subject and the cue (`has long`, `also`, `is`), the subject's last word
    // and length, by one walk back from the cue.
    let between = 0;
    let subjectWordCount = 0;
    let headLast = '∅';
    for (let j = c - 1; j >= 0 && words[j]!.end > speaker.head.start; j--) {
      const x = words[j]!;
      if (x.start >= speaker.head.end) {
        if (isLetterWord(x)) between++;
      } else {
        if (x.end === speaker.head.end) headLast = x.lower;
        if (isLetterWord(x)) subjectWordCount++;
      }
    }
    const subj = (ruled ? '' : 'plain-') + headShape(text, speaker);
    const lexp = String(Math.min(9, Math.floor((forms.get(w.lower) ?? 0) * 10)));
    const stem = w.lower.replace(STEM, '');
    const inside = found.some((f) => f.content.some((s) => s.start <= w.start && w.end <= s.end));
    const cueFeatures = cueFeaturesOf(words, c, lexp, stem, subj, headLast, between, subjectWordCount, participle, inside, found.length > 0, quoted.length > 0, question);
    // `fighting about Obama`, `opted for Trump`: PolNeAR's content is often the object of the
    // preposition after the cue; both starts are proposed.
    const starts = PREPOSITION.test(words[k]!.lower) && words[k + 1] && isLetterWord(words[k + 1]!) ? [k, k + 1] : [k];
    for (const start of starts) {
      const first = words[start]!;
      if (first.text !== '$' && !isLetterWord(first)) continue;
      // A clause (`that …`, `he would …`, `whether …`) runs to the clause end; an object or an
      // infinitive (`endorsed Sanders, the …`, `declined to comment, saying …`) often stops at a
      // comma. Both are proposed when they differ; the classifier (one relation a cue) picks.
      const clausal = first.lower === 'that' || WH.test(first.lower) || (PRONOUNS.has(first.lower) && first.lower !== 'it') || words[start - 1]?.text === ':';
      // Inside brackets (`(ibid, citing FARS news agency)`) the content ends at the closing one.
      const full = bracketEnd(words, start, h.clauseEnd(words, start));
      const short = phraseEnd(words, start, full);
      const ks = shape(first);
      const cl = clausal ? '1' : '0';
      for (const end of short < full ? [full, short] : [full]) {
        const variant = (end === full ? (short < full ? 'full' : 'only') : 'short') + (start > k ? '-prep' : '');
        let n = 0;
        for (let j = start; j < words.length && words[j]!.end <= end; j++) if (isLetterWord(words[j]!)) n++;
        if (n < MIN_CONTENT_WORDS || EMPTY_CONTENT.test(first.lower)) continue; // `said nothing about it`
        const touches = quoted.some((q) => q.start < end && first.start < q.end);
        const len = bucket(n);
        const features = relationFeatures(cueFeatures, w.lower, lexp, stem, first, words[start + 1], ks, len, cl, variant, touches);
        out.push({ cue: { start: w.start, end: words[cueEnd]!.end }, speaker, content: { start: first.start, end }, features });
      }
    }
  }
  return out;
}

/**
 * The features of a candidate cue that every relation it heads shares (the word, its neighbours,
 * its subject). Apart from {@link cueCandidates}, so that V8 compiles this long list once, and
 * recompiling the search (when a rare branch of it first runs) stays cheap.
 */
function cueFeaturesOf(
  words: readonly Word[],
  c: number,
  lexp: string,
  stem: string,
  subj: string,
  headLast: string,
  between: number,
  subjectWordCount: number,
  participle: boolean,
  inside: boolean,
  found: boolean,
  quoted: boolean,
  question: boolean,
): number[] {
  const w = words[c]!;
  const prev = words[c - 1]!;
  const next = words[c + 1];
  return [
    feature(N.bias, ''),
    feature(N.w, w.lower),
    feature(N.stem, stem),
    feature(N.suf, w.lower.slice(-3)),
    feature(N.lexp, lexp),
    feature(N.lexp_subj, lexp, subj),
    feature(N.lexp_ps, lexp, shape(prev)),
    feature(N.shl, headLast),
    feature(N.p1, prev.lower),
    feature(N.p2, words[c - 2]?.lower ?? '∅'),
    feature(N.n1, next?.lower ?? '∅'),
    feature(N.n2, words[c + 2]?.lower ?? '∅'),
    feature(N.ps, shape(prev)),
    feature(N.ns, shape(next)),
    feature(N.w_ns, w.lower, shape(next)),
    feature(N.w_ps, w.lower, shape(prev)),
    feature(N.w_n1, w.lower, next?.lower ?? '∅'),
    feature(N.w_p1, w.lower, prev.lower),
    feature(N.subj, subj),
    feature(N.w_subj, w.lower, subj),
    feature(N.between, bucket(between)),
    feature(N.w_between, w.lower, String(Math.min(between, 3))),
    feature(N.at, bucket(c)),
    feature(N.part, participle ? '1' : '0'),
    feature(N.cap, isCapitalised(w) ? '1' : '0'),
    feature(N.inside, inside ? '1' : '0'),
    feature(N.found, found ? '1' : '0'),
    feature(N.quoted, quoted ? '1' : '0'),
    feature(N.w_quoted, w.lower, quoted ? '1' : '0'),
    feature(N.q, question ? '1' : '0'),
    feature(N.subjlen, bucket(subjectWordCount)),
  ];
}

/** A relation's features: its cue's ({@link cueFeaturesOf}), then those of its content and variant. */
function relationFeatures(
  cueFeatures: readonly number[],
  cue: string,
  lexp: string,
  stem: string,
  first: Word,
  second: Word | undefined,
  ks: string,
  len: string,
  cl: string,
  variant: string,
  touches: boolean,
): number[] {
  return [
    ...cueFeatures,
    feature(N.lexp_ks, lexp, ks),
    feature(N.stem_ks, stem, ks),
    feature(N.k1, first.lower),
    feature(N.k2, second?.lower ?? '∅'),
    feature(N.ks, ks),
    feature(N.w_ks, cue, ks),
    feature(N.len, len),
    feature(N.clausal, cl),
    feature(N.w_clausal, cue, cl),
    feature(N.v, variant),
    feature(N.v_clausal, variant, cl),
    feature(N.v_w, variant, cue),
    feature(N.v_ks, variant, ks),
    feature(N.v_len, variant, len),
    feature(N.touches, touches ? '1' : '0'),
  ];
}

/** A word's slot in {@link formFilter}: its length (to 15), first and last character (by their low 7 bits). */
function filterKey(l: string): number {
  const n = l.length;
  if (n === 0) return 0;
  return ((n < 15 ? n : 15) << 14) | ((l.charCodeAt(0) & 127) << 7) | (l.charCodeAt(n - 1) & 127);
}

const FILTERS = new WeakMap<ReadonlyMap<string, number>, Uint8Array>();

/** 1 at the {@link filterKey} of every single-word form: a word elsewhere cannot be a form. */
function formFilter(forms: ReadonlyMap<string, number>): Uint8Array {
  let f = FILTERS.get(forms);
  if (!f) {
    f = new Uint8Array(16 << 14);
    for (const form of forms.keys()) f[filterKey(form)] = 1;
    FILTERS.set(forms, f);
  }
  return f;
}

const STEM = /(?:ing|ed|es|s)$/;
const EMPTY_CONTENT = /^(?:nothing|something|anything|little|much|more|less|so|otherwise|none|everything)$/;

/** `limit`, or the end of the word before a `)` that closes a bracket opened before `k`. */
function bracketEnd(words: readonly Word[], k: number, limit: number): number {
  for (let j = k + 1; j < words.length && words[j]!.end <= limit; j++) {
    if (words[j]!.text === '(') return limit;
    if (words[j]!.text === ')') return words[j - 1]!.end;
  }
  return limit;
}
const FNV_OFFSET = 0x811c9dc5;

function mix(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** The hash state after a feature's name and `=`, computed once per name. */
function featureName(name: string): number {
  return mix(FNV_OFFSET, name) ^ 0x3d;
}

/**
 * A feature as a 32-bit FNV-1a hash of its name (`featureName`) and values, built without
 * joining strings; training and prediction share it, and the model keeps the low `bits` bits.
 */
export function feature(name: number, a: string, b?: string): number {
  let h = mix(name, a);
  if (b !== undefined) h = mix(h ^ 0x7c, b);
  return h >>> 0;
}

const N = {
  at: featureName('at'),
  between: featureName('between'),
  bias: featureName('bias'),
  cap: featureName('cap'),
  clausal: featureName('clausal'),
  found: featureName('found'),
  inside: featureName('inside'),
  k1: featureName('k1'),
  k2: featureName('k2'),
  ks: featureName('ks'),
  len: featureName('len'),
  lexp: featureName('lexp'),
  lexp_ks: featureName('lexp|ks'),
  lexp_ps: featureName('lexp|ps'),
  lexp_subj: featureName('lexp|subj'),
  n1: featureName('n1'),
  n2: featureName('n2'),
  ns: featureName('ns'),
  p1: featureName('p1'),
  p2: featureName('p2'),
  part: featureName('part'),
  ps: featureName('ps'),
  q: featureName('q'),
  quoted: featureName('quoted'),
  shl: featureName('shl'),
  stem: featureName('stem'),
  stem_ks: featureName('stem|ks'),
  subj: featureName('subj'),
  subjlen: featureName('subjlen'),
  suf: featureName('suf'),
  touches: featureName('touches'),
  v: featureName('v'),
  v_clausal: featureName('v|clausal'),
  v_ks: featureName('v|ks'),
  v_len: featureName('v|len'),
  v_w: featureName('v|w'),
  w: featureName('w'),
  w_between: featureName('w|between'),
  w_clausal: featureName('w|clausal'),
  w_ks: featureName('w|ks'),
  w_n1: featureName('w|n1'),
  w_ns: featureName('w|ns'),
  w_p1: featureName('w|p1'),
  w_ps: featureName('w|ps'),
  w_quoted: featureName('w|quoted'),
  w_subj: featureName('w|subj'),
};

const NOT_IN_SUBJECT = /^(?:cannot|and|or|but|to|that|which|who|if|is|are|was|were|be|been|being|has|have|had|began|begin|will|would|can|could|should|may|might|must|do|does|did|it|there|this|\p{L}+n[’']t)$/u;
const FILLER = /^(?:also|then|later|again|first|finally|still|now|not|never|only|just|even|already|often|really|generally|largely|mostly|clearly|probably|would|will|can|could|should|may|might|must|do|does|did|don’t|don't|doesn’t|doesn't|didn’t|didn't|is|are|was|were|has|have|had|been|be)$/;

/**
 * A subject the speaker rules do not take, up to eight words after the last comma of the clause
 * (`Most believe`, `52 percent of registered voters say`, `Both think`): PolNeAR marks it whole.
 */
function plainSubject(words: readonly Word[]): SpeakerPhrase | null {
  let end = words.length;
  while (end > 0 && (FILLER.test(words[end - 1]!.lower) || /ly$/.test(words[end - 1]!.lower))) end--;
  let start = end;
  while (start > 0 && (isLetterWord(words[start - 1]!) || /^[’'%$-]$/.test(words[start - 1]!.text))) start--;
  if (end - start < 1 || end - start > 8 || !isLetterWord(words[start]!)) return null;
  if (start > 0 && !/^[,;:—–(]$/.test(words[start - 1]!.text)) return null;
  // `these wins are being`, `Trump hadn't`, `impossible to`: a verb or a conjunction means the
  // words are not one noun phrase.
  for (let j = start; j < end; j++) if (NOT_IN_SUBJECT.test(words[j]!.lower)) return null;
  return { head: { start: words[start]!.start, end: words[end - 1]!.end }, apposition: null };
}

/** The agent of a passive that ends the words: `was first reported by Reuters` → `Reuters`. */
function passiveAgent(words: readonly Word[]): SpeakerPhrase | null {
  const by = words.findLastIndex((w) => w.lower === 'by');
  if (by < 2 || !/(?:ed|en)$/.test(words[by - 1]!.lower)) return null;
  let j = by - 2;
  while (j >= 0 && /ly$|^(?:first|also|then|later|since|not|never|widely)$/.test(words[j]!.lower)) j--;
  if (j < 0 || !/^(?:is|are|was|were|been|be|being)$/.test(words[j]!.lower)) return null;
  const agent = speakerAfter(words.slice(by + 1));
  return agent && agent.head.end === words[words.length - 1]!.end ? { head: agent.head, apposition: null } : null;
}

/** End of an object or infinitive content: before the first comma, semicolon, dash or parenthesis. */
function phraseEnd(words: readonly Word[], k: number, limit: number): number {
  for (let j = k + 1; j < words.length && words[j]!.end <= limit; j++) {
    const x = words[j]!;
    if (x.text === ',' && /^\d/.test(words[j + 1]?.text ?? '') && words[j + 1]!.start === x.end) continue; // `4,000`
    if (x.text === ',' || x.text === ';' || x.text === '—' || x.text === '–' || x.text === '(' || x.text === ':') return words[j - 1]!.end;
  }
  return limit;
}

/** The classifier's probability that a candidate is an attribution PolNeAR would mark. */
export function scoreCandidate(model: CueModel, features: readonly number[]): number {
  const mask = (1 << model.bits) - 1;
  let z = 0;
  for (const f of features) z += model.weights[f & mask] ?? 0;
  return 1 / (1 + Math.exp(-z));
}
