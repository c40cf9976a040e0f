import type { MarkedPhrase, Paragraph, Quote, QuotesLayer, Sentence } from '../../core/layers.js';
import { compareSpans, type Span } from '../../core/span.js';
import { defineStage } from '../../core/stage.js';
import { attributeQuotes } from './attribute-quotes.js';
import { paragraphIndex, sentenceAt, WINDOW, writerClauseAfterQuote } from './clause-bounds.js';
import { cueClass } from './cue-lexicon.js';
import { isLetterWord, wordsIn } from './words.js';
import { findReportedSpeech } from './find-reported-speech.js';
import { pairQuoteMarks, type MarkedSpan } from './pair-quote-marks.js';
import { findOutletMentions, isOutletNoun, resolveOutletNoun, type OutletMention } from './resolve-outlet.js';
import { findPeople } from './resolve-pronoun.js';

/**
 * Quotations (direct, mixed, reported) with their cue and speaker, and the marked phrases
 * (scare quotes, titles, terms) that are not quotations. Pure: reads the text and the
 * structure layer, and asks the outlet registry whether a speaker is a news outlet.
 */
export const quotesStage = defineStage({
  provides: 'quotes',
  version: '1',
  requires: ['structure'],
  run(ctx, { structure }) {
    const text = ctx.input.text;
    const paired = pairQuoteMarks(text, structure.paragraphs);
    const people = findPeople(text);
    const found = attributeQuotes({
      text,
      paragraphs: structure.paragraphs,
      sentences: structure.sentences,
      marked: paired.spans,
      people,
      outlets: ctx.resources?.outlets,
    });
    const taken = found.quotes.map((q) => q.covers).sort(compareSpans);
    const reported = findReportedSpeech({ text, sentences: structure.sentences, taken, people, outlets: ctx.resources?.outlets });
    // Reported speech around a scare-quoted phrase (`So are a "small handful" of companies,
    // Gilbert said`) is a mixed quotation: the phrase is part of its content, not a scare quote.
    const inContent = (p: Span) => reported.some((r) => r.content.some((c) => c.start <= p.start && p.end <= c.end));
    // An article that quotes in double marks keeps single ones for scare quotes (`had used
    // 'friendly fire' as an excuse`): those stay marked phrases inside reported speech too.
    const singleIsScare = found.singleIsScare;
    const phrases = found.phrases.filter((p) => p.kind === 'title' || (singleIsScare && isSingleMarked(text, p.span)) || !inContent(p.span));
    // Reported content holding a quotation in double marks is mixed; a stray mark (`6'3" tall`) is not a quotation.
    const markAt = doubleMarkPositions(text, paired.spans);
    const holdsQuotation = (c: Span) => {
      const i = lowerBound(markAt, c.start);
      return i < markAt.length && markAt[i]! < c.end;
    };
    const reportedQuotes = reported.map((r) =>
      r.content.some(holdsQuotation)
        ? { ...r, kind: 'mixed' as const, content: r.content.map((c) => endAtWriterClause(text, c)) }
        : { ...r, kind: 'indirect' as const },
    );
    // One quotation, two readings (`Tribe likened the rules to "burning the Constitution"`, read
    // by a learned cue and by a weak subject-and-verb rule): the more confident one stays.
    const covering = coveringContents(reportedQuotes.filter((r) => r.kind === 'mixed'));
    const foundKept = found.quotes.filter((f) => !(f.kind === 'mixed' && f.content.length === 1 && covering(f.content[0]!, f.confidence)));
    const ordered = oneReadingPerCue([...foundKept, ...reportedQuotes])
      .filter((q) => q.content.length > 0)
      .map((q) => ({ ...q, content: [...q.content].sort(compareSpans) }))
      .sort((a, b) => compareSpans(a.content[0]!, b.content[0]!));
    // `the paper reported`: resolved against the outlets named before, found only when needed.
    let outletMentions: OutletMention[] | null = null;
    const resolved = ordered.map((q) => {
      if (!q.speaker.mention || !isOutletNoun(text, q.speaker.mention)) return q;
      outletMentions ??= findOutletMentions(text, ctx.resources?.outlets);
      return { ...q, speaker: resolveOutletNoun(text, q.speaker, outletMentions) };
    });
    const quotes: Quote[] = inheritSpeakers(text, resolved, structure.paragraphs)
      .map((q) => embeddedFragment(text, structure.sentences, q))
      .reduce<Unnumbered[]>(joinSameCue, [])
      .map((q, i) => ({
        id: `q${i + 1}`,
        kind: q.kind,
        content: q.content.map(plain),
        cue: q.cue && plain(q.cue),
        speaker: { ...q.speaker, mention: q.speaker.mention && plain(q.speaker.mention), antecedent: q.speaker.antecedent && plain(q.speaker.antecedent) },
        confidence: q.confidence,
      }));
    const markedPhrases: MarkedPhrase[] = phrases.sort((a, b) => compareSpans(a.span, b.span)).map((m, i) => ({ id: `m${i + 1}`, kind: m.kind, span: plain(m.span), confidence: m.confidence }));
    const layer: QuotesLayer = { quotes, markedPhrases };
    return { layer, diagnostics: paired.diagnostics };
  },
});

