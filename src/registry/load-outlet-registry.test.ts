import { describe, expect, it } from 'vitest';
import { createOutletRegistry } from './create-outlet-registry.js';
import { loadOutletRegistry } from './load-outlet-registry.js';
import { normaliseOutletName } from './normalise-name.js';

const registry = loadOutletRegistry();

describe('normaliseOutletName', () => {
  it.each([
    ['the FARS news agency', 'fars'],
    ['Fars News Agency', 'fars'],
    ["People's Daily", 'peoples daily'],
    ['The New York Times', 'new york times'],
    ['Le Monde', 'le monde'],
    ['Süddeutsche Zeitung', 'suddeutsche zeitung'],
    ['The News', 'news'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseOutletName(input)).toBe(expected);
  });
});

describe('byName', () => {
  it.each([
    ['FARS news agency', 'fars-news-agency'],
    ['Fars', 'fars-news-agency'],
    ['IRNA', 'irna'],
    ['Press TV', 'press-tv'],
    ['PressTV', 'press-tv'],
    ['SANA', 'sana'],
    ['RT', 'rt'],
    ['Russia Today', 'rt'],
    ['Sputnik', 'sputnik'],
    ['TASS', 'tass'],
    ['Xinhua', 'xinhua'],
    ['Xinhua news agency', 'xinhua'],
    ['CGTN', 'cgtn'],
    ['Global Times', 'global-times'],
    ['Tasnim', 'tasnim-news-agency'],
    ['Al-Manar', 'al-manar'],
    ['Al Jazeera', 'al-jazeera'],
    ['the New York Times', 'new-york-times'],
    ['NYT', 'new-york-times'],
    ['The Washington Post', 'washington-post'],
    ['the Guardian', 'guardian'],
    ['Reuters', 'reuters'],
    ['AP', 'associated-press'],
    ['AFP', 'agence-france-presse'],
    ['Der Spiegel', 'der-spiegel'],
    ['Tolo News', 'tolo-news'],
    ['Pajhwok', 'pajhwok-afghan-news'],
    ['nytimes.com', 'new-york-times'],
    ['the Times', null],
    ['The Post', null],
    ['NTV', null],
    ['', null],
    ['Nonexistent Gazette', null],
  ])('%s → %s', (name, key) => {
    expect(registry.byName(name)?.key ?? null).toBe(key);
  });

  it('labels typologies and marks matrix outlets as state-affiliated', () => {
    const fars = registry.byName('Fars')!;
    expect(fars.stateAffiliated).toBe(true);
    expect(fars.registry).toEqual({ source: 'state-media-matrix', typology: 'SC', typologyLabel: 'State-controlled media', owner: 'Fars News Agency', stateEditorialControl: true });
    expect(registry.byName('Reuters')!.stateAffiliated).toBe(false);
    expect(registry.byName('BBC')!.registry!.typologyLabel).toBe('Independent public media');
    // The matrix lists the BBC, but the state does not control its editorial line: not state-affiliated here.
    expect(registry.byName('BBC')!.stateAffiliated).toBe(false);
    expect(registry.byName('BBC')!.registry!.stateEditorialControl).toBe(false);
    expect(registry.byName('IRNA')!.registry!.stateEditorialControl).toBe(true);
  });
});

describe('byHost', () => {
  it.each([
    ['www.nytimes.com', 'new-york-times'],
    ['https://www.presstv.ir/Detail/2021/01/01/1', 'press-tv'],
    ['en.farsnews.ir', 'fars-news-agency'],
    ['english.farsnews.ir', 'fars-news-agency'],
    ['edition.cnn.com', 'cnn'],
    ['WWW.THEGUARDIAN.COM', 'guardian'],
    ['sana.sy', 'sana'],
    ['almanar.com.lb', 'al-manar'],
    ['example.com', null],
    ['com', null],
  ])('%s → %s', (host, key) => {
    expect(registry.byHost(host)?.key ?? null).toBe(key);
  });
});

describe('findMentions', () => {
  const keys = (text: string) => registry.findMentions(text).map((m) => [text.slice(m.span.start, m.span.end), m.outlet.key]);
  it.each([
    ['Writing in the Guardian, she said', [['Guardian', 'guardian']]],
    ['the guardian of the peace', []],
    ['according to the FARS news agency and IRNA', [['FARS news agency', 'fars-news-agency'], ['IRNA', 'irna']]],
    ['Press TV and RT reported', [['Press TV', 'press-tv'], ['RT', 'rt']]],
    ['Art and rt are not RT', [['RT', 'rt']]],
    ['an AP report; the ap style', [['AP', 'associated-press']]],
    ['The New York Times said', [['The New York Times', 'new-york-times']]],
    ['in the Times, which', []],
    ['The Washington Post. Reuters said', [['The Washington Post', 'washington-post'], ['Reuters', 'reuters']]],
    ['Xinhua, Al-Manar and Al Jazeera English', [['Xinhua', 'xinhua'], ['Al-Manar', 'al-manar'], ['Al Jazeera English', 'al-jazeera']]],
    ['across the Atlantic', []],
    ['Iran said', []],
    ["the Post's reporting", []],
  ])('%s', (text, expected) => {
    expect(keys(text)).toEqual(expected);
  });

  it('is linear on adversarial input', () => {
    const big = 'The New York '.repeat(80_000) + '('.repeat(1_000_000);
    const t0 = performance.now();
    registry.findMentions(big);
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});

describe('createOutletRegistry', () => {
  const entry = { aliases: [], domains: [], country: null, source: 'claimtrace-curated' as const, typology: null, owner: null, stateAffiliated: false };
  it('throws on duplicate keys', () => {
    expect(() => createOutletRegistry([{ ...entry, key: 'a', name: 'A' }, { ...entry, key: 'a', name: 'B' }])).toThrow(/unique outlet keys/);
  });
  it('resolves neither outlet for a shared name', () => {
    const r = createOutletRegistry([
      { ...entry, key: 'x', name: 'Daily Star', domains: ['x.com'] },
      { ...entry, key: 'y', name: 'The Daily Star', domains: ['y.com'] },
    ]);
    expect(r.byName('Daily Star')).toBeNull();
    expect(r.findMentions('the Daily Star said')).toEqual([]);
    expect(r.byHost('www.y.com')?.key).toBe('y');
  });
});
