import { describe, expect, it } from 'vitest';
import type { MarkedPhrase, Quote } from '../../core/layers.js';
import { at, quote, structureOf } from '../claims/test-layers.js';
import { findDevices } from './find-devices.js';

function devices(text: string, quotes: Quote[] = [], markedPhrases: MarkedPhrase[] = []) {
  return findDevices(text, { structure: structureOf(text), quotes: { quotes, markedPhrases } }).map((d) => [d.kind, text.slice(d.span.start, d.span.end)]);
}

describe('findDevices', () => {
  it.each([
    ['a question in the author\u2019s voice', 'The ministry has said nothing. Who will speak for the families?', [['rhetorical-question', 'Who will speak for the families?']]],
    ['a short exclamation without pronouns is a slogan', 'The vote is on Sunday. Justice for Darvan, now!', [['slogan', 'Justice for Darvan, now!']]],
    ['a short exclamation addressed to someone is an exclamation', 'Shame on you all!', [['exclamation', 'Shame on you all!']]],
    ['a long exclamation', 'This is the third time in a year that the council has broken its promise to the town!', [['exclamation', 'This is the third time in a year that the council has broken its promise to the town!']]],
    ['a short line in capitals', 'The crowd carried banners.\n\nSTOP THE WAR\n\nThe march ended at noon.', [['slogan', 'STOP THE WAR']]],
    ['capitalised initials are not shouting', 'US UK EU.', []],
    ['a hashtag', 'Supporters posted #SaveTheHarbour all night.', [['slogan', '#SaveTheHarbour']]],
    ['an ordinary statement', 'The bridge reopened on Monday after repairs.', []],
    ['a statement about a question', 'Nobody asked why.', []],
  ])('%s', (_name, text, expected) => {
    expect(devices(text)).toEqual(expected);
  });

  it('leaves out an interview: its questions are the interviewer\u2019s, its exclamations the guest\u2019s', () => {
    const text = 'Meet our new director.\n\nQ: Where did you grow up?\n\nA: In the harbour town, and I loved it!\n\nQ: Favourite book?\n\nA: Anything by Le Guin.\n\nWho would not want this job?';
    expect(devices(text)).toEqual([['rhetorical-question', 'Who would not want this job?']]);
  });

  it('does not call greetings and thanks slogans', () => {
    expect(devices('Thanks Junior! Congratulations!!! Welcome aboard!')).toEqual([
      ['exclamation', 'Thanks Junior!'],
      ['exclamation', 'Congratulations!!!'],
      ['exclamation', 'Welcome aboard!'],
    ]);
  });

  it('leaves out questions and exclamations inside quotations: they are the speaker\u2019s', () => {
    const text = 'The mayor asked: "Who pays for this?" Residents shouted "Not us!" at the meeting. Why did nobody listen?';
    const quotes = [quote('q1', at(text, 'Who pays for this?')), quote('q2', at(text, 'Not us!'))];
    expect(devices(text, quotes)).toEqual([['rhetorical-question', 'Why did nobody listen?']]);
  });

  it('leaves out a sentence that ends with a closing quotation mark after its question mark', () => {
    const text = 'She wrote to the board, "What happens to the workers?"';
    expect(devices(text)).toEqual([]);
  });

  it('reports scare quotes from the marked phrases, and nothing for titles', () => {
    const text = "The jets hit the market 'accidentally', says the report 'Darvan toll rises'.";
    const marked: MarkedPhrase[] = [
      { id: 'm1', kind: 'scare', span: at(text, "'accidentally'"), confidence: 0.8 },
      { id: 'm2', kind: 'title', span: at(text, "'Darvan toll rises'"), confidence: 0.8 },
    ];
    expect(devices(text, [], marked)).toEqual([['scare-quote', "'accidentally'"]]);
  });

  it('stays linear on a megabyte of question marks and exclamation marks', () => {
    const text = '?!'.repeat(1 << 19);
    const found = findDevices(text, { structure: structureOf(text), quotes: { quotes: [], markedPhrases: [] } });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((d) => d.span.end <= text.length)).toBe(true);
  });
});
