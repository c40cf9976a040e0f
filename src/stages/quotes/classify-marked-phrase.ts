import type { MarkedPhrase, MarkedPhraseKind } from '../../core/layers.js';
import type { MarkedSpan } from './pair-quote-marks.js';
import { isCapitalised, isLetterWord, wordsIn, type Word } from './words.js';

// Words before a quoted title: `the book "…"`, `titled "…"`, `Operation 'Protective Edge'`.
const TITLE_CUE = /^(?:titled|entitled|called|named|dubbed|book|books|film|films|movie|movies|show|series|song|songs|album|article|articles|essay|op-ed|column|editorial|report|reports|headline|headlined|operation|program|programme|bill|act|play|novel|memoir|documentary|episode|poem|speech|campaign|slogan|hashtag|tagline|website|blog|podcast|magazine)$/i;
const TERM_CUE = /^(?:term|word|words|phrase|label|expression|concept|notion|so-called|slogan|nickname|moniker)$/i;

/**
 * A quoted phrase with no cue or speaker near it: a title (`the book "Clinton Cash"`,
 * `(Author, 'Title', Outlet, 4 June 2015)`), a term (`the phrase "radical Islam"`) or scare
 * quotes (`'accidentally'`, `'friendly fire'`: one to three words). Null when it reads as a
 * quotation (longer, or a full sentence).
 */
export function classifyMarkedPhrase(text: string, m: MarkedSpan, left: readonly Word[], words: number): Omit<MarkedPhrase, 'id'> | null {
  const span = { start: m.outer[0]!.start, end: m.outer[m.outer.length - 1]!.end };
  const inner = m.inner.map((s) => text.slice(s.start, s.end)).join(' ');
  const innerWords = wordsIn(inner, 0, inner.length).filter(isLetterWord);
  const before = left.filter(isLetterWord);
  const prev = before[before.length - 1];
  const kind = kindOf();
  return kind ? { kind, span, confidence: kind === 'scare' ? 0.6 : 0.7 } : null;

  function kindOf(): MarkedPhraseKind | null {
    if (innerWords.length === 0) return null;
    const sentenceLike = /[.!?…][’'"”]?\s*$/.test(inner.trim()) && words > 3;
    if (prev && TERM_CUE.test(prev.text) && words <= 6) return 'term';
    const titleCase = innerWords.length >= 2 && innerWords.filter((w) => isCapitalised(w) || /^(?:of|the|a|an|and|in|on|for|to|at|by|with|or|from)$/.test(w.lower)).length === innerWords.length;
    const inParens = left.some((w) => w.text === '(') && !left.some((w) => w.text === ')');
    // `titled "…"` and `the book "…"` name a work; after `called` only capitalised words do.
    const naming = prev && /^(?:called|named|dubbed)$/i.test(prev.text);
    if (prev && TITLE_CUE.test(prev.text) && (titleCase || (!naming && words <= 8))) return 'title';
    if (titleCase && !sentenceLike && (inParens || words <= 10)) return 'title';
    if (inParens && words <= 12 && !sentenceLike) return 'title';
    if (words <= 3 && !sentenceLike) return 'scare';
    return null;
  }
}