const QUOTE_MARK = /["“”„«»]/;

/**
 * Where the quotations in double marks open and close (each pair's first and last mark of each
 * part), sorted: a span holds a quotation when one of them falls inside it. A stray mark
 * (`6'3" tall`), never paired, is not among them.
 */
function doubleMarkPositions(text: string, spans: readonly MarkedSpan[]): number[] {
  const at: number[] = [];
  for (const m of spans) {
    if (!QUOTE_MARK.test(text[m.outer[0]!.start] ?? '') && !QUOTE_MARK.test(text[m.outer[m.outer.length - 1]!.end - 1] ?? '')) continue;
    for (const o of m.outer) at.push(o.start, o.end - 1);
  }
  return at.sort((a, b) => a - b);
}

/** Index of the first number in `sorted` that is at least `x`. */
function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Whether some relation's content, more confident than `confidence`, contains the span: contents
 * sorted by start and searched back only as far as the longest one reaches (linear overall).
 */
function coveringContents(relations: readonly { readonly content: readonly Span[]; readonly confidence: number }[]): (s: Span, confidence: number) => boolean {
  const items = relations.flatMap((r) => r.content.map((c) => ({ start: c.start, end: c.end, confidence: r.confidence }))).sort((a, b) => a.start - b.start);
  const longest = items.reduce((n, c) => Math.max(n, c.end - c.start), 0);
  const starts = items.map((c) => c.start);
  return (s, confidence) => {
    for (let i = lowerBound(starts, s.start + 1) - 1; i >= 0 && items[i]!.start >= s.start - longest; i--) {
      const c = items[i]!;
      if (c.confidence > confidence && c.end >= s.end) return true;
    }
    return false;
  };
}

/**
 * A fragment run back to a cue that already heads the quotation before it (`calling him a
 * "talented guy" when required to "deliver a speech"`) extends that quotation.
 */
function joinSameCue(out: Unnumbered[], q: Unnumbered): Unnumbered[] {
  const prev = out[out.length - 1];
  if (prev && q.cue && prev.cue && prev.cue.start === q.cue.start && prev.kind === 'mixed' && q.kind === 'mixed' && prev.content.length === 1 && q.content.length === 1 && q.content[0]!.start <= prev.content[0]!.end) {
    out[out.length - 1] = { ...prev, content: [{ start: prev.content[0]!.start, end: Math.max(prev.content[0]!.end, q.content[0]!.end) }] };
    return out;
  }
  out.push(q);
  return out;
}

/**
 * Two quotations with the same cue over overlapping content are two readings of one (`calling him
 * a "talented guy"`, ended at the marks by one rule and at the sentence end by another): the
 * more confident stays.
 */
function oneReadingPerCue<T extends { kind: string; cue: Span | null; content: readonly Span[]; confidence: number }>(quotes: readonly T[]): T[] {
  const byCue = new Map<number, T[]>();
  for (const q of quotes) {
    if (!q.cue || q.kind === 'indirect') continue;
    const group = byCue.get(q.cue.start);
    if (group) group.push(q);
    else byCue.set(q.cue.start, [q]);
  }
  const dropped = new Set<T>();
  for (const group of byCue.values()) {
    if (group.length < 2) continue;
    const sorted = [...group].sort((a, b) => b.confidence - a.confidence);
    for (let i = 1; i < sorted.length; i++) {
      const q = sorted[i]!;
      if (sorted.slice(0, i).some((k) => !dropped.has(k) && k.content.some((x) => q.content.some((y) => x.start < y.end && y.start < x.end)))) dropped.add(q);
    }
  }
  return dropped.size === 0 ? [...quotes] : quotes.filter((q) => !dropped.has(q));
}

/**
 * A quoted fragment with no cue of its own, set inside the writer's clause (`allies wanted to
 * know if the U.S. is "still in the game."`), reports that clause: its content runs back to the
 * clause's `that`, `whether` or `if`, or to the nearest speech or belief verb, else to the
 * sentence start (PolNeAR annotates the clause, earlier quoted words included).
 */
function embeddedFragment<T extends Unnumbered>(text: string, sentences: readonly Sentence[], q: T): T {
  if (q.kind !== 'direct' || q.cue || q.content.length !== 1) return q;
  const c = q.content[0]!;
  let mark = c.start - 1;
  while (mark > 0 && /\s/.test(text[mark]!)) mark--;
  if (!QUOTE_MARK.test(text[mark] ?? '')) return q;
  const s = sentenceAt(sentences, mark);
  if (!s) return q;
  // A window back from the mark keeps this linear on an endless "sentence" of fragments.
  const words = wordsIn(text, Math.max(s.start, mark - WINDOW), mark);
  const last = words[words.length - 1];
  if (!last || !isLetterWord(last)) return q;
  // `…, adding "we need everyone on it."`: the speech verb right before the marks is the cue.
  if (cueClass(last.lower) === 'speech') return { ...q, cue: { start: last.start, end: last.end } };
  let start = words[0]!.start;
  let cue: Span | null = null;
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]!;
    if (/^(?:that|whether|if)$/.test(w.lower)) {
      start = w.start;
      break;
    }
    if (cueClass(w.lower) && i < words.length - 1) {
      start = words[i + 1]!.start;
      cue = { start: w.start, end: w.end };
      break;
    }
  }
  if (start >= c.start) return q;
  const end = /["”»]/.test(text[c.end] ?? '') ? c.end + 1 : c.end;
  return { ...q, kind: 'mixed', content: [{ start, end }], cue: cue ?? q.cue };
}

