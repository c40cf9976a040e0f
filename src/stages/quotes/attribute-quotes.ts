import type { MarkedPhrase, Paragraph, QuoteKind, Sentence, Speaker } from '../../core/layers.js';
import type { Span } from '../../core/span.js';
import type { OutletRegistry } from '../../core/stage.js';
import { classifyMarkedPhrase } from './classify-marked-phrase.js';
import { countWords, endsWithFullStop, endsWithPause, mixedEnd, paragraphIndex, sentenceAt, WINDOW } from './clause-bounds.js';
import { describeSpeaker, OUTLET, unknownSpeaker } from './describe-speaker.js';
import { addedClause, cueLeft, cueRight, leadingWords, possessiveNounCue, QUOTE_MARK, subjectVerbBefore, type Cue } from './find-cues.js';
import { speakerAfter } from './find-speaker.js';
import type { MarkedSpan } from './pair-quote-marks.js';
import type { PersonMention } from './resolve-pronoun.js';
import { isCapitalised, isLetterWord, wordsIn, type Word } from './words.js';

/** A quotation found around quotation marks, before ids are given. */
export interface FoundQuote {
  readonly kind: QuoteKind;
  readonly content: Span[];
  readonly cue: Span | null;
  readonly speaker: Speaker;
  readonly confidence: number;
  /** The marked spans this quotation took in, so reported speech does not take them again. */
  readonly covers: Span;
}

export interface AttributionInput {
  readonly text: string;
  readonly paragraphs: readonly Paragraph[];
  readonly sentences: readonly Sentence[];
  readonly marked: readonly MarkedSpan[];
  readonly people: readonly PersonMention[];
  readonly outlets: OutletRegistry | undefined;
}

/**
 * Attributes each top-level quotation to a cue and a speaker, looking right of the closing
 * mark (`"…," Smith said`, `"…," said Smith, a doctor`, `"…" — Jane Doe`) and left of the
 * opening one (`Smith told reporters: "…"`, `According to Smith, "…"`). A cue left of the mark
 * with words between (`He called the deal "a disaster"`) makes a mixed quotation whose content
 * runs from the cue to the end of the clause. A quotation with no cue continues the last
 * attributed one of its paragraph, or one introduced by a colon at the end of the paragraph
 * before; short ones with no cue are scare quotes or titles.
 */
