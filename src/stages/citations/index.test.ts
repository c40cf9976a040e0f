import { describe, expect, it } from 'vitest';
import { emptyMeta, type ArticleInput, type Link } from '../../core/document.js';
import type { Quote } from '../../core/layers.js';
import { loadOutletRegistry } from '../../registry/load-outlet-registry.js';
import { structureStage } from '../structure/index.js';
import { findParentheticals } from './find-parentheticals.js';
import { citationsStage } from './index.js';
import { parseReferenceDate, resolveReferenceDate } from './parse-reference-date.js';
import { parseReference } from './parse-reference.js';
import { splitReferenceParts } from './split-reference-parts.js';

const registry = loadOutletRegistry();

function run(text: string, options: { published?: string | null; links?: Link[]; quotes?: Quote[] } = {}) {
  const input: ArticleInput = {
    text,
    source: { path: 't', format: 'text', encoding: 'utf-8', bytes: text.length },
    meta: { ...emptyMeta, published: options.published ?? null },
    ...(options.links ? { links: options.links } : {}),
  };
  const ctx = { input, resources: { outlets: registry } };
  const structure = structureStage.run(ctx, {}).layer;
  return citationsStage.run(ctx, { structure, quotes: { quotes: options.quotes ?? [], markedPhrases: [] } });
}

function quoteOf(text: string, id: string, content: string): Quote {
  const start = text.indexOf(content);
  return { id, kind: 'direct', content: [{ start, end: start + content.length }], cue: null, speaker: { mention: null, name: null, description: null, kind: 'unknown', organisation: null, antecedent: null }, confidence: 1 };
}

describe('parseReferenceDate', () => {
  it.each([
    ['4 June 2015', { year: 2015, month: 6, day: 4 }],
    ['June 4, 2015', { year: 2015, month: 6, day: 4 }],
    ['Aug. 29, 2021', { year: 2021, month: 8, day: 29 }],
    ['11 February', { year: null, month: 2, day: 11 }],
    ['5th of May', { year: null, month: 5, day: 5 }],
    ['Sunday, 15 August 2021', { year: 2021, month: 8, day: 15 }],
    ['2015-06-04', { year: 2015, month: 6, day: 4 }],
    ['March 2019', { year: 2019, month: 3, day: null }],
    ['2018', { year: 2018, month: null, day: null }],
    ['16 septembre 2021', { year: 2021, month: 9, day: 16 }],
    ['posted 5 June', { year: null, month: 6, day: 5 }],
    ['31 February', null],
    ['Reuters', null],
    ['May', null],
  ])('%s', (input, expected) => {
    expect(parseReferenceDate(input)).toEqual(expected);
  });

  it.each([
    [{ year: null, month: 6, day: 5 }, '2015-06-10', { date: '2015-06-05', year: 'inferred' }],
    [{ year: null, month: 12, day: 30 }, '2016-01-10T08:00:00Z', { date: '2015-12-30', year: 'inferred' }],
    [{ year: null, month: 6, day: 10 }, '2015-06-10', { date: '2015-06-10', year: 'inferred' }],
    [{ year: null, month: 2, day: 29 }, '2021-03-15', { date: '2020-02-29', year: 'inferred' }],
    [{ year: null, month: 6, day: 5 }, null, { date: '--06-05', year: 'unknown' }],
    [{ year: 2015, month: 6, day: 4 }, null, { date: '2015-06-04', year: 'written' }],
    [{ year: 2019, month: 3, day: null }, null, { date: '2019-03', year: 'written' }],
  ] as const)('%j before %s', (d, published, expected) => {
    expect(resolveReferenceDate(d, published)).toEqual(expected);
  });
});

