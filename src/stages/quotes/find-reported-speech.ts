import type { Sentence, Speaker } from '../../core/layers.js';
import type { Span } from '../../core/span.js';
import type { OutletRegistry } from '../../core/stage.js';
import { cueClass, isParticipleCue, takesAddressee } from './cue-lexicon.js';
import { describeSpeaker } from './describe-speaker.js';
import { isCitation, NOT_A_NAME, PRONOUNS, speakerAfter, speakerBefore, type SpeakerPhrase } from './find-speaker.js';
import type { PersonMention } from './resolve-pronoun.js';
import { inTitledReference, isCapitalised, isLetterWord, wordsIn, type Word } from './words.js';
import { cueCandidates, scoreCandidate, type Candidate, type ClauseHelpers, type CueModel } from './learned-cues.js';
import { shippedCueModel } from './learned-cue-model.js';

export interface ReportedSpeech {
  readonly content: Span[];
  readonly cue: Span;
  readonly speaker: Speaker;
  readonly confidence: number;
}

export interface ReportedSpeechInput {
  readonly text: string;
  readonly sentences: readonly Sentence[];
  /** Spans already taken by quotations: sentences touching them are left alone. */
  readonly taken: readonly Span[];
  readonly people: readonly PersonMention[];
  readonly outlets: OutletRegistry | undefined;
  /** Learned cues beyond the lexicon (`learned-cues.ts`); the shipped model when undefined, none when null. */
  readonly model?: CueModel | null;
  /** Training: receives every learned-cue candidate instead of the model scoring it. */
  readonly collect?: (candidate: Candidate) => void;
}

const MAX_SENTENCE = 700; // longer "sentences" are lists or run-ons: look at their start only
const MIN_CONTENT_WORDS = 3;

/**
 * Reported speech and other attributions outside quotation marks. The rules find one relation a
 * sentence without quotation marks: `According to X, …` / `…, according to X.`; `…, X said.` /
 * `…, said X.`; `X said (that) …`, `X told Y (that) …`, `X went on to note that …`, `X made the
 * claim that …`. Learned cues (`learned-cues.ts`, the shipped model unless `model` says
 * otherwise) add beliefs, wishes, findings and the like in any sentence, outside the marks:
 * `The poll found that …`, `Clinton wants to …`, `…, citing two doctors`.
 * Content keeps `that` (as PolNeAR does) and runs to the end of the clause.
 */
export function findReportedSpeech(input: ReportedSpeechInput): ReportedSpeech[] {
  const { text, sentences, taken, people, outlets } = input;
  const model = input.model === undefined ? shippedCueModel() : input.model;
  const out: ReportedSpeech[] = [];
  let t = 0;
  for (const s of sentences) {
    while (t < taken.length && taken[t]!.end <= s.start) t++;
    // Sentences with quotations are left to the rules around quotation marks, but for learned
    // cues outside the marks (`Trump, who called it "a disaster," wants to …`).
    const quoted: Span[] = [];
    for (let j = t; j < taken.length && taken[j]!.start < s.end; j++) quoted.push(taken[j]!);
    if (quoted.length > 0 && !(model || input.collect)) continue;
    const end = Math.min(s.end, s.start + MAX_SENTENCE);
    const words = wordsIn(text, s.start, end);
    const found = quoted.length > 0 ? null : accordingTo(words) ?? trailingCue(words) ?? leadingCue(text, words) ?? (s.paragraph === 0 ? headline(words) : null);
    const content = found ? found.content.filter((c) => countLetters(words, c) >= MIN_CONTENT_WORDS) : [];
    const rels: Found[] = found && content.length > 0 ? [{ ...found, content }] : [];
    // `Hydrologists have said the embankments failed, according to an assessment`: the content of
    // `according to` may hold an attribution of its own, which is kept beside the outer one.
    let inner: Found | null = null;
    if (found && found.cue.start > words[0]!.start && rels.length > 0 && text.slice(found.cue.start, found.cue.start + 9).toLowerCase() === 'according') {
      const before = words.filter((w) => w.end <= found.cue.start);
      inner = leadingCue(text, before);
      if (inner && !inner.content.every((c) => countLetters(before, c) >= MIN_CONTENT_WORDS)) inner = null;
    }
    if (model || input.collect) rels.push(...learned(text, words, rels, quoted, model, input.collect));
    if (inner && !rels.some((r) => r.cue.start === inner!.cue.start)) rels.push(inner);
    for (const r of rels) out.push({ content: r.content.map((c) => withoutCitation(words, c)), cue: r.cue, speaker: describeSpeaker(text, r.speaker, people, outlets), confidence: r.confidence });
  }
  return out;
}

