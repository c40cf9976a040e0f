/**
 * Hand-made articles and helpers shared by the store's tests (store-contract.test.ts, sqlite/ and
 * postgres/): one definition of each, so every backend is tested on the same maps.
 */
import { isClaimtraceError } from '../core/diagnostics.js';
import type { TestMapSpec } from './build-test-map.js';

export const RT = { key: 'rt', name: 'RT', stateAffiliated: true };
export const TASS = { key: 'tass', name: 'TASS', stateAffiliated: true };
export const GUARDIAN = { key: 'guardian', name: 'The Guardian' };
export const HERALD = { key: 'herald', name: 'Harbour Herald' };
export const GAZETTE = { key: 'gazette', name: 'Valley Gazette' };

export const bridge: TestMapSpec = {
  path: 'a/bridge.txt',
  title: 'Harbour bridge to close',
  published: '2026-03-01',
  publisher: HERALD,
  text: 'The bridge will close for repairs, Mayor Ana Sousa said. "We have no choice," she said. The ministry disagreed (RT, citing TASS).',
  quotes: [
    { content: 'The bridge will close for repairs', speaker: 'Mayor Ana Sousa', cue: 'said' },
    { content: 'We have no choice', speaker: 'Ana Sousa', cue: 'said' },
  ],
  citations: [{ text: '(RT, citing TASS)', outlet: RT, via: TASS }],
};

export const ferry: TestMapSpec = {
  path: 'a/ferry.txt',
  title: 'Ferries run late',
  published: '2026-02-01',
  publisher: GUARDIAN,
  text: 'Ferries will run late all week, Ana Sousa told reporters. "São Paulo had the same trouble," said Dr. Rui Costa. Officials confirmed it (RT).',
  quotes: [
    { content: 'Ferries will run late all week', speaker: 'Ana Sousa', cue: 'told' },
    { content: 'São Paulo had the same trouble', speaker: 'Dr. Rui Costa', cue: 'said' },
  ],
  citations: [{ text: '(RT)', outlet: RT }],
};

/** The short bridge article the web tests read (web-reads.test.ts, create-app.test.ts). */
export const webBridge: TestMapSpec = {
  path: 'a/bridge.txt',
  title: 'Bridge to close',
  published: '2026-03-01',
  publisher: HERALD,
  text: '"We have no choice," Ana Sousa said. The ministry disagreed (RT).',
  quotes: [{ content: 'We have no choice', speaker: 'Ana Sousa', cue: 'said' }],
  citations: [{ text: '(RT)', outlet: RT }],
};

// For the evidence tests, three articles of two outlets. Three claims, two unsourced:
export const budget: TestMapSpec = {
  path: 'budget.txt',
  publisher: HERALD,
  published: '2026-03-02',
  text: 'Taxes rose by 4 percent. "We had no choice," said Ana Sousa. Schools will close early. Crime doubled last year.',
  quotes: [{ content: 'We had no choice', speaker: 'Ana Sousa', cue: 'said' }],
  claims: [
    { text: 'Taxes rose by 4 percent', kind: 'quantity', quote: 0 },
    { text: 'Schools will close early' },
    { text: 'Crime doubled last year', kind: 'quantity' },
  ],
};
// One claim, unsourced.
export const storm: TestMapSpec = {
  path: 'storm.txt',
  publisher: HERALD,
  published: '2026-03-03',
  text: 'The storm destroyed forty homes.',
  claims: [{ text: 'The storm destroyed forty homes' }],
};
// Two claims, one unsourced, another outlet.
export const port: TestMapSpec = {
  path: 'port.txt',
  publisher: GAZETTE,
  text: 'The port reopened on Monday (Reuters). Exports will triple.',
  citations: [{ text: '(Reuters)', outlet: { key: 'reuters', name: 'Reuters' } }],
  claims: [{ text: 'The port reopened on Monday', citation: 0 }, { text: 'Exports will triple' }],
};

/** The store error code `p` rejects with (`no error` when it resolves). */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return isClaimtraceError(e) ? e.code : `not a ClaimtraceError: ${String(e)}`;
  }
  return 'no error';
}

/** The message `p` rejects with (empty when it resolves). */
export async function messageOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  return '';
}
