import type { Span } from '../../core/span.js';
import type { Stance } from './types.js';

export interface StanceCue {
  readonly span: Span;
  readonly stance: Exclude<Stance, 'neutral'>;
}

const DISPUTED =
  "(?:falsely|wrongly|erroneously|baselessly|misleadingly)\\s+(?:[a-z]{1,20}\\s+)?(?:claimed|claims|claiming|said|says|stated|asserted|alleged|accused|insisted|suggested)|without\\s+(?:(?:providing|offering|giving|citing|presenting)\\s+)?(?:any\\s+)?evidence|so-called|baseless|unfounded|debunked|false\\s+claims?|discredited";
const ENDORSED = 'confirmed|confirms|acknowledged|acknowledges|admitted|admits|conceded|concedes|revealed|reveals|disclosed|discloses|verified';

const PATTERN = new RegExp(`\\b(?:(${DISPUTED})|(${ENDORSED}))\\b`, 'gi');
// `could not confirm`, `nobody … confirmed`, `declined to confirm`: negated endorsements are not endorsements.
const NEGATION = /\b(?:not|n't|no|nobody|no one|never|neither|nor|declined to|refused to|unable to|yet to|cannot|without|failed to)\s+(?:\p{L}+\s+){0,2}$/iu;

/**
 * Words by which the author disputes (`falsely claimed`, `without evidence`, `so-called`) or
 * endorses (`confirmed`, `acknowledged`, `revealed`) what is attributed. `skip` holds spans that
 * are not the author's words (quotation content): a speaker saying "confirmed" is not the author's stance.
 */
export function findStanceCues(text: string, from: number, to: number, skip: readonly Span[] = []): StanceCue[] {
  const out: StanceCue[] = [];
  const slice = text.slice(from, to);
  PATTERN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PATTERN.exec(slice)) !== null) {
    const span = { start: from + m.index, end: from + m.index + m[0].length };
    if (skip.some((s) => s.start < span.end && span.start < s.end)) continue;
    if (m[2]) {
      const before = text.slice(Math.max(from, span.start - 40), span.start);
      if (NEGATION.test(before)) continue;
    }
    out.push({ span, stance: m[1] ? 'disputed' : 'endorsed' });
  }
  return out;
}
