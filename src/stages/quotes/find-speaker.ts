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

// Words a headline's label before the colon may hold that no speaker's name holds.
export const NOT_A_NAME = /^(?:the|a|an|is|are|was|were|not|no|never|more|most|one|in|for|why|how|what|when|breaking|wow|look|revealed|bombshell|busted|exclusive|update|latest|watch|opinion|editorial|analysis|live|video|photos|just)$/;

export const PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'it', 'you', 'who']);

// A negation or a negated auxiliary before a cue (`The office didn't respond`, `Smith has not
// commented`) belongs to the cue, as in PolNeAR's `did not respond to`, never to the speaker.
const NEGATED = "not never cannot can't can’t didn't didn’t doesn't doesn’t don't don’t won't won’t wouldn't wouldn’t hasn't hasn’t haven't haven’t hadn't hadn’t isn't isn’t wasn't wasn’t weren't weren’t aren't aren’t couldn't couldn’t shouldn't shouldn’t nevertheless nonetheless".split(' ');
// `Words cannot describe …`, `I can't say`: an inability to speak reports nothing.
const UNABLE = /^(?:cannot|can't|can’t|couldn't|couldn’t)$/;

// Words that may end the stretch before a cue without being part of the speaker
// (`Smith also said`, `Smith has repeatedly said`, `Smith, however, said`).
const BEFORE_CUE_FILLER = new Set(
  'also later then previously recently once again further still now has had have would will was is were are did does do had been be reportedly later earlier first last later subsequently just already often repeatedly frequently never even however though too publicly privately simply only'.split(' ').concat(NEGATED),
);

// Discourse words that open a sentence without being its subject (`Instead, Trump told CNN`).
const DISCOURSE = new Set(
  'as and but so then meanwhile however instead still later earlier also thus indeed moreover nevertheless now here there today yesterday yet or finally first second asked how what why whether well look yes oh okay ok listen'.split(' '),
);

