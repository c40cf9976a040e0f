import { describe, expect, it } from 'vitest';
import { BadRequest, readId, readKey, readMinWeight, readPaging, readQuery, readScope } from './params.js';

const q = (s: string) => new URLSearchParams(s);

describe('page parameters', () => {
  it.each([
    ['', { page: 1, offset: 0 }],
    ['page=', { page: 1, offset: 0 }],
    ['page=1', { page: 1, offset: 0 }],
    ['page=3', { page: 3, offset: 40 }],
    ['page=10000', { page: 10000, offset: 199980 }],
  ])('?%s pages', (s, expected) => {
    expect(readPaging(q(s))).toMatchObject({ ...expected, limit: 20 });
  });

  it.each(['page=abc', 'page=0', 'page=-1', 'page=1.5', 'page=1e2', 'page=%201', 'page=10001', 'page=0x10'])('?%s is a bad request', (s) => {
    expect(() => readPaging(q(s))).toThrow(BadRequest);
  });

  it('checks scope, query, weight, ids and keys', () => {
    expect(readScope(q('in=quotes'))).toBe('quotes');
    expect(() => readScope(q('in=constructor'))).toThrow(BadRequest);
    expect(readQuery(q('q=%20flood%20'))).toBe('flood');
    expect(() => readQuery(q(`q=${'x'.repeat(201)}`))).toThrow(BadRequest);
    expect(readMinWeight(q(''))).toBe(1);
    expect(readMinWeight(q('min=3'))).toBe(3);
    expect(() => readMinWeight(q('min=0'))).toThrow(BadRequest);
    expect(readId('12', 'id')).toBe(12);
    expect(() => readId('012', 'id')).toThrow(BadRequest);
    expect(() => readId('9'.repeat(16), 'id')).toThrow(BadRequest);
    expect(readKey('ana%20sousa', 'key')).toBe('ana sousa');
    expect(() => readKey('%E0%A4%A', 'key')).toThrow(BadRequest);
    expect(() => readKey('%20', 'key')).toThrow(BadRequest);
  });
});
