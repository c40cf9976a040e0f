import type { MarkedPhrase, Paragraph, Quote, QuoteKind, Sentence, Speaker } from '../../core/layers.js';
import type { Span } from '../../core/span.js';
import type { OutletRegistry } from '../../core/stage.js';
import { classifyMarkedPhrase } from './classify-marked-phrase.js';
import { cueClass, isParticipleCue, takesAddressee } from './cue-lexicon.js';
import { describeSpeaker, unknownSpeaker } from './describe-speaker.js';
import { PRONOUNS, speakerAfter, speakerBefore, type SpeakerPhrase } from './find-speaker.js';
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

const WINDOW = 320; // characters looked at on each side of a quotation: keeps the scan linear

interface Cue {
  readonly span: Span;
  readonly speaker: SpeakerPhrase | null;
  /** Where the words after the cue (addressee, adjuncts) end. */
  readonly after: number;
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
export function attributeQuotes(input: AttributionInput): { quotes: FoundQuote[]; phrases: Omit<MarkedPhrase, 'id'>[] } {
  const { text, paragraphs, sentences, people, outlets } = input;
  const tops = topLevel(input);
  const quotes: FoundQuote[] = [];
  const phrases: Omit<MarkedPhrase, 'id'>[] = [];
  let consumedUntil = -1;
  let last: { quote: FoundQuote; paragraph: number } | null = null;

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
    const leftStart = Math.max(sentenceAt(sentences, open)?.start ?? para.start, prevEnd, open - WINDOW);
    // Not cut at the sentence end: `"…?" Sanders replied.` splits there.
    const rightEnd = Math.min(nextStart, close + WINDOW);
    let left = wordsIn(text, leftStart, open);
    // Inside an open parenthesis (`(Smith, 'Title', Outlet, 2015)`) the clause starts there.
    const paren = left.map((w) => w.text).lastIndexOf('(');
    if (paren >= 0 && !left.slice(paren).some((w) => w.text === ')')) left = left.slice(paren);
    const right = wordsIn(text, close, rightEnd);
    const words = countWords(text, q.inner);

    const r = q.family === 'block' ? null : cueRight(right, endsWithFullStop(text, q), endsWithPause(text, q));
    const l = r ? null : cueLeft(text, left);
    const speakerOf = (c: Cue): Speaker => describeSpeaker(text, c.speaker, people, outlets);

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
      if (lead) {
        const content = { start: lead, end: q.inner[q.inner.length - 1]!.end };
        const quote: FoundQuote = { kind: 'mixed', content: [content], cue: r.span, speaker: speakerOf(r), confidence: 0.7, covers: { start: lead, end: close } };
        quotes.push(quote);
        last = { quote, paragraph: pi };
        continue;
      }
    }
    const cue = r ?? l?.cue ?? null;
    if (cue && cue.speaker) {
      // `"…," he said, "…"`: the second part has the same cue.
      const prevQuote = last && last.paragraph === pi ? last.quote : null;
      if (prevQuote && prevQuote.cue && prevQuote.cue.start === cue.span.start) {
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
    if (last && (last.paragraph === pi || (last.paragraph === pi - 1 && open === para.start && last.quote.kind === 'direct' && last.quote.speaker.mention !== null)) && sentenceLike) {
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
    const verbal = phrase?.kind !== 'title' && phrase?.kind !== 'term' ? subjectVerbBefore(left) : null;
    if (verbal) {
      const end = mixedEnd(text, sentences, close, closePara.end);
      const content = { start: verbal.contentStart, end: Math.max(close, end) };
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
    // Otherwise the speaker of the paragraph before, if it had one: articles alternate
    // a paragraph of quotation with one of attribution.
    const inherited = last && last.paragraph >= pi - 1 && last.quote.speaker.mention && text.slice(last.quote.speaker.mention.start, last.quote.speaker.mention.end).toLowerCase() !== 'who';
    const speaker = inherited ? last!.quote.speaker : unknownSpeaker();
    const quote: FoundQuote = { kind: 'direct', content: [...q.inner], cue: null, speaker, confidence: speaker.mention ? 0.5 : 0.4, covers: { start: open, end: close } };
    quotes.push(quote);
    last = { quote, paragraph: pi };
  }
  return { quotes, phrases };
}

/** Top-level marked spans, plus block quotations with no marks of their own. */
function topLevel(input: AttributionInput): MarkedSpan[] {
  // A quotation over several paragraphs is attributed paragraph by paragraph: a later
  // paragraph with a cue of its own starts a new quotation, one without continues it.
  const tops = input.marked
    .filter((m) => m.depth === 0 && (m.family !== 'single' || isPrimarySingle(input.text, m)))
    .flatMap((m) => (m.outer.length === 1 ? [m] : m.outer.map((o, i) => ({ ...m, outer: [o], inner: [m.inner[i]!] }))));
  const out: MarkedSpan[] = [];
  let t = 0;
  for (const p of input.paragraphs) {
    while (t < tops.length && tops[t]!.outer[0]!.start < p.start) out.push(tops[t++]!);
    if (p.kind === 'blockquote' && !(tops[t] && tops[t]!.outer[0]!.start === p.start)) {
      out.push({ outer: [p], inner: [p], family: 'block', depth: 0, closed: true });
      while (t < tops.length && tops[t]!.outer[0]!.start < p.end) t++; // marks inside the block are nested
    }
  }
  while (t < tops.length) out.push(tops[t++]!);
  return out;
}

/** A single-quoted span is a quotation only when it holds a few words (British style, headlines). */
function isPrimarySingle(text: string, m: MarkedSpan): boolean {
  return m.inner.some((s) => /[\p{L}\p{N}]/u.test(text.slice(s.start, Math.min(s.end, s.start + 40))));
}

/**
 * Where a clause that runs into the quotation starts, when at least two words come before the
 * marks and none ends an introduction (`Smith said,` / `as follows:`) or is a cue.
 */
function leadingWords(left: readonly Word[]): number | null {
  const letters = left.filter(isLetterWord);
  if (letters.length < 2) return null;
  const lastWord = left[left.length - 1]!;
  if (lastWord.text === ',' || lastWord.text === ':' || lastWord.text === '—' || lastWord.text === '(' || lastWord.text === '.') return null;
  if (left.some((w) => w.text === '"' || w.text === '“' || w.text === '”' || w.text === ';' || w.text === ':')) return null;
  if (letters.some((w) => cueClass(w.lower) === 'speech' && !isCapitalised(w))) return null;
  return letters[0]!.start;
}

const QUOTE_MARK = /["“”„«»]/;

/** `, adding that …` / `, saying …` after a right-hand cue: the clause it introduces. */
function addedClause(text: string, right: readonly Word[], cue: Cue, sentences: readonly Sentence[]): { content: Span; cue: Span } | null {
  const from = right.findIndex((w) => w.start >= cue.after);
  if (from < 0) return null;
  for (let k = from; k + 2 < right.length && k < from + 12; k++) {
    const w = right[k]!;
    if (w.text === '.' || w.text === ';') return null;
    if (w.text !== ',' || !isParticipleCue(right[k + 1]!.lower) || takesAddressee(right[k + 1]!.lower)) continue;
    const start = right[k + 2]!;
    if (!isLetterWord(start)) return null;
    const s = sentenceAt(sentences, start.start);
    let end = s ? s.end : right[right.length - 1]!.end;
    while (end > start.start && /[\s.,;:!?]/.test(text[end - 1]!)) end--;
    return end - start.start > 10 ? { content: { start: start.start, end }, cue: { start: right[k + 1]!.start, end: right[k + 1]!.end } } : null;
  }
  return null;
}

/**
 * A named or pronoun subject and a finite verb (`condemned`, `characterizes`) no more than six
 * words before the marks, in the same clause: a weak cue for a partial quotation.
 */
function subjectVerbBefore(left: readonly Word[]): { cue: Cue; contentStart: number } | null {
  let from = left.length;
  while (from > 0 && !/^(?:[.;:"“”]|and|but|while|because|although|though|if|when)$/.test(left[from - 1]!.lower)) from--;
  const clause = left.slice(from);
  for (let v = clause.length - 1; v >= 1 && v >= clause.length - 7; v--) {
    const w = clause[v]!;
    if (isCapitalised(w) || !isLetterWord(w) || !/(?:ed|[^su]s)$/.test(w.lower) || /^(?:was|has|is|does|his|its|this|thus|as|us|less|unless|across|perhaps|whereas|always|sometimes|towards|afterwards|news|series|days|years|times|months|weeks)$/.test(w.lower)) continue;
    const subject = clause.slice(0, v);
    const speaker = speakerBefore(subject);
    if (!speaker) return null;
    const head = subject.filter((x) => x.start >= speaker.head.start && x.end <= speaker.head.end);
    if (head.length === 0 || head.length > 6 || !(PRONOUNS.has(head[0]!.lower) || head.every((x) => isCapitalised(x) || x.lower === 'of'))) return null;
    if (/^(?:it|they|we|you|i|who)$/.test(head[0]!.lower)) return null;
    const next = clause[v + 1];
    return { cue: { span: w, speaker, after: w.end }, contentStart: next ? next.start : w.end + 1 };
  }
  return null;
}

/** A cue right of the closing mark: `, Smith said`, `, said Smith`, `— Jane Doe`, `, according to Smith`. */
function cueRight(words: readonly Word[], fullStop: boolean, pause: boolean): Cue | null {
  let k = 0;
  // `"…," Smith said` and `"…", Smith said` pause before the cue; `"a prayer" for the nominee` does not.
  if (!pause && words[0]?.text !== ',' && !(words[0] && /^[—–-]$/.test(words[0].text))) return null;
  while (k < words.length && (words[k]!.text === ',' || words[k]!.text === '?' || words[k]!.text === '!')) k++;
  const first = words[k];
  if (!first) return null;
  if (first.text === '—' || first.text === '–' || (first.text === '-' && words[k + 1]?.text !== '-')) {
    // A sign-off: `"…" — Jane Doe, spokeswoman` closing its paragraph.
    const sp = words.length - k <= 16 && words[k + 1] && isCapitalised(words[k + 1]!) ? speakerAfter(words.slice(k + 1)) : null;
    return sp ? { span: first, speaker: sp, after: first.end } : null;
  }
  // `"We lost." He added that …` starts a new sentence: not this quotation's cue.
  if (fullStop) return null;
  for (let c = k; c < Math.min(words.length, k + 40); c++) {
    const w = words[c]!;
    if (w.text === '.' && !(c > 0 && /^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|St|Jr|[A-Z])$/.test(words[c - 1]!.text))) return null;
    if (w.text === ';' || w.text === '"' || w.text === '“' || w.text === '”' || w.text === ':') return null;
    if (w.lower === 'according' && words[c + 1]?.lower === 'to') {
      const sp = speakerAfter(words.slice(c + 2));
      return sp ? { span: { start: w.start, end: words[c + 1]!.end }, speaker: sp, after: sp.head.end } : null;
    }
    const cls = cueClass(w.lower);
    if (cls !== 'speech' || (isCapitalised(w) && c > k) || !isVerbHere(words, c)) continue;
    if (c === k) {
      // `, adding that …` continues the sentence's subject; `"…," told Smith` is not English.
      if (w.lower.endsWith('ing') || (takesAddressee(w.lower) && w.lower !== 'asked')) return null;
      const sp = speakerAfter(words.slice(c + 1));
      return sp ? { span: w, speaker: sp, after: sp.head.end } : null;
    }
    // `"…," the dawn of the movement, says Bozell`: a name right after the cue is the speaker.
    if (words[c - 1]?.text === ',' && words[c + 1] && isCapitalised(words[c + 1]!) && !takesAddressee(w.lower)) {
      const after = speakerAfter(words.slice(c + 1));
      if (after) return { span: w, speaker: after, after: after.head.end };
    }
    const sp = speakerBefore(words.slice(k, c));
    if (!sp) return null;
    // The speaker must start the stretch: `"…," the senator from Ohio said` but not
    // `"…" if Trump had asked`; a pronoun may follow an adjunct (`"…" at the convention, he said`).
    if (sp.head.start !== words[k]!.start) {
      const before = words.slice(k).filter((x) => x.end <= sp.head.start);
      const pronoun = PRONOUNS.has(words.find((x) => x.start === sp.head.start)?.lower ?? '');
      if (!(pronoun && before[before.length - 1]?.text === ',' && before.length <= 8)) return null;
    }
    return { span: w, speaker: sp, after: w.end };
  }
  return null;
}

interface LeftCue {
  readonly kind: 'direct' | 'mixed';
  readonly cue: Cue;
  readonly contentStart: number;
  /** The cue touches the opening mark with no comma or colon between. */
  readonly bare?: boolean;
}

/** A cue left of the opening mark: `Smith said:`, `Smith told CNN,`, `According to Smith,`, `He called the deal`. */
function cueLeft(text: string, words: readonly Word[]): LeftCue | null {
  return cueLeftByVerb(text, words) ?? cueLeftByColon(words);
}

/** `Cruz called them on it: "…"`: a clause ending in a colon, its subject the speaker. */
function cueLeftByColon(words: readonly Word[]): LeftCue | null {
  const lastWord = words[words.length - 1];
  if (!lastWord || lastWord.text !== ':' || words.length > 30) return null;
  const speaker = speakerBefore(words.slice(0, words.length - 1));
  if (!speaker) return null;
  const head = words.filter((w) => w.start >= speaker.head.start && w.end <= speaker.head.end);
  const first = head[0];
  if (!first || !(isCapitalised(first) || PRONOUNS.has(first.lower))) return null;
  const after = words.find((w) => w.start >= (speaker.apposition?.end ?? speaker.head.end) && isLetterWord(w));
  // A headline's `Cecile Richards: 'I'm sick of …'`: the colon is the cue.
  if (!after && speaker.head.start === words[0]!.start && head.every(isCapitalised) && head.length <= 4) {
    return { kind: 'direct', cue: { span: { start: lastWord.start, end: lastWord.end }, speaker, after: lastWord.start }, contentStart: 0 };
  }
  if (!after || after.start > lastWord.start || isCapitalised(after)) return null;
  // The verb phrase must be short: `The answer to the question of what to do is simple:` is not a cue.
  if (words.filter((w) => w.start >= after.start && isLetterWord(w)).length > 8) return null;
  return { kind: 'direct', cue: { span: { start: after.start, end: lastWord.end }, speaker, after: lastWord.start }, contentStart: 0 };
}

function cueLeftByVerb(text: string, words: readonly Word[]): LeftCue | null {
  const from = Math.max(0, words.length - 60);
  for (let c = words.length - 1; c >= from; c--) {
    const w = words[c]!;
    if (w.text === '"' || w.text === '“' || w.text === '”') return null;
    let cueSpan: Span | null = null;
    let cls = cueClass(w.lower);
    if (w.lower === 'according' && words[c + 1]?.lower === 'to') {
      cueSpan = { start: w.start, end: words[c + 1]!.end };
      cls = 'speech';
    } else if (cls) {
      if (cls === 'naming' && !namingIsCue(words, c)) continue;
      if (!isVerbHere(words, c) && !(isCapitalised(w) && (c === 0 || words[c - 1]!.text === '.'))) continue;
      if (isCapitalised(w) && c > 0 && !(words[c - 1]!.text === '.' || words[c - 1]!.text === ':')) continue;
      cueSpan = w;
    }
    if (!cueSpan || !cls) continue;
    const tail = words.slice(c + (cueSpan.end > w.end ? 2 : 1));
    const lastWord = words[words.length - 1];
    const endsIntro = lastWord !== undefined && (lastWord.text === ',' || lastWord.text === ':');
    let speaker: SpeakerPhrase | null;
    if (cueSpan.end > w.end) {
      // `According to Smith, "…"`
      speaker = speakerAfter(tail);
      if (!speaker) return null;
      return endsIntro ? { kind: 'direct', cue: { span: cueSpan, speaker, after: speaker.head.end }, contentStart: 0 } : null;
    }
    if (isCapitalised(w) && (c === 0 || words[c - 1]!.text === '.' || words[c - 1]!.text === ':')) {
      // `Reports the New York Times: "…"`, `Says Smith: "…"`
      speaker = speakerAfter(tail);
      if (!speaker || !endsIntro) return null;
      return { kind: 'direct', cue: { span: cueSpan, speaker, after: speaker.head.end }, contentStart: 0 };
    }
    // `…, saying "…"`: a participle takes the subject of the sentence.
    const participle = w.lower.endsWith('ing') && c > 0 && /^(?:,|upon|after|before|by|while|when|without|—)$/.test(words[c - 1]!.lower);
    speaker = speakerBefore(participle ? words.slice(0, c) : clauseBefore(words, c));
    if (!speaker) return null;
    if (cls === 'belief' && !(speaker && (PRONOUNS.has(text.slice(speaker.head.start, speaker.head.end).toLowerCase()) || /\p{Lu}/u.test(text.slice(speaker.head.start, speaker.head.end))))) return null;
    const letterTail = tail.filter(isLetterWord);
    if (endsIntro && cls !== 'naming' && letterTail.length <= 8 && !letterTail.some((x) => x.lower === 'that')) {
      return { kind: 'direct', cue: { span: cueSpan, speaker, after: lastWord.start }, contentStart: 0 };
    }
    if (letterTail.length === 0 && cls === 'speech') {
      // `Smith said "no."` with no comma: still a direct quotation, unless the sentence goes on
      // after the marks (`Obama said "it gets me mad" every time …`), which the caller checks.
      return { kind: 'direct', cue: { span: cueSpan, speaker, after: w.end }, contentStart: 0, bare: true };
    }
    if (tail.some((x) => x.text === '.' || x.text === ';')) return null;
    return { kind: 'mixed', cue: { span: cueSpan, speaker, after: w.end }, contentStart: contentStartAfter(words, c) };
  }
  return null;
}

/** Where reported content starts after a cue: the word after it, after the addressee of `told`. */
function contentStartAfter(words: readonly Word[], c: number): number {
  const cue = words[c]!;
  let k = c + 1;
  // `said Monday that …`, `is telling supporters after his victory that …`: content opens at `that`.
  const that = words.slice(k, k + 12).findIndex((w) => w.lower === 'that');
  const gap = words.slice(k, k + Math.max(0, that));
  const adjunctGap = gap.length <= 6 && gap[0] !== undefined && /^(?:on|in|at|during|after|before|last|this|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|recently|again|also|repeatedly|privately|publicly|earlier|later)$/.test(gap[0].lower);
  if (that >= 0 && (that === 0 || adjunctGap || takesAddressee(cue.lower)) && gap.every((w) => !cueClass(w.lower) && w.text !== '"' && w.text !== '“')) {
    k += that;
  } else if (takesAddressee(cue.lower)) {
    // `told reporters he would`: skip a short noun phrase.
    let n = 0;
    while (k < words.length && n < 4 && (isCapitalised(words[k]!) || /^(?:the|a|an|his|her|their|reporters|supporters|him|her|them|us|me|crowd|audience|journalists|cnn|fox)$/i.test(words[k]!.lower))) {
      k++;
      n++;
    }
  }
  while (k < words.length && !isLetterWord(words[k]!) && words[k]!.text !== '"' && words[k]!.text !== '“') k++;
  return words[k]?.start ?? cue.end;
}

/** `He called the deal`, not `the so-called`, `a formula called`, `is called`. */
function namingIsCue(words: readonly Word[], c: number): boolean {
  const before = words[c - 1];
  if (!before) return false;
  if (before.text === '-' || /^(?:is|was|be|been|being|are|were|so)$/.test(before.lower)) return false;
  // `Perez hammered Trump, calling him a "train wreck"`: a participle after a comma.
  if (words[c]!.lower.endsWith('ing')) return before.text === ',' || before.lower === 'and' || before.lower === 'by';
  return PRONOUNS.has(before.lower) || isCapitalised(before) || /^(?:has|have|had|also|then|once|repeatedly|previously)$/.test(before.lower);
}

/** The words of the clause that ends at word `c`: back to a sentence start, `;`, a quotation mark. */
function clauseBefore(words: readonly Word[], c: number): Word[] {
  let s = c;
  while (s > 0) {
    const w = words[s - 1]!;
    if (w.text === ';' || w.text === '"' || w.text === '“' || w.text === '”' || w.text === ':' || w.text === '.' && !(s > 1 && /^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|St|Jr|[A-Z])$/.test(words[s - 2]!.text))) break;
    if (/^(?:and|but|that|because|while|when|after|as|so|since|if)$/.test(w.lower) && c - s >= 1) {
      // `Smith criticized the plan and said …`: the subject is before `and`.
      if ((w.lower === 'and' || w.lower === 'but') && onlyFiller(words, s, c)) {
        s--;
        continue;
      }
      break;
    }
    s--;
  }
  return words.slice(s, c);
}

function onlyFiller(words: readonly Word[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!/^(?:also|then|later|has|had|have|would|will|he|she|they)$/.test(words[k]!.lower)) return false;
  return true;
}

// Forms that are nouns as often as verbs (`state`, `reports`, `warning`): a cue only after a
// subject pronoun, a modal or auxiliary, `to`, or (for -ing forms) a comma.
const AMBIGUOUS = new Set(
  'state states report reports note notes claim claims post posts charge charges counter counters demand demands promise promises estimate estimates remark remarks tweet tweets reply replies chant chants stress echo echoes thanks praise plead joke jokes warning warnings read reads call calls label labels brand brands blast blasts mock mocks tout touts repeat repeats concern concerns comment comments statement'.split(' '),
);

function isVerbHere(words: readonly Word[], c: number): boolean {
  const w = words[c]!;
  const prev = words[c - 1];
  const ing = w.lower.endsWith('ing');
  if (!AMBIGUOUS.has(w.lower) && !ing) return true;
  if (!prev) return ing;
  if (PRONOUNS.has(prev.lower) || /^(?:will|would|can|could|should|may|might|must|did|does|do|also|has|have|had|then|is|was|were|are|been|be|keeps?|kept|continues?|continued|publicly|repeatedly|often)$/.test(prev.lower)) return true;
  if (ing) return /^(?:,|—|and|upon|after|before|by|while|when|without)$/.test(prev.lower);
  return false;
}

/** True when the quotation ends with a comma, question or exclamation mark, or a dash. */
function endsWithPause(text: string, q: MarkedSpan): boolean {
  const last = q.inner[q.inner.length - 1]!;
  let e = last.end;
  while (e > last.start && /[\s'’"”]/.test(text[e - 1]!)) e--;
  return /[,?!…—–\-:;]/.test(text[e - 1] ?? '');
}

/** True when the quotation ends a sentence with a full stop (`"We lost."`). */
function endsWithFullStop(text: string, q: MarkedSpan): boolean {
  const last = q.inner[q.inner.length - 1]!;
  let e = last.end;
  while (e > last.start && /[\s'’"”]/.test(text[e - 1]!)) e--;
  return text[e - 1] === '.' && text.slice(Math.max(last.start, e - 3), e) !== '...' ;
}

/** End of a mixed quotation: the end of its sentence, before a trailing `, adding …`. */
function mixedEnd(text: string, sentences: readonly Sentence[], close: number, paraEnd: number): number {
  const s = sentenceAt(sentences, close - 1);
  let end = Math.min(s?.end ?? paraEnd, close + WINDOW);
  const tail = wordsIn(text, close, end);
  // `called the deal "a disaster for workers," adding that …`: the comma sits inside the marks;
  // `whom he described as "peaceful," for the length of the route`: a comma inside ends the clause.
  if (tail[0] && isParticipleCue(tail[0].lower)) return close;
  if (/[,;]\s*$/.test(text.slice(Math.max(0, close - 3), close - 1))) return close;
  for (let k = 0; k + 1 < tail.length; k++) {
    const t = tail[k]!.text;
    const after = tail[k + 1]!.lower;
    if (t === 'and') {
      if (cueClass(after) === 'speech' || (PRONOUNS.has(after) && cueClass(tail[k + 2]?.lower ?? '') === 'speech')) {
        end = tail[k]!.start;
        break;
      }
      continue;
    }
    if (
      t === '—' || t === '–' || t === ';' || t === '(' ||
      (t === '-' && text[tail[k]!.start - 1] === ' ') ||
      (t === ',' && (isParticipleCue(after) || /^(?:referring|although|though|but|while|whereas|according|even|as|citing|including|and|which|who|where|when|in|after|before|during)$/.test(after)))
    ) {
      end = tail[k]!.start;
      break;
    }
  }
  while (end > close && /[\s.,;:!?]/.test(text[end - 1]!)) end--;
  return end;
}

function countWords(text: string, spans: readonly Span[]): number {
  let n = 0;
  for (const s of spans) {
    let inWord = false;
    for (let i = s.start; i < s.end && n < 50; i++) {
      const w = /[\p{L}\p{N}]/u.test(text[i]!);
      if (w && !inWord) n++;
      inWord = w;
    }
  }
  return n;
}

export function paragraphIndex(paragraphs: readonly Paragraph[], at: number): number {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (paragraphs[mid]!.start <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function sentenceAt(sentences: readonly Sentence[], at: number): Sentence | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid]!.start <= at) lo = mid;
    else hi = mid - 1;
  }
  const s = sentences[lo];
  return s && s.start <= at && at < s.end ? s : undefined;
}