const HELPERS: ClauseHelpers = { clauseStart, clauseEnd, skipAdjunct, skipAddressee, takesAddressee };

/** Relations headed by learned cues, beside those the rules found; one per content. */
function learned(text: string, words: readonly Word[], rules: readonly Found[], quoted: readonly Span[], model: CueModel | null, collect: ((c: Candidate) => void) | undefined): Found[] {
  const candidates = cueCandidates(text, words, model?.forms ?? EMPTY, rules, quoted, HELPERS);
  if (collect) {
    candidates.forEach(collect);
    return [];
  }
  const kept: (Found & { score: number })[] = [];
  for (const c of candidates) {
    const score = scoreCandidate(model!, c.features);
    if (score < model!.threshold) continue;
    if (rules.some((r) => r.content.some((x) => sameSpan(x, c.content))) || quoted.some((x) => sameSpan(x, c.content))) continue;
    const twin = kept.findIndex((k) => k.cue.start === c.cue.start || sameSpan(k.content[0]!, c.content));
    if (twin >= 0 && kept[twin]!.score >= score) continue;
    if (twin >= 0) kept.splice(twin, 1);
    kept.push({ content: [c.content], cue: c.cue, speaker: c.speaker, confidence: Math.round(score * 100) / 200 + 0.2, score });
  }
  return kept.map(({ score: _score, ...f }) => f);
}

const EMPTY: ReadonlyMap<string, number> = new Map();

/** Two contents that share more than half of their extent. */
function sameSpan(a: Span, b: Span): boolean {
  const inter = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return inter > 0 && inter * 2 > Math.max(a.end - a.start, b.end - b.start);
}

interface Found {
  readonly content: Span[];
  readonly cue: Span;
  readonly speaker: SpeakerPhrase;
  readonly confidence: number;
}

/** `According to X, …`, `…, according to X.`, `…, according to X, …`. */
function accordingTo(words: readonly Word[]): Found | null {
  const a = words.findIndex((w, i) => w.lower === 'according' && words[i + 1]?.lower === 'to');
  if (a < 0) return null;
  const cue = { start: words[a]!.start, end: words[a + 1]!.end };
  let speaker = speakerAfter(words.slice(a + 2)) ?? sourceToComma(words, a + 2);
  if (!speaker) return null;
  // `According to the ministry, the talks failed`: what follows the comma is the content, unless
  // a second comma closes an apposition (`According to Hill, a doctor, the talks failed`).
  const app = speaker.apposition;
  const closed = app && words.some((w) => w.start >= app.end && w.start <= app.end + 1 && w.text === ',');
  if (app && !closed) speaker = { head: speaker.head, apposition: null };
  const until = speaker.apposition?.end ?? speaker.head.end;
  const after = words.findIndex((w, i) => i > a + 1 && (w.text === ',' || w.text === '.') && w.start >= until);
  const content: Span[] = [];
  const first = words[0]!;
  if (a > 0) content.push({ start: first.start, end: trimEnd(words, a - 1) });
  if (after >= 0 && after + 1 < words.length) content.push({ start: words[after + 1]!.start, end: sentenceEnd(words) });
  return { content: content.filter((c) => c.end > c.start), cue, speaker, confidence: 0.7 };
}

