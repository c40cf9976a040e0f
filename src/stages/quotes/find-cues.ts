import type { Sentence } from '../../core/layers.js';
import type { Span } from '../../core/span.js';
import { sentenceAt } from './clause-bounds.js';
import { cueClass, isParticipleCue, takesAddressee } from './cue-lexicon.js';
import { isAbbreviation, NOT_A_NAME, PRONOUNS, speakerAfter, speakerBefore, type SpeakerPhrase } from './find-speaker.js';
import { isCapitalised, isLetterWord, type Word } from './words.js';

/**
 * Cues around a quotation: right of the closing mark (`"…," Smith said`), left of the opening
 * one (`Smith told CNN: "…"`), a weak subject-and-verb cue, and a second clause after a cue
 * (`, adding that …`). Each looks at a bounded window of words.
 */

export interface Cue {
  readonly span: Span;
  readonly speaker: SpeakerPhrase | null;
  /** Where the words after the cue (addressee, adjuncts) end. */
  readonly after: number;
}

/**
 * Where a clause that runs into the quotation starts, when at least two words come before the
 * marks and none ends an introduction (`Smith said,` / `as follows:`) or is a cue.
 */
const ADVERBIAL_OPENER = /^(?:with|without|in|on|for|as|after|before|if|when|while|because|since|unless|although|though|despite|under|over|by)$/;

export function leadingWords(left: readonly Word[]): number | null {
  const letters = left.filter(isLetterWord);
  if (letters.length < 2) return null;
  const lastWord = left[left.length - 1]!;
  // `The party, typically attended by hundreds, "allows us to get our message out," Smith said`:
  // a comma closing a parenthesis after the subject still runs into the quotation.
  // `With thousands of counting systems, "there is no single point of failure," he said`: an
  // adverbial opener before the comma belongs to the quotation too.
  const opener = ADVERBIAL_OPENER.test(letters[0]!.lower) && left[0] === letters[0];
  if ((lastWord.text === ',' && left.filter((w) => w.text === ',').length < 2 && !opener) || lastWord.text === ':' || lastWord.text === '—' || lastWord.text === '(' || lastWord.text === '.') return null;
  if (left.some((w) => w.text === '"' || w.text === '“' || w.text === '”' || w.text === ';' || w.text === ':')) return null;
  if (letters.some((w) => cueClass(w.lower) === 'speech' && !isCapitalised(w))) return null;
  return letters[0]!.start;
}

