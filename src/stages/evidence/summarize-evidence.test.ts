import { describe, expect, it } from 'vitest';
import type { OutletRef } from '../../core/layers.js';
import { findClaims } from '../claims/find-claims.js';
import { at, citation, quote, structureOf } from '../claims/test-layers.js';
import { summarizeEvidence } from './summarize-evidence.js';

function outlet(id: string, key: string, name: string, stateAffiliated: boolean, typologyLabel: string | null = null): OutletRef {
  return {
    id,
    facts: { key, name, aliases: [], domains: [], country: stateAffiliated ? 'Kestria' : null, stateAffiliated, registry: typologyLabel ? { source: 'test', typology: 'X', typologyLabel, owner: null } : null },
    aliasesSeen: [name],
    mentions: [],
    roles: ['cited'],
  };
}

describe('summarizeEvidence', () => {
  const text = [
    'Rebels reportedly seized the airport (Kestria Today, 2 May). The toll rose to 40 (ibid, citing Voice of Kestria).',
    '"We saw the jets," said Mara Lind. The paper reported that "the strike was deliberate" (Anna Ruiz, "Jets over the valley", The Harbour Times).',
    'Officials who asked not to be named said a review was ordered. The port closed on Monday.',
  ].join('\n\n');
  const q1 = quote('q1', at(text, 'We saw the jets,'), { cue: at(text, 'said'), name: 'Mara Lind', mention: at(text, 'Mara Lind') });
  const q2 = quote('q2', at(text, 'the strike was deliberate'), { kind: 'outlet', name: 'paper', cue: at(text, 'reported'), mention: at(text, 'The paper') });
  const q3 = quote('q3', at(text, 'a review was ordered'), { kind: 'anonymous', cue: at(text, 'said', 1), mention: at(text, 'Officials') });
  const c1 = citation('c1', at(text, '(Kestria Today, 2 May)'), { outletName: 'Kestria Today', outletKey: 'kestria-today' });
  const c2 = citation('c2', at(text, '(ibid, citing Voice of Kestria)'), { ibidOf: 'c1', via: { text: 'Voice of Kestria', outletName: 'Voice of Kestria', outletKey: 'voice-of-kestria' } });
  const c3 = citation('c3', at(text, '(Anna Ruiz, "Jets over the valley", The Harbour Times)'), { outletName: 'The Harbour Times', authors: ['Anna Ruiz'], covers: { quotes: ['q2'], paragraph: 1 } });
  const quotes = { quotes: [q1, q2, q3], markedPhrases: [] };
  const citations = { citations: [c1, c2, c3] };
  const claims = findClaims({ text, structure: structureOf(text), quotes, citations });
  const outlets = {
    outlets: [
      outlet('o1', 'kestria-today', 'Kestria Today', false),
      outlet('o2', 'voice-of-kestria', 'Voice of Kestria', true, 'State-controlled media'),
      outlet('o3', 'the harbour times', 'The Harbour Times', false),
    ],
  };
  const summary = summarizeEvidence({ claims, quotes, citations, outlets, techniques: [{ technique: 'Slogans' }, { technique: 'Doubt' }, { technique: 'Slogans' }] });

  it('counts claims by support, kind, hedging', () => {
    expect(summary.claims).toMatchObject({ total: 6, sourced: 5, unsourced: 1, anonymousOnly: 1, hedged: 1 });
    expect(summary.claims.unsourcedIds).toEqual(['k6']);
    expect(summary.hedges.byKind).toEqual({ hedge: 0, evidential: 1, 'unverified-marker': 0 });
  });

  it('counts distinct sources by kind; an ibid adds none, `the paper` is the outlet its reference names', () => {
    expect(summary.sources.byKind).toEqual({ 'named-person': 1, anonymous: 1, 'official-body': 0, outlet: 3, document: 0, unidentified: 0 });
    expect(summary.sources.list.find((s) => s.name === 'The Harbour Times')).toMatchObject({ quoteIds: ['q2'], citationIds: ['c3'] });
  });

  it('lists state-affiliated outlets with the registry typology', () => {
    expect(summary.stateAffiliatedOutlets).toEqual([
      { key: 'voice-of-kestria', name: 'Voice of Kestria', country: 'Kestria', typology: 'X', typologyLabel: 'State-controlled media', roles: ['cited'] },
    ]);
  });

  it('finds chains through ibid and via', () => {
    expect(summary.chains.map((c) => c.links)).toEqual([['Kestria Today', 'Voice of Kestria']]);
  });

  it('counts techniques, most frequent first', () => {
    expect(summary.techniques).toEqual([
      { technique: 'Slogans', count: 2 },
      { technique: 'Doubt', count: 1 },
    ]);
  });

  it('counts rhetorical devices by kind, in a fixed order, leaving out kinds with none', () => {
    const devices = { devices: [{ kind: 'slogan' as const }, { kind: 'rhetorical-question' as const }, { kind: 'slogan' as const }] };
    expect(summarizeEvidence({ devices }).devices).toEqual([
      { kind: 'rhetorical-question', count: 1 },
      { kind: 'slogan', count: 2 },
    ]);
  });

  it('takes missing layers as empty', () => {
    const empty = summarizeEvidence({});
    expect(empty.devices).toEqual([]);
    expect(empty.claims.total).toBe(0);
    expect(empty.chains).toEqual([]);
    expect(empty.sources.list).toEqual([]);
  });
});