/**
 * A source named at length up to the comma or full stop (`according to early results of exit
 * polls conducted for the Associated Press,`): PolNeAR marks it whole.
 */
function sourceToComma(words: readonly Word[], from: number): SpeakerPhrase | null {
  let j = from;
  while (j < words.length && j - from < 30 && words[j]!.text !== ',' && words[j]!.text !== '.' && words[j]!.text !== ';') j++;
  if (j === from || j - from >= 30 || !isLetterWord(words[from]!)) return null;
  return { head: { start: words[from]!.start, end: words[j - 1]!.end }, apposition: null };
}

/** `…, X said.`, `…, said X.`, `…, X said on Monday.`, and `…, X said, …`. */
function trailingCue(words: readonly Word[]): Found | null {
  for (let c = words.length - 1; c > 2; c--) {
    const w = words[c]!;
    if (cueClass(w.lower) !== 'speech' || isCapitalised(w) || w.lower.endsWith('ing') || (takesAddressee(w.lower) && w.lower !== 'told')) continue;
    // `…, the state said` but not `…, the state`: forms that are also nouns do not end a sentence as cues.
    if (NOUN_TOO.test(w.lower)) continue;
    // Find the comma that opens the parenthetical attribution.
    let comma = c - 1;
    while (comma >= 0 && words[comma]!.text !== ',' && c - comma <= 8) comma--;
    if (comma < 2 || words[comma]!.text !== ',') {
      continue;
    }
    const between = words.slice(comma + 1, c);
    let speaker: SpeakerPhrase | null;
    if (between.length === 0) {
      // `964,000 people, which account for 0.4 percent of the population, reported a …`: the
      // comma closes a relative clause, and the cue goes on with the subject before it.
      let open = comma - 1;
      while (open > 0 && words[open]!.text !== ',' && comma - open <= 30) open--;
      if (open > 0 && words[open]!.text === ',' && /^(?:which|who|whose|whom)$/.test(words[open + 1]?.lower ?? '')) continue;
      speaker = speakerAfter(words.slice(c + 1));
    } else {
      speaker = speakerBefore(between);
      if (speaker && speaker.head.start !== between[0]!.start) speaker = null;
    }
    if (!speaker) continue;
    const headWord = words.find((x) => x.start === speaker!.head.start)?.lower ?? '';
    if (between.length === 0 && PRONOUNS.has(headWord)) continue; // `said it` names no speaker
    // After the cue: only a short adjunct (`on Monday`, `in a statement`), then the end or a
    // comma and more content.
    let rest = words.slice(c + 1).filter((x) => x.start >= (between.length === 0 ? speaker!.head.end : w.end));
    // `…, a school spokesman told The Wall Street Journal.`: the addressee is not content.
    if (w.lower === 'told' && between.length > 0) rest = rest.slice(skipAddressee(rest, 0));
    const stop = rest.findIndex((x) => x.text === ',' || x.text === '.' || x.text === ';');
    const adjunct = (stop < 0 ? rest : rest.slice(0, stop)).filter(isLetterWord);
    if (adjunct.length > 6 || (adjunct[0] && !ADJUNCT_START.test(adjunct[0].lower))) continue;
    const content: Span[] = [{ start: words[0]!.start, end: words[comma - 1]!.end }];
    const more = stop >= 0 && rest[stop]!.text === ',' ? rest.slice(stop + 1) : [];
    if (more.filter(isLetterWord).length >= MIN_CONTENT_WORDS) content.push({ start: more[0]!.start, end: sentenceEnd(words) });
    return { content, cue: w, speaker, confidence: 0.75 };
  }
  return null;
}