export function attributeQuotes(input: AttributionInput): { quotes: FoundQuote[]; phrases: Omit<MarkedPhrase, 'id'>[]; singleIsScare: boolean } {
  const { text, paragraphs, sentences, people, outlets } = input;
  const tops = topLevel(input);
  const singleIsScare = quotesInDoubleMarks(text, tops);
  const quotes: FoundQuote[] = [];
  const phrases: Omit<MarkedPhrase, 'id'>[] = [];
  let consumedUntil = -1;
  let last: { quote: FoundQuote; paragraph: number } | null = null;
  // Mixed only by the words that lead into the marks (`In past campaigns, "we felt …," he said`):
  // a direct quotation in all but name, which later marks may continue.
  const ledIn = new Set<FoundQuote>();
  const runsLikeDirect = (x: FoundQuote): boolean => x.kind === 'direct' || ledIn.has(x);

  for (let k = 0; k < tops.length; k++) {
    const q = tops[k]!;
    const open = q.outer[0]!.start;
    const close = q.outer[q.outer.length - 1]!.end;
    if (open < consumedUntil) continue;
    const pi = paragraphIndex(paragraphs, open);
    const para = paragraphs[pi]!;
    const closePara = paragraphs[paragraphIndex(paragraphs, close - 1)]!;
    const prev = tops[k - 1];
    const next = tops[k + 1];
    const prevEnd = prev && prev.outer[prev.outer.length - 1]!.end > para.start ? prev.outer[prev.outer.length - 1]!.end : para.start;
    const nextStart = next && next.outer[0]!.start < closePara.end ? next.outer[0]!.start : closePara.end;
    // A line break inside a paragraph ends what came before (`…” ― Sonya Herridge⏎“During …`).
    const leftStart = afterLineBreak(text, Math.max(sentenceAt(sentences, open)?.start ?? para.start, prevEnd, open - WINDOW), open);
    // Not cut at the sentence end: `"…?" Sanders replied.` splits there.
    const rightEnd = beforeLineBreak(text, close, Math.min(nextStart, close + WINDOW));
    let left = wordsIn(text, leftStart, open);
    // Inside an open parenthesis (`(Smith, 'Title', Outlet, 2015)`) the clause starts there.
    const paren = left.map((w) => w.text).lastIndexOf('(');
    if (paren >= 0 && !left.slice(paren).some((w) => w.text === ')')) left = left.slice(paren);
    const right = wordsIn(text, close, rightEnd);
    const words = countWords(text, q.inner);

    // An article that quotes in double marks writes scare quotes in single ones: `the coalition
    // had used 'friendly fire' as an excuse`, `hit the market 'accidentally'`.
    if (singleIsScare && q.family === 'single' && words <= 3) {
      phrases.push(classifyMarkedPhrase(text, q, left, words) ?? { kind: 'scare', span: { start: open, end: close }, confidence: 0.6 });
      continue;
    }
    // `Sanders told MSNBC's "Andrea Mitchell Reports"`, `said on "New Day."`: a show's title, even next to a cue.
    if (q.family !== 'block' && isProgrammeTitle(text, q, left)) {
      phrases.push({ kind: 'title', span: { start: open, end: close }, confidence: 0.6 });
      continue;
    }
    // A transcript's speaker label opens the marks: `"PENCE: Well, look, …`.
    const label = q.family === 'double' ? speakerLabel(text, q.inner[0]!) : null;
    if (label) {
      const content = [{ start: label.contentStart, end: q.inner[0]!.end }, ...q.inner.slice(1)];
      const quote: FoundQuote = { kind: 'direct', content, cue: label.cue, speaker: describeSpeaker(text, { head: label.head, apposition: null }, people, outlets), confidence: 0.8, covers: { start: open, end: close } };
      quotes.push(quote);
      last = { quote, paragraph: pi };
      continue;
    }
    const r = q.family === 'block' ? (q.signOff ? signOffCue(text, q.signOff) : null) : cueRight(right, endsWithFullStop(text, q), endsWithPause(text, q));
    let l = r ? null : cueLeft(text, left);
    // A cue with no subject of its own (`…," and said …`) shares the quotation before it in the paragraph.
    const sharer = l && !l.cue.speaker && last && last.paragraph === pi && last.quote.speaker.mention ? last.quote : null;
    if (l && !l.cue.speaker && !sharer) l = null;
    const speakerOf = (c: Cue): Speaker => (!c.speaker && sharer ? sharer.speaker : describeSpeaker(text, c.speaker, people, outlets));

    if (l && l.bare && right[0] && isLetterWord(right[0]) && !/[.!?]$/.test(text.slice(q.inner[0]!.start, q.inner[q.inner.length - 1]!.end))) {
      const end = mixedEnd(text, sentences, close, closePara.end);
      const content = { start: open, end: Math.max(close, end) };
      const quote: FoundQuote = { kind: 'mixed', content: [content], cue: l.cue.span, speaker: speakerOf(l.cue), confidence: 0.7, covers: content };
      quotes.push(quote);
      last = { quote, paragraph: pi };
      consumedUntil = content.end;
      continue;
    }
    if (l && l.kind === 'mixed') {
      // Content runs from after the cue to the end of the clause, taking in later marks.
      const end = mixedEnd(text, sentences, close, closePara.end);
      const content = { start: l.contentStart, end: Math.max(close, end) };
      const quote: FoundQuote = { kind: 'mixed', content: [content], cue: l.cue.span, speaker: speakerOf(l.cue), confidence: 0.7, covers: content };
      quotes.push(quote);
      last = { quote, paragraph: pi };
      consumedUntil = content.end;
      continue;
    }
    // `Teachers who connect online are "very, very pro-Bernie," Kilfoyle said`: the words before
    // the marks in the same sentence belong to the quotation, which is then mixed.
    if (r && r.speaker && q.family !== 'block') {
      const lead = leadingWords(left);
      if (lead !== null) {
        const content = { start: lead, end: q.inner[q.inner.length - 1]!.end };
        const quote: FoundQuote = { kind: 'mixed', content: [content], cue: r.span, speaker: speakerOf(r), confidence: 0.7, covers: { start: lead, end: close } };
        quotes.push(quote);
        ledIn.add(quote);
        last = { quote, paragraph: pi };
        continue;
      }
    }
    const cue = r ?? l?.cue ?? null;
    if (cue && (cue.speaker || (sharer && cue === l?.cue))) {
      // `"…," he said, "…"`: the second part has the same cue.
      const prevQuote = last && last.paragraph === pi ? last.quote : null;
      // … unless the later marks hold a fragment of a sentence that goes on in the writer's words
      // (`"…," Warren said. "You squeezed employees" to drive up the stock price, she said`).
      const goesOn = /^\s*[a-z]/.test(text.slice(close, close + 3)) && !r;
      if (prevQuote && prevQuote.cue && prevQuote.cue.start === cue.span.start && !goesOn) {
        prevQuote.content.push(...q.inner);
        continue;
      }
      const quote: FoundQuote = { kind: 'direct', content: [...q.inner], cue: cue.span, speaker: speakerOf(cue), confidence: 0.9, covers: { start: open, end: close } };
      quotes.push(quote);
      last = { quote, paragraph: pi };
      // `"…," Smith said, adding that the plan would fail.`: a second, reported, attribution.
      if (r) {
        const adding = addedClause(text, right, r, sentences);
        if (adding) {
          quotes.push({ kind: QUOTE_MARK.test(text.slice(adding.content.start, adding.content.end)) ? 'mixed' : 'indirect', content: [adding.content], cue: adding.cue, speaker: quote.speaker, confidence: 0.6, covers: adding.content });
          consumedUntil = Math.max(consumedUntil, adding.content.end);
        }
      }
      continue;
    }
    // No cue of its own: a continuation of the paragraph's last quotation …
    const sentenceLike = words > 3 || /[.!?…]$/.test(text.slice(q.inner[0]!.start, q.inner[q.inner.length - 1]!.end));
    // `(Anna Reyes, 'Witnesses describe …', The Washington Post)`: a title in a reference.
    const inParens = paren >= 0 && !left.slice(paren).some((w) => w.text === ')');
    // The later paragraphs of one quotation (opening mark on each) continue it whoever speaks.
    const runsOn = q.continues === true && last !== null && last.paragraph === pi - 1 && runsLikeDirect(last.quote);
    // Only a direct quotation runs on: after `called the plan "a disaster."`, a sentence in
    // marks is a quotation of its own (which takes the same speaker below).
    const fragmentGoesOn = /^\s*[a-z]/.test(text.slice(close, close + 3)) && !/[.!?…]$/.test(text.slice(q.inner[0]!.start, q.inner[q.inner.length - 1]!.end));
    if (last && !inParens && !(fragmentGoesOn && !runsOn) && (runsOn || (last.paragraph === pi && runsLikeDirect(last.quote)) || (last.paragraph === pi - 1 && open === para.start && runsLikeDirect(last.quote) && last.quote.speaker.mention !== null)) && sentenceLike) {
      last.quote.content.push(...q.inner);
      continue;
    }
    // … or a quotation introduced at the end of the paragraph before (`Cruz continued:`).
    if (open === para.start && pi > 0 && words > 3) {
      const before = paragraphs[pi - 1]!;
      if (text[before.end - 1] === ':') {
        const s = sentenceAt(sentences, before.end - 1);
        const intro = cueLeft(text, wordsIn(text, Math.max(s?.start ?? before.start, before.end - WINDOW), before.end));
        if (intro && intro.kind === 'direct') {
          const quote: FoundQuote = { kind: 'direct', content: [...q.inner], cue: intro.cue.span, speaker: speakerOf(intro.cue), confidence: 0.8, covers: { start: open, end: close } };
          quotes.push(quote);
          last = { quote, paragraph: pi };
          continue;
        }
      }
    }
    const phrase = classifyMarkedPhrase(text, q, left, words);
    // `Merkel condemned ''such a murderous attack''`: a named subject and its verb right before
    // a short quotation report what the subject said, though the verb is not a speech verb.
    const verbal = phrase?.kind !== 'title' && phrase?.kind !== 'term' ? subjectVerbBefore(left) ?? possessiveNounCue(left) : null;
    if (verbal) {
      const end = mixedEnd(text, sentences, close, closePara.end);
      const content = { start: Math.min(verbal.contentStart, open), end: Math.max(close, end) };
      const quote: FoundQuote = { kind: 'mixed', content: [content], cue: verbal.cue.span, speaker: speakerOf(verbal.cue), confidence: 0.4, covers: content };
      quotes.push(quote);
      last = { quote, paragraph: pi };
      consumedUntil = content.end;
      continue;
    }
    if (phrase) {
      phrases.push(phrase);
      continue;
    }
    // A phrase of a few words with no cue and no full stop is a scare quote, not a quotation.
    if (words <= 10 && !/[.!?…]$/.test(text.slice(q.inner[0]!.start, q.inner[q.inner.length - 1]!.end))) {
      phrases.push({ kind: 'scare', span: { start: open, end: close }, confidence: 0.5 });
      continue;
    }
    // Otherwise the speaker of the paragraph's last quotation. Across paragraphs the stage's
    // `inheritSpeakers` decides, as it also sees reported speech, which is often nearer.
    const inherited = last && last.paragraph >= pi && last.quote.speaker.mention && text.slice(last.quote.speaker.mention.start, last.quote.speaker.mention.end).toLowerCase() !== 'who';
    const speaker = inherited ? last!.quote.speaker : unknownSpeaker();
    const quote: FoundQuote = { kind: 'direct', content: [...q.inner], cue: null, speaker, confidence: speaker.mention ? 0.5 : 0.4, covers: { start: open, end: close } };
    quotes.push(quote);
    last = { quote, paragraph: pi };
  }
  return { quotes, phrases, singleIsScare };
}

