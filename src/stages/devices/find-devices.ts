import type { QuotesLayer, StructureLayer } from '../../core/layers.js';
import { span } from '../../core/span.js';
import type { DeviceKind, RhetoricalDevice } from './types.js';

/** At most this many words, and a slogan's other marks (`!`, capitals, a hashtag). */
const SLOGAN_WORDS = 8;
const CLOSERS = /["'\u2019\u201d\u00bb)\]]/u;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'\u2019-]*/gu;
const LOWER = /\p{Ll}/u;
const NO_WORDS: readonly string[] = [];
/** Pronouns that make a short exclamation a remark addressed to someone, not a slogan. */
const PERSONAL = new Set(['i', 'me', 'my', 'we', 'us', 'our', 'you', 'your', 'he', 'him', 'his', 'she', 'her', 'they', 'them', 'their', 'it', 'this', 'that']);
const HASHTAG = /(?<![\p{L}\p{N}_&#])#[\p{L}][\p{L}\p{N}_]{1,60}/gu;
/** Greetings, thanks and interjections: short exclamations that are not slogans. */
const NOT_SLOGAN_START = new Set(['thanks', 'thank', 'congratulations', 'congrats', 'welcome', 'hello', 'hi', 'bye', 'goodbye', 'wow', 'oh', 'ah', 'yes', 'no', 'ok', 'okay', 'happy', 'merry', 'cheers', 'good', 'great', 'well', 'please', 'sorry', 'enjoy', 'stay', 'click', 'subscribe', 'read', 'watch', 'see']);
/** An interview's turns: `Q:`, `A.`, `Question –` opening a paragraph. */
const INTERVIEW_TURN = /^\s*(?:Q|A|Question|Answer)\s*[:.\u2013\u2014-]\s/u;
/** Question headings in an article before they read as an interview's questions, not rhetoric. */
const INTERVIEW_HEADINGS = 3;

export interface DeviceNeeds {
  readonly structure: StructureLayer;
  readonly quotes: QuotesLayer;
}

/**
 * Questions and exclamations in the author's voice, short exclamations and capitalised lines
 * as slogans, hashtags, and scare quotes (from the quotes stage's marked phrases). A sentence
 * whose final mark sits inside a quotation is the speaker's, not the author's, and is left out.
 * Linear in the text: each sentence is read once, and quotes are walked in order beside them.
 */
export function findDevices(text: string, needs: DeviceNeeds): RhetoricalDevice[] {
  const out: RhetoricalDevice[] = [];
  const quoted = quotedRanges(needs.quotes);
  const interview = interviewParagraphs(text, needs.structure);
  let q = 0;
  for (const sentence of needs.structure.sentences) {
    if (interview.has(sentence.paragraph)) continue;
    let end = sentence.end;
    while (end > sentence.start && /\s/u.test(text[end - 1]!)) end--;
    let last = end - 1;
    while (last > sentence.start && CLOSERS.test(text[last]!)) last--;
    const mark = text[last];
    while (q < quoted.length && quoted[q]![1] <= last) q++;
    const inQuote = (q < quoted.length && quoted[q]![0] <= last) || (last < end - 1 && /["\u201d\u00bb]/u.test(text.slice(last + 1, end)));
    // Words are needed for an exclamation, or for a line that may be all capitals (no lower-case
    // letter: every lower-case letter sits in a word); most sentences need none.
    const body = text.slice(sentence.start, end);
    const words = !inQuote && (mark === '!' || (mark !== '?' && !LOWER.test(body))) ? (body.match(WORD) ?? []) : NO_WORDS;
    if (!inQuote && (mark === '?' || mark === '!')) {
      let kind: DeviceKind;
      let reason: string;
      if (mark === '?') {
        kind = 'rhetorical-question';
        reason = 'question in the author\u2019s voice';
      } else if (words.length <= SLOGAN_WORDS && !NOT_SLOGAN_START.has(words[0]?.toLowerCase() ?? '') && !words.some((w) => PERSONAL.has(w.toLowerCase()))) {
        kind = 'slogan';
        reason = `exclamation of ${words.length} word${words.length === 1 ? '' : 's'}, no pronoun`;
      } else {
        kind = 'exclamation';
        reason = 'exclamation in the author\u2019s voice';
      }
      out.push({ kind, span: span(sentence.start, end), reason });
    } else if (!inQuote && words.length >= 2 && words.length <= SLOGAN_WORDS && isShouted(words)) {
      out.push({ kind: 'slogan', span: span(sentence.start, end), reason: 'short line in capitals' });
    }
    HASHTAG.lastIndex = 0;
    for (let m = HASHTAG.exec(body); m; m = HASHTAG.exec(body)) {
      const start = sentence.start + m.index;
      out.push({ kind: 'slogan', span: span(start, start + m[0].length), reason: 'hashtag' });
    }
  }
  for (const phrase of needs.quotes.markedPhrases) {
    if (phrase.kind === 'scare') out.push({ kind: 'scare-quote', span: span(phrase.span.start, phrase.span.end), reason: `marked phrase ${phrase.id}: quotation marks that keep a word at a distance` });
  }
  return out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.kind.localeCompare(b.kind));
}

/**
 * The paragraphs of an interview, whose questions are the interviewer's and whose exclamations
 * are the guest's: paragraphs opening with a turn mark (`Q:`, `A:`) when there are two or more,
 * and question headings when there are three or more.
 */
function interviewParagraphs(text: string, structure: DeviceNeeds['structure']): Set<number> {
  const turns: number[] = [];
  const questionHeadings: number[] = [];
  structure.paragraphs.forEach((p, i) => {
    const body = text.slice(p.start, Math.min(p.end, p.start + 200));
    if (INTERVIEW_TURN.test(body)) turns.push(i);
    else if (p.kind === 'heading' && /\?["'\u2019\u201d]?\s*$/u.test(text.slice(p.start, p.end))) questionHeadings.push(i);
  });
  const out = new Set<number>();
  if (turns.length >= 2) for (const i of turns) out.add(i);
  if (questionHeadings.length >= INTERVIEW_HEADINGS || (turns.length >= 2 && questionHeadings.length > 0)) for (const i of questionHeadings) out.add(i);
  return out;
}

/** Every word in capitals, with at least one of three letters or more (`STOP THE WAR`, not `US UK`). */
function isShouted(words: readonly string[]): boolean {
  return words.every((w) => w === w.toUpperCase()) && words.some((w) => /\p{Lu}{3}/u.test(w));
}

/** The content ranges of direct and mixed quotes, sorted and merged. */
function quotedRanges(quotes: QuotesLayer): [number, number][] {
  const ranges: [number, number][] = [];
  for (const quote of quotes.quotes) {
    if (quote.kind === 'indirect') continue;
    for (const c of quote.content) ranges.push([c.start, c.end]);
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const top = merged[merged.length - 1];
    if (top && r[0] <= top[1]) top[1] = Math.max(top[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}