const NOUN_TOO = /^(?:state|states|report|reports|note|notes|claim|claims|post|posts|charge|charges|counter|demand|demands|promise|promises|estimate|estimates|remark|remarks|tweet|tweets|reply|replies|chant|chants|read|reads|thanks|echo|echoes|praise|stress|began|begin|begins)$/;
const ADJUNCT_START = /^(?:in|on|at|during|after|before|to|from|last|this|yesterday|today|tonight|earlier|later|recently|monday|tuesday|wednesday|thursday|friday|saturday|sunday|told|of|via|through|when|while|as|about|afterward|afterwards|privately|publicly|again|also|then|repeatedly|late|early|shortly|told)$/;

/** A headline `Trey Gowdy: Benghazi Investigation Helped Reveal …`: a name, a colon, a claim. */
function headline(words: readonly Word[]): Found | null {
  const colon = words.findIndex((w) => w.text === ':');
  if (colon < 1 || colon > 4 || words.length - colon < 4) return null;
  const head = words.slice(0, colon);
  if (!head.every((w) => isCapitalised(w) && isLetterWord(w))) return null;
  // `Not One More Pier: …`, `The Latest: …`, `Breaking: …`: a title or a label, not a name.
  if (head.some((w) => NOT_A_NAME.test(w.lower))) return null;
  if (words.some((w, i) => i > colon && (w.text === '.' || w.text === ':') && i < words.length - 1)) return null;
  const speaker = { head: { start: head[0]!.start, end: head[head.length - 1]!.end }, apposition: null };
  return { content: [{ start: words[colon + 1]!.start, end: sentenceEnd(words) }], cue: { start: words[colon]!.start, end: words[colon]!.end }, speaker, confidence: 0.5 };
}

const EVIDENCE_VERB = /^(?:show|shows|showed|shown|found|finds|find|indicate|indicates|indicated|reveal|reveals|revealed|suggest|suggests|suggested)$/;
const EVIDENCE_NOUN = /^(?:poll|polls|survey|surveys|study|studies|data|report|reports|research|analysis|analyses|numbers|figures|records|documents|results|review|investigation|audit|probe|estimates|statistics|census|tally|count|memo|filings|emails|evidence|polling|surveyed)$/;

// Verb phrases that report without a lexicon verb: `made the claim that`, `went on to note`.
const PHRASE_CUE = /^(?:made|makes|making|make)$/;
const PHRASE_NOUN = /^(?:claim|case|argument|point|allegation|assertion|prediction|promise|pledge)$/;

