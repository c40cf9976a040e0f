import { diagnostic, type Diagnostic } from '../../core/diagnostics.js';
import type { Paragraph } from '../../core/layers.js';
import { trimSpan, type Span } from '../../core/span.js';

export type MarkFamily = 'double' | 'single' | 'guillemet' | 'block';

/**
 * Text between a pair of quotation marks. A quotation running over several paragraphs
 * (opening mark on each, closing mark on the last) has one part per paragraph.
 */
export interface MarkedSpan {
  /** Spans including the marks, one per paragraph. */
  readonly outer: readonly Span[];
  /** Spans without the marks. */
  readonly inner: readonly Span[];
  readonly family: MarkFamily;
  /** 0 for a top-level quotation, 1 for a quotation inside one (`"He said 'no'"`). */
  readonly depth: number;
  /** False when the paragraph ended before a closing mark came. */
  readonly closed: boolean;
}

export interface PairedMarks {
  readonly spans: readonly MarkedSpan[];
  readonly diagnostics: readonly Diagnostic[];
}

interface Open {
  readonly family: Exclude<MarkFamily, 'block'>;
  readonly char: string;
  readonly at: number;
  /** Length of the opening mark: 2 for a doubled apostrophe (`''`). */
  len: number;
  /** Parts of earlier paragraphs, for a quotation that runs on. */
  readonly outer: Span[];
  readonly inner: Span[];
  start: number;
}

