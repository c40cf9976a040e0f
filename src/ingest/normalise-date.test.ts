import { describe, expect, it } from 'vitest';
import { normaliseDate } from './normalise-date.js';

describe('normaliseDate', () => {
  it.each<[string, string | null]>([
    ['2025-09-04', '2025-09-04'],
    ['2025-09-04T23:30:00-05:00', '2025-09-04T23:30:00-05:00'],
    ['2025-09-04T23:30:00.123+0530', '2025-09-04T23:30:00+05:30'],
    ['2025-09-04 10:00', '2025-09-04T10:00'],
    ['2025-09-04T10:00:00Z', '2025-09-04T10:00:00Z'],
    ['2025/9/4', '2025-09-04'],
    ['20250904', '2025-09-04'],
    ['September 4, 2025', '2025-09-04'],
    ['Sept. 4th, 2025 at 3:05 pm', '2025-09-04T15:05'],
    ['4 September 2025', '2025-09-04'],
    ['Thu, 04 Sep 2025 10:00:00 GMT', '2025-09-04T10:00:00Z'],
    ['1757000000', '2025-09-04T15:33:20Z'],
    ['2025-02-30', null],
    ['yesterday', null],
    ['', null],
    ['12', null],
  ])('%s → %s', (input, expected) => {
    expect(normaliseDate(input)).toBe(expected);
  });
});
