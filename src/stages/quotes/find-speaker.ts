import type { Span } from '../../core/span.js';
import { cueClass } from './cue-lexicon.js';
import { isCapitalised, isLetterWord, type Word } from './words.js';

/** A speaker as written next to a cue: the head noun phrase and an apposition, if any. */
export interface SpeakerPhrase {
  /** The noun phrase naming or describing the speaker (`Hugh Hill`, `a source`, `he`). */
  readonly head: Span;
  /** An apposition after or before the head (`a doctor` in `Hugh Hill, a doctor, said`). */
  readonly apposition: Span | null;
}

export const PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'it', 'you', 'who']);

// Words that may end the stretch before a cue without being part of the speaker
// (`Smith also said`, `Smith has repeatedly said`, `Smith, however, said`).
const BEFORE_CUE_FILLER = new Set(
  'also later then previously recently once again further still now has had have would will was is were are did does do had been be reportedly later earlier first last later subsequently just already often repeatedly frequently never even however though too publicly privately simply only'.split(' '),
);

// Discourse words that open a sentence without being its subject (`Instead, Trump told CNN`).
const OPENERS = new Set(
  'as and but so then meanwhile however instead still later earlier when while because if though although yet also in on at after before during since for that what which where as of with by from to thus indeed moreover nevertheless but and or now here there today yesterday'.split(' '),
);

// Words that stop a speaker phrase after a cue (`said Smith in a statement`).
const AFTER_STOP = new Set(
  'in on at during after before to for from about that this when while as with by into last this yesterday today tonight earlier later on monday tuesday wednesday thursday friday saturday sunday and but who which'.split(' '),
);

const DETERMINERS = new Set('a an the his her its their our my your one some many several two three four five another other both each any most few'.split(' '));

/**
 * The speaker before a cue, in the words between a clause start and the cue
 * (`"…," State spokesman Mark Toner said` → `State spokesman Mark Toner`;
 * `Hugh Hill, a doctor, said` → head `Hugh Hill`, apposition `a doctor`;
 * `Instead, Trump told CNN` → `Trump`). Null when the words do not look like a noun phrase.
 */
export function speakerBefore(words: readonly Word[]): SpeakerPhrase | null {
  let end = words.length;
  while (end > 0 && (BEFORE_CUE_FILLER.has(words[end - 1]!.lower) || /ly$/.test(words[end - 1]!.lower) || words[end - 1]!.text === ',')) end--;
  if (end === 0) return null;
  // Comma-separated segments; an apposition is the last one after a named head.
  const segments: Word[][] = [[]];
  for (let k = 0; k < end; k++) {
    const w = words[k]!;
    if (w.text === ',' || w.text === '—' || w.text === '–' || w.text === '(' || w.text === ')') segments.push([]);
    else segments[segments.length - 1]!.push(w);
  }
  const segs = segments.filter((s) => s.length > 0).map(stripOpeners).filter((s) => s.length > 0);
  if (segs.length === 0) return null;
  let last = segs[segs.length - 1]!;
  let apposition: Span | null = null;
  if (segs.length >= 2 && isApposition(last)) {
    const head = segs[segs.length - 2]!;
    if (looksLikeHead(head)) {
      apposition = spanOf(last);
      last = head;
    }
  } else if (segs.length >= 2) {
    // `Sandra Sucher, a professor who studies ethics, said` splits as [name, apposition]; the
    // filler loop above removed the trailing comma. `the president, Barack Obama, said` keeps the name.
    const prev = segs[segs.length - 2]!;
    if (isApposition(prev) && segs.length >= 3 && looksLikeHead(segs[segs.length - 3]!)) {
      apposition = spanOf(prev);
    }
  }
  if (last.length > 12) last = last.slice(last.length - 6);
  if (!looksLikeHead(last)) return null;
  return { head: spanOf(last), apposition };
}

/**
 * The speaker after a cue (`said Sandra Sucher, a Harvard professor.`, `says he`,
 * `reports the New York Times:`). Stops at punctuation or a preposition that starts an adjunct.
 */