// Capitals before a colon that head a line but name no speaker: `VIDEO: …`, `UPDATE: …`.
const NOT_A_LABEL = /^(?:VIDEO|WATCH|UPDATE|UPDATED|BREAKING|EXCLUSIVE|PHOTO|PHOTOS|READ|NOTE|EDITOR'?S NOTE|CORRECTION|LISTEN|AUDIO|LIVE|POLL|NEW|FACT CHECK|REPORT|ALERT|WARNING|SOURCE|SOURCES|Q|A|FULL TEXT|TRANSCRIPT|CROSSTALK|APPLAUSE|LAUGHTER)$/;

/**
 * A transcript's speaker label at the start of a quotation (`PENCE: Well, …`, `JAKE TAPPER: …`):
 * one to three words in capitals and a colon. PolNeAR takes the label as the source, the colon
 * as the cue and what follows as the content.
 */
function speakerLabel(text: string, inner: Span): { head: Span; cue: Span; contentStart: number } | null {
  const m = /^([A-Z][A-Z'’.-]*(?: [A-Z][A-Z'’.-]*){0,2}):[ \u00a0]+(?=\S)/.exec(text.slice(inner.start, Math.min(inner.end, inner.start + 48)));
  if (!m || m[1]!.replace(/[^A-Z]/g, '').length < 2 || NOT_A_LABEL.test(m[1]!)) return null;
  const colon = inner.start + m[1]!.length;
  return { head: { start: inner.start, end: colon }, cue: { start: colon, end: colon + 1 }, contentStart: inner.start + m[0].length };
}

