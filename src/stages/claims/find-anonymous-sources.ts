import type { Span } from '../../core/span.js';

// Words naming a kind of source: `an Afghan army source`, `officials`, `a person`, `two diplomats`.
const SOURCE_NOUN =
  'sources?|officials?|persons?|people|diplomats?|officers?|insiders?|aides?|advisers?|advisors?|employees?|staff(?:ers)?|residents?|witnesses|members?|executives?|figures?|analysts?|pilots?|soldiers?|commanders?|spokesm[ae]n|spokeswom[ae]n|spokespersons?|individuals?|someone|somebody';
const DETERMINER = 'a|an|one|two|three|four|five|several|some|many|other|multiple|various|senior|\\d{1,3}';
const NP = `(?:(?:${DETERMINER})\\s+(?:[A-Za-z\\u00C0-\\u024F-]{2,20}\\s+){0,4}?|(?:[A-Za-z\\u00C0-\\u024F-]{2,20}\\s+)?)(?:${SOURCE_NOUN})`;

// What makes the source anonymous, right after the noun phrase.
const VEILS = [
  `,?\\s*who\\s+(?:asked|requested|spoke|declined|did not want|would not be|was not|were not|is not|are not)\\s+(?:not\\s+)?(?:to\\s+be\\s+(?:named|identified)|on\\s+(?:the\\s+)?condition\\s+of\\s+anonymity|anonymously|(?:authori[sz]ed|allowed|permitted)\\s+to\\s+(?:speak|comment)(?:\\s+publicly|\\s+on\\s+the\\s+record)?|to\\s+be\\s+identified|named|identified)`,
  `,?\\s*speaking\\s+(?:on\\s+(?:the\\s+)?condition\\s+of\\s+anonymity|anonymously|on\\s+background)`,
  `\\s+(?:familiar\\s+with|with\\s+(?:direct\\s+)?knowledge\\s+of|close\\s+to|briefed\\s+on)(?:\\s+(?:the|his|her|their|this|that)\\s+[A-Za-z\\u00C0-\\u024F-]{2,20}(?:\\s+(?!(?:said|says|told|say|added|claimed)\\b)[A-Za-z\\u00C0-\\u024F-]{2,20})?)?`,
];

const VEILED = new RegExp(`\\b${NP}(?:${VEILS.join('|')})`, 'gi');
// `sources said`, `an Afghan army source`, `anonymous officials`: the word source(s) with a
// determiner or a reporting verb, or an explicit `anonymous`/`unnamed`.
const BARE_SOURCE = new RegExp(
  `\\b(?:(?:${DETERMINER})\\s+(?:[A-Za-z\\u00C0-\\u024F-]{2,20}\\s+){0,3}?sources?\\b(?!\\s+(?:of|for)\\b)|sources(?=\\s+(?:said|say|says|told|claim|claimed|added|suggested|indicated|confirmed|within|inside|in|at)\\b)|(?:anonymous|unnamed|unidentified)\\s+(?:[A-Za-z\\u00C0-\\u024F-]{2,20}\\s+){0,2}?(?:${SOURCE_NOUN}))`,
  'gi',
);

const LEADING_NOISE =
  /^(?:(?:the|and|but|or|in|on|at|by|of|to|for|with|from|that|said|says|told|yesterday|today|friday|monday|tuesday|wednesday|thursday|saturday|sunday|late|early|when|while|as|then|also|however)\s+)+/i;

// `a senior official said`, `officials told reporters`, `a spokesman called it…`: an office, no name.
const UNNAMED_OFFICE = new RegExp(
  `\\b(?:(?:${DETERMINER})\\s+(?:[A-Za-z\\u00C0-\\u024F-]{2,20}\\s+){0,3}?)?(?:officials?|officers?|diplomats?|aides?|insiders?|staffers?|spokesm[ae]n|spokeswom[ae]n|spokespersons?)(?=\\s+(?:said|say|says|told|tells|added|confirmed|claimed|called|insisted|warned|described)\\b)`,
  'gi',
);

// Words each pattern cannot match without (one of every group), tested before the scan: most
// sentences have none. Each word is a plain part of every alternative, and the tests take the same
// flags (case-insensitive, no \u), so they never skip a match.
const NOUN_WORD = /source|official|person|people|diplomat|officer|insider|aide|advis|employee|staff|resident|witnesses|member|executive|figure|analyst|pilot|soldier|commander|spokes|individual|someone|somebody/i;
const VEIL_WORD = /who|speaking|familiar|knowledge|close|briefed/i;
const OFFICE_WORD = /official|officer|diplomat|aide|insider|staffer|spokes/i;
const SAID_WORD = /said|say|told|tells|added|confirmed|claimed|called|insisted|warned|described/i;
// The rarer word first.
const PATTERNS: readonly (readonly [RegExp, readonly RegExp[]])[] = [
  [VEILED, [VEIL_WORD, NOUN_WORD]],
  [BARE_SOURCE, [/source|anonymous|unnamed|unidentified/i]],
  [UNNAMED_OFFICE, [OFFICE_WORD, SAID_WORD]],
];

/**
 * Sources the text leaves unnamed: `officials who asked not to be named`, `a person familiar with
 * the talks`, `an Afghan army source`, `sources said`, `two diplomats, speaking on condition of
 * anonymity`. Spans cover the description; overlapping finds merge. One scan per pattern.
 */
export function findAnonymousSources(text: string, from = 0, to = text.length): Span[] {
  const slice = text.slice(from, to);
  const found: Span[] = [];
  for (const [re, needed] of PATTERNS) {
    if (!needed.every((word) => word.test(slice))) continue; // cannot match: skip the scan
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(slice)) !== null) {
      // A word picked up before the noun that is not part of it: `Friday officials who…`.
      const lead = LEADING_NOISE.exec(m[0]);
      const start = m.index + (lead ? lead[0].length : 0);
      found.push({ start: from + start, end: from + m.index + m[0].length });
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const s of found) {
    const last = merged[merged.length - 1];
    if (last && s.start < last.end) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, s.end) };
    else merged.push(s);
  }
  return merged;
}
