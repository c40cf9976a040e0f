import { normaliseQuoteContent } from './normalise-text.js';

/** Words per shingle. Four keeps common three-word phrases ("we will not") from linking quotes. */
export const SHINGLE_WORDS = 4;

// Where a quotation leaves words out: `…`, `...`, `[…]`, `(...)`. The store joins a quote's
// content spans with ` … ` too, so the words either side are never shingled together.
const ELISION = /\s*[[(]?\s*(?:…|\.\s?\.\s?\.)\s*[\])]?\s*/u;

/**
 * The quote's words in elision-free segments, normalised (case, accents, quote marks, dashes and
 * punctuation folded): `“We won’t … ever—surrender.”` → `[['we','wont'],['ever','surrender']]`.
 */
export function quoteSegments(content: string): string[][] {
  return content
    .split(ELISION)
    .map((part) => normaliseQuoteContent(part).split(' ').filter(Boolean))
    .filter((words) => words.length > 0);
}

/**
 * The distinct word 4-grams of a quote, never across an elision. Segments shorter than four
 * words are left out when a longer one exists (`We will … fight on the beaches` keeps `fight on
 * the beaches`); a quote with no long segment is one shingle of all its words.
 */
export function quoteShingles(content: string): string[] {
  const segments = quoteSegments(content);
  const long = segments.filter((s) => s.length >= SHINGLE_WORDS);
  if (long.length === 0) {
    const all = segments.flat();
    return all.length === 0 ? [] : [all.join(' ')];
  }
  const out = new Set<string>();
  for (const words of long) {
    for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) out.add(words.slice(i, i + SHINGLE_WORDS).join(' '));
  }
  return [...out];
}

/** 32-bit FNV-1a of a shingle: the index key. Collisions only add candidates, which are checked. */
export function shingleHash(shingle: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < shingle.length; i++) {
    h ^= shingle.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Share of the smaller shingle set found in the other (1 when a partial quote lies inside a longer one). */
export function shingleContainment(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const [small, large] = a.length <= b.length ? [a, new Set(b)] : [b, new Set(a)];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / small.length;
}

/** Longest common word subsequence over the shorter quote's length: tolerant of a changed word. */
export function wordContainment(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let prev = new Array<number>(short.length + 1).fill(0);
  for (const w of long) {
    const row = new Array<number>(short.length + 1).fill(0);
    for (let j = 1; j <= short.length; j++) row[j] = w === short[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!);
    prev = row;
  }
  return prev[short.length]! / short.length;
}

/** Two quotes are the same quotation at this similarity or above. */
export const SAME_QUOTE_THRESHOLD = 0.8;

/**
 * How alike two quotations are, 0–1: the mean of shingle containment (runs of words kept) and
 * word containment (words kept, in order). A partial quote of a longer one scores 1; one word
 * changed in twenty scores about 0.86; two quotes sharing a stock phrase score well under 0.8.
 */
export function quoteSimilarity(a: string, b: string): number {
  const shingles = shingleContainment(quoteShingles(a), quoteShingles(b));
  const words = wordContainment(quoteSegments(a).flat(), quoteSegments(b).flat());
  return (shingles + words) / 2;
}
