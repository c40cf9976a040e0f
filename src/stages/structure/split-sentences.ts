import type { Paragraph, Sentence } from '../../core/layers.js';
import { trimSpan } from '../../core/span.js';

// Words after which a full stop does not end a sentence (`Sen. Warren`, `Sept. 11`).
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof sen rep gov gen lt col maj capt sgt adm cmdr pres st jr sr rev hon fr ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec no vs etc inc corp co ltd dept est fig ' +
    'u.s u.k u.n e.g i.e a.m p.m d.c ft mt ave blvd' 
  ).split(' '),
);

const OPENERS = '"“‘\'«„(['; // a sentence may open with a mark
const CLOSERS = '"”’\'»)]';

/**
 * Sentences inside each paragraph: a split after `.`, `!` or `?` (and any closing marks)
 * when white space and an upper-case letter, digit or opening mark follow, except after a
 * known abbreviation or a single initial (`George W. Bush`). Linear in the text length.
 */
export function splitSentences(text: string, paragraphs: readonly Paragraph[]): Sentence[] {
  const out: Sentence[] = [];
  paragraphs.forEach((p, index) => {
    let start = p.start;
    for (let i = p.start; i < p.end; i++) {
      const c = text[i]!;
      if (c !== '.' && c !== '!' && c !== '?' && c !== '…') continue;
      let j = i + 1;
      while (j < p.end && (text[j] === '.' || text[j] === '!' || text[j] === '?' || CLOSERS.includes(text[j]!))) j++;
      if (j >= p.end) break;
      if (!/\s/.test(text[j]!)) continue;
      let k = j;
      while (k < p.end && /\s/.test(text[k]!)) k++;
      if (k >= p.end) break;
      const next = text[k]!;
      if (!(isUpper(next) || /\d/.test(next) || OPENERS.includes(next))) continue;
      if (c === '.' && endsWithAbbreviation(text, start, i)) continue;
      const s = trimSpan(text, { start, end: j });
      if (s.end > s.start) out.push({ ...s, paragraph: index });
      start = k;
      i = k - 1;
    }
    const s = trimSpan(text, { start, end: p.end });
    if (s.end > s.start) out.push({ ...s, paragraph: index });
  });
  return out;
}

function isUpper(c: string): boolean {
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

function endsWithAbbreviation(text: string, from: number, dot: number): boolean {
  let w = dot;
  while (w > from && /[\p{L}.]/u.test(text[w - 1]!)) w--;
  const word = text.slice(w, dot);
  if (word.length === 1 && isUpper(word)) return true; // an initial
  const lower = word.toLowerCase();
  return ABBREVIATIONS.has(lower) || /^(?:\p{L}\.)+\p{L}$/u.test(word);
}
