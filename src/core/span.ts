/**
 * Spans are half-open ranges of UTF-16 code units into a document's one immutable `text`
 * (the same convention as unist positions and JavaScript string indices).
 * Inside the pipeline a span is `{start, end}`; the serialised contract adds `text`.
 */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface TextSpan extends Span {
  readonly text: string;
}

export function span(start: number, end: number): Span {
  return { start, end };
}

export function withText(text: string, s: Span): TextSpan {
  return { start: s.start, end: s.end, text: text.slice(s.start, s.end) };
}

export function spanLength(s: Span): number {
  return s.end - s.start;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

export function compareSpans(a: Span, b: Span): number {
  return a.start - b.start || a.end - b.end;
}

/**
 * Index of the first span ending after `offset`, by binary search; `sorted` must be in text order
 * and free of nesting (then sorting by start also sorts by end). `sorted.length` when none does.
 */
export function firstEndingAfter(sorted: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Shrinks a span so that it neither starts nor ends with white space. */
export function trimSpan(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x3000 || (code >= 0x2000 && code <= 0x200a);
}

/**
 * Maps UTF-16 offsets to Unicode code-point offsets (PolNeAR and PTC count code points).
 * Returns a function; O(n) to build, O(1) per lookup.
 */
export function utf16ToCodePoints(text: string): (offset: number) => number {
  const map = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    // A low surrogate after a high surrogate belongs to the same code point.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        map[i + 1] = cp + 1;
        i++;
      }
    }
    cp++;
  }
  map[text.length] = cp;
  return (offset) => map[Math.max(0, Math.min(text.length, offset))]!;
}

/** The inverse of {@link utf16ToCodePoints}. */
export function codePointsToUtf16(text: string): (offset: number) => number {
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    map.push(i);
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  map.push(text.length);
  return (offset) => map[Math.max(0, Math.min(map.length - 1, offset))]!;
}
