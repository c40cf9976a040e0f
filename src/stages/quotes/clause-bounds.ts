import type { Paragraph, Sentence } from '../../core/layers.js';
import type { Span } from '../../core/span.js';
import { cueClass, isParticipleCue } from './cue-lexicon.js';
import { PRONOUNS } from './find-speaker.js';
import type { MarkedSpan } from './pair-quote-marks.js';
import { isCapitalised, isWordUnit, wordsIn, type Word } from './words.js';

/** Characters looked at on each side of a quotation: keeps the scan linear. */
export const WINDOW = 320;

/** True when the quotation ends with a comma, question or exclamation mark, or a dash. */
export function endsWithPause(text: string, q: MarkedSpan): boolean {
  const last = q.inner[q.inner.length - 1]!;
  let e = last.end;
  while (e > last.start && /[\s'’"”]/.test(text[e - 1]!)) e--;
  return /[,?!…—–\-:;]/.test(text[e - 1] ?? '');
}

/** True when the quotation ends a sentence with a full stop (`"We lost."`). */
export function endsWithFullStop(text: string, q: MarkedSpan): boolean {
  const last = q.inner[q.inner.length - 1]!;
  let e = last.end;
  while (e > last.start && /[\s'’"”]/.test(text[e - 1]!)) e--;
  return text[e - 1] === '.' && text.slice(Math.max(last.start, e - 3), e) !== '...' ;
}

/** End of a mixed quotation: the end of its sentence, before a trailing `, adding …`. */
export function mixedEnd(text: string, sentences: readonly Sentence[], close: number, paraEnd: number): number {
  const s = sentenceAt(sentences, close - 1);
  let end = Math.min(s?.end ?? paraEnd, close + WINDOW);
  const tail = wordsIn(text, close, end);
  // `called the deal "a disaster for workers," adding that …`: the comma sits inside the marks;
  // `whom he described as "peaceful," for the length of the route`: a comma inside ends the clause.
  if (tail[0] && isParticipleCue(tail[0].lower)) return close;
  // … unless a list of quoted words goes on (`a "nasty guy," an "anchor baby," "unstable"`).
  if (/[,;]\s*$/.test(text.slice(Math.max(0, close - 3), close - 1)) && !tail.slice(0, 3).some((w) => OPENING_MARK.test(w.text))) return close;
  for (let k = 0; k + 1 < tail.length; k++) {
    const t = tail[k]!.text;
    const after = tail[k + 1]!.lower;
    // right after a closing mark, the writer's clause may start (`"rigged" against him, a charge …`)
    const markEnd = k === 0 ? close : /^["”»]$/.test(tail[k - 1]!.text) ? tail[k - 1]!.end : -1;
    if (markEnd > 0 && writerClauseAfterQuote(text, k === 0 ? tail : tail.slice(k), text[markEnd - 2] === ',') === 0) {
      end = tail[k]!.start;
      break;
    }
    if (t === 'and') {
      // `… "a con" and encouraged Americans to …`: a second verb of the subject starts a clause of the writer's.
      if (cueClass(after) === 'speech' || (PRONOUNS.has(after) && cueClass(tail[k + 2]?.lower ?? '') === 'speech') || (k > 0 && PAST_VERB.test(after) && QUOTE_CLOSE.test(text[tail[k - 1]!.end - 1] ?? ''))) {
        end = tail[k]!.start;
        break;
      }
      continue;
    }
    // `… as a "disgrace" Wednesday on The Laura Ingraham Show`, `… "crazy system" during a stop`:
    // a time or circumstance right after the closing mark is the writer's.
    if (k === 0 && AFTER_QUOTE_STOP.test(tail[k]!.lower)) {
      end = close;
      break;
    }
    if (
      t === '—' || t === '–' || t === ';' || t === '(' ||
      (t === '-' && text[tail[k]!.start - 1] === ' ') ||
      (t === ',' && /^[a-z]{3,}ly$/.test(after) && /^[a-z]{3,}ing$/.test(tail[k + 2]?.lower ?? '')) || // `, implicitly putting …`
      (t === ',' && (isParticipleCue(after) || (/^[a-z]{3,}ing$/.test(after) && !/^(?:including|nothing|something|anything|everything|during|according)$/.test(after)) || /^(?:referring|although|though|but|while|whereas|according|even|as|citing|including|and|which|who|where|when|in|after|before|during)$/.test(after)))
    ) {
      end = tail[k]!.start;
      break;
    }
  }
  while (end > close && /[\s.,;:!?]/.test(text[end - 1]!)) end--;
  return end;
}

const PAST_VERB = /^(?:[a-z]+ed|said|told|called|made|took|gave|sent|went|put|set|left|kept|wrote|spoke)$/;

/** Words that open the writer's own clause right after a quoted fragment (`"a disgrace" after she …`); `as`, `before` and `during` measured worse on train. */
const WRITER_CLAUSE = /^(?:when|while|whereas|although|though|after)$/;
/** After a comma: an apposition or a clause of the writer's (`"rigged," a charge that …`, `, he said`). */
const AFTER_COMMA = /^(?:a|an|but|while|whereas|although|though|as|when|after|before|which|who|whom|whose|where|according|citing|referring|sparking|prompting|drawing|adding|noting)$/;
const AUXILIARY = /^(?:has|have|had|is|was|are|were|will|would|could|can|did|does|also|then|later|again|now|still)$/;

/**
 * Where a quoted fragment's sentence goes on in the writer's words, measured on PolNeAR train:
 * `she respects Sanders' "passion and commitment" but argues that …`, `the issue of "systemic
 * racism" and highlighted her plans`, `that the contest had been "rigged" against him, a charge
 * that …`, `"law and order" candidate … as he promised …`. `tail` are the words after a closing
 * mark, `commaInside` tells whether that mark closed on a comma (`"incognito," sparking …`).
 * Returns the index of the first word of the writer's clause, or -1.
 */
export function writerClauseAfterQuote(text: string, tail: readonly Word[], commaInside: boolean): number {
  const w0 = tail[0];
  if (!w0) return -1;
  const quotedSoon = (from: number) => tail.slice(from, from + 4).some((w) => OPENING_MARK.test(w.text));
  const commaRule = (k: number): boolean => {
    const w = tail[k];
    if (!w) return false;
    if (AFTER_COMMA.test(w.lower) || isParticipleCue(w.lower) || cueClass(w.lower) === 'speech') return true;
    if (/^[a-z]{3,}ing$/.test(w.lower) && !/^(?:including|nothing|something|anything|everything|during|according|being)$/.test(w.lower)) return true;
    // `, he said …`, `, his campaign has argued …`: a subject and its verb.
    const next = tail[k + 1]?.lower ?? '';
    return (PRONOUNS.has(w.lower) && w.lower !== 'who' && w.lower !== 'it') && (AUXILIARY.test(next) || PAST_VERB.test(next) || cueClass(next) === 'speech');
  };
  // `"burning the Constitution" - a charge that …`: a dash opens the writer's aside.
  if (w0.text === '—' || w0.text === '–' || (w0.text === '-' && /\s/.test(text[w0.start - 1] ?? '') && /\s/.test(text[w0.end] ?? ''))) return 0;
  if (w0.text === ',') return !quotedSoon(1) && commaRule(1) ? 0 : -1;
  if (commaInside) return !quotedSoon(0) && commaRule(0) ? 0 : -1;
  if (w0.lower === 'but') return quotedSoon(1) ? -1 : 0;
  if (WRITER_CLAUSE.test(w0.lower)) return 0;
  if (w0.lower === 'and') {
    const a = tail[1]?.lower ?? '';
    const b = tail[2]?.lower ?? '';
    const verbish = (x: string) => PAST_VERB.test(x) || AUXILIARY.test(x) || cueClass(x) === 'speech' || /^[a-z]{2,}ing$/.test(x);
    if (quotedSoon(1)) return -1;
    if (verbish(a) || (PRONOUNS.has(a) && a !== 'who' && a !== 'it')) return 0;
    if (tail[1] && isCapitalised(tail[1]) && /^[a-z]{2,}ing$/.test(b)) return 0;
  }
  return -1;
}
const QUOTE_CLOSE = /["”'’]/;
const OPENING_MARK = /^["“]$/;
const AFTER_QUOTE_STOP = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|earlier|later)$/;

export function countWords(text: string, spans: readonly Span[]): number {
  let n = 0;
  for (const s of spans) {
    let inWord = false;
    for (let i = s.start; i < s.end && n < 50; i++) {
      const w = isWordUnit(text.charCodeAt(i));
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