describe('splitReferenceParts', () => {
  const parts = (inner: string) => splitReferenceParts(inner, { start: 0, end: inner.length }).map((p) => inner.slice(p.value.start, p.value.end));
  it.each([
    ["Anna Reyes, 'Witnesses, doctors describe morning', The Washington Post, 4 June 2015", ['Anna Reyes', 'Witnesses, doctors describe morning', 'The Washington Post', '4 June 2015']],
    ["The Economist, 'Britain's Rwanda plan won't work', 16 April 2022", ['The Economist', "Britain's Rwanda plan won't work", '16 April 2022']],
    ['IRNA, 2 May 2019; Tasnim', ['IRNA', '2 May 2019', 'Tasnim']],
    ['Le Monde, « La crise »', ['Le Monde', 'La crise']],
  ])('%s', (inner, expected) => {
    expect(parts(inner)).toEqual(expected);
  });
});

describe('parseReference: what is not a reference', () => {
  it.each(['R-Texas', 'D-N.Y.', 'uncorroborated', 'pictured', 'see below', 'ISIS', '2015', '40%', '12 June', 'Mark Ellis', 'which Reuters could not verify', 'a former Goldman Sachs banker', 'emphasis added', 'Photo: Reuters', 'AP Photo/Evan Vucci', 'AFP/Getty Images', 'The New York Times has since corrected the story.', 'UN Security Council Resolution 2254', 'in Arabic', 'local time', "CNN's Jake Tapper"])(
    '(%s)',
    (inner) => {
      expect(parseReference(inner, { start: 0, end: inner.length }, registry)).toBeNull();
    },
  );
});

