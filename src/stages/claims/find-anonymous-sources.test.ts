import { describe, expect, it } from 'vitest';
import { anonymousCases } from './cases.js';
import { findAnonymousSources } from './find-anonymous-sources.js';

describe('findAnonymousSources', () => {
  it.each(anonymousCases)('%s', (sentence, expected) => {
    const found = findAnonymousSources(sentence).map((s) => sentence.slice(s.start, s.end));
    expect(found).toEqual(expected === null ? [] : [expected]);
  });

  it.each([
    ['Late on Friday officials who asked not to be named said the talks failed.', 'officials who asked not to be named'],
    ['The plan, according to unnamed officials, was shelved.', 'unnamed officials'],
    ['A harbour pilot, who asked not to be named because he was not authorised to speak publicly, said so.', 'A harbour pilot, who asked not to be named'],
  ])('%s', (sentence, expected) => {
    expect(findAnonymousSources(sentence).map((s) => sentence.slice(s.start, s.end))).toEqual([expected]);
  });
});