/** `X said (that) …`: a subject, a cue verb, then a clause to the end of the sentence. */
function leadingCue(text: string, words: readonly Word[]): Found | null {
  for (let c = 1; c < words.length - MIN_CONTENT_WORDS; c++) {
    const w = words[c]!;
    let cueEnd = c;
    let cls = cueClass(w.lower);
    // `A new poll shows Trump leading`, `the study found that …`: evidence speaks through its verb.
    if (!cls && EVIDENCE_VERB.test(w.lower) && EVIDENCE_NOUN.test(words[c - 1]?.lower ?? '')) cls = 'speech';
    if (!cls && PHRASE_CUE.test(w.lower) && (words[c + 1]?.lower === 'the' || words[c + 1]?.lower === 'a') && PHRASE_NOUN.test(words[c + 2]?.lower ?? '') && words[c + 3]?.lower === 'that') {
      cls = 'speech';
      cueEnd = c + 2;
    }
    if (!cls || cls === 'naming' || isCapitalised(w)) continue;
    if (!verbHere(words, c) || inTitledReference(words, c)) continue;
    const participle = w.lower.endsWith('ing');
    if (participle && words[c - 1]?.text !== ',') continue;
    const subjectWords = participle ? words.slice(0, c - 1) : clauseStart(words, c);
    const speaker = speakerBefore(subjectWords);
    if (!speaker) continue;
    const headText = text.slice(speaker.head.start, speaker.head.end);
    if (cls === 'belief' && (!/^(?:he|she|they)$/i.test(headText) && !/^\p{Lu}/u.test(headText) || /^(?:I|We|You)\b/.test(headText) || words[words.length - 1]!.text === '?')) continue;
    if (/^(?:it|this|that)$/i.test(headText)) continue; // `it tells us what …`
    if (w.lower === 'began' || w.lower === 'begin' || w.lower === 'begins') continue;
    if (!participle && speaker.head.start < (subjectWords[0]?.start ?? 0)) continue;
    let k = cueEnd + 1;
    // `said on Monday that …`, `told reporters that …`: `that` after a short adjunct opens the
    // content; `said HLN's coverage would resemble that of …` has no such `that`.
    const that = words.slice(k, k + 7).findIndex((x) => x.lower === 'that');
    const gap = words.slice(k, k + Math.max(0, that));
    if (that >= 0 && (that === 0 || ADJUNCT_START.test(gap[0]!.lower) || takesAddressee(w.lower)) && gap.every((x) => !cueClass(x.lower))) k += that;
    else if (takesAddressee(w.lower)) k = skipAddressee(words, k);
    else k = skipAdjunct(words, k);
    if (k >= words.length) continue;
    const first = words[k]!;
    // A clause must follow: `said that …`, `said he …`, `said the plan …`; not `said nothing`.
    if (!(first.lower === 'that' || PRONOUNS.has(first.lower) || isCapitalised(first) || /^(?:the|a|an|his|her|their|its|this|there|it|some|many|most|no|if|whether|how|why|what)$/.test(first.lower))) continue;
    if (cls === 'belief' && first.lower !== 'that' && !PRONOUNS.has(first.lower) && !/^(?:the|there|it)$/.test(first.lower)) continue;
    const end = clauseEnd(words, k);
    return { content: [{ start: first.start, end }], cue: { start: w.start, end: words[cueEnd]!.end }, speaker, confidence: cls === 'belief' ? 0.5 : 0.65 };
  }
  return null;
}

function verbHere(words: readonly Word[], c: number): boolean {
  const w = words[c]!;
  const prev = words[c - 1];
  if (!prev) return false;
  const before = words[c - 2]?.lower ?? '';
  const toVerb = prev.lower === 'to' && (/^(?:went|go|goes|going|continued|wanted|wants|had|has|have|decided|declined|refused|appeared|seemed|tried|used)$/.test(before) || (before === 'on' && /^(?:went|go|goes|going)$/.test(words[c - 3]?.lower ?? '')));
  if (/^(?:to|the|a|an|his|her|their|its|this|that|of|for|in|on)$/.test(prev.lower) && !toVerb) return false;
  if (/^(?:state|states|report|reports|note|notes|claim|claims|post|posts|charge|charges|counter|demand|demands|promise|promises|estimate|estimates|remark|remarks|tweet|tweets|reply|replies|read|reads|thanks|call|calls|fear|fears|hope|hopes|worry|echo)$/.test(w.lower)) {
    return toVerb || PRONOUNS.has(prev.lower) || /^(?:will|would|can|could|should|may|might|must|did|does|do|also|then|often)$/.test(prev.lower) || (isCapitalised(prev) && /s$/.test(w.lower) && !/ss$/.test(w.lower));
  }
  return true;
}

/** Words back from the cue to the start of its clause. */
export function clauseStart(words: readonly Word[], c: number): Word[] {
  let s = c;
  // `A harbour pilot, who asked not to be named because he was not authorised …, said`: a
  // relative clause between commas belongs to the subject, subordinators and all.
  if (words[c - 1]?.text === ',') {
    for (let j = c - 2; j > 0 && c - j <= 40; j--) {
      if (words[j]!.text !== ',') continue;
      if (/^(?:who|whose|which)$/.test(words[j + 1]?.lower ?? '')) s = j;
      break;
    }
  }
  while (s > 0) {
    const x = words[s - 1]!;
    if (x.text === ';' || x.text === ':') break;
    if (/^(?:that|because|while|when|after|if|although|though|since|but|and)$/.test(x.lower) && s < c) {
      if ((x.lower === 'and' || x.lower === 'but') && s === c) {
        s--;
        continue;
      }
      break;
    }
    s--;
  }
  return words.slice(s, c);
}