describe('citationsStage', () => {
  it('reads the fields of the usual forms', () => {
    const text = "Doctors said 40 died (Anna Reyes, 'Witnesses describe morning', The Washington Post, 4 June 2015). The ministry denied it (Reuters, 11 February, \"Ministry rejects blame\").";
    const { layer } = run(text, { published: '2016-03-01' });
    expect(layer.citations.map((c) => [c.id, c.authors, c.title, c.outletName, c.outletKey, c.date])).toEqual([
      ['c1', ['Anna Reyes'], 'Witnesses describe morning', 'The Washington Post', 'washington-post', '2015-06-04'],
      ['c2', [], 'Ministry rejects blame', 'Reuters', 'reuters', '2016-02-11'],
    ]);
  });

  it('resolves ibid chains to the original and keeps what the ibid adds', () => {
    const text = "It said so (posted on Iran Front Page, 5 June, 'Toll rises'). Then more (ibid). And more (ibid, citing FARS news agency) (uncorroborated).";
    const { layer, diagnostics } = run(text);
    expect(layer.citations.map((c) => [c.id, c.ibidOf, c.title, c.outletName, c.date, c.via])).toEqual([
      ['c1', null, 'Toll rises', 'Iran Front Page', '--06-05', null],
      ['c2', 'c1', 'Toll rises', 'Iran Front Page', '--06-05', null],
      ['c3', 'c1', 'Toll rises', 'Iran Front Page', '--06-05', { text: 'FARS news agency', outletName: 'FARS news agency', outletKey: 'fars-news-agency' }],
    ]);
    expect(diagnostics?.map((d) => d.code)).toEqual(['citation/undated']);
  });

  it('says when it inferred a year, and when an ibid has nothing to repeat', () => {
    expect(run('Floods (Pajhwok, 28 December).', { published: '2021-01-09' }).diagnostics?.map((d) => d.code)).toEqual(['citation/year-inferred']);
    expect(run('(ibid) came first.').diagnostics?.map((d) => d.code)).toEqual(['citation/ibid-without-antecedent']);
  });

  it('takes the outlet from the surrounding text', () => {
    const text = 'Writing in the Guardian, Tom Hale and Priya Nair argue the sanctions failed (Tom Hale and Priya Nair, "The sanctions that never bit", 30 May).';
    const [c] = run(text).layer.citations;
    expect([c?.authors, c?.outletName, c?.outletKey]).toEqual([['Tom Hale', 'Priya Nair'], 'Guardian', 'guardian']);
  });

  it('skips datelines and an outlet introducing its short name', () => {
    expect(run('KABUL (AP) — Gunmen stormed a hall.').layer.citations).toEqual([]);
    expect(run('The Islamic Republic News Agency (IRNA) said so. Russia Today (RT) was banned.').layer.citations).toEqual([]);
    expect(run('The governor apologised (AP).').layer.citations.map((c) => c.outletKey)).toEqual(['associated-press']);
  });

  it('splits two references in one pair of brackets, both covering the same quote', () => {
    const text = 'They agreed: "It was a massacre." (IRNA, 2 May 2019; Tasnim, 2 May 2019) Others (see below; uncorroborated) did not.';
    const { layer } = run(text, { quotes: [quoteOf(text, 'q1', 'It was a massacre.')] });
    expect(layer.citations.map((c) => [text.slice(c.span.start, c.span.end), c.outletKey, c.covers.quotes])).toEqual([
      ['IRNA, 2 May 2019', 'irna', ['q1']],
      ['Tasnim, 2 May 2019', 'tasnim-news-agency', ['q1']],
    ]);
  });

  it('turns links into citations and folds a link inside a reference into it', () => {
    const text = 'As Press TV reported, the deal is off (IRNA, 3 May 2019).';
    const links: Link[] = [
      { start: text.indexOf('reported'), end: text.indexOf('reported') + 8, url: 'https://www.presstv.ir/Detail/1' },
      { start: text.indexOf('IRNA'), end: text.indexOf('IRNA') + 4, url: 'https://en.irna.ir/news/2' },
    ];
    const { layer } = run(text, { links });
    expect(layer.citations.map((c) => [c.id, c.kind, c.outletKey, c.url])).toEqual([
      ['c1', 'link', 'press-tv', 'https://www.presstv.ir/Detail/1'],
      ['c2', 'parenthetical', 'irna', 'https://en.irna.ir/news/2'],
    ]);
  });

  it('covers the quote right before it, or the quotes of the paragraph it closes', () => {
    const text = 'Al Jazeera quoted a medic: "nobody can confirm it." The Times said: "Two bombs fell." (Times staff, "Damage", The New York Times, 7 June)\n\n"We saw it," one man said. "It was huge," said another (Reuters, 8 June).';
    const quotes = [quoteOf(text, 'q1', 'nobody can confirm it.'), quoteOf(text, 'q2', 'Two bombs fell.'), quoteOf(text, 'q3', 'We saw it,'), quoteOf(text, 'q4', 'It was huge,')];
    const { layer } = run(text, { quotes });
    expect(layer.citations.map((c) => c.covers)).toEqual([
      { quotes: ['q2'], paragraph: 0 },
      { quotes: ['q3', 'q4'], paragraph: 1 },
    ]);
  });

  it.each([
    ['(', 1_000_000],
    ['(a', 500_000],
    ['(Reuters, 3 May) ', 60_000],
    ['(ibid) ', 140_000],
    ['"x" (Anna Reyes, \'T\', 4 June 2015). ', 25_000],
    ["(a, 'b", 150_000],
    ['(a' + ' '.repeat(590) + 'for X)', 1_700],
    ['(posted on ' + 'A '.repeat(290) + ')', 1_700],
    ['(Xinhua via ' + 'B '.repeat(290) + ')', 1_700],
    ['(' + 'Anna for '.repeat(60) + ')', 1_800],
  ])('stays linear on adversarial input %#', (unit, times) => {
    const text = unit.repeat(times);
    const t0 = performance.now();
    run(text);
    // About 1 MB each; a quadratic path would take minutes, so the bound leaves room for slow CI.
    expect(performance.now() - t0).toBeLessThan(10_000);
  });
});

describe('findParentheticals', () => {
  it.each([
    ['a (b) c (d)', ['(b)', '(d)']],
    ['((b))', ['(b)']],
    ['(a\nb)', []],
    ['()', []],
    ['(unclosed', []],
  ])('%j', (text, expected) => {
    expect(findParentheticals(text).map((p) => text.slice(p.span.start, p.span.end))).toEqual(expected);
  });
});
