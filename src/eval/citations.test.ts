import { describe, expect, it } from 'vitest';
import { scoreCitations } from './citations.js';

// test/citations/cases.jsonl: 121 references and 29 negatives in 123 passages we wrote.
// Scores when each split was first run, before any change prompted by it:
//   held-out   (28 refs): detection P/R 1.00/1.00; outlet 0.964, other fields 1.00
//   held-out-2 (18 refs, harder forms): detection P 0.917 R 0.611 F1 0.733; authors 0.636,
//              outlet 0.545, via 0.909, title/date/ibidOf 1.00
// After the fixes they prompted, every split scores 1.00 on every measure: the whole set is now
// tuned on, so these floors guard against regressions, not estimate accuracy on new text.
describe('scoreCitations', () => {
  const scores = scoreCitations();

  it('detects references and rejects other parentheticals', () => {
    expect(scores.detection.p).toBeGreaterThanOrEqual(0.97);
    expect(scores.detection.r).toBeGreaterThanOrEqual(0.97);
    expect(scores.detection.f1).toBeGreaterThanOrEqual(0.97);
  });

  it.each([
    ['authors', 0.97],
    ['title', 0.97],
    ['outlet', 0.97],
    ['date', 0.97],
    ['ibidOf', 0.97],
    ['via', 0.97],
  ] as const)('%s accuracy stays above %d', (field, floor) => {
    expect(scores.fields[field]).toBeGreaterThanOrEqual(floor);
  });

  it('scores each split on its own', () => {
    expect(Object.keys(scores.splits).sort()).toEqual(['dev', 'heldout', 'heldout-2']);
    for (const split of Object.values(scores.splits)) expect(split.detection.f1).toBeGreaterThanOrEqual(0.95);
  });
});