export function skipAddressee(words: readonly Word[], k: number): number {
  let n = 0;
  while (k < words.length && n < 4 && (isCapitalised(words[k]!) || /^(?:the|a|an|his|her|their|reporters|supporters|him|her|them|us|me|crowd|audience|journalists|lawmakers|members|voters|donors|students|people|congress)$/.test(words[k]!.lower))) {
    k++;
    n++;
  }
  return skipAdjunct(words, k);
}

// `said Monday`, `said on Tuesday`, `said in a statement`, `said last week`.
export function skipAdjunct(words: readonly Word[], k: number): number {
  const day = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|recently|later|earlier|again|also|repeatedly|previously|publicly|privately|once)$/;
  while (k < words.length && day.test(words[k]!.lower)) k++;
  if (words[k]?.lower === 'on' && day.test(words[k + 1]?.lower ?? '')) k += 2;
  if ((words[k]?.lower === 'last' || words[k]?.lower === 'this') && /^(?:week|weekend|month|year|night|morning|afternoon|evening)$/.test(words[k + 1]?.lower ?? '')) k += 2;
  if (words[k]?.text === ',') k++;
  return k;
}

/** End of reported content: the sentence end, or a break before a new clause. */
export function clauseEnd(words: readonly Word[], k: number): number {
  for (let j = k + 1; j + 1 < words.length; j++) {
    const x = words[j]!;
    const next = words[j + 1]!.lower;
    if (x.text === ';' || x.text === '—' || x.text === '–') return words[j - 1]!.end;
    // A non-restrictive relative clause (`…, who worked on …`) is the writer's, not the speaker's.
    if (x.text === ',' && (isParticipleCue(next) || /^(?:according|but|who|which|where|whose)$/.test(next))) return words[j - 1]!.end;
    // `bemoaned the unrest and said he thought …`: a second speech verb of the subject reports on its own.
    if (x.lower === 'and' && j > k + 1 && cueClass(next) === 'speech' && !next.endsWith('ing')) return words[j - 1]!.end;
  }
  return sentenceEnd(words);
}

/** A content without a citation in brackets at its end: `… as an excuse before (ibid)`. */
function withoutCitation(words: readonly Word[], c: Span): Span {
  const last = words.findIndex((w) => w.end === c.end);
  if (last < 1 || words[last]!.text !== ')') return c;
  let open = last - 1;
  while (open > 0 && words[open]!.text !== '(' && words[open]!.text !== ')' && words[open]!.start >= c.start) open--;
  const inside = words.slice(open + 1, last);
  // A bracket holding a quotation (`to 6 ("They're voting for him")`) is content, not a reference.
  if (words[open]!.text !== '(' || open === 0 || words[open]!.start <= c.start || !isCitation(inside) || inside.some((w) => w.text === '"' || w.text === '“' || w.text === '”')) return c;
  return { start: c.start, end: trimEnd(words, open - 1) };
}

function sentenceEnd(words: readonly Word[]): number {
  let j = words.length - 1;
  while (j > 0 && !isLetterWord(words[j]!) && words[j]!.text !== ')' && words[j]!.text !== '%') j--;
  return words[j]!.end;
}

function trimEnd(words: readonly Word[], j: number): number {
  while (j > 0 && !isLetterWord(words[j]!)) j--;
  return words[j]!.end;
}

function countLetters(words: readonly Word[], s: Span): number {
  let n = 0;
  for (const w of words) if (w.start >= s.start && w.end <= s.end && isLetterWord(w)) n++;
  return n;
}