/**
 * Reported speech holding a quoted fragment ends where the writer's own words take over after
 * the fragment's closing mark (`that the contest had been "rigged" against him, a charge that …`).
 */
function endAtWriterClause(text: string, c: Span): Span {
  let close = -1;
  for (let i = c.end - 1; i > c.start; i--) {
    const ch = text[i]!;
    if (ch === '”' || ch === '»' || (ch === '"' && !/\s/.test(text[i - 1]!))) {
      close = i + 1;
      break;
    }
  }
  if (close < 0 || close >= c.end) return c;
  const tail = wordsIn(text, close, c.end);
  if (writerClauseAfterQuote(text, tail, text[close - 2] === ',') !== 0) return c;
  let end = tail[0]!.start;
  while (end > close && /[\s,;:]/.test(text[end - 1]!)) end--;
  return { start: c.start, end };
}

function isSingleMarked(text: string, s: Span): boolean {
  const c = text[s.start] ?? '';
  return (c === "'" || c === '‘' || c === '’') && text[s.start + 1] !== "'";
}

type Unnumbered = Omit<Quote, 'id'>;

/**
 * A quotation with neither cue nor speaker takes the speaker of the attribution just before it,
 * in its paragraph or the one before, reported speech included:
 * `Smith said the plan would fail.` ¶ `"It is a disaster."`.
 */
function inheritSpeakers<T extends Unnumbered>(text: string, quotes: readonly T[], paragraphs: readonly Paragraph[]): T[] {
  let previous: T | null = null;
  return quotes.map((q) => {
    let out = q;
    if (!q.cue && !q.speaker.mention && previous?.speaker.mention && !introducedBySpeech(text, q.content[0]!.start)) {
      const here = paragraphIndex(paragraphs, q.content[0]!.start);
      const there = paragraphIndex(paragraphs, previous.content[previous.content.length - 1]!.start);
      if (here - there <= 1) out = { ...q, speaker: previous.speaker, confidence: Math.min(q.confidence, 0.5) };
    }
    if (out.speaker.mention) previous = out;
    return out;
  });
}

/**
 * True when a speech verb right before the opening mark introduces the quotation (`…, children —
 * declaring, "I'm on meth."`): someone else speaks there, whom the rules could not name, so the
 * speaker of the quotation before is not passed on.
 */
function introducedBySpeech(text: string, contentStart: number): boolean {
  const words = wordsIn(text, Math.max(0, contentStart - 40), contentStart).filter(isLetterWord);
  const last = words[words.length - 1];
  return last !== undefined && cueClass(last.lower) === 'speech' && /[,:]\s*["“«„']?\s*$/.test(text.slice(last.end, contentStart));
}

/** A bare `{start, end}`: helpers pass words, which carry their text too. */
function plain(s: Span): Span {
  return { start: s.start, end: s.end };
}

export { pairQuoteMarks } from './pair-quote-marks.js';
export type { MarkedSpan, PairedMarks } from './pair-quote-marks.js';
