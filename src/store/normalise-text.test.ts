import { describe, expect, it } from 'vitest';
import { canonicalUrl } from './canonical-url.js';
import { normaliseQuoteContent, speakerKey } from './normalise-text.js';

describe('speakerKey', () => {
  it.each([
    ['Dr. José Ramos-Horta', 'person', 'jose ramos horta'],
    ['Prime Minister Mark Carney', 'person', 'mark carney'],
    ['Mayor Ana Sousa', 'person', 'ana sousa'],
    ['General Motors', 'organisation', 'general motors'],
    ['Mr.', 'person', 'mr'],
    ['  ', 'person', null],
    [null, 'person', null],
  ] as const)('%j (%s) → %j', (name, kind, expected) => {
    expect(speakerKey(name, kind)).toBe(expected);
  });
});

describe('normaliseQuoteContent', () => {
  it('folds case, accents, quotes and punctuation', () => {
    expect(normaliseQuoteContent('“We won’t—ever,” São')).toBe('we wont ever sao');
  });
});

describe('canonicalUrl', () => {
  it.each([
    ['HTTPS://WWW.Example.com:443/a/?utm_source=x&b=2&a=1#top', 'https://example.com/a?a=1&b=2'],
    ['http://example.com/', 'https://example.com/'],
    ['https://example.com/story?fbclid=abc', 'https://example.com/story'],
    ['ftp://example.com/x', null],
    ['not a url', null],
    [null, null],
  ])('%j → %j', (url, expected) => {
    expect(canonicalUrl(url)).toBe(expected);
  });
});
