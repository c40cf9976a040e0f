import { describe, expect, it } from 'vitest';
import type { Citation, Quote } from '../../core/layers.js';
import { findClaims } from './find-claims.js';
import { at, citation, quote, structureOf } from './test-layers.js';

function run(text: string, quotes: Quote[] = [], citations: Citation[] = [], outletKeyOf?: (name: string) => string | null) {
  const layer = findClaims({ text, structure: structureOf(text), quotes: { quotes, markedPhrases: [] }, citations: { citations }, outletKeyOf });
  const slice = (s: { start: number; end: number }) => text.slice(s.start, s.end);
  return { layer, slice, claims: layer.claims.map((k) => ({ ...k, text: slice(k.span) })) };
}

describe('findClaims', () => {
  it('keeps checkable sentences and drops questions, slogans and opinion', () => {
    const { claims } = run('Troops crossed the border on Sunday. Who will speak for them? I think this is shameful. Justice for Darvan, now!');
    expect(claims.map((k) => [k.id, k.kind, k.text])).toEqual([['k1', 'event', 'Troops crossed the border on Sunday.']]);
    expect(claims[0]!.support.status).toBe('unsourced');
  });

  it('splits clauses at a semicolon outside quotations', () => {
    const text = 'The toll rose to 40; the ministry denied it. He said: "One; two."';
    const { claims } = run(text, [quote('q1', at(text, 'One; two.'), { cue: at(text, 'said') })]);
    expect(claims.map((k) => k.text)).toEqual(['The toll rose to 40;', 'the ministry denied it.', 'He said: "One; two."']);
  });

  it('a reference closing its paragraph covers the claims since the previous reference in it', () => {
    const text =
      'Rebels seized the airport (Reuters, 2 May). Two soldiers died. The army withdrew (AP, 3 May).\n\nThe port was closed on Monday.';
    const c1 = citation('c1', at(text, '(Reuters, 2 May)'), { outletKey: 'reuters' });
    const c2 = citation('c2', at(text, '(AP, 3 May)'), { outletKey: 'associated-press' });
    const { claims } = run(text, [], [c1, c2]);
    expect(claims.map((k) => [k.text, k.support.citationIds, k.support.status])).toEqual([
      ['Rebels seized the airport (Reuters, 2 May).', ['c1'], 'sourced'],
      ['Two soldiers died.', ['c2'], 'sourced'],
      ['The army withdrew (AP, 3 May).', ['c2'], 'sourced'],
      ['The port was closed on Monday.', [], 'unsourced'],
    ]);
    expect(claims[0]!.support.outletKeys).toEqual(['reuters']);
  });

  it('a reference closing its paragraph right after a quote covers that quote only', () => {
    const text = 'Troops crossed the border. The minister said: "We will respond." (Radio Varnia, 2 May)';
    const q1 = quote('q1', at(text, 'We will respond.'), { cue: at(text, 'said'), name: 'the minister' });
    const c1 = citation('c1', at(text, '(Radio Varnia, 2 May)'), { covers: { quotes: ['q1'], paragraph: 0 } });
    const { claims } = run(text, [q1], [c1]);
    expect(claims.map((k) => [k.text, k.support.citationIds])).toEqual([
      ['Troops crossed the border.', []],
      ['The minister said: "We will respond."', ['c1']],
    ]);
  });

  it('a reference in the middle of a paragraph covers only its own sentence', () => {
    const text = 'Rebels seized the airport (Reuters, 2 May). Two soldiers died. The army withdrew.';
    const { claims } = run(text, [], [citation('c1', at(text, '(Reuters, 2 May)'))]);
    expect(claims.map((k) => k.support.citationIds)).toEqual([['c1'], [], []]);
  });

  it('a reference standing alone after a quote covers the claim before it, and is no claim itself', () => {
    const text = 'Reports the Times: "Images show damage from at least two bombs." (Times staff, "Images", The New York Times, 7 June)';
    const q1 = quote('q1', at(text, 'Images show damage from at least two bombs.'), { kind: 'outlet', name: 'New York Times', mention: at(text, 'the Times') });
    const c1 = citation('c1', at(text, '(Times staff, "Images", The New York Times, 7 June)'), { outletKey: 'new-york-times', covers: { quotes: ['q1'], paragraph: 0 } });
    const { claims } = run(text, [q1], [c1], (name) => (name === 'New York Times' ? 'new-york-times' : null));
    expect(claims).toHaveLength(1);
    expect(claims[0]!.kind).toBe('attributed');
    expect(claims[0]!.support).toMatchObject({ quoteIds: ['q1'], citationIds: ['c1'], outletKeys: ['new-york-times'], status: 'sourced' });
  });

  it('follows ibid and via to the outlets behind a reference', () => {
    const text = 'A state outlet put the toll at 63 (Iran Front Page, 5 June). Another put the injured at over a hundred (ibid, citing FARS news agency).';
    const c1 = citation('c1', at(text, '(Iran Front Page, 5 June)'), { outletName: 'Iran Front Page', outletKey: 'ifp' });
    const c2 = citation('c2', at(text, '(ibid, citing FARS news agency)'), { ibidOf: 'c1', via: { text: 'FARS news agency', outletName: 'FARS', outletKey: 'fars' } });
    const { claims } = run(text, [], [c1, c2]);
    expect(claims.map((k) => k.support.outletKeys)).toEqual([['ifp'], ['fars', 'ifp']]);
  });

  it('"according to X" sources its clause; "we are told" does not', () => {
    const text = "According to the finance office, the bridge will cost $412 million. Now we are told the depot was empty.";
    const { claims, slice } = run(text);
    expect(claims.map((k) => [k.kind, k.support.status, k.support.attributions.map(slice)])).toEqual([
      ['attributed', 'sourced', ['the finance office']],
      // `we are told` names no one: an evidential (a hedge), not an attribution.
      ['other', 'unsourced', []],
    ]);
  });

  it('links hedges to the claims they qualify, including a sentence about the claim before', () => {
    const text = 'Rebels reportedly seized the airport. The claim could not be independently verified.\n\nIt seems the talks stalled on Monday.';
    const { layer, claims } = run(text);
    expect(claims.map((k) => k.text)).toEqual(['Rebels reportedly seized the airport.', 'It seems the talks stalled on Monday.']);
    expect(layer.hedges.map((h) => [h.id, h.kind, h.cue])).toEqual([
      ['h1', 'evidential', 'reportedly'],
      ['h2', 'unverified-marker', 'could not be independently verified'],
      ['h3', 'hedge', 'it seems'],
    ]);
    expect(claims.map((k) => k.hedgeIds)).toEqual([['h1', 'h2'], ['h3']]);
  });

  it('a bare unverified-marker standing as its own sentence qualifies the claim before', () => {
    const text = 'Six guards were wounded at the pass. (Unconfirmed.)';
    const { layer, claims } = run(text);
    expect(claims.map((k) => [k.text, k.hedgeIds])).toEqual([['Six guards were wounded at the pass.', ['h1']]]);
    expect(layer.hedges[0]?.cue).toBe('unconfirmed');
  });

  it('flags anonymous sources from the quote speaker kind and from its own lexicon', () => {
    const text = 'Officials who asked not to be named said a review had been ordered. Sources said the minister would resign.';
    const q1 = quote('q1', at(text, 'a review had been ordered'), { kind: 'anonymous', cue: at(text, 'said'), mention: at(text, 'Officials') });
    const { layer, claims, slice } = run(text, [q1]);
    expect(layer.anonymousSources.map((a) => [a.id, slice(a.span), a.quoteId, a.detectedBy])).toEqual([
      ['a1', 'Officials who asked not to be named', 'q1', 'quote-speaker'],
      ['a2', 'Sources', null, 'lexicon'],
    ]);
    expect(claims.map((k) => [k.support.anonymousSourceIds, k.support.status])).toEqual([
      [['a1'], 'sourced'],
      [['a2'], 'sourced'],
    ]);
  });

  it('reads the author’s stance on an attribution, not the speaker’s words', () => {
    const text = 'The minister falsely claimed that the border was closed. The ministry confirmed that three soldiers had died. She said: "They confirmed it."';
    const q1 = quote('q1', at(text, 'that the border was closed'), { cue: at(text, 'claimed') });
    const q2 = quote('q2', at(text, 'They confirmed it.'), { cue: at(text, 'said') });
    const { layer, claims, slice } = run(text, [q1, q2]);
    expect(claims.map((k) => [k.stance, k.stanceCue && slice(k.stanceCue)])).toEqual([
      ['disputed', 'falsely claimed'],
      ['endorsed', 'confirmed'],
      ['neutral', null],
    ]);
    expect(layer.quoteStances.map((s) => [s.quoteId, s.stance])).toEqual([['q1', 'disputed']]);
  });

  it('a quote without any speaker does not source a claim', () => {
    const text = '"The state stands behind this project."';
    const { claims } = run(text, [quote('q1', at(text, 'The state stands behind this project.'), { kind: 'unknown' })]);
    expect(claims[0]!.support).toMatchObject({ quoteIds: ['q1'], status: 'unsourced' });
  });
});