/** The start of the last line that begins in [from, to): `from` when no line break is there. Scans only that range. */
function afterLineBreak(text: string, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (text.charCodeAt(i) === 10) return i + 1;
  return from;
}

/** The first line break in [from, to), else `to`. */
function beforeLineBreak(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return i;
  return to;
}

// Before a programme's name: an outlet's possessive (`MSNBC's`, `Fox News Channel's`) or `on`.
const PROGRAMME_BEFORE = /^(?:on|with)$/;

/** A title-case name of a show or publication: `MSNBC's "Andrea Mitchell Reports,"`, `on "Meet the Press."` */
function isProgrammeTitle(text: string, q: MarkedSpan, left: readonly Word[]): boolean {
  const prev = left[left.length - 1];
  if (!prev || q.inner.length !== 1) return false;
  const inner = wordsIn(text, q.inner[0]!.start, q.inner[0]!.end).filter(isLetterWord);
  if (inner.length === 0 || inner.length > 7 || !inner.every((w) => isCapitalised(w) || /^(?:of|the|a|and|in|on|for|to|with)$/.test(w.lower))) return false;
  // `told "Fox and Friends,"`: a title-case name holding an outlet's name.
  if (inner.length >= 2 && OUTLET.test(text.slice(q.inner[0]!.start, q.inner[0]!.end))) return true;
  const owner = /^(.*)[’']s$/.exec(prev.text)?.[1];
  if (owner) return OUTLET.test(owner) || /^[A-Z]{2,}$/.test(owner) || OUTLET.test(text.slice(Math.max(0, prev.start - 30), prev.end));
  return PROGRAMME_BEFORE.test(prev.lower) && inner.length >= 2;
}

/** True when the article's longer quotations (four words or more) are in double marks more often than single. */
function quotesInDoubleMarks(text: string, tops: readonly MarkedSpan[]): boolean {
  let double = 0;
  let single = 0;
  for (const t of tops) {
    if (t.family === 'block' || countWords(text, t.inner) < 4) continue;
    if (t.family === 'single') single++;
    else double++;
  }
  return double > single;
}

/**
 * A top-level quotation; `continues` marks the second and later paragraphs of one that runs on,
 * `signOff` the paragraph that signs a block quotation.
 */
type Top = MarkedSpan & { readonly continues?: boolean; readonly signOff?: Span };

function isSignOff(text: string, p: Span): boolean {
  return /^[—–―-]{1,2}\s*\p{Lu}/u.test(text.slice(p.start, p.start + 6)) && countWords(text, [p]) <= 25;
}

/** The cue and speaker of a signed block quotation: the dash and the name after it. */
function signOffCue(text: string, p: Span): Cue | null {
  const words = wordsIn(text, p.start, p.end);
  const speaker = words[0] ? speakerAfter(words.slice(1)) : null;
  return speaker ? { span: words[0]!, speaker, after: words[0]!.end } : null;
}

/** Top-level marked spans, plus block quotations with no marks of their own. */
function topLevel(input: AttributionInput): Top[] {
  // A quotation over several paragraphs is attributed paragraph by paragraph: a later
  // paragraph with a cue of its own starts a new quotation, one without continues it.
  const tops = input.marked
    .filter((m) => m.depth === 0 && (m.family !== 'single' || isPrimarySingle(input.text, m)))
    .flatMap((m): Top[] => (m.outer.length === 1 ? [m] : m.outer.map((o, i) => ({ ...m, outer: [o], inner: [m.inner[i]!], continues: i > 0 }))));
  const out: Top[] = [];
  let t = 0;
  let runStart = -1; // index in `out` of the first paragraph of the block quotation being read
  let lastBlock = -2; // paragraph index of the last block paragraph
  input.paragraphs.forEach((p, pi) => {
    while (t < tops.length && tops[t]!.outer[0]!.start < p.start) out.push(tops[t++]!);
    if (p.kind === 'blockquote' && !(tops[t] && tops[t]!.outer[0]!.start === p.start)) {
      const continues = lastBlock === pi - 1 && runStart >= 0;
      // `— Maria Sol, a volunteer with the Delta Relief Network` closing a block quotation signs it.
      if (continues && isSignOff(input.text, p)) out[runStart] = { ...out[runStart]!, signOff: p };
      else {
        out.push({ outer: [p], inner: [p], family: 'block', depth: 0, closed: true, continues });
        if (!continues) runStart = out.length - 1;
      }
      lastBlock = pi;
      while (t < tops.length && tops[t]!.outer[0]!.start < p.end) t++; // marks inside the block are nested
    }
  });
  while (t < tops.length) out.push(tops[t++]!);
  return out;
}

/** A single-quoted span is a quotation only when it holds a few words (British style, headlines). */
function isPrimarySingle(text: string, m: MarkedSpan): boolean {
  return m.inner.some((s) => /[\p{L}\p{N}]/u.test(text.slice(s.start, Math.min(s.end, s.start + 40))));
}

