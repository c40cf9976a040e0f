import { describe, expect, it } from 'vitest';
import { findAttributions } from './find-attributions.js';

const found = (s: string) => findAttributions(s, { start: 0, end: s.length }).map((a) => s.slice(a.start, a.end));

describe('findAttributions', () => {
  it.each([
    ["According to the city's finance office, the bridge will cost $412 million.", ["the city's finance office"]],
    ["Construction is expected to begin in the spring, the mayor's office said.", ["the mayor's office"]],
    ['Witnesses said the gunmen arrived in two trucks.', ['Witnesses']],
    ['First the coalition said nothing.', ['the coalition']],
    ['The paper reported it, citing two doctors at the hospital.', ['two doctors at the hospital', 'The paper']],
    ['Now we are told the jets hit the market.', []],
    ['It is said that the depot was empty.', []],
    ['The price had doubled, he said.', ['he']],
    ['The price had doubled since 2019.', []],
  ] as const)('%s', (sentence, expected) => {
    expect(found(sentence)).toEqual(expected);
  });
});
