import type { Span } from '../../core/span.js';
import type { HedgeKind } from './types.js';

export interface FoundHedge {
  readonly span: Span;
  readonly kind: HedgeKind;
  readonly cue: string;
}

const alt = (cues: readonly string[]) =>
  cues
    .map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .sort((a, b) => b.length - a.length)
    .join('|');

// Longest first inside each group, and the groups in this order, so that `could not be
// independently verified` wins over `verified` and `is said to` over nothing at all.
const UNVERIFIED = [
  'uncorroborated', 'unconfirmed', 'unverified', 'unsubstantiated',
  'could not be independently verified', 'could not be verified', 'cannot be verified', 'can not be verified',
  'could not be independently confirmed', 'could not be confirmed', 'cannot be confirmed', 'cannot be independently confirmed',
  'has not been verified', 'have not been verified', 'has not been independently verified', 'have not been independently verified',
  'has not been confirmed', 'have not been confirmed', 'not independently confirmed', 'not independently verified',
  'could not independently verify', 'could not independently confirm', 'was unable to verify', 'were unable to verify',
  'was unable to confirm', 'were unable to confirm', 'unable to independently verify', 'no independent confirmation',
  'not been able to verify', 'not been able to confirm', 'could not verify', 'could not confirm',
];
const EVIDENTIAL = [
  'allegedly', 'alleged', 'reportedly', 'purportedly', 'purported', 'supposedly', 'ostensibly', 'rumoured', 'rumored',
  'is said to', 'are said to', 'was said to', 'were said to', 'is reported to', 'are reported to', 'was reported to', 'were reported to',
  'is believed to', 'are believed to', 'was believed to', 'were believed to', 'is thought to', 'are thought to',
  'claims that', 'claimed that', 'claim that', 'claiming that', 'we are told', 'we were told', 'it is claimed', 'it was claimed',
];
const HEDGE = [
  'it seems', 'it seemed', 'it appears', 'it appeared', 'seems to', 'seem to', 'seemed to', 'appears to', 'appear to', 'appeared to',
  'apparently', 'possibly', 'perhaps', 'probably', 'likely', 'unlikely', 'may have', 'might have', 'could have',
  'suspected', 'presumably', 'unclear', 'not clear',
];

const PATTERN = new RegExp(`\\b(?:(${alt(UNVERIFIED)})|(${alt(EVIDENTIAL)})|(${alt(HEDGE)}))\\b`, 'gi');

/**
 * Hedges (`it seems`, `may have`), evidentials (`reportedly`, `is said to`, `claims that`) and
 * unverified-markers (`uncorroborated`, `could not be independently verified`) between `from` and
 * `to`. One scan; the cue is the matched words in lower case with single spaces.
 */
export function findHedges(text: string, from = 0, to = text.length): FoundHedge[] {
  const out: FoundHedge[] = [];
  const slice = text.slice(from, to);
  PATTERN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PATTERN.exec(slice)) !== null) {
    const kind: HedgeKind = m[1] ? 'unverified-marker' : m[2] ? 'evidential' : 'hedge';
    out.push({ span: { start: from + m.index, end: from + m.index + m[0].length }, kind, cue: m[0].toLowerCase().replace(/\s+/g, ' ') });
  }
  return out;
}