// Elisions that open with an apostrophe and must not open a quotation: `'90s`, `'em`, `'til`.
const ELISION = /^(?:\d\d|em\b|til\b|tis\b|twas\b|cause\b|n\b|bout\b|round\b|nuff\b)/i;
const MAX_DIAGNOSTICS = 20;
const FEET_INCHES = /\d['’]\d{1,2}$/;

/**
 * Pairs the quotation marks of each paragraph. Linear in the text length: one pass with a
 * small stack. Straight marks open or close by what flanks them; `’` between letters or after
 * a plural `s` with no single quotation open is an apostrophe (`don’t`, `Mr. Jones' clubs`);
 * a closing mark after a space with nothing open is taken as an opener
 * (`told the agency, ” The planes dropped…”`). A quotation left open at the end of a paragraph
 * runs on when the next paragraph opens with the same kind of mark (the convention for
 * multi-paragraph quotations); otherwise it is reported as `quote/unclosed-mark`.
 */
export function pairQuoteMarks(text: string, paragraphs: readonly Paragraph[]): PairedMarks {
  const st: Pairing = { text, spans: [], diagnostics: [], warned: 0, stack: [] };
  let carry: Open | null = null;

  for (let pi = 0; pi < paragraphs.length; pi++) {
    const p = paragraphs[pi]!;
    const stack: Open[] = [];
    st.stack = stack;
    let i = p.start;
    if (carry) {
      const c = text.startsWith("''", p.start) ? '"' : (text[p.start] ?? '');
      if (familyOfOpener(c) === carry.family) {
        carry.len = c === '"' && text[p.start] === "'" ? 2 : 1;
        carry.start = p.start + carry.len;
        stack.push(carry);
        i = carry.start;
      } else {
        unclosed(st, carry);
      }
      carry = null;
    }
    for (; i < p.end; i++) {
      const code = text.charCodeAt(i);
      // Fast path: every mark is `"`, `'` or in U+00AB…U+201F.
      if (code !== 34 && code !== 39 && (code < 0xab || code > 0x201f)) continue;
      i = readMark(st, p, i, code);
    }
    // Single quotations left open were apostrophes (`'90s`); a double one may run on.
    while (stack.length > 0) {
      const o = stack.pop()!;
      if (o.family === 'single') continue;
      if (stack.length === 0) {
        o.outer.push({ start: o.outer.length === 0 ? o.at : o.start - o.len, end: p.end });
        o.inner.push(trimSpan(text, { start: o.start, end: p.end }));
        if (pi + 1 < paragraphs.length) carry = o;
        else unclosed(st, o);
      } else {
        unclosed(st, o);
      }
    }
  }
  if (carry) unclosed(st, carry);
  if (st.warned > MAX_DIAGNOSTICS) {
    st.diagnostics.push(diagnostic('quote/unclosed-mark', `${st.warned - MAX_DIAGNOSTICS} more unbalanced quotation marks were not reported.`));
  }
  return { spans: withDepth(st.spans), diagnostics: st.diagnostics };
}

/**
 * Reads the quotation mark (or doubled apostrophe) at `i`, a character the scan of
 * {@link pairQuoteMarks} stopped at, and opens or closes a quotation; returns the index of the
 * mark's last character. (Its own function: the rare kinds of mark first met late in a run make
 * V8 recompile this, not the whole pairing.)
 */
function readMark(st: Pairing, p: Paragraph, i: number, code: number): number {
  const text = st.text;
  // Two apostrophes are one double mark, as ASCII exports of the New York Times write
  // them: `''We work aggressively,'' said Monika Bickert`.
  const doubled = code === 39 && text.charCodeAt(i + 1) === 39 && i + 1 < p.end;
  const c = doubled ? '"' : text[i]!;
  if (!isMark(c)) return i;
  // Feet and inches (`6'3" tall`, `6’2”`): the double mark is a unit, not a quotation mark.
  if ((code === 34 || code === 0x201d) && i - 3 >= p.start && FEET_INCHES.test(text.slice(Math.max(p.start, i - 4), i))) return i;
  const len = doubled ? 2 : 1;
  const prev = i > p.start ? text[i - 1]! : ' ';
  const next = i + len < p.end ? text[i + len]! : ' ';
  const prevSpace = isSpace(prev);
  const nextSpace = isSpace(next);
  const nextWord = isWordChar(next);
  // Could open: space or opening punctuation before, a non-space after.
  const left = !nextSpace && (prevSpace || OPENING_PUNCT.includes(prev) || isMark(prev));
  // Could close: a non-space before, space or punctuation after.
  const right = !prevSpace && (nextSpace || !nextWord);
  const open = top(st.stack, familyOf(c));
  switch (c) {
    case '"':
      if (open) close(st, open, i, len);
      else if (right && !left) stray(st, i);
      else push(st, 'double', c, i, len);
      break;
    case '“':
      if (open && (open.char === '„' || (right && !left))) close(st, open, i, len);
      else {
        if (open) replace(st, open);
        push(st, 'double', c, i, len);
      }
      break;
    case '„':
    case '‟':
      if (open) replace(st, open);
      push(st, 'double', c, i, len);
      break;
    case '”':
      if (open) close(st, open, i, len);
      else if (!right || prevSpace) push(st, 'double', c, i, len);
      else stray(st, i);
      break;
    case '«':
    case '»':
      if (open) close(st, open, i, len);
      else if (left || !right) push(st, 'guillemet', c, i, len);
      else stray(st, i);
      break;
    case '‘':
      if (open && right && !left) close(st, open, i, len);
      else if (left && !ELISION.test(text.slice(i + 1, i + 6))) push(st, 'single', c, i, len);
      break;
    case '’':
    case "'":
      if (nextWord && isWordChar(prev)) break; // don't, Jones’s
      if (open && !prevSpace) {
        close(st, open, i, len); // `s'` closes an open single quotation, else it is a plural possessive
      } else if (left && !ELISION.test(text.slice(i + 1, i + 6)) && (c === "'" || hasLaterCloser(text, i, p.end))) {
        push(st, 'single', c, i, len); // `’` after a space: a closing single mark used as an opener
      }
      break;
  }
  return i + len - 1;
}

/**
 * The state of one pairing pass, passed to the helpers below. (They were closures inside
 * `pairQuoteMarks`; fresh closures on every call made V8 discard its optimised code again and again.)
 */
interface Pairing {
  readonly text: string;
  readonly spans: MarkedSpan[];
  readonly diagnostics: Diagnostic[];
  warned: number;
  /** The marks open in the current paragraph. */
  stack: Open[];
}

/** Opens a quotation at the mark at `at`, `len` characters long. */
function push(st: Pairing, family: Open['family'], char: string, at: number, len: number): void {
  st.stack.push({ family, char, at, len, outer: [], inner: [], start: at + len });
}
/** Closes `o` at the mark at `at`, `len` characters long. */
function close(st: Pairing, o: Open, at: number, len: number): void {
  const stack = st.stack;
  if (stack[stack.length - 1] === o) stack.pop();
  else {
    // Marks opened inside and never closed: singles were apostrophes, doubles are unclosed.
    const k = stack.lastIndexOf(o);
    for (const inner of stack.splice(k)) if (inner !== o && inner.family !== 'single') unclosed(st, inner);
  }
  const first = o.outer.length === 0;
  const last = trimSpan(st.text, { start: o.start, end: at });
  // `""` marks nothing; dropping it at once keeps a text made of marks cheap.
  if (first && last.end === last.start) return;
  o.outer.push({ start: first ? o.at : o.start - o.len, end: at + len });
  o.inner.push(last);
  st.spans.push({ outer: o.outer, inner: o.inner, family: o.family, depth: 0, closed: true });
}
function replace(st: Pairing, o: Open): void {
  const k = st.stack.lastIndexOf(o);
  for (const inner of st.stack.splice(k)) if (inner.family !== 'single') unclosed(st, inner);
}
function unclosed(st: Pairing, o: Open): void {
  warn(st, o.at, `An opening quotation mark ${o.char} has no closing mark.`);
  // Keep what came before the paragraph end: `"The planes dropped…` is still a quotation.
  if (o.inner.some((x) => x.end > x.start)) st.spans.push({ outer: o.outer, inner: o.inner, family: o.family, depth: 0, closed: false });
}
function stray(st: Pairing, at: number): void {
  warn(st, at, `A closing quotation mark ${st.text[at]} has no opening mark.`);
}
function warn(st: Pairing, at: number, message: string): void {
  st.warned++;
  if (st.warned <= MAX_DIAGNOSTICS) st.diagnostics.push(diagnostic('quote/unclosed-mark', message, { span: { start: at, end: at + 1 } }));
}

/**
 * Sorts the spans and sets each one's depth from the closed spans around it. Depth is found
 * after pairing because a single mark left open (an apostrophe read as an opener) must not
 * make the quotations after it look nested.
 */
function withDepth(spans: MarkedSpan[]): MarkedSpan[] {
  const sorted: { s: MarkedSpan; start: number; end: number }[] = [];
  for (const s of spans) sorted.push({ s, start: s.outer[0]!.start, end: s.outer[s.outer.length - 1]!.end });
  sorted.sort((a, b) => a.start - b.start || b.end - a.end);
  const ends: number[] = [];
  const out: MarkedSpan[] = [];
  for (const { s, start, end } of sorted) {
    while (ends.length > 0 && ends[ends.length - 1]! <= start) ends.pop();
    const depth = ends.length;
    ends.push(end);
    out.push(depth === s.depth ? s : { ...s, depth });
  }
  return out;
}

function top(stack: Open[], family: Open['family'] | null): Open | undefined {
  if (!family) return undefined;
  for (let k = stack.length - 1; k >= 0; k--) if (stack[k]!.family === family) return stack[k];
  return undefined;
}

function isMark(c: string): boolean {
  return c === '"' || c === "'" || c === '“' || c === '”' || c === '‘' || c === '’' || c === '«' || c === '»' || c === '„' || c === '‟';
}

function familyOf(c: string): Open['family'] | null {
  if (c === '"' || c === '“' || c === '”' || c === '„' || c === '‟') return 'double';
  if (c === "'" || c === '‘' || c === '’') return 'single';
  if (c === '«' || c === '»') return 'guillemet';
  return null;
}

function familyOfOpener(c: string): Open['family'] | null {
  if (c === '"' || c === '“' || c === '„' || c === '‟') return 'double';
  if (c === '«' || c === '»') return 'guillemet';
  if (c === "'" || c === '‘') return 'single';
  return null;
}

function hasLaterCloser(text: string, from: number, end: number): boolean {
  const stop = Math.min(end, from + 200);
  for (let k = from + 1; k < stop; k++) {
    const c = text[k];
    if (c === '’' && !isWordChar(text[k + 1] ?? ' ')) return true;
  }
  return false;
}

const OPENING_PUNCT = '([{—–-/:';

export function isSpace(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code > 32 && code < 0xa0) return false;
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x3000 || (code >= 0x2000 && code <= 0x200a);
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
export function isWordChar(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return WORD_CHAR.test(c);
}
