/**
 * Class offsets for the technique classifier: a per-class number added to the log-probability
 * before ranking, tuned by coordinate ascent on out-of-fold predictions of train (class priors,
 * since train and the texts it is applied to need not share the class balance the model learned).
 */

/** Label indices for each line; the k-th copy of a repeated span gets the k-th ranked label. */
export function assignRanked(lines: readonly { readonly start: number; readonly end: number }[], probs: readonly ArrayLike<number>[], offsets: ArrayLike<number>): number[] {
  const seen = new Map<string, number>();
  return lines.map((l, i) => {
    const key = `${l.start}:${l.end}`;
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    const p = probs[i]!;
    const order = Array.from({ length: p.length }, (_, j) => j).sort((a, b) => Math.log(p[b]!) + offsets[b]! - (Math.log(p[a]!) + offsets[a]!) || a - b);
    return order[Math.min(k, order.length - 1)]!;
  });
}

/** Coordinate ascent over per-class offsets in [-2, 2] (steps of 0.1), a few passes; ties keep the smaller change. */
export function tuneClassOffsets(classes: number, score: (offsets: Float64Array) => number, passes = 3): Float64Array {
  const offsets = new Float64Array(classes);
  let best = score(offsets);
  for (let pass = 0; pass < passes; pass++) {
    let changed = false;
    for (let k = 0; k < classes; k++) {
      const keep = offsets[k]!;
      let bestX = keep;
      for (let x = -2; x <= 2.0001; x += 0.1) {
        offsets[k] = Math.round(x * 10) / 10;
        const s = score(offsets);
        if (s > best + 1e-9 || (s >= best - 1e-9 && Math.abs(offsets[k]!) < Math.abs(bestX) && s >= best)) {
          if (s > best + 1e-9) changed = true;
          best = Math.max(best, s);
          bestX = offsets[k]!;
        }
      }
      offsets[k] = bestX;
    }
    if (!changed) break;
  }
  return offsets;
}