export function speakerAfter(words: readonly Word[]): SpeakerPhrase | null {
  let k = 0;
  const head: Word[] = [];
  if (words[0] && AFTER_STOP.has(words[0].lower)) return null;
  while (k < words.length && head.length < 10) {
    const w = words[k]!;
    if (!isLetterWord(w) && !(w.text === '.' && head.length > 0 && isAbbreviation(head[head.length - 1]!)) && w.text !== '’' && w.text !== "'" && w.text !== '&') break;
    if (AFTER_STOP.has(w.lower) && head.length > 0) {
      // `Joel Pollak of Breitbart California`: `of` before a capitalised word stays.
      break;
    }
    if (w.lower === 'of' && !(words[k + 1] && isCapitalised(words[k + 1]!))) break;
    if (head.length > 0 && cueClass(w.lower) && !isCapitalised(w)) break;
    head.push(w);
    k++;
  }
  while (head.length > 0 && !isLetterWord(head[head.length - 1]!)) head.pop();
  if (head.length === 0 || !looksLikeHead(head)) return null;
  let apposition: Span | null = null;
  if (words[k]?.text === ',' && words[k + 1] && !PRONOUNS.has(head[0]!.lower)) {
    const app: Word[] = [];
    let j = k + 1;
    while (j < words.length && app.length < 25) {
      const w = words[j]!;
      if (w.text === ',' || w.text === '.' || w.text === ';' || w.text === ':' || w.text === '"' || w.text === '“' || w.text === '”') {
        if (!(w.text === '.' && app.length > 0 && isAbbreviation(app[app.length - 1]!))) break;
      }
      app.push(w);
      j++;
    }
    if (app.length > 0 && isApposition(app)) apposition = spanOf(app);
  }
  return { head: spanOf(head), apposition };
}

function stripOpeners(seg: Word[]): Word[] {
  let k = 0;
  // Drop leading discourse words and anything up to a quotation mark left in the window.
  while (k < seg.length - 1 && (OPENERS.has(seg[k]!.lower) || !isLetterWord(seg[k]!))) k++;
  if (k === seg.length - 1 && (OPENERS.has(seg[k]!.lower) || !isLetterWord(seg[k]!)) && !PRONOUNS.has(seg[k]!.lower)) return [];
  return seg.slice(k);
}

function isApposition(seg: readonly Word[]): boolean {
  const first = seg[0]!;
  if (first.lower === 'a' || first.lower === 'an' || first.lower === 'who' || first.lower === 'whose') return true;
  if (first.lower === 'the' && seg[1] && !isCapitalised(seg[1])) return true;
  if (/^(?:his|her|their|its)$/.test(first.lower)) return true;
  if (!isCapitalised(first) && /(?:ing|ed)$/.test(first.lower)) return true;
  if (!isCapitalised(first) && !DETERMINERS.has(first.lower) && !PRONOUNS.has(first.lower)) return true;
  // `Hugh Hill, former Colorado Rep.`: a title phrase.
  return /^(?:former|president|chairman|director|spokesman|spokeswoman|spokesperson|professor|head|chief|founder|leader|senior|deputy|executive|ceo|secretary|member)$/i.test(first.text);
}

/** A head must hold a capitalised word, a pronoun or a determiner, and no finite verb cue. */
function looksLikeHead(seg: readonly Word[]): boolean {
  if (seg.length === 0) return false;
  if (seg.length === 1 && PRONOUNS.has(seg[0]!.lower)) return true;
  if (seg.some((w) => w.text === '"' || w.text === '“' || w.text === '”')) return false;
  const first = seg[0]!;
  if (DETERMINERS.has(first.lower)) return seg.length <= 14;
  if (seg.some((w) => isCapitalised(w) && isLetterWord(w))) return seg.length <= 10;
  // `officials said`, `sources said`, `aides say`
  return seg.length <= 3 && /^(?:officials?|sources?|aides?|advisers?|advisors?|analysts?|critics?|experts?|observers?|insiders?|supporters?|opponents?|residents?|witnesses?|police|authorities|democrats?|republicans?|investigators?|prosecutors?|lawmakers?|economists?|people|voters?|activists?|researchers?|scientists?|doctors?|protesters?|organizers?|diplomats?|sources)$/.test(seg[seg.length - 1]!.lower);
}

export function isAbbreviation(w: Word): boolean {
  return /^(?:mr|mrs|ms|dr|sen|rep|gov|gen|lt|col|maj|capt|sgt|adm|st|jr|sr|rev|hon|prof|pres|u\.s|u\.k|u\.n|d\.c|inc|corp|co|ltd|[A-Z])$/i.test(w.text) && w.text.length <= 4;
}

function spanOf(ws: readonly Word[]): Span {
  return { start: ws[0]!.start, end: ws[ws.length - 1]!.end };
}
