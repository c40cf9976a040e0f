import { describe, expect, it } from 'vitest';
import { canStandFor, nameCore, surnameOf } from './person-name.js';

describe('person names', () => {
  it.each([
    ['walid al muallem', ['walid', 'muallem'], 'muallem'],
    ['ursula von der leyen', ['ursula', 'leyen'], 'leyen'],
    ['al muallem', ['muallem'], 'muallem'],
    ['van', [], null],
  ])('%s', (key, core, surname) => {
    expect(nameCore(key)).toEqual(core);
    expect(surnameOf(key)).toBe(surname);
  });

  it.each([
    ['al muallem', 'walid al muallem', true],
    ['muallem', 'walid al muallem', true],
    ['walid muallem', 'walid al muallem', true],
    ['von der leyen', 'ursula von der leyen', true],
    ['leyen', 'ursula von der leyen', true],
    ['walid', 'walid al muallem', false],
    ['walid al muallem', 'muallem', false],
    ['walid al muallem', 'walid al muallem', false],
    ['de gaulle', 'charles de gaulle', true],
  ])('%s can stand for %s: %s', (name, other, expected) => expect(canStandFor(name, other)).toBe(expected));
});
