import { describe, expect, it } from 'vitest';
import { toFtsQuery } from './fts-query.js';

describe('toFtsQuery', () => {
  it.each([
    ['tax levy', '"tax" "levy"'],
    ['tax "carbon border" levy', '"tax" "carbon border" "levy"'],
    ['NEAR(a b) OR c*', '"NEAR" "a" "b" "OR" "c"'],
    ['"unclosed phrase here', '"unclosed phrase here"'],
    ["won't", '"won" "t"'],
    ['São Paulo', '"São" "Paulo"'],
    ['  ', null],
    ['"";-*', null],
  ])('%j → %j', (input, expected) => {
    expect(toFtsQuery(input)).toBe(expected);
  });
});