export const QUOTE_MARK = /["“”„«»]/;

/** `, adding that …` / `, saying …` after a right-hand cue: the clause it introduces. */
export function addedClause(text: string, right: readonly Word[], cue: Cue, sentences: readonly Sentence[]): { content: Span; cue: Span } | null {
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
export function subjectVerbBefore(left: readonly Word[]): { cue: Cue; contentStart: number } | null {
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

// Nouns that stand for what someone said: `his call for "a total ban"`, `Obama's promise that "…"`.
const SPEECH_NOUN = /^(?:call|calls|claim|claims|promise|promises|pledge|pledges|vow|vows|comment|comments|remark|remarks|statement|statements|words|slogan|demand|demands|warning|warnings|assertion|refrain|mantra|catchphrase|catch-phrase|declaration|description|insistence|argument|accusation|charge|boast|quip|line|rallying)$/;

/**
 * `his call for "a total and complete ban"`, `Sanders's clarion call for a "revolution"`,
 * `Obama's promise that "…"`: a possessive and a noun of saying report the possessor's words.
 */
export function possessiveNounCue(left: readonly Word[]): { cue: Cue; contentStart: number } | null {
  let k = left.length - 1;
  if (k >= 0 && /^(?:a|an|the)$/.test(left[k]!.lower)) k--;
  if (k >= 0 && /^(?:for|of|that|to)$/.test(left[k]!.lower)) k--;
  const content = left[k + 1] && /^(?:for|of|that|to)$/.test(left[k + 1]!.lower) ? left[k + 2] : left[k + 1];
  const noun = left[k];
  if (!noun || !SPEECH_NOUN.test(noun.lower)) return null;
  // Up to two adjectives between the possessive and the noun (`clarion`, `famous`).
  for (let a = k - 1; a >= 0 && a >= k - 3; a--) {
    const w = left[a]!;
    const own = /^(?:his|her|their)$/.test(w.lower) || (/[’']s$/.test(w.text) && isCapitalised(w));
    if (own) {
      const head = { start: w.start, end: /[’']s$/.test(w.text) ? w.end - 2 : w.end };
      // With nothing between the noun and the marks, the content starts at the opening mark.
      return { cue: { span: noun, speaker: { head, apposition: null }, after: noun.end }, contentStart: content ? content.start : Number.MAX_SAFE_INTEGER };
    }
    if (isCapitalised(w) || !isLetterWord(w) || /^(?:a|an|the|and|or|that|this)$/.test(w.lower)) return null;
  }
  return null;
}

/** A cue right of the closing mark: `, Smith said`, `, said Smith`, `— Jane Doe`, `, according to Smith`. */
export function cueRight(words: readonly Word[], fullStop: boolean, pause: boolean): Cue | null {
  let k = 0;
  // `"…," Smith said` and `"…", Smith said` pause before the cue; `"a prayer" for the nominee` does not.
  if (!pause && words[0]?.text !== ',' && !(words[0] && /^[—–―-]$/.test(words[0].text))) return fullStop ? bareAttribution(words, 0) : null;
  while (k < words.length && (words[k]!.text === ',' || words[k]!.text === '?' || words[k]!.text === '!')) k++;
  const first = words[k];
  if (!first) return null;
  if (first.text === '—' || first.text === '–' || first.text === '―' || (first.text === '-' && words[k + 1]?.text !== '-')) {
    // A sign-off: `"…" — Jane Doe, spokeswoman` closing its paragraph.
    const sp = words.length - k <= 16 && words[k + 1] && isCapitalised(words[k + 1]!) ? speakerAfter(words.slice(k + 1)) : null;
    return sp ? { span: first, speaker: sp, after: first.end } : null;
  }
  // `"We lost." He added that …` starts a new sentence: not this quotation's cue, unless the
  // sentence is only a speaker and a speech verb (`"… are missing." Trump said.`).
  if (fullStop) return bareAttribution(words, k);
  let paren = 0;
  for (let c = k; c < Math.min(words.length, k + 40); c++) {
    const w = words[c]!;
    // `"…," Sen. Harry M. Reid (D-Nev.) said`: a dot inside a parenthesis ends nothing.
    if (w.text === '(') paren++;
    else if (w.text === ')') paren = Math.max(0, paren - 1);
    if (paren > 0) continue;
    // `Mitch McConnell, R-Ky., said`: a dot before a comma closes an abbreviation, not a sentence.
    if (w.text === '.' && !(c > 0 && /^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|St|Jr|[A-Z])$/.test(words[c - 1]!.text)) && !(words[c + 1]?.text === ',' && words[c + 1]!.start === w.end)) return null;
    if (w.text === ';' || w.text === '"' || w.text === '“' || w.text === '”' || w.text === ':') return null;
    if (w.lower === 'according' && words[c + 1]?.lower === 'to') {
      const sp = speakerAfter(words.slice(c + 2));
      return sp ? { span: { start: w.start, end: words[c + 1]!.end }, speaker: sp, after: sp.head.end } : null;
    }
    // `"…," she went on.`: the subject right before `went on` closing the sentence.
    if (c > k && /^(?:went|goes)$/.test(w.lower) && words[c + 1]?.lower === 'on' && (!words[c + 2] || /^[.,]$/.test(words[c + 2]!.text))) {
      const sp = speakerBefore(words.slice(k, c), w);
      return sp && sp.head.start === words[k]!.start ? { span: { start: w.start, end: words[c + 1]!.end }, speaker: sp, after: words[c + 1]!.end } : null;
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
    const sp = speakerBefore(words.slice(k, c), w);
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

/** `Trump said.`, `said Smith.`: a sentence of a speaker and a speech verb only, after a quotation. */
function bareAttribution(words: readonly Word[], k: number): Cue | null {
  const stop = words.findIndex((w, i) => i >= k && w.text === '.' && !(i > 0 && isAbbreviation(words[i - 1]!)));
  if (stop < 0 || stop - k > 6 || stop - k < 2) return null;
  const stretch = words.slice(k, stop);
  const last = stretch[stretch.length - 1]!;
  if (cueClass(last.lower) === 'speech' && !last.lower.endsWith('ing')) {
    const sp = speakerBefore(stretch.slice(0, -1), last);
    return sp && sp.head.start === stretch[0]!.start && stretch.slice(0, -1).every((w) => isLetterWord(w) || w.text === '.') ? { span: last, speaker: sp, after: last.end } : null;
  }
  const first = stretch[0]!;
  if (cueClass(first.lower) === 'speech' && !first.lower.endsWith('ing') && !takesAddressee(first.lower)) {
    const sp = speakerAfter(stretch.slice(1));
    return sp && sp.head.end === last.end ? { span: first, speaker: sp, after: sp.head.end } : null;
  }
  return null;
}

export interface LeftCue {
  readonly kind: 'direct' | 'mixed';
  readonly cue: Cue;
  readonly contentStart: number;
  /** The cue touches the opening mark with no comma or colon between. */
  readonly bare?: boolean;
}

/** A cue left of the opening mark: `Smith said:`, `Smith told CNN,`, `According to Smith,`, `He called the deal`. */
export function cueLeft(text: string, words: readonly Word[]): LeftCue | null {
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
  if (!after && speaker.head.start === words[0]!.start && head.every(isCapitalised) && head.length <= 4 && !head.some((w) => NOT_A_NAME.test(w.lower))) {
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
    let introParticiple = false;
    const w = words[c]!;
    if (w.text === '"' || w.text === '“' || w.text === '”') return null;
    let cueSpan: Span | null = null;
    let cls = cueClass(w.lower) ?? (READS.test(w.lower) && documentAuthor(words.slice(c + 1)) ? 'speech' : null);
    if (w.lower === 'according' && words[c + 1]?.lower === 'to') {
      cueSpan = { start: w.start, end: words[c + 1]!.end };
      cls = 'speech';
    } else if (/^puts?$/.test(w.lower) && words[c + 1]?.lower === 'it' && words[c + 2] && /^[,:]$/.test(words[c + 2]!.text) && c + 3 === words.length) {
      // `As John Cornyn, the No. 2 in the GOP leadership, put it: "…"`
      const speaker = speakerBefore(clauseBefore(words, c), w);
      if (speaker) return { kind: 'direct', cue: { span: { start: w.start, end: words[c + 1]!.end }, speaker, after: words[c + 2]!.start }, contentStart: 0 };
      continue;
    } else if (cls) {
      if (cls === 'naming' && !namingIsCue(words, c)) continue;
      // `a series of South Dakotans declaring, "I'm on meth."`: a speech participle right before the
      // comma or colon that opens the quotation, its subject the noun phrase before it.
      introParticiple = cls === 'speech' && w.lower.endsWith('ing') && c === words.length - 2 && /^[,:]$/.test(words[c + 1]!.text);
      if (!introParticiple && !isVerbHere(words, c) && !(isCapitalised(w) && (c === 0 || words[c - 1]!.text === '.'))) continue;
      if (isCapitalised(w) && c > 0 && !(words[c - 1]!.text === '.' || words[c - 1]!.text === ':')) continue;
      cueSpan = w;
    }
    if (!cueSpan || !cls) continue;
    // `Trump said Sunday that he believed the country would "win big"`: a belief reported by an
    // earlier speech verb of the sentence belongs to that verb's quotation.
    if (reportedBelief(words, c)) continue;
    const tail = words.slice(c + (cueSpan.end > w.end ? 2 : 1));
    const lastWord = words[words.length - 1];
    const endsIntro = lastWord !== undefined && (lastWord.text === ',' || lastWord.text === ':');
    let speaker: SpeakerPhrase | null;
    // `Okafor later read from a letter by the state transport secretary, Daniel Ruiz:`: the
    // words read out are the letter's author's.
    const author = endsIntro && READS.test(w.lower) ? documentAuthor(tail) : null;
    if (author && lastWord) return { kind: 'direct', cue: { span: cueSpan, speaker: author, after: lastWord.start }, contentStart: 0 };
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
    const participle = (w.lower.endsWith('ing') && c > 0 && /^(?:,|upon|after|before|by|while|when|without|—)$/.test(words[c - 1]!.lower)) || introParticiple;
    speaker = speakerBefore(participle ? words.slice(0, c) : clauseBefore(words, c), w);
    // `He called it "careless," and said any "reasonable person" …`: right after the quotation
    // before, `and said` shares its subject; the caller gives it that quotation's speaker.
    // Also with a comma or an adverb about it: `…," and then tweeted that …`.
    const shared = !speaker && !participle && c <= 4 && words.slice(0, c).some((x) => x.lower === 'and') && words.slice(0, c).every((x) => x.text === ',' || x.lower === 'and' || /^(?:then|later|also|again|[a-z]+ly)$/.test(x.lower));
    if (!speaker && !shared) return null;
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
    // `…, to which O'Malley interjected: "It's just not true."`: after a colon the marks hold the
    // whole quotation, whatever cue came before.
    if (lastWord?.text === ':') return { kind: 'direct', cue: { span: cueSpan, speaker, after: lastWord.start }, contentStart: 0 };
    return { kind: 'mixed', cue: { span: cueSpan, speaker, after: w.end }, contentStart: contentStartAfter(words, c) };
  }
  return null;
}

const READS = /^(?:read|reads|reading|quoted|quotes|quoting|cited|cites|citing|recited)$/;
const DOCUMENT = /^(?:letter|statement|memo|email|e-mail|note|message|post|tweet|declaration|transcript|speech|testimony|affidavit|report|essay|column)$/;

/** The author in `from a letter by X`, `a statement from X` (within the words after a cue). */
function documentAuthor(tail: readonly Word[]): SpeakerPhrase | null {
  for (let k = 0; k + 2 < tail.length && k < 8; k++) {
    if (DOCUMENT.test(tail[k]!.lower) && /^(?:by|from)$/.test(tail[k + 1]!.lower)) return speakerAfter(tail.slice(k + 2));
  }
  return null;
}

/** True when `that` + a subject of at most two words comes before the belief verb at `c`, and a speech verb before that. */
function reportedBelief(words: readonly Word[], c: number): boolean {
  for (let k = c - 1; k >= 0 && k >= c - 3; k--) {
    // `Clinton says she appreciated it through what she calls a "war of words"` too.
    if (words[k]!.lower !== 'that' && words[k]!.lower !== 'what') continue;
    for (let j = k - 1; j >= 0 && j >= k - 14; j--) if (cueClass(words[j]!.lower) === 'speech') return true;
    return false;
  }
  return false;
}

/** Where reported content starts after a cue: the word after it, after the addressee of `told`. */
function contentStartAfter(words: readonly Word[], c: number): number {
  const cue = words[c]!;
  let k = c + 1;
  // `said Monday that …`, `is telling supporters after his victory that …`: content opens at `that`.
  const that = words.slice(k, k + (takesAddressee(cue.lower) ? 18 : 12)).findIndex((w) => w.lower === 'that');
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
  // `told African-Americans this weekend he would …`: a time right after the cue is the writer's.
  if (/^(?:this|last)$/.test(words[k]?.lower ?? '') && /^(?:week|weekend|month|year|morning|afternoon|evening|night)$/.test(words[k + 1]?.lower ?? '')) k += 2;
  else if (/^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight)$/.test(words[k]?.lower ?? '') && words[k + 1] && !/^[,.;:!?]$/.test(words[k + 1]!.text)) k += 1;
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
  return PRONOUNS.has(before.lower) || isCapitalised(before) || /^(?:has|have|had|also|then|once|repeatedly|previously)$/.test(before.lower) || (before.lower === 'and' && /^(?:him|her|them|it|me|us|you|people|this|that|the|his|their|its)$/.test(words[c + 1]?.lower ?? ''));
}

/** The words of the clause that ends at word `c`: back to a sentence start, `;`, a quotation mark. */
function clauseBefore(words: readonly Word[], c: number): Word[] {
  let s = c;
  // `Ted Cruz, when asked what is wrong, responded`: a subordinate clause between commas is
  // skipped whole, and the subject is before it.
  if (words[c - 1]?.text === ',') {
    for (let j = c - 2; j > 0 && c - j <= 30; j--) {
      if (words[j]!.text !== ',') continue;
      if (/^(?:when|while|after|before|as|if|although|though|asked|speaking|who|which)$/.test(words[j + 1]?.lower ?? '')) s = j;
      break;
    }
  }
  while (s > 0) {
    const w = words[s - 1]!;
    // `Sen. Ted Cruz (Tex.) has said`, `Mitch McConnell, R-Ky., said`: a dot before `)` or `,` ends an abbreviation.
    if (w.text === ';' || w.text === '"' || w.text === '“' || w.text === '”' || w.text === ':' || w.text === '.' && !(s > 1 && /^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|St|Jr|[A-Z])$/.test(words[s - 2]!.text)) && !/^(?:[),]|\d.*)$/.test(words[s]?.text ?? '')) break;
    if (/^(?:and|but|that|because|while|when|after|as|so|since|if|which|whom)$/.test(w.lower) && c - s >= 1) {
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
  // `… but in a later interview said`: a short lower-case adjunct between `but` and the cue.
  if (to - from >= 2 && to - from <= 5 && /^(?:in|on|at|during|after|before|later)$/.test(words[from]!.lower) && words.slice(from, to).every((w) => isLetterWord(w) && !isCapitalised(w) && !PRONOUNS.has(w.lower))) return true;
  // `… and repeatedly says, "…"`: an adverb between `and` and the cue is filler too.
  for (let k = from; k < to; k++) if (!/^(?:also|then|later|now|still|again|even|just|never|often|once|has|had|have|would|will|he|she|they|[a-z]+ly)$/.test(words[k]!.lower)) return false;
  return true;
}

// Forms that are nouns as often as verbs (`state`, `reports`, `warning`): a cue only after a
// subject pronoun, a modal or auxiliary, `to`, or (for -ing forms) a comma.
const AMBIGUOUS = new Set(
  'state states report reports note notes claim claims post posts charge charges counter counters demand demands promise promises estimate estimates remark remarks tweet tweets reply replies chant chants stress echo echoes thanks praise plead joke jokes warning warnings read reads call calls label labels brand brands blast blasts mock mocks tout touts repeat repeats concern concerns comment comments statement fear fears hope hopes doubt doubts worry worries belief beliefs wish wishes'.split(' '),
);

function isVerbHere(words: readonly Word[], c: number): boolean {
  const w = words[c]!;
  const prev = words[c - 1];
  const ing = w.lower.endsWith('ing');
  if (!AMBIGUOUS.has(w.lower) && !ing) return true;
  if (!prev) return ing;
  if (PRONOUNS.has(prev.lower) || /^(?:he|she|they|i|we|you|it)['’](?:s|re|ve|d|ll|m)$/.test(prev.lower) || /^(?:will|would|can|could|should|may|might|must|did|does|do|also|has|have|had|then|later|first|again|once|finally|is|was|were|are|been|be|keeps?|kept|continues?|continued|publicly|repeatedly|often)$/.test(prev.lower)) return true;
  if (ing) return /^(?:,|—|and|upon|after|before|by|while|when|without)$/.test(prev.lower);
  // `to fear a "pact"`, `to call it`: an infinitive (but `according to reports`).
  if (prev.lower === 'to' && !w.lower.endsWith('s')) return true;
  // `The New York Post reports that …`: a third-person form right after a name.
  if (/[^s]s$/.test(w.lower) && isCapitalised(prev) && isLetterWord(prev) && words[c + 1]?.lower === 'that') return true;
  // `Obama and Clinton call them "lone wolves"`, `Trump calls him "Lyin' Ted"`: after a name, with an object.
  const next = words[c + 1];
  return NAMING_VERB.test(w.lower) && isCapitalised(prev) && isLetterWord(prev) && next !== undefined && /^(?:him|her|them|it|me|us|you|this|that|the|his|their|its)$/.test(next.lower);
}

const NAMING_VERB = /^(?:call|calls|label|labels|brand|brands)$/;
