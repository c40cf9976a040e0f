/**
 * Splits the text at every boundary of every annotation span, so overlapping and nested
 * annotations render as a flat run of segments, each carrying the set of annotations that
 * cover it: `<span class="seg">` elements never nest, and no tag can be left open across another.
 */

export interface Range {
  readonly start: number;
  readonly end: number;
}

export interface SegmentedAnnotation {
  readonly id: string;
  readonly spans: readonly Range[];
}

export interface Segment extends Range {
  /** Ids of the annotations covering the whole segment, in the order the annotations were given. */
  readonly ids: readonly string[];
  /** Ids of the annotations whose first span starts here. */
  readonly starts: readonly string[];
  /** Ids of the annotations whose last span ends here. */
  readonly ends: readonly string[];
}

/**
 * Returns segments covering `[0, length)` in order. Spans outside the text are clipped; empty
 * spans are ignored. A segment boundary never falls inside a surrogate pair when the spans do
 * not (the stages cut on UTF-16 offsets of real characters).
 */
export function segmentText(length: number, annotations: readonly SegmentedAnnotation[]): Segment[] {
  const cuts = new Set<number>([0, length]);
  const order = new Map<string, number>();
  const clipped: { id: string; spans: Range[] }[] = [];
  for (const a of annotations) {
    const spans: Range[] = [];
    for (const s of a.spans) {
      const start = Math.max(0, Math.min(length, s.start));
      const end = Math.max(0, Math.min(length, s.end));
      if (end <= start) continue;
      spans.push({ start, end });
      cuts.add(start);
      cuts.add(end);
    }
    if (spans.length === 0) continue;
    spans.sort((x, y) => x.start - y.start || x.end - y.end);
    order.set(a.id, order.size);
    clipped.push({ id: a.id, spans });
  }
  const points = [...cuts].sort((a, b) => a - b);

  // Sweep: add each annotation at its span starts and drop it at its ends.
  const opening = new Map<number, string[]>();
  const closing = new Map<number, string[]>();
  const firstStart = new Map<number, string[]>();
  const lastEnd = new Map<number, string[]>();
  const push = (m: Map<number, string[]>, k: number, v: string) => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  for (const a of clipped) {
    for (const s of a.spans) {
      push(opening, s.start, a.id);
      push(closing, s.end, a.id);
    }
    push(firstStart, a.spans[0]!.start, a.id);
    push(lastEnd, a.spans[a.spans.length - 1]!.end, a.id);
  }

  const active = new Map<string, number>(); // id → how many of its spans cover the point
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    for (const id of closing.get(start) ?? []) {
      const n = (active.get(id) ?? 0) - 1;
      if (n <= 0) active.delete(id);
      else active.set(id, n);
    }
    for (const id of opening.get(start) ?? []) active.set(id, (active.get(id) ?? 0) + 1);
    const ids = [...active.keys()].sort((a, b) => order.get(a)! - order.get(b)!);
    segments.push({ start, end, ids, starts: firstStart.get(start) ?? [], ends: lastEnd.get(end) ?? [] });
  }
  return segments;
}
