import type { Span } from '../../core/span.js';

const SAY = 'called|said|says|say|told|tells|reported|reports|claimed|claims|stated|states|announced|announces|added|wrote|writes|warned|insisted|argued|confirmed|acknowledged|admitted|denied|alleged|accused|noted|estimated|estimates';
// Words that say nothing about who the source is (`we are told`, `it is said`).
const EMPTY_SOURCE = /^(?:i|we|you|it|one|there|this|that|nobody|no one)$/i;

// `according to the city's finance office`, `citing FARS news agency`: up to the next break.
const ACCORDING = /\b(?:according\s+to|citing|as\s+reported\s+by|in\s+the\s+words\s+of)\s+([^,.;:!?()"“”\n]{2,80})/giu;
const ACCORDING_WORD = /according|citing|reported|words/iu;
// `…, the mayor's office said.` — a source after a comma, before a closing verb of saying.
const TRAILING_SOURCE = new RegExp(`,\\s*((?:[A-Za-z0-9\\u00C0-\\u024F'’.-]+\\s+){0,7}?[A-Za-z0-9\\u00C0-\\u024F'’.-]+)\\s+(?:${SAY})\\s*[.!?"”’)]*\\s*$`, 'i');
// `Witnesses said …`, `The ministry claimed that …` — a short subject before the verb of saying.
const LEADING_SOURCE = new RegExp(`^\\s*["“]?((?:[A-Za-z0-9\\u00C0-\\u024F'’.,-]+\\s+){0,11}?[A-Za-z0-9\\u00C0-\\u024F'’.-]+)\\s+(?:${SAY})\\b`, 'i');
// Sentence adverbs before the source: `First the coalition said nothing.`
const LEADING_NOISE = /^(?:(?:first|then|now|later|earlier|meanwhile|but|and|so|yet|also|still|instead|however|separately|previously)[,\s]+)+/i;
// A subject has no verb of its own: `The price had doubled since 2019` is not a source.
const VERBISH = /\b(?:is|are|was|were|has|have|had|will|would|could|should|did|does)\b/i;

/**
 * Sources named in a clause's own words, when no quote or citation says who: `according to X`,
 * `citing X`, `X said …`, `…, X said.` Returns the span of X. Pronouns `he`/`she`/`they` count
 * (they point back at someone named); `we`, `it`, `one` do not (`we are told`).
 */
export function findAttributions(text: string, clause: Span): Span[] {
  const slice = text.slice(clause.start, clause.end);
  const out: Span[] = [];
  // Every alternative of ACCORDING holds one of these words (tested with the same flags), so
  // without them the scan would find nothing.
  if (ACCORDING_WORD.test(slice)) {
    ACCORDING.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = ACCORDING.exec(slice)) !== null) {
      const name = m[1]!.trimEnd();
      const at = m.index + m[0].length - m[1]!.length;
      if (name.length > 0) out.push({ start: clause.start + at, end: clause.start + at + name.length });
    }
  }
  for (const re of [LEADING_SOURCE, TRAILING_SOURCE]) {
    if (re === TRAILING_SOURCE && !endsWithSay(slice)) continue; // cannot match: skip the scan from every comma
    const s = re.exec(slice);
    if (!s) continue;
    const lead = LEADING_NOISE.exec(s[1]!)?.[0].length ?? 0;
    const name = s[1]!.slice(lead).replace(/[,\s]+$/, '');
    if (EMPTY_SOURCE.test(name) || VERBISH.test(name) || name.length === 0) continue;
    const at = s.index + s[0].indexOf(s[1]!) + lead;
    out.push({ start: clause.start + at, end: clause.start + at + name.length });
  }
  return out;
}

const SAY_WORDS = new Set(SAY.split('|'));
const TRAILING_MARK = new Set([...'.!?"”’)']);
const SPACE = /\s/;

/**
 * Whether a clause ends as TRAILING_SOURCE needs: a verb of saying after white space, then only
 * closing marks and space. A loop from the end (linear), not a regex tried from every comma.
 */
function endsWithSay(s: string): boolean {
  let end = s.length;
  while (end > 0 && (TRAILING_MARK.has(s[end - 1]!) || SPACE.test(s[end - 1]!))) end--;
  let start = end;
  while (start > 0 && isAsciiLetter(s.charCodeAt(start - 1))) start--;
  return start > 0 && SPACE.test(s[start - 1]!) && SAY_WORDS.has(s.slice(start, end).toLowerCase());
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
