import { describe, expect, it } from 'vitest';
import { stanceCases } from './cases.js';
import { findStanceCues } from './find-stance-cues.js';

describe('findStanceCues', () => {
  it.each(stanceCases)('%s → %s', (sentence, stance, cue) => {
    const [found] = findStanceCues(sentence, 0, sentence.length);
    expect(found?.stance ?? 'neutral').toBe(stance);
    expect(found ? sentence.slice(found.span.start, found.span.end) : null).toBe(cue);
  });

  it('ignores words inside a quotation: the speaker, not the author, says them', () => {
    const text = 'He said: "The ministry confirmed it."';
    expect(findStanceCues(text, 0, text.length, [{ start: 9, end: 37 }])).toEqual([]);
  });
});
