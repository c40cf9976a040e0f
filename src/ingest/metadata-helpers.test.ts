import { describe, expect, it } from 'vitest';
import { splitAuthors } from './split-authors.js';
import { findDateInText } from './find-visible-date.js';
import { withoutSiteSuffix } from './pick-title.js';
import { dateInUrl } from './read-page-metadata.js';
import { repairMojibake } from './repair-mojibake.js';

describe('splitAuthors', () => {
  it.each<[string, string[]]>([
    ['By Jane Doe and John Roe', ['Jane Doe', 'John Roe']],
    ['Written By: Tom May 15 December 2025', ['Tom May']],
    ['by: Ziyi Xu, Dec 17, 2025', ['Ziyi Xu']],
    ['Dec. 19, 2025 · Niko Matsakis on behalf of Vision Doc group', ['Niko Matsakis']],
    ['Jul 11 Written By Paige Brunton', ['Paige Brunton']],
    ['Nick van Mead2022-11-23T08:10+02:00', ['Nick van Mead']],
    ['Mayank Gupta, CEO of CaseBasix', ['Mayank Gupta']],
    ['Paul Frew, Home and Digital Security Expert', ['Paul Frew']],
    ['Dylan Bailey, MS, RD, FAND', ['Dylan Bailey, MS, RD, FAND']],
    ['Kaufman, Jeff T.', ['Kaufman, Jeff T.']],
    ['Chen Zhao, Daryl Fairweather', ['Chen Zhao', 'Daryl Fairweather']],
    ['Center for Drug Evaluation and Research', ['Center for Drug Evaluation and Research']],
    ['Sergio Martínez-Beltrán | The Texas Newsroom', ['Sergio Martínez-Beltrán']],
    ['kirstin boatto', ['kirstin boatto']],
    ['https://www.example.com/authors/jane', []],
    ['Learn More', []],
    ['Sat, 20 Dec 2025 - 06:36', []],
    ['page.head.extra.author', []],
    ['See all', []],
    ['The 11 Best Wireless Headphones of', []],
  ])('%s → %j', (input, expected) => {
    expect(splitAuthors(input)).toEqual(expected);
  });
});

describe('findDateInText', () => {
  it.each<[string, string | null]>([
    ['Published March 5, 2025 · 4 min read', '2025-03-05'],
    ['Updated 2 June 2025, published 1 June 2025', '2025-06-01'],
    ['- 2025/4/29', '2025-04-29'],
    ['17.05.2021', '2021-05-17'],
    ['03/05/2025', '2025-03-05'],
    ['25/12/2024', '2024-12-25'],
    ['No date here, 2025 only', null],
  ])('%s → %s', (input, expected) => {
    expect(findDateInText(input)).toBe(expected);
  });
});

describe('withoutSiteSuffix', () => {
  it.each<[string, string | null, string]>([
    ['Machine learning, explained | MIT Sloan', 'MIT Sloan', 'Machine learning, explained'],
    ['Leadfeeder | State of SEO in 2026', 'Leadfeeder', 'State of SEO in 2026'],
    ['What is Cloud Computing? | Google Cloud', null, 'What is Cloud Computing?'],
    ['A title without a site', null, 'A title without a site'],
  ])('%s', (input, site, expected) => {
    expect(withoutSiteSuffix(input, site)).toBe(expected);
  });
});

describe('dateInUrl', () => {
  it.each<[string | null, string | null]>([
    ['https://example.com/2025/12/17/slug/', '2025-12-17'],
    ['https://lmsys.org/blog/2025-12-17-minisgl', '2025-12-17'],
    ['https://example.com/news/12345678/slug', null],
    ['https://example.com/2025/13/01/slug', null],
    ['https://blog.example.fr/articles/2025-12-15+Rust+GCC+backend', '2025-12-15'],
    ['https://example.com/knowledge-centre/blog/2023/october/03/wine-types/', '2023-10-03'],
    ['https://example.com/2023/smarch/03/slug', null],
    ['not a url', null],
    [null, null],
  ])('%s → %s', (url, expected) => {
    expect(dateInUrl(url)).toBe(expected);
  });
});

describe('repairMojibake', () => {
  it.each<[string, string]>([
    ['A DIY Investor\u00e2\u0080\u0099s Guide', 'A DIY Investor’s Guide'],
    ['up in debt\u00e2\u0080\u0094nearly', 'up in debt—nearly'],
    // no C1 control character: could be meant ("Ã¤" in a page about mojibake), left alone
    ['I saw "\u00c3\u00a4" instead of ä', 'I saw "\u00c3\u00a4" instead of ä'],
    ['plain text', 'plain text'],
  ])('%j', (input, expected) => {
    expect(repairMojibake(input)).toBe(expected);
  });
});
