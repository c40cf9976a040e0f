/**
 * A naive quotation baseline, to put the analyzer's scores in perspective: every pair of double
 * quotation marks is a direct quote, and its speaker is the nearest run of capitalised words
 * after the closing mark in the same paragraph (else before the opening mark), with no cue.
 * `"We will win," Smith said.` → content `We will win,`, speaker `Smith`.
 * Pure; output has the shape of a provenance map as far as the scorer reads it.
 */
import type { PredDocument, PredQuote, PredSpan } from './score-quotes.js';

const OPEN = new Set(['"', '\u201c', '\u201e', '\u00ab']);
const CLOSE = new Set(['"', '\u201d', '\u201f', '\u00bb']);
/** A run of capitalised words (`Hillary Clinton`, `Sen. Ted Cruz`); `I` alone is left out. */
const NAME = /\b(?:[A-Z][\p{L}'’.-]+)(?:\s+[A-Z][\p{L}'’.-]+)*/gu;
const WINDOW = 80;

export function naiveQuotes(text: string): PredQuote[] {
  const quotes: PredQuote[] = [];
  for (const para of paragraphs(text)) {
    let open = -1;
    for (let i = para.start; i < para.end; i++) {
      const ch = text[i]!;
      if (open < 0 && OPEN.has(ch)) open = i;
      else if (open >= 0 && CLOSE.has(ch)) {
        if (i > open + 1) quotes.push({ kind: 'direct', content: [{ start: open + 1, end: i }], cue: null, speaker: { mention: nearestName(text, para, open, i + 1) } });
        open = -1;
      }
    }
  }
  return quotes;
}

export function naiveDocument(path: string, text: string): PredDocument {
  return { text, source: { path }, quotes: naiveQuotes(text) };
}

function paragraphs(text: string): PredSpan[] {
  const out: PredSpan[] = [];
  const re = /\n\s*\n/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  out.push({ start, end: text.length });
  return out;
}

function nearestName(text: string, para: PredSpan, open: number, afterClose: number): PredSpan | null {
  const after = text.slice(afterClose, Math.min(para.end, afterClose + WINDOW));
  // Stop at the next quotation: its speaker is its own.
  const stop = after.search(/["“„«]/u);
  const first = firstName(stop >= 0 ? after.slice(0, stop) : after);
  if (first) return { start: afterClose + first.start, end: afterClose + first.end };
  const from = Math.max(para.start, open - WINDOW);
  const before = text.slice(from, open);
  let last: PredSpan | null = null;
  for (const m of before.matchAll(NAME)) if (m[0] !== 'I') last = { start: from + m.index, end: from + m.index + m[0].length };
  return last;
}

function firstName(s: string): PredSpan | null {
  for (const m of s.matchAll(NAME)) if (m[0] !== 'I') return { start: m.index, end: m.index + m[0].length };
  return null;
}
