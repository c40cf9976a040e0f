import { describe, expect, it } from 'vitest';
import type { SerializedOutlet } from '../contract/schema.js';
import { affiliationOf } from './describe-sources.js';

const outlet = (stateAffiliated: boolean, registry: SerializedOutlet['registry']): SerializedOutlet => ({
  id: 'o1', key: 'k', name: 'N', aliasesSeen: [], domains: [], country: null, stateAffiliated, registry, roles: ['named'], mentions: [],
});

describe('affiliationOf', () => {
  it.each([
    ['state-affiliated (State Media Matrix: state-controlled)', outlet(true, { source: 'state-media-matrix', typology: 'SC', typologyLabel: 'State-controlled media', owner: null })],
    ['listed by the State Media Matrix: independent public media', outlet(false, { source: 'state-media-matrix', typology: 'IPM', typologyLabel: 'Independent public media', owner: null })],
    ['not listed as state-affiliated (State Media Matrix)', outlet(false, { source: 'claimtrace-curated', typology: null, typologyLabel: null, owner: null })],
    ['not in the outlet registry', outlet(false, null)],
  ])('%s', (expected, o) => {
    expect(affiliationOf(o)).toBe(expected);
  });
});