// Words that open an adjunct, not a subject (`In a statement, Smith said`, `When asked, Smith said`).
const ADJUNCT = new Set(
  'until unless once amid among following given when while because if though although in on at after before during since for that what which where of with by from to under over according unlike like despite through without within speaking asked writing'.split(' '),
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
export function speakerBefore(all: readonly Word[], cue?: Word): SpeakerPhrase | null {
  // A dateline before a dash is not a speaker: `RENO, Nev. (AP) — Donald Trump says …`.
  const dash = all.findIndex((w) => w.text === '—' || w.text === '–' || w.text === '―');
  const words = outsideCitations(dash >= 0 && dash <= 8 && all.slice(0, dash).some((w) => /^[A-Z]{2,}$/.test(w.text)) ? all.slice(dash + 1) : all);
  let end = words.length;
  // `Now we are told the jets hit …`, `Smith was asked whether …`: a passive cue's subject is
  // the one spoken to, not the speaker. A progressive (`Smith is saying`) keeps its subject.
  if (!cue?.lower.endsWith('ing') && isPassiveBefore(words)) return null;
  // `The video prompted some Twitter users to argue …`: after a verb of causing or asking, the
  // object before `to` is the infinitive's subject.
  const controlled = objectBeforeTo(words);
  if (controlled) return controlled;
  // `Smith, however, said`, `Smith repeatedly said`; but `…, who was not authorised to speak
  // publicly, said` keeps its adverb, which belongs to the clause before the comma.
  let comma = false;
  for (let k = end - 1; k >= 0 && k >= end - 3 && BEFORE_CUE_FILLER.has(words[k]!.lower); k--) if (UNABLE.test(words[k]!.lower)) return null;
  while (end > 0 && ((comma ? /^(?:however|though|too|also)$/.test(words[end - 1]!.lower) : BEFORE_CUE_FILLER.has(words[end - 1]!.lower) || (/ly$/.test(words[end - 1]!.lower) && !isCapitalised(words[end - 1]!))) || words[end - 1]!.text === ',')) {
    if (words[end - 1]!.text === ',') comma = true;
    end--;
  }
  if (end === 0) return null;
  const segments: Word[][] = [[]];
  for (let k = 0; k < end; k++) {
    const w = words[k]!;
    // `Sen. Elizabeth Warren (D-MA) said`: a short parenthesis (party, state, age) is no segment.
    if (w.text === '(') {
      let j = k + 1;
      while (j < end && j - k <= 5 && words[j]!.text !== ')' && words[j]!.text !== '(') j++;
      if (j < end && words[j]!.text === ')') {
        k = j;
        continue;
      }
    }
    if (w.text === ',' || w.text === '—' || w.text === '–' || w.text === '―' || w.text === '(' || w.text === ')' || w.text === '--') segments.push([]);
    else segments[segments.length - 1]!.push(w);
  }
  const segs = segments.filter((s) => s.length > 0);
  const lastSeg = segs[segs.length - 1];
  // `…, including, he said, "…"`: a pronoun right before the cue is the subject.
  if (lastSeg && lastSeg.length === 1 && PRONOUNS.has(lastSeg[0]!.lower)) return { head: spanOf(lastSeg), apposition: null };
  // The subject is the first segment that is not an adjunct; the last segment, which holds
  // the cue's own clause, may open with `when` or `as` (`As Smith pointed out, …`).
  let afterAdjunct = false;
  for (let k = 0; k < segs.length; k++) {
    const isLast = k === segs.length - 1;
    const seg = stripDiscourse(segs[k]!, isLast);
    if (seg.length === 0) continue;
    const next = segs[k + 1];
    // `One of them, Hugh Hill, a surgeon, said`: a partitive before a name introduces it.
    if (!isLast && next && isPartitive(seg) && isProperName(next)) continue;
    // `At an event in Ames, Iowa, on Sunday, Mrs. Clinton said`: `Iowa` ends the adjunct.
    // `… in Hilton Head, S.C., Rubio offered`: the dots of an abbreviated state are part of the place.
    const placeWords = seg.filter((w) => w.text !== '.');
    const placeAfterAdjunct = afterAdjunct && placeWords.length <= 2 && placeWords.every(isCapitalised);
    // `WASHINGTON, …` is a dateline; `IRNA, in a report …, claimed` is a subject.
    const dateline = isShouting(seg) && (seg.length > 1 || (next !== undefined && isCapitalised(next[0]!)));
    if (!isLast && (ADJUNCT.has(seg[0]!.lower) || !startsLikeHead(seg) || dateline || (!isShouting(seg) && isAdjunctPhrase(seg)) || placeAfterAdjunct)) {
      afterAdjunct = true;
      continue;
    }
    afterAdjunct = false;
    // `you're worried about`, `she's said`: the pronoun of a contraction is the subject.
    const contracted = CONTRACTED.exec(seg[0]!.text);
    if (contracted && seg.length === 1) return { head: { start: seg[0]!.start, end: seg[0]!.start + contracted[1]!.length }, apposition: null };
    if (!isLast && isApposition(seg) && !DETERMINERS.has(seg[0]!.lower)) continue;
    const head = trimHead(seg);
    // `Trump will probably use it to make news, Kall said`: a segment that is a clause of its
    // own (its head cut before a finite verb) is not the subject when a name comes right before the cue.
    const clause = head.length < seg.length && (FINITE_AFTER_HEAD.test(seg[head.length]!.lower) || (head.length === 1 && PRONOUNS.has(head[0]!.lower)));
    if (!isLast && lastSeg && clause && (isProperName(lastSeg) || isDescription(lastSeg) || (lastSeg.length === 1 && PRONOUNS.has(lastSeg[0]!.lower)))) {
      return { head: spanOf(lastSeg), apposition: null };
    }
    if (!looksLikeHead(head)) return null;
    // `we owe it to our flag and to our grandparents to say no`: a cue after `to` is an
    // infinitive, and the object of a preposition before `to` is not its subject.
    if (head[head.length - 1]!.lower === 'to' && seg !== segs[k] && PREPOSITION_BEFORE.test(segs[k]![segs[k]!.indexOf(seg[0]!) - 1]?.lower ?? '')) return null;
    // `A coordinator for the network, Paulo Mendes, told`: a description, then the name it describes.
    if (!isLast && next && isDescription(head) && isProperName(next)) {
      return { head: spanOf(next), apposition: spanOf(head) };
    }
    const apposition = next && !isLast && isApposition(next) ? spanOf(next) : null;
    // Later segments that are neither an apposition nor an adjunct mean the head is wrong:
    // `Clinton, during a meeting in Columbus, Ohio, said` keeps Clinton; `Smith, Jones said` takes Jones.
    return { head: spanOf(head), apposition };
  }
  return null;
}

const OBJECT_CONTROL = /^(?:prompted|prompting|prompts|led|leading|urged|urging|urges|forced|forcing|encouraged|encouraging|encourages|pushed|pushing|caused|causing|inspired|inspiring|invited|inviting|pressed|pressing|called on|allowed|allowing|got|getting|spurred|spurring|drove|driving)$/;
const OBJECT_START = /^(?:some|many|several|other|others|most|a|an|the|his|her|their|its|our|many|dozens|hundreds|thousands|critics|users|people|officials|voters|supporters|residents|lawmakers|activists|experts|observers)$/;

/** `prompted some Twitter users to`: the object of a verb of causing, before a final `to`. */
function objectBeforeTo(words: readonly Word[]): SpeakerPhrase | null {
  const n = words.length;
  if (n < 3 || words[n - 1]!.lower !== 'to') return null;
  for (let v = n - 2; v >= 0 && v >= n - 7; v--) {
    const w = words[v]!;
    if (!isLetterWord(w)) return null;
    if (!OBJECT_CONTROL.test(w.lower)) continue;
    const object = words.slice(v + 1, n - 1);
    if (object.length === 0 || !(OBJECT_START.test(object[0]!.lower) || isCapitalised(object[0]!)) || object.some((x) => !isLetterWord(x) || x.lower === 'to' || FINITE_AFTER_HEAD.test(x.lower))) return null;
    return { head: spanOf(object), apposition: null };
  }
  return null;
}

const PREPOSITION_BEFORE = /^(?:to|of|for|with|from|on|in|at|by|into|about)$/;
const FINITE_AFTER_HEAD = /^(?:is|was|are|were|has|had|have|will|would|can|could|should|may|might|must|did|does|do)$/;
const CONTRACTED = /^(he|she|they|i|we|you|He|She|They|I|We|You)['’](?:re|s|ve|d|ll|m)$/;
const BE = /^(?:is|are|was|were|be|been|being|am|'s|’s)$/;

// Words that open a citation in brackets: `(ibid, citing FARS)`, `(see Smith 2015)`, `(source: …)`.
const CITATION_OPENER = /^(?:ibid|ibidem|id|idem|op|loc|cf|see|via|source|sources|citing|cited|quoted|posted|published|reported|accessed|retrieved)$/;

/** True when the words inside a bracket read as a reference, not as part of a noun phrase. */
export function isCitation(inside: readonly Word[]): boolean {
  const first = inside.find(isLetterWord);
  if (!first) return true;
  if (CITATION_OPENER.test(first.lower)) return true;
  // `(Anna Reyes, 'Witnesses describe …', The Washington Post, 4 June 2015)`: a year or a quoted title.
  return inside.some((w) => /^(?:1[89]|20)\d\d$/.test(w.text) || w.text === "'" || w.text === '‘' || w.text === '"' || w.text === '“');
}

/**
 * The words a speaker may be taken from: a citation in brackets is never part of a speaker.
 * A cue inside an open bracket (`… at over a hundred (ibid, citing FARS news agency)`) takes its
 * subject in the bracket when the bracket holds a clause of its own (`(aides said …`), and from
 * before the bracket when the bracket is a citation; closed brackets holding a citation
 * (`The report (ibid) said`) are left out.
 */
function outsideCitations(words: readonly Word[]): readonly Word[] {
  if (!words.some((w) => w.text === '(')) return words;
  let open = -1;
  for (let k = words.length - 1; k >= 0; k--) {
    if (words[k]!.text === ')') break;
    if (words[k]!.text === '(') {
      open = k;
      break;
    }
  }
  let ws = words;
  if (open >= 0) {
    const inside = words.slice(open + 1);
    ws = isCitation(inside) ? words.slice(0, open) : inside;
  }
  const out: Word[] = [];
  for (let k = 0; k < ws.length; k++) {
    if (ws[k]!.text === '(') {
      let j = k + 1;
      while (j < ws.length && ws[j]!.text !== ')' && ws[j]!.text !== '(') j++;
      if (j < ws.length && ws[j]!.text === ')' && isCitation(ws.slice(k + 1, j))) {
        k = j;
        continue;
      }
    }
    out.push(ws[k]!);
  }
  return out;
}

/** True when the words end in a form of `be` (adverbs and `not` aside): `we are told`, `he was not asked`. */
function isPassiveBefore(words: readonly Word[]): boolean {
  let k = words.length - 1;
  while (k >= 0 && (words[k]!.lower === 'not' || words[k]!.lower === 'also' || (/ly$/.test(words[k]!.lower) && !isCapitalised(words[k]!)))) k--;
  return k >= 0 && BE.test(words[k]!.lower);
}

/** `One of them`, `one of the doctors`, `Two of the witnesses`. */
function isPartitive(seg: readonly Word[]): boolean {
  return seg.length >= 3 && /^(?:one|two|three|four|some|another|each|both|many|several|none)$/.test(seg[0]!.lower) && seg[1]!.lower === 'of';
}

/** A person's or body's name: one to four capitalised words (`Paulo Mendes`, `Hugh Hill`). */
export function isProperName(seg: readonly Word[]): boolean {
  const letters = seg.filter((w) => w.text !== '.');
  return letters.length >= 1 && letters.length <= 4 && letters.every((w) => isCapitalised(w) && isLetterWord(w)) && !isShouting(letters);
}

/** A described speaker: a determiner then lower-case words (`a coordinator for the network`). */
function isDescription(seg: readonly Word[]): boolean {
  return seg.length >= 2 && DETERMINERS.has(seg[0]!.lower) && !isCapitalised(seg[1]!);
}

/** All capitals (`WASHINGTON`, `IRNA`). */
function isShouting(seg: readonly Word[]): boolean {
  return seg.every((w) => w.text === w.text.toUpperCase() && w.text.length >= 2) && seg.some((w) => w.text.length >= 4);
}

/** Strips discourse words (`Still, …`), and for the cue's own clause, subordinators too. */
function stripDiscourse(seg: Word[], isLast: boolean): Word[] {
  let k = 0;
  while (k < seg.length && (DISCOURSE.has(seg[k]!.lower) || !isLetterWord(seg[k]!) || (isLast && ADJUNCT.has(seg[k]!.lower) && k < seg.length - 1))) k++;
  return seg.slice(k);
}

// `Six months ago, …`, `On Monday, …`, `WASHINGTON — …`, `Horrified at the prospect, …`.
function isAdjunctPhrase(seg: readonly Word[]): boolean {
  const f = seg[0]!;
  if (/^(?:\d.*|one|two|three|four|five|six|seven|eight|nine|ten|several|last|next|this|earlier|later|early|late|hours|days|weeks|months|years|minutes|moments|shortly|soon|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(f.lower)) return true;
  if (seg.length <= 4 && seg.some((w) => /^(?:days|hours|weeks|months|years|minutes)$/.test(w.lower))) return true;
  // `More recently, Trump pledged`: a segment ending in an adverb is an adjunct.
  if (seg.length >= 2 && /ly$/.test(seg[seg.length - 1]!.lower) && !isCapitalised(seg[seg.length - 1]!) && seg.slice(1).every((w) => !isCapitalised(w))) return true;
  if (/^(?:ago|later|earlier|afterward|afterwards|monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|night|evening|afternoon|today|yesterday)$/.test(seg[seg.length - 1]!.lower)) return true;
  return f.lower.length > 5 && /(?:ed|ing)$/.test(f.lower) && !DETERMINERS.has(f.lower);
}

function startsLikeHead(seg: readonly Word[]): boolean {
  const f = seg[0]!;
  return isCapitalised(f) || DETERMINERS.has(f.lower) || PRONOUNS.has(f.lower) || GROUP.test(f.lower);
}

/** Cuts a head before a verb: `Republican criticized the policy and said` → `Republican`. */
function trimHead(seg: Word[]): Word[] {
  if (PRONOUNS.has(seg[0]!.lower) && seg[0]!.lower !== 'who') return seg.slice(0, 1); // `He also expressed … and said`
  for (let k = 1; k < seg.length; k++) {
    const w = seg[k]!;
    if (isCapitalised(w)) continue;
    if (w.lower === 'who') return seg; // `Officials who asked not to be named`
    // `The interior ministry on Monday rejected …`: a time adjunct ends the subject.
    if (TIME_ADJUNCT.test(w.lower) && (TIME_WORD.test(seg[k + 1]?.lower ?? '') || /^(?:yesterday|today|tonight)$/.test(w.lower))) return seg.slice(0, k);
    if (BEFORE_CUE_FILLER.has(w.lower) && !DETERMINERS.has(w.lower)) return seg.slice(0, k);
    if (/^(?:went|made|gave|took|came|began|sought|tried|appeared|seemed|got|put|used|wants|wanted|needs|needed|goes|makes|takes|gets)$/.test(w.lower)) return seg.slice(0, k);
    // `the Republican field remained divided`, `a court document filed by`: a past form after a noun.
    const prevWord = seg[k - 1]!;
    const pastAfterNoun = /ed$/.test(w.lower) && k >= 2 && !DETERMINERS.has(prevWord.lower) && !/ly$/.test(prevWord.lower) && isLetterWord(prevWord);
    // `The same report said`: a noun that is also a cue verb ends the subject, it does not cut it.
    if (k === seg.length - 1 && NOUN_TOO.test(w.lower) && !PRONOUNS.has(prevWord.lower)) return seg;
    // `A second state outlet put …`: a cue form before a noun modifies it.
    const nextWord = seg[k + 1];
    if (MODIFIER_TOO.test(w.lower) && nextWord && MODIFIED.test(nextWord.lower)) continue;
    if (cueClass(w.lower) || pastAfterNoun || (/ed$/.test(w.lower) && isCapitalised(prevWord)) || /^(?:is|was|are|were|has|had|have|will|would|can|could|did|does|do)$/.test(w.lower)) return seg.slice(0, k);
  }
  return seg;
}

const MODIFIER_TOO = /^(?:state|news|report|press|campaign|party|court|police|poll|survey)$/;
const MODIFIED = /^(?:outlets?|media|agency|agencies|news|newspapers?|television|tv|radio|broadcaster|broadcasters|officials?|lawmakers?|legislators?|legislature|senators?|attorneys?|prosecutors?|department|office|offices|secretary|spokesm[ae]n|spokeswom[ae]n|spokesperson|managers?|aides?|staff|staffers|leaders?|chairm[ae]n|chairwoman|committee|officers?|chief|documents?|filings?|records?|results|data|numbers|figures|release|releases|card)$/;
const NOUN_TOO = /^(?:report|reports|statement|post|posts|tweet|tweets|note|claim|claims|estimate|estimates|remark|remarks|reply|read|promise|warning|account|accounts)$/;
const TIME_ADJUNCT = /^(?:on|last|this|late|early|earlier|yesterday|today|tonight)$/;
const TIME_WORD = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year|night|morning|afternoon|evening|weekend|day|jan|feb|january|february|march|april|june|july|august|september|october|november|december)$/;

const GROUP = /^(?:officials?|sources?|aides?|advisers?|advisors?|analysts?|critics?|experts?|observers?|insiders?|supporters?|opponents?|residents?|witnesses?|police|authorities|democrats?|republicans?|investigators?|prosecutors?|lawmakers?|economists?|people|voters?|activists?|researchers?|scientists?|doctors?|protesters?|organizers?|diplomats?|polls?|surveys?|studies|reports?|documents?|records?|data|estimates?)$/;

/**
 * The speaker after a cue (`said Sandra Sucher, a Harvard professor.`, `says he`,
 * `reports the New York Times:`). Stops at punctuation or a preposition that starts an adjunct.
 */
export function speakerAfter(words: readonly Word[]): SpeakerPhrase | null {
  let k = 0;
  const head: Word[] = [];
  if (words[0] && AFTER_STOP.has(words[0].lower)) return null;
  while (k < words.length && head.length < 16) {
    const w = words[k]!;
    if (!isLetterWord(w) && !(w.text === '.' && head.length > 0 && isAbbreviation(head[head.length - 1]!)) && w.text !== '’' && w.text !== "'" && w.text !== '&') break;
    if (AFTER_STOP.has(w.lower) && head.length > 0) {
      // `a senior analyst for the International Crisis Group in Kabul`: a described speaker
      // keeps its prepositional phrases of proper names; `Smith in a statement` does not.
      const next = words[k + 1];
      const nextProper = next && (isCapitalised(next) || (next.lower === 'the' && words[k + 2] && isCapitalised(words[k + 2]!)));
      if (!(DETERMINERS.has(head[0]!.lower) && /^(?:for|at|in|with|from)$/.test(w.lower) && nextProper)) break;
    }
    if (w.lower === 'of' && !(words[k + 1] && isCapitalised(words[k + 1]!))) break;
    // `the state transport secretary`: after a determiner a cue form is a noun.
    if (head.length > 0 && cueClass(w.lower) && !isCapitalised(w) && !DETERMINERS.has(head[head.length - 1]!.lower)) {
      // `according to the authority's own annual report,`: a noun that is also a cue form, right
      // before a comma or the end, is the phrase's head noun; the speaker stops after it.
      const next = words[k + 1];
      // What follows its comma is the sentence's own clause, not an apposition.
      if (NOUN_TOO.test(w.lower) && (!next || /^[,.;:)]$/.test(next.text))) {
        head.push(w);
        return looksLikeHead(head) ? { head: spanOf(head), apposition: null } : null;
      }
      break;
    }
    // `said the price had doubled`: a finite verb means a clause follows the cue, not a speaker.
    if (FINITE.test(w.lower)) return null;
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
    // `the state transport secretary, Daniel Ruiz`: the name after a description is the head.
    if (app.length > 0 && isDescription(head) && isProperName(app)) return { head: spanOf(app), apposition: spanOf(head) };
    // `According to the city's finance office, the bridge will cost …`: a clause is not an apposition.
    if (app.length > 0 && isApposition(app) && !hasMainVerb(app)) apposition = spanOf(app);
  }
  return { head: spanOf(head), apposition };
}

// Auxiliaries and modals: in a noun phrase they can only belong to a relative clause.
const FINITE = /^(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|does|did|do)$/;

/** A finite verb outside a relative clause (`who had campaigned` is fine, `the bridge will cost` is not). */
function hasMainVerb(ws: readonly Word[]): boolean {
  for (const w of ws) {
    if (/^(?:who|whose|which|that|whom)$/.test(w.lower)) return false;
    if (FINITE.test(w.lower)) return true;
  }
  return false;
}

function isApposition(seg: readonly Word[]): boolean {
  const first = seg[0]!;
  // `one of the two members who voted against`
  if (isPartitive(seg)) return true;
  // `in a report reposted by …`, `during a meeting in Columbus`: an adjunct, not an apposition.
  if (/^(?:in|on|at|during|after|before|since|from|with|by|for|to|through|via|under|over|amid|despite|according)$/.test(first.lower)) return false;
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
  if (DETERMINERS.has(first.lower)) return seg.length >= 2 && seg.length <= 14;
  if (seg.some((w) => isCapitalised(w) && isLetterWord(w))) return seg.length <= 10;
  // `officials said`, `sources said`, `aides say`
  return seg.length <= 4 && GROUP.test(seg[seg.length - 1]!.lower);
}

export function isAbbreviation(w: Word): boolean {
  return /^(?:mr|mrs|ms|dr|sen|rep|gov|gen|lt|col|maj|capt|sgt|adm|st|jr|sr|rev|hon|prof|pres|u\.s|u\.k|u\.n|d\.c|inc|corp|co|ltd|[A-Z])$/i.test(w.text) && w.text.length <= 4;
}

function spanOf(ws: readonly Word[]): Span {
  return { start: ws[0]!.start, end: ws[ws.length - 1]!.end };
}
